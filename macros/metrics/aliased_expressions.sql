{#-
    corridor.aliased_expressions(pairs): the select-list items
    `<expression> as <name>` for a list of (name, expression) pairs (e.g. the
    sufficient statistics of corridor.sql_bootstrap_statistics), separated by
    commas (none after the last).
-#}
{% macro aliased_expressions(pairs) -%}
    {{ return(adapter.dispatch('aliased_expressions', 'corridor')(pairs)) }}
{%- endmacro %}

{% macro default__aliased_expressions(pairs) -%}
    {%- set items = [] -%}
    {%- for name, expr in pairs -%}{%- do items.append(expr ~ ' as ' ~ name) -%}{%- endfor -%}
    {{ return(items | join(',\n        ')) }}
{%- endmacro %}
