{#
    corridor.try_cast(expr, type): cast, yielding null where the value does not
    convert (instead of failing the whole build). Engines without a native
    try_cast fall back to a plain cast; the data-quality layer reports the
    rows that would not convert.
#}
{% macro try_cast(expr, data_type) %}
    {{ return(adapter.dispatch('try_cast', 'corridor')(expr, data_type)) }}
{% endmacro %}

{% macro default__try_cast(expr, data_type) -%}
    cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{% macro duckdb__try_cast(expr, data_type) -%}
    try_cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{% macro spark__try_cast(expr, data_type) -%}
    try_cast({{ expr }} as {{ data_type }})
{%- endmacro %}
