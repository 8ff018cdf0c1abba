{#-
    corridor.new_segment_values_gate_check(): the window-level gate check of
    segment values never seen before, as a gate check spec (see
    corridor.window_gate_checks). Reads n_events, n_new_segment_values and
    example_new_segment_value of the windows relation.
-#}
{% macro new_segment_values_gate_check() %}
    {{ return(adapter.dispatch('new_segment_values_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__new_segment_values_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_new_segment_values as {{ string }}) || ' segment value(s) never seen before appear in this window (e.g. '
        || coalesce(example_new_segment_value, '?')
        || '): probable cause: a new market or client, or an upstream mapping change'
    {%- endset -%}
    {{ return({
        'name': 'new_segment_values', 'config': 'new_segment_values', 'input_name': "'production_events'",
        'measured': 'cast(n_new_segment_values as ' ~ corridor.type_double() ~ ')', 'judged': 'true',
        'checked': 'n_events', 'affected': 'n_new_segment_values',
        'bad': bad, 'ok': "'no new segment values'",
    }) }}
{% endmacro %}
