{#
    corridor.metric_definitions(model_type, stats='stats'): the definition of
    every metric corridor computes from sufficient statistics, for a model
    type, as a list of specs over the columns of the relation aliased
    `stats` (the statistics of int_corridor__production_window_stats, named
    in corridor.label_metric_statistics for the label metrics). A spec is
    {'name', and one of:
      'proportion': [successes, trials]      (Wilson interval),
      'f1': [true positives, false positives, false negatives] (F1 = 2J / (1 + J)
                                             of J = TP / (TP + FP + FN): delta-method
                                             error, J's Wilson interval mapped through it),
      'mean': [sum, sum of squares, count]   (normal interval),
      'root_mean': [sum, sum of squares, count] (sqrt of the mean, delta-method error),
      'quantile': [p, h]                     (latency quantiles, production only),
      'value' with 'n', optional 'se', 'method', 'interval_method', 'bounded'}
    and 'from_rows': true on the label metrics the backtest rows give too
    (the offline_evaluation and offline_feature_adjusted sources), and
    'from_histograms': true on those the backtest rows give through their
    score histograms (AUC and expected calibration error: the offline_evaluation
    source, from int_corridor__offline_evaluation_histograms). Rendered
    to SQL by corridor.metric_row_sql; the one place a metric is defined.
#}
{% macro metric_definitions(model_type, stats='stats') -%}
    {{ return(adapter.dispatch('metric_definitions', 'corridor')(model_type, stats)) }}
{%- endmacro %}

{% macro default__metric_definitions(model_type, stats) -%}
    {%- set double = corridor.type_double() -%}
    {%- set s = stats ~ '.' -%}
    {%- set n_ev = 'coalesce(' ~ s ~ 'n_events, 0)' -%}
    {%- set metrics = [
        {'name': 'request_count', 'value': 'cast(' ~ n_ev ~ ' as ' ~ double ~ ')', 'n': n_ev, 'method': 'count'},
        {'name': 'throughput_per_hour', 'value': 'cast(' ~ n_ev ~ ' as ' ~ double ~ ') / ' ~ s ~ 'grain_hours', 'n': n_ev,
            'method': 'count_per_hour'},
        {'name': 'error_rate', 'proportion': [s ~ 'n_errors', s ~ 'n_events']},
        {'name': 'latency_mean', 'mean': [s ~ 'latency_sum', s ~ 'latency_sum_squares', s ~ 'n_latency']},
        {'name': 'latency_p50', 'quantile': [0.5, 0.05]},
        {'name': 'latency_p95', 'quantile': [0.95, 0.02]},
        {'name': 'latency_p99', 'quantile': [0.99, 0.005]},
        {'name': 'slow_request_rate', 'proportion': [s ~ 'n_slow', s ~ 'n_latency']},
        {'name': 'label_maturity', 'proportion': [s ~ 'n_labeled', s ~ 'n_events']},
    ] -%}
    {%- if model_type == 'binary_classifier' -%}
        {%- do metrics.extend([
            {'name': 'accuracy', 'proportion': [s ~ 'n_true_positive + ' ~ s ~ 'n_true_negative', s ~ 'n_evaluated'], 'from_rows': true},
            {'name': 'precision', 'proportion': [s ~ 'n_true_positive', s ~ 'n_true_positive + ' ~ s ~ 'n_false_positive'],
                'from_rows': true},
            {'name': 'recall', 'proportion': [s ~ 'n_true_positive', s ~ 'n_true_positive + ' ~ s ~ 'n_false_negative'], 'from_rows': true},
            {'name': 'f1', 'f1': [s ~ 'n_true_positive', s ~ 'n_false_positive', s ~ 'n_false_negative']},
            {'name': 'log_loss', 'mean': [s ~ 'log_loss_sum', s ~ 'log_loss_sum_squares', s ~ 'n_evaluated'], 'from_rows': true},
            {'name': 'brier_score', 'mean': [s ~ 'brier_sum', s ~ 'brier_sum_squares', s ~ 'n_evaluated'], 'from_rows': true},
            {'name': 'auc', 'value': s ~ 'auc', 'n': s ~ 'hist_n_evaluated', 'se': s ~ 'auc_standard_error', 'method': 'mann_whitney',
                'interval_method': 'normal_hanley_mcneil', 'bounded': true, 'from_histograms': true},
            {'name': 'expected_calibration_error', 'value': s ~ 'expected_calibration_error', 'n': s ~ 'hist_n_evaluated',
                'method': 'binned_calibration_gap', 'from_histograms': true},
        ]) -%}
    {%- else -%}
        {%- do metrics.extend([
            {'name': 'mae', 'mean': [s ~ 'abs_error_sum', s ~ 'abs_error_sum_squares', s ~ 'n_evaluated'], 'from_rows': true},
            {'name': 'rmse', 'root_mean': [s ~ 'squared_error_sum', s ~ 'squared_error_sum_squares', s ~ 'n_evaluated'], 'from_rows': true},
        ]) -%}
    {%- endif -%}
    {{ return(metrics) }}
{%- endmacro %}
