{#-
    corridor.compare_absolute(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable):
    the absolute comparison kind, the point value against the tolerances in
    metric units (no test; the p-value from the production standard error).
    Returns a comparison kind spec (see corridor.comparison_kind).
-#}
{% macro compare_absolute(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {{ return(adapter.dispatch('compare_absolute', 'corridor')(production_se, tolerance, se_at_tolerance, se_at_expected,
        production_se_at_detectable)) }}
{% endmacro %}

{% macro default__compare_absolute(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {#- the standard error at the true value being detected: at the tolerance boundary until the iteration moves it -#}
    {%- set se_truth = production_se_at_detectable if production_se_at_detectable is not none else se_at_tolerance -%}
    {{ return({
        'check_se': production_se,
        'verdict': "case when bad_deviation > tol_fail then 'fail' when bad_deviation > tol_warn then 'warn' else 'pass' end",
        'statistic': 'z_warn',
        'p_value': 'p_warn',
        'detectable': tolerance ~ ' + z_power * (' ~ se_truth ~ ')',
        'explanation': corridor._point_explanation(),
    }) }}
{% endmacro %}
