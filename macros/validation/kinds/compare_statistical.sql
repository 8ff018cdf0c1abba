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
