{#-
    corridor.input_gate_checks(): the registry of input-level quality gate
    checks and the SQL that runs them: one select per enabled check, joined by
    union all. Unlike window-level checks, each input-level check reads the
    relation its spec names (check['relation']: inputs, early_labels,
    orphan_estimates, freshness_measured, labels_by_model or
    schema_checks_base, the CTEs of int_corridor__input_quality_checks).

    Each check is a macro of its own under macros/quality/gates/ returning a
    gate check spec (see corridor.window_gate_checks and
    corridor.gate_check_select for its keys). To add a check, write its
    macro, list it here and declare its thresholds in
    corridor._corridor_gate_defaults (see CONTRIBUTING.md).
-#}
{% macro input_gate_checks() %}
    {{ return(adapter.dispatch('input_gate_checks', 'corridor')()) }}
{% endmacro %}

{% macro default__input_gate_checks() %}
    {%- set checks = [
        corridor.empty_input_gate_check(),
        corridor.unwindowable_rows_gate_check(),
        corridor.outcomes_for_unknown_events_gate_check(),
        corridor.invalid_labels_gate_check(),
        corridor.invalid_offline_estimates_gate_check(),
        corridor.labels_before_events_gate_check(),
        corridor.offline_estimates_without_production_gate_check(),
        corridor.freshness_hours_gate_check(),
    ] -%}
    {%- if corridor.setting('corridor_model_type') == 'binary_classifier' -%}
        {%- do checks.append(corridor.label_single_class_gate_check()) -%}
    {%- endif -%}
    {%- for kind in ['added', 'missing', 'type_changed'] -%}
        {%- do checks.append(corridor.schema_change_gate_check(kind)) -%}
    {%- endfor -%}
    {{ return(corridor._union_gate_checks(checks)) }}
{% endmacro %}
