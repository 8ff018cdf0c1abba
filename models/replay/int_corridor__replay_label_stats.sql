{#-
    The label statistics of each window as of each replay point: one row per
    as_of (int_corridor__replay_points, the build's now excluded: as of then
    the build's own statistics hold) × model version × grain × window ×
    segment whose labels were still arriving at that point, with the
    statistics of int_corridor__production_window_stats that depend on
    labels (corridor.replay_label_measures) summed over the events whose
    label had arrived by as_of (label_arrived_at <= as_of; a label without an
    arrival time counts from the start, as corridor_as_of treats it), and
    n_events, n_labeled_total over every event of the window.

    The cells summed per point are the version's from
    int_corridor__replay_label_cutoffs on (every window still missing labels
    then starts there or later; windows before it are the build's). Calendar
    grains only: rolling windows wait for their last label (docs/replay.md).
-#}
{%- set grains = corridor.setting('corridor_window_grains') -%}
{%- set finest = corridor.finest_grain(grains) -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set segment_columns = corridor.segment_column_names(segments) -%}
{%- set measures = corridor.replay_label_measures() -%}
{%- set keys = ['model_id', 'model_version'] + segment_columns + [finest ~ '_start'] %}

-- sqlfluff:dialect:postgres
with

cutoffs as (

    select * from {{ ref('int_corridor__replay_label_cutoffs') }}

),

{# the events with the hour their label arrived in (corridor.label_arrival_hour) #}
events as (

    select
        *,
        {{ corridor.label_arrival_hour('has_label', 'label_arrived_at') }} as arrived_hour

    from ({{ corridor.event_terms(ref('int_corridor__events_enriched')) }}) as event_terms
    where model_id in (select cutoffs.model_id from cutoffs)
        and event_at >= (select min(cutoffs.cells_from) from cutoffs)

),

cells as {{ corridor.materialized_cte() }} (

    select
        {{ keys | join(',\n        ') }},
        arrived_hour,
        {%- for name, expr, rollup in measures['additive'] %}
        {{ expr }} as {{ name }},
        {%- endfor %}
        count(*) as n_events,
        sum(case when has_label then 1 else 0 end) as n_labeled_total

    from events
    group by {{ keys | join(', ') }}, arrived_hour

),

as_of_cells as (

    select
        cutoffs.as_of,
        {%- for key in keys %}
        cells.{{ key }},
        {%- endfor %}
        {%- for name, expr, rollup in measures['additive'] %}
        sum(case when cells.arrived_hour <= cutoffs.as_of then cells.{{ name }} else 0 end) as {{ name }},
        {%- endfor %}
        sum(cells.n_events) as n_events,
        sum(cells.n_labeled_total) as n_labeled_total

    from cells
    inner join cutoffs
        on cells.model_id = cutoffs.model_id
        and cells.model_version = cutoffs.model_version
        and cells.{{ finest }}_start >= cutoffs.cells_from
        and cells.{{ finest }}_start < cutoffs.as_of
    group by
        cutoffs.as_of,
        cells.{{ keys | join(',\n        cells.') }}

),

as_of_windows as (

    select
        *{{ corridor.coarser_window_starts(grains, finest) }}

    from as_of_cells

),

rolled as (

    select
        as_of,
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        {%- for name, expr, rollup in measures['additive'] %}
        {{ rollup }}({{ name }}) as {{ name }},
        {%- endfor %}
        sum(n_events) as n_events,
        sum(n_labeled_total) as n_labeled_total

    from as_of_windows
    group by {{ corridor.window_segment_grouping_sets(grains, segments, ['as_of']) }}

),

final as (

    select
        rolled.as_of,
        rolled.model_id,
        rolled.model_version,
        rolled.window_grain,
        rolled.segment_dimension,
        rolled.segment_value,
        rolled.window_start,
        {%- for name, expr, rollup in measures['additive'] if name.startswith('n_') %}
        cast(rolled.{{ name }} as {{ dbt.type_bigint() }}) as {{ name }},
        {%- endfor %}
        {%- for name, expr, rollup in measures['additive'] if not name.startswith('n_') and '__' not in name %}
        cast(rolled.{{ name }} as {{ corridor.type_double() }}) as {{ name }},
        {%- endfor %}
        {%- for name, expr, decimals in measures['large'] %}
        {{ corridor.exact_sum_combine('rolled.' ~ name ~ '__high', 'rolled.' ~ name ~ '__low') }} as {{ name }},
        {%- endfor %}
        cast(rolled.n_events as {{ dbt.type_bigint() }}) as n_events,
        cast(rolled.n_labeled_total as {{ dbt.type_bigint() }}) as n_labeled_total,
        {{ corridor.window_offset_by_grain('rolled.window_grain', 1, 'rolled.window_start') }} as window_end

    from rolled
    inner join cutoffs
        on rolled.as_of = cutoffs.as_of
        and rolled.model_id = cutoffs.model_id
        and rolled.model_version = cutoffs.model_version
        and rolled.window_start >= cutoffs.cells_from

)

select * from final
where window_end <= as_of
