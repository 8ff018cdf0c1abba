{#
    corridor.day_lookback_condition(time_column): for a model that sums its
    week and month windows from its own day rows (int_corridor__value_histograms),
    the SQL condition selecting the events and the hour and day rows an
    incremental run recomputes: `time_column` on or after the lookback's day
    (corridor.lookback_day_start) instead of its week; for a stale model
    version (corridor.version_lookback_starts), on or after that version's
    start; for a version whose events int_corridor__events_enriched
    recomputed from before the lookback's day (corridor.events_enriched_scope),
    on or after the week-aligned start (corridor.lookback_start), as every
    other model recomputes it. The model's coarser windows keep
    corridor.lookback_condition: they are summed from the day rows kept
    before the lookback's day and those recomputed after it.

    The rows kept are what the enriched events hold only when the window
    aggregates last ran right after the enriched events' previous build
    (corridor.stats_follow_events); otherwise, and on Spark, this is
    corridor.lookback_condition (nothing kept). None on a full build. The
    rows must have model_id and model_version columns.
#}
{% macro day_lookback_condition(time_column) %}
    {{ return(adapter.dispatch('day_lookback_condition', 'corridor')(time_column)) }}
{% endmacro %}

{% macro default__day_lookback_condition(time_column) %}
    {%- set day_start = corridor.lookback_day_start() -%}
    {%- if day_start is none or not corridor.stats_follow_events() -%}
        {{ return(corridor.lookback_condition(time_column)) }}
    {%- endif -%}
    {%- set versions = corridor.version_lookback_starts() | list -%}
    {%- for version in corridor.events_enriched_scope()['starts'] -%}
        {%- do versions.append({
            'model_id': version['model_id'],
            'model_version': version['model_version'],
            'start': corridor.lookback_start(),
        }) -%}
    {%- endfor -%}
    {{ return(corridor.lookback_condition(time_column, versions, day_start)) }}
{% endmacro %}

{% macro spark__day_lookback_condition(time_column) %}
    {{ return(corridor.lookback_condition(time_column)) }}
{% endmacro %}
