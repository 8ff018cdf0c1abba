{#-
    corridor.sum_columns(names): the select-list items `sum(<name>) as <name>`
    for each column name, separated by commas (none after the last): the
    re-aggregation of additive statistics to a coarser group.
-#}
{% macro sum_columns(names) -%}
    {{ return(adapter.dispatch('sum_columns', 'corridor')(names)) }}
{%- endmacro %}

{% macro default__sum_columns(names) -%}
    {%- set items = [] -%}
    {%- for name in names -%}{%- do items.append('sum(' ~ name ~ ') as ' ~ name) -%}{%- endfor -%}
    {{ return(items | join(',\n        ')) }}
{%- endmacro %}
