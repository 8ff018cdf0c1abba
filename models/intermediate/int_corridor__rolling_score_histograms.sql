{#-
    The score histograms (int_corridor__score_histograms) of the rolling
    windows (var corridor_rolling_windows): per model version × rolling
    window × segment × score bin × calibration bin, the sums of the day
    cells of the window's days (corridor.rolling_day_cells). Same columns,
    in the same order, as int_corridor__score_histograms, which readers
    union it with: AUC and calibration error of a rolling window are computed
    exactly as for any window. Empty without rolling windows, or when day is
    not in corridor_histogram_metric_grains (a rolling window has the
    metrics its days have).
-#}
{%- set keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'score_bin', 'calibration_bin'] -%}

with

day_cells as (

    {{ corridor.rolling_day_cells(ref('int_corridor__score_histograms'), keys + ['n_positive', 'n_negative', 'score_sum']) }}

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        cast(score_bin as {{ dbt.type_int() }}) as score_bin,
        cast(calibration_bin as {{ dbt.type_int() }}) as calibration_bin,
        cast(sum(n_positive) as {{ dbt.type_bigint() }}) as n_positive,
        cast(sum(n_negative) as {{ dbt.type_bigint() }}) as n_negative,
        cast(sum(score_sum) as decimal(38, 12)) as score_sum,
        window_start

    from day_cells
    group by model_id, model_version, window_grain, segment_dimension, segment_value, score_bin, calibration_bin, window_start

)

select * from final
