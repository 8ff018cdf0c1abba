{#-
    corridor.unmapped_metrics(): the metrics corridor cannot compute because
    the production-events column they read is not mapped, as {metric: column}:
    latency_mean, latency_p50/p95/p99 and slow_request_rate without latency_ms, error_rate
    without is_error. They are left out of corridor.metric_catalogue(), of the
    production metrics and intervals, and of the quality gates (no metric, no
    gate, nothing faked); a rule naming one is reported as `unmapped_metric`.
-#}
{% macro unmapped_metrics() %}
    {{ return(adapter.dispatch('unmapped_metrics', 'corridor')()) }}
{% endmacro %}

{% macro default__unmapped_metrics() %}
    {%- set columns = corridor.input_config('production_events')['columns'] -%}
    {%- set unmapped = {} -%}
    {%- if columns.get('latency_ms') is none -%}
        {%- for metric in ['latency_mean', 'latency_p50', 'latency_p95', 'latency_p99', 'slow_request_rate'] -%}
            {%- do unmapped.update({metric: 'latency_ms'}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if columns.get('is_error') is none -%}
        {%- do unmapped.update({'error_rate': 'is_error'}) -%}
    {%- endif -%}
    {{ return(unmapped) }}
{% endmacro %}
