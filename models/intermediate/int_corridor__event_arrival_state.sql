{#-
    The arrival state int_corridor__event_id_index took in this run
    (corridor.event_index_snapshot), one row per input: its watermark (the
    latest arrival time), its number of rows with an event id and their
    fingerprint, the run's time, the rules, and how the index was built
    (index_path: delta or full). The next run's index reads it before this
    model is rebuilt (corridor.built_model_relation), to recompute only what
    arrived after the watermarks.

    Written from the snapshot the index took before reading the inputs, not
    from a new scan: rows that arrive while the build runs are after the
    watermark or change the fingerprint, so the next run never skips them.
    When the index did not run in this invocation (a selection without it),
    the watermarks are null and the next run recomputes the whole index.
-#}
-- depends_on: {{ ref('int_corridor__event_id_index') }}
{%- set snapshot = corridor.event_index_snapshot(take=false) %}
{%- set ts = dbt.type_timestamp() %}
{%- set text = dbt.type_string() %}

with

{% if snapshot is not none -%}
state as (

    {%- for input_name, input in snapshot['inputs'].items() %}

    select
        {{ corridor.sql_string(input_name) }} as input_name,
        {{ input['watermark'] or 'cast(null as ' ~ ts ~ ')' }} as watermark,
        {{ input['n_rows'] }} as n_rows,
        {{ corridor.sql_string(input['fingerprint']) }} as row_fingerprint,
        {{ snapshot['built_at'] }} as built_at,
        {{ corridor.sql_string(snapshot['rules']) }} as rules,
        {{ corridor.sql_string('full' if snapshot['delta'] is none else 'delta') }} as index_path,
        {{ corridor.sql_string(invocation_id) }} as invocation_id
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}

),
{%- else -%}
state as (

    select
        input_name,
        cast(null as {{ ts }}) as watermark,
        0 as n_rows,
        '0' as row_fingerprint,
        {{ corridor.run_time() }} as built_at,
        '' as rules,
        'not_built' as index_path,
        {{ corridor.sql_string(invocation_id) }} as invocation_id

    from (
        select 'production_events' as input_name
        union all
        select 'outcomes' as input_name
    ) as inputs

),
{%- endif %}

final as (

    select
        cast(input_name as {{ text }}) as input_name,
        cast(watermark as {{ ts }}) as watermark,
        cast(n_rows as {{ dbt.type_bigint() }}) as n_rows,
        cast(row_fingerprint as {{ text }}) as row_fingerprint,
        cast(built_at as {{ ts }}) as built_at,
        cast(rules as {{ text }}) as rules,
        cast(index_path as {{ text }}) as index_path,
        cast(invocation_id as {{ text }}) as invocation_id

    from state

)

select * from final
