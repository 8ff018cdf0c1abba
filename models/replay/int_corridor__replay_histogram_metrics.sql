{#-
    AUC (with its Hanley-McNeil standard error) and expected calibration
    error of each window as of each replay point, from the as-of score
    histograms (int_corridor__replay_score_histograms), by the steps the
    build's int_corridor__production_histogram_metrics takes
    (corridor.histogram_metric_ctes): one row per as_of × model version ×
    grain × window × segment.
-#}
{%- set keys = ['as_of', 'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] %}

with

histograms as (

    select * from {{ ref('int_corridor__replay_score_histograms') }}

),

by_score_bin as (

    select
        {{ keys | join(',\n        ') }},
        score_bin,
        sum(n_positive) as n_positive,
        sum(n_negative) as n_negative

    from histograms
    group by {{ range(1, keys | length + 2) | join(', ') }}

),

{{ corridor.histogram_metric_ctes('by_score_bin', 'histograms', keys) }},

final as (

    select
        auc.as_of,
        auc.model_id,
        auc.model_version,
        auc.window_grain,
        auc.segment_dimension,
        auc.segment_value,
        auc.window_start,
        cast(auc.n_positive + auc.n_negative as {{ dbt.type_bigint() }}) as hist_n_evaluated,
        auc.auc,
        {{ corridor.auc_standard_error('auc.auc', 'auc.n_positive', 'auc.n_negative') }} as auc_standard_error,
        calibration.calibration_gap_sum / nullif(auc.n_positive + auc.n_negative, 0) as expected_calibration_error

    from auc
    inner join calibration
        on {{ corridor.keys_equal('auc', 'calibration', keys) }}

)

select * from final
