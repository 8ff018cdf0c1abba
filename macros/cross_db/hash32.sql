{#
    corridor.hash32(expr): a well-mixed 32-bit non-negative integer from a
    string (the first 8 hex digits of its md5), identical on every engine.
#}

{% macro hash32(expr) %}
    {{ return(adapter.dispatch('hash32', 'corridor')(expr)) }}
{% endmacro %}

{% macro default__hash32(expr) -%}
    cast(cast(('x' || substr(md5(cast({{ expr }} as {{ dbt.type_string() }})), 1, 8)) as bit(32)) as bigint)
{%- endmacro %}

{% macro duckdb__hash32(expr) -%}
    cast(('0x' || substr(md5(cast({{ expr }} as {{ dbt.type_string() }})), 1, 8)) as bigint)
{%- endmacro %}

{% macro spark__hash32(expr) -%}
    cast(conv(substr(md5(cast({{ expr }} as string)), 1, 8), 16, 10) as bigint)
{%- endmacro %}
