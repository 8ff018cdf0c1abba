{#
    corridor.lookback_day_start(): the lookback's start aligned down to its
    day only (corridor_lookback_days before the previous run's latest event,
    on the calendar of var corridor_time_zone), where corridor.lookback_start
    aligns it down to its week (and month). A SQL timestamp literal, or none
    on a full build; read by the same query, once per invocation.

    Where it is used instead of the week-aligned start:
    - int_corridor__events_enriched recomputes the events from it (they are
      rows of events, not windows; corridor.event_lookback_starts);
    - a model that sums its week and month windows from day rows
      (corridor.day_lookback_condition) recomputes its hour and day rows
      from it and sums the coarser windows from the day rows it keeps before
      it and those it recomputes.
    So a daily run reads corridor_lookback_days + 1 days of events there,
    whatever the weekday, instead of up to a week more.

    On Spark it is the week-aligned start: its incremental models overwrite
    whole partitions (a week of events, every row of a window start).
#}
{% macro lookback_day_start() %}
    {{ return(adapter.dispatch('lookback_day_start', 'corridor')()) }}
{% endmacro %}

{% macro default__lookback_day_start() %}
    {%- set aligned = corridor.lookback_start() -%}
    {%- if aligned is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(graph['corridor_lookback_start'][invocation_id]['day']) }}
{% endmacro %}

{% macro spark__lookback_day_start() %}
    {{ return(corridor.lookback_start()) }}
{% endmacro %}
