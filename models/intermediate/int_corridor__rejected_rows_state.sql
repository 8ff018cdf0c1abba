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
{%- set snapshot = corridor.event_index_snapshot(take=false) %}
{%- set consumed = snapshot is not none and 'int_corridor__rejected_rows' in snapshot['consumers'] %}
{%- set definition = corridor.rejected_rows_definition() %}

with

final as (

    select
        cast({{ corridor.sql_string(invocation_id) if consumed else 'null' }} as {{ dbt.type_string() }}) as index_invocation_id,
        cast({{ corridor.sql_string(definition['definition']) }} as {{ dbt.type_string() }}) as definition,
        cast({{ definition['key_check'] }} as {{ dbt.type_string() }}) as key_check,
        cast({{ corridor.sql_string(snapshot.get('rejected_rows_path', 'full') if consumed else 'not_built') }} as {{ dbt.type_string() }})
            as rows_path,
        cast({{ corridor.run_time() }} as {{ dbt.type_timestamp() }}) as built_at

)

select * from final
