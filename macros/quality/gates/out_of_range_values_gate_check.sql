{#-
    corridor.out_of_range_values_gate_check(): the window-level gate check of the share of rows with impossible values, as a gate
    check spec (see corridor.window_gate_checks). Reads n_rows and n_out_of_range of the
    windows relation.
-#}
{% macro out_of_range_values_gate_check() %}
    {{ return(adapter.dispatch('out_of_range_values_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__out_of_range_values_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_out_of_range as {{ string }}) || ' of ' || cast(n_rows as {{ string }})
        || ' rows have impossible values (negative latency, score outside [0, 1], NaN or infinity, unknown class)'
        || ' and were quarantined: probable cause: a producer bug or a unit change'
    {%- endset -%}
    {%- set ok -%}
        'no impossible values'
    {%- endset -%}
    {{ return(corridor._window_row_share_gate_check('out_of_range_values', 'n_out_of_range', bad, ok)) }}
{% endmacro %}
