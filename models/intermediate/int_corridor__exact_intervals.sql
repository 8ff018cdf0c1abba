{#-
    Intervals without resampling, per production metric × model version ×
    segment × window of corridor.bootstrap_grains() and the rolling windows, at corridor_confidence_level,
    computed in SQL on every engine (one row per metric × interval method):

    - rates (error_rate, label_maturity, slow_request_rate, accuracy, precision, recall):
      `wilson` and `clopper_pearson` (exact: beta quantiles, see
      corridor.beta_quantile_query);
    - f1: `wilson_f1`, `clopper_pearson_f1`: those of J = TP / (TP + FP + FN),
      binomial given TP + FP + FN, mapped through F1 = 2J / (1 + J) (exact);
    - means (latency_mean, log_loss, brier_score, mae): `normal`, mean ± z·SE
      from the sufficient statistics (valid at large n);
    - latency quantiles (p50, p95, p99): `order_statistic`, the
      distribution-free interval [x_(l), x_(u)] with binomial ranks
      (corridor.order_statistic_ranks_query), the order statistics read by
      int_corridor__latency_order_statistics; a bound is null when no order
      statistic can guarantee it (e.g. p99's upper bound below n = 368).
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=corridor.set_based_series_hooks() + ["{{ corridor.lookback_delete(corridor.window_lookback_column('window_start')) }}"],
        meta={'spark_incremental_strategy': 'insert_overwrite, partitioned by window_start'},
    )
}}
{#- incremental: the windows starting on or after the lookback start (rolling windows: the ones holding its day),
    corridor.window_lookback_column; docs/incremental.md -#}
{%- set lookback = corridor.lookback_condition(corridor.window_lookback_column('window_start')) -%}
{%- set grains = corridor.bootstrap_grains() + (corridor.rolling_windows() | map(attribute='name') | list) -%}
{%- set metrics = corridor.exact_interval_metrics(corridor.setting('corridor_model_type')) -%}
/* depends_on: {{ ref('int_corridor__events_enriched') }} (the lookback's stale versions) */

with

window_stats as (

    select *
    from (
        select * from {{ ref('int_corridor__production_window_stats') }}
        union all
        select * from {{ ref('int_corridor__rolling_window_stats') }}
    ) as calendar_and_rolling_window_stats
    where window_grain in ({{ corridor.sql_string_list(grains) }}) {{ corridor.and_clause(lookback) }}

),

production_metrics as (

    select * from {{ ref('int_corridor__production_metrics') }}
    where window_grain in ({{ corridor.sql_string_list(grains) }}) {{ corridor.and_clause(lookback) }}

),

quantile_bounds as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        statistic as metric,
        max(n) as n,
        max(case when bound = 'lower' then latency_value end) as interval_lower,
        max(case when bound = 'upper' then latency_value end) as interval_upper

    from {{ ref('int_corridor__latency_order_statistics') }}
    where bound in ('lower', 'upper') {{ corridor.and_clause(lookback) }}
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value, statistic

),

rate_counts as (

    {{ corridor.rate_count_rows('window_stats', metrics['rates']) }}

),

rate_keyed as (

    select
        *,
        {{ dbt.concat([
            'model_id', "'|'", 'model_version', "'|'", 'window_grain', "'|'", dbt.cast('window_start', dbt.type_string()),
            "'|'", 'segment_dimension', "'|'", 'segment_value', "'|'", 'metric'
        ]) }} as row_key
    from rate_counts

),

clopper_pearson_bounds as (

    {{ corridor.clopper_pearson_bounds_query(
        'rate_keyed', 'row_key', 'successes', 'trials', corridor.setting('corridor_confidence_level')
    ) }}

),

rate_intervals as (

    select
        rate_keyed.model_id,
        rate_keyed.model_version,
        rate_keyed.window_grain,
        rate_keyed.segment_dimension,
        rate_keyed.segment_value,
        rate_keyed.metric,
        'clopper_pearson' as interval_method,
        rate_keyed.successes / rate_keyed.trials as metric_value,
        rate_keyed.trials as sample_size,
        clopper_pearson_bounds.interval_lower,
        clopper_pearson_bounds.interval_upper,
        rate_keyed.window_start

    from rate_keyed
    inner join clopper_pearson_bounds
        on rate_keyed.row_key = clopper_pearson_bounds.bound_key

    union all

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        metric,
        'wilson' as interval_method,
        successes / trials as metric_value,
        trials as sample_size,
        {{ corridor.wilson_lower('successes', 'trials', corridor.confidence_z()) }} as interval_lower,
        {{ corridor.wilson_upper('successes', 'trials', corridor.confidence_z()) }} as interval_upper,
        window_start

    from rate_keyed

),

mean_intervals as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        metric,
        'normal' as interval_method,
        metric_value,
        sample_size,
        interval_lower,
        interval_upper,
        window_start

    from production_metrics
    where metric in ({{ corridor.sql_string_list(metrics['means']) }})
        and sample_size > 0

),

quantile_intervals as (

    select
        quantile_bounds.model_id,
        quantile_bounds.model_version,
        quantile_bounds.window_grain,
        quantile_bounds.segment_dimension,
        quantile_bounds.segment_value,
        quantile_bounds.metric,
        'order_statistic' as interval_method,
        production_metrics.metric_value,
        quantile_bounds.n as sample_size,
        quantile_bounds.interval_lower,
        quantile_bounds.interval_upper,
        quantile_bounds.window_start

    from quantile_bounds
    inner join production_metrics
        on {{ corridor.keys_equal('quantile_bounds', 'production_metrics', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value', 'metric'
        ]) }}

),

unioned as (

    select * from rate_intervals
    union all
    select * from mean_intervals
    union all
    select * from quantile_intervals

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        metric,
        case when metric = 'f1' then {{ dbt.concat(['interval_method', "'_f1'"]) }} else interval_method end as interval_method,
        cast({{ corridor.f1_from_jaccard('metric_value', "metric = 'f1'") }} as {{ corridor.type_double() }}) as metric_value,
        cast(sample_size as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ corridor.f1_from_jaccard('interval_lower', "metric = 'f1'") }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ corridor.f1_from_jaccard('interval_upper', "metric = 'f1'") }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ corridor.setting('corridor_confidence_level') }} as {{ corridor.type_double() }}) as confidence_level,
        window_start

    from unioned

)

select * from final
where metric in ({{ corridor.sql_string_list(corridor.metric_catalogue().keys() | list | sort) }})
