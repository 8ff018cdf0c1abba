{#-
    corridor.latency_scaled_branches(metric, value, cells): the `when`
    branches of a case expression that scale a latency check's recorded value
    (latency_p50, latency_p95, latency_p99, latency_mean) by its scenario
    cell's ratio: `when <metric> = '<m>' then <value> * coalesce(<cells>.<m>_ratio, 1)`,
    one a line. `metric` and `value` are the check's columns, `cells` the
    relation with the ratios of corridor.latency_ratio_columns.
-#}
{% macro latency_scaled_branches(metric, value, cells) -%}
    {{ return(adapter.dispatch('latency_scaled_branches', 'corridor')(metric, value, cells)) }}
{%- endmacro %}

{% macro default__latency_scaled_branches(metric, value, cells) -%}
    {%- for m in corridor.scenario_latency_quantiles().keys() | list + ['latency_mean'] -%}
            when {{ metric }} = {{ corridor.sql_string(m) }} then {{ value }} * coalesce({{ cells }}.{{ m }}_ratio, 1)
            {%- if not loop.last %}
            {% endif -%}
    {%- endfor -%}
{%- endmacro %}
