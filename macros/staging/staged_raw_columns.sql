{#-
    corridor.staged_raw_columns(input_name, columns): the select-list items
    that pass an input's row through as it arrived (corridor.raw_columns:
    raw__1, raw__2, ..., the entity id already pseudonymized), each followed
    by a comma (the call sits inside a select list). `columns` is what
    corridor.resolve_input_columns returned for the input.
-#}
{% macro staged_raw_columns(input_name, columns) -%}
    {{ return(adapter.dispatch('staged_raw_columns', 'corridor')(input_name, columns)) }}
{%- endmacro %}

{% macro default__staged_raw_columns(input_name, columns) -%}
    {%- for key, staged, expr in corridor.raw_columns(input_name, columns) %}
        {{ expr }} as {{ staged }},
    {%- endfor %}
{%- endmacro %}
