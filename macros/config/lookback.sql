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

    corridor.lookback_start(): a SQL timestamp literal, or none on a full
    build (first run, --full-refresh, or an empty table).
    corridor.lookback_delete(): the pre-hook that removes the windows about
    to be recomputed (an empty statement on a full build).
#}
{% macro lookback_start() %}
    {{ return(adapter.dispatch('lookback_start', 'corridor')()) }}
{% endmacro %}

{% macro default__lookback_start() %}
    {%- if not execute or not is_incremental() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set days = corridor.setting('corridor_lookback_days') -%}
    {%- set query -%}
        {%- set since = dbt.dateadd('hour', -((days * 24) | int), 'max(last_event_at)') %}
        select cast(
            {%- if 'month' in corridor.setting('corridor_window_grains') %}
            least({{ corridor.window_start('week', since) }}, {{ corridor.window_start('month', since) }})
            {%- else %}
            {{ corridor.window_start('week', since) }}
            {%- endif %} as {{ dbt.type_string() }})
        from {{ this }}
    {%- endset -%}
    {%- set value = run_query(query).columns[0].values()[0] -%}
    {%- if value is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return('cast(' ~ corridor.sql_string(value | string) ~ ' as ' ~ dbt.type_timestamp() ~ ')') }}
{% endmacro %}


{% macro lookback_delete() %}
    {%- set condition = corridor.lookback_condition('window_start') -%}
    {%- if condition is none -%}
        {{ return('') }}
    {%- endif -%}
    {#- run now, through the engine's delete (corridor.delete_rows: Spark on parquet has no DELETE) -#}
    {%- do corridor.delete_rows(this, condition) -%}
    {{ return('') }}
{% endmacro %}
