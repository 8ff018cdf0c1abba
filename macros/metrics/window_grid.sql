{#
    Window grids: every window of a grain between a first and a last window,
    so that windows without data become explicit rows.

    corridor.grain_lengths(): a query of (window_grain, grain_hours), one row
    per configured grain.

    corridor.expand_windows(spans, keys): from a CTE `spans` with columns
    <keys>, window_grain, grain_hours, first_window_start, last_window_index,
    a query of <keys>, window_grain, grain_hours, window_start, window_end for
    every window index 0..last_window_index.
#}
{% macro grain_lengths() -%}
    {{ return(adapter.dispatch('grain_lengths', 'corridor')()) }}
{%- endmacro %}

{% macro default__grain_lengths() -%}
    {%- for grain in corridor.setting('corridor_window_grains') %}
    select '{{ grain }}' as window_grain, {{ corridor.grain_hours(grain) }} as grain_hours
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro expand_windows(spans, keys) -%}
    {{ return(adapter.dispatch('expand_windows', 'corridor')(spans, keys)) }}
{%- endmacro %}

{% macro default__expand_windows(spans, keys) -%}
    select
        {%- for key in keys %}
        {{ spans }}.{{ key }},
        {%- endfor %}
        {{ spans }}.window_grain,
        {{ spans }}.grain_hours,
        {{ dbt.dateadd('hour', 'window_indexes.n * ' ~ spans ~ '.grain_hours', spans ~ '.first_window_start') }} as window_start,
        {{ dbt.dateadd('hour', '(window_indexes.n + 1) * ' ~ spans ~ '.grain_hours', spans ~ '.first_window_start') }} as window_end

    from {{ spans }}
    inner join {{ corridor.integer_series(0, '(select max(last_window_index) from ' ~ spans ~ ')') }} as window_indexes
        on {{ spans }}.last_window_index >= window_indexes.n
{%- endmacro %}
