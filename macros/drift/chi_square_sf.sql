{#-
    corridor.chi_square_sf(x, df): P(X > x) for a chi-square variable with df
    degrees of freedom (the p-value of a chi-square statistic). Exact for
    df = 1 (2 (1 - Phi(sqrt x))) and df = 2 (exp(-x / 2)); for df >= 3 the
    Wilson-Hilferty normal approximation of the cube root, whose absolute
    error against scipy.stats.chi2.sf stays below 0.003 (tested); null when
    df < 1.
-#}
{% macro chi_square_sf(x, df) %}
    {{ return(adapter.dispatch('chi_square_sf', 'corridor')(x, df)) }}
{% endmacro %}

{% macro default__chi_square_sf(x, df) -%}
    {%- set k = '(' ~ df ~ ')' -%}
    {%- set wh = '((power(greatest(' ~ x ~ ', 0) / ' ~ k ~ ', 1.0 / 3) - (1 - 2.0 / (9 * ' ~ k ~ '))) / sqrt(2.0 / (9 * ' ~ k ~ ')))' -%}
    (case
        when ({{ x }}) is null or {{ k }} is null or {{ k }} < 1 then null
        when {{ k }} = 1 then 2 * (1 - {{ corridor.standard_normal_cdf('sqrt(greatest(' ~ x ~ ', 0))') }})
        when {{ k }} = 2 then exp(greatest(-greatest({{ x }}, 0) / 2, -700.0))
        else 1 - {{ corridor.standard_normal_cdf(wh) }}
    end)
{%- endmacro %}
