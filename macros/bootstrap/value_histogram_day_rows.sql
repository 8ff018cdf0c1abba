{#
    corridor.value_histogram_day_rows(): the rows of int_corridor__value_histograms
    that a daily run recomputes from the lookback's day only
    (corridor.day_lookback_condition), as a SQL predicate: the hour and day
    rows of the families counted from the events' values (latency, the 0/1
    families, a regression's errors). Their week and month rows are summed
    from the day rows (corridor.window_segment_rollup_ctes' stored_days), so
    the days before the lookback's day are kept. The bounded mean families
    (log_loss, brier: a large group is a row of power sums, which holds no
    values to sum a small week from) and the score bins (read from
    int_corridor__score_histograms) are recomputed from the lookback's week.

    None (every row from the week) when the Python bootstrap is off (the
    model is then empty), or when the bootstrap grains lack days or lack a
    coarser grain.
#}
{% macro value_histogram_day_rows() %}
    {{ return(adapter.dispatch('value_histogram_day_rows', 'corridor')()) }}
{% endmacro %}

{% macro default__value_histogram_day_rows() %}
    {%- set grains = corridor.bootstrap_grains() -%}
    {%- if not corridor.python_bootstrap_enabled() or 'day' not in grains
        or ('week' not in grains and 'month' not in grains) -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set families = corridor.value_histogram_families(corridor.setting('corridor_model_type'), true) -%}
    {%- set names = [] -%}
    {%- for family in families['continuous'] + families['binary'] if family[0] not in families['moment_scales'] -%}
        {%- do names.append(corridor.sql_string(family[0])) -%}
    {%- endfor -%}
    {%- set fine = [] -%}
    {%- for grain in grains if grain in ['hour', 'day'] -%}
        {%- do fine.append(corridor.sql_string(grain)) -%}
    {%- endfor -%}
    {{ return('family in (' ~ names | join(', ') ~ ') and window_grain in (' ~ fine | join(', ') ~ ')') }}
{% endmacro %}
