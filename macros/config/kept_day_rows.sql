{#
    corridor.kept_day_rows(day_rows, columns): a query of the day rows a
    daily run keeps from the model's own table ({{ this }}) to sum its
    recomputed weeks and months from (corridor.window_segment_rollup_ctes'
    stored_days): the rows `day_rows` selects (corridor.value_histogram_day_rows)
    at the day grain, in a window the run recomputes
    (corridor.lookback_condition) but before the day it recomputes them from
    (corridor.day_lookback_condition). Columns: model_id, model_version,
    window_grain, window_start, segment_dimension, segment_value, then
    `columns` (the roll-up's extra keys and measures, in its order).
#}
{% macro kept_day_rows(day_rows, columns) %}
    {{ return(adapter.dispatch('kept_day_rows', 'corridor')(day_rows, columns)) }}
{% endmacro %}

{% macro default__kept_day_rows(day_rows, columns) -%}
    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        {{ columns | join(',\n        ') }}
    from {{ this }}
    where {{ day_rows }}
        and window_grain = 'day'
        and ({{ corridor.lookback_condition('window_start') }})
        and not ({{ corridor.day_lookback_condition('window_start') }})
{%- endmacro %}
