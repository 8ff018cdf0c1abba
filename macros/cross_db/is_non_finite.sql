{#- corridor.is_non_finite(expr): true when a double is NaN or +/- infinity (null stays null). -#}
{% macro is_non_finite(expr) -%}
    {{ return(adapter.dispatch('is_non_finite', 'corridor')(expr)) }}
{%- endmacro %}

{% macro default__is_non_finite(expr) -%}
    ({{ expr }} in (cast('NaN' as {{ corridor.type_double() }}), cast('Infinity' as {{ corridor.type_double() }}), cast('-Infinity'
        as {{ corridor.type_double() }})))
{%- endmacro %}

{% macro duckdb__is_non_finite(expr) -%}
    (isnan({{ expr }}) or isinf({{ expr }}))
{%- endmacro %}

{% macro spark__is_non_finite(expr) -%}
    (isnan({{ expr }}) or abs({{ expr }}) = double('infinity'))
{%- endmacro %}
