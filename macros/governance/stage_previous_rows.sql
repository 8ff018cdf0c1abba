{#-
    corridor.stage_previous_rows(relation): the pre-hook of an incremental model
    that rewrites its own rows; on Spark it copies the table to
    corridor.previous_rows_relation(relation) (see that macro), elsewhere
    nothing. Runs its statements at once and renders to nothing.
-#}
{% macro stage_previous_rows(relation) %}
    {{ return(adapter.dispatch('stage_previous_rows', 'corridor')(relation)) }}
{% endmacro %}

{% macro default__stage_previous_rows(relation) %}
{% endmacro %}

{% macro spark__stage_previous_rows(relation) %}
    {%- if execute and is_incremental() -%}
        {%- set staging = corridor.previous_rows_relation(relation) -%}
        {%- do run_query('drop table if exists ' ~ staging) -%}
        {%- do run_query('create table ' ~ staging ~ ' using parquet as select * from ' ~ relation) -%}
    {%- endif -%}
{% endmacro %}
