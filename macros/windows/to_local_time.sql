{#
    corridor.to_local_time(ts): the wall-clock time in var corridor_time_zone
    of a UTC timestamp (without time zone); ts itself when the zone is UTC.
    corridor.from_local_time(ts) is the inverse.
#}
{% macro to_local_time(ts) %}
    {{ return(adapter.dispatch('to_local_time', 'corridor')(ts)) }}
{% endmacro %}

{% macro default__to_local_time(ts) -%}
    {%- set zone = corridor.setting('corridor_time_zone') -%}
    {%- if zone == 'UTC' -%}
        {{ ts }}
    {%- else -%}
        cast((({{ ts }}) at time zone 'UTC') at time zone {{ corridor.sql_string(zone) }} as {{ dbt.type_timestamp() }})
    {%- endif -%}
{%- endmacro %}
