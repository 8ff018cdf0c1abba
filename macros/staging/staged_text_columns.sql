{#-
    corridor.staged_text_columns(columns, keys): the select-list items that
    stage the given keys of an input as trimmed text (blank = null; a null
    when the key is not mapped), `nullif(trim(cast(<column> as text)), '') as
    <key>`, each followed by a comma (the call sits inside a select list).
    `columns` is what corridor.resolve_input_columns returned.
-#}
{% macro staged_text_columns(columns, keys) -%}
    {{ return(adapter.dispatch('staged_text_columns', 'corridor')(columns, keys)) }}
{%- endmacro %}

{% macro default__staged_text_columns(columns, keys) -%}
    {%- for key in keys %}
        nullif(trim(cast({{ columns[key] or 'null' }} as {{ dbt.type_string() }})), '') as {{ key }},
    {%- endfor %}
{%- endmacro %}
