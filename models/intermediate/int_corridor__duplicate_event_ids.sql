{#-
    The event ids delivered more than once (all copies, valid or not), with
    how many copies arrived and how many of them are valid (no rejection
    reason). Small: int_corridor__duplicate_event_copies ranks the copies of
    only these ids (those with several valid copies), instead of ranking
    every event, and corridor_quarantine marks their invalid copies. Read
    from int_corridor__event_id_index, which counts the ids of both inputs
    in one pass.
-#}
{#- built after the index's arrival state, so every selection that builds the events builds the state with the
    index (a state left behind would only make the next run recompute more ids; docs/incremental.md) #}
-- depends_on: {{ ref('int_corridor__event_arrival_state') }}

with

event_id_index as (

    select * from {{ ref('int_corridor__event_id_index') }}

),

final as (

    select
        event_id,
        n_copies,
        n_valid_copies

    from event_id_index
    where n_copies > 1

)

select * from final
