{#
    corridor.window_start(grain, ts): the start (a UTC timestamp) of the
    window of `grain` containing the UTC timestamp ts: the UTC hour; the
    day, ISO week (Monday) or month on the calendar of var
    corridor_time_zone (default UTC). corridor.window_end(grain, start): its
    exclusive end (docs/windows.md).
#}
{% macro window_start(grain, ts) %}
    {{ return(adapter.dispatch('window_start', 'corridor')(grain, ts)) }}
{% endmacro %}

{% macro default__window_start(grain, ts) -%}
    {%- if grain not in corridor.known_window_grains() -%}
        {{ exceptions.raise_compiler_error("corridor.window_start: grain must be one of " ~ (corridor.known_window_grains() | join(', '))
            ~ "; got " ~ grain) }}
    {%- endif -%}
    {%- if grain == 'hour' -%}
        {{ dbt.date_trunc(grain, ts) }}
    {%- else -%}
        {{ corridor.from_local_time(dbt.date_trunc(grain, corridor.to_local_time(ts))) }}
    {%- endif -%}
{%- endmacro %}


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


{#- The nominal length of a grain in hours (a Jinja number; a month counts 30 days; a rolling window its days). -#}
{% macro grain_hours(grain) %}
    {%- set rolling = corridor.rolling_windows() | selectattr('name', 'equalto', grain) | list -%}
    {{ return(rolling[0]['days'] * 24 if rolling else {'hour': 1, 'day': 24, 'week': 168, 'month': 720}[grain]) }}
{% endmacro %}
