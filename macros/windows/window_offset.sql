{#
    corridor.window_offset(grain, n, start): the start of the window `n`
    windows of `grain` after the window starting at `start` (n a SQL
    integer expression, may be negative): hours in UTC; days, weeks and
    months on the calendar of var corridor_time_zone, so a day is 23 or 25
    hours across a daylight-saving change and a month 28 to 31 days. Rolling
    windows (corridor.rolling_windows) start every local day, so for them
    this steps `n` days.
#}
{% macro window_offset(grain, n, start) %}
    {{ return(adapter.dispatch('window_offset', 'corridor')(grain, n, start)) }}
{% endmacro %}

{% macro default__window_offset(grain, n, start) -%}
    {%- if grain == 'hour' -%}
        {#- n parenthesized: dbt-spark's dateadd writes `cast(<n> * 3600 as int)`, so an n of `(k) + 1` lost its
            grouping there (ends of windows k + 3600 seconds on) -#}
        {{ dbt.dateadd('hour', '(' ~ n ~ ')', start) }}
    {%- elif grain in ['day', 'week', 'month'] -%}
        {%- set unit, step = {'day': ('day', 1), 'week': ('day', 7), 'month': ('month', 1)}[grain] -%}
        {{ corridor.from_local_time(dbt.dateadd(unit, '((' ~ n ~ ') * ' ~ step ~ ')', corridor.to_local_time(start))) }}
    {%- elif grain in corridor.rolling_windows() | map(attribute='name') | list -%}
        {#- rolling windows start every local day (docs/windows.md#rolling-windows) -#}
        {{ corridor.window_offset('day', n, start) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("corridor.window_offset: unknown grain '" ~ grain ~ "'; known grains: "
            ~ (corridor.known_window_grains() | join(', '))) }}
    {%- endif -%}
{%- endmacro %}
