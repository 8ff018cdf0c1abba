{#-
    corridor.value_when_branches(mapping): the `when` branches of a simple SQL
    case (`case <column> when ... end`) mapping each key of `mapping` to its
    value, both as SQL string literals (corridor.sql_string, escaped), one per
    line in the mapping's order, e.g. a severity to its dbt severity (var
    corridor_severity_levels).
-#}
{% macro value_when_branches(mapping) -%}
    {{ return(adapter.dispatch('value_when_branches', 'corridor')(mapping)) }}
{%- endmacro %}

{% macro default__value_when_branches(mapping) -%}
    {%- for key, value in mapping.items() %}
            when {{ corridor.sql_string(key) }} then {{ corridor.sql_string(value) }}
    {%- endfor %}
{%- endmacro %}
