{#- Absolute: the point value against the tolerances in metric units (no test; p-value from the production standard error). -#}
{% macro compare_absolute() %}
    {{ return(adapter.dispatch('compare_absolute', 'corridor')()) }}
{% endmacro %}

{% macro default__compare_absolute() %}
    {{ return({
        'check_se': '{production_se}',
        'verdict': "case when bad_deviation > tol_fail then 'fail' when bad_deviation > tol_warn then 'warn' else 'pass' end",
        'statistic': 'z_warn',
        'p_value': 'p_warn',
        'detectable': 'tol_warn + z_power * {se_truth}',
        'explanation': corridor._point_explanation(),
    }) }}
{% endmacro %}
