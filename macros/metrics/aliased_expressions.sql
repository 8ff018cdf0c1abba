{#-
    corridor.aliased_expressions(pairs): the select-list items
    `<expression> as <name>` for a list of (name, expression, ...) tuples
    (further items ignored; e.g. the sufficient statistics of
    corridor.sql_bootstrap_statistics, the additive measures of
    corridor.production_window_measures), separated by commas (none after
    the last).
-#}
{% macro aliased_expressions(pairs) -%}
    {{ return(adapter.dispatch('aliased_expressions', 'corridor')(pairs)) }}
{%- endmacro %}

{% macro default__aliased_expressions(pairs) -%}
    {%- set items = [] -%}
    {%- for pair in pairs -%}{%- do items.append(pair[1] ~ ' as ' ~ pair[0]) -%}{%- endfor -%}
    {{ return(items | join(',\n        ')) }}
{%- endmacro %}
