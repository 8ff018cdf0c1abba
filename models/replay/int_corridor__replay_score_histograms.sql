{#-
    The score histograms (int_corridor__score_histograms' counts per score
    bin and calibration bin) of each window as of each replay point, over
    the evaluable events whose label had arrived by then (corridor.label_arrival_hour),
    for the model versions and cells of int_corridor__replay_label_cutoffs:
    what AUC and expected calibration error are as of that point
    (int_corridor__replay_histogram_metrics). Grains of
    corridor_histogram_metric_grains; empty for regression models.
-#}
{%- set grains = corridor.setting('corridor_histogram_metric_grains') -%}
{%- set finest = corridor.finest_grain(grains) -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set keys = ['model_id', 'model_version'] + corridor.segment_column_names(segments) + [finest ~ '_start'] %}

-- sqlfluff:dialect:postgres
with

cutoffs as (

    select * from {{ ref('int_corridor__replay_label_cutoffs') }}

),

events as (

    select
        *,
        {{ corridor.label_arrival_hour('has_label', 'label_arrived_at') }} as arrived_hour

    from ({{ corridor.event_terms(ref('int_corridor__events_enriched')) }}) as event_terms
    where {{ 'is_evaluable' if corridor.setting('corridor_model_type') == 'binary_classifier' else '1 = 0' }}
        and model_id in (select cutoffs.model_id from cutoffs)
        and event_at >= (select min(cutoffs.cells_from) from cutoffs)

),

cells as {{ corridor.materialized_cte() }} (

    select
        {{ keys | join(',\n        ') }},
        score_bin,
        calibration_bin,
        arrived_hour,
        sum(case when label = 1 then 1 else 0 end) as n_positive,
        sum(case when label = 1 then 0 else 1 end) as n_negative,
        {{ corridor.exact_decimal_sum('predicted_score', 12) }} as score_sum

    from events
    group by
        {{ keys | join(',\n        ') }},
        score_bin,
        calibration_bin,
        arrived_hour

),

as_of_cells as (

    select
        cutoffs.as_of,
        cells.{{ keys | join(',\n        cells.') }},
        cells.score_bin,
        cells.calibration_bin,
        sum(case when cells.arrived_hour <= cutoffs.as_of then cells.n_positive else 0 end) as n_positive,
        sum(case when cells.arrived_hour <= cutoffs.as_of then cells.n_negative else 0 end) as n_negative,
        sum(case when cells.arrived_hour <= cutoffs.as_of then cells.score_sum else 0 end) as score_sum

    from cells
    inner join cutoffs
        on cells.model_id = cutoffs.model_id
        and cells.model_version = cutoffs.model_version
        and cells.{{ finest }}_start >= cutoffs.cells_from
        and cells.{{ finest }}_start < cutoffs.as_of
    group by
        cutoffs.as_of,
        cells.{{ keys | join(',\n        cells.') }},
        cells.score_bin,
        cells.calibration_bin

),

as_of_windows as (

    select
        *{{ corridor.coarser_window_starts(grains, finest) }}

    from as_of_cells

),

grouped as (

    select
        as_of,
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        score_bin,
        calibration_bin,
        sum(n_positive) as n_positive,
        sum(n_negative) as n_negative,
        sum(score_sum) as score_sum

    from as_of_windows
    group by {{ corridor.window_segment_grouping_sets(grains, segments, ['as_of', 'score_bin', 'calibration_bin']) }}

),

final as (

    select
        grouped.as_of,
        grouped.model_id,
        grouped.model_version,
        grouped.window_grain,
        grouped.segment_dimension,
        grouped.segment_value,
        cast(grouped.score_bin as {{ dbt.type_int() }}) as score_bin,
        cast(grouped.calibration_bin as {{ dbt.type_int() }}) as calibration_bin,
        cast(grouped.n_positive as {{ dbt.type_bigint() }}) as n_positive,
        cast(grouped.n_negative as {{ dbt.type_bigint() }}) as n_negative,
        cast(grouped.score_sum as decimal(38, 12)) as score_sum,
        grouped.window_start,
        {{ corridor.window_offset_by_grain('grouped.window_grain', 1, 'grouped.window_start') }} as window_end

    from grouped
    inner join cutoffs
        on grouped.as_of = cutoffs.as_of
        and grouped.model_id = cutoffs.model_id
        and grouped.model_version = cutoffs.model_version
        and grouped.window_start >= cutoffs.cells_from

)

select * from final
where window_end <= as_of
