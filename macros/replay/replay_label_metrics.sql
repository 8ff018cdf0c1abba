{#-
    corridor.replay_label_metrics(): the specs of corridor.metric_definitions
    (for the model type, without the metrics the project leaves unmapped)
    that depend on labels (corridor.label_dependent_metrics) and are
    computed from sufficient statistics: the metrics the replay recomputes
    from the labels arrived as of each point. AUC and expected calibration
    error (from score histograms) are not among them: the replay judges
    their windows once all labels had arrived (docs/replay.md).
-#}
{% macro replay_label_metrics() %}
    {%- set unmapped = corridor.unmapped_metrics().keys() | list -%}
    {{ return(corridor.metric_definitions(corridor.setting('corridor_model_type'))
        | selectattr('name', 'in', corridor.label_dependent_metrics())
        | rejectattr('name', 'in', unmapped)
        | rejectattr('from_histograms', 'defined') | list) }}
{% endmacro %}
