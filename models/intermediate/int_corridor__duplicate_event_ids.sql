{#-
    The event ids delivered more than once (all copies, valid or not), with
    how many copies arrived and how many of them are valid (no rejection
    reason). Small: it lets int_corridor__events_enriched and
    corridor_quarantine rank copies only where there are several, instead of
    ranking every event.
-#}
with

events as (

    select * from {{ ref('stg_corridor__production_events') }}

),

final as (

    select
        event_id,
        cast(count(*) as {{ dbt.type_bigint() }}) as n_copies,
        cast(sum(case when {{ corridor.any_reason(corridor.event_rejection_reasons()) }} then 0 else 1 end) as {{ dbt.type_bigint() }})
            as n_valid_copies

    from events
    where event_id is not null
    group by event_id
    having count(*) > 1

)

select * from final
