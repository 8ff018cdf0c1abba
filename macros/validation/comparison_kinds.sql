{#-
    The comparison kinds. Each is a dispatched macro returning SQL expressions
    over the standard columns of a prepared check row (see
    int_corridor__validation_checks):

      bad_deviation      the deviation in the bad direction, metric units
                         (expected - observed when higher is better,
                         observed - expected when lower is better,
                         |observed - expected| when two-sided)
      tol_warn, tol_fail the tolerances in metric units
      observed_se        the production standard error
      expected_se        the standard error of the expected value
      prediction_se      (seasonal) the spread of a new window around the baseline
      check_se           the standard error the kind tests with (its `check_se`)
      p_warn, p_fail     p-values of H0 "bad deviation <= tolerance" (two-sided: x2)
      eq_p_warn, eq_p_fail  p-values of H0 "bad deviation >= tolerance" (TOST)
      z_alpha            one-sided critical value at corridor_test_alpha
                         (alpha / 2 for two-sided rules)
      z_alpha_one        one-sided critical value at corridor_test_alpha
      z_power, z_power_eq   normal quantiles of the rule's power (eq: two-sided)
      test_alpha         corridor_test_alpha

    and returning a mapping with:
      check_se      the standard error used by the kind's test, as a template
                    of `{production_se}`: the production standard error, which
                    for rates is taken where the test needs it (at the
                    tolerance boundary for p-values; see
                    int_corridor__validation_checks)
      verdict       pass / warn / fail / inconclusive (sample-size, missing
                    and blocked windows are decided before the verdict)
      statistic     the test statistic reported
      p_value       the p-value of the breach hypothesis, fed to the FDR control
      detectable    the smallest deviation the window could have detected at
                    the rule's power (equivalence: the smallest margin it could
                    have demonstrated), as a template of `{se_boundary}` (the
                    test's standard error at the tolerance boundary) and
                    `{se_truth}` (at the true value being detected); for rates
                    these differ and the model solves by fixed-point iteration
      explanation   the readable end of the reason line
-#}

{%- macro _fmt(x) -%}{{ corridor.format_number(x) }}{%- endmacro -%}

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


{% macro compare_relative() %}
    {{ return(adapter.dispatch('compare_relative', 'corridor')()) }}
{% endmacro %}

{#- Relative: the tolerances were already turned into metric units (fraction x |expected|); the test is the absolute one. -#}
{% macro default__compare_relative() %}
    {{ return(corridor.default__compare_absolute()) }}
{% endmacro %}


{% macro compare_statistical() %}
    {{ return(adapter.dispatch('compare_statistical', 'corridor')()) }}
{% endmacro %}

{#-
    Statistical: a one-sided z test that the true bad deviation exceeds the
    tolerance, with the production and offline uncertainties combined
    (independent samples). Fail when a breach of the fail tolerance is shown,
    warn when a breach of the warn tolerance is shown, pass when the upper
    confidence bound of the bad deviation stays within the fail tolerance,
    inconclusive otherwise.
-#}
{% macro default__compare_statistical() %}
    {{ return({
        'check_se': 'sqrt({production_se} * {production_se} + coalesce(expected_se, 0) * coalesce(expected_se, 0))',
        'verdict': "case when check_se is null then 'inconclusive'"
            ~ " when p_fail <= test_alpha then 'fail'"
            ~ " when p_warn <= test_alpha then 'warn'"
            ~ " when bad_deviation + z_alpha * check_se <= tol_fail then 'pass'"
            ~ " else 'inconclusive' end",
        'statistic': 'z_warn',
        'p_value': 'p_warn',
        'detectable': 'tol_warn + z_alpha * {se_boundary} + z_power * {se_truth}',
        'explanation': "case verdict"
            ~ " when 'fail' then 'a breach beyond the fail tolerance ' || " ~ corridor._fmt('tol_fail') ~ " || ' is shown (p = ' || " ~ corridor._fmt('p_fail') ~ " || ')'"
            ~ " when 'warn' then 'a breach beyond the warn tolerance ' || " ~ corridor._fmt('tol_warn') ~ " || ' is shown (p = ' || " ~ corridor._fmt('p_warn') ~ " || ')'"
            ~ " when 'pass' then 'a breach beyond the fail tolerance ' || " ~ corridor._fmt('tol_fail') ~ " || ' is ruled out'"
            ~ " else 'the interval is too wide to rule out a breach beyond the fail tolerance ' || " ~ corridor._fmt('tol_fail') ~ " || ' (detectable deviation ' || " ~ corridor._fmt('detectable_deviation') ~ " || ')' end",
    }) }}
{% endmacro %}


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


{% macro compare_seasonal() %}
    {{ return(adapter.dispatch('compare_seasonal', 'corridor')()) }}
{% endmacro %}

{#-
    Seasonal: the value against the median of the same slot (hour of day, day
    of week) in a trailing window that never includes the window under test;
    judged on the point value like `relative`, with the p-value taken from the
    robust spread of the baseline (1.4826 x MAD, widened for the uncertainty
    of the median: prediction_se) and, for a relative tolerance, for the
    threshold (1 + tolerance) x median moving with the median.
-#}
{% macro default__compare_seasonal() %}
    {{ return({
        'check_se': "sqrt(prediction_se * prediction_se + (power(1 + case when tolerance_unit = 'relative' then warn_tolerance else 0 end, 2) - 1) * coalesce(expected_se, 0) * coalesce(expected_se, 0))",
        'verdict': "case when bad_deviation > tol_fail then 'fail' when bad_deviation > tol_warn then 'warn' else 'pass' end",
        'statistic': 'z_warn',
        'p_value': 'p_warn',
        'detectable': 'tol_warn + z_power * check_se',
        'explanation': corridor._point_explanation(),
    }) }}
{% endmacro %}


{% macro _point_explanation() -%}
    {{ return("case verdict"
        ~ " when 'fail' then 'beyond the fail tolerance ' || " ~ corridor._fmt('tol_fail')
        ~ " when 'warn' then 'beyond the warn tolerance ' || " ~ corridor._fmt('tol_warn')
        ~ " else 'within the warn tolerance ' || " ~ corridor._fmt('tol_warn') ~ " end") }}
{%- endmacro %}


{#- corridor.comparison_kinds(): kind name -> its mapping, for the models that case over kinds. -#}
{% macro comparison_kinds() %}
    {{ return({
        'absolute': corridor.compare_absolute(),
        'relative': corridor.compare_relative(),
        'statistical': corridor.compare_statistical(),
        'equivalence': corridor.compare_equivalence(),
        'seasonal': corridor.compare_seasonal(),
    }) }}
{% endmacro %}
