{#-
    AUC and expected calibration error per model version × window × segment,
    from the score histograms.

    AUC = P(score of a positive > score of a negative) + 0.5 P(tie), summed
    over score bins in order (the Mann-Whitney statistic; exact when scores
    carry no more resolution than the bins). Its standard error is Hanley &
    McNeil's (1982) closed form (corridor.binned_auc,
    corridor.auc_standard_error; the backtest rows use the same macros,
    int_corridor__offline_evaluation_histograms).
    ECE = sum over calibration bins of |sum of scores - positives| / n, i.e.
    the bin-weighted gap between mean confidence and observed positive rate.
    Both are computed in integers (pairs counted twice, scores as exact
    decimals), so the result does not depend on the order rows are added in.
-#}
{%- set double = corridor.type_double() -%}

with

histograms as (

    select * from {{ ref('int_corridor__score_histograms') }}
    union all
    select * from {{ ref('int_corridor__rolling_score_histograms') }}

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
        sum(n_negative) as n_negative

    from histograms
    group by 1, 2, 3, 4, 5, 6, 7

),

with_negatives_below as (

    select
        *,
        {{ corridor.negatives_below(['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value']) }}
            as n_negative_below

    from by_score_bin

),

auc_parts as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        cast(sum(n_positive) as {{ double }}) as n_positive,
        cast(sum(n_negative) as {{ double }}) as n_negative,
        sum(n_positive * (2 * n_negative_below + n_negative)) as twice_concordant_pairs

    from with_negatives_below
    group by 1, 2, 3, 4, 5, 6

),

by_calibration_bin as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        calibration_bin,
        {{ corridor.calibration_gap('score_sum', 'n_positive') }} as calibration_gap

    from histograms
    group by 1, 2, 3, 4, 5, 6, 7

),

calibration as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        cast(sum(calibration_gap) as {{ double }}) as calibration_gap_sum

    from by_calibration_bin
    group by 1, 2, 3, 4, 5, 6

),

auc as (

    select
        *,
        {{ corridor.binned_auc('twice_concordant_pairs', 'n_positive', 'n_negative') }} as auc

    from auc_parts

),

final as (

    select
        auc.model_id,
        auc.model_version,
        auc.window_grain,
        auc.segment_dimension,
        auc.segment_value,
        cast(auc.n_positive + auc.n_negative as {{ dbt.type_bigint() }}) as n_evaluated,
        cast(auc.n_positive as {{ dbt.type_bigint() }}) as n_positive,
        auc.auc,
        {{ corridor.auc_standard_error('auc.auc', 'auc.n_positive', 'auc.n_negative') }} as auc_standard_error,
        calibration.calibration_gap_sum / nullif(auc.n_positive + auc.n_negative, 0) as expected_calibration_error,
        auc.window_start

    from auc
    inner join calibration
        on {{ corridor.keys_equal('auc', 'calibration', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'
        ]) }}

)

select * from final
