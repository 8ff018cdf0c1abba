{#-
    corridor.select_columns(names, relation=none): the column names (qualified
    `<relation>.<name>` when a relation is given), each followed by a comma
    (the call sits inside a select or group-by list, before its last item),
    e.g. the segment columns of corridor.segment_column_names; nothing for an
    empty list.
-#}
{% macro select_columns(names, relation=none) -%}
    {{ return(adapter.dispatch('select_columns', 'corridor')(names, relation)) }}
{%- endmacro %}

{% macro default__select_columns(names, relation) -%}
    {%- set items = [] -%}
    {%- for name in names -%}{%- do items.append((relation ~ '.' if relation else '') ~ name ~ ',') -%}{%- endfor -%}
    {{ return(items | join('\n        ')) }}
{%- endmacro %}
