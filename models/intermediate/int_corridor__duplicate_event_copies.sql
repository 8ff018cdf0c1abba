{#-
    The valid copies of the event ids delivered with more than one valid
    copy, each with its rank (copy_number, by corridor.event_copy_order):
    copy 1 is the accepted event, the others are quarantined as
    duplicate_event_id. Every column of stg_corridor__production_events,
    then copy_number.

    Small (only those ids), and read by both int_corridor__events_enriched
    (corridor.accepted_event_copies) and corridor_quarantine, so a build
    scans every event for the duplicates' copies once, not once per reader:
    at 100M events that scan, with its rejection filter and join, is about a
    fifth of the enrichment's cost. Rebuilt on every run, like the index it
    reads: a copy can arrive at any time for an event of any age.
-#}
with

events as (

    select * from {{ ref('stg_corridor__production_events') }}

),

duplicate_ids as (

    select * from {{ ref('int_corridor__duplicate_event_ids') }}

),

duplicated_ids as (

    select duplicate_ids.event_id
    from duplicate_ids
    where duplicate_ids.n_valid_copies > 1

),

valid_copies as (

    select *
    from events
    where
        not {{ corridor.any_reason(corridor.event_rejection_reasons()) }}
        and event_id in (select duplicated_ids.event_id from duplicated_ids)

),

final as (

    select
        *,
        row_number() over (
            partition by event_id
            order by {{ corridor.event_copy_order() }}
        ) as copy_number

    from valid_copies

)

select * from final
