{#-
    corridor.value_histogram_columns(): the select list (no trailing comma)
    of the value histogram tables, int_corridor__value_histograms and
    int_corridor__rolling_value_histograms, each column cast to its stored
    type from a relation of the same names: the table shape the Python
    bootstrap reads (corridor.bootstrap.combined_histograms), declared once.
-#}
{% macro value_histogram_columns() -%}
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        family,
        cast(value as {{ corridor.type_double() }}) as value,
        cast(label as {{ dbt.type_int() }}) as label,
        cast(n_events as {{ dbt.type_bigint() }}) as n_events,
        cast(scale as {{ corridor.type_double() }}) as scale,
        cast(sum_1 as decimal(38, 18)) as sum_1,
        cast(sum_2 as decimal(38, 18)) as sum_2,
        cast(sum_3 as decimal(38, 18)) as sum_3,
        window_start
{%- endmacro %}
