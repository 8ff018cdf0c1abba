{#-
    corridor.production_metric_definitions(): the metrics
    int_corridor__production_metrics computes, corridor.metric_definitions
    for setting corridor_model_type (shared with the offline_evaluation
    source) less the metrics whose production-events column is not mapped
    (corridor.unmapped_metrics).
-#}
{% macro production_metric_definitions() -%}
    {{ return(adapter.dispatch('production_metric_definitions', 'corridor')()) }}
{%- endmacro %}

{% macro default__production_metric_definitions() -%}
    {%- set unmapped = corridor.unmapped_metrics() -%}
    {{ return(corridor.metric_definitions(corridor.setting('corridor_model_type'))
        | rejectattr('name', 'in', unmapped.keys() | list) | list) }}
{%- endmacro %}
