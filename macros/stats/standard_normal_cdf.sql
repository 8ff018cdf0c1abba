{#
    corridor.standard_normal_cdf(x): Phi(x) as a SQL expression, via the
    complementary error function of Numerical Recipes (erfcc, Chebyshev
    fit; absolute error below 1.2e-7 times the value). Engines lack erf
    (PostgreSQL before 16, DuckDB), so it is written out; exp's argument is
    clamped so no engine underflows.
#}
{% macro standard_normal_cdf(x) -%}
    {{ return(adapter.dispatch('standard_normal_cdf', 'corridor')(x)) }}
{%- endmacro %}

{% macro default__standard_normal_cdf(x) -%}
    {%- set z = '(abs(' ~ x ~ ') / 1.4142135623730951)' -%}
    {%- set t = '(1.0 / (1.0 + 0.5 * ' ~ z ~ '))' -%}
    {%- set erfc = t ~ ' * exp(greatest(-' ~ z ~ ' * ' ~ z ~ ' - 1.26551223 + ' ~ t ~ ' * (1.00002368 + ' ~ t ~ ' * (0.37409196 + ' ~ t ~ ' * (0.09678418 + ' ~ t ~ ' * (-0.18628806 + ' ~ t ~ ' * (0.27886807 + ' ~ t ~ ' * (-1.13520398 + ' ~ t ~ ' * (1.48851587 + ' ~ t ~ ' * (-0.82215223 + ' ~ t ~ ' * 0.17087277)))))))), -700.0))' -%}
    (case when ({{ x }}) >= 0 then 1.0 - 0.5 * {{ erfc }} else 0.5 * {{ erfc }} end)
{%- endmacro %}
