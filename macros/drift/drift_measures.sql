{#-
    corridor.drift_measures(): the measures of corridor_feature_drift a rule
    of comparison_kind `drift` can judge, with the feature types they apply
    to and how they are tested against the rule's tolerance (docs/drift.md):

      distance  the measure is a metric between distributions (KS statistic,
                Hellinger, Jensen-Shannon distance); by the triangle
                inequality, observed - tolerance is bounded by the sampling
                noise of the two histograms, whose distribution is known:
                the p-value is P(noise >= observed - tolerance).
      rate      a share of events (null rate above the reference's, the
                share outside the reference's range, the share of new
                categories): a one-sided binomial z test of share <=
                baseline + tolerance.
      multivariate  reconstruction_error of corridor_multivariate_drift
                (DuckDB only; rules name feature __multivariate__): a
                one-sided normal test of mean error <= reference mean +
                tolerance, with the standard error calibrated from the
                reference days (int_corridor__multivariate_drift_checks).

    PSI and the normed Wasserstein distance are measured, not judged: they
    are not metrics with a known sampling distribution at every n.
-#}
{% macro drift_measures() %}
    {{ return(adapter.dispatch('drift_measures', 'corridor')()) }}
{% endmacro %}

{% macro default__drift_measures() %}
    {{ return({
        'ks_statistic': {'test': 'distance', 'types': ['numeric']},
        'hellinger': {'test': 'distance', 'types': ['numeric', 'categorical']},
        'jensen_shannon': {'test': 'distance', 'types': ['numeric', 'categorical']},
        'null_rate': {'test': 'rate', 'types': ['numeric', 'categorical']},
        'out_of_reference_range_share': {'test': 'rate', 'types': ['numeric']},
        'new_category_share': {'test': 'rate', 'types': ['categorical']},
        'reconstruction_error': {'test': 'multivariate', 'types': ['multivariate']},
    }) }}
{% endmacro %}
