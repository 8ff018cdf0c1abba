{#-
    Production metrics in the shared long shape: one row per model version ×
    metric × segment × grain × window of the window grid, each a closed-form
    function of the sufficient statistics, with its sample size, standard
    error and an interval at corridor_confidence_level where one exists in closed form:
    Wilson for proportions, normal for means (and for AUC with the Hanley-McNeil
    standard error), and for latency quantiles a normal interval with the
    Siddiqui-Bloch-Gastwirth standard error (density from neighbouring sample
    quantiles; lower bound clipped at 0).
-#}
{#- the metric definitions, shared with the offline_evaluation source (corridor.metric_definitions) -#}
{%- set metrics = corridor.production_metric_definitions() %}

with

windows as (

    select * from {{ ref('int_corridor__production_windows') }}

),

window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}
    union all
    select * from {{ ref('int_corridor__rolling_window_stats') }}

),

histogram_metrics as (

    select * from {{ ref('int_corridor__production_histogram_metrics') }}

),

joined as (

    select
        windows.model_id,
        windows.model_version,
        windows.window_grain,
        windows.segment_dimension,
        windows.segment_value,
        windows.grain_hours,
        windows.window_start,
        windows.window_end,
        stats.n_events,
        stats.n_errors,
        stats.n_latency,
        stats.n_slow,
        stats.n_labeled,
        stats.n_evaluated,
        stats.n_true_positive,
        stats.n_false_positive,
        stats.n_true_negative,
        stats.n_false_negative,
        stats.latency_sum,
        stats.latency_sum_squares,
        stats.latency_p50,
        stats.latency_p95,
        stats.latency_p99,
        stats.latency_p50_below,
        stats.latency_p50_above,
        stats.latency_p95_below,
        stats.latency_p95_above,
        stats.latency_p99_below,
        stats.latency_p99_above,
        stats.log_loss_sum,
        stats.log_loss_sum_squares,
        stats.brier_sum,
        stats.brier_sum_squares,
        stats.abs_error_sum,
        stats.abs_error_sum_squares,
        stats.squared_error_sum,
        stats.squared_error_sum_squares,
        hist.n_evaluated as hist_n_evaluated,
        hist.auc,
        hist.auc_standard_error,
        hist.expected_calibration_error,
        cast(stats.n_labeled as {{ corridor.type_double() }}) / nullif(stats.n_events, 0) as label_maturity

    from windows
    left join window_stats as stats
        on {{ corridor.keys_equal('windows', 'stats', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'
        ]) }}
    left join histogram_metrics as hist
        on {{ corridor.keys_equal('windows', 'hist', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'
        ]) }}

),

metric_rows as (

    {{ corridor.production_metric_rows('joined', metrics, corridor.confidence_z(), corridor.setting('corridor_confidence_level')) }}

)

select * from metric_rows
