{#-
    corridor.comparison_kinds(): the registry of comparison kinds, kind name
    -> its mapping, for the models that case over kinds. Each kind is a
    dispatched macro of its own under macros/validation/kinds/
    (compare_<kind>) returning SQL expressions
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
{% macro comparison_kinds() %}
    {{ return({
        'absolute': corridor.compare_absolute(),
        'relative': corridor.compare_relative(),
        'statistical': corridor.compare_statistical(),
        'equivalence': corridor.compare_equivalence(),
        'seasonal': corridor.compare_seasonal(),
    }) }}
{% endmacro %}
