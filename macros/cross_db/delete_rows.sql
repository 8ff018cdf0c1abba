{#-
    corridor.delete_rows(relation, condition): delete the rows of a table for
    which the SQL condition is true (a statement run at once, from a hook or
    a macro; returns nothing). Rows where the condition is null are kept, as
    DELETE keeps them.
    - default (DuckDB, PostgreSQL, Databricks on Delta): `delete from`.
    - Spark on parquet (no Delta, no DELETE): the rows kept are copied to a
      staging table and written back with `insert overwrite`
      (corridor._spark_rewrite_table); nothing is rewritten when no row
      matches. Cost: one copy of the table, so keep it to the small audit
      tables (docs/engines.md).
-#}
{% macro delete_rows(relation, condition) %}
    {{ return(adapter.dispatch('delete_rows', 'corridor')(relation, condition)) }}
{% endmacro %}

{% macro default__delete_rows(relation, condition) %}
    {%- do run_query('delete from ' ~ relation ~ ' where ' ~ condition) -%}
{% endmacro %}

{% macro databricks__delete_rows(relation, condition) %}
    {%- do corridor.default__delete_rows(relation, condition) -%}
{% endmacro %}

{% macro spark__delete_rows(relation, condition) %}
    {#- nothing to do while dbt parses (a hook calling it is rendered then too) -#}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set matching = run_query('select count(*) from ' ~ relation ~ ' where ' ~ condition).columns[0].values()[0] -%}
    {%- if (matching | int) > 0 -%}
        {%- do corridor._spark_rewrite_table(relation, 'select * from ' ~ relation ~ ' where not coalesce(' ~ condition ~ ', false)') -%}
    {%- endif -%}
{% endmacro %}
