{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=[
            "{{ corridor.lookback_delete() }}",
            "{{ corridor.state_invalidate('int_corridor__production_window_stats_state') }}",
        ],
    )
}}
{#-
    Incremental with a lookback (corridor.lookback_start): a run recomputes
    the windows starting on or after the lookback start and keeps the older
    ones; a full build computes every window. A model version whose older
    windows no longer match their events (a version arriving with history, a
    backfilled day) is recomputed from its first changed window
    (corridor.lookback_condition), so both give the same rows wherever in
    time data arrives.

    Sufficient statistics of production events per model version × window
    grain × window × segment (each configured dimension, plus 'all').

    Additive statistics (counts, sums, sums of squares) are summed once into
    fine cells (the finest grain × every segment column), then rolled up with
    GROUPING SETS over those cells, which are few. Exact latency quantiles,
    which do not roll up, come from int_corridor__latency_quantiles (no row
    there for a group without a latency: its quantiles are null).
    Floating-point sums go through corridor.exact_sum (exact decimals), so two
    builds of the same data agree to the last bit. Every metric downstream is
    a closed-form function of these columns.
-#}
{#- Rebuilt after the other incremental models of the event pipeline: they
    read this table's state of the previous run (corridor.lookback_state_relation).
    And after the enriched events' state, so any build of the statistics records
    which index snapshot the events were built with (corridor.event_lookback_starts). #}
-- depends_on: {{ ref('int_corridor__score_histograms') }}
-- depends_on: {{ ref('int_corridor__value_histograms') }}
-- depends_on: {{ ref('int_corridor__events_enriched_state') }}
{#- recorded for int_corridor__production_window_stats_state: these statistics ran in this invocation #}
{%- do corridor.built_in_invocation(model.name, record=true) -%}
{%- set cells = corridor.window_cells(corridor.setting('corridor_window_grains')) -%}
{#- what each window cell sums: counts, min/max and exact decimal sums (corridor.production_window_measures) -#}
{%- set measures = corridor.production_window_measures() -%}
{%- set additive_rollups = [] -%}
{%- for name, expr, rollup in measures['additive'] %}{% do additive_rollups.append([name, rollup]) %}{% endfor %}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}
    {{ corridor.where_clause(corridor.lookback_condition('event_at')) }}

),

fine_cells as (

    select
        model_id,
        model_version,
        {{ corridor.select_columns(corridor.segment_column_names(cells.segments)) }}
        {{ cells.finest }}_start,
        {{ corridor.aliased_expressions(measures['additive']) }}

    from events
    group by
        model_id,
        model_version,
        {{ corridor.select_columns(corridor.segment_column_names(cells.segments)) }}
        {{ cells.finest }}_start

),

fine_cells_with_windows as (

    select
        *{{ corridor.coarser_window_starts(cells.grains, cells.finest) }}

    from fine_cells

),

{{ corridor.window_segment_rollup_ctes(
    'additive', 'fine_cells_with_windows', cells, [],
    additive_rollups
) }},

quantiles as (

    select * from {{ ref('int_corridor__latency_quantiles') }}

),

final as (

    select
        additive.model_id,
        additive.model_version,
        additive.window_grain,
        additive.segment_dimension,
        additive.segment_value,
        {{- corridor.production_window_sum_columns(measures, 'additive') }}
        quantiles.latency_p50,
        quantiles.latency_p95,
        quantiles.latency_p99,
        quantiles.latency_p50_below,
        quantiles.latency_p50_above,
        quantiles.latency_p95_below,
        quantiles.latency_p95_above,
        quantiles.latency_p99_below,
        quantiles.latency_p99_above,
        additive.window_start,
        additive.first_event_at,
        additive.last_event_at

    from additive
    left join quantiles
        on {{ corridor.keys_equal('additive', 'quantiles', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'
        ]) }}

)

select * from final
