{#
    corridor.lgamma_difference(z, d): lgamma(z + d) - lgamma(z) for z, d > 0,
    without the cancellation of subtracting two lgamma values near 10^9
    (which loses ~1e-7 at z = 10^8): for z >= 10^4 and d <= z / 4, Stirling's
    series differenced term by term,
        (z - 1/2) φ(d / z) - d / (2z) + d ln(z + d) + c(z + d) - c(z),
    with φ(u) = ln(1 + u) - u (corridor.log1p_minus_identity) and
    c(w) = 1/(12w) - 1/(360w³) + 1/(1260w⁵) (truncation below 1e-30);
    otherwise corridor.lgamma(z + d) - corridor.lgamma(z). `z` and `d` should
    be columns (they are repeated).
#}
{% macro lgamma_difference(z, d) -%}
    {{ return(adapter.dispatch('lgamma_difference', 'corridor')(z, d)) }}
{%- endmacro %}

{% macro default__lgamma_difference(z, d) -%}
    {%- set w = '(' ~ z ~ ' + ' ~ d ~ ')' -%}
    {%- set u = '((' ~ d ~ ') / (' ~ z ~ '))' -%}
    case
        when {{ z }} >= 10000 and {{ d }} <= 0.25 * {{ z }} then
            ({{ z }} - 0.5) * {{ corridor.log1p_minus_identity(u) }} - 0.5 * {{ u }} + {{ d }} * ln({{ w }})
            + (1.0 / (12 * {{ w }}) - 1.0 / (360 * {{ w }} * {{ w }} * {{ w }}) + 1.0 / (1260 * power({{ w }}, 5)))
            - (1.0 / (12 * {{ z }}) - 1.0 / (360 * {{ z }} * {{ z }} * {{ z }}) + 1.0 / (1260 * power({{ z }}, 5)))
        else {{ corridor.lgamma(w) }} - {{ corridor.lgamma(z) }}
    end
{%- endmacro %}
