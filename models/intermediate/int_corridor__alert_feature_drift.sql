{#-
    Drift and performance together, per alert: the features that drifted most
    in the alert's windows and segment, ranked by their excess drift: the
    mean drift score (int_corridor__feature_drift_scores: Jensen-Shannon
    without its sampling noise) of the alert's model version over the finest
    feature drift grain's windows from the alert's first window to the end of
    its last, minus the feature's usual level: its mean score in the same
    segment before the alert's first window (every version of the model; 0
    when there is none). A feature that always differs a little from its
    reference does not outrank the one that moved with the alert. Alerts of
    drift rules are left out (they name their feature). One row per alert with feature drift rows;
    corridor_alerts carries the line (drift_diagnostic) and appends it to its
    summary.
-#}
{%- set top = 5 -%}
{%- set finest = corridor.finest_grain(corridor.feature_drift_grains()) -%}

with

alerts as (

    select * from {{ ref('int_corridor__alert_episodes') }}
    where comparison_kind <> 'drift'

),

scores as (

    select * from {{ ref('int_corridor__feature_drift_scores') }}
    where window_grain = '{{ finest }}'
        and drift_score is not null

),

{%- set first_window = corridor.window_start(finest, 'alerts.first_seen_window_start') %}

matched as (

    select
        alerts.alert_id,
        scores.feature_name,
        avg(case when scores.model_version = alerts.model_version and scores.window_start >= {{ first_window }} then scores.drift_score end)
            as mean_drift_score,
        avg(case when scores.window_start < {{ first_window }} then scores.drift_score end) as baseline_drift_score

    from alerts
    inner join scores
        on alerts.model_id = scores.model_id
        and alerts.segment_dimension = scores.segment_dimension
        and alerts.segment_value = scores.segment_value
        and alerts.last_seen_window_end > scores.window_start
    group by alerts.alert_id, scores.feature_name

),

excess as (

    select
        *,
        mean_drift_score - coalesce(baseline_drift_score, 0) as excess_drift_score

    from matched
    where mean_drift_score is not null

),

ranked as (

    select
        *,
        row_number() over (partition by alert_id order by excess_drift_score desc, feature_name asc) as drift_rank

    from excess

),

final as (

    select
        alert_id,
        max(case when drift_rank = 1 then feature_name end) as top_drifted_feature,
        max(case when drift_rank = 1 then excess_drift_score end) as top_excess_drift_score,
        'features drifted most in these windows (mean drift score, {{ finest }} windows; before the alert): '
        || {{ corridor.ordered_listagg(
            "feature_name || ' ' || " ~ corridor.format_number('mean_drift_score') ~ " || ' (' || coalesce("
                ~ corridor.format_number('baseline_drift_score') ~ ", 'n/a') || ')'",
            "', '",
            'order by drift_rank'
        ) }} as drift_diagnostic

    from ranked
    where drift_rank <= {{ top }}
    group by alert_id

)

select * from final
