{#-
    AUC and expected calibration error of the backtest rows (the accepted
    rows of the offline evaluation input), per model version × segment
    (every value of every dimension of corridor_segment_columns, and all
    traffic), with production's definitions: the rows binned by
    corridor.score_bin (corridor_score_bins, 1,000 by default) and
    corridor.calibration_bin, AUC the Mann-Whitney statistic over score bins
    (corridor.binned_auc, ties within a bin count one half) with Hanley &
    McNeil's standard error (corridor.auc_standard_error), ECE the summed
    calibration gaps (corridor.calibration_gap) over the evaluated count, as
    int_corridor__production_histogram_metrics computes them from
    production's score histograms. Frequency weights: a row of weight k
    counts as k rows (counts are exact decimal weight sums; the pair count
    is summed in doubles, exact for integer weights up to 2^53). The rows
    are counted once into fine cells (model version × every segment column
    × bins) and rolled up. Read by int_corridor__offline_evaluation_metrics
    (metrics with `from_histograms` in corridor.metric_definitions). Empty
    for regression models.
-#}
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set measures = [
    ['n_positive', corridor.exact_decimal_sum('case when label = 1 then weight else 0 end', 12), 'sum'],
    ['n_negative', corridor.exact_decimal_sum('case when label = 1 then 0 else weight end', 12), 'sum'],
    ['score_sum', corridor.exact_decimal_sum('weight * predicted_score', 12), 'sum'],
] -%}
{%- set keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value'] %}

with

backtest_rows as (

    select
        *,
        {{ corridor.score_bin('predicted_score') }} as score_bin,
        {{ corridor.calibration_bin('predicted_score') }} as calibration_bin

    from {{ ref('int_corridor__offline_evaluation_checked') }}
    where {{ corridor.all_conditions(['is_accepted', '1 = 0' if model_type != 'binary_classifier' else none]) }}

),

{{ corridor.segment_rollup('backtest_rows', ['model_id', 'model_version'], segments, ['score_bin', 'calibration_bin'], measures,
    'histograms') }},

by_score_bin as (

    select
        {{ keys | join(',\n        ') }},
        score_bin,
        cast(sum(n_positive) as {{ corridor.type_double() }}) as n_positive,
        cast(sum(n_negative) as {{ corridor.type_double() }}) as n_negative

    from histograms
    group by {{ keys | join(', ') }}, score_bin

),

{{ corridor.histogram_metric_ctes('by_score_bin', 'histograms', keys) }},

final as (

    select
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        n_positive + n_negative as hist_n_evaluated,
        n_positive as hist_n_positive,
        auc,
        auc_standard_error,
        expected_calibration_error

    from histogram_metrics

)

select * from final
