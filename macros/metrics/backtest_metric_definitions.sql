{#
    corridor.backtest_metric_definitions(from_rows=false, from_histograms=false): the
    specs of corridor.metric_definitions (for corridor_model_type) that the
    backtest gives: with from_rows those its rows give (`from_rows`), with
    from_histograms those its score histograms give (`from_histograms`),
    in corridor.metric_definitions' order, less the metrics whose
    production-events column is not mapped (corridor.unmapped_metrics), as
    production leaves them out. The one selection of the offline evaluation
    and offline feature-adjusted models.
#}
{% macro backtest_metric_definitions(from_rows=false, from_histograms=false) -%}
    {{ return(adapter.dispatch('backtest_metric_definitions', 'corridor')(from_rows, from_histograms)) }}
{%- endmacro %}

{% macro default__backtest_metric_definitions(from_rows, from_histograms) -%}
    {%- set unmapped = corridor.unmapped_metrics() -%}
    {%- set metrics = [] -%}
    {%- for m in corridor.metric_definitions(corridor.setting('corridor_model_type')) -%}
        {%- if ((from_rows and m.get('from_rows')) or (from_histograms and m.get('from_histograms'))) and m['name'] not in unmapped -%}
            {%- do metrics.append(m) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(metrics) }}
{%- endmacro %}
