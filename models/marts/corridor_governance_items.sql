{#-
    The open governance items of this run, one row per item, each with a
    reason code (docs/governance.md):
      - tolerance_change_without_approval: a rule's warn or fail tolerance
        changed (corridor_change_log.is_tolerance_change) and no approval of
        that rule (and version, when the approval names one) was given after
        the rule's previous recorded state;
      - estimate_change_without_approval: an offline estimate's expected value
        changed in place after a fail alert of its model, without an approval
        of that estimate given after its previous recorded state;
      - unacknowledged_past_escalation: an open alert of a severity in
        corridor_escalation_hours, not acknowledged, past its escalation time;
      - missing_post_mortem: a closed fail alert of a severity in
        corridor_post_mortem_severities, without a post-mortem
        corridor_post_mortem_days after it closed;
      - acknowledgement_of_unknown_alert, post_mortem_of_unknown_alert,
        approval_of_unknown_rule, approval_of_unknown_estimate: a well-formed
        row of an optional input naming something corridor never recorded.
    Deadlines are judged at corridor_governance_as_of (null: the build's start).
-#}
{%- set as_of_text = corridor.setting('corridor_governance_as_of') or run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') -%}
{%- set as_of = 'cast(' ~ corridor.sql_string(as_of_text) ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}

with

alert_states as (

    select * from {{ ref('int_corridor__governance_alert_states') }}

),

alert_history as (

    select * from {{ ref('corridor_alert_history') }}

),

change_log as (

    select * from {{ ref('corridor_change_log') }}

),

approvals as (

    {{ corridor.accepted_governance_rows('approvals') }}

),

acknowledgements as (

    {{ corridor.accepted_governance_rows('alert_acknowledgements') }}

),

post_mortems as (

    {{ corridor.accepted_governance_rows('post_mortems') }}

),

change_items as (

    select * from {{ ref('int_corridor__governance_change_items') }}

),

known_alerts as (

    select alert_id from alert_states
    union all
    select alert_id from alert_history

),

unacknowledged as (

    select
        'unacknowledged_past_escalation' as reason_code,
        'alert' as subject_kind,
        alert_id as subject_id,
        rule_id,
        rule_version,
        model_id,
        model_version,
        severity,
        {{ dbt.concat(['owner', "coalesce(' -> ' || escalation_path, '')"]) }} as responsible,
        {{ dbt.concat(["'open ' ", 'severity', "' alert of rule '", 'rule_id', "' on '", 'model_id', "' '", 'model_version',
            "' not acknowledged; escalate to '", "coalesce(escalation_path, owner)"]) }} as detail,
        first_recorded_at as opened_at,
        escalation_due_at as due_at

    from alert_states
    where alert_status = 'open'
        and n_acknowledgements = 0
        and escalation_due_at < {{ as_of }}

),

missing_post_mortems as (

    select
        'missing_post_mortem' as reason_code,
        'alert' as subject_kind,
        alert_id as subject_id,
        rule_id,
        rule_version,
        model_id,
        model_version,
        severity,
        owner as responsible,
        {{ dbt.concat(["'closed ' ", 'severity', "' fail alert of rule '", 'rule_id', "' on '", 'model_id', "' '", 'model_version',
            "' has no post-mortem'"]) }} as detail,
        closed_recorded_at as opened_at,
        post_mortem_due_at as due_at

    from alert_states
    where n_post_mortems = 0
        and post_mortem_due_at < {{ as_of }}

),

dangling as (

    {%- for input_name, code, key, who, at in [
        ('acknowledgements', 'acknowledgement_of_unknown_alert', 'alert_id', 'acknowledged_by', 'acknowledged_at'),
        ('post_mortems', 'post_mortem_of_unknown_alert', 'alert_id', 'author', 'written_at'),
    ] %}
    select
        {{ corridor.sql_string(code) }} as reason_code,
        {{ corridor.sql_string(input_name[:-1]) }} as subject_kind,
        record_key as subject_id,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        cast(null as {{ dbt.type_string() }}) as rule_version,
        cast(null as {{ dbt.type_string() }}) as model_id,
        cast(null as {{ dbt.type_string() }}) as model_version,
        cast(null as {{ dbt.type_string() }}) as severity,
        {{ who }} as responsible,
        {{ dbt.concat(["'names alert '", key, "', which corridor never recorded'"]) }} as detail,
        {{ at }} as opened_at,
        {{ at }} as due_at

    from {{ input_name }}
    where {{ key }} not in (select known_alerts.alert_id from known_alerts)

    union all
    {%- endfor %}

    select
        case when rule_id is not null then 'approval_of_unknown_rule' else 'approval_of_unknown_estimate' end as reason_code,
        'approval' as subject_kind,
        record_key as subject_id,
        rule_id,
        rule_version,
        cast(null as {{ dbt.type_string() }}) as model_id,
        cast(null as {{ dbt.type_string() }}) as model_version,
        cast(null as {{ dbt.type_string() }}) as severity,
        approved_by as responsible,
        {{ dbt.concat(["'names '", "coalesce('rule ' || rule_id || coalesce(' version ' || rule_version, ''), 'estimate ' || estimate_id)",
            "', which corridor never recorded'"]) }} as detail,
        approved_at as opened_at,
        approved_at as due_at

    from approvals
    where not exists (
            select 1
            from change_log
            where (
                approvals.rule_id is not null and change_log.entity_kind = 'rule' and change_log.rule_id = approvals.rule_id
                and (
                    approvals.rule_version is null
                    or change_log.entity_key = {{ dbt.concat(['approvals.rule_id', "'|'", 'approvals.rule_version']) }}
                )
            )
            or (
                approvals.estimate_id is not null and change_log.entity_kind = 'offline_estimate'
                and change_log.estimate_id = approvals.estimate_id
            )
        )

),

unioned as (

    select * from change_items
    union all
    select * from unacknowledged
    union all
    select * from missing_post_mortems
    union all
    select * from dangling

),

final as (

    select
        cast({{ dbt.hash(dbt.concat(['reason_code', "'|'", 'subject_id'])) }} as {{ dbt.type_string() }}) as item_id,
        cast(reason_code as {{ dbt.type_string() }}) as reason_code,
        cast(subject_kind as {{ dbt.type_string() }}) as subject_kind,
        cast(subject_id as {{ dbt.type_string() }}) as subject_id,
        cast(rule_id as {{ dbt.type_string() }}) as rule_id,
        cast(rule_version as {{ dbt.type_string() }}) as rule_version,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(severity as {{ dbt.type_string() }}) as severity,
        cast(responsible as {{ dbt.type_string() }}) as responsible,
        cast(detail as {{ dbt.type_string() }}) as detail,
        cast({{ dbt.datediff(
            'due_at', as_of, 'minute'
        ) }} / 60.0 as {{ corridor.type_double() }}) as hours_overdue,
        cast(opened_at as {{ dbt.type_timestamp() }}) as opened_at,
        cast(due_at as {{ dbt.type_timestamp() }}) as due_at,
        cast({{ as_of }} as {{ dbt.type_timestamp() }}) as as_of

    from unioned

)

select * from final
