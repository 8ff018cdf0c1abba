{#-
    corridor.weighted_statistic_sums(weights, cells, statistics): the
    select-list items that weight cell statistics, each followed by a comma
    (the call sits inside a select list): for each (name, expression) of
    `statistics` (corridor.weighted_label_statistics(...)['final']),
    `sum(<weights>.weight * <cells>.<name>) as <name>` and the sum with the
    squared weight, `<name>__w2`, which the weighted estimate's linearized
    error reads (corridor.weighted_metric_row_sql). `weights` and `cells`
    name the relations (the weights' column `weight`).
-#}
{% macro weighted_statistic_sums(weights, cells, statistics) -%}
    {{ return(adapter.dispatch('weighted_statistic_sums', 'corridor')(weights, cells, statistics)) }}
{%- endmacro %}

{% macro default__weighted_statistic_sums(weights, cells, statistics) -%}
    {%- for name, expression in statistics %}
        sum({{ weights }}.weight * {{ cells }}.{{ name }}) as {{ name }},
        sum({{ weights }}.weight * {{ weights }}.weight * {{ cells }}.{{ name }}) as {{ name }}__w2,
    {%- endfor %}
{%- endmacro %}
