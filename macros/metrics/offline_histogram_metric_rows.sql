{#-
    corridor.offline_histogram_metric_rows(relation, metrics, keys, z, level):
    the rows of int_corridor__offline_feature_histogram_metrics, one per row
    of `relation` (its `keys` columns and the statistics
    corridor.metric_row_sql reads) and metric of `metrics`
    (corridor.backtest_metric_definitions(from_histograms=true)): the keys,
    metric, method, interval_method, expected_value, sample_size,
    standard_error, interval_lower, interval_upper and confidence_level (z
    and level: the interval's normal quantile and confidence level); a union
    of one select per metric, or an empty select with those columns when
    there is no metric.
-#}
{% macro offline_histogram_metric_rows(relation, metrics, keys, z, level) -%}
    {{ return(adapter.dispatch('offline_histogram_metric_rows', 'corridor')(relation, metrics, keys, z, level)) }}
{%- endmacro %}

{% macro default__offline_histogram_metric_rows(relation, metrics, keys, z, level) -%}
    {%- for m in metrics %}
    {%- set row = corridor.metric_row_sql(m, z, level) %}
    select
        {{ keys | join(',\n        ') }},
        {{ corridor.sql_string(m['name']) }} as metric,
        {{ corridor.sql_string(row['method']) }} as method,
        {{ corridor.sql_string(row['interval_method']) if row['interval_method'] else 'null' }} as interval_method,
        cast({{ row['value'] }} as {{ corridor.type_double() }}) as expected_value,
        cast({{ corridor.round_half_away(row['n']) }} as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ row['se'] or 'null' }} as {{ corridor.type_double() }}) as standard_error,
        cast({{ row['lower'] or 'null' }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ row['upper'] or 'null' }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ row['confidence_level'] or 'null' }} as {{ corridor.type_double() }}) as confidence_level

    from {{ relation }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
    {%- if not metrics %}
    select
        {{ keys | join(',\n        ') }},
        {%- for column in ['metric', 'method', 'interval_method'] %}
        cast(null as {{ dbt.type_string() }}) as {{ column }},
        {%- endfor %}
        cast(null as {{ corridor.type_double() }}) as expected_value,
        cast(null as {{ dbt.type_bigint() }}) as sample_size,
        {%- for column in ['standard_error', 'interval_lower', 'interval_upper', 'confidence_level'] %}
        cast(null as {{ corridor.type_double() }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from {{ relation }}
    where 1 = 0
    {%- endif %}
{%- endmacro %}
