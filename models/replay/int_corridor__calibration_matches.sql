{#-
    Which known incident each candidate's alert detects, as of each replay
    point: an alert (int_corridor__calibration_alerts) matches a valid known
    incident (stg_corridor__known_incidents) of its model when its segment
    is the incident's (an incident of segment `all` matches every segment)
    and its first breached window starts less than a day before the
    incident started and before it ended: the episode began with the
    incident. One row per candidate × as_of × alert × incident.
-#}
with

alerts as (

    select * from {{ ref('int_corridor__calibration_alerts') }}

),

incidents as (

    select * from {{ ref('stg_corridor__known_incidents') }}
    where is_valid

),

final as (

    select
        alerts.candidate_id,
        alerts.rule_id,
        alerts.alert_id,
        alerts.as_of,
        alerts.is_build_now,
        incidents.incident_id,
        incidents.starts_at

    from alerts
    inner join incidents
        on alerts.model_id = incidents.model_id
        and (
            incidents.segment_dimension = 'all'
            or (alerts.segment_dimension = incidents.segment_dimension and alerts.segment_value = incidents.segment_value)
        )
        {#- the episode began with the incident: its first breached window starts at most a day before the
            incident started (the window holding the start) and before the incident ended -#}
        and alerts.first_seen_window_start < incidents.ends_at
        and alerts.first_seen_window_start > {{ dbt.dateadd('day', -1, 'incidents.starts_at') }}

)

select * from final
