{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=[
            "{{ corridor.day_lookback_delete(corridor.value_histogram_day_rows()) }}",
            "{{ corridor.state_invalidate('int_corridor__bootstrap_scope') }}",
        ],
        meta={'spark_incremental_strategy': 'insert_overwrite, partitioned by window_start'},
    )
}}
{#-
    Per model version × window × segment, the distinct values of each family
    of per-event values and how many events carry each: the sufficient
    statistics of every interval that needs more than counts and sums
    (bootstrap replicates of means and quantiles, order statistics).

    families (value; events counted):
      latency        latency_ms; events with a latency
      error          1 if the event errored else 0; every event
      correct        1 if predicted class = label else 0; evaluable events
      precision_hit  the label; evaluable events predicted positive
      recall_hit     the predicted class; evaluable events labelled positive
      log_loss, brier  the per-event term; evaluable events (binary classifier)
      abs_error, squared_error  the per-event term; evaluable events (regression)
      score          the score bin, split by label (column label); evaluable
                     events, at the grains of corridor_histogram_metric_grains

    Empty while the Python bootstrap is off (var corridor_python_bootstrap,
    and on every engine but DuckDB): it is the only reader. The order
    statistics of latency (intervals of its quantiles, quantiles of rolling
    windows) come from int_corridor__latency_order_statistics, which never
    keeps every distinct latency of every group.

    The groups of a bounded mean family (corridor.value_histogram_families'
    moment_scales: log_loss, brier) with more than
    corridor_bootstrap_asymptotic_events events, all in [0, scale], are one
    row of exact power sums instead (value and label null; scale, sum_1,
    sum_2, sum_3 of corridor.moment_power_term): the kernel gives such a
    group the asymptotic form of the bootstrap, which needs only its size
    and first three moments, so their rows grow with groups, not events.

    Built for corridor.bootstrap_grains(). Counts are summed into fine cells
    (finest grain × every segment column) and rolled up to every window ×
    segment (corridor.window_segment_rollup_ctes);
    the moment families' power sums likewise, their values only to their
    small groups (corridor.value_histogram_moment_ctes).
    Incremental (corridor.lookback_condition; docs/incremental.md): a run
    recomputes the windows from the lookback start (and a stale version's
    older windows); the value families' hour and day rows only from the
    lookback's day (corridor.value_histogram_day_rows, day_lookback_condition),
    their weeks and months summed from those and the kept days before it.
-#}
{#- recorded for int_corridor__bootstrap_scope before the pre-hook deletes the bootstrap's record: the windows
    recomputed here, and whether the rows before them are those the bootstrap last fingerprinted -#}
{%- do corridor.bootstrap_scope(record=true) -%}
{%- set cells = corridor.window_cells(corridor.bootstrap_grains()) -%}
{%- set families = corridor.value_histogram_families(corridor.setting('corridor_model_type'), corridor.python_bootstrap_enabled()) -%}
{#- the bounded mean families' cells are counted apart (corridor.value_histogram_moment_ctes reads them several
    times), so the other families' cells stream into their roll-up without being kept -#}
{%- set moment_families = families['continuous'] | selectattr('0', 'in', families['moment_scales']) | list -%}
{%- set plain_families = families['continuous'] | rejectattr('0', 'in', families['moment_scales']) | list -%}
{#- the value families' hour and day rows from the lookback's day, their weeks and months from day rows kept -#}
{%- set day_rows = corridor.value_histogram_day_rows() -%}
{%- set keep_days = day_rows is not none and corridor.day_lookback_condition('window_start')
    not in [none, corridor.lookback_condition('window_start')] -%}
{%- set value_events = 'day_events' if keep_days else 'events' -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

{#- read once per family: inlined (corridor.inlined_cte), not copied with every column first #}
events as {{ corridor.inlined_cte() }} (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}
    {{ corridor.where_clause(corridor.lookback_condition('event_at') if corridor.python_bootstrap_enabled() else '1 = 0') }}

),
{%- if keep_days %}

day_events as {{ corridor.inlined_cte() }} (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}
    where {{ corridor.day_lookback_condition('event_at') }}

),

stored_days as (

    {{ corridor.kept_day_rows(day_rows, ['family', 'value', 'n_events']) }}

),
{%- endif %}

event_values as (

    {{ corridor.value_histogram_event_values(plain_families, cells.segments, cells.finest, value_events) }}

),

fine_cells as (

    select
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        family,
        value,
        count(*) as n_events

    from event_values
    group by
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        family,
        value
    {{ corridor.binary_value_cells(value_events, corridor.fine_cell_keys(cells.segments, cells.finest), families['binary']) }}

),

fine_cells_with_windows as (

    select
        *{{ corridor.coarser_window_starts(cells.grains, cells.finest) }}

    from fine_cells

),

{{ corridor.window_segment_rollup_ctes(
    'grouped', 'fine_cells_with_windows', cells, ['family', 'value'], stored_days='stored_days' if keep_days else none
) }},

{{ corridor.value_histogram_moment_ctes(cells, families['moment_scales'], moment_families) }},

{%- if corridor.python_bootstrap_enabled() %}

score_histograms as (

    select * from {{ ref('int_corridor__score_histograms') }}
    {{ corridor.where_clause(corridor.lookback_condition('window_start')) }}

),

score_bins as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        score_bin,
        sum(n_positive) as n_positive,
        sum(n_negative) as n_negative

    from score_histograms
    where window_grain in ({{ corridor.histogram_grain_list(cells.grains, corridor.python_bootstrap_enabled()) }})
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value, score_bin

),

labels as (

    select 0 as label
    union all
    select 1 as label

),
{%- endif %}

histogram_rows as (

    {#- the value rows, the groups of power sums and the score bins; typed once in final #}
    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        family,
        value,
        null as label,
        n_events,
        null as scale,
        null as sum_1,
        null as sum_2,
        null as sum_3,
        window_start
    from (
        select * from grouped
        union all
        select * from small_moment_values
    ) as value_rows

    union all

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        family,
        null as value,
        null as label,
        n_events,
        scale,
        sum_1,
        sum_2,
        sum_3,
        window_start
    from large_moment_groups
    {%- if corridor.python_bootstrap_enabled() %}

    union all

    select
        score_bins.model_id,
        score_bins.model_version,
        score_bins.window_grain,
        score_bins.segment_dimension,
        score_bins.segment_value,
        'score' as family,
        score_bins.score_bin as value,
        labels.label,
        case when labels.label = 1 then score_bins.n_positive else score_bins.n_negative end as n_events,
        null as scale,
        null as sum_1,
        null as sum_2,
        null as sum_3,
        score_bins.window_start

    from score_bins
    cross join labels
    where case when labels.label = 1 then score_bins.n_positive else score_bins.n_negative end > 0
    {%- endif %}

),

final as (

    select
        {{ corridor.value_histogram_columns() }}

    from histogram_rows

)

select * from final
