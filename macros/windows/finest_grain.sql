{#
    corridor.finest_grain(grains): the grain of the fine cells that event
    aggregations sum once and roll up to every grain in `grains`: the
    coarsest grain whose windows nest in every grain's windows. Hours nest
    in local days, weeks and months (corridor_time_zone has whole-hour
    offsets); days nest in weeks and months; weeks do not nest in months.
#}
{% macro finest_grain(grains) %}
    {{ return(adapter.dispatch('finest_grain', 'corridor')(grains)) }}
{% endmacro %}

{% macro default__finest_grain(grains) %}
    {%- if 'hour' in grains -%}
        {{ return('hour') }}
    {%- elif 'day' in grains or ('week' in grains and 'month' in grains) -%}
        {{ return('day') }}
    {%- elif 'week' in grains -%}
        {{ return('week') }}
    {%- else -%}
        {{ return('month') }}
    {%- endif -%}
{% endmacro %}
