{#
    corridor.outcome_quarantine_ctes(outcomes, event_id_index, event_id, event_id_is_missing, raw_columns,
    outcome_reasons): the CTEs events_missing_for_outcomes and invalid_outcomes
    (no leading `with`) that find corridor_quarantine's outcome rows: outcomes
    that are invalid themselves (`outcome_reasons`,
    corridor.outcome_rejection_reasons()), or whose event has no valid copy.
    The second kind is read from `event_id_index`
    (int_corridor__event_id_index: the ids with outcomes and no valid copy,
    and how many copies arrived), so no outcome is joined against every
    event. invalid_outcomes has corridor_quarantine's columns (event_id,
    model_id, model_version, raw_values, reason_codes, event_at, loaded_at)
    with the codes unknown_event (no production event has that id; not for
    an outcome without an event id) and event_not_accepted (every copy of the
    event was quarantined) added. `outcomes` is the staging relation;
    event_id is its event id column (the index's key), event_id_is_missing
    its flag of a missing id, raw_columns the (key, column) pairs of the
    outcome's raw values (corridor.json_object_text).
#}
{% macro outcome_quarantine_ctes(outcomes, event_id_index, event_id, event_id_is_missing, raw_columns, outcome_reasons) %}
    {{ return(adapter.dispatch('outcome_quarantine_ctes', 'corridor')(outcomes, event_id_index, event_id, event_id_is_missing,
        raw_columns, outcome_reasons)) }}
{% endmacro %}

{% macro default__outcome_quarantine_ctes(outcomes, event_id_index, event_id, event_id_is_missing, raw_columns,
    outcome_reasons) -%}
{%- set string = dbt.type_string() -%}
{%- set ts = dbt.type_timestamp() -%}
events_missing_for_outcomes as (

    select
        {{ event_id }},
        n_copies

    from {{ event_id_index }}
    where n_outcomes > 0
        and n_valid_copies = 0

),

invalid_outcomes as (

    select
        {{ outcomes }}.{{ event_id }},
        cast(null as {{ string }}) as model_id,
        cast(null as {{ string }}) as model_version,
        {{ corridor.json_object_text(raw_columns) }} as raw_values,
        concat_ws(
            ',',
            nullif({{ corridor.reason_codes(outcome_reasons) }}, ''),
            case when events_missing_for_outcomes.n_copies = 0 and not {{ outcomes }}.{{ event_id_is_missing }}
                then 'unknown_event' end,
            case when events_missing_for_outcomes.n_copies > 0 then 'event_not_accepted' end
        ) as reason_codes,
        cast(null as {{ ts }}) as event_at,
        cast(null as {{ ts }}) as loaded_at

    from {{ outcomes }}
    left join events_missing_for_outcomes
        on {{ outcomes }}.{{ event_id }} = events_missing_for_outcomes.{{ event_id }}
    where {{ corridor.any_reason(outcome_reasons) }}
        or events_missing_for_outcomes.{{ event_id }} is not null

)
{%- endmacro %}
