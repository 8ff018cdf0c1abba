{#
    corridor.window_end_by_grain(grain_column, n, first, grains=none): the end of the
    window `n` windows after the window starting at `first`, for a grain
    held in a column: the start of window n + 1 for a calendar grain, and
    for a rolling window (corridor.rolling_windows) `days` local days after
    its own start, because consecutive rolling windows overlap. grains: the
    calendar grains the CASE covers (default var corridor_window_grains).
#}
{% macro window_end_by_grain(grain_column, n, first, grains=none) %}
    {{ return(adapter.dispatch('window_end_by_grain', 'corridor')(grain_column, n, first, grains)) }}
{% endmacro %}

{% macro default__window_end_by_grain(grain_column, n, first, grains=none) -%}
    {%- set rolling = corridor.rolling_windows() -%}
    {%- set grains = corridor.setting('corridor_window_grains') if grains is none else grains -%}
    {%- if rolling | length == 0 -%}
        {{ corridor.window_offset_by_grain(grain_column, '(' ~ n ~ ') + 1', first, grains) }}
    {%- else -%}
    case {{ grain_column }}
        {%- for grain in grains %}
        when '{{ grain }}' then {{ corridor.window_offset(grain, '(' ~ n ~ ') + 1', first) }}
        {%- endfor %}
        {%- for window in rolling %}
        when '{{ window['name'] }}' then {{ corridor.window_offset('day', '(' ~ n ~ ') + ' ~ window['days'], first) }}
        {%- endfor %}
    end
    {%- endif -%}
{%- endmacro %}
