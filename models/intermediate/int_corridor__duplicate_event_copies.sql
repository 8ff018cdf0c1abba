{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=[
            "{{ corridor.changed_ids_delete(corridor.duplicate_copies_delta()) }}",
            "{{ corridor.state_invalidate('int_corridor__duplicate_event_copies_state') }}",
        ],
    )
}}
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
    fifth of the enrichment's cost.

    Incremental (docs/incremental.md): a copy can arrive at any time for an
    event of any age, so a run ranks again every copy of the ids whose rows
    may have changed since the build its state names
    (corridor.duplicate_copies_delta: the ids the event id index recomputed
    from its delta) and keeps the rows of every other id; without that
    delta it ranks every duplicated id. int_corridor__duplicate_event_copies_state
    records the build for the next run.
-#}
{#- the changed ids (corridor.event_index_changed_ids) read the outcomes' arrivals too #}
-- depends_on: {{ ref('stg_corridor__outcomes') }}
{#- the staged columns, named: the rank's helper column stays out (nothing is read at parse time) #}
{%- set staged_columns = adapter.get_columns_in_relation(ref('stg_corridor__production_events')) if execute else [] %}
{%- set delta = corridor.duplicate_copies_delta() %}
{#- on the delta path, only the ids whose rows may have changed are ranked again #}
{%- set changed = 'duplicate_ids.event_id in (' ~ corridor.event_index_changed_ids(delta) ~ ')' if delta is not none else none %}

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
    {{ corridor.and_clause(changed) }}

),

{# every copy of those ids, its rejection in a column: as a filter here, the engine (DuckDB) evaluates it on every
    staged row, with every column, before the match on the ids (27 s at 90M events; this way 7 s) #}
copies as (

    select
        *,
        {{ corridor.any_reason(corridor.event_rejection_reasons()) }} as is_rejected

    from events
    where event_id in (select duplicated_ids.event_id from duplicated_ids)

),

{# the rejected copies rank after the valid ones, so a valid copy's rank is its rank among the valid copies #}
ranked as (

    select
        *,
        row_number() over (
            partition by event_id
            order by is_rejected asc, {{ corridor.event_copy_order() }}
        ) as copy_number

    from copies

),

final as (

    select
        {{ (staged_columns | map(attribute='quoted') | list + ['copy_number']) | join(',\n        ') }}

    from ranked
    where not is_rejected

)

select * from final
