{#
    corridor.from_local_time(ts): the UTC timestamp (without time zone) of a
    wall-clock time in var corridor_time_zone; ts itself when the zone is
    UTC. Local midnights (the only local times corridor converts back) exist
    and are unambiguous in every zone whose clocks change at night.
#}
{% macro from_local_time(ts) %}
    {{ return(adapter.dispatch('from_local_time', 'corridor')(ts)) }}
{% endmacro %}

{% macro default__from_local_time(ts) -%}
    {%- set zone = corridor.setting('corridor_time_zone') -%}
    {%- if zone == 'UTC' -%}
        {{ ts }}
    {%- else -%}
        cast((({{ ts }}) at time zone {{ corridor.sql_string(zone) }}) at time zone 'UTC' as {{ dbt.type_timestamp() }})
    {%- endif -%}
{%- endmacro %}
