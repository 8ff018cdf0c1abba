{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.rejected_rows_delete() }}",
    )
}}
{#-
    The rows of the production events and outcomes that corridor_quarantine
    holds for what they are, not for the rows beside them: one row per row
    as it arrived, with its own reason codes (corridor.event_rejection_reasons,
    corridor.outcome_rejection_reasons; empty for an outcome kept only for its
    event), its raw values (JSON text, entity ids pseudonymized) and its
    arrival time (arrived_at: loaded_at, label_arrived_at).

    Outcomes whose event id had no valid copy when the row was computed
    (int_corridor__event_id_index) are kept whatever their values:
    corridor_quarantine gives them unknown_event or event_not_accepted from
    the index of its own run, and drops those whose event has arrived since.
    The codes that depend on other rows (duplicate_event_id, the outcomes'
    events) and the numbering are corridor_quarantine's, per run.

    Incremental (docs/incremental.md): when the event id index took its
    delta path and these rows were built from the snapshot it starts from
    (corridor.rejected_rows_delta), a run recomputes only the rows that
    arrived after the watermarks, the events in the future of either run and
    the rows without an event id (corridor.rejected_rows_conditions: one scan
    of each input per condition, each skipping the row groups it rules out);
    an id whose event had a valid copy keeps it while the delta holds, so
    no older outcome becomes one to keep. Otherwise every row is recomputed.
    int_corridor__rejected_rows_state records the snapshot.
-#}
{#- Built after the metric pipeline's heavy scans (dedup, quantiles, histograms), never beside
    them: a full build scans every input row here, and two such scans in parallel on two threads slow both and add
    their memory. #}
-- depends_on: {{ ref('int_corridor__production_window_stats') }}
-- depends_on: {{ ref('int_corridor__score_histograms') }}
{%- set delta = corridor.rejected_rows_delta() -%}
{%- set event_reasons = corridor.event_rejection_reasons() -%}
{%- set outcome_reasons = corridor.outcome_rejection_reasons() -%}
{%- set string = dbt.type_string() -%}
{%- set ts = dbt.type_timestamp() -%}
{%- set conditions = {
    'events': corridor.rejected_rows_conditions(delta, 'production_events', 'loaded_at'),
    'outcomes': corridor.rejected_rows_conditions(delta, 'outcomes', 'label_arrived_at'),
} %}

with

{# ids with outcomes and no valid copy of their event: their outcomes are kept whatever their values #}
events_missing_for_outcomes as (

    {{ corridor.outcomes_without_event_ids() }}

),

{%- for condition in conditions['events'] %}

rejected_events_{{ loop.index }} as (

    select
        'production_events' as input_name,
        event_id,
        model_id,
        model_version,
        {{ corridor.json_object_text(corridor.staged_raw_pairs('production_events', none)) }} as raw_values,
        {{ corridor.reason_codes(event_reasons) }} as reason_codes,
        event_id_is_missing,
        event_at,
        loaded_at as arrived_at

    from {{ ref('stg_corridor__production_events') }}
    where {{ condition }}
        and {{ corridor.any_reason(event_reasons) }}

),
{%- endfor %}

{%- for condition in conditions['outcomes'] %}

rejected_outcomes_{{ loop.index }} as (

    select
        'outcomes' as input_name,
        event_id,
        cast(null as {{ string }}) as model_id,
        cast(null as {{ string }}) as model_version,
        {{ corridor.json_object_text(corridor.staged_raw_pairs('outcomes', none)) }} as raw_values,
        {{ corridor.reason_codes(outcome_reasons) }} as reason_codes,
        event_id_is_missing,
        cast(null as {{ ts }}) as event_at,
        label_arrived_at as arrived_at

    from {{ ref('stg_corridor__outcomes') }}
    where {{ condition }}
        and (
            {{ corridor.any_reason(outcome_reasons) }}
            or event_id in (select missing.event_id from events_missing_for_outcomes as missing)
        )

),
{%- endfor %}

unioned as (

    {%- for name, branches in conditions.items() %}
    {%- for condition in branches %}
    {{ 'union all' if not (loop.first and name == 'events') }}
    select * from rejected_{{ name }}_{{ loop.index }}
    {%- endfor %}
    {%- endfor %}

),

final as (

    select
        cast(input_name as {{ string }}) as input_name,
        cast(event_id as {{ string }}) as event_id,
        cast(model_id as {{ string }}) as model_id,
        cast(model_version as {{ string }}) as model_version,
        cast(raw_values as {{ string }}) as raw_values,
        cast(reason_codes as {{ string }}) as reason_codes,
        cast(event_id_is_missing as {{ dbt.type_boolean() }}) as event_id_is_missing,
        cast(event_at as {{ ts }}) as event_at,
        cast(arrived_at as {{ ts }}) as arrived_at

    from unioned

)

select * from final
