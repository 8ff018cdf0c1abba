{#-
    corridor.cast_columns(names, type, relation): the select-list items
    `cast(<relation>.<name> as <type>) as <name>` for each column name, each
    followed by a comma (the call sits inside a select list): the final
    typing of a model's columns.
-#}
{% macro cast_columns(names, type, relation) -%}
    {{ return(adapter.dispatch('cast_columns', 'corridor')(names, type, relation)) }}
{%- endmacro %}

{% macro default__cast_columns(names, type, relation) -%}
    {%- for name in names %}
        cast({{ relation }}.{{ name }} as {{ type }}) as {{ name }},
    {%- endfor %}
{%- endmacro %}
