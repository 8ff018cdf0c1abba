{#-
    corridor.labels_before_events_gate_check(): the input-level gate check of
    the valid outcomes that arrived before their event happened, as a gate
    check spec (see corridor.input_gate_checks). Reads n_early, n_outcomes and
    example_event_id of the early_labels relation (one row).
-#}
{% macro labels_before_events_gate_check() %}
    {{ return(adapter.dispatch('labels_before_events_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__labels_before_events_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_early as {{ string }}) || ' of ' || cast(n_outcomes as {{ string }})
        || ' outcomes arrived before their event happened (e.g. event ' || example_event_id
        || '): a label cannot precede its prediction. Probable cause: a clock or time zone error'
        || ' in label_arrived_at or event_at, or outcomes joined to the wrong events'
    {%- endset -%}
    {{ return({
        'name': 'labels_before_events', 'config': 'labels_before_events', 'input_name': "'outcomes'",
        'relation': 'early_labels',
        'measured': 'cast(n_early as ' ~ corridor.type_double() ~ ') / nullif(n_outcomes, 0)', 'judged': 'true',
        'checked': 'n_outcomes', 'affected': 'n_early',
        'bad': bad, 'ok': "'no outcome arrived before its event'",
    }) }}
{% endmacro %}
