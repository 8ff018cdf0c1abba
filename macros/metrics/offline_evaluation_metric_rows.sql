{#-
    corridor.offline_evaluation_metric_rows(metrics, z, level): the
    metric rows of int_corridor__offline_evaluation_metrics, one per row of
    its `stats` CTE (the backtest's rolled-up statistics per model version ×
    segment, with the statistics corridor.metric_row_sql reads, qualified
    `stats.` as corridor.metric_definitions qualifies them) and metric of
    `metrics` (corridor.backtest_metric_definitions(from_rows=true,
    from_histograms=true)): the keys, metric, evaluation_dataset_id, method,
    interval_method, n_rows, expected_value, sample_size, standard_error,
    interval_lower, interval_upper and confidence_level (z and level: the
    interval's normal quantile and confidence level); a union of one select
    per metric.
-#}
{% macro offline_evaluation_metric_rows(metrics, z, level) -%}
    {{ return(adapter.dispatch('offline_evaluation_metric_rows', 'corridor')(metrics, z, level)) }}
{%- endmacro %}

{% macro default__offline_evaluation_metric_rows(metrics, z, level) -%}
    {%- for m in metrics %}
    {%- set row = corridor.metric_row_sql(m, z, level) %}
    select
        stats.model_id,
        stats.model_version,
        {{ corridor.sql_string(m['name']) }} as metric,
        stats.segment_dimension,
        stats.segment_value,
        stats.evaluation_dataset_id,
        {{ corridor.sql_string(row['method']) }} as method,
        {{ corridor.sql_string(row['interval_method']) if row['interval_method'] else 'null' }} as interval_method,
        stats.n_rows,
        cast({{ row['value'] }} as {{ corridor.type_double() }}) as expected_value,
        cast({{ corridor.round_half_away("coalesce(" ~ row['n'] ~ ", 0)") }} as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ row['se'] or 'null' }} as {{ corridor.type_double() }}) as standard_error,
        cast({{ row['lower'] or 'null' }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ row['upper'] or 'null' }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ row['confidence_level'] or 'null' }} as {{ corridor.type_double() }}) as confidence_level

    from stats
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
