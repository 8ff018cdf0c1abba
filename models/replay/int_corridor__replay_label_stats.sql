{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.replay_delete() }}",
    )
}}
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
    then starts there or later; windows before it are the build's), by
    corridor.replay_as_of_window_ctes: the calendar grains of
    corridor_window_grains and the rolling windows, summed from the as-of
    day windows as int_corridor__rolling_window_stats sums the build's.
-#}
{%- set label_measures = corridor.replay_label_measures() -%}
{%- set measures = [] -%}
{%- for name, expr, rollup in label_measures['additive'] %}{% do measures.append((name, expr, rollup, true)) %}{% endfor -%}
{%- do measures.append(('n_events', 'count(*)', 'sum', false)) -%}
{%- do measures.append(('n_labeled_total', 'sum(case when has_label then 1 else 0 end)', 'sum', false)) %}

-- sqlfluff:dialect:postgres
with

{{ corridor.replay_as_of_window_ctes(corridor.setting('corridor_window_grains'), measures) }},

final as (

    select
        as_of,
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        window_start,
        {%- for name, expr, rollup in label_measures['additive'] if name.startswith('n_') %}
        cast({{ name }} as {{ dbt.type_bigint() }}) as {{ name }},
        {%- endfor %}
        {%- for name, expr, rollup in label_measures['additive'] if not name.startswith('n_') and '__' not in name %}
        cast({{ name }} as {{ corridor.type_double() }}) as {{ name }},
        {%- endfor %}
        {%- for name, expr, decimals in label_measures['large'] %}
        {{ corridor.exact_sum_combine(name ~ '__high', name ~ '__low') }} as {{ name }},
        {%- endfor %}
        cast(n_events as {{ dbt.type_bigint() }}) as n_events,
        cast(n_labeled_total as {{ dbt.type_bigint() }}) as n_labeled_total,
        window_end,
        cells_from,
        cast({{ corridor.sql_string(invocation_id) }} as {{ dbt.type_string() }}) as invocation_id

    from as_of_windows

)

select * from final
