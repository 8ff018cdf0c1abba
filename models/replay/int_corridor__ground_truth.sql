{#-
    The ground truth the rule calibration scores alerts against
    (docs/replay.md), one row per known incident or known false alarm, from
    every source present, unioned and deduplicated, with its sources:
      - known_incidents: the accepted rows of var corridor_known_incidents
        (the others are quarantined), segment all where none is given;
      - post_mortem, acknowledgement: the alerts whose latest post-mortem
        or acknowledgement says incident or false_alarm, each over its
        episode (int_corridor__ground_truth_alerts).
    The incidents of alerts of one model and segment whose spans overlap
    are one incident (one outage seen by several rules), and an alert incident that a declared known incident
    covers (same model, the declared segment or all, starting less than a day
    before the declared start and before its end: an alert of it would
    match the declared incident) is that incident, its sources added. A
    false alarm keeps its alert's rule and model version (rule_id,
    model_version, null on incidents): it says that alert was false, not
    that nothing happened.
-#}

with

declared as (

    select
        incident_id,
        model_id,
        coalesce(segment_dimension, 'all') as segment_dimension,
        coalesce(segment_value, 'all') as segment_value,
        starts_at,
        ends_at

    from ({{ corridor.accepted_governance_rows('known_incidents') }}) as accepted

),

judged_alerts as (

    select * from {{ ref('int_corridor__ground_truth_alerts') }}

),

{# the overlapping incident alerts of one model and segment: islands of spans #}
incident_alerts as (

    select
        *,
        max(ends_at) over (
            partition by model_id, segment_dimension, segment_value
            order by starts_at, alert_id
            rows between unbounded preceding and 1 preceding
        ) as previous_ends_at

    from judged_alerts
    where verdict = 'incident'

),

island_starts as (

    select
        *,
        case when previous_ends_at > starts_at then 0 else 1 end as starts_island

    from incident_alerts

),

islands as (

    select
        *,
        sum(starts_island) over (
            partition by model_id, segment_dimension, segment_value
            order by starts_at, alert_id
            rows between unbounded preceding and current row
        ) as island

    from island_starts

),

alert_incidents as (

    select
        min(case when starts_island = 1 then alert_id end) as incident_id,
        model_id,
        segment_dimension,
        segment_value,
        min(starts_at) as starts_at,
        max(ends_at) as ends_at,
        max(from_post_mortem) as from_post_mortem,
        max(from_acknowledgement) as from_acknowledgement

    from islands
    group by model_id, segment_dimension, segment_value, island

),

{# an alert incident covered by a declared incident is that incident #}
covered as (

    select
        alert_incidents.incident_id as alert_incident_id,
        declared.incident_id as declared_incident_id,
        alert_incidents.from_post_mortem,
        alert_incidents.from_acknowledgement

    from alert_incidents
    inner join declared
        on alert_incidents.model_id = declared.model_id
        and (
            declared.segment_dimension = 'all'
            or (alert_incidents.segment_dimension = declared.segment_dimension and alert_incidents.segment_value = declared.segment_value)
        )
        and alert_incidents.starts_at < declared.ends_at
        and alert_incidents.starts_at > {{ dbt.dateadd('day', -1, 'declared.starts_at') }}

),

declared_sources as (

    select
        declared_incident_id,
        max(from_post_mortem) as from_post_mortem,
        max(from_acknowledgement) as from_acknowledgement

    from covered
    group by declared_incident_id

),

unioned as (

    select
        declared.incident_id,
        'incident' as verdict,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        cast(null as {{ dbt.type_string() }}) as model_version,
        declared.model_id,
        declared.segment_dimension,
        declared.segment_value,
        declared.starts_at,
        declared.ends_at,
        1 as from_known_incidents,
        coalesce(declared_sources.from_post_mortem, 0) as from_post_mortem,
        coalesce(declared_sources.from_acknowledgement, 0) as from_acknowledgement

    from declared
    left join declared_sources
        on declared.incident_id = declared_sources.declared_incident_id

    union all

    select
        incident_id,
        'incident' as verdict,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        cast(null as {{ dbt.type_string() }}) as model_version,
        model_id,
        segment_dimension,
        segment_value,
        starts_at,
        ends_at,
        0 as from_known_incidents,
        from_post_mortem,
        from_acknowledgement

    from alert_incidents
    where incident_id not in (select covered.alert_incident_id from covered)

    union all

    select
        alert_id as incident_id,
        verdict,
        rule_id,
        model_version,
        model_id,
        segment_dimension,
        segment_value,
        starts_at,
        ends_at,
        0 as from_known_incidents,
        from_post_mortem,
        from_acknowledgement

    from judged_alerts
    where verdict = 'false_alarm'

),

final as (

    select
        cast(incident_id as {{ dbt.type_string() }}) as incident_id,
        cast(verdict as {{ dbt.type_string() }}) as verdict,
        cast(rule_id as {{ dbt.type_string() }}) as rule_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(segment_dimension as {{ dbt.type_string() }}) as segment_dimension,
        cast(segment_value as {{ dbt.type_string() }}) as segment_value,
        starts_at,
        ends_at,
        cast(substr(
            case when from_known_incidents = 1 then ', known_incidents' else '' end
            || case when from_post_mortem = 1 then ', post_mortem' else '' end
            || case when from_acknowledgement = 1 then ', acknowledgement' else '' end,
            3
        ) as {{ dbt.type_string() }}) as ground_truth_source

    from unioned

)

select * from final
