{#
    corridor.validate_config_identifiers(): refuse, when dbt parses the
    project (before any SQL runs), configuration values that would reach SQL
    as identifiers without quoting:
    - var corridor_schema (dbt renders it into `create schema`): a plain
      identifier, [A-Za-z_][A-Za-z0-9_]*, at most 63 characters;
    - the `relation:` of each input var (schema.table or
      database.schema.table; dbt renders it unquoted into `describe` and
      `select ... from`): each part a plain identifier. For a relation whose
      name needs quoting, declare it as a dbt source (with quoting) and map
      `source: [<source>, <table>]`.
    Called from a model of the package at parse time, so a bad value fails
    every dbt command, with a message naming the var. Other values that
    reach SQL are quoted where they are used (corridor.sql_string for values,
    corridor.quote_identifier for column names) or validated by
    corridor.setting().
#}
{% macro validate_config_identifiers() %}
    {{ return(adapter.dispatch('validate_config_identifiers', 'corridor')()) }}
{% endmacro %}

{% macro default__validate_config_identifiers() %}
    {%- set plain = '[A-Za-z_][A-Za-z0-9_]{0,62}' -%}
    {%- set schema = corridor.setting('corridor_schema') -%}
    {%- if schema is not none and not modules.re.fullmatch(plain, schema | string) -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_schema' is " ~ tojson(schema | string) ~ "; it must be a plain schema "
            "name (letters, digits and _, starting with a letter or _, at most 63 characters) or null. It is rendered into `create "
            "schema`, so anything else could run as SQL.") }}
    {%- endif -%}
    {%- for input_name, defaults in corridor._corridor_input_defaults().items() -%}
        {%- set user = var(defaults['var'], none) -%}
        {%- if user is mapping and user.get('relation') is not none -%}
            {%- set relation = user.get('relation') -%}
            {%- set parts = (relation | string).split('.') -%}
            {%- set bad = [] -%}
            {%- for part in parts if not modules.re.fullmatch(plain, part) -%}
                {%- do bad.append(part) -%}
            {%- endfor -%}
            {%- if relation is not string or bad or parts | length > 3 -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ defaults['var'] ~ ".relation' is " ~ tojson(relation | string) ~ "; "
                    "it must be table, schema.table or database.schema.table made of plain identifiers (letters, digits and _). For a "
                    "relation whose name needs quoting, declare it as a dbt source and map source: [<source name>, <table name>].") }}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
