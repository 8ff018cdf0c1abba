{#-
    corridor.replay_label_metrics(): the specs of corridor.metric_definitions
    (for the model type, without the metrics the project leaves unmapped)
    that depend on labels (corridor.label_dependent_metrics): the metrics the
    replay recomputes from the labels arrived as of each point, from the
    as-of window statistics (int_corridor__replay_label_stats) or, for those
    marked from_histograms (AUC, expected calibration error), the as-of score
    histograms (int_corridor__replay_histogram_metrics).
-#}
{% macro replay_label_metrics() %}
    {%- set unmapped = corridor.unmapped_metrics().keys() | list -%}
    {{ return(corridor.metric_definitions(corridor.setting('corridor_model_type'))
        | selectattr('name', 'in', corridor.label_dependent_metrics())
        | rejectattr('name', 'in', unmapped) | list) }}
{% endmacro %}
