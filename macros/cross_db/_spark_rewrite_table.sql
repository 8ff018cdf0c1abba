{#-
    corridor._spark_rewrite_table(relation, select_sql): replace the rows of a
    Spark table by the rows of select_sql (which may read the table itself),
    through a staging parquet table: Spark refuses to overwrite a table in the
    statement that reads it. The staging table is dropped afterwards (and
    before, should an earlier run have died between the two statements).
    Private helper of corridor.delete_rows and corridor.update_rows.
-#}
{% macro _spark_rewrite_table(relation, select_sql) %}
    {%- set staging = relation.incorporate(path={'identifier': relation.identifier ~ '__corridor_rewrite'}) -%}
    {%- do run_query('drop table if exists ' ~ staging) -%}
    {%- do run_query('create table ' ~ staging ~ ' using parquet as ' ~ select_sql) -%}
    {%- do run_query('insert overwrite table ' ~ relation ~ ' select * from ' ~ staging) -%}
    {%- do run_query('drop table if exists ' ~ staging) -%}
{% endmacro %}
