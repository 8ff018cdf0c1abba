{#-
    corridor.quote_identifier(name): a quoted SQL identifier for a column or
    relation name taken from configuration, with embedded double quotes
    doubled, so a name containing quotes, semicolons or SQL text stays a
    name and never runs as SQL (adapter.quote does not escape).
-#}
{% macro quote_identifier(name) -%}
    {{ return(adapter.dispatch('quote_identifier', 'corridor')(name)) }}
{%- endmacro %}

{% macro default__quote_identifier(name) -%}
    {{ return('"' ~ (name | string).replace('"', '""') ~ '"') }}
{%- endmacro %}

{% macro spark__quote_identifier(name) -%}
    {{ return('`' ~ (name | string).replace('`', '``') ~ '`') }}
{%- endmacro %}
