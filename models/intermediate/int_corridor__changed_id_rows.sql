{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.changed_ids_delete(none) }}",
    )
}}
{#-
    On an incremental run whose inputs took the event id index's delta path
    (corridor.event_index_snapshot), every staged row of the ids whose rows
    may have changed since the previous run (corridor.event_index_changed_ids):
    each copy of those events and each of their outcomes, with the columns
    its readers need and its rejection (corridor.event_rejection_reasons,
    corridor.outcome_rejection_reasons) evaluated once. Empty otherwise.

    Finding an id's older rows takes a scan of every staged row (the ids are
    in no order), and two models need them: the index recounts those ids
    (int_corridor__event_id_index) and the enriched events look for the
    versions they change before the lookback (corridor.event_delta_changes).
    They read this table instead of scanning both inputs each
    (corridor.changed_id_rows): one scan, not two.

    Rebuilt on every run (incremental only so that the snapshot, which this
    model takes first, knows whether the tables exist: a --full-refresh, or
    a first build, recomputes the index whole).
-#}
{%- do corridor.built_in_invocation(model.name, record=true) -%}
{%- set snapshot = corridor.event_index_snapshot() -%}
{%- set delta = snapshot['delta'] if snapshot is not none else none -%}
{%- set changed = 'event_id in (select changed_ids.event_id from changed_ids)' if delta is not none else '1 = 0' %}

with
{%- if delta is not none %}

changed_ids as (

    {{ corridor.event_index_changed_ids(delta) }}

),
{%- endif %}

event_rows as (

    select
        'production_events' as input_name,
        event_id,
        model_id,
        model_version,
        event_at,
        cast(null as {{ dbt.type_timestamp() }}) as label_arrived_at,
        {{ corridor.any_reason(corridor.event_rejection_reasons()) }} as is_rejected

    from {{ ref('stg_corridor__production_events') }}
    where {{ changed }}

),

outcome_rows as (

    select
        'outcomes' as input_name,
        event_id,
        cast(null as {{ dbt.type_string() }}) as model_id,
        cast(null as {{ dbt.type_string() }}) as model_version,
        cast(null as {{ dbt.type_timestamp() }}) as event_at,
        label_arrived_at,
        {{ corridor.any_reason(corridor.outcome_rejection_reasons()) }} as is_rejected

    from {{ ref('stg_corridor__outcomes') }}
    where {{ changed }}

),

final as (

    select * from event_rows
    union all
    select * from outcome_rows

)

select
    cast(input_name as {{ dbt.type_string() }}) as input_name,
    event_id,
    model_id,
    model_version,
    event_at,
    label_arrived_at,
    is_rejected

from final
