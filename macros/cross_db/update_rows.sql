{#-
    corridor.update_rows(relation, assignments, condition): set columns of the
    rows for which the SQL condition is true; assignments maps a column name
    to a SQL expression (evaluated on the row, as in UPDATE ... SET). A
    statement run at once; returns nothing.
    - default (DuckDB, PostgreSQL, Databricks on Delta): `update ... set`.
    - Spark on parquet (no UPDATE): the table is copied with the assigned
      columns replaced where the condition holds, and written back with
      `insert overwrite` (corridor._spark_rewrite_table); nothing is rewritten
      when no row matches.
-#}
{% macro update_rows(relation, assignments, condition) %}
    {{ return(adapter.dispatch('update_rows', 'corridor')(relation, assignments, condition)) }}
{% endmacro %}

{% macro default__update_rows(relation, assignments, condition) %}
    {%- set sets = [] -%}
    {%- for column, value in assignments.items() -%}
        {%- do sets.append(column ~ ' = ' ~ value) -%}
    {%- endfor -%}
    {%- do run_query('update ' ~ relation ~ ' set ' ~ (sets | join(', ')) ~ ' where ' ~ condition) -%}
{% endmacro %}

{% macro databricks__update_rows(relation, assignments, condition) %}
    {%- do corridor.default__update_rows(relation, assignments, condition) -%}
{% endmacro %}

{% macro spark__update_rows(relation, assignments, condition) %}
    {#- nothing to do while dbt parses (a hook calling it is rendered then too) -#}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set matching = run_query('select count(*) from ' ~ relation ~ ' where ' ~ condition).columns[0].values()[0] -%}
    {%- if (matching | int) == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set wanted = {} -%}
    {%- for column, value in assignments.items() -%}
        {%- do wanted.update({column | lower: value}) -%}
    {%- endfor -%}
    {%- set columns = [] -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- set name = column.name -%}
        {%- if name | lower in wanted -%}
            {%- do columns.append('case when ' ~ condition ~ ' then cast(' ~ wanted[name | lower] ~ ' as ' ~ column.data_type ~ ') else '
                ~ name ~ ' end as ' ~ name) -%}
        {%- else -%}
            {%- do columns.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do corridor._spark_rewrite_table(relation, 'select ' ~ (columns | join(', ')) ~ ' from ' ~ relation) -%}
{% endmacro %}
