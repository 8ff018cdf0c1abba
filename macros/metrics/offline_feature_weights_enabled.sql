{#-
    corridor.offline_feature_weights_enabled(features): whether
    int_corridor__offline_feature_weights computes importance weights: some
    feature is configured (`features`: corridor.feature_columns()) and both
    the offline evaluation input and the reference features input are on.
    Otherwise the model is an empty relation with its columns
    (corridor.empty_offline_feature_weights).
-#}
{% macro offline_feature_weights_enabled(features) -%}
    {{ return(adapter.dispatch('offline_feature_weights_enabled', 'corridor')(features)) }}
{%- endmacro %}

{% macro default__offline_feature_weights_enabled(features) -%}
    {{ return(features | length > 0 and corridor.input_config('offline_evaluation')['enabled']
        and corridor.input_config('reference_features')['enabled']) }}
{%- endmacro %}
