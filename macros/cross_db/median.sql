{#-
    corridor.median(expr): the aggregate median (linear interpolation between
    the two middle values for an even count, as numpy.median).
-#}
{% macro median(expr) %}
    {{ return(adapter.dispatch('median', 'corridor')(expr)) }}
{% endmacro %}

{% macro default__median(expr) -%}
    percentile_cont(0.5) within group (order by {{ expr }})
{%- endmacro %}

{% macro duckdb__median(expr) -%}
    quantile_cont({{ expr }}, 0.5)
{%- endmacro %}

{% macro spark__median(expr) -%}
    percentile({{ expr }}, 0.5)
{%- endmacro %}
