{#
    corridor.latency_quantile_fractions(): the exact latency quantiles every
    window carries, as (column name, fraction) pairs: p50, p95 and p99, and
    on either side of each the quantiles from which the production metrics
    estimate the density at the quantile (Siddiqui-Bloch-Gastwirth), hence
    its standard error. int_corridor__latency_quantiles computes them for the
    calendar windows, int_corridor__rolling_window_stats for the rolling ones.
#}
{% macro latency_quantile_fractions() %}
    {{ return(adapter.dispatch('latency_quantile_fractions', 'corridor')()) }}
{% endmacro %}

{% macro default__latency_quantile_fractions() %}
    {{ return([
        ('latency_p50', 0.5), ('latency_p95', 0.95), ('latency_p99', 0.99),
        ('latency_p50_below', 0.45), ('latency_p50_above', 0.55), ('latency_p95_below', 0.93),
        ('latency_p95_above', 0.97), ('latency_p99_below', 0.985), ('latency_p99_above', 0.995),
    ]) }}
{% endmacro %}
