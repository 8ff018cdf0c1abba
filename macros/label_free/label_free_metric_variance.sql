{#-
    corridor.label_free_metric_variance(metric, label_variances,
    map_variances): a case expression giving, for the metric named in the
    column `metric`, the variance of its estimate: the labels' part
    (`<label_variances>.label_variance_<metric>`,
    corridor.label_free_label_variances) plus the calibration map's
    (`<map_variances>.map_variance_<metric>`, corridor.label_free_map_variances).
-#}
{% macro label_free_metric_variance(metric, label_variances, map_variances) -%}
    {{ return(adapter.dispatch('label_free_metric_variance', 'corridor')(metric, label_variances, map_variances)) }}
{%- endmacro %}

{% macro default__label_free_metric_variance(metric, label_variances, map_variances) -%}
    case
            {%- for m in corridor.label_free_sql_metrics() %}
            when {{ metric }} = {{ corridor.sql_string(m) }} then {{ label_variances }}.label_variance_{{ m }} + {{
                map_variances }}.map_variance_{{ m }}
            {%- endfor %}
        end
{%- endmacro %}
