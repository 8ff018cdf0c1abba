{#
    corridor.window_offset_by_grain(grain_column, n, start, grains=none): corridor.window_offset
    for a grain held in a column: a CASE over `grains`, by default the grains of var
    corridor_window_grains and of the rolling windows (null for any other grain).
    With n = 1 and calendar grains, the exclusive end of the window starting at `start`.
#}
{% macro window_offset_by_grain(grain_column, n, start, grains=none) %}
    {{ return(adapter.dispatch('window_offset_by_grain', 'corridor')(grain_column, n, start, grains)) }}
{% endmacro %}

{% macro default__window_offset_by_grain(grain_column, n, start, grains=none) -%}
    {%- if grains is none -%}
        {%- set grains = corridor.setting('corridor_window_grains') + (corridor.rolling_windows() | map(attribute='name') | list) -%}
    {%- endif -%}
    case {{ grain_column }}
        {%- for grain in grains %}
        when '{{ grain }}' then {{ corridor.window_offset(grain, n, start) }}
        {%- endfor %}
    end
{%- endmacro %}
