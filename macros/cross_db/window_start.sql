{#
    corridor.window_start(grain, ts): the start (a UTC timestamp) of the
    window of `grain` containing the UTC timestamp ts: the UTC hour; the
    day, ISO week (Monday) or month on the calendar of var
    corridor_time_zone (default UTC) (docs/windows.md). Its end:
    corridor.window_end.
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
