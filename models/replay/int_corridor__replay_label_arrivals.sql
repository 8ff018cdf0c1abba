{#-
    When the labels of each hour of production events had all arrived: one
    row per model version × event hour with the latest label_arrived_at of
    its accepted events' outcomes (an outcome without an arrival time counts
    as arrived from the start, as corridor_as_of treats it). A window's
    labels are complete at the latest arrival over its hours; the replay
    judges a label-dependent window only from then on, so the value it
    judges is the value the labels would have given at that time.

    The labels are those the build uses (int_corridor__events_enriched: each
    accepted event with its latest usable outcome, which is the latest to
    arrive of its outcomes that count): an outcome quarantined (invalid, or
    of an event with no accepted copy), a duplicate copy's hour and an
    outcome not yet arrived as of corridor_as_of move no window's
    completion. One scan of the enriched events, no join.
-#}
with

events as (

    select * from {{ ref('int_corridor__events_enriched') }}

),

final as (

    select
        model_id,
        model_version,
        {{ dbt.date_trunc('hour', 'event_at') }} as event_hour,
        max(label_arrived_at) as labels_complete_at

    from events
    where label is not null
    group by
        model_id,
        model_version,
        {{ dbt.date_trunc('hour', 'event_at') }}

)

select * from final
