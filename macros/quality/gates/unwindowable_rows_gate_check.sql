{#-
    corridor.unwindowable_rows_gate_check(): the input-level gate check of the
    production event rows with no usable event time or model id, as a gate
    check spec (see corridor.input_gate_checks). Reads rows_read,
    n_unwindowable and example_unwindowable_reason of the inputs relation.
-#}
{% macro unwindowable_rows_gate_check() %}
    {{ return(adapter.dispatch('unwindowable_rows_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__unwindowable_rows_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_unwindowable as {{ string }}) || ' of ' || cast(rows_read as {{ string }})
        || ' rows have no usable event time or model id (e.g. ' || coalesce(example_unwindowable_reason, '?')
        || ') and were quarantined: they belong to no window.'
        || ' Probable cause: a null, unparseable or mis-formatted timestamp upstream'
    {%- endset -%}
    {{ return(corridor._input_row_share_gate_check(
        'unwindowable_rows', 'production_events', 'n_unwindowable', bad,
        "'every row has a usable event time and model id'"
    )) }}
{% endmacro %}
