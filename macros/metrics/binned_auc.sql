{#
    corridor.binned_auc(twice_concordant_pairs, n_positive, n_negative): AUC
    from score histograms, P(score of a positive > score of a negative) +
    0.5 P(tie) (the Mann-Whitney statistic over score bins, corridor.score_bin):
    twice_concordant_pairs is sum over bins of
    n_positive × (2 × negatives in lower bins + negatives in the bin), so
    pairs are counted twice and ties once, in integers for production's
    counts. Null without positives or negatives. Production
    (int_corridor__production_histogram_metrics) and the backtest rows
    (int_corridor__offline_evaluation_histograms, counts = weight sums) share
    it; its standard error is corridor.auc_standard_error.
#}
{% macro binned_auc(twice_concordant_pairs, n_positive, n_negative) %}
    {{ return(adapter.dispatch('binned_auc', 'corridor')(twice_concordant_pairs, n_positive, n_negative)) }}
{% endmacro %}

{% macro default__binned_auc(twice_concordant_pairs, n_positive, n_negative) -%}
    case
            when {{ n_positive }} > 0 and {{ n_negative }} > 0
                then cast({{ twice_concordant_pairs }} as {{ corridor.type_double() }}) / (2 * {{ n_positive }} * {{ n_negative }})
        end
{%- endmacro %}
