{#
    Late data. Incremental models recompute only the recent past: every
    window that starts on or after the lookback start, which is
    var corridor_lookback_days before the latest event already in the model,
    aligned down to the start of its week (and of its month when the month
    grain is built: the coarsest grains), so every
    recomputed window is recomputed whole. Events and outcomes that arrive
    late update their windows as long as they fall inside the lookback; make
    it cover the delay of your late events and of most labels. Data that
    lands before the lookback start (a model version arriving with its
    history, a backfilled day) is found by comparing counts per window and
    recomputed from there (corridor.version_lookback_starts), so an
    incremental run equals a full build wherever in time data arrives
    (`dbt build --full-refresh` recomputes everything).

    Every incremental model of the event pipeline (events, latency
    quantiles, histograms, window statistics) takes the same start, from
    the window statistics of the previous run (corridor.lookback_state_relation),
    so they recompute the same windows: it is read once per invocation,
    before the window statistics are rebuilt, and the models downstream of
    them (the intervals) reuse it.

    corridor.lookback_start(): a SQL timestamp literal, or none on a full
    build (first run, --full-refresh, or no window statistics yet). The
    pre-hook that deletes what is recomputed: corridor.lookback_delete.
    The same query also finds the start aligned down to its day only
    (corridor.lookback_day_start): the events and the day rows that a run
    recomputes when coarser windows are summed from stored day rows.
#}

{% macro lookback_start() %}
    {{ return(adapter.dispatch('lookback_start', 'corridor')()) }}
{% endmacro %}

{% macro default__lookback_start() %}
    {%- if not execute or not is_incremental() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set state = corridor.lookback_state_relation() -%}
    {%- if state is none -%}
        {{ return(none) }}
    {%- endif -%}
    {#- once per invocation: a model downstream of the window statistics (the intervals) compiles after they were
        rebuilt, and must still take the start every other model took from the previous run's state -#}
    {%- set cache = graph.setdefault('corridor_lookback_start', {}) -%}
    {%- if invocation_id in cache -%}
        {{ return(cache[invocation_id]['aligned']) }}
    {%- endif -%}
    {%- set days = corridor.setting('corridor_lookback_days') -%}
    {%- set query -%}
        {%- set since = dbt.dateadd('hour', -((days * 24) | int), 'max(last_event_at)') %}
        select
            cast(
                {%- if 'month' in corridor.setting('corridor_window_grains') %}
                least({{ corridor.window_start('week', since) }}, {{ corridor.window_start('month', since) }})
                {%- else %}
                {{ corridor.window_start('week', since) }}
                {%- endif %} as {{ dbt.type_string() }}),
            cast({{ corridor.window_start('day', since) }} as {{ dbt.type_string() }})
        from {{ state }}
    {%- endset -%}
    {%- set row = run_query(query).rows[0] -%}
    {%- set starts = {} -%}
    {%- for name, value in [('aligned', row[0]), ('day', row[1])] -%}
        {%- do starts.update({name: 'cast(' ~ corridor.sql_string(value | string) ~ ' as ' ~ dbt.type_timestamp() ~ ')'
            if value is not none else none}) -%}
    {%- endfor -%}
    {%- do cache.update({invocation_id: starts}) -%}
    {{ return(starts['aligned']) }}
{% endmacro %}
