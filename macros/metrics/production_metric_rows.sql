{#-
    corridor.production_metric_rows(relation, metrics, z, level): the rows of
    int_corridor__production_metrics, one per row of `relation` (the window
    statistics joined with the histogram metrics: the statistics
    corridor.metric_row_sql reads, label_maturity, window_start, window_end)
    and metric of `metrics` (corridor.production_metric_definitions()): the
    window and segment keys, metric, method, interval_method, metric_value,
    sample_size, standard_error, interval_lower, interval_upper and
    confidence_level (z and level: the interval's normal quantile and
    confidence level), label_maturity, window_start and window_end; a union of
    one select per metric.
-#}
{% macro production_metric_rows(relation, metrics, z, level) -%}
    {{ return(adapter.dispatch('production_metric_rows', 'corridor')(relation, metrics, z, level)) }}
{%- endmacro %}

{% macro default__production_metric_rows(relation, metrics, z, level) -%}
    {%- for m in metrics %}
    {%- set row = corridor.metric_row_sql(m, z, level) %}

    select
        stats.model_id,
        stats.model_version,
        '{{ m['name'] }}' as metric,
        stats.segment_dimension,
        stats.segment_value,
        stats.window_grain,
        '{{ row['method'] }}' as method,
        {{ "'" ~ row['interval_method'] ~ "'" if row['interval_method'] else 'null' }} as interval_method,
        cast({{ row['value'] }} as {{ corridor.type_double() }}) as metric_value,
        cast(coalesce({{ row['n'] }}, 0) as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ row['se'] if row['se'] else 'null' }} as {{ corridor.type_double() }}) as standard_error,
        cast({{ row['lower'] if row['lower'] else 'null' }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ row['upper'] if row['upper'] else 'null' }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ row['confidence_level'] or 'null' }} as {{ corridor.type_double() }}) as confidence_level,
        stats.label_maturity,
        stats.window_start,
        stats.window_end

    from {{ relation }} as stats
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
