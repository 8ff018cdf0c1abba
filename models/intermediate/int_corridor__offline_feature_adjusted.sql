{#-
    The counterfactual offline estimate by features: the backtest rows
    reweighted so that their joint feature-bin distribution matches this
    window's production (importance weights of
    int_corridor__offline_feature_weights, capped at
    corridor_feature_weight_cap), one row per model version × label metric
    × grain × window × segment (every value of every dimension of
    corridor_segment_columns, and all traffic: the segment's backtest rows
    reweighted to the segment's production). The backtest's statistics are
    summed once per feature cell × segment
    (int_corridor__offline_feature_cells, corridor.weighted_label_statistics),
    then weighted per window: X = sum_c w_c X_c and X__w2 = sum_c w_c^2 X_c,
    so the cost grows with cells × segments × windows, not rows × windows. Values use the production
    definitions (corridor.metric_definitions), standard errors the
    linearized error of the weighted estimate (corridor.weighted_metric_row_sql);
    sample_size is the effective sample size. A window with production
    traffic in a cell the backtest does not cover gets no row (it cannot be
    reweighted): rules reading this source are `missing` there. AUC and
    expected calibration error (the histogram grains) come from the cells'
    weighted score histograms, int_corridor__offline_feature_histogram_metrics.
    Published as
    source `offline_feature_adjusted` in corridor_metric_observations
    (docs/offline-evaluation.md).
-#}
{%- set statistics = corridor.weighted_label_statistics('weight') -%}
{%- set metrics = corridor.backtest_metric_definitions(from_rows=true) -%}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] %}

with

weights as (

    {#- a cell of weight 0 (no production traffic in the window) adds nothing; a covered window has cells of
        positive weight (its traffic is in backtest cells, and the cap is at least 1) #}
    select * from {{ ref('int_corridor__offline_feature_weights') }}
    where weight > 0

),

cell_sums as (

    select * from {{ ref('int_corridor__offline_feature_cells') }}

),

cell_stats as (

    select
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        cell_key,
        {{ corridor.aliased_expressions(statistics['final']) }}

    from cell_sums

),

covered_windows as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        max(effective_sample_size) as effective_sample_size

    from weights
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value
    having max(uncovered_share) = 0

),

stats as (

    select
        weights.model_id,
        weights.model_version,
        weights.window_grain,
        weights.window_start,
        weights.segment_dimension,
        weights.segment_value,
        {{- corridor.weighted_statistic_sums('weights', 'cell_stats', statistics['final']) }}
        max(covered_windows.effective_sample_size) as effective_sample_size

    from weights
    inner join covered_windows
        on {{ corridor.keys_equal('weights', 'covered_windows', keys) }}
    inner join cell_stats
        on {{ corridor.keys_equal(
            'weights', 'cell_stats', ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'cell_key']
        ) }}
    group by
        weights.model_id,
        weights.model_version,
        weights.window_grain,
        weights.window_start,
        weights.segment_dimension,
        weights.segment_value

),

metric_rows as (

    {{- corridor.weighted_metric_rows('stats', metrics, keys, corridor.confidence_z(), corridor.setting('corridor_confidence_level')) }}

    {#- AUC and expected calibration error: the cells' score histograms, weighted #}
    select * from {{ ref('int_corridor__offline_feature_histogram_metrics') }}

),

final as (

    select
        {{ dbt.concat(["'offline_feature_adjusted:'", 'model_version', "':'", 'metric', "':'", 'segment_dimension', "'='",
            'segment_value']) }} as estimate_id,
        *

    from metric_rows
    where expected_value is not null

)

select * from final
