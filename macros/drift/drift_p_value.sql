{#-
    corridor.drift_p_value(measure, value, tolerance, n_values, n_reference, n_bins, baseline, n_trials):
    the p-value of H0 "the true drift measure is at most the tolerance"
    (python/corridor/drift.py: drift_p_value is the same formula, and the
    simulations of docs/drift.md run it). All arguments are SQL expressions
    except `measure` (a SQL expression too: the rule's measure name).

      ks_statistic    Kolmogorov tail at (sqrt(en) + 0.12 + 0.11 / sqrt(en)) x
                      (value - tolerance), en = n_values n_reference / (n_values + n_reference)
      hellinger       chi-square(2 (bins - 1)) tail at 4 n_min (value - tolerance)^2
      jensen_shannon  chi-square(2 (bins - 1)) tail at 4 ln2 n_min (value - tolerance)^2
      rates           normal tail of (value - b) / sqrt(b (1 - b) / n_trials + baseline (1 - baseline) / n_reference),
                      b = baseline + tolerance (kept inside (0.5/n, 1 - 0.5/n))
    1 when the value does not exceed the tolerance.
-#}
{% macro drift_p_value(measure, value, tolerance, n_values, n_reference, n_bins, baseline, n_trials) %}
    {{ return(adapter.dispatch('drift_p_value', 'corridor')(measure, value, tolerance, n_values, n_reference, n_bins, baseline, n_trials)) }}
{% endmacro %}

{% macro default__drift_p_value(measure, value, tolerance, n_values, n_reference, n_bins, baseline, n_trials) -%}
    {%- set double = corridor.type_double() -%}
    {%- set excess = '((' ~ value ~ ') - (' ~ tolerance ~ '))' -%}
    {%- set en = '(cast(' ~ n_values ~ ' as ' ~ double ~ ') * (' ~ n_reference ~ ') / ((' ~ n_values ~ ') + (' ~ n_reference ~ ')))' -%}
    {%- set n_min = 'least(cast(' ~ n_values ~ ' as ' ~ double ~ '), ' ~ n_reference ~ ')' -%}
    {%- set df = '(2 * ((' ~ n_bins ~ ') - 1))' -%}
    {%- set b = 'least(greatest((' ~ baseline ~ ') + (' ~ tolerance ~ '), 0.5 / (' ~ n_trials ~ ')), 1 - 0.5 / (' ~ n_trials ~ '))' -%}
    (case
        when ({{ value }}) is null or ({{ tolerance }}) is null then null
        when {{ excess }} <= 0 then 1.0
        when ({{ measure }}) = 'ks_statistic' then
            {{ corridor.kolmogorov_sf('(sqrt(' ~ en ~ ') + 0.12 + 0.11 / sqrt(' ~ en ~ ')) * ' ~ excess) }}
        when ({{ measure }}) = 'hellinger' then
            {{ corridor.chi_square_sf('4 * ' ~ n_min ~ ' * ' ~ excess ~ ' * ' ~ excess, df) }}
        when ({{ measure }}) = 'jensen_shannon' then
            {{ corridor.chi_square_sf('4 * 0.6931471805599453 * ' ~ n_min ~ ' * ' ~ excess ~ ' * ' ~ excess, df) }}
        when ({{ n_trials }}) > 0 then
            1 - {{ corridor.standard_normal_cdf('((' ~ value ~ ') - ' ~ b ~ ') / sqrt(' ~ b ~ ' * (1 - ' ~ b ~ ') / (' ~ n_trials ~ ') + coalesce((' ~ baseline ~ ') * (1 - (' ~ baseline ~ ')) / nullif(' ~ n_reference ~ ', 0), 0))') }}
    end)
{%- endmacro %}
