{#
    corridor.seasonal_baseline_grains(): the slots of the seasonal baselines
    (int_corridor__seasonal_baselines), one per window grain built, as
    [{grain, period_hours, lookback_periods, min_history}]: the calendar grains
    of corridor_window_grains with their entry of var
    corridor_seasonal_baseline, then the rolling windows of
    corridor_rolling_windows. A rolling window's slots are whole weeks back,
    at least its own length, so slots never overlap the window under test;
    its look-back and minimum history are the day grain's
    (docs/windows.md#rolling-windows).
#}
{% macro seasonal_baseline_grains() %}
    {{ return(adapter.dispatch('seasonal_baseline_grains', 'corridor')()) }}
{% endmacro %}

{% macro default__seasonal_baseline_grains() %}
    {%- set baseline = corridor.setting('corridor_seasonal_baseline') -%}
    {%- set slots = [] -%}
    {%- for grain in corridor.setting('corridor_window_grains') -%}
        {%- do slots.append({
            'grain': grain,
            'period_hours': baseline[grain]['period_hours'],
            'lookback_periods': baseline[grain]['lookback_periods'],
            'min_history': baseline[grain]['min_history'],
        }) -%}
    {%- endfor -%}
    {%- for window in corridor.rolling_windows() -%}
        {%- do slots.append({
            'grain': window['name'],
            'period_hours': ((window['days'] + 6) // 7) * 168,
            'lookback_periods': baseline['day']['lookback_periods'],
            'min_history': baseline['day']['min_history'],
        }) -%}
    {%- endfor -%}
    {{ return(slots) }}
{% endmacro %}
