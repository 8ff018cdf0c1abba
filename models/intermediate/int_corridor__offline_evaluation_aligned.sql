{#-
    The offline estimates corridor computed from the backtest rows
    (int_corridor__offline_evaluation_metrics) aligned to every window of
    every grain of their model's production data (the window grid of
    int_corridor__production_windows, all traffic, any version of the
    model), like an offline estimate without a window grain: the backtest
    has no time, so its estimate is the expectation of every window.
    Published as source `offline_evaluation` in corridor_metric_observations
    (docs/offline-evaluation.md).
-#}
with

estimates as (

    select * from {{ ref('int_corridor__offline_evaluation_metrics') }}

),

model_windows as (

    select distinct
        model_id,
        window_grain,
        window_start,
        window_end

    from {{ ref('int_corridor__production_windows') }}
    where segment_dimension = 'all'

),

final as (

    select
        estimates.estimate_id,
        estimates.model_id,
        estimates.model_version,
        estimates.metric,
        estimates.segment_dimension,
        estimates.segment_value,
        model_windows.window_grain,
        estimates.method,
        estimates.interval_method,
        estimates.evaluation_dataset_id,
        estimates.expected_value,
        estimates.sample_size,
        estimates.standard_error,
        estimates.interval_lower,
        estimates.interval_upper,
        estimates.confidence_level,
        model_windows.window_start,
        model_windows.window_end

    from estimates
    inner join model_windows
        on estimates.model_id = model_windows.model_id

)

select * from final
