{#
    corridor.window_lookback_column(time_column): the expression the
    per-window incremental models (intervals, bootstraps) compare with the
    lookback start (corridor.lookback_condition, corridor.lookback_delete):
    `time_column` moved forward by the longest rolling window's length less
    one day (corridor.rolling_windows), or `time_column` itself without
    rolling windows. A rolling window named by its start s covers s to
    s + days - 1, so the one that holds the lookback start's day starts up
    to days - 1 days before it: shifting the column recomputes those windows
    too (and a few calendar windows more than needed, which is harmless:
    their stored inputs are unchanged). Rows, not events, are compared: a
    model that reads events filters them with the same condition and keeps
    only the windows starting on or after the shifted start, which are
    whole.
#}
{% macro window_lookback_column(time_column='window_start') %}
    {{ return(adapter.dispatch('window_lookback_column', 'corridor')(time_column)) }}
{% endmacro %}

{% macro default__window_lookback_column(time_column='window_start') %}
    {%- set spans = corridor.rolling_windows() | map(attribute='days') | map('int') | list -%}
    {%- set span = (spans | max) - 1 if spans | length > 0 else 0 -%}
    {%- if span <= 0 -%}
        {{ return(time_column) }}
    {%- endif -%}
    {{ return(corridor.window_offset('day', span | string, time_column)) }}
{% endmacro %}
