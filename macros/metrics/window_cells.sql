{#-
    corridor.window_cells(grains): the fine-cell layout of a model that sums
    events into fine cells (finest grain × every segment column) and rolls
    them up to each grain and segment with GROUPING SETS, as one mapping:
    grains (the given window grains), finest (corridor.finest_grain of them)
    and segments (corridor.segment_dimensions), the arguments of
    corridor.fine_cell_keys, coarser_window_starts, window_segment_keys and
    window_segment_grouping_sets.
-#}
{% macro window_cells(grains) -%}
    {{ return(adapter.dispatch('window_cells', 'corridor')(grains)) }}
{%- endmacro %}

{% macro default__window_cells(grains) -%}
    {{ return({'grains': grains, 'finest': corridor.finest_grain(grains), 'segments': corridor.segment_dimensions()}) }}
{%- endmacro %}
