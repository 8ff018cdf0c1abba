{{
    config(
        materialized='incremental',
        unique_key=['invocation_id', 'input_name', 'column_name'],
        incremental_strategy=('append' if target.type == 'spark' else 'delete+insert'),
        on_schema_change='append_new_columns',
    )
}}
{#-
    Schema snapshots of the inputs: one row per dbt invocation × input ×
    column, appended by the on-run-end hook from stg_corridor__input_columns.
    The schema checks of the quality gates compare the inputs as they are now
    with the latest snapshot of an earlier run. Never wiped by --full-refresh.
-#}

select
    cast(null as {{ dbt.type_string() }}) as invocation_id,
    cast(null as {{ dbt.type_string() }}) as input_name,
    cast(null as {{ dbt.type_string() }}) as input_relation,
    cast(null as {{ dbt.type_string() }}) as column_name,
    cast(null as {{ dbt.type_string() }}) as data_type,
    cast(null as {{ dbt.type_int() }}) as column_position,
    cast(null as {{ dbt.type_timestamp() }}) as recorded_at
where 1 = 0
