{#-
    The alerts a post-mortem or acknowledgement judged (the ground truth of
    the rule calibration, int_corridor__ground_truth), one row per alert:
    its verdict, incident or false_alarm, from its latest post-mortem or
    acknowledgement (false_alarm first on a tie), which sources stated that
    verdict, and its episode (corridor_replay_alerts as of the build's now:
    its rule, model version and segment, from its first breached window's
    start to its last window's end). Read from the accepted rows only:
      - a post-mortem (var corridor_post_mortems) is verdict incident unless
        it says false_alarm;
      - an acknowledgement (var corridor_alert_acknowledgements) counts only
        with a verdict: without one it says that someone saw the alert.
    A row naming an alert the replay does not hold is left out.
-#}
with

alerts as (

    select * from {{ ref('corridor_replay_alerts') }}
    where is_build_now

),

acknowledgements as (

    {{ corridor.accepted_governance_rows('alert_acknowledgements') }}

),

post_mortems as (

    {{ corridor.accepted_governance_rows('post_mortems') }}

),

verdicts as (

    select
        alert_id,
        lower(verdict) as verdict,
        acknowledged_at as stated_at,
        'acknowledgement' as source

    from acknowledgements
    where verdict is not null

    union all

    select
        alert_id,
        lower(coalesce(verdict, 'incident')) as verdict,
        written_at as stated_at,
        'post_mortem' as source

    from post_mortems

),

ranked_verdicts as (

    select
        *,
        row_number() over (
            partition by alert_id
            order by stated_at desc, case when verdict = 'false_alarm' then 0 else 1 end asc, source asc
        ) as verdict_rank

    from verdicts

),

{# per alert: the latest verdict, and which sources stated it #}
alert_verdicts as (

    select
        latest.alert_id,
        latest.verdict,
        max(case when verdicts.source = 'post_mortem' then 1 else 0 end) as from_post_mortem,
        max(case when verdicts.source = 'acknowledgement' then 1 else 0 end) as from_acknowledgement

    from ranked_verdicts as latest
    inner join verdicts
        on latest.alert_id = verdicts.alert_id
        and latest.verdict = verdicts.verdict
    where latest.verdict_rank = 1
    group by latest.alert_id, latest.verdict

),

final as (

    select
        alert_verdicts.*,
        alerts.rule_id,
        alerts.model_version,
        alerts.model_id,
        alerts.segment_dimension,
        alerts.segment_value,
        alerts.first_seen_window_start as starts_at,
        alerts.last_seen_window_end as ends_at

    from alert_verdicts
    inner join alerts
        on alert_verdicts.alert_id = alerts.alert_id

)

select * from final
