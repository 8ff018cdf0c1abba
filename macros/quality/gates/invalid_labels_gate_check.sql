{#-
    corridor.invalid_labels_gate_check(): the input-level gate check of the
    outcomes with a missing, unparseable or impossible label, as a gate check
    spec (see corridor.input_gate_checks). Reads rows_read and n_invalid_label
    of the inputs relation.
-#}
{% macro invalid_labels_gate_check() %}
    {{ return(adapter.dispatch('invalid_labels_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__invalid_labels_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_invalid_label as {{ string }}) || ' of ' || cast(rows_read as {{ string }})
        || ' outcomes have a missing, unparseable or impossible label (quarantined):'
        || ' probable cause: a label encoding change upstream'
    {%- endset -%}
    {{ return(corridor._input_row_share_gate_check(
        'invalid_labels', 'outcomes', 'n_invalid_label', bad, "'every label is valid'"
    )) }}
{% endmacro %}
