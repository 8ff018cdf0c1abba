{#-
    The rows of the label-free estimate in SQL (corridor_label_free_method sql):
    every score bin × predicted class row of int_corridor__label_free_histograms
    whose model version has a calibration map (int_corridor__label_free_calibration_map_sql,
    fit `all`) with its calibrated probability p, its expected positives
    n p, the isotonic blocks p is made of (for the analytic interval), and its
    score bin's expected positives and negatives (both classes), the
    negatives in lower bins and the positives in higher ones (for AUC, a bin's
    events tied). Read by int_corridor__label_free_estimates_sql.
-#}
{{ config(enabled=corridor.label_free_path_enabled('sql')) }}
{%- set group_keys = ['model_id', 'model_version', 'window_grain', 'segment_dimension', 'segment_value', 'window_start'] -%}

with

histograms as (

    select * from {{ ref('int_corridor__label_free_histograms') }}

),

calibration_map as (

    select * from {{ ref('int_corridor__label_free_calibration_map_sql') }}
    where fit_sample = 'all'

),

{# every score bin × predicted class row with its calibrated probability and expected positives #}
cells as (

    select
        histograms.*,
        calibration_map.calibrated_rate as p,
        cast(histograms.n_events as {{ corridor.type_double() }}) * calibration_map.calibrated_rate as positives,
        calibration_map.lower_block,
        calibration_map.upper_block,
        calibration_map.lower_share,
        calibration_map.upper_share,
        calibration_map.lower_block_variance,
        calibration_map.upper_block_variance

    from histograms
    inner join calibration_map
        on histograms.model_id = calibration_map.model_id
        and histograms.model_version = calibration_map.model_version
        and histograms.score_bin = calibration_map.score_bin

),

{# per score bin (both classes): expected positives and negatives, negatives below, positives above #}
score_bins as (

    select
        *,
        sum(bin_negatives)
            over (partition by {{ group_keys | join(', ') }} order by score_bin rows between unbounded preceding and current row)
        - bin_negatives as negatives_below,
        sum(bin_positives)
            over (partition by {{ group_keys | join(', ') }} order by score_bin rows between current row and unbounded following)
        - bin_positives as positives_above

    from (
        select
            {{ group_keys | join(', ') }},
            score_bin,
            sum(positives) as bin_positives,
            sum(n_events - positives) as bin_negatives
        from cells
        group by {{ group_keys | join(', ') }}, score_bin
    ) as per_bin

),

final as (

    select
        cells.*,
        score_bins.bin_positives,
        score_bins.bin_negatives,
        score_bins.negatives_below,
        score_bins.positives_above

    from cells
    inner join score_bins
        on {{ corridor.keys_equal('cells', 'score_bins', group_keys + ['score_bin']) }}

)

select * from final
