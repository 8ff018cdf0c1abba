{#-
    corridor.outcomes_for_unknown_events_gate_check(): the input-level gate
    check of the outcomes naming an event id no production event has, as a
    gate check spec (see corridor.input_gate_checks). Reads rows_read and
    n_unknown_event of the inputs relation.
-#}
{% macro outcomes_for_unknown_events_gate_check() %}
    {{ return(adapter.dispatch('outcomes_for_unknown_events_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__outcomes_for_unknown_events_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_unknown_event as {{ string }}) || ' of ' || cast(rows_read as {{ string }})
        || ' outcomes name an event id no production event has (quarantined): probable cause:'
        || ' events not loaded yet, or the event id format differs between the two inputs'
    {%- endset -%}
    {{ return(corridor._input_row_share_gate_check(
        'outcomes_for_unknown_events', 'outcomes', 'n_unknown_event', bad,
        "'every outcome matches a production event'"
    )) }}
{% endmacro %}
