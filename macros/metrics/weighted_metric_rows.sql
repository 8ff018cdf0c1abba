{#-
    corridor.weighted_metric_rows(relation, metrics, keys, z, level): the
    metric rows of int_corridor__offline_feature_adjusted, one per row of
    `relation` (its `keys` columns, the weighted sums of
    corridor.weighted_statistic_sums and effective_sample_size) and metric of
    `metrics` (corridor.backtest_metric_definitions(from_rows=true)): the
    keys, metric, method, interval_method, expected_value, sample_size (the
    effective sample size, rounded), standard_error, interval_lower,
    interval_upper and confidence_level from corridor.weighted_metric_row_sql
    (z and level: the interval's normal quantile and confidence level). Each
    select is followed by `union all`: the call comes before the select the
    union ends with.
-#}
{% macro weighted_metric_rows(relation, metrics, keys, z, level) -%}
    {{ return(adapter.dispatch('weighted_metric_rows', 'corridor')(relation, metrics, keys, z, level)) }}
{%- endmacro %}

{% macro default__weighted_metric_rows(relation, metrics, keys, z, level) -%}
    {%- for m in metrics %}
    {%- set row = corridor.weighted_metric_row_sql(m, z, level) %}
    select
        {{ keys | join(',\n        ') }},
        {{ corridor.sql_string(m['name']) }} as metric,
        {{ corridor.sql_string(row['method']) }} as method,
        {{ corridor.sql_string(row['interval_method']) }} as interval_method,
        cast({{ row['value'] }} as {{ corridor.type_double() }}) as expected_value,
        cast({{ corridor.round_half_away('effective_sample_size') }} as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ row['se'] }} as {{ corridor.type_double() }}) as standard_error,
        cast({{ row['lower'] }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ row['upper'] }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ row['confidence_level'] }} as {{ corridor.type_double() }}) as confidence_level

    from {{ relation }}
    union all
    {%- endfor %}
{%- endmacro %}
