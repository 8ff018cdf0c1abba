{#
    corridor.normal_quantile_sql(p): the inverse of the standard normal CDF as
    a SQL expression (Acklam's rational approximation, relative error below
    1.2e-9 over (0, 1), coefficients shared with corridor.normal_quantile),
    for per-row probabilities such as each offline estimate's own confidence
    level.
#}

{% macro normal_quantile_sql(p) -%}
    {{ return(adapter.dispatch('normal_quantile_sql', 'corridor')(p)) }}
{%- endmacro %}

{% macro default__normal_quantile_sql(p) -%}
    {%- set k = corridor._normal_quantile_coefficients() -%}
    {%- set a, b, c, d = k['a'], k['b'], k['c'], k['d'] -%}
    {#- ln arguments are clamped so that branches an engine evaluates eagerly never see ln(x <= 0) -#}
    {%- set lo = 'sqrt(-2 * ln(least(greatest(' ~ p ~ ', 1e-300), 1.0)))' -%}
    {%- set hi = 'sqrt(-2 * ln(least(greatest(1 - ' ~ p ~ ', 1e-300), 1.0)))' -%}
    {%- set mid_q = '(' ~ p ~ ' - 0.5)' -%}
    {%- set mid_r = '((' ~ p ~ ' - 0.5) * (' ~ p ~ ' - 0.5))' -%}
    case
        when {{ p }} <= 0 or {{ p }} >= 1 then null
        when {{ p }} < 0.02425 then
            (((((({{ c[0] }}) * {{ lo }} + ({{ c[1] }})) * {{ lo }} + ({{ c[2] }})) * {{ lo }} + ({{ c[3] }})) * {{ lo }} + ({{ c[4] }}))
                * {{ lo }} + ({{ c[5] }}))
            / (((({{ d[0] }} * {{ lo }} + {{ d[1] }}) * {{ lo }} + {{ d[2] }}) * {{ lo }} + {{ d[3] }}) * {{ lo }} + 1)
        when {{ p }} > 1 - 0.02425 then
            -(((((({{ c[0] }}) * {{ hi }} + ({{ c[1] }})) * {{ hi }} + ({{ c[2] }})) * {{ hi }} + ({{ c[3] }})) * {{ hi }} + ({{ c[4] }}))
                * {{ hi }} + ({{ c[5] }}))
            / (((({{ d[0] }} * {{ hi }} + {{ d[1] }}) * {{ hi }} + {{ d[2] }}) * {{ hi }} + {{ d[3] }}) * {{ hi }} + 1)
        else
            (((((({{ a[0] }}) * {{ mid_r }} + ({{ a[1] }})) * {{ mid_r }} + ({{ a[2] }})) * {{ mid_r }} + ({{ a[3] }})) * {{ mid_r }} +
                ({{ a[4] }})) * {{ mid_r }} + ({{ a[5] }})) * {{ mid_q }}
            / (((((({{ b[0] }}) * {{ mid_r }} + ({{ b[1] }})) * {{ mid_r }} + ({{ b[2] }})) * {{ mid_r }} + ({{ b[3] }})) * {{ mid_r }} +
                ({{ b[4] }})) * {{ mid_r }} + 1)
    end
{%- endmacro %}
