{#-
    corridor.enriched_prediction_columns(model_type, threshold): the
    select-list items predicted_score and predicted_class of
    int_corridor__events_enriched, each followed by a comma (the call sits
    inside a select list). A binary classifier keeps its score and its
    class, the class defaulting to score >= `threshold` (setting
    corridor_classification_threshold) when the input gives none; a
    regression model stores its predicted value as predicted_score and a
    null class. Reads the columns predicted_score, predicted_class and
    predicted_value.
-#}
{% macro enriched_prediction_columns(model_type, threshold) -%}
    {{ return(adapter.dispatch('enriched_prediction_columns', 'corridor')(model_type, threshold)) }}
{%- endmacro %}

{% macro default__enriched_prediction_columns(model_type, threshold) -%}
    {%- if model_type == 'binary_classifier' %}
        predicted_score,
        coalesce(predicted_class, case when predicted_score >= {{ threshold }} then 1 else 0 end) as predicted_class,
    {%- else %}
        predicted_value as predicted_score,
        cast(null as {{ dbt.type_int() }}) as predicted_class,
    {%- endif %}
{%- endmacro %}
