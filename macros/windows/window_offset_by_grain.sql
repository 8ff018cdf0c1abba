{#
    corridor.window_offset_by_grain(grain_column, n, start): corridor.window_offset
    for a grain held in a column: a CASE over the grains of var
    corridor_window_grains and of the rolling windows.
#}
{% macro window_offset_by_grain(grain_column, n, start) %}
    {{ return(adapter.dispatch('window_offset_by_grain', 'corridor')(grain_column, n, start)) }}
{% endmacro %}

{% macro default__window_offset_by_grain(grain_column, n, start) -%}
    case {{ grain_column }}
        {%- for grain in corridor.setting('corridor_window_grains') + (corridor.rolling_windows() | map(attribute='name') | list) %}
        when '{{ grain }}' then {{ corridor.window_offset(grain, n, start) }}
        {%- endfor %}
    end
{%- endmacro %}
