{#-
    corridor.comparison_kind(name, production_se='observed_se',
    tolerance='tol_warn', se_at_tolerance='check_se_warn',
    se_at_expected='check_se_expected', production_se_at_detectable=none):
    the spec of comparison kind `name`, from its macro compare_<name> under
    macros/validation/kinds/ (the registry: corridor.comparison_kinds). The
    spec is a mapping of SQL expressions over the standard columns of a check
    row (see int_corridor__validation_checks):

      bad_deviation      the deviation in the bad direction, metric units
                         (expected - observed when higher is better,
                         observed - expected when lower is better,
                         |observed - expected| when two-sided)
      tol_warn, tol_fail the tolerances in metric units
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
      detectable_deviation  the kind's `detectable`, once solved

    The arguments are the SQL of what changes between the places a kind is
    evaluated: production_se, the production standard error its check_se is
    built from (for rates taken where the test needs it, e.g. at the
    tolerance boundary); tolerance, the tolerance its detectable deviation is
    solved for; se_at_tolerance and se_at_expected, the kind's test standard
    errors at the warn boundary and at the expected value;
    production_se_at_detectable, the production standard error at the
    deviation detected by the previous step of the fixed-point iteration
    (none: the first step). The spec holds:

      check_se      the standard error of the kind's test
      verdict       pass / warn / fail / inconclusive (sample-size, missing
                    and blocked windows are decided before the verdict)
      statistic     the test statistic reported
      p_value       the p-value of the breach hypothesis, fed to the FDR control
      detectable    the smallest deviation the window could have detected at
                    the rule's power (equivalence: the smallest margin it could
                    have demonstrated)
      explanation   the readable end of the reason line
-#}
{% macro comparison_kind(name, production_se='observed_se', tolerance='tol_warn', se_at_tolerance='check_se_warn',
        se_at_expected='check_se_expected', production_se_at_detectable=none) %}
    {{ return(adapter.dispatch('comparison_kind', 'corridor')(name, production_se, tolerance, se_at_tolerance, se_at_expected,
        production_se_at_detectable)) }}
{% endmacro %}

{% macro default__comparison_kind(name, production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {%- set kinds = corridor.comparison_kinds() -%}
    {%- if name not in kinds -%}
        {{ exceptions.raise_compiler_error("corridor: unknown comparison kind '" ~ name ~ "'; registered kinds: "
            ~ kinds.keys() | join(', ')) }}
    {%- endif -%}
    {{ return(kinds[name](production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable)) }}
{% endmacro %}
