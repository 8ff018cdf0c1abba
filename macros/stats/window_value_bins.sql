{#
    corridor.window_value_bins(calendar_bins, grains, window_lookback, events, event_lookback):
    the value bins of every group int_corridor__latency_order_statistics
    serves, a query of (model_id, model_version, window_grain, window_start,
    segment_dimension, segment_value, value_bin, n_events, min_value,
    max_value): the rows of `calendar_bins` (the same columns, rolled up
    with GROUPING SETS) of the built `grains`, and the rolling windows' bins
    summed from its day rows (corridor.rolling_day_cells: counts add,
    minimum of minima, maximum of maxima; a rolling window is kept up to
    its version's last day with events in `events`, a relation of
    (model_id, model_version, event_at) holding every event, those without
    a value included, as the window statistics count them, where
    `event_lookback` holds: a condition on event_at, or none), where
    `window_lookback` holds (a condition on window_start, or none: every
    window).
#}
{% macro window_value_bins(calendar_bins, grains, window_lookback, events, event_lookback) %}
    {{ return(adapter.dispatch('window_value_bins', 'corridor')(calendar_bins, grains, window_lookback, events, event_lookback)) }}
{% endmacro %}

{% macro default__window_value_bins(calendar_bins, grains, window_lookback, events, event_lookback) -%}
    {%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}
    {%- set last_days -%}
        (select model_id, model_version, max({{ corridor.window_start('day', 'event_at') }}) as last_day_start
        from {{ events }}{{ ' where (' ~ event_lookback ~ ')' if event_lookback is not none }}
        group by model_id, model_version) as version_last_days
    {%- endset -%}
    select *
    from (
        select * from {{ calendar_bins }}
        where window_grain in ({{ corridor.sql_string_list(grains) }})
        {%- if corridor.rolling_windows() %}
        union all
        select
            {{ keys | join(',\n            ') }},
            value_bin,
            sum(n_events) as n_events,
            min(min_value) as min_value,
            max(max_value) as max_value
        from ({{ corridor.rolling_day_cells(calendar_bins, keys[:2] + keys[4:] + ['value_bin', 'n_events', 'min_value',
            'max_value'], last_days) }}) as day_cells
        group by {{ keys | join(', ') }}, value_bin
        {%- endif %}
    ) as calendar_and_rolling_bins
    {%- if window_lookback is not none %}
    where {{ window_lookback }}
    {%- endif %}
{%- endmacro %}
