{#-
    The governance items about changes (corridor_change_log) that lack an
    approval (the accepted rows of the optional approvals input):
      - tolerance_change_without_approval: a rule's warn or fail tolerance
        changed (changed in place or a new version) and no approval of that
        rule, and of that version when the approval names one, was given at
        or after the rule's previous recorded state (an older approval
        approved the old values);
      - estimate_change_without_approval: an offline estimate's expected value
        changed in place after a fail alert of its model was recorded, and no
        approval of that estimate id was given at or after its previous
        recorded state.
    corridor_governance_items unions them with the alert items.
-#}

with

change_log as (

    select * from {{ ref('corridor_change_log') }}

),

alert_history as (

    select * from {{ ref('corridor_alert_history') }}

),

approvals as (

    {{ corridor.accepted_governance_rows('approvals') }}

),

{# the recorded states of each entity (a rule: any of its versions), each with the time of the one before #}
recorded_states as (

    select
        group_key,
        detected_at,
        lag(detected_at) over (partition by group_key order by detected_at) as previous_recorded_at

    from (
        select distinct
            case
                when entity_kind = 'rule' then {{ dbt.concat(["'rule|'", 'rule_id']) }}
                else {{ dbt.concat(['entity_kind', "'|'", 'entity_key']) }}
            end as group_key,
            detected_at
        from change_log
    ) as states

),

changes as (

    select
        change_log.*,
        {{ dbt.right('change_log.entity_key', dbt.length('change_log.entity_key') ~ ' - ' ~ dbt.length('change_log.rule_id') ~ ' - 1') }}
            as change_rule_version,
        recorded_states.previous_recorded_at

    from change_log
    inner join recorded_states
        on recorded_states.group_key = case
            when change_log.entity_kind = 'rule' then {{ dbt.concat(["'rule|'", 'change_log.rule_id']) }}
            else {{ dbt.concat(['change_log.entity_kind', "'|'", 'change_log.entity_key']) }}
        end
        and change_log.detected_at = recorded_states.detected_at
    where change_log.change_kind in ('changed', 'new_version')

),

unapproved_tolerance_changes as (

    select
        'tolerance_change_without_approval' as reason_code,
        'change' as subject_kind,
        changes.change_id as subject_id,
        changes.rule_id,
        changes.change_rule_version as rule_version,
        changes.model_id,
        cast(null as {{ dbt.type_string() }}) as model_version,
        cast(null as {{ dbt.type_string() }}) as severity,
        changes.changed_by as responsible,
        {{ dbt.concat([
            "'rule '", 'changes.entity_key', "': tolerances changed ('", 'changes.change_kind', "')'",
            "case when changes.is_after_failure then ' after a fail alert' else '' end",
            "', no approval recorded since the previous version'",
        ]) }} as detail,
        changes.detected_at as opened_at,
        changes.detected_at as due_at

    from changes
    where changes.entity_kind = 'rule'
        and changes.is_tolerance_change
        and not exists (
            select 1
            from approvals
            where approvals.rule_id = changes.rule_id
                and (approvals.rule_version is null or approvals.rule_version = changes.change_rule_version)
                and (changes.previous_recorded_at is null or approvals.approved_at >= changes.previous_recorded_at)
        )

),

unapproved_estimate_changes as (

    select
        'estimate_change_without_approval' as reason_code,
        'change' as subject_kind,
        changes.change_id as subject_id,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        cast(null as {{ dbt.type_string() }}) as rule_version,
        changes.model_id,
        cast(null as {{ dbt.type_string() }}) as model_version,
        cast(null as {{ dbt.type_string() }}) as severity,
        changes.changed_by as responsible,
        {{ dbt.concat(["'offline estimate '", 'changes.entity_key', "': expected value changed after a fail alert of model '",
            'changes.model_id', "', no approval recorded'"]) }} as detail,
        changes.detected_at as opened_at,
        changes.detected_at as due_at

    from changes
    where changes.entity_kind = 'offline_estimate'
        and changes.old_expected_value is distinct from changes.new_expected_value
        and exists (
            select 1
            from alert_history
            where alert_history.model_id = changes.model_id
                and alert_history.breach_level = 'fail'
                and alert_history.run_started_at < changes.detected_at
        )
        and not exists (
            select 1
            from approvals
            where approvals.estimate_id = changes.estimate_id
                and (changes.previous_recorded_at is null or approvals.approved_at >= changes.previous_recorded_at)
        )

),

final as (

    select * from unapproved_tolerance_changes
    union all
    select * from unapproved_estimate_changes

)

select * from final
