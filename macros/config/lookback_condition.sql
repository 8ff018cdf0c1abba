{#
    corridor.lookback_condition(time_column): the SQL condition selecting the
    rows an incremental run recomputes: `time_column` on or after the common
    lookback start (corridor.lookback_start), or, for a model version whose
    statistics went stale earlier (corridor.version_lookback_starts), on or
    after that version's own start. None on a full build (every row).
    The rows must have model_id and model_version columns.
#}
{% macro lookback_condition(time_column) %}
    {{ return(adapter.dispatch('lookback_condition', 'corridor')(time_column)) }}
{% endmacro %}

{% macro default__lookback_condition(time_column) %}
    {%- set common_start = corridor.lookback_start() -%}
    {%- if common_start is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set conditions = [time_column ~ ' >= ' ~ common_start] -%}
    {%- for version in corridor.version_lookback_starts() -%}
        {%- do conditions.append('(model_id = ' ~ corridor.sql_string(version['model_id'])
            ~ ' and model_version = ' ~ corridor.sql_string(version['model_version'])
            ~ ' and ' ~ time_column ~ ' >= ' ~ version['start'] ~ ')') -%}
    {%- endfor -%}
    {{ return(conditions | join('\n        or ')) }}
{% endmacro %}
