{#
    corridor.outcomes_without_event_ids(): the SQL select of the event ids
    that have outcomes but no valid copy of their event, with how many
    copies arrived (event_id, n_copies), read from
    int_corridor__event_id_index. Their outcomes are quarantined whatever
    their values (unknown_event when no copy arrived, else
    event_not_accepted): int_corridor__rejected_rows keeps those rows, its
    pre-hook drops the ones whose event has a valid copy now, and
    corridor_quarantine gives them their codes.
#}
{% macro outcomes_without_event_ids() %}
    {{ return(adapter.dispatch('outcomes_without_event_ids', 'corridor')()) }}
{% endmacro %}

{% macro default__outcomes_without_event_ids() -%}
    select
        event_id,
        n_copies
    from {{ ref('int_corridor__event_id_index') }}
    where n_outcomes > 0
        and n_valid_copies = 0
{%- endmacro %}
