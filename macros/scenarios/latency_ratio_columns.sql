{#-
    corridor.latency_ratio_columns(quantiles_after, quantiles_before): the
    select-list items latency_p50_ratio, latency_p95_ratio and
    latency_p99_ratio of a scenario cell, the quantile after the injection
    over the one before (null when that is 0), read from the array columns
    `quantiles_after` and `quantiles_before` (p50, p95, p99 in that order),
    each followed by a comma (the call sits inside a select list).
-#}
{% macro latency_ratio_columns(quantiles_after, quantiles_before) -%}
    {{ return(adapter.dispatch('latency_ratio_columns', 'corridor')(quantiles_after, quantiles_before)) }}
{%- endmacro %}

{% macro default__latency_ratio_columns(quantiles_after, quantiles_before) -%}
    {%- for metric, position in corridor.scenario_latency_quantiles().items() -%}
        {{ corridor.array_element(quantiles_after, position) }} / nullif({{ corridor.array_element(quantiles_before, position) }}, 0)
            as {{ metric }}_ratio,
        {%- if not loop.last %}
        {% endif -%}
    {%- endfor -%}
{%- endmacro %}
