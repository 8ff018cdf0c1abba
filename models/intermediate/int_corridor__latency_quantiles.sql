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
    Exact latency quantiles (p50, p95, p99; linear interpolation, as
    numpy.quantile) per model version × window grain × window × segment,
    computed by the engine over the events with GROUPING SETS, together with
    the quantiles on either side of each (p50: 45/55, p95: 93/97, p99:
    98.5/99.5) from which the production metrics estimate the density at the
    quantile (Siddiqui-Bloch-Gastwirth) and so its standard error.

    Quantiles do not roll up, so the engine keeps every latency of every group
    while it aggregates: this is the most memory-hungry step of corridor. It
    is its own model, reading only the columns it needs, so it never shares
    memory with another aggregation in the same query.
    Incremental with the lookback of int_corridor__production_window_stats
    (corridor.lookback_condition; docs/incremental.md): a run recomputes the
    windows starting on or after the lookback start (and a stale version's
    older windows) and keeps the others.
-#}
{%- set grains = corridor.setting('corridor_window_grains') -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set double = corridor.type_double() -%}
{%- set lookback = corridor.lookback_condition('event_at') -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

latencies as (

    select
        model_id,
        model_version,
        {%- for s in segments %}
        segment_{{ s['dimension'] }},
        {%- endfor %}
        {%- for grain in grains %}
        {{ corridor.window_start(grain, 'event_at') }} as {{ grain }}_start,
        {%- endfor %}
        latency_ms

    from {{ ref('int_corridor__events_enriched') }}
    {%- if lookback is not none %}
    where {{ lookback }}
    {%- endif %}

),

grouped as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        {{ corridor.percentiles('latency_ms', [0.5, 0.95, 0.99, 0.45, 0.55, 0.93, 0.97, 0.985, 0.995]) }} as latency_quantiles

    from latencies
    group by {{ corridor.window_segment_grouping_sets(grains, segments) }}

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        cast({{ corridor.array_element('latency_quantiles', 1) }} as {{ double }}) as latency_p50,
        cast({{ corridor.array_element('latency_quantiles', 2) }} as {{ double }}) as latency_p95,
        cast({{ corridor.array_element('latency_quantiles', 3) }} as {{ double }}) as latency_p99,
        cast({{ corridor.array_element('latency_quantiles', 4) }} as {{ double }}) as latency_p50_below,
        cast({{ corridor.array_element('latency_quantiles', 5) }} as {{ double }}) as latency_p50_above,
        cast({{ corridor.array_element('latency_quantiles', 6) }} as {{ double }}) as latency_p95_below,
        cast({{ corridor.array_element('latency_quantiles', 7) }} as {{ double }}) as latency_p95_above,
        cast({{ corridor.array_element('latency_quantiles', 8) }} as {{ double }}) as latency_p99_below,
        cast({{ corridor.array_element('latency_quantiles', 9) }} as {{ double }}) as latency_p99_above,
        window_start

    from grouped

)

select * from final
