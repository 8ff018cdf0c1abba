{#-
    corridor.compare_statistical(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable):
    a one-sided z test that the true bad deviation exceeds the tolerance, with
    the production and offline uncertainties combined (independent samples).
    Fail when a breach of the fail tolerance is shown, warn when a breach of
    the warn tolerance is shown, pass when the upper confidence bound of the
    bad deviation stays within the fail tolerance, inconclusive otherwise.
-#}
{% macro compare_statistical(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {{ return(adapter.dispatch('compare_statistical', 'corridor')(production_se, tolerance, se_at_tolerance, se_at_expected,
        production_se_at_detectable)) }}
{% endmacro %}

{% macro default__compare_statistical(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {#- the standard error at the true value being detected: at the tolerance boundary until the iteration moves it -#}
    {%- set se_truth = corridor._combined_se(production_se_at_detectable) if production_se_at_detectable is not none
        else se_at_tolerance -%}
    {{ return({
        'check_se': corridor._combined_se(production_se),
        'verdict': "case when check_se is null then 'inconclusive'"
            ~ " when p_fail <= test_alpha then 'fail'"
            ~ " when p_warn <= test_alpha then 'warn'"
            ~ " when bad_deviation + z_alpha * check_se <= tol_fail then 'pass'"
            ~ " else 'inconclusive' end",
        'statistic': 'z_warn',
        'p_value': 'p_warn',
        'detectable': tolerance ~ ' + z_alpha * (' ~ se_at_tolerance ~ ') + z_power * (' ~ se_truth ~ ')',
        'explanation': "case verdict"
            ~ " when 'fail' then 'a breach beyond the fail tolerance ' || " ~ corridor._fmt('tol_fail') ~ " || ' is shown (p = ' || "
                ~ corridor._fmt('p_fail') ~ " || ')'"
            ~ " when 'warn' then 'a breach beyond the warn tolerance ' || " ~ corridor._fmt('tol_warn') ~ " || ' is shown (p = ' || "
                ~ corridor._fmt('p_warn') ~ " || ')'"
            ~ " when 'pass' then 'a breach beyond the fail tolerance ' || " ~ corridor._fmt('tol_fail') ~ " || ' is ruled out'"
            ~ " else 'the interval is too wide to rule out a breach beyond the fail tolerance ' || " ~ corridor._fmt('tol_fail') ~ " || ' "
                "(detectable deviation ' || " ~ corridor._fmt('detectable_deviation') ~ " || ')' end",
    }) }}
{% endmacro %}
