{#-
    corridor.drift_p_value_arguments(measure, value, tolerance, n_values, n_reference, n_bins, baseline, n_trials):
    the arguments of the tail of H0 "the true drift measure is at most the
    tolerance", as a mapping of SQL expressions {excess, statistic, df}; a
    model selects them as columns, then corridor.drift_p_value turns those
    columns into the p-value (python/corridor/drift.py: drift_p_value is the
    same formula, and the simulations of docs/drift.md run it). Two steps so
    that the tails' series (which repeat their argument many times) repeat a
    column name, not these expressions. All arguments are SQL expressions,
    `measure` too (the rule's measure name).

      excess     value - tolerance (null when either is)
      statistic  by measure, null when excess is null or <= 0:
        ks_statistic    the Kolmogorov argument (sqrt(en) + 0.12 + 0.11 / sqrt(en)) x excess,
                        en = n_values n_reference / (n_values + n_reference)
        hellinger       the chi-square statistic 4 n_min excess^2
        jensen_shannon  the chi-square statistic 4 ln2 n_min excess^2
        rates           (null when n_trials <= 0) the normal z (value - b) / sqrt(b (1 - b) / n_trials
                        + baseline (1 - baseline) / n_reference), b = baseline + tolerance
                        (kept inside (0.5/n, 1 - 0.5/n))
      df         the chi-square degrees of freedom 2 (n_bins - 1)
    Each statistic is computed under the same conditions as its tail, so no
    row divides by zero that the one-expression form did not.
-#}
{% macro drift_p_value_arguments(measure, value, tolerance, n_values, n_reference, n_bins, baseline, n_trials) %}
    {{ return(adapter.dispatch('drift_p_value_arguments', 'corridor')(measure, value, tolerance, n_values, n_reference, n_bins, baseline,
        n_trials)) }}
{% endmacro %}

{% macro default__drift_p_value_arguments(measure, value, tolerance, n_values, n_reference, n_bins, baseline, n_trials) -%}
    {%- set double = corridor.type_double() -%}
    {%- set excess = '((' ~ value ~ ') - (' ~ tolerance ~ '))' -%}
    {%- set en = '(cast(' ~ n_values ~ ' as ' ~ double ~ ') * (' ~ n_reference ~ ') / ((' ~ n_values ~ ') + (' ~ n_reference ~ ')))' -%}
    {%- set n_min = 'least(cast(' ~ n_values ~ ' as ' ~ double ~ '), ' ~ n_reference ~ ')' -%}
    {%- set b = 'least(greatest((' ~ baseline ~ ') + (' ~ tolerance ~ '), 0.5 / (' ~ n_trials ~ ')), 1 - 0.5 / (' ~ n_trials ~ '))' -%}
    {%- set statistic -%}
    (case
        when ({{ value }}) is null or ({{ tolerance }}) is null then null
        when {{ excess }} <= 0 then null
        when ({{ measure }}) = 'ks_statistic' then
            (sqrt({{ en }}) + 0.12 + 0.11 / sqrt({{ en }})) * {{ excess }}
        when ({{ measure }}) = 'hellinger' then
            4 * {{ n_min }} * {{ excess }} * {{ excess }}
        when ({{ measure }}) = 'jensen_shannon' then
            4 * 0.6931471805599453 * {{ n_min }} * {{ excess }} * {{ excess }}
        when ({{ n_trials }}) > 0 then
            (({{ value }}) - {{ b }}) / sqrt({{ b }} * (1 - {{ b }}) / ({{ n_trials }}) + coalesce(({{ baseline }}) * (1 -
                ({{ baseline }})) / nullif({{ n_reference }}, 0), 0))
    end)
    {%- endset -%}
    {{ return({'excess': excess, 'statistic': statistic, 'df': '(2 * ((' ~ n_bins ~ ') - 1))'}) }}
{%- endmacro %}
