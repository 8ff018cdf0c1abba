{#-
    corridor.window_start_columns(grains, time_column): the select-list items
    `<window start of time_column at grain> as <grain>_start` for each grain
    (corridor.window_start), each followed by a comma (the call sits inside
    a select list); nothing for no grains.
-#}
{% macro window_start_columns(grains, time_column) -%}
    {{ return(adapter.dispatch('window_start_columns', 'corridor')(grains, time_column)) }}
{%- endmacro %}

{% macro default__window_start_columns(grains, time_column) -%}
    {%- for grain in grains %}
        {{ corridor.window_start(grain, time_column) }} as {{ grain }}_start,
    {%- endfor %}
{%- endmacro %}
