{#-
    corridor.window_gate_checks(relation): the registry of window-level quality
    gate checks and the SQL that runs them: one select per enabled check over
    `relation` (one row per model id × grain × window with the columns the
    checks read; see int_corridor__window_quality_checks), joined by union all.

    Each check is a macro of its own under macros/quality/gates/ returning a
    gate check spec, a mapping of SQL expressions over `relation`:
    name, config (its key in corridor_quality_gates), input_name, measured,
    judged, checked, affected, bad and ok (the diagnostics). To add a check,
    write its macro, list it here and declare its thresholds in
    corridor._corridor_gate_defaults (see CONTRIBUTING.md).
-#}
{% macro window_gate_checks(relation) %}
    {{ return(adapter.dispatch('window_gate_checks', 'corridor')(relation)) }}
{% endmacro %}

{% macro default__window_gate_checks(relation) %}
    {%- set events_columns = corridor.input_config('production_events')['columns'] -%}
    {%- set checks = [corridor.row_volume_gate_check()] -%}
    {%- for column in ['event_id', 'model_version', 'latency_ms', 'is_error'] if events_columns[column] is not none -%}
        {%- do checks.append(corridor.null_rate_gate_check(column, events_columns[column])) -%}
    {%- endfor -%}
    {%- do checks.extend([
        corridor.label_maturity_gate_check(),
        corridor.duplicate_event_ids_gate_check(),
        corridor.out_of_range_values_gate_check(),
        corridor.unparseable_values_gate_check(),
        corridor.unknown_model_versions_gate_check(),
        corridor.new_segment_values_gate_check(),
        corridor.future_timestamps_gate_check(),
        corridor.late_events_gate_check(),
    ]) -%}
    {{ return(corridor._union_gate_checks(checks, relation)) }}
{% endmacro %}
