{#
    corridor.window_end(grain, start): the exclusive end of the window of
    `grain` starting at `start` (corridor.window_start): one grain later on
    the calendar of var corridor_time_zone, or a rolling window's days later
    (docs/windows.md).
#}

{% macro window_end(grain, start) %}
    {{ return(adapter.dispatch('window_end', 'corridor')(grain, start)) }}
{% endmacro %}

{% macro default__window_end(grain, start) -%}
    {%- set rolling = corridor.rolling_windows() | selectattr('name', 'equalto', grain) | list -%}
    {%- if rolling -%}
        {{ corridor.window_offset('day', rolling[0]['days'], start) }}
    {%- else -%}
        {{ corridor.window_offset(grain, 1, start) }}
    {%- endif -%}
{%- endmacro %}
