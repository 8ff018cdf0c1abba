{#-
    corridor.shortest_grain(grains): the shortest of the given window grains
    (in the order of corridor.known_window_grains), whose windows partition
    time, so a row is counted once at that grain.
-#}
{% macro shortest_grain(grains) -%}
    {{ return(adapter.dispatch('shortest_grain', 'corridor')(grains)) }}
{%- endmacro %}

{% macro default__shortest_grain(grains) -%}
    {{ return((corridor.known_window_grains() | select('in', grains) | list)[0]) }}
{%- endmacro %}
