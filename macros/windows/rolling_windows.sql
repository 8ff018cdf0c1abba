{#
    corridor.rolling_windows(): the rolling windows of var
    corridor_rolling_windows, as [{name: 'rolling_7d', days: 7}, ...]
    (empty when none). Each is a window grain of its own: the window named by
    its start `s` covers the `days` local days s, s + 1 day, ...; one window
    starts every day (docs/windows.md#rolling-windows). A rolling window is
    summed from day cells, so it needs the day grain: day must be in
    corridor_window_grains, and in corridor_bootstrap_grains when that var
    is set (latency quantiles and intervals of a rolling window come from
    its days' value histograms).
#}
{% macro rolling_windows() %}
    {{ return(adapter.dispatch('rolling_windows', 'corridor')()) }}
{% endmacro %}

{% macro default__rolling_windows() %}
    {%- set windows = corridor.setting('corridor_rolling_windows') -%}
    {%- if windows | length > 0 -%}
        {%- set names = windows | map(attribute='name') | join(', ') -%}
        {%- set grains = corridor.setting('corridor_window_grains') -%}
        {%- if 'day' not in grains -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_rolling_windows' (" ~ names ~ ") needs the day grain: rolling "
                "windows are summed from day cells. Add day to corridor_window_grains (now " ~ (grains | join(', ')) ~ ").") }}
        {%- endif -%}
        {%- set bootstrap = corridor.setting('corridor_bootstrap_grains') -%}
        {%- if bootstrap is not none and 'day' not in bootstrap -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_rolling_windows' (" ~ names ~ ") needs day in "
                "corridor_bootstrap_grains (now " ~ (bootstrap | join(', ')) ~ "): the latency quantiles and intervals of a rolling window "
                "are summed from its days' value histograms. Add day, or set corridor_bootstrap_grains to null.") }}
        {%- endif -%}
    {%- endif -%}
    {{ return(windows) }}
{% endmacro %}
