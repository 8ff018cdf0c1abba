{#
    corridor.wilson_upper(successes, trials, z): the upper end of the Wilson
    score interval (see corridor.wilson_lower). Null when trials = 0.
#}

{% macro wilson_upper(successes, trials, z) -%}
    {{ return(adapter.dispatch('wilson_bound', 'corridor')(successes, trials, z, 1)) }}
{%- endmacro %}

{% macro default__wilson_bound(successes, trials, z, sign) -%}
    {%- set n = 'cast(' ~ trials ~ ' as ' ~ corridor.type_double() ~ ')' -%}
    {%- set p = '(cast(' ~ successes ~ ' as ' ~ corridor.type_double() ~ ') / nullif(' ~ n ~ ', 0))' -%}
    {%- set z2 = z * z -%}
    case when {{ trials }} > 0 then
        greatest(0.0, least(1.0,
            ({{ p }} + {{ z2 }} / (2 * {{ n }}) {{ '+' if sign > 0 else '-' }} {{ z }} * sqrt(greatest({{ p }} * (1 - {{ p }}) / {{ n }}
                + {{ z2 }} / (4 * {{ n }} * {{ n }}), 0.0)))
            / (1 + {{ z2 }} / {{ n }})
        ))
    end
{%- endmacro %}
