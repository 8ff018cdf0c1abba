{#- corridor.array_element(array_expr, position): 1-based element access. -#}

{% macro array_element(array_expr, position) %}
    {{ return(adapter.dispatch('array_element', 'corridor')(array_expr, position)) }}
{% endmacro %}

{% macro default__array_element(array_expr, position) -%}
    ({{ array_expr }})[{{ position }}]
{%- endmacro %}

{% macro spark__array_element(array_expr, position) -%}
    element_at({{ array_expr }}, {{ position }})
{%- endmacro %}
