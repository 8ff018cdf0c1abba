{#
    corridor.lookback_delete(time_column, stale_versions, common_start): the
    pre-hook of an incremental model that removes the rows about to be
    recomputed (corridor.lookback_condition, see there);
    every row when the model is incremental but has no lookback start (it is
    then recomputed whole); an empty statement on a full build.
#}

{% macro lookback_delete(time_column='window_start', stale_versions=none, common_start=none) %}
    {%- if not execute or not is_incremental() -%}
        {{ return('') }}
    {%- endif -%}
    {%- set condition = corridor.lookback_condition(time_column, stale_versions, common_start) -%}
    {%- set condition = condition if condition is not none else '1 = 1' -%}
    {%- if target.type == 'spark' -%}
        {#- run now, through the engine's delete (corridor.delete_rows: Spark on parquet has no DELETE) -#}
        {%- do corridor.delete_rows(this, condition) -%}
        {{ return('') }}
    {%- endif -%}
    {{ return('delete from ' ~ this ~ ' where ' ~ condition) }}
{% endmacro %}
