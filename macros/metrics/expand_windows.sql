{#
    corridor.expand_windows(spans, keys): from a CTE `spans` with columns
    <keys>, window_grain, first_window_start, last_window_index (see
    corridor.windows_between_by_grain), a query of <keys>, window_grain,
    grain_hours (the window's length in hours), window_start, window_end for
    every window index 0..last_window_index, on the calendar of
    corridor_time_zone (corridor.window_offset), so that windows without
    data become explicit rows.
#}

{% macro expand_windows(spans, keys) -%}
    {{ return(adapter.dispatch('expand_windows', 'corridor')(spans, keys)) }}
{%- endmacro %}

{% macro default__expand_windows(spans, keys) -%}
    {%- set start = corridor.window_offset_by_grain(spans ~ '.window_grain', 'window_indexes.n', spans ~ '.first_window_start') -%}
    {%- set end = corridor.window_end_by_grain(spans ~ '.window_grain', 'window_indexes.n', spans ~ '.first_window_start') -%}
    select
        {%- for key in keys %}
        {{ spans }}.{{ key }},
        {%- endfor %}
        {{ spans }}.window_grain,
        {#- grain_hours: this window's own length (a local day across a DST change: 23 or 25; a month: 672 to 744) #}
        {{ dbt.datediff(start, end, 'hour') }} as grain_hours,
        {{ start }} as window_start,
        {{ end }} as window_end

    from {{ spans }}
    inner join {{ corridor.integer_series(0, '(select max(last_window_index) from ' ~ spans ~ ')') }} as window_indexes
        on {{ spans }}.last_window_index >= window_indexes.n
{%- endmacro %}
