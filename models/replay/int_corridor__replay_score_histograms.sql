{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.replay_delete() }}",
    )
}}
{#-
    The score histograms (int_corridor__score_histograms' counts per score
    bin and calibration bin) of each window as of each replay point, over
    the evaluable events whose label had arrived by then (corridor.label_arrival_hour),
    for the model versions and cells of int_corridor__replay_label_cutoffs
    (corridor.replay_as_of_window_ctes: the grains of
    corridor_histogram_metric_grains and the rolling windows, summed from
    the as-of day histograms): what AUC and expected calibration error are
    as of that point (int_corridor__replay_histogram_metrics). Empty for
    regression models.
-#}
{%- set classifier = corridor.setting('corridor_model_type') == 'binary_classifier' -%}
{%- set measures = [
    ('n_positive', 'sum(case when label = 1 then 1 else 0 end)', 'sum', true),
    ('n_negative', 'sum(case when label = 1 then 0 else 1 end)', 'sum', true),
    ('score_sum', corridor.exact_decimal_sum('predicted_score', 12), 'sum', true),
] %}

-- sqlfluff:dialect:postgres
with

{{ corridor.replay_as_of_window_ctes(
    corridor.setting('corridor_histogram_metric_grains'), measures, ['score_bin', 'calibration_bin'],
    'is_evaluable' if classifier else '1 = 0'
) }},

final as (

    select
        as_of,
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        cast(score_bin as {{ dbt.type_int() }}) as score_bin,
        cast(calibration_bin as {{ dbt.type_int() }}) as calibration_bin,
        cast(n_positive as {{ dbt.type_bigint() }}) as n_positive,
        cast(n_negative as {{ dbt.type_bigint() }}) as n_negative,
        cast(score_sum as decimal(38, 12)) as score_sum,
        window_start,
        window_end,
        cells_from,
        cast({{ corridor.sql_string(invocation_id) }} as {{ dbt.type_string() }}) as invocation_id

    from as_of_windows

)

select * from final
