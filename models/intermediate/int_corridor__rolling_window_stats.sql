{#-
    The sufficient statistics (int_corridor__production_window_stats) of the
    rolling windows (var corridor_rolling_windows, docs/windows.md#rolling-windows):
    per model version × rolling window × segment, the counts and sums of the
    day cells of the window's days (corridor.rolling_day_cells), so a
    trailing 7-day window stepped daily costs 7 reads of each day cell, not
    of each event. Exact latency quantiles, which do not add up, interpolate
    between the two order statistics int_corridor__latency_order_statistics
    reads for each (numpy.quantile's definition): the same numbers as over
    the window's raw latencies.

    Same columns, in the same order, as int_corridor__production_window_stats,
    which readers union it with. Floating-point sums are re-summed exactly
    (corridor.exact_sum_parts), so two builds agree to the last bit. Empty
    without rolling windows.
-#}
{%- set measures = corridor.rolling_window_measures() -%}
{%- set quantiles = corridor.latency_quantile_fractions() -%}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}

with

day_cells as (

    {{ corridor.rolling_day_cells(
        ref('int_corridor__production_window_stats'),
        ['model_id', 'model_version', 'segment_dimension', 'segment_value'] + measures['counts']
        + (measures['sums'] | map(attribute=0) | list) + ['first_event_at', 'last_event_at']
    ) }}

),

summed as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        {{ corridor.sum_columns(measures['counts']) }},
        {{- corridor.exact_sum_columns(measures['sums']) }}
        min(first_event_at) as first_event_at,
        max(last_event_at) as last_event_at

    from day_cells
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value

),

rolling_order_statistics as (

    select * from {{ ref('int_corridor__latency_order_statistics') }}
    {#- no rolling window: no row (a window grain is never '') #}
    where window_grain in ({{ corridor.sql_string_list(corridor.rolling_windows() | map(attribute='name') | list) or "''" }})

),

latency_quantiles as (

    {{ corridor.quantiles_from_order_statistics('rolling_order_statistics', keys, quantiles) }}

),

final as (

    select
        summed.model_id,
        summed.model_version,
        summed.window_grain,
        summed.segment_dimension,
        summed.segment_value,
        {{- corridor.cast_columns(measures['counts'], dbt.type_bigint(), 'summed') }}
        {{- corridor.cast_columns(measures['sums'] | map(attribute=0), corridor.type_double(), 'summed') }}
        {{- corridor.quantile_columns('latency_quantiles', quantiles) }}
        summed.window_start,
        summed.first_event_at,
        summed.last_event_at

    from summed
    left join latency_quantiles
        on {{ corridor.keys_equal('summed', 'latency_quantiles', keys) }}

)

select * from final
