{#-
    corridor.ordered_listagg(measure, delimiter_text, order_by_clause): the ordered string aggregate,
    null when no row has a value (as dbt.listagg on DuckDB, PostgreSQL and the warehouses).
    `measure` may start with `distinct`; `order_by_clause` is a whole `order by ...` clause.

    dbt-spark's listagg drops the order (collect_list keeps whatever order the shuffle gave, so two
    builds of the same data could list the same items differently) and returns '' for no values.
-#}
{% macro ordered_listagg(measure, delimiter_text, order_by_clause=none) %}
    {{ return(adapter.dispatch('ordered_listagg', 'corridor')(measure, delimiter_text, order_by_clause)) }}
{% endmacro %}

{% macro default__ordered_listagg(measure, delimiter_text, order_by_clause) -%}
    {{ dbt.listagg(measure, delimiter_text, order_by_clause) }}
{%- endmacro %}

{#- Spark: the sorted collect_list of (order keys, value) structs, joined. Spark 4's own
    listagg(...) within group fails in the optimizer (ClassCastException in RewriteDistinctAggregates)
    when the same aggregate also counts distinct values, so corridor does not use it. Keys compare
    with < and > (a null key ties), then the value breaks ties, so the order is the same every build. -#}
{% macro spark__ordered_listagg(measure, delimiter_text, order_by_clause) -%}
    {%- set measure = measure | trim -%}
    {%- set is_distinct = measure[:9] | lower == 'distinct ' -%}
    {%- set value = measure[9:] if is_distinct else measure -%}
    {%- set clause = (order_by_clause or '') | trim -%}
    {%- if clause[:8] | lower == 'order by' -%}
        {%- set clause = clause[8:] -%}
    {%- endif -%}
    {%- set keys = [] -%}
    {%- for item in clause.split(',') if item | trim -%}
        {%- set words = (item | trim).split(' ') -%}
        {%- set descending = words | length > 1 and words[-1] | lower == 'desc' -%}
        {%- set ascending = words | length > 1 and words[-1] | lower == 'asc' -%}
        {%- set expr = (words[:-1] | join(' ')) if (descending or ascending) else (item | trim) -%}
        {%- do keys.append({'expr': expr, 'desc': descending}) -%}
    {%- endfor -%}
    {%- do keys.append({'expr': value, 'desc': false}) -%}
    {%- set items -%}
        array_sort(
            collect_list(struct({% for key in keys %}{{ key.expr }} as k{{ loop.index0 }}, {% endfor %}{{ value }} as v)),
            (l, r) -> case
                {%- for key in keys %}
                when l.k{{ loop.index0 }} {{ '>' if key.desc else '<' }} r.k{{ loop.index0 }} then -1
                when l.k{{ loop.index0 }} {{ '<' if key.desc else '>' }} r.k{{ loop.index0 }} then 1
                {%- endfor %}
                else 0
            end
        )
    {%- endset -%}
    {%- set values = 'transform(' ~ items ~ ', x -> x.v)' -%}
    case when count({{ value }}) = 0 then null else array_join({{ 'array_distinct(' ~ values ~ ')' if is_distinct
        else values }}, {{ delimiter_text }}) end
{%- endmacro %}
