{#-
    corridor.sql_bootstrap_statistics(model_type): what the SQL Poisson
    bootstrap (int_corridor__sql_bootstrap_intervals) computes, as a mapping:
      loss       the per-event loss column (log_loss_term for a binary
                 classifier, abs_error for regression);
      metrics    (metric, weighted numerator, weighted denominator, count of
                 the denominator's events, sum, sum of squares) per metric:
                 error_rate, latency_mean, accuracy (binary only), log_loss
                 or mae;
      sufficient (name, aggregate) per sufficient statistic of a group
                 (counts, exact decimal sums and sums of squares);
      weighted_sums  (name, aggregate) per Poisson-weighted sum of a
                 replicate (reads bootstrap_weight).
    The events the aggregates read carry is_error_flag, is_evaluable_flag,
    is_correct_flag (0/1), latency_ms and loss_term.
-#}
{% macro sql_bootstrap_statistics(model_type) %}
    {{ return(adapter.dispatch('sql_bootstrap_statistics', 'corridor')(model_type)) }}
{% endmacro %}

{% macro default__sql_bootstrap_statistics(model_type) %}
    {%- set loss_metric = 'log_loss' if model_type == 'binary_classifier' else 'mae' -%}
    {%- set metrics = [
        ('error_rate', 'w_errors', 'w_events', 'n_events', 'n_errors', 'n_errors'),
        ('latency_mean', 'w_latency_sum', 'w_latency', 'n_latency', 'latency_sum', 'latency_sq_sum'),
        ('accuracy', 'w_correct', 'w_evaluated', 'n_evaluated', 'n_correct', 'n_correct'),
        (loss_metric, 'w_loss_sum', 'w_evaluated', 'n_evaluated', 'loss_sum', 'loss_sq_sum'),
    ] -%}
    {%- if model_type != 'binary_classifier' -%}
        {%- set metrics = [metrics[0], metrics[1], metrics[3]] -%}
    {%- endif -%}
    {{ return({
        'loss': 'log_loss_term' if model_type == 'binary_classifier' else 'abs_error',
        'metrics': metrics,
        'sufficient': [
            ('n_events', 'count(*)'), ('n_errors', 'sum(is_error_flag)'), ('n_latency', 'count(latency_ms)'),
            ('latency_sum', corridor.exact_decimal_sum('latency_ms', 9)),
            ('latency_sq_sum', corridor.exact_decimal_sum('latency_ms * latency_ms', 9)),
            ('n_evaluated', 'sum(is_evaluable_flag)'), ('n_correct', 'sum(is_correct_flag)'),
            ('loss_sum', corridor.exact_decimal_sum('loss_term', 12)),
            ('loss_sq_sum', corridor.exact_decimal_sum('loss_term * loss_term', 12)),
        ],
        'weighted_sums': [
            ('w_events', 'sum(bootstrap_weight)'), ('w_errors', 'sum(bootstrap_weight * is_error_flag)'),
            ('w_latency', 'sum(case when latency_ms is not null then bootstrap_weight else 0 end)'),
            ('w_latency_sum', corridor.exact_decimal_sum('bootstrap_weight * latency_ms', 9)),
            ('w_evaluated', 'sum(bootstrap_weight * is_evaluable_flag)'),
            ('w_correct', 'sum(bootstrap_weight * is_correct_flag)'),
            ('w_loss_sum', corridor.exact_decimal_sum('bootstrap_weight * loss_term', 12)),
        ],
    }) }}
{% endmacro %}
