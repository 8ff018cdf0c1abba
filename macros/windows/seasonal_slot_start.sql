{#
    corridor.seasonal_slot_start(grain_column, periods_back, period_hours, start):
    the start of the window in the same seasonal slot `periods_back` periods
    before the window starting at `start` (SQL expressions). A period is
    `period_hours` of wall-clock time in var corridor_time_zone (the same
    local hour of day, the same weekday, across daylight-saving changes);
    for the month grain a period is one calendar month and period_hours is
    not used.
#}
{% macro seasonal_slot_start(grain_column, periods_back, period_hours, start) %}
    {{ return(adapter.dispatch('seasonal_slot_start', 'corridor')(grain_column, periods_back, period_hours, start)) }}
{% endmacro %}

{% macro default__seasonal_slot_start(grain_column, periods_back, period_hours, start) -%}
    {%- set grains = corridor.setting('corridor_window_grains') -%}
    {%- set hours_back = corridor.from_local_time(dbt.dateadd('hour', '-1 * ' ~ periods_back ~ ' * ' ~ period_hours,
        corridor.to_local_time(start))) -%}
    {%- if 'month' not in grains -%}
        {{ hours_back }}
    {%- else -%}
        case when {{ grain_column }} = 'month' then {{ corridor.window_offset('month', '-1 * ' ~ periods_back, start) }}
            else {{ hours_back }} end
    {%- endif -%}
{%- endmacro %}
