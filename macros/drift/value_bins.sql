{#-
    corridor.value_bins(values, edges, keys, value, edge, columns): the rows
    of `values` with a non-null `value`, each with bin_index = the number of
    rows of `edges` (matched on the `keys` columns) whose `edge` is at or
    below `value`: 0 below the first edge, k in [edge k, edge k + 1).
    Selects `columns` of `values` (the keys among them) and bin_index.

    One sort of values and edges together per key (a running count of the
    edges passed), so the cost is that of a sort and never values x edges,
    on every engine with window functions.
-#}
{% macro value_bins(values, edges, keys, value, edge, columns) %}
    {{ return(adapter.dispatch('value_bins', 'corridor')(values, edges, keys, value, edge, columns)) }}
{% endmacro %}

{% macro default__value_bins(values, edges, keys, value, edge, columns) -%}
    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        bin_index
    from (
        select
            {%- for column in columns %}
            {{ column }},
            {%- endfor %}
            is_edge,
            sum(is_edge) over (
                partition by {{ keys | join(', ') }}
                order by sort_value, is_edge desc
                rows between unbounded preceding and current row
            ) as bin_index
        from (
            select
                {%- for column in columns %}
                {{ column }},
                {%- endfor %}
                {{ value }} as sort_value,
                0 as is_edge
            from {{ values }}
            where {{ value }} is not null
            union all
            select
                {%- for column in columns %}
                {{ column if column in keys else 'null' }},
                {%- endfor %}
                {{ edge }} as sort_value,
                1 as is_edge
            from {{ edges }}
        ) as points
    ) as ranked
    where is_edge = 0
{%- endmacro %}
