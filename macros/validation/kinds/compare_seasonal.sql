{#-
    corridor.compare_seasonal(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable):
    the value against the median of the same slot (hour of day, day of week)
    in a trailing window that never includes the window under test; judged on
    the point value like `relative`, with the p-value taken from the robust
    spread of the baseline (1.4826 x MAD, widened for the uncertainty of the
    median: prediction_se) and, for a relative tolerance, for the threshold
    (1 + tolerance) x median moving with the median. The baseline's spread
    already holds the window's sampling noise: production_se, se_boundary and
    se_truth are not used.
-#}
{% macro compare_seasonal(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {{ return(adapter.dispatch('compare_seasonal', 'corridor')(production_se, tolerance, se_at_tolerance, se_at_expected,
        production_se_at_detectable)) }}
{% endmacro %}

{% macro default__compare_seasonal(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {{ return({
        'check_se': "sqrt(prediction_se * prediction_se + (power(1 + case when tolerance_unit = 'relative' then warn_tolerance else 0 end, "
            "2) - 1) * coalesce(expected_se, 0) * coalesce(expected_se, 0))",
        'verdict': "case when bad_deviation > tol_fail then 'fail' when bad_deviation > tol_warn then 'warn' else 'pass' end",
        'statistic': 'z_warn',
        'p_value': 'p_warn',
        'detectable': tolerance ~ ' + z_power * check_se',
        'explanation': corridor._point_explanation(),
    }) }}
{% endmacro %}
