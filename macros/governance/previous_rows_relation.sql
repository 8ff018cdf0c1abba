{#-
    An incremental model that rewrites rows it wrote before (it reads its
    previous rows from {{ this }} and writes them back changed) needs the
    engine to replace rows of a table in the statement that reads it:
    - default (DuckDB, PostgreSQL, Databricks on Delta): delete+insert or
      merge read {{ this }} directly; nothing is staged.
    - Spark on parquet (no merge; Spark refuses to overwrite a table in the
      statement that reads it): a pre-hook copies the table to a staging
      parquet table, the model reads its previous rows from the copy and
      the whole table is written back with insert_overwrite (so the model
      must select every row the table keeps); a post-hook drops the copy.
    corridor.previous_rows_relation(relation): where to read the previous
    rows. corridor.stage_previous_rows(relation) /
    corridor.drop_previous_rows(relation): the hooks (statements run at
    once; they render to nothing).
-#}
{% macro previous_rows_relation(relation) %}
    {{ return(adapter.dispatch('previous_rows_relation', 'corridor')(relation)) }}
{% endmacro %}

{% macro default__previous_rows_relation(relation) %}
    {{ return(relation) }}
{% endmacro %}

{% macro spark__previous_rows_relation(relation) %}
    {{ return(relation.incorporate(path={'identifier': relation.identifier ~ '__corridor_previous'})) }}
{% endmacro %}
