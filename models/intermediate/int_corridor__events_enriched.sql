{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=[
            "{{ corridor.lookback_delete('event_at', corridor.event_lookback_starts(), corridor.lookback_day_start()) }}",
            "{{ corridor.state_invalidate('int_corridor__events_enriched_state') }}",
        ],
        meta={'spark_incremental_strategy': 'insert_overwrite, partitioned by the week of event_at'},
    )
}}
{#-
    One row per distinct production event, with its (latest) outcome: the
    narrow input of every aggregation (see corridor.event_terms for the
    per-event terms metrics are summed from).

    - Rows with any reason in corridor.event_rejection_reasons() (missing or
      unparseable time, impossible values, ...) are not used; they are in
      corridor_quarantine, and so are invalid outcomes.
    - Duplicated event ids count once: the first-loaded valid copy is kept
      (corridor.event_copy_order); the other copies are quarantined and the
      quality gates report them.
    - An outcome counts once it has arrived (label_arrived_at <= corridor_as_of
      when that var is set). Several outcomes for one event: the latest
      arrival wins, so corrections supersede; outcomes that arrive at the
      same time are ordered by label (the higher wins), so every build picks
      the same one. Only the ids with several such outcomes are ranked
      (int_corridor__event_id_index); the others join as they are.

    Incremental (docs/incremental.md): a run recomputes the events on or
    after the lookback's day (corridor.lookback_day_start: rows of events
    need no whole week; corridor.lookback_condition), and, for a model
    version whose older events no longer match the input, from its first
    changed window (corridor.event_lookback_starts); older events keep their
    stored rows. Outcomes are joined for the recomputed events only, read
    from the arrivals those events can have (corridor.lookback_outcome_condition).
-#}
{%- set arrived = corridor.outcome_arrival_condition('outcomes.label_arrived_at') -%}
{%- set segments = corridor.segment_dimensions() -%}
{#- features are carried for corridor_feature_drift (feature_<name> columns) -#}
{%- set features = corridor.feature_columns() -%}
{%- set stale_versions = corridor.event_lookback_starts() -%}
{%- set day_start = corridor.lookback_day_start() -%}
{%- set lookback = corridor.lookback_condition('event_at', stale_versions, day_start) -%}
{#- the outcomes of the recomputed events arrived after them (or early, then the index knows when) -#}
{%- set lookback_arrivals = corridor.lookback_outcome_condition(
    'outcomes.label_arrived_at', ref('int_corridor__event_id_index'), stale_versions, day_start
) -%}
{#- the changed ids' rows, for the versions changed before the lookback (corridor.event_delta_changes) #}
-- depends_on: {{ ref('int_corridor__changed_id_rows') }}

with

events as (

    select * from {{ ref('stg_corridor__production_events') }}

),

outcomes as (

    select * from {{ ref('stg_corridor__outcomes') }}

),

duplicate_ids as (

    select * from {{ ref('int_corridor__duplicate_event_ids') }}

),

duplicate_copies as (

    select * from {{ ref('int_corridor__duplicate_event_copies') }}

),

events_first_copy as (

    {{ corridor.accepted_event_copies('events', 'duplicate_ids', 'duplicate_copies', lookback) }}

),

event_id_index as (

    select * from {{ ref('int_corridor__event_id_index') }}

),

{# the usable outcomes (valid, arrived); an id with several of them is in the index (n_ranked_outcomes > 1) -#}
outcomes_arrived as (

    select
        outcomes.event_id,
        outcomes.label,
        outcomes.label_arrived_at

    from outcomes
    where {{ corridor.all_conditions([
        'not ' ~ corridor.any_reason(corridor.outcome_rejection_reasons()),
        'outcomes.event_id in (select event_first_copy_ids.event_id from events_first_copy as event_first_copy_ids)'
            if lookback is not none else none,
        lookback_arrivals,
        arrived,
    ]) }}

),

{# only the few ids with several usable outcomes are ranked (a window over every outcome is the costly way) -#}
latest_outcomes as (

    select
        single_outcomes.event_id,
        single_outcomes.label,
        single_outcomes.label_arrived_at

    from outcomes_arrived as single_outcomes
    left join event_id_index as single_index
        on single_outcomes.event_id = single_index.event_id
    where coalesce(single_index.n_ranked_outcomes, 1) <= 1

    union all

    select
        event_id,
        label,
        label_arrived_at

    from (
        select
            ranked_outcomes.event_id,
            ranked_outcomes.label,
            ranked_outcomes.label_arrived_at,
            row_number() over (
                partition by ranked_outcomes.event_id
                order by ranked_outcomes.label_arrived_at desc nulls last, ranked_outcomes.label desc
            ) as arrival_rank

        from outcomes_arrived as ranked_outcomes
        inner join event_id_index as ranked_index
            on ranked_outcomes.event_id = ranked_index.event_id
        where ranked_index.n_ranked_outcomes > 1
    ) as ranked
    where arrival_rank = 1

),

joined as (

    select
        events_first_copy.event_id,
        {{ corridor.hash32('events_first_copy.event_id') }} as event_key,
        events_first_copy.model_id,
        events_first_copy.model_version,
        {{ corridor.select_columns(corridor.segment_column_names(segments), 'events_first_copy') }}
        events_first_copy.latency_ms,
        {{ corridor.select_columns(corridor.feature_column_names(features), 'events_first_copy') }}
        events_first_copy.is_error,
        events_first_copy.predicted_score,
        events_first_copy.predicted_value,
        events_first_copy.predicted_class,
        latest_outcomes.label,
        latest_outcomes.label_arrived_at,
        events_first_copy.event_at

    from events_first_copy
    left join latest_outcomes
        on events_first_copy.event_id = latest_outcomes.event_id

),

final as (

    {#- Only what the aggregations need is stored (no event id, no derived
        terms): at 100M events the width of this table is most of its cost.
        Derived per-event terms come from corridor.event_terms(). event_key
        (32 bits of the event id's md5) keys the SQL bootstrap's weights. -#}
    select
        event_key,
        model_id,
        model_version,
        {{ corridor.select_columns(corridor.segment_column_names(segments)) }}
        latency_ms,
        {{ corridor.select_columns(corridor.feature_column_names(features)) }}
        {{- corridor.enriched_prediction_columns(
            corridor.setting('corridor_model_type'), corridor.setting('corridor_classification_threshold')
        ) }}
        label,
        {#- when the label arrived (null: from the start): the replay's labels as of each point (int_corridor__replay_label_stats) #}
        label_arrived_at,
        is_error,
        event_at

    from joined

)

select * from final
