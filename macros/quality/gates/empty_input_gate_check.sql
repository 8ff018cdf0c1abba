{#-
    corridor.empty_input_gate_check(): the input-level gate check of an input
    without rows (production events, outcomes, offline estimates), as a gate
    check spec (see corridor.input_gate_checks). Reads input_name,
    input_relation and rows_read of the inputs relation.
-#}
{% macro empty_input_gate_check() %}
    {{ return(adapter.dispatch('empty_input_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__empty_input_gate_check() %}
    {%- set bad -%}
        'the ' || input_name || ' input ' || input_relation || ' has no rows: probable cause:'
        || ' the upstream load did not run, or the var points at the wrong relation'
    {%- endset -%}
    {{ return({
        'name': 'empty_input', 'config': 'empty_input', 'input_name': 'input_name', 'relation': 'inputs',
        'where': "input_name in ('production_events', 'outcomes', 'offline_estimates')",
        'measured': 'cast(rows_read as ' ~ corridor.type_double() ~ ')', 'judged': 'true',
        'checked': 'rows_read', 'affected': 'cast(null as ' ~ dbt.type_bigint() ~ ')',
        'bad': bad, 'ok': "cast(rows_read as " ~ dbt.type_string() ~ ") || ' rows read'",
    }) }}
{% endmacro %}
