{#-
    Intervals without resampling, per production metric × model version ×
    segment × window of corridor.bootstrap_grains() and the rolling windows, at corridor_confidence_level,
    computed in SQL on every engine (one row per metric × interval method):

    - rates (error_rate, label_maturity, accuracy, precision, recall):
      `wilson` and `clopper_pearson` (exact: beta quantiles, see
      corridor.beta_quantile_query);
    - means (latency_mean, log_loss, brier_score, mae): `normal`, mean ± z·SE
      from the sufficient statistics (valid at large n);
    - latency quantiles (p50, p95, p99): `order_statistic`, the
      distribution-free interval [x_(l), x_(u)] with binomial ranks
      (corridor.order_statistic_ranks_query), read from the exact value
      histograms; a bound is null when no order statistic can guarantee it
      at this sample size (e.g. the upper bound of p99 below n = 368, of p95 below n = 72).
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
/* depends_on: {{ ref('int_corridor__events_enriched') }} (the lookback's stale versions) */
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set level = corridor.setting('corridor_confidence_level') -%}
{%- set z = corridor.z_for_level(level) -%}
{%- set alpha = (1 - level) / 2 -%}
{%- set grains = corridor.bootstrap_grains() + (corridor.rolling_windows() | map(attribute='name') | list) -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set rates = [
    ('error_rate', 'n_errors', 'n_events'),
    ('label_maturity', 'n_labeled', 'n_events'),
] -%}
{%- if model_type == 'binary_classifier' -%}
    {%- do rates.extend([
        ('accuracy', 'n_true_positive + n_true_negative', 'n_evaluated'),
        ('precision', 'n_true_positive', 'n_true_positive + n_false_positive'),
        ('recall', 'n_true_positive', 'n_true_positive + n_false_negative'),
    ]) -%}
    {%- set means = ['latency_mean', 'log_loss', 'brier_score'] -%}
{%- else -%}
    {%- set means = ['latency_mean', 'mae'] -%}
{%- endif -%}
{%- set quantiles = [('latency_p50', 0.5), ('latency_p95', 0.95), ('latency_p99', 0.99)] -%}
{%- set group_key = dbt.concat([
    'model_id', "'|'", 'model_version', "'|'", 'window_grain', "'|'", dbt.cast('window_start', string), "'|'",
    'segment_dimension', "'|'", 'segment_value', "'|'", 'metric'
]) -%}

with

calendar_and_rolling_window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}
    union all
    select * from {{ ref('int_corridor__rolling_window_stats') }}

),

window_stats as (

    select * from calendar_and_rolling_window_stats
    where window_grain in ('{{ grains | join("', '") }}')
    {%- if lookback is not none %}
        and ({{ lookback }})
    {%- endif %}

),

production_metrics as (

    select * from {{ ref('int_corridor__production_metrics') }}
    where window_grain in ('{{ grains | join("', '") }}')
    {%- if lookback is not none %}
        and ({{ lookback }})
    {%- endif %}

),

calendar_and_rolling_value_histograms as (

    select * from {{ ref('int_corridor__value_histograms') }}
    union all
    select * from {{ ref('int_corridor__rolling_value_histograms') }}

),

value_histograms as (

    select * from calendar_and_rolling_value_histograms
    where family = 'latency'
    {%- if lookback is not none %}
        and ({{ lookback }})
    {%- endif %}

),

rate_counts as (

    {%- for metric, k, n in rates %}
    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        '{{ metric }}' as metric,
        cast({{ k }} as {{ double }}) as successes,
        cast({{ n }} as {{ double }}) as trials,
        window_start
    from window_stats
    where {{ n }} > 0
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

rate_keyed as (

    select
        *,
        {{ group_key }} as row_key
    from rate_counts

),

clopper_pearson_inputs as (

    select
        {{ dbt.concat(['row_key', "'|lower'"]) }} as bound_key,
        {{ alpha }} as p,
        successes as a,
        trials - successes + 1 as b
    from rate_keyed
    where successes > 0

    union all

    select
        {{ dbt.concat(['row_key', "'|upper'"]) }} as bound_key,
        {{ 1 - alpha }} as p,
        successes + 1 as a,
        trials - successes as b
    from rate_keyed
    where successes < trials

),

clopper_pearson_bounds as (

    {{ corridor.beta_quantile_query('clopper_pearson_inputs', 'bound_key', 'p', 'a', 'b') }}

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
        case when rate_keyed.successes = 0 then 0.0 else lower_bound.beta_quantile end as interval_lower,
        case when rate_keyed.successes = rate_keyed.trials then 1.0 else upper_bound.beta_quantile end as interval_upper,
        rate_keyed.window_start

    from rate_keyed
    left join clopper_pearson_bounds as lower_bound
        on {{ dbt.concat(['rate_keyed.row_key', "'|lower'"]) }} = lower_bound.beta_key
    left join clopper_pearson_bounds as upper_bound
        on {{ dbt.concat(['rate_keyed.row_key', "'|upper'"]) }} = upper_bound.beta_key

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
        {{ corridor.wilson_lower('successes', 'trials', z) }} as interval_lower,
        {{ corridor.wilson_upper('successes', 'trials', z) }} as interval_upper,
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
    where metric in ('{{ means | join("', '") }}')
        and sample_size > 0

),

latency_groups as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        sum(n_events) as n

    from value_histograms
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value

),

quantile_requests as (

    {%- for metric, q in quantiles %}
    select
        latency_groups.*,
        '{{ metric }}' as metric,
        {{ q }} as q
    from latency_groups
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

quantile_keyed as (

    select
        *,
        {{ group_key }} as row_key
    from quantile_requests

),

quantile_ranks as (

    {{ corridor.order_statistic_ranks_query('quantile_keyed', 'row_key', 'n', 'q', level) }}

),

value_ranks as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        value,
        sum(n_events) over (
            partition by model_id, model_version, window_grain, window_start, segment_dimension, segment_value
            order by value
            rows between unbounded preceding and current row
        ) as last_rank,
        n_events

    from value_histograms

),

quantile_bounds as (

    select
        quantile_keyed.model_id,
        quantile_keyed.model_version,
        quantile_keyed.window_grain,
        quantile_keyed.segment_dimension,
        quantile_keyed.segment_value,
        quantile_keyed.metric,
        quantile_keyed.n,
        quantile_keyed.window_start,
        max(case
            when quantile_ranks.lower_rank between value_ranks.last_rank - value_ranks.n_events + 1 and value_ranks.last_rank
                then value_ranks.value
        end) as interval_lower,
        max(case
            when quantile_ranks.upper_rank between value_ranks.last_rank - value_ranks.n_events + 1 and value_ranks.last_rank
                then value_ranks.value
        end) as interval_upper

    from quantile_keyed
    inner join quantile_ranks
        on quantile_keyed.row_key = quantile_ranks.rank_key
    inner join value_ranks
        on {{ corridor.keys_equal('quantile_keyed', 'value_ranks', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'
        ]) }}
    group by
        quantile_keyed.model_id,
        quantile_keyed.model_version,
        quantile_keyed.window_grain,
        quantile_keyed.segment_dimension,
        quantile_keyed.segment_value,
        quantile_keyed.metric,
        quantile_keyed.n,
        quantile_keyed.window_start

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
        interval_method,
        cast(metric_value as {{ double }}) as metric_value,
        cast(sample_size as {{ dbt.type_bigint() }}) as sample_size,
        cast(interval_lower as {{ double }}) as interval_lower,
        cast(interval_upper as {{ double }}) as interval_upper,
        cast({{ level }} as {{ double }}) as confidence_level,
        window_start

    from unioned

)

select * from final
where metric in ({{ corridor.sql_string_list(corridor.metric_catalogue().keys() | list | sort) }})
