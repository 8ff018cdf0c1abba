{#-
    corridor.late_events_gate_check(): the window-level gate check of the share of rows loaded after corridor_late_grace_hours, as a gate
    check spec (see corridor.window_gate_checks). Reads n_rows and n_late of the
    windows relation.
-#}
{% macro late_events_gate_check() %}
    {{ return(adapter.dispatch('late_events_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__late_events_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        {{ corridor.format_decimal('100.0 * n_late / nullif(n_rows, 0)', 1) }}
        || '% of ' || cast(n_rows as {{ string }}) || ' rows were loaded more than '
        || '{{ corridor.setting('corridor_late_grace_hours') }} h after the window closed:'
        || ' probable cause: a delayed pipeline, a replay or a backfill'
    {%- endset -%}
    {%- set ok -%}
        {{ corridor.format_decimal('100.0 * n_late / nullif(n_rows, 0)', 1) }} || '% of rows loaded late'
    {%- endset -%}
    {{ return(corridor._window_row_share_gate_check('late_events', 'n_late', bad, ok)) }}
{% endmacro %}
