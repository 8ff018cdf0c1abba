{#-
    Every alert of this run (corridor_alerts, read from int_corridor__alert_episodes) with what governance needs:
    when corridor first recorded it (the first run of corridor_alert_history
    that holds it, else this run's start) and first recorded it closed, its
    first acknowledgement and its post-mortems (the accepted rows of the
    optional inputs), and the deadlines the settings give it:
      - escalation_due_at: first recorded + corridor_escalation_hours of its
        severity (null: a severity that does not escalate);
      - post_mortem_due_at: first recorded closed + corridor_post_mortem_days,
        for a fail alert of a severity in corridor_post_mortem_severities.
    The clock starts when corridor raised the alert, not at the window it is
    about: a first build over months of history does not make every old
    alert overdue at once (docs/governance.md).
-#}
with

{#- the alerts of corridor_alerts, read from its source so that a failing corridor.rules_hold test (it runs after
    corridor_alerts and skips what is left downstream of the rules) cannot skip the governance models #}
alerts as (

    select * from {{ ref('int_corridor__alert_episodes') }}

),

alert_history as (

    select * from {{ ref('corridor_alert_history') }}

),

acknowledgements as (

    {{ corridor.accepted_governance_rows('alert_acknowledgements') }}

),

post_mortems as (

    {{ corridor.accepted_governance_rows('post_mortems') }}

),

recorded as (

    select
        alert_id,
        min(run_started_at) as first_recorded_at,
        min(case when alert_status = 'closed' then run_started_at end) as first_recorded_closed_at

    from alert_history
    group by alert_id

),

first_acknowledgements as (

    select
        alert_id,
        min(acknowledged_at) as acknowledged_at,
        count(*) as n_acknowledgements

    from acknowledgements
    group by alert_id

),

alert_post_mortems as (

    select
        alert_id,
        min(written_at) as first_post_mortem_at,
        count(*) as n_post_mortems

    from post_mortems
    group by alert_id

),

timed as (

    select
        alerts.alert_id,
        alerts.rule_id,
        alerts.rule_version,
        alerts.model_id,
        alerts.model_version,
        alerts.segment_dimension,
        alerts.segment_value,
        alerts.window_grain,
        alerts.alert_status,
        alerts.breach_level,
        alerts.severity,
        alerts.owner,
        alerts.escalation_path,
        coalesce(recorded.first_recorded_at, {{ corridor.run_start_timestamp() }}) as first_recorded_at,
        case
            when alerts.alert_status = 'closed' then coalesce(recorded.first_recorded_closed_at, {{ corridor.run_start_timestamp() }})
        end as closed_recorded_at,
        first_acknowledgements.acknowledged_at,
        coalesce(first_acknowledgements.n_acknowledgements, 0) as n_acknowledgements,
        alert_post_mortems.first_post_mortem_at,
        coalesce(alert_post_mortems.n_post_mortems, 0) as n_post_mortems,
        {{ corridor.escalation_minutes('alerts.severity', corridor.setting('corridor_escalation_hours')) }} as escalation_minutes,
        {{ corridor.needs_post_mortem(
            'alerts.breach_level', 'alerts.severity', corridor.setting('corridor_post_mortem_severities')
        ) }} as needs_post_mortem

    from alerts
    left join recorded
        on alerts.alert_id = recorded.alert_id
    left join first_acknowledgements
        on alerts.alert_id = first_acknowledgements.alert_id
    left join alert_post_mortems
        on alerts.alert_id = alert_post_mortems.alert_id

),

final as (

    select
        cast(alert_id as {{ dbt.type_string() }}) as alert_id,
        cast(rule_id as {{ dbt.type_string() }}) as rule_id,
        cast(rule_version as {{ dbt.type_string() }}) as rule_version,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(segment_dimension as {{ dbt.type_string() }}) as segment_dimension,
        cast(segment_value as {{ dbt.type_string() }}) as segment_value,
        cast(window_grain as {{ dbt.type_string() }}) as window_grain,
        cast(alert_status as {{ dbt.type_string() }}) as alert_status,
        cast(breach_level as {{ dbt.type_string() }}) as breach_level,
        cast(severity as {{ dbt.type_string() }}) as severity,
        cast(owner as {{ dbt.type_string() }}) as owner,
        cast(escalation_path as {{ dbt.type_string() }}) as escalation_path,
        cast(n_acknowledgements as {{ dbt.type_int() }}) as n_acknowledgements,
        cast(n_post_mortems as {{ dbt.type_int() }}) as n_post_mortems,
        coalesce(needs_post_mortem, false) as needs_post_mortem,
        cast(first_recorded_at as {{ dbt.type_timestamp() }}) as first_recorded_at,
        cast(closed_recorded_at as {{ dbt.type_timestamp() }}) as closed_recorded_at,
        cast(acknowledged_at as {{ dbt.type_timestamp() }}) as acknowledged_at,
        cast(first_post_mortem_at as {{ dbt.type_timestamp() }}) as first_post_mortem_at,
        cast(case
            when escalation_minutes is not null then {{ dbt.dateadd('minute', 'escalation_minutes', 'first_recorded_at') }}
        end as {{ dbt.type_timestamp() }}) as escalation_due_at,
        cast(case
            when needs_post_mortem and closed_recorded_at is not null
                then {{ dbt.dateadd(
                    'minute', (corridor.setting('corridor_post_mortem_days') * 1440) | round | int, 'closed_recorded_at'
                ) }}
        end as {{ dbt.type_timestamp() }}) as post_mortem_due_at

    from timed

)

select * from final
