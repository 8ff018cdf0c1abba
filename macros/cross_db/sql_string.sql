{#-
    corridor.sql_string(value): a SQL string literal for a configuration value
    (relation names, metric and segment names, owners), with single quotes
    doubled and backslashes kept literal, so a name containing quotes,
    semicolons or SQL text stays data and never runs as SQL.
-#}
{% macro sql_string(value) -%}
    {{ return(adapter.dispatch('sql_string', 'corridor')(value)) }}
{%- endmacro %}

{% macro default__sql_string(value) -%}
    {%- if value is none -%}null{%- else -%}'{{ (value | string).replace("'", "''") }}'{%- endif -%}
{%- endmacro %}

{% macro spark__sql_string(value) -%}
    {%- if value is none -%}null{%- else -%}'{{ (value | string).replace('\\', '\\\\').replace("'", "\\'") }}'{%- endif -%}
{%- endmacro %}
