{#-
    corridor.drop_python_staging_tables(relation): SQL that drops the tables
    dbt-duckdb (1.11) leaves behind after an incremental run of a Python
    model. It stages the model's rows in a table named
    <identifier>__dbt_tmp<timestamp> in the connection's default schema
    (not a temporary table, and not in the model's schema) and never drops
    it, so every incremental run of int_corridor__bootstrap_intervals would
    leave one table of its changed rows behind. Used in that model's
    post-hook, after the rows were merged; an empty statement when there is
    none (and at parse time).
-#}
{% macro drop_python_staging_tables(relation) %}
    {{ return(adapter.dispatch('drop_python_staging_tables', 'corridor')(relation)) }}
{% endmacro %}

{% macro default__drop_python_staging_tables(relation) %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set query -%}
        select table_schema, table_name
        from information_schema.tables
        where table_catalog = {{ corridor.sql_string(relation.database) }}
            and table_type = 'BASE TABLE'
            and starts_with(table_name, {{ corridor.sql_string(relation.identifier ~ '__dbt_tmp') }})
    {%- endset -%}
    {%- set statements = [] -%}
    {%- for row in run_query(query).rows -%}
        {%- do statements.append('drop table if exists ' ~ adapter.quote(relation.database) ~ '.' ~ adapter.quote(row[0]) ~ '.'
            ~ adapter.quote(row[1])) -%}
    {%- endfor -%}
    {{ return(statements | join(';\n')) }}
{% endmacro %}
