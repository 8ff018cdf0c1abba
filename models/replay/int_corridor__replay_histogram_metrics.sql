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
        as_of,
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        window_start,
        cast(n_positive + n_negative as {{ dbt.type_bigint() }}) as hist_n_evaluated,
        auc,
        auc_standard_error,
        expected_calibration_error

    from histogram_metrics

)

select * from final
