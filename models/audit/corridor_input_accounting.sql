{{
    config(
        materialized='incremental',
        unique_key=['invocation_id', 'input_name'],
        incremental_strategy=('append' if target.type == 'spark' else 'delete+insert'),
        on_schema_change='append_new_columns',
    )
}}
{#-
    Row accounting per run: one row per dbt invocation × input, appended by
    the on-run-end hook from int_corridor__input_accounting (rows read, rows
    accepted, rows quarantined). Never wiped by --full-refresh.
-#}

select
    cast(null as {{ dbt.type_string() }}) as invocation_id,
    cast(null as {{ dbt.type_string() }}) as input_name,
    cast(null as {{ dbt.type_string() }}) as input_relation,
    cast(null as {{ dbt.type_bigint() }}) as rows_read,
    cast(null as {{ dbt.type_bigint() }}) as rows_accepted,
    cast(null as {{ dbt.type_bigint() }}) as rows_quarantined,
    cast(null as {{ dbt.type_boolean() }}) as is_balanced,
    cast(null as {{ dbt.type_timestamp() }}) as recorded_at
where 1 = 0
