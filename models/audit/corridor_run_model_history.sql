{{
    config(
        materialized='incremental',
        unique_key=['invocation_id', 'node_name'],
        incremental_strategy=('append' if target.type == 'spark' else 'delete+insert'),
        on_schema_change='append_new_columns',
    )
}}
{#-
    One row per dbt invocation × corridor node it ran (models and seeds): the
    node's status, rows read (the row counts of its direct parents) and rows
    written (its own row count after the run), and its execution time.
    Appended by corridor.record_run_history(); never wiped by --full-refresh.
-#}

select
    cast(null as {{ dbt.type_string() }}) as invocation_id,
    cast(null as {{ dbt.type_string() }}) as node_name,
    cast(null as {{ dbt.type_string() }}) as resource_type,
    cast(null as {{ dbt.type_string() }}) as node_status,
    cast(null as {{ dbt.type_string() }}) as relation_name,
    cast(null as {{ dbt.type_bigint() }}) as rows_read,
    cast(null as {{ dbt.type_bigint() }}) as rows_written,
    cast(null as {{ corridor.type_double() }}) as execution_seconds
where 1 = 0
