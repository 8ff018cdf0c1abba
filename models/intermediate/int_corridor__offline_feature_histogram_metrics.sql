{#-
    AUC and expected calibration error of the backtest reweighted to each
    window's production feature mix (source offline_feature_adjusted), per
    model version × grain of corridor_histogram_metric_grains × window ×
    segment: each feature cell's score histogram
    (int_corridor__offline_feature_histograms) weighted by the cell's
    importance weight w_c (int_corridor__offline_feature_weights), so every
    pair of a positive in cell c and a negative in cell d counts w_c × w_d.
    AUC: the Mann-Whitney statistic over score bins on the weighted counts
    (corridor.binned_auc); its standard error Hanley & McNeil's
    (corridor.auc_standard_error) on the effective counts of positives and
    negatives, n_eff = (sum w)^2 / sum w^2 per class (Kish); ECE: the summed
    calibration gaps of the weighted bins (corridor.calibration_gap) over the
    weighted count. sample_size is the window's effective sample size, as for
    the other metrics of the source. Windows with production traffic outside
    the backtest's cells get no row. Rows in the shape of
    int_corridor__offline_feature_adjusted's metric rows, which unions them.
-#}
{%- set grains = corridor.setting('corridor_histogram_metric_grains') | select('in', corridor.setting('corridor_window_grains')) | list -%}
{%- set metrics = corridor.backtest_metric_definitions(from_histograms=true) -%}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] %}

with

weights as (

    select * from {{ ref('int_corridor__offline_feature_weights') }}
    where {{ corridor.all_conditions([
        'weight > 0',
        'window_grain in (' ~ corridor.sql_string_list(grains) ~ ')' if grains else '1 = 0',
    ]) }}

),

histograms as (

    select * from {{ ref('int_corridor__offline_feature_histograms') }}

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

    from {{ ref('int_corridor__offline_feature_weights') }}
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value
    having max(uncovered_share) = 0

),

weighted as (

    select
        weights.model_id,
        weights.model_version,
        weights.window_grain,
        weights.window_start,
        weights.segment_dimension,
        weights.segment_value,
        histograms.score_bin,
        histograms.calibration_bin,
        sum(weights.weight * cast(histograms.n_positive as {{ corridor.type_double() }})) as n_positive,
        sum(weights.weight * cast(histograms.n_negative as {{ corridor.type_double() }})) as n_negative,
        sum(weights.weight * cast(histograms.score_sum as {{ corridor.type_double() }})) as score_sum,
        sum(weights.weight * weights.weight * cast(histograms.n_positive as {{ corridor.type_double() }})) as n_positive_w2,
        sum(weights.weight * weights.weight * cast(histograms.n_negative as {{ corridor.type_double() }})) as n_negative_w2

    from weights
    inner join histograms
        on {{ corridor.keys_equal(
            'weights', 'histograms', ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'cell_key']
        ) }}
    group by
        weights.model_id,
        weights.model_version,
        weights.window_grain,
        weights.window_start,
        weights.segment_dimension,
        weights.segment_value,
        histograms.score_bin, histograms.calibration_bin

),

by_score_bin as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        score_bin,
        sum(n_positive) as n_positive,
        sum(n_negative) as n_negative,
        sum(n_positive_w2) as n_positive_w2,
        sum(n_negative_w2) as n_negative_w2

    from weighted
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value, score_bin

),

{# with the effective counts of positives and negatives (Kish) for Hanley & McNeil's error #}
{{ corridor.histogram_metric_ctes('by_score_bin', 'weighted', keys, extra_columns=[
    'sum(n_positive) * sum(n_positive) / nullif(sum(n_positive_w2), 0) as n_positive_effective',
    'sum(n_negative) * sum(n_negative) / nullif(sum(n_negative_w2), 0) as n_negative_effective',
], standard_error_counts=['n_positive_effective', 'n_negative_effective']) }},

stats as (

    select
        histogram_metrics.model_id,
        histogram_metrics.model_version,
        histogram_metrics.window_grain,
        histogram_metrics.window_start,
        histogram_metrics.segment_dimension,
        histogram_metrics.segment_value,
        covered_windows.effective_sample_size as hist_n_evaluated,
        histogram_metrics.auc,
        histogram_metrics.auc_standard_error,
        histogram_metrics.expected_calibration_error

    from histogram_metrics
    inner join covered_windows
        on {{ corridor.keys_equal('histogram_metrics', 'covered_windows', keys) }}

),

final as (

    {{ corridor.offline_histogram_metric_rows(
        'stats', metrics, keys, corridor.confidence_z(), corridor.setting('corridor_confidence_level')
    ) }}

)

select * from final
