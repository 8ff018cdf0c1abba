{#-
    corridor.invalid_offline_estimates_gate_check(): the input-level gate
    check of the unusable offline estimates, as a gate check spec (see
    corridor.input_gate_checks). Reads rows_read and n_quarantined of the
    inputs relation.
-#}
{% macro invalid_offline_estimates_gate_check() %}
    {{ return(adapter.dispatch('invalid_offline_estimates_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__invalid_offline_estimates_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_quarantined as {{ string }}) || ' of ' || cast(rows_read as {{ string }})
        || ' offline estimates are unusable (e.g. interval lower above upper, missing value;'
        || ' see corridor_quarantine) and are not compared:'
        || ' probable cause: an error in the offline estimate export'
    {%- endset -%}
    {{ return(corridor._input_row_share_gate_check(
        'invalid_offline_estimates', 'offline_estimates', 'n_quarantined', bad,
        "'every offline estimate is usable'"
    )) }}
{% endmacro %}
