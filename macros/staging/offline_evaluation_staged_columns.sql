{#-
    corridor.offline_evaluation_staged_columns(): the contract columns of the
    offline evaluation input (docs/offline-evaluation.md) as
    stg_corridor__offline_evaluation stages them: {'text': the keys staged
    as trimmed text (evaluation_id, row_id, model_id, model_version),
    'typed': an ordered mapping key -> the SQL type each of the others is
    parsed to (predicted_score, predicted_class, predicted_value, label,
    weight)}.
-#}
{% macro offline_evaluation_staged_columns() -%}
    {{ return(adapter.dispatch('offline_evaluation_staged_columns', 'corridor')()) }}
{%- endmacro %}

{% macro default__offline_evaluation_staged_columns() -%}
    {%- set double = corridor.type_double() -%}
    {{ return({
        'text': ['evaluation_id', 'row_id', 'model_id', 'model_version'],
        'typed': {'predicted_score': double, 'predicted_class': dbt.type_int(), 'predicted_value': double, 'label': double,
            'weight': double},
    }) }}
{%- endmacro %}
