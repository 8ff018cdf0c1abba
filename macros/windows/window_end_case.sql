{#-
    corridor.window_end_case(grains, grain_column, start): a SQL case giving
    the exclusive end of the window starting at `start` (one grain later,
    corridor.window_offset) for the grain held in `grain_column`, over the
    calendar grains `grains` (null for any other grain). The drift checks'
    window_end.
-#}
{% macro window_end_case(grains, grain_column, start) %}
    {{ return(adapter.dispatch('window_end_case', 'corridor')(grains, grain_column, start)) }}
{% endmacro %}

{% macro default__window_end_case(grains, grain_column, start) -%}
    case
        {%- for grain in grains %}
        when {{ grain_column }} = '{{ grain }}' then {{ corridor.window_offset(grain, 1, start) }}
        {%- endfor %}
    end
{%- endmacro %}
