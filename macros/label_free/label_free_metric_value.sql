{#-
    corridor.label_free_metric_value(metric, points): a case expression
    picking, for the metric named in the column `metric`, its point estimate
    from the relation `points` (a column per metric of
    corridor.label_free_sql_metrics()).
-#}
{% macro label_free_metric_value(metric, points) -%}
    {{ return(adapter.dispatch('label_free_metric_value', 'corridor')(metric, points)) }}
{%- endmacro %}

{% macro default__label_free_metric_value(metric, points) -%}
    case
            {%- for m in corridor.label_free_sql_metrics() %}
            when {{ metric }} = {{ corridor.sql_string(m) }} then {{ points }}.{{ m }}
            {%- endfor %}
        end
{%- endmacro %}
