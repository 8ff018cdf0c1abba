{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.event_window_cells_delete() }}",
    )
}}
{#-
    The production events as they arrived, before any row is rejected, in
    hourly cells: per model id × model version × hour of event_at (rows
    with a usable event time and model id), the rows delivered (duplicates
    and malformed rows included), their nulls of the required columns, the
    rows loaded after the end of their window plus
    corridor_late_grace_hours at each known grain (hour, day, week, month),
    and the latest loaded_at. int_corridor__event_window_profile sums them.

    Incremental (docs/incremental.md): a cell's part (cell_part) says which
    rows it counts (corridor.event_window_cells_parts). When the event id
    index took its delta path and these cells were built with the snapshot
    it starts from (corridor.event_window_cells_delta), a run keeps the
    settled cells, adds the cells of the rows that arrived since the
    previous watermark (so a cell can have several rows: sum them) and
    recounts the unsettled and no_event_id parts: three scans that each skip
    the row groups they rule out, instead of one of every event. Otherwise
    every cell is recounted in one scan. The build row (cell_part 'build',
    no counts) records the snapshot's invocation and the definition
    (corridor.event_window_cells_definition).
-#}
{#- after the rejected rows, as the profile's scan was (after the quarantine): a full build's scans one at a time #}
-- depends_on: {{ ref('int_corridor__rejected_rows') }}
{%- set snapshot = corridor.event_index_snapshot(take=false) %}
{%- set watermark = snapshot['inputs']['production_events']['watermark'] if snapshot is not none else none %}
{%- set delta = corridor.event_window_cells_delta() %}
{%- set parts = corridor.event_window_cells_parts(delta, watermark) %}
{%- set text = dbt.type_string() %}
{%- set bigint = dbt.type_bigint() %}

with

{%- for part in parts %}

cells_{{ loop.index }} as (

    select
        model_id,
        model_version,
        {{ corridor.window_start('hour', 'event_at') }} as hour_start,
        {{ part['part'] }} as cell_part,
        count(*) as n_rows,
        sum(case when event_id_is_missing then 1 else 0 end) as n_null_event_id,
        sum(case when model_version_is_missing then 1 else 0 end) as n_null_model_version,
        sum(case when latency_ms_is_missing then 1 else 0 end) as n_null_latency_ms,
        sum(case when is_error_is_missing then 1 else 0 end) as n_null_is_error,
        {{- corridor.late_event_counts(corridor.known_window_grains(), corridor.setting('corridor_late_grace_hours')) }}
        max(loaded_at) as last_loaded_at

    from {{ ref('stg_corridor__production_events') }}
    where event_at is not null
        and not model_id_is_missing
        and {{ part['condition'] }}
    group by 1, 2, 3, 4

),
{%- endfor %}

counted as (

    {%- for part in parts %}
    select * from cells_{{ loop.index }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

final as (

    select
        model_id,
        model_version,
        hour_start,
        cast(cell_part as {{ text }}) as cell_part,
        cast(n_rows as {{ bigint }}) as n_rows,
        cast(n_null_event_id as {{ bigint }}) as n_null_event_id,
        cast(n_null_model_version as {{ bigint }}) as n_null_model_version,
        cast(n_null_latency_ms as {{ bigint }}) as n_null_latency_ms,
        cast(n_null_is_error as {{ bigint }}) as n_null_is_error,
        {%- for grain in corridor.known_window_grains() %}
        cast(n_late_{{ grain }} as {{ bigint }}) as n_late_{{ grain }},
        {%- endfor %}
        last_loaded_at,
        cast(null as {{ text }}) as snapshot_invocation_id,
        cast(null as {{ text }}) as definition,
        cast(null as {{ text }}) as cells_path

    from counted

    union all

    {# the build row: which snapshot the cells were built with, under which definition, and how #}
    select
        cast(null as {{ text }}) as model_id,
        cast(null as {{ text }}) as model_version,
        cast(null as {{ dbt.type_timestamp() }}) as hour_start,
        cast('build' as {{ text }}) as cell_part,
        {%- for column in ['n_rows', 'n_null_event_id', 'n_null_model_version', 'n_null_latency_ms', 'n_null_is_error'] %}
        cast(0 as {{ bigint }}) as {{ column }},
        {%- endfor %}
        {%- for grain in corridor.known_window_grains() %}
        cast(0 as {{ bigint }}) as n_late_{{ grain }},
        {%- endfor %}
        cast(null as {{ dbt.type_timestamp() }}) as last_loaded_at,
        cast({{ corridor.sql_string(invocation_id) if snapshot is not none else 'null' }} as {{ text }}) as snapshot_invocation_id,
        cast({{ corridor.sql_string(corridor.event_window_cells_definition()) }} as {{ text }}) as definition,
        cast({{ corridor.sql_string('full' if delta is none else 'delta') }} as {{ text }}) as cells_path

)

select * from final
