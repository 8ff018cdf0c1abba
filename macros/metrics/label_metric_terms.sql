{#
    corridor.label_metric_terms(model_type, predicted_score, label): the
    per-row terms the label metrics are summed from, as SQL select-list
    items: log_loss_term and brier_term for a binary classifier (the score
    clipped to [1e-15, 1 - 1e-15] for log loss, as scikit-learn does),
    abs_error and squared_error for regression (`predicted_score` is then
    the predicted value); the others null. Shared by production
    (corridor.event_terms) and the backtest rows
    (int_corridor__offline_evaluation_rows), so both compute the same
    metric from the same definition.
#}
{% macro label_metric_terms(model_type, predicted_score, label) -%}
    {{ return(adapter.dispatch('label_metric_terms', 'corridor')(model_type, predicted_score, label)) }}
{%- endmacro %}

{% macro default__label_metric_terms(model_type, predicted_score, label) -%}
    {%- set double = corridor.type_double() -%}
    {%- set clipped = 'least(greatest(' ~ predicted_score ~ ', 1e-15), 1 - 1e-15)' -%}
    {%- if model_type == 'binary_classifier' -%}
        -({{ label }} * ln({{ clipped }}) + (1 - {{ label }}) * ln(1 - {{ clipped }})) as log_loss_term,
        ({{ predicted_score }} - {{ label }}) * ({{ predicted_score }} - {{ label }}) as brier_term,
        cast(null as {{ double }}) as abs_error,
        cast(null as {{ double }}) as squared_error
    {%- else -%}
        cast(null as {{ double }}) as log_loss_term,
        cast(null as {{ double }}) as brier_term,
        abs({{ predicted_score }} - {{ label }}) as abs_error,
        ({{ predicted_score }} - {{ label }}) * ({{ predicted_score }} - {{ label }}) as squared_error
    {%- endif -%}
{%- endmacro %}
