{#
    corridor.bitwise_xor(a, b): bitwise exclusive or of two non-negative
    bigints (xor() on DuckDB, # on PostgreSQL, ^ on Spark).
#}

{% macro bitwise_xor(a, b) %}
    {{ return(adapter.dispatch('bitwise_xor', 'corridor')(a, b)) }}
{% endmacro %}

{% macro default__bitwise_xor(a, b) -%}
    (({{ a }}) # ({{ b }}))
{%- endmacro %}

{% macro duckdb__bitwise_xor(a, b) -%}
    xor({{ a }}, {{ b }})
{%- endmacro %}

{% macro spark__bitwise_xor(a, b) -%}
    (({{ a }}) ^ ({{ b }}))
{%- endmacro %}
