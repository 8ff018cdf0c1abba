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
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set level = corridor.setting('corridor_confidence_level') -%}
{%- set z = corridor.z_for_level(level) -%}

{#- the metric definitions, shared with the offline_evaluation source (corridor.metric_definitions) -#}
{%- set metrics = corridor.metric_definitions(model_type) -%}
{%- set unmapped = corridor.unmapped_metrics() -%}
{%- set metrics = metrics | rejectattr('name', 'in', unmapped.keys() | list) | list -%}

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

    {%- for m in metrics %}
    {%- set row = corridor.metric_row_sql(m, z, level) %}

    select
        stats.model_id,
        stats.model_version,
        '{{ m['name'] }}' as metric,
        stats.segment_dimension,
        stats.segment_value,
        stats.window_grain,
        '{{ row['method'] }}' as method,
        {{ "'" ~ row['interval_method'] ~ "'" if row['interval_method'] else 'null' }} as interval_method,
        cast({{ row['value'] }} as {{ corridor.type_double() }}) as metric_value,
        cast(coalesce({{ row['n'] }}, 0) as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ row['se'] if row['se'] else 'null' }} as {{ corridor.type_double() }}) as standard_error,
        cast({{ row['lower'] if row['lower'] else 'null' }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ row['upper'] if row['upper'] else 'null' }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ row['confidence_level'] or 'null' }} as {{ corridor.type_double() }}) as confidence_level,
        stats.label_maturity,
        stats.window_start,
        stats.window_end

    from joined as stats
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select * from metric_rows
