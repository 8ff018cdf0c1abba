{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.lookback_delete() }}",
        meta={'spark_incremental_strategy': 'insert_overwrite, partitioned by window_start'},
    )
}}
{#-
    Per model version × window × segment, the evaluable events counted by
    score bin (round(score × corridor_score_bins)) and calibration bin
    (equal-width, corridor_calibration_bins), split by label. These are the
    sufficient statistics of AUC (rank-based, ties within a score bin count
    one half) and of expected calibration error. Built for the grains in
    corridor_histogram_metric_grains (day and week by default: an hourly AUC
    of a rare class is mostly noise). Empty for regression models.

    Counted once into fine cells (finest grain × every segment column × bins)
    and rolled up with GROUPING SETS over those cells.
    Incremental with the lookback of int_corridor__production_window_stats
    (corridor.lookback_condition; docs/incremental.md): a run recomputes the
    windows starting on or after the lookback start (and a stale version's
    older windows) and keeps the others.
-#}
{%- set cells = corridor.window_cells(corridor.setting('corridor_histogram_metric_grains')) -%}

{#- Built after the latency quantiles (the most memory-hungry model), never
    beside them, even when dbt runs models in parallel: #}
-- depends_on: {{ ref('int_corridor__latency_quantiles') }}
{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}
    {{ corridor.where_clause(corridor.lookback_condition('event_at')) }}

),

evaluable as (

    select * from events
    where is_evaluable
    {%- if corridor.setting('corridor_model_type') != 'binary_classifier' %}
        and 1 = 0
    {%- endif %}

),

fine_cells as (

    select
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        score_bin,
        calibration_bin,
        sum(case when label = 1 then 1 else 0 end) as n_positive,
        sum(case when label = 1 then 0 else 1 end) as n_negative,
        {{ corridor.exact_decimal_sum('predicted_score', 12) }} as score_sum

    from evaluable
    group by
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        score_bin,
        calibration_bin

),

fine_cells_with_windows as (

    select
        *{{ corridor.coarser_window_starts(cells.grains, cells.finest) }}

    from fine_cells

),

{{ corridor.window_segment_rollup_ctes(
    'grouped', 'fine_cells_with_windows', cells, ['score_bin', 'calibration_bin'],
    [['n_positive', 'sum'], ['n_negative', 'sum'], ['score_sum', 'sum']]
) }},

final as (

    select
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
        window_start

    from grouped

)

select * from final
