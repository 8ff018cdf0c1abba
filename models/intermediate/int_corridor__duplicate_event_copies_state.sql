{#-
    Which snapshot of the event id index (corridor.event_index_snapshot)
    int_corridor__duplicate_event_copies was last built with: one row, the
    invocation that took it (index_invocation_id; null when the index did
    not run in the invocation that built the copies, or the copies were not
    built in it), how the copies were built (copies_path: delta or full;
    null when they were not built) and this run's time.

    The next run's corridor.duplicate_copies_delta reads it before the
    copies are rebuilt (corridor.built_model_relation): when it names the
    invocation the index's delta starts from, the copies saw every row up to
    the index's watermarks, and only the ids that arrived since are ranked
    again. The copies' pre-hook deletes this row first
    (corridor.state_invalidate), so a build that changes the copies without
    rebuilding this state leaves no record.
-#}
-- depends_on: {{ ref('int_corridor__duplicate_event_copies') }}
{%- set snapshot = corridor.event_index_snapshot(take=false) %}
{%- set built = snapshot is not none and 'int_corridor__duplicate_event_copies' in snapshot['consumers'] %}
{#- the copies decided their path while they compiled in this invocation: this reads their answer back -#}
{%- set path = ('full' if corridor.duplicate_copies_delta() is none else 'delta') if built else none %}

with

final as (

    select
        cast({{ corridor.sql_string(invocation_id) if built else 'null' }} as {{ dbt.type_string() }}) as index_invocation_id,
        cast({{ corridor.sql_string(path) if path else 'null' }} as {{ dbt.type_string() }}) as copies_path,
        cast({{ corridor.run_time() }} as {{ dbt.type_timestamp() }}) as built_at

)

select * from final
