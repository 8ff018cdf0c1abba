{#-
    corridor.gate_reference_at(last_event_at): the aggregate the quality gates
    measure a window's age from: var corridor_as_of when set (as a
    timestamp), else the latest event, max(<last_event_at>).
-#}
{% macro gate_reference_at(last_event_at) -%}
    {{ return(adapter.dispatch('gate_reference_at', 'corridor')(last_event_at)) }}
{%- endmacro %}

{% macro default__gate_reference_at(last_event_at) -%}
    {%- set as_of = corridor.setting('corridor_as_of') -%}
    {%- if as_of is not none -%}
        min(cast({{ corridor.sql_string(as_of) }} as {{ dbt.type_timestamp() }}))
    {%- else -%}
        max({{ last_event_at }})
    {%- endif -%}
{%- endmacro %}
