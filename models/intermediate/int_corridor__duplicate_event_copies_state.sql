{#-
    Which snapshot of the event id index (corridor.event_index_snapshot)
    int_corridor__duplicate_event_copies was last built with, one row: the
    invocation that took it (index_invocation_id; null when the index did
    not run in the invocation that built the copies, or the copies were not
    built in it), the definition and key check their staged columns were
    rendered with (corridor.rejected_rows_definition: the rules, the reason
    codes, the raw columns, the pseudonym key), how this run built them
    (copies_path: delta, full or not_built) and the run's time.

    The next run's corridor.duplicate_copies_delta reads it before the
    copies are rebuilt (corridor.built_model_relation), and keeps the
    stored copies of the unchanged ids only when it names the invocation
    the index's delta starts from, under the same definition and key. The
    copies' pre-hook deletes this row first (corridor.state_invalidate), so
    a build that changes the copies without rebuilding this state leaves no
    record.
-#}
-- depends_on: {{ ref('int_corridor__duplicate_event_copies') }}

with

final as (

    {{ corridor.index_delta_state('int_corridor__duplicate_event_copies', 'copies_path') }}

)

select * from final
