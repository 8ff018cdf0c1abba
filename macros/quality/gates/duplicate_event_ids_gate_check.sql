{#-
    corridor.duplicate_event_ids_gate_check(): the window-level gate check of the share of rows that are extra copies of an event id, as a
        gate
    check spec (see corridor.window_gate_checks). Reads n_rows and n_duplicate_copies of the
    windows relation.
-#}
{% macro duplicate_event_ids_gate_check() %}
    {{ return(adapter.dispatch('duplicate_event_ids_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__duplicate_event_ids_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        {{ corridor.format_decimal('100.0 * n_duplicate_copies / nullif(n_rows, 0)', 1) }}
        || '% of ' || cast(n_rows as {{ string }}) || ' rows are extra copies of an event id already delivered'
        || ' (quarantined): probable cause: a replayed or double-loaded batch'
    {%- endset -%}
    {%- set ok -%}
        cast(n_duplicate_copies as {{ string }}) || ' duplicate copies'
    {%- endset -%}
    {{ return(corridor._window_row_share_gate_check('duplicate_event_ids', 'n_duplicate_copies', bad, ok)) }}
{% endmacro %}
