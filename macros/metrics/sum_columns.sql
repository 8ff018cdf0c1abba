{#-
    corridor.sum_columns(names, relation=none): the select-list items
    `sum(<name>) as <name>` for each column name (`sum(<relation>.<name>)`
    when a relation is given), separated by commas (none after the last):
    the re-aggregation of additive statistics to a coarser group.
-#}
{% macro sum_columns(names, relation=none) -%}
    {{ return(adapter.dispatch('sum_columns', 'corridor')(names, relation)) }}
{%- endmacro %}

{% macro default__sum_columns(names, relation) -%}
    {%- set items = [] -%}
    {%- for name in names -%}{%- do items.append('sum(' ~ (relation ~ '.' if relation else '') ~ name ~ ') as ' ~ name) -%}{%- endfor -%}
    {{ return(items | join(',\n        ')) }}
{%- endmacro %}
