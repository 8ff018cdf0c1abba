{#
    corridor.is_number(expr): SQL true when the value, read as text, is a
    number (used to tell an HTTP status in an is_error column from other
    non-boolean values).
#}
{% macro is_number(expr) %}
    {{ return(adapter.dispatch('is_number', 'corridor')(expr)) }}
{% endmacro %}

{% macro default__is_number(expr) -%}
    ({{ corridor.try_cast('trim(cast(' ~ expr ~ ' as ' ~ dbt.type_string() ~ '))', corridor.type_double()) }} is not null)
{%- endmacro %}
