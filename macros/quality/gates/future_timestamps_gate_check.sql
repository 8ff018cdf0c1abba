{#-
    corridor.future_timestamps_gate_check(): the window-level gate check of the share of rows with an event time in the future, as a gate
    check spec (see corridor.window_gate_checks). Reads n_rows and n_future of the
    windows relation.
-#}
{% macro future_timestamps_gate_check() %}
    {{ return(adapter.dispatch('future_timestamps_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__future_timestamps_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_future as {{ string }}) || ' of ' || cast(n_rows as {{ string }})
        || ' rows have an event time after they were loaded or after now (quarantined):'
        || ' probable cause: a producer clock in the wrong time zone or skewed'
    {%- endset -%}
    {%- set ok -%}
        'no timestamps in the future'
    {%- endset -%}
    {{ return(corridor._window_row_share_gate_check('future_timestamps', 'n_future', bad, ok)) }}
{% endmacro %}
