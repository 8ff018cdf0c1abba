{#-
    corridor.latency_value_bin_ctes(events, bin_grains, segments, event_lookback):
    the CTEs latencies .. calendar_bins of int_corridor__latency_order_statistics
    (no leading `with`, no trailing comma), over `events`
    (int_corridor__events_enriched) where `event_lookback` holds (none: every
    event):

    - latencies: each non-null latency with its model version, segment
      columns and <grain>_start for each of `bin_grains`;
    - bin_widths: each version's bin width (corridor.latency_bin_width);
    - binned: latencies with value_bin, the bin of its version's width
      (corridor.latency_binned_query);
    - fine_bins: the events, minimum and maximum of each fine cell (model
      version x every segment column x window of the finest of `bin_grains`)
      x value bin, with the coarser grains' starts;
    - calendar_bins: fine_bins rolled up to every window x segment of
      `bin_grains` (corridor.window_segment_rollup_ctes; on DuckDB its
      levels calendar_bins_<grain> come before it: window_grain, window_start,
      segment_dimension, segment_value, value_bin, n_events, min_value,
      max_value).

    GROUPING SETS over the events themselves had the engine copy every event
    first and hash it once per grouping set (at 100M events two thirds of
    the model's time); the fine cells are several times fewer. latencies and
    binned are inlined (corridor.inlined_cte): the fine cells and the
    target bins' latencies (corridor.latency_target_value_ctes) each read
    them once, where a copy of every event would cost more.
-#}
{% macro latency_value_bin_ctes(events, bin_grains, segments, event_lookback) -%}
    {{ return(adapter.dispatch('latency_value_bin_ctes', 'corridor')(events, bin_grains, segments, event_lookback)) }}
{%- endmacro %}

{% macro default__latency_value_bin_ctes(events, bin_grains, segments, event_lookback) -%}
{%- set finest = corridor.finest_grain(bin_grains) -%}
{%- set cell_keys = corridor.fine_cell_keys(segments, finest) -%}
latencies as {{ corridor.inlined_cte() }} (

    select
        model_id,
        model_version,
        {{ corridor.select_columns(corridor.segment_column_names(segments)) }}
        {{- corridor.window_start_columns(bin_grains, 'event_at') }}
        cast(latency_ms as {{ corridor.type_double() }}) as latency_value

    from {{ events }}
    where latency_ms is not null
    {{ corridor.and_clause(event_lookback) }}

),

bin_widths as (

    {{ corridor.latency_bin_width('latencies', 'latency_value', finest ~ '_start') }}

),

binned as {{ corridor.inlined_cte() }} (

    {{ corridor.latency_binned_query('latencies', 'bin_widths') }}

),

fine_bins as (

    select
        {{ cell_keys }},
        value_bin,
        count(*) as n_events,
        min(latency_value) as min_value,
        max(latency_value) as max_value

    from binned
    group by {{ cell_keys }}, value_bin

),

fine_bins_with_windows as (

    select
        *{{ corridor.coarser_window_starts(bin_grains, finest) }}

    from fine_bins
    {{ corridor.where_clause(corridor.computed_once_condition()) }}

),

{{ corridor.window_segment_rollup_ctes(
    'calendar_bins', 'fine_bins_with_windows', {'grains': bin_grains, 'finest': finest, 'segments': segments}, ['value_bin'],
    [['n_events', 'sum', dbt.type_bigint()], ['min_value', 'min'], ['max_value', 'max']], computed_once=true
) }}
{%- endmacro %}
