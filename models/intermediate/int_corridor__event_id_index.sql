{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.event_index_delete() }}",
    )
}}
{#-
    The event ids that need more than a plain join, from one group by over
    the ids of both inputs (production events and outcomes):

    - ids delivered more than once (n_copies > 1): their copies are ranked
      to keep one (int_corridor__duplicate_event_ids reads these);
    - ids with outcomes but no valid copy of the event (n_outcomes > 0 and
      n_valid_copies = 0): those outcomes are quarantined, as unknown_event
      when no copy arrived (n_copies = 0), else as event_not_accepted;
    - ids with several valid outcomes that have arrived (n_ranked_outcomes >
      1, label_arrived_at <= corridor_as_of when that var is set): only these
      are ranked to pick the outcome that counts;
    - ids with a valid outcome that arrived before a valid copy of its event
      happened, beyond corridor_future_tolerance_minutes (its first arrival
      before its last event time): the early-label check of
      int_corridor__input_quality_checks counts their outcomes, without a
      join of every outcome to every event.

    Every other id has at most one copy, at most one usable outcome and an
    event for its outcomes, so int_corridor__events_enriched and
    corridor_quarantine join it without ranking and without an anti-join
    over all events: at 100M events a window or an anti-join over every
    outcome costs more than this one aggregate. Small: only the ids above.

    Incremental (docs/incremental.md): when the inputs before the previous
    run's arrival watermarks are unchanged (corridor.event_index_snapshot),
    a run recomputes only the ids of what arrived since
    (corridor.event_index_changed_ids), over every row of those ids (read
    from int_corridor__changed_id_rows when it was built in this run), and
    replaces their rows (corridor.event_index_delete); otherwise it
    recomputes every id. int_corridor__event_arrival_state keeps the
    watermarks for the next run.
-#}
{#- the changed ids' rows, found by one scan of both inputs before this model (corridor.changed_id_rows) -#}
-- depends_on: {{ ref('int_corridor__changed_id_rows') }}
{%- do corridor.built_in_invocation(model.name, record=true) -%}
{%- set arrived = corridor.outcome_arrival_condition() -%}
{#- an outcome that counts: valid, and (under corridor_as_of) arrived by then; a null condition does not exclude -#}
{%- set is_ranked = 'not coalesce(is_rejected, false)'
    ~ (' and coalesce(' ~ arrived ~ ', true)' if arrived is not none else '') -%}
{%- set snapshot = corridor.event_index_snapshot() -%}
{#- a snapshot taken by int_corridor__changed_id_rows while this table is missing: recomputed whole, and every reader
    of the delta with it -#}
{%- if execute and snapshot is not none and not is_incremental() -%}
    {%- do snapshot.update({'delta': none}) -%}
{%- endif -%}
{%- set delta = snapshot['delta'] if snapshot is not none else none -%}
{%- set rows = corridor.changed_id_rows() -%}
{%- set changed = ' and event_id in (select changed_ids.event_id from changed_ids)' if delta is not none else '' %}

with

events as (

    select * from {{ ref('stg_corridor__production_events') }}

),

outcomes as (

    select * from {{ ref('stg_corridor__outcomes') }}

),
{%- if delta is not none and rows is none %}

{# the ids whose rows may differ from the previous run's #}
changed_ids as (

    {{ corridor.event_index_changed_ids(delta) }}

),
{%- endif %}

{# each copy's and each outcome's rejection reasons are evaluated once per row #}
event_copies as (
    {%- if rows is not none %}

    select event_id, event_at, is_rejected from {{ rows }}
    where input_name = 'production_events'
    {%- else %}

    select
        event_id,
        event_at,
        {{ corridor.any_reason(corridor.event_rejection_reasons()) }} as is_rejected

    from events
    where event_id is not null{{ changed }}
    {%- endif %}

),

outcome_rows as (
    {%- if rows is not none %}

    select event_id, label_arrived_at, is_rejected from {{ rows }}
    where input_name = 'outcomes'
    {%- else %}

    select
        event_id,
        label_arrived_at,
        {{ corridor.any_reason(corridor.outcome_rejection_reasons()) }} as is_rejected

    from outcomes
    where event_id is not null{{ changed }}
    {%- endif %}

),

ids as (

    select
        event_id,
        not coalesce(is_rejected, false) as is_valid_copy,
        false as is_outcome,
        false as is_ranked_outcome,
        case when not is_rejected then event_at end as valid_event_at,
        cast(null as {{ dbt.type_timestamp() }}) as valid_arrived_at

    from event_copies

    union all

    select
        event_id,
        false as is_valid_copy,
        true as is_outcome,
        {{ is_ranked }} as is_ranked_outcome,
        cast(null as {{ dbt.type_timestamp() }}) as valid_event_at,
        case when not is_rejected then label_arrived_at end as valid_arrived_at

    from outcome_rows

),

counted as (

    select
        event_id,
        {#- every row is a copy or an outcome; counted with bigint states (corridor.count_where) -#}
        cast(count(*) - {{ corridor.count_where('is_outcome') }} as {{ dbt.type_bigint() }}) as n_copies,
        {{ corridor.count_where('is_valid_copy') }} as n_valid_copies,
        {{ corridor.count_where('is_outcome') }} as n_outcomes,
        {{ corridor.count_where('is_ranked_outcome') }} as n_ranked_outcomes,
        max(valid_event_at) as last_valid_event_at,
        min(valid_arrived_at) as first_valid_arrived_at

    from ids
    group by event_id

),

final as (

    select * from counted
    where n_copies > 1
        or (n_outcomes > 0 and n_valid_copies = 0)
        or n_ranked_outcomes > 1
        or first_valid_arrived_at < {{ corridor.early_label_cutoff('last_valid_event_at') }}

)

select * from final
