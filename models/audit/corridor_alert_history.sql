{{
    config(
        materialized='incremental',
        unique_key=['invocation_id', 'alert_id'],
        incremental_strategy=('append' if target.type == 'spark' else 'delete+insert'),
        on_schema_change='append_new_columns',
    )
}}
{#-
    What every run believed about every alert: the rows of corridor_alerts,
    stamped with the invocation that produced them and appended run after run
    by the on-run-end hook corridor.record_run_history() (a hook, so that a
    failing rules_hold test, which skips everything downstream of
    corridor_alerts, cannot stop the record). Never wiped by --full-refresh.
    An alert's life (opened, still open N runs later, closed) reads straight
    off this table.
-#}

select
    cast(null as {{ dbt.type_string() }}) as invocation_id,
    cast(null as {{ dbt.type_timestamp() }}) as run_started_at,
    cast(null as {{ dbt.type_string() }}) as alert_id,
    cast(null as {{ dbt.type_string() }}) as rule_id,
    cast(null as {{ dbt.type_string() }}) as rule_version,
    cast(null as {{ dbt.type_string() }}) as model_id,
    cast(null as {{ dbt.type_string() }}) as model_version,
    cast(null as {{ dbt.type_string() }}) as metric,
    cast(null as {{ dbt.type_string() }}) as segment_dimension,
    cast(null as {{ dbt.type_string() }}) as segment_value,
    cast(null as {{ dbt.type_string() }}) as window_grain,
    cast(null as {{ dbt.type_string() }}) as alert_status,
    cast(null as {{ dbt.type_string() }}) as breach_level,
    cast(null as {{ dbt.type_string() }}) as severity,
    cast(null as {{ dbt.type_string() }}) as dbt_severity,
    cast(null as {{ dbt.type_string() }}) as owner,
    cast(null as {{ dbt.type_timestamp() }}) as first_seen_window_start,
    cast(null as {{ dbt.type_timestamp() }}) as opened_window_start,
    cast(null as {{ dbt.type_timestamp() }}) as last_seen_window_start,
    cast(null as {{ dbt.type_timestamp() }}) as closed_window_start,
    cast(null as {{ dbt.type_bigint() }}) as windows_breached,
    cast(null as {{ corridor.type_double() }}) as worst_bad_deviation,
    cast(null as {{ dbt.type_string() }}) as summary
where 1 = 0
