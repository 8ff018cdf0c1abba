{#-
    corridor.metric_name_rows(metrics): a select of one row per metric name,
    column metric, on one line: `select '<m1>' as metric union all select
    '<m2>' as metric ...`.
-#}
{% macro metric_name_rows(metrics) -%}
    {{ return(adapter.dispatch('metric_name_rows', 'corridor')(metrics)) }}
{%- endmacro %}

{% macro default__metric_name_rows(metrics) -%}
    {{ return("select '" ~ metrics | join("' as metric union all select '") ~ "' as metric") }}
{%- endmacro %}
