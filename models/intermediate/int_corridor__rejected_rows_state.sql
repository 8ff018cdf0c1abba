{#-
    Which snapshot of the event id index (corridor.event_index_snapshot)
    int_corridor__rejected_rows was last built with, one row: the
    invocation that took it (index_invocation_id; null when the index did
    not run in the invocation that built the rows, or the rows were not
    built in it), the rows' definition and key check
    (corridor.rejected_rows_definition), how this run built them (rows_path:
    delta or full) and the run's time.

    The next run's corridor.rejected_rows_delta reads it before the rows
    are rebuilt (corridor.built_model_relation), and keeps the stored rows
    only when it names the invocation the index's delta starts from.
-#}
-- depends_on: {{ ref('int_corridor__rejected_rows') }}

with

final as (

    {{ corridor.index_delta_state('int_corridor__rejected_rows', 'rows_path') }}

)

select * from final
