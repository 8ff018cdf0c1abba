{#-
    corridor.outcome_quarantine_ctes(outcomes, events, event_id, event_id_is_missing, raw_columns, outcome_reasons,
    event_reasons): the CTEs outcome_candidates, candidate_events and
    invalid_outcomes (no leading `with`) that find corridor_quarantine's
    outcome rows: outcomes that are invalid themselves (`outcome_reasons`,
    corridor.outcome_rejection_reasons()), or whose event has no valid copy
    in `events` (`event_reasons`, corridor.event_rejection_reasons(); one
    anti-join over the events); then, for those few, whether any copy of the
    event exists at all. invalid_outcomes has corridor_quarantine's columns
    (event_id, model_id, model_version, raw_values, reason_codes, event_at,
    loaded_at) with the codes unknown_event (no production event has that
    id; not for an outcome without an event id) and event_not_accepted
    (every copy of the event was quarantined) added. `outcomes` and
    `events` are the staging relations; event_id is the column of both that
    joins them, event_id_is_missing the outcomes' flag of a missing id,
    raw_columns the (key, column) pairs of the outcome's raw values
    (corridor.json_object_text).
-#}
{% macro outcome_quarantine_ctes(outcomes, events, event_id, event_id_is_missing, raw_columns, outcome_reasons, event_reasons) %}
    {{ return(adapter.dispatch('outcome_quarantine_ctes', 'corridor')(outcomes, events, event_id, event_id_is_missing, raw_columns,
        outcome_reasons, event_reasons)) }}
{% endmacro %}

{% macro default__outcome_quarantine_ctes(outcomes, events, event_id, event_id_is_missing, raw_columns, outcome_reasons,
    event_reasons) -%}
{%- set string = dbt.type_string() -%}
{%- set ts = dbt.type_timestamp() -%}
outcome_candidates as (

    select
        {{ outcomes }}.{{ event_id }},
        {{ corridor.json_object_text(raw_columns) }} as raw_values,
        {{ corridor.reason_codes(outcome_reasons) }} as validity_codes,
        {{ outcomes }}.{{ event_id_is_missing }} as outcome_event_id_is_missing

    from {{ outcomes }}
    where {{ corridor.any_reason(outcome_reasons) }}
        or not exists (
            select 1
            from {{ events }}
            where {{ events }}.{{ event_id }} = {{ outcomes }}.{{ event_id }}
                and not {{ corridor.any_reason(event_reasons) }}
        )

),

candidate_events as (

    select
        outcome_candidates.{{ event_id }},
        max(case when {{ corridor.any_reason(event_reasons) }} then 0 else 1 end) as has_valid_copy

    from outcome_candidates
    inner join {{ events }}
        on outcome_candidates.{{ event_id }} = {{ events }}.{{ event_id }}
    group by outcome_candidates.{{ event_id }}

),

invalid_outcomes as (

    select
        outcome_candidates.{{ event_id }},
        cast(null as {{ string }}) as model_id,
        cast(null as {{ string }}) as model_version,
        outcome_candidates.raw_values,
        concat_ws(
            ',',
            nullif(outcome_candidates.validity_codes, ''),
            case when candidate_events.{{ event_id }} is null and not outcome_candidates.outcome_event_id_is_missing
                then 'unknown_event' end,
            case when candidate_events.has_valid_copy = 0 then 'event_not_accepted' end
        ) as reason_codes,
        cast(null as {{ ts }}) as event_at,
        cast(null as {{ ts }}) as loaded_at

    from outcome_candidates
    left join candidate_events
        on outcome_candidates.{{ event_id }} = candidate_events.{{ event_id }}

)
{%- endmacro %}
