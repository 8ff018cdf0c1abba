{#-
    What each candidate's alert (int_corridor__calibration_alerts) matches in
    the ground truth (int_corridor__ground_truth), as of each replay point.
    One row per candidate × as_of × alert × ground-truth row, verdict
    incident or false_alarm:
      - an incident of its model when its segment is the incident's (an
        incident of segment `all` matches every segment) and its first
        breached window starts less than a day before the incident started
        and before it ended: the episode began with the incident;
      - a known false alarm (an alert a post-mortem or acknowledgement said
        was false) of its rule, model version and segment when its first breached
        window starts within the false alarm's episode. Such an alert is a false
        alert: it detects no incident.
-#}
with

alerts as (

    select * from {{ ref('int_corridor__calibration_alerts') }}

),

ground_truth as (

    select * from {{ ref('int_corridor__ground_truth') }}

),

matched as (

    select
        alerts.candidate_id,
        alerts.rule_id,
        alerts.alert_id,
        alerts.as_of,
        alerts.is_build_now,
        ground_truth.incident_id,
        ground_truth.verdict,
        ground_truth.ground_truth_source,
        ground_truth.starts_at

    from alerts
    inner join ground_truth
        on alerts.model_id = ground_truth.model_id
        and (
            (ground_truth.verdict = 'incident' and ground_truth.segment_dimension = 'all')
            or (alerts.segment_dimension = ground_truth.segment_dimension and alerts.segment_value = ground_truth.segment_value)
        )
        and alerts.first_seen_window_start < ground_truth.ends_at
        {# an incident: the episode began with it (its first breached window starts at most a day before the incident
            started, the window holding the start); a false alarm: the episode began within the false alarm's #}
        and (
            (ground_truth.verdict = 'incident' and alerts.first_seen_window_start > {{ dbt.dateadd('day', -1, 'ground_truth.starts_at') }})
            or (
                ground_truth.verdict = 'false_alarm' and alerts.rule_id = ground_truth.rule_id
                and alerts.model_version = ground_truth.model_version
                and alerts.first_seen_window_start >= ground_truth.starts_at
            )
        )

),

false_alarms as (

    select distinct
        candidate_id,
        as_of,
        alert_id

    from matched
    where verdict = 'false_alarm'

),

final as (

    select matched.*
    from matched
    left join false_alarms
        on matched.candidate_id = false_alarms.candidate_id
        and matched.as_of = false_alarms.as_of
        and matched.alert_id = false_alarms.alert_id
    where matched.verdict = 'false_alarm'
        or false_alarms.alert_id is null

)

select * from final
