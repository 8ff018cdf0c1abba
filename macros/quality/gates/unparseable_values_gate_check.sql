{#-
    corridor.unparseable_values_gate_check(): the window-level gate check of the share of rows with values that do not parse, as a gate
    check spec (see corridor.window_gate_checks). Reads n_rows and n_unparseable of the
    windows relation.
-#}
{% macro unparseable_values_gate_check() %}
    {{ return(adapter.dispatch('unparseable_values_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__unparseable_values_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_unparseable as {{ string }}) || ' of ' || cast(n_rows as {{ string }})
        || ' rows have values that do not parse (text in a numeric, boolean or time column)'
        || ' and were quarantined: probable cause: an upstream type or format change'
    {%- endset -%}
    {%- set ok -%}
        'every value parses'
    {%- endset -%}
    {{ return(corridor._window_row_share_gate_check('unparseable_values', 'n_unparseable', bad, ok)) }}
{% endmacro %}
