{#-
    corridor.offline_evaluation_predictions(model_type): the select-list items
    giving an offline evaluation row its prediction in production's shape,
    each followed by a comma: binary classifier, predicted_score and the class
    given or the score at corridor_classification_threshold (as
    int_corridor__events_enriched does); regression, predicted_value as
    predicted_score and a null predicted_class.
-#}
{% macro offline_evaluation_predictions(model_type) -%}
    {{ return(adapter.dispatch('offline_evaluation_predictions', 'corridor')(model_type)) }}
{%- endmacro %}

{% macro default__offline_evaluation_predictions(model_type) -%}
    {%- if model_type == 'binary_classifier' -%}
        predicted_score,
        coalesce(
            predicted_class, case when predicted_score >= {{ corridor.setting('corridor_classification_threshold') }} then 1 else 0 end
        ) as predicted_class,
    {%- else -%}
        predicted_value as predicted_score,
        cast(null as {{ dbt.type_int() }}) as predicted_class,
    {%- endif -%}
{%- endmacro %}
