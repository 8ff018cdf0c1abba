{#-
    corridor.input_column_rows(input_names): the columns of each configured input
    relation as it stands in the warehouse, one (input_name, relation,
    column_name, data_type, position) tuple per column, names and types lower
    case. Empty while dbt only compiles or parses (no relation is read then) and
    for an input that is not configured or not built.
-#}
{% macro input_column_rows(input_names) %}
    {%- set rows = [] -%}
    {%- for input_name in input_names -%}
        {%- set relation = corridor.input_relation(input_name) -%}
        {%- if relation is not none and execute and flags.WHICH not in ['compile', 'docs', 'list', 'ls', 'parse'] -%}
            {%- set found = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
            {%- if found is not none -%}
                {%- for col in adapter.get_columns_in_relation(found) -%}
                    {%- do rows.append((input_name, relation | string, col.name | lower, col.dtype | lower, loop.index)) -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(rows) }}
{% endmacro %}
