{#
    corridor.lgamma(x): the natural log of the gamma function for x > 0.
    DuckDB has it built in; elsewhere (PostgreSQL before 18, Spark) it is
    Stirling's series with the argument shifted to at least 10 (absolute
    error below 1e-13).
#}
{% macro lgamma(x) %}
    {{ return(adapter.dispatch('lgamma', 'corridor')(x)) }}
{% endmacro %}

{% macro default__lgamma(x) -%}
    {%- set y = '(' ~ x ~ ' + 10)' -%}
    (({{ y }} - 0.5) * ln({{ y }}) - {{ y }} + 0.9189385332046728
        + 1.0 / (12 * {{ y }}) - 1.0 / (360 * power({{ y }}, 3)) + 1.0 / (1260 * power({{ y }}, 5))
        - 1.0 / (1680 * power({{ y }}, 7)) + 1.0 / (1188 * power({{ y }}, 9))
        - ln({{ x }}) - ln({{ x }} + 1) - ln({{ x }} + 2) - ln({{ x }} + 3) - ln({{ x }} + 4)
        - ln({{ x }} + 5) - ln({{ x }} + 6) - ln({{ x }} + 7) - ln({{ x }} + 8) - ln({{ x }} + 9))
{%- endmacro %}

{% macro duckdb__lgamma(x) -%}
    lgamma({{ x }})
{%- endmacro %}

{#- Spark SQL has no lgamma (checked on Spark 4.0): the series, as on PostgreSQL -#}
{% macro spark__lgamma(x) -%}
    {{ corridor.default__lgamma(x) }}
{%- endmacro %}
