{#-
    corridor.production_window_measures(): what int_corridor__production_window_stats
    sums per window cell, as {'additive': [(name, aggregate, rollup)], 'large':
    [(name, expression, decimals)]}. The additive measures roll up to coarser
    cells with their rollup (sum, min, max). The label metrics' statistics are
    defined once (corridor.label_metric_statistics); unbounded terms
    (latencies, regression errors and their squares: `large`) are summed
    exactly as two decimal parts (corridor.exact_sum_parts, `<name>__high` and
    `<name>__low`), so no valid value overflows a decimal. `n_slow` counts
    the latencies strictly above setting corridor_slow_request_ms (metric
    slow_request_rate).
-#}
{% macro production_window_measures() %}
    {%- set additive = [
        ('n_events', 'count(*)', 'sum'),
        ('n_errors', 'sum(case when is_error then 1 else 0 end)', 'sum'),
        ('n_latency', 'count(latency_ms)', 'sum'),
        ('n_labeled', 'sum(case when has_label then 1 else 0 end)', 'sum'),
        ('first_event_at', 'min(event_at)', 'min'),
        ('last_event_at', 'max(event_at)', 'max'),
        ('n_slow', 'sum(case when latency_ms > ' ~ corridor.setting('corridor_slow_request_ms') ~ ' then 1 else 0 end)', 'sum'),
    ] -%}
    {%- set large = [
        ('latency_sum', 'latency_ms', 9),
        ('latency_sum_squares', 'latency_ms * latency_ms', 9),
    ] -%}
    {%- for name, expr, kind, decimals in corridor.label_metric_statistics() -%}
        {%- if kind == 'count' -%}
            {%- do additive.insert(loop.index0 + 4, (name, 'sum(case when ' ~ expr ~ ' then 1 else 0 end)', 'sum')) -%}
        {%- elif kind == 'sum' -%}
            {%- do additive.insert(loop.index0 + 4, (name, corridor.exact_decimal_sum(expr, decimals), 'sum')) -%}
        {%- else -%}
            {%- do large.append((name, expr, decimals)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for name, expr, decimals in large -%}
        {%- set parts = corridor.exact_sum_parts(expr, decimals) -%}
        {%- do additive.append((name ~ '__high', parts[0], 'sum')) -%}
        {%- do additive.append((name ~ '__low', parts[1], 'sum')) -%}
    {%- endfor -%}
    {{ return({'additive': additive, 'large': large}) }}
{% endmacro %}
