{#-
    corridor.rollup_columns(measures): the select-list items
    `<rollup>(<name>) as <name>` for a list of (name, expression, rollup)
    triples (corridor.production_window_measures()['additive']: the rollup is
    the aggregate that combines a measure's fine cells, sum, min or max),
    separated by commas (none after the last).
-#}
{% macro rollup_columns(measures) -%}
    {{ return(adapter.dispatch('rollup_columns', 'corridor')(measures)) }}
{%- endmacro %}

{% macro default__rollup_columns(measures) -%}
    {%- set items = [] -%}
    {%- for name, expr, rollup in measures -%}{%- do items.append(rollup ~ '(' ~ name ~ ') as ' ~ name) -%}{%- endfor -%}
    {{ return(items | join(',\n        ')) }}
{%- endmacro %}
