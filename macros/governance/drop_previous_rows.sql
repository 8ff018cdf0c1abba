{#-
    corridor.drop_previous_rows(relation): the post-hook that drops the copy
    corridor.stage_previous_rows made (Spark); elsewhere nothing. Runs its
    statement at once and renders to nothing.
-#}
{% macro drop_previous_rows(relation) %}
    {{ return(adapter.dispatch('drop_previous_rows', 'corridor')(relation)) }}
{% endmacro %}

{% macro default__drop_previous_rows(relation) %}
{% endmacro %}

{% macro spark__drop_previous_rows(relation) %}
    {%- if execute -%}
        {%- do run_query('drop table if exists ' ~ corridor.previous_rows_relation(relation)) -%}
    {%- endif -%}
{% endmacro %}
