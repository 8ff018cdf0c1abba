{#-
    Per replay point (the build's now excluded) and model version with labels
    still arriving then: the start of the event cells the replay's as-of
    statistics sum (int_corridor__replay_label_stats,
    int_corridor__replay_score_histograms): the version's first hour whose
    labels were incomplete at that point (int_corridor__replay_label_arrivals),
    moved back to the start of the longest window holding it
    (corridor.replay_window_floor). Every window still missing labels then
    starts at or after it, so a point costs the cells of its incomplete
    windows, not the history.
-#}
{#- the replay's snapshot of the enriched events (corridor.replay_event_snapshot): taken by
    int_corridor__replay_label_arrivals, or here in a selection without it, before the two models that read it run
    side by side -#}
-- depends_on: {{ ref('int_corridor__events_enriched') }}
{%- if execute %}{% do corridor.replay_event_snapshot() %}{% endif %}

with

points as (

    select as_of from {{ ref('int_corridor__replay_points') }}
    where not is_build_now

),

label_arrivals as (

    select * from {{ ref('int_corridor__replay_label_arrivals') }}

),

final as (

    select
        points.as_of,
        label_arrivals.model_id,
        label_arrivals.model_version,
        {{ corridor.replay_window_floor('min(label_arrivals.event_hour)') }} as cells_from

    from points
    inner join label_arrivals
        on points.as_of < label_arrivals.labels_complete_at
        and points.as_of > label_arrivals.event_hour
    group by
        points.as_of,
        label_arrivals.model_id,
        label_arrivals.model_version

)

select * from final
