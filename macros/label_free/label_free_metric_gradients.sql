{#
    corridor.label_free_metric_gradients(predicted_class, totals, bins): the
    select-list columns gradient_accuracy, gradient_precision, gradient_recall,
    gradient_f1 and gradient_auc: the derivative of each expected metric by the
    expected positives of one score bin × predicted class row (the delta
    method of int_corridor__label_free_estimates_sql's analytic interval).
    predicted_class: the row's class (SQL); totals: the alias of the group's
    expected counts (tp, fn, predicted_positive, sample_size, auc,
    auc_positives, auc_negatives); bins: the alias of the row's score bin
    (bin_positives, bin_negatives, negatives_below, positives_above). With
    TP, FN the expected positives predicted positive and negative, N1 the
    predicted positive, N all events, P and Q all positives and negatives:
      accuracy  (TP + N - N1 - FN) / N     ±1 / N
      precision TP / N1                    1 / N1 (class 1), 0
      recall    TP / (TP + FN)             FN / D², -TP / D² (D = TP + FN)
      f1        2 TP / (TP + N1 + FN)      2 (N1 + FN) / D², -2 TP / D² (D = TP + N1 + FN)
      auc       S / (P Q)                  (below + (q_b - p_b) / 2 - above) / (P Q) - auc (1 / P - 1 / Q)
    (one more positive in bin b is one negative fewer there).
#}
{% macro label_free_metric_gradients(predicted_class, totals, bins) %}
    {{ return(adapter.dispatch('label_free_metric_gradients', 'corridor')(predicted_class, totals, bins)) }}
{% endmacro %}

{% macro default__label_free_metric_gradients(predicted_class, totals, bins) -%}
    {%- set is_positive = '(' ~ predicted_class ~ ') = 1' -%}
    {%- set recall_d = '(' ~ totals ~ '.tp + ' ~ totals ~ '.fn)' -%}
    {%- set f1_d = '(' ~ totals ~ '.tp + ' ~ totals ~ '.predicted_positive + ' ~ totals ~ '.fn)' -%}
    {%- set pq = 'nullif(' ~ totals ~ '.auc_positives * ' ~ totals ~ '.auc_negatives, 0)' -%}
    case when {{ is_positive }} then 1 else -1 end / nullif(cast({{ totals }}.sample_size as {{ corridor.type_double() }}), 0)
        as gradient_accuracy,
    case when {{ is_positive }} then 1 / nullif(cast({{ totals }}.predicted_positive as {{ corridor.type_double() }}), 0) else 0 end
        as gradient_precision,
    case when {{ is_positive }} then {{ totals }}.fn else -{{ totals }}.tp end / nullif({{ recall_d }} * {{ recall_d }}, 0)
        as gradient_recall,
    2 * case when {{ is_positive }} then {{ totals }}.predicted_positive + {{ totals }}.fn else -{{ totals }}.tp end
        / nullif({{ f1_d }} * {{ f1_d }}, 0) as gradient_f1,
    ({{ bins }}.negatives_below + 0.5 * ({{ bins }}.bin_negatives - {{ bins }}.bin_positives) - {{ bins }}.positives_above) / {{ pq }}
        - {{ totals }}.auc * (1 / nullif({{ totals }}.auc_positives, 0) - 1 / nullif({{ totals }}.auc_negatives, 0)) as gradient_auc
{%- endmacro %}
