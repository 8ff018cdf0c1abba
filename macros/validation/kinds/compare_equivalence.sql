{#-
    corridor.compare_equivalence(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable):
    two one-sided tests (TOST) that the true deviation lies within the margin
    (two-sided rules: within +-margin; directional rules: non-inferiority, not
    worse than the margin). Pass when equivalence within the warn margin is
    shown, warn when only within the fail margin, fail when the estimate lies
    beyond the fail margin, inconclusive otherwise (the estimate is inside the
    margin but the data cannot show it). Its detectable deviation is the
    smallest margin the window could demonstrate (no tolerance term).
-#}
{% macro compare_equivalence(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {{ return(adapter.dispatch('compare_equivalence', 'corridor')(production_se, tolerance, se_at_tolerance, se_at_expected,
        production_se_at_detectable)) }}
{% endmacro %}

{% macro default__compare_equivalence(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {#- the margin being demonstrated is the boundary: its standard error starts at the expected value until the iteration moves it -#}
    {%- set se_boundary = corridor._combined_se(production_se_at_detectable) if production_se_at_detectable is not none
        else se_at_expected -%}
    {{ return({
        'check_se': corridor._combined_se(production_se),
        'verdict': "case when check_se is null then 'inconclusive'"
            ~ " when eq_p_warn <= test_alpha then 'pass'"
            ~ " when eq_p_fail <= test_alpha then 'warn'"
            ~ " when bad_deviation > tol_fail then 'fail'"
            ~ " else 'inconclusive' end",
        'statistic': 'eq_z_warn',
        'p_value': 'p_warn',
        'detectable': 'z_alpha_one * (' ~ se_boundary ~ ') + z_power_eq * (' ~ se_at_expected ~ ')',
        'explanation': "case verdict"
            ~ " when 'pass' then 'equivalent within the warn margin ' || " ~ corridor._fmt('tol_warn') ~ " || ' (TOST p = ' || "
                ~ corridor._fmt('eq_p_warn') ~ " || ')'"
            ~ " when 'warn' then 'equivalent within the fail margin ' || " ~ corridor._fmt('tol_fail') ~ " || ' only (TOST p = ' || "
                ~ corridor._fmt('eq_p_fail') ~ " || ')'"
            ~ " when 'fail' then 'outside the fail margin ' || " ~ corridor._fmt('tol_fail')
            ~ " else 'equivalence within ' || " ~ corridor._fmt('tol_fail') ~ " || ' not shown (TOST p = ' || "
                ~ corridor._fmt('eq_p_fail') ~ " || '): too little data; smallest demonstrable margin ' || "
                ~ corridor._fmt('detectable_deviation') ~ " end",
    }) }}
{% endmacro %}
