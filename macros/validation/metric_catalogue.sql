{#-
    corridor.metric_catalogue(): the production metrics corridor computes for
    the configured model type, each with its family (how its uncertainty is
    obtained; `ratio`: F1, a monotone function of a binomial proportion, with
    a delta-method standard error and a transformed interval) and its range. Rules may only name these metrics; the rules
    registry check reports any other name as `unknown_metric`.
-#}
{% macro metric_catalogue() %}
    {%- set common = {
        'request_count': {'family': 'count', 'lower': 0, 'upper': none},
        'throughput_per_hour': {'family': 'count', 'lower': 0, 'upper': none},
        'error_rate': {'family': 'rate', 'lower': 0, 'upper': 1},
        'latency_mean': {'family': 'mean', 'lower': 0, 'upper': none},
        'latency_p50': {'family': 'quantile', 'lower': 0, 'upper': none},
        'latency_p95': {'family': 'quantile', 'lower': 0, 'upper': none},
        'latency_p99': {'family': 'quantile', 'lower': 0, 'upper': none},
        'slow_request_rate': {'family': 'rate', 'lower': 0, 'upper': 1},
        'label_maturity': {'family': 'rate', 'lower': 0, 'upper': 1},
    } -%}
    {%- if corridor.setting('corridor_model_type') == 'binary_classifier' -%}
        {%- do common.update({
            'accuracy': {'family': 'rate', 'lower': 0, 'upper': 1},
            'precision': {'family': 'rate', 'lower': 0, 'upper': 1},
            'recall': {'family': 'rate', 'lower': 0, 'upper': 1},
            'f1': {'family': 'ratio', 'lower': 0, 'upper': 1},
            'auc': {'family': 'rank', 'lower': 0, 'upper': 1},
            'log_loss': {'family': 'mean', 'lower': 0, 'upper': none},
            'brier_score': {'family': 'mean', 'lower': 0, 'upper': 1},
            'expected_calibration_error': {'family': 'binned', 'lower': 0, 'upper': 1},
        }) -%}
    {%- else -%}
        {%- do common.update({
            'mae': {'family': 'mean', 'lower': 0, 'upper': none},
            'rmse': {'family': 'root_mean', 'lower': 0, 'upper': none},
        }) -%}
    {%- endif -%}
    {%- set available = {} -%}
    {%- set unmapped = corridor.unmapped_metrics() -%}
    {%- for name, spec in common.items() -%}
        {%- if name not in unmapped -%}
            {%- do available.update({name: spec}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(available) }}
{% endmacro %}
