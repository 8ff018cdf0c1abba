{#-
    corridor.relation_column_names(relation, skipped): the column names of a
    built relation, lower case and in order, but for those in `skipped`. Empty
    at parse time (nothing is read before execution).
-#}
{% macro relation_column_names(relation, skipped) %}
    {%- set names = [] -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(relation) if column.name | lower not in skipped -%}
            {%- do names.append(column.name | lower) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(names) }}
{% endmacro %}
