{{
    config(
        materialized='incremental',
        unique_key=['invocation_id', 'entity_kind', 'entity_key'],
        incremental_strategy=('append' if target.type == 'spark' else 'delete+insert'),
        on_schema_change='append_new_columns',
    )
}}
{#-
    Every change to the rules registry and to the offline estimates between
    runs: one row per rule version or estimate that was added, changed or
    removed since the last run that recorded it, with the old and the new
    values (as JSON text), when it was seen and who made it when the input
    carries a changed_by column. A new version of an existing rule is
    `new_version`, with the previous version's values as the old ones. The
    first run records every row as `added` (the baseline). Incremental and
    never wiped by --full-refresh (docs/governance.md).
-#}
-- depends_on: {{ ref('corridor_run_history') }}

with

now_seen as (

    select * from {{ ref('int_corridor__registry_state') }}

),

alert_history as (

    select * from {{ ref('corridor_alert_history') }}

),

{%- if is_incremental() %}

latest as (

    select *
    from (
        select
            *,
            row_number() over (partition by entity_kind, entity_key order by detected_at desc, invocation_id desc) as change_rank
        from {{ this }}
    ) as ranked
    where change_rank = 1

),

known as (

    select * from latest
    where change_kind <> 'removed'

),

{# the latest known values of each rule id (any version): the old values of a new version #}
latest_rule as (

    select *
    from (
        select
            *,
            row_number() over (partition by rule_id order by detected_at desc, entity_key desc) as rule_rank
        from known
        where entity_kind = 'rule'
    ) as ranked
    where rule_rank = 1

),

{%- endif %}

changes as (

    select
        now_seen.entity_kind,
        now_seen.entity_key,
        now_seen.rule_id,
        now_seen.estimate_id,
        now_seen.model_id,
        {%- if is_incremental() %}
        case
            when known.entity_key is not null then 'changed'
            when latest_rule.rule_id is not null then 'new_version'
            else 'added'
        end as change_kind,
        coalesce(known.new_values, latest_rule.new_values) as old_values,
        coalesce(known.new_warn_tolerance, latest_rule.new_warn_tolerance) as old_warn_tolerance,
        coalesce(known.new_fail_tolerance, latest_rule.new_fail_tolerance) as old_fail_tolerance,
        known.new_expected_value as old_expected_value,
        {%- else %}
        'added' as change_kind,
        cast(null as {{ dbt.type_string() }}) as old_values,
        cast(null as {{ corridor.type_double() }}) as old_warn_tolerance,
        cast(null as {{ corridor.type_double() }}) as old_fail_tolerance,
        cast(null as {{ corridor.type_double() }}) as old_expected_value,
        {%- endif %}
        now_seen.content as new_values,
        now_seen.content_hash,
        now_seen.changed_by,
        now_seen.warn_tolerance as new_warn_tolerance,
        now_seen.fail_tolerance as new_fail_tolerance,
        now_seen.expected_value as new_expected_value

    from now_seen
    {%- if is_incremental() %}
    left join known
        on now_seen.entity_kind = known.entity_kind
        and now_seen.entity_key = known.entity_key
    left join latest_rule
        on now_seen.entity_kind = 'rule'
        and known.entity_key is null
        and now_seen.rule_id = latest_rule.rule_id
    where known.entity_key is null
        or now_seen.content_hash <> known.content_hash

    union all

    select
        known.entity_kind,
        known.entity_key,
        known.rule_id,
        known.estimate_id,
        known.model_id,
        'removed' as change_kind,
        known.new_values as old_values,
        known.new_warn_tolerance as old_warn_tolerance,
        known.new_fail_tolerance as old_fail_tolerance,
        known.new_expected_value as old_expected_value,
        cast(null as {{ dbt.type_string() }}) as new_values,
        cast(null as {{ dbt.type_string() }}) as content_hash,
        cast(null as {{ dbt.type_string() }}) as changed_by,
        cast(null as {{ corridor.type_double() }}) as new_warn_tolerance,
        cast(null as {{ corridor.type_double() }}) as new_fail_tolerance,
        cast(null as {{ corridor.type_double() }}) as new_expected_value

    from known
    left join now_seen
        on known.entity_kind = now_seen.entity_kind
        and known.entity_key = now_seen.entity_key
    where now_seen.entity_key is null
    {%- endif %}

),

{# rules that had a fail alert in an earlier run: a change to them follows a validation failure #}
failed_rules as (

    select distinct rule_id
    from alert_history
    where breach_level = 'fail'

),

final as (

    select
        {{ dbt.hash(dbt.concat([corridor.sql_string(invocation_id), "'|'", 'changes.entity_kind', "'|'", 'changes.entity_key'])) }}
            as change_id,
        cast({{ corridor.sql_string(invocation_id) }} as {{ dbt.type_string() }}) as invocation_id,
        cast(changes.entity_kind as {{ dbt.type_string() }}) as entity_kind,
        cast(changes.entity_key as {{ dbt.type_string() }}) as entity_key,
        cast(changes.rule_id as {{ dbt.type_string() }}) as rule_id,
        cast(changes.estimate_id as {{ dbt.type_string() }}) as estimate_id,
        cast(changes.model_id as {{ dbt.type_string() }}) as model_id,
        cast(changes.change_kind as {{ dbt.type_string() }}) as change_kind,
        cast(changes.changed_by as {{ dbt.type_string() }}) as changed_by,
        cast(changes.old_values as {{ dbt.type_string() }}) as old_values,
        cast(changes.new_values as {{ dbt.type_string() }}) as new_values,
        cast(changes.content_hash as {{ dbt.type_string() }}) as content_hash,
        cast(changes.old_warn_tolerance as {{ corridor.type_double() }}) as old_warn_tolerance,
        cast(changes.new_warn_tolerance as {{ corridor.type_double() }}) as new_warn_tolerance,
        cast(changes.old_fail_tolerance as {{ corridor.type_double() }}) as old_fail_tolerance,
        cast(changes.new_fail_tolerance as {{ corridor.type_double() }}) as new_fail_tolerance,
        cast(changes.old_expected_value as {{ corridor.type_double() }}) as old_expected_value,
        cast(changes.new_expected_value as {{ corridor.type_double() }}) as new_expected_value,
        changes.change_kind in ('changed', 'new_version')
        and (
            changes.old_warn_tolerance is distinct from changes.new_warn_tolerance
            or changes.old_fail_tolerance is distinct from changes.new_fail_tolerance
        ) as is_tolerance_change,
        failed_rules.rule_id is not null and changes.change_kind <> 'added' as is_after_failure,
        cast({{ corridor.sql_string(run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f')) }} as {{ dbt.type_timestamp() }}) as detected_at

    from changes
    left join failed_rules
        on changes.rule_id = failed_rules.rule_id

)

select * from final
