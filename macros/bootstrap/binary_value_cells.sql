{#-
    corridor.binary_value_cells(relation, keys, families): `union all`, then
    the fine cells of the 0/1 families (`families`: the 'binary' list of
    corridor.value_histogram_families) counted in one pass over `relation`
    by corridor.binary_value_counts (a column per family and value), with
    the cell `keys` (corridor.fine_cell_keys); nothing when there are no
    such families. It ends the fine_cells CTE of
    int_corridor__value_histograms.
-#}
{% macro binary_value_cells(relation, keys, families) -%}
    {{ return(adapter.dispatch('binary_value_cells', 'corridor')(relation, keys, families)) }}
{%- endmacro %}

{% macro default__binary_value_cells(relation, keys, families) -%}
    {%- if families %}

    union all

    select * from ({{ corridor.binary_value_counts(relation, keys, families) }}) as binary_cells
    {%- endif %}
{%- endmacro %}
