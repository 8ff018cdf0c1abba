{#-
    When the labels of each hour of production events had all arrived: one
    row per model version × event hour with the latest label_arrived_at of
    its events' outcomes (an outcome without an arrival time counts as
    arrived from the start, as corridor_as_of treats it). A window's labels
    are complete at the latest arrival over its hours; the replay judges a
    label-dependent window only from then on, so the value it judges is the
    value the labels would have given at that time.
-#}
with

events as (

    select * from {{ ref('stg_corridor__production_events') }}

),

outcomes as (

    select * from {{ ref('stg_corridor__outcomes') }}

),

final as (

    select
        events.model_id,
        events.model_version,
        {{ dbt.date_trunc('hour', 'events.event_at') }} as event_hour,
        max(outcomes.label_arrived_at) as labels_complete_at

    from events
    inner join outcomes
        on events.event_id = outcomes.event_id
    where events.event_at is not null
        and events.model_id is not null
        and events.model_version is not null
    group by
        events.model_id,
        events.model_version,
        {{ dbt.date_trunc('hour', 'events.event_at') }}

)

select * from final
