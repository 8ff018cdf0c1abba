{#-
    corridor.scenario_latency_quantiles(): the latency quantiles a scenario
    cell records before and after its injection, {metric: position in the
    cell's quantiles_before / quantiles_after arrays}.
-#}
{% macro scenario_latency_quantiles() -%}
    {{ return(adapter.dispatch('scenario_latency_quantiles', 'corridor')()) }}
{%- endmacro %}

{% macro default__scenario_latency_quantiles() -%}
    {{ return({'latency_p50': 1, 'latency_p95': 2, 'latency_p99': 3}) }}
{%- endmacro %}
