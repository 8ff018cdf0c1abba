{#-
    corridor.label_free_sql_metrics(): the metrics the SQL path of the
    label-free estimate gives (int_corridor__label_free_estimates_sql), in
    its order: accuracy, precision, recall, f1, auc.
-#}
{% macro label_free_sql_metrics() -%}
    {{ return(adapter.dispatch('label_free_sql_metrics', 'corridor')()) }}
{%- endmacro %}

{% macro default__label_free_sql_metrics() -%}
    {{ return(['accuracy', 'precision', 'recall', 'f1', 'auc']) }}
{%- endmacro %}
