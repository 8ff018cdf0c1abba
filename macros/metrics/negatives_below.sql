{#
    corridor.negatives_below(partition_by, n_negative='n_negative', order_by='score_bin'):
    a window expression over score-histogram rows (one row per group × score
    bin): the negatives of the group in the bins below the row's bin, 0 for
    the lowest. The Mann-Whitney term of corridor.binned_auc is then
    sum(n_positive * (2 * n_negative_below + n_negative)) per group.
    partition_by: the group's key columns (a list). Shared by
    int_corridor__production_histogram_metrics,
    int_corridor__offline_evaluation_histograms and
    int_corridor__offline_feature_histogram_metrics.
#}
{% macro negatives_below(partition_by, n_negative='n_negative', order_by='score_bin') %}
    {{ return(adapter.dispatch('negatives_below', 'corridor')(partition_by, n_negative, order_by)) }}
{% endmacro %}

{% macro default__negatives_below(partition_by, n_negative='n_negative', order_by='score_bin') -%}
    coalesce(sum({{ n_negative }}) over (
            partition by {{ partition_by | join(', ') }}
            order by {{ order_by }}
            rows between unbounded preceding and 1 preceding
        ), 0)
{%- endmacro %}
