{#-
    corridor.drift_p_value(measure, excess, statistic, df): the p-value of H0
    "the true drift measure is at most the tolerance", from the columns a
    model selected from corridor.drift_p_value_arguments (pass their names:
    the tails repeat their argument many times in their series, so a long
    expression here would make the compiled SQL huge).

      excess null               null (no value or no tolerance)
      excess <= 0               1 (the value does not exceed the tolerance)
      ks_statistic              corridor.kolmogorov_sf(statistic)
      hellinger, jensen_shannon corridor.chi_square_sf(statistic, df)
      rates                     1 - corridor.standard_normal_cdf(statistic) (null when statistic is)
    wilson_hilferty and root, when given, name columns holding
    corridor.chi_square_sf_arguments(statistic, df), passed on to the
    chi-square tail (which otherwise repeats those expressions many times).
    python/corridor/drift.py: drift_p_value is the two steps in one.
-#}
{% macro drift_p_value(measure, excess, statistic, df, wilson_hilferty=none, root=none) %}
    {{ return(adapter.dispatch('drift_p_value', 'corridor')(measure, excess, statistic, df, wilson_hilferty, root)) }}
{% endmacro %}

{% macro default__drift_p_value(measure, excess, statistic, df, wilson_hilferty=none, root=none) -%}
    (case
        when ({{ excess }}) is null then null
        when ({{ excess }}) <= 0 then 1.0
        when ({{ measure }}) = 'ks_statistic' then
            {{ corridor.kolmogorov_sf(statistic) }}
        when ({{ measure }}) in ('hellinger', 'jensen_shannon') then
            {{ corridor.chi_square_sf(statistic, df, wilson_hilferty, root) }}
        else
            1 - {{ corridor.standard_normal_cdf(statistic) }}
    end)
{%- endmacro %}
