{#
    corridor.lookback_condition(time_column, stale_versions=none,
    common_start=none): the SQL condition selecting the rows an incremental
    run recomputes: `time_column` on or after the common lookback start
    (`common_start`, by default corridor.lookback_start; the enriched events
    pass corridor.lookback_day_start), or, for
    a model version whose rows went stale earlier, on or after that
    version's own start. stale_versions: the list of those versions
    ({model_id, model_version, start}); by default
    corridor.version_lookback_starts() (the models downstream of
    int_corridor__events_enriched); int_corridor__events_enriched passes
    corridor.event_lookback_starts(). None on a full build (every row).
    The rows must have model_id and model_version columns.
#}
{% macro lookback_condition(time_column, stale_versions=none, common_start=none) %}
    {{ return(adapter.dispatch('lookback_condition', 'corridor')(time_column, stale_versions, common_start)) }}
{% endmacro %}

{% macro default__lookback_condition(time_column, stale_versions=none, common_start=none) %}
    {%- set common_start = common_start if common_start is not none else corridor.lookback_start() -%}
    {%- if common_start is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set conditions = [time_column ~ ' >= ' ~ common_start] -%}
    {%- set versions = stale_versions if stale_versions is not none else corridor.version_lookback_starts() -%}
    {%- for version in versions -%}
        {%- do conditions.append('(model_id = ' ~ corridor.sql_string(version['model_id'])
            ~ ' and model_version = ' ~ corridor.sql_string(version['model_version'])
            ~ ' and ' ~ time_column ~ ' >= ' ~ version['start'] ~ ')') -%}
    {%- endfor -%}
    {{ return(conditions | join('\n        or ')) }}
{% endmacro %}
