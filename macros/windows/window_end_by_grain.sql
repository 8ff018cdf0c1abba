{#
    corridor.window_end_by_grain(grain_column, n, first): the end of the
    window `n` windows after the window starting at `first`, for a grain
    held in a column: the start of window n + 1 for a calendar grain, and
    for a rolling window (corridor.rolling_windows) `days` local days after
    its own start, because consecutive rolling windows overlap.
#}
{% macro window_end_by_grain(grain_column, n, first) %}
    {{ return(adapter.dispatch('window_end_by_grain', 'corridor')(grain_column, n, first)) }}
{% endmacro %}

{% macro default__window_end_by_grain(grain_column, n, first) -%}
    {%- set rolling = corridor.rolling_windows() -%}
    {%- if rolling | length == 0 -%}
        {{ corridor.window_offset_by_grain(grain_column, '(' ~ n ~ ') + 1', first) }}
    {%- else -%}
    case {{ grain_column }}
        {%- for grain in corridor.setting('corridor_window_grains') %}
        when '{{ grain }}' then {{ corridor.window_offset(grain, '(' ~ n ~ ') + 1', first) }}
        {%- endfor %}
        {%- for window in rolling %}
        when '{{ window['name'] }}' then {{ corridor.window_offset('day', '(' ~ n ~ ') + ' ~ window['days'], first) }}
        {%- endfor %}
    end
    {%- endif -%}
{%- endmacro %}
