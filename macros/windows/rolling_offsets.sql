{#
    corridor.rolling_offsets(): a query of (window_grain, days, days_back),
    one row per rolling window (corridor.rolling_windows) and day of it: a
    day cell starting at d belongs to the window of that grain starting
    days_back days before d, for days_back 0 .. days - 1. No rows when no
    rolling window is configured.
#}
{% macro rolling_offsets() %}
    {{ return(adapter.dispatch('rolling_offsets', 'corridor')()) }}
{% endmacro %}

{% macro default__rolling_offsets() -%}
    {%- for window in corridor.rolling_windows() %}
    select
        cast('{{ window['name'] }}' as {{ dbt.type_string() }}) as window_grain,
        {{ window['days'] }} as days,
        series.n as days_back
    from {{ corridor.integer_series(0, window['days'] - 1) }} as series
    {{ 'union all' if not loop.last }}
    {%- else %}
    select
        cast(null as {{ dbt.type_string() }}) as window_grain,
        0 as days,
        cast(0 as {{ dbt.type_bigint() }}) as days_back
    where 1 = 0
    {%- endfor %}
{%- endmacro %}
