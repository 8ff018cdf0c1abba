{#-
    Candidate settings per rule compared on the replayed history
    (docs/replay.md): one row per rule × candidate of
    corridor.calibration_candidates(), with the alerts the candidate raises
    over the recorded history (as of the build's now), alerts per 30 days,
    false alerts (matching no known incident, or a known false alarm), the
    known incidents it detects and how long after each incident started it
    first showed an alert at a replay point. The ground truth
    (int_corridor__ground_truth) unions var corridor_known_incidents (the
    demo: its planted incidents), post-mortems and acknowledgements with a
    verdict; ground_truth_sources says which sources the rule's models had.
    Alerts are matched to it in int_corridor__calibration_matches.

    The recommended candidate per rule detects the most known incidents,
    then raises the fewest false alerts, then detects soonest, then stays
    closest to the current setting; trade_off says what it changes.
-#}
{%- set f = corridor.format_number -%}

with

alerts as (

    select * from {{ ref('int_corridor__calibration_alerts') }}

),

results as (

    select * from {{ ref('corridor_validation_results') }}

),

candidates as (

    select * from {{ ref('int_corridor__calibration_candidates') }}

),

rules as (

    select
        rule_id,
        ({{ corridor.epoch_seconds('max(window_end)') }} - {{ corridor.epoch_seconds('min(window_start)') }}) / 86400.0 as history_days

    from results
    group by rule_id

),

rule_candidates as (

    select
        rules.rule_id,
        rules.history_days,
        candidates.*

    from rules
    cross join candidates

),

matches as (

    select * from {{ ref('int_corridor__calibration_matches') }}

),

matched_alerts as (

    select
        candidate_id,
        alert_id,
        max(case when verdict = 'incident' then 1 else 0 end) as is_incident

    from matches
    where is_build_now
    group by candidate_id, alert_id

),

rule_truth as (

    select * from {{ ref('int_corridor__calibration_truth_sources') }}

),

final_alerts as (

    select
        alerts.candidate_id,
        alerts.rule_id,
        count(*) as alerts,
        sum(case when coalesce(matched_alerts.is_incident, 0) = 0 then 1 else 0 end) as false_alerts,
        sum(case when matched_alerts.is_incident = 0 then 1 else 0 end) as known_false_alerts

    from alerts
    left join matched_alerts
        on alerts.candidate_id = matched_alerts.candidate_id
        and alerts.alert_id = matched_alerts.alert_id
    where alerts.is_build_now
    group by alerts.candidate_id, alerts.rule_id

),

detections as (

    select
        candidate_id,
        rule_id,
        incident_id,
        min(({{ corridor.epoch_seconds('as_of') }} - {{ corridor.epoch_seconds('starts_at') }}) / 3600.0) as hours_to_detect

    from matches
    where verdict = 'incident'
    group by candidate_id, rule_id, incident_id

),

detected as (

    select
        candidate_id,
        rule_id,
        count(*) as incidents_detected,
        avg(hours_to_detect) as mean_hours_to_detect,
        max(hours_to_detect) as max_hours_to_detect

    from detections
    group by candidate_id, rule_id

),

scored as (

    select
        rule_candidates.rule_id,
        rule_candidates.candidate_id,
        rule_candidates.fdr_level,
        rule_candidates.consecutive_windows,
        rule_candidates.tolerance_multiplier,
        rule_candidates.min_sample_multiplier,
        coalesce(final_alerts.alerts, 0) as alerts,
        coalesce(final_alerts.alerts, 0) * 30.0 / nullif(rule_candidates.history_days, 0) as alerts_per_month,
        coalesce(final_alerts.false_alerts, 0) as false_alerts,
        coalesce(final_alerts.known_false_alerts, 0) as known_false_alerts,
        coalesce(detected.incidents_detected, 0) as incidents_detected,
        detected.mean_hours_to_detect,
        detected.max_hours_to_detect,
        rule_candidates.is_current,
        rule_truth.ground_truth_sources

    from rule_candidates
    left join final_alerts
        on rule_candidates.rule_id = final_alerts.rule_id
        and rule_candidates.candidate_id = final_alerts.candidate_id
    left join detected
        on rule_candidates.rule_id = detected.rule_id
        and rule_candidates.candidate_id = detected.candidate_id
    left join rule_truth
        on rule_candidates.rule_id = rule_truth.rule_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by rule_id
            order by
                incidents_detected desc,
                false_alerts asc,
                coalesce(mean_hours_to_detect, 1e12) asc,
                case when is_current then 0 else 1 end,
                abs(fdr_level - {{ corridor.setting('corridor_fdr_level') }}) + abs(tolerance_multiplier - 1)
                + abs(min_sample_multiplier - 1),
                candidate_id
        ) as recommendation_rank

    from scored

),

with_current as (

    select
        ranked.*,
        current_setting.alerts as current_alerts,
        current_setting.false_alerts as current_false_alerts,
        current_setting.incidents_detected as current_incidents_detected,
        current_setting.mean_hours_to_detect as current_mean_hours_to_detect

    from ranked
    inner join ranked as current_setting
        on ranked.rule_id = current_setting.rule_id
        and current_setting.is_current

),

final as (

    select
        rule_id,
        candidate_id,
        cast(fdr_level as {{ corridor.type_double() }}) as fdr_level,
        consecutive_windows,
        cast(tolerance_multiplier as {{ corridor.type_double() }}) as tolerance_multiplier,
        cast(min_sample_multiplier as {{ corridor.type_double() }}) as min_sample_multiplier,
        cast(alerts as {{ dbt.type_bigint() }}) as alerts,
        cast(alerts_per_month as {{ corridor.type_double() }}) as alerts_per_month,
        cast(false_alerts as {{ dbt.type_bigint() }}) as false_alerts,
        cast(known_false_alerts as {{ dbt.type_bigint() }}) as known_false_alerts,
        cast(incidents_detected as {{ dbt.type_bigint() }}) as incidents_detected,
        cast(mean_hours_to_detect as {{ corridor.type_double() }}) as mean_hours_to_detect,
        cast(max_hours_to_detect as {{ corridor.type_double() }}) as max_hours_to_detect,
        cast(recommendation_rank as {{ dbt.type_bigint() }}) as recommendation_rank,
        is_current,
        recommendation_rank = 1 as is_recommended,
        ground_truth_sources,
        case
            when recommendation_rank = 1
                then
                case when is_current then 'keep the current setting: '
                    else 'change to ' || candidate_id || ': '
                end
                || cast(incidents_detected as {{ dbt.type_string() }}) || ' known incident(s) detected (current '
                || cast(current_incidents_detected as {{ dbt.type_string() }}) || '), '
                || cast(false_alerts as {{ dbt.type_string() }}) || ' false alert(s) (current '
                || cast(current_false_alerts as {{ dbt.type_string() }}) || '), '
                || cast(alerts as {{ dbt.type_string() }}) || ' alert(s) in all (current '
                || cast(current_alerts as {{ dbt.type_string() }}) || ')'
                || case when mean_hours_to_detect is not null
                        then ', first seen ' || {{ f('mean_hours_to_detect') }} || ' h after an incident started on average (current '
                        || case when current_mean_hours_to_detect is not null then {{ f('current_mean_hours_to_detect') }} || ' h)'
                            else 'never)'
                        end
                    else ''
                end
        end as trade_off

    from with_current

)

select * from final
