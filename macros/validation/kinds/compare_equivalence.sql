{% macro compare_equivalence() %}
    {{ return(adapter.dispatch('compare_equivalence', 'corridor')()) }}
{% endmacro %}

{#-
    Equivalence: two one-sided tests (TOST) that the true deviation lies
    within the margin (two-sided rules: within +-margin; directional rules:
    non-inferiority, not worse than the margin). Pass when equivalence within
    the warn margin is shown, warn when only within the fail margin, fail when
    the estimate lies beyond the fail margin, inconclusive otherwise (the
    estimate is inside the margin but the data cannot show it).
-#}
{% macro default__compare_equivalence() %}
    {{ return({
        'check_se': 'sqrt({production_se} * {production_se} + coalesce(expected_se, 0) * coalesce(expected_se, 0))',
        'verdict': "case when check_se is null then 'inconclusive'"
            ~ " when eq_p_warn <= test_alpha then 'pass'"
            ~ " when eq_p_fail <= test_alpha then 'warn'"
            ~ " when bad_deviation > tol_fail then 'fail'"
            ~ " else 'inconclusive' end",
        'statistic': 'eq_z_warn',
        'p_value': 'p_warn',
        'detectable': 'z_alpha_one * {se_boundary} + z_power_eq * {se_truth}',
        'explanation': "case verdict"
            ~ " when 'pass' then 'equivalent within the warn margin ' || " ~ corridor._fmt('tol_warn') ~ " || ' (TOST p = ' || " ~ corridor._fmt('eq_p_warn') ~ " || ')'"
            ~ " when 'warn' then 'equivalent within the fail margin ' || " ~ corridor._fmt('tol_fail') ~ " || ' only (TOST p = ' || " ~ corridor._fmt('eq_p_fail') ~ " || ')'"
            ~ " when 'fail' then 'outside the fail margin ' || " ~ corridor._fmt('tol_fail')
            ~ " else 'equivalence within ' || " ~ corridor._fmt('tol_fail') ~ " || ' not shown (TOST p = ' || " ~ corridor._fmt('eq_p_fail') ~ " || '): too little data; smallest demonstrable margin ' || " ~ corridor._fmt('detectable_deviation') ~ " end",
    }) }}
{% endmacro %}
