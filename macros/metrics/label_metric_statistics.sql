{#
    corridor.label_metric_statistics(is_evaluable, label, predicted_class,
    log_loss_term, brier_term, abs_error, squared_error): the sufficient
    statistics of the label metrics, as a list of (name, row expression,
    kind, decimals). A statistic is the sum of its row expression over the
    rows of a group; kind `count` (a 0/1 indicator), `sum` (a bounded term,
    summed exactly with `decimals` decimals) or `large` (an unbounded term,
    summed exactly in two parts). Arguments are the SQL of the columns read.

    The one place these statistics are defined: production
    (int_corridor__production_window_stats) and the backtest rows
    (int_corridor__offline_evaluation_metrics, int_corridor__offline_feature_cells)
    both sum them, and corridor.metric_definitions turns them into metrics.
#}
{% macro label_metric_statistics(is_evaluable='is_evaluable', label='label', predicted_class='predicted_class',
        log_loss_term='log_loss_term', brier_term='brier_term', abs_error='abs_error', squared_error='squared_error') -%}
    {{ return(adapter.dispatch('label_metric_statistics', 'corridor')(is_evaluable, label, predicted_class, log_loss_term, brier_term,
        abs_error, squared_error)) }}
{%- endmacro %}

{% macro default__label_metric_statistics(is_evaluable, label, predicted_class, log_loss_term, brier_term, abs_error, squared_error) -%}
    {%- set e = is_evaluable -%}
    {{ return([
        ('n_evaluated', e, 'count', none),
        ('n_positive', e ~ ' and ' ~ label ~ ' = 1', 'count', none),
        ('n_true_positive', e ~ ' and ' ~ label ~ ' = 1 and ' ~ predicted_class ~ ' = 1', 'count', none),
        ('n_false_positive', e ~ ' and ' ~ label ~ ' = 0 and ' ~ predicted_class ~ ' = 1', 'count', none),
        ('n_true_negative', e ~ ' and ' ~ label ~ ' = 0 and ' ~ predicted_class ~ ' = 0', 'count', none),
        ('n_false_negative', e ~ ' and ' ~ label ~ ' = 1 and ' ~ predicted_class ~ ' = 0', 'count', none),
        ('log_loss_sum', 'case when ' ~ e ~ ' then ' ~ log_loss_term ~ ' end', 'sum', 12),
        ('log_loss_sum_squares', 'case when ' ~ e ~ ' then ' ~ log_loss_term ~ ' * ' ~ log_loss_term ~ ' end', 'sum', 12),
        ('brier_sum', 'case when ' ~ e ~ ' then ' ~ brier_term ~ ' end', 'sum', 12),
        ('brier_sum_squares', 'case when ' ~ e ~ ' then ' ~ brier_term ~ ' * ' ~ brier_term ~ ' end', 'sum', 12),
        ('abs_error_sum', 'case when ' ~ e ~ ' then ' ~ abs_error ~ ' end', 'large', 12),
        ('abs_error_sum_squares', 'case when ' ~ e ~ ' then ' ~ abs_error ~ ' * ' ~ abs_error ~ ' end', 'large', 12),
        ('squared_error_sum', 'case when ' ~ e ~ ' then ' ~ squared_error ~ ' end', 'large', 12),
        ('squared_error_sum_squares', 'case when ' ~ e ~ ' then ' ~ squared_error ~ ' * ' ~ squared_error ~ ' end', 'large', 12),
    ]) }}
{%- endmacro %}
