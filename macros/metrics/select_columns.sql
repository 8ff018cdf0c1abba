{#-
    corridor.select_columns(names): the column names, each followed by a
    comma (the call sits inside a select or group-by list, before its last
    item), e.g. the segment columns of corridor.segment_column_names;
    nothing for an empty list.
-#}
{% macro select_columns(names) -%}
    {{ return(adapter.dispatch('select_columns', 'corridor')(names)) }}
{%- endmacro %}

{% macro default__select_columns(names) -%}
    {%- set items = [] -%}
    {%- for name in names -%}{%- do items.append(name ~ ',') -%}{%- endfor -%}
    {{ return(items | join('\n        ')) }}
{%- endmacro %}
