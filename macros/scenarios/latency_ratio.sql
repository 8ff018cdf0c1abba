{#-
    corridor.latency_ratio(metric, cells): a case expression giving the ratio
    a scenario cell applied to a latency check (latency_p50, latency_p95,
    latency_p99, latency_mean): `<cells>.<metric>_ratio` (1 when null) for a
    check of a perturbed cell (`<cells>.scenario_id` not null), null
    otherwise. `metric` is the check's metric column, `cells` the relation
    with the ratios of corridor.latency_ratio_columns.
-#}
{% macro latency_ratio(metric, cells) -%}
    {{ return(adapter.dispatch('latency_ratio', 'corridor')(metric, cells)) }}
{%- endmacro %}

{% macro default__latency_ratio(metric, cells) -%}
    case
            {%- for m in corridor.scenario_latency_quantiles().keys() | list + ['latency_mean'] %}
            when {{ cells }}.scenario_id is not null and {{ metric }} = {{ corridor.sql_string(m) }}
                then coalesce({{ cells }}.{{ m }}_ratio, 1)
            {%- endfor %}
        end
{%- endmacro %}
