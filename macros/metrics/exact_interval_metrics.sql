{#-
    corridor.exact_interval_metrics(model_type): the metrics
    int_corridor__exact_intervals gives closed-form intervals for, as
    {'rates': [(metric, successes SQL, trials SQL), ...], 'means': [metric,
    ...]} over the counts and sums of int_corridor__production_window_stats:
    the rates error_rate, label_maturity and slow_request_rate, and for a
    binary classifier accuracy, precision, recall and f1 (f1 as its Jaccard
    index, turned back by corridor.f1_from_jaccard); the means latency_mean
    and log_loss, brier_score (binary classifier) or mae (regression).
-#}
{% macro exact_interval_metrics(model_type) -%}
    {{ return(adapter.dispatch('exact_interval_metrics', 'corridor')(model_type)) }}
{%- endmacro %}

{% macro default__exact_interval_metrics(model_type) -%}
    {%- set rates = [
        ('error_rate', 'n_errors', 'n_events'),
        ('label_maturity', 'n_labeled', 'n_events'),
        ('slow_request_rate', 'n_slow', 'n_latency'),
    ] -%}
    {%- if model_type == 'binary_classifier' -%}
        {%- do rates.extend([
            ('accuracy', 'n_true_positive + n_true_negative', 'n_evaluated'),
            ('precision', 'n_true_positive', 'n_true_positive + n_false_positive'),
            ('recall', 'n_true_positive', 'n_true_positive + n_false_negative'),
            ('f1', 'n_true_positive', 'n_true_positive + n_false_positive + n_false_negative'),
        ]) -%}
    {%- endif -%}
    {{ return({
        'rates': rates,
        'means': ['latency_mean', 'log_loss', 'brier_score'] if model_type == 'binary_classifier' else ['latency_mean', 'mae'],
    }) }}
{%- endmacro %}
