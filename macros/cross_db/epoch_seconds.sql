{#- corridor.epoch_seconds(ts): seconds since 1970-01-01 00:00:00 of a UTC timestamp, as a double. -#}
{% macro epoch_seconds(ts) %}
    {{ return(adapter.dispatch('epoch_seconds', 'corridor')(ts)) }}
{% endmacro %}

{% macro default__epoch_seconds(ts) -%}
    cast(extract(epoch from {{ ts }}) as {{ corridor.type_double() }})
{%- endmacro %}

{% macro duckdb__epoch_seconds(ts) -%}
    cast(epoch({{ ts }}) as double)
{%- endmacro %}

{% macro spark__epoch_seconds(ts) -%}
    cast(unix_timestamp({{ ts }}) as double)
{%- endmacro %}
