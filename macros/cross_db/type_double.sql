{#- A 64-bit float. dbt.type_float() is 32-bit FLOAT on DuckDB, too coarse for statistics. -#}
{% macro type_double() %}
    {{ return(adapter.dispatch('type_double', 'corridor')()) }}
{% endmacro %}

{% macro default__type_double() %}double precision{% endmacro %}

{% macro spark__type_double() %}double{% endmacro %}
