{#
    corridor.day_lookback_delete(day_rows): the pre-hook of an incremental
    model that recomputes some of its rows from the lookback's day
    (corridor.day_lookback_condition) and the others, its coarser windows,
    from the lookback's week (corridor.lookback_condition). `day_rows`: a
    SQL predicate over the model's columns selecting the rows of the first
    kind (corridor.value_histogram_day_rows); none, and on Spark (whose
    incremental models keep the week), every row of the second: then it is
    corridor.lookback_delete, which also deletes every row when the model is
    incremental but has no lookback start, and nothing on a full build.
#}
{% macro day_lookback_delete(day_rows) %}
    {%- if not execute or not is_incremental() -%}
        {{ return('') }}
    {%- endif -%}
    {%- set weeks = corridor.lookback_condition('window_start') -%}
    {%- if day_rows is none or weeks is none or target.type == 'spark' -%}
        {{ return(corridor.lookback_delete()) }}
    {%- endif -%}
    {{ return('delete from ' ~ this ~ ' where case when ' ~ day_rows ~ ' then ('
        ~ corridor.day_lookback_condition('window_start') ~ ') else (' ~ weeks ~ ') end') }}
{% endmacro %}
