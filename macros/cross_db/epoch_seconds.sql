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

{#- unix_timestamp() drops the fraction of a second (found by models/cross_db/test_epoch_seconds): microseconds -#}
{% macro spark__epoch_seconds(ts) -%}
    (cast(unix_micros(cast({{ ts }} as timestamp)) as double) / 1000000.0)
{%- endmacro %}
