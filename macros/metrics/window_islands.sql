{#
    corridor.window_islands(window_starts, grains, keys): the spans of windows
    to report, one row per stretch of data ("island"), with columns <keys>,
    window_grain, grain_hours, first_window_start, last_window_index (the
    input of corridor.expand_windows).

    `window_starts` is a relation or CTE with <keys>, window_grain and
    window_start (one row per window that has data; duplicates are fine),
    `grains` one with window_grain and grain_hours (corridor.grain_lengths).
    Windows come from where data is: between two windows with data, the
    empty windows are reported (silence is never mistaken for health) unless
    the silence lasts more than var corridor_max_gap_days; then the grid
    splits there and the gap is not filled. One stray event a year early
    adds one window, not a year of empty ones.
#}
{% macro window_islands(window_starts, grains, keys) -%}
    {{ return(adapter.dispatch('window_islands', 'corridor')(window_starts, grains, keys)) }}
{%- endmacro %}

{% macro default__window_islands(window_starts, grains, keys) -%}
    {%- set max_gap_hours = (corridor.setting('corridor_max_gap_days') * 24) | int -%}
    {%- set partition = (keys + ['window_grain']) | join(', ') -%}
    select
        {%- for key in keys %}
        {{ key }},
        {%- endfor %}
        window_grain,
        grain_hours,
        min(window_start) as first_window_start,
        cast({{ dbt.datediff('min(window_start)', 'max(window_start)', 'hour') }} / grain_hours as {{ dbt.type_bigint() }}) as last_window_index

    from (
        select
            *,
            sum(starts_island) over (
                partition by {{ partition }}
                order by window_start
                rows between unbounded preceding and current row
            ) as island

        from (
            select
                *,
                case
                    when {{ dbt.datediff('previous_start', 'window_start', 'hour') }} <= grain_hours + {{ max_gap_hours }} then 0
                    else 1
                end as starts_island

            from (
                select
                    starts.*,
                    lag(starts.window_start) over (partition by {{ partition }} order by starts.window_start) as previous_start

                from (
                    select distinct
                        {%- for key in keys %}
                        {{ window_starts }}.{{ key }},
                        {%- endfor %}
                        {{ window_starts }}.window_grain,
                        {{ grains }}.grain_hours,
                        {{ window_starts }}.window_start

                    from {{ window_starts }}
                    inner join {{ grains }}
                        on {{ window_starts }}.window_grain = {{ grains }}.window_grain
                ) as starts
            ) as with_previous
        ) as with_breaks
    ) as numbered
    group by {{ partition }}, grain_hours, island
{%- endmacro %}
