{#
    Window grids: every window of a grain between a first and a last window,
    so that windows without data become explicit rows (corridor.expand_windows).

    corridor.grain_lengths(): a query of (window_grain, grain_hours), one row
    per configured grain and rolling window; grain_hours is the hours between
    two consecutive window starts, which corridor.window_islands reads to tell
    a gap: a calendar grain's nominal length, 24 for a rolling window (one
    starts every day).
#}

{% macro grain_lengths() -%}
    {{ return(adapter.dispatch('grain_lengths', 'corridor')()) }}
{%- endmacro %}

{% macro default__grain_lengths() -%}
    {%- set rolling = corridor.rolling_windows() | map(attribute='name') | list -%}
    {%- for grain in corridor.setting('corridor_window_grains') + rolling %}
    select '{{ grain }}' as window_grain, {{ 24 if grain in rolling else corridor.grain_hours(grain) }} as grain_hours
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
