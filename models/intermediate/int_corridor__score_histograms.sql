{#-
    Per model version × window × segment, the evaluable events counted by
    score bin (round(score × corridor_score_bins)) and calibration bin
    (equal-width, corridor_calibration_bins), split by label. These are the
    sufficient statistics of AUC (rank-based, ties within a score bin count
    one half) and of expected calibration error. Built for the grains in
    corridor_histogram_metric_grains (day and week by default: an hourly AUC
    of a rare class is mostly noise). Empty for regression models.
-#}
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set grains = corridor.setting('corridor_histogram_metric_grains') -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set double = corridor.type_double() -%}
{%- set bigint = dbt.type_bigint() -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    select * from {{ ref('int_corridor__events_enriched') }}
    where is_evaluable
    {%- if model_type != 'binary_classifier' %}
        and 1 = 0
    {%- endif %}

),

grouped as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        score_bin,
        calibration_bin,
        sum(case when label = 1 then 1 else 0 end) as n_positive,
        sum(case when label = 1 then 0 else 1 end) as n_negative,
        {{ corridor.exact_decimal_sum('predicted_score', 12) }} as score_sum

    from events
    group by {{ corridor.window_segment_grouping_sets(grains, segments, ['score_bin', 'calibration_bin']) }}

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
        cast(n_positive as {{ bigint }}) as n_positive,
        cast(n_negative as {{ bigint }}) as n_negative,
        cast(score_sum as decimal(38, 12)) as score_sum,
        window_start

    from grouped

)

select * from final
