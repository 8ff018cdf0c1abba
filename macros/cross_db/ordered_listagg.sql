{#-
    corridor.ordered_listagg(measure, delimiter_text, order_by_clause): the ordered string aggregate,
    null when no row has a value (as dbt.listagg on DuckDB, PostgreSQL and the warehouses).
    `measure` may start with `distinct`; `order_by_clause` is a whole `order by ...` clause.

    dbt-spark's listagg drops the order (collect_list keeps whatever order the shuffle gave, so two
    builds of the same data could list the same items differently) and returns '' for no values.
    Spark 4 has the standard aggregate `listagg(...) within group (order by ...)`; corridor uses it.
-#}
{% macro ordered_listagg(measure, delimiter_text="','", order_by_clause=none) %}
    {{ return(adapter.dispatch('ordered_listagg', 'corridor')(measure, delimiter_text, order_by_clause)) }}
{% endmacro %}

{% macro default__ordered_listagg(measure, delimiter_text, order_by_clause) -%}
    {{ dbt.listagg(measure, delimiter_text, order_by_clause) }}
{%- endmacro %}

{% macro spark__ordered_listagg(measure, delimiter_text, order_by_clause) -%}
    listagg({{ measure }}, {{ delimiter_text }})
    {%- if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}
