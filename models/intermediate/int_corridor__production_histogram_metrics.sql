{#-
    AUC and expected calibration error per model version × window × segment,
    from the score histograms.

    AUC = P(score of a positive > score of a negative) + 0.5 P(tie), summed
    over score bins in order (the Mann-Whitney statistic; exact when scores
    carry no more resolution than the bins). Its standard error is Hanley &
    McNeil's (1982) closed form (corridor.binned_auc,
    corridor.auc_standard_error; the steps are corridor.histogram_metric_ctes, which the
    backtest's histograms share:
    int_corridor__offline_evaluation_histograms,
    int_corridor__offline_feature_histogram_metrics).
    ECE = sum over calibration bins of |sum of scores - positives| / n, i.e.
    the bin-weighted gap between mean confidence and observed positive rate.
    Both are computed in integers (pairs counted twice, scores as exact
    decimals), so the result does not depend on the order rows are added in.
-#}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] %}

with

histograms as (

    select * from {{ ref('int_corridor__score_histograms') }}
    union all
    select * from {{ ref('int_corridor__rolling_score_histograms') }}

),

by_score_bin as (

    select
        {{ keys | join(',\n        ') }},
        score_bin,
        sum(n_positive) as n_positive,
        sum(n_negative) as n_negative

    from histograms
    group by 1, 2, 3, 4, 5, 6, 7

),

{{ corridor.histogram_metric_ctes('by_score_bin', 'histograms', keys) }},

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        cast(n_positive + n_negative as {{ dbt.type_bigint() }}) as n_evaluated,
        cast(n_positive as {{ dbt.type_bigint() }}) as n_positive,
        auc,
        auc_standard_error,
        expected_calibration_error,
        window_start

    from histogram_metrics

)

select * from final
