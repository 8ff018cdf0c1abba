{#-
    Poisson-bootstrap percentile intervals in SQL, for engines without Python
    models: error_rate, accuracy, latency_mean, log_loss (binary) or mae
    (regression) per model version × segment × window of
    corridor.bootstrap_grains(). A replicate is a ratio of Poisson-weighted
    sums; the interval is the (1 ± level) / 2 percentiles of
    corridor_sql_bootstrap_resamples replicates (linear interpolation),
    replicates without weighted events left out. Cost grows with groups:
    - a metric whose denominator counts at most
      corridor_sql_bootstrap_exact_events events is resampled event by
      event (corridor.sql_bootstrap_small_group_ctes: Poisson weights
      deterministic in event id, replicate and seed; only the events of
      such groups are read);
    - above that, replicates come from the group's sufficient statistics
      (n, Σx, Σx²): a Poisson bootstrap's weighted count N and sum T have
      means n, Σx, variances n, Σx², covariance Σx, jointly normal to
      O(n^-1/2); N = n + √n z1, T = Σx (1 + z1/√n) + √(Σx² − (Σx)²/n) z2 match
      them (corridor.bootstrap_normal_draws: z1 hash-drawn per group and
      replicate, z2 the B normal quantiles); the replicate is T / N.
    What is summed per metric: corridor.sql_bootstrap_statistics. Float
    sums go through exact decimals: builds are bit-identical.
    Rolling windows (corridor.rolling_windows) sum the statistics and
    replicates of their day groups.
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
{#- incremental: reads the events from the lookback start (rolling windows: from the first day of the ones holding
    its day) and keeps the windows starting there, which are whole (corridor.window_lookback_column; docs/incremental.md) -#}
{%- set bootstrap = corridor.sql_bootstrap_interval_settings() -%}
{%- set sufficient_sums = [] -%}
{%- for name, expr in bootstrap.statistics['sufficient'] %}{% do sufficient_sums.append([name, 'sum']) %}{% endfor -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

{#- read twice: inlined (corridor.inlined_cte), each reader scans the enriched events' columns it needs #}
events as {{ corridor.inlined_cte() }} (

    select
        event_key,
        {{ corridor.fine_cell_keys(bootstrap.segments, bootstrap.finest) }},
        {{ corridor.coarser_grain_start_columns(bootstrap.grains, bootstrap.finest) }}
        latency_ms,
        case when is_error then 1 else 0 end as is_error_flag,
        case when is_evaluable then 1 else 0 end as is_evaluable_flag,
        case when is_evaluable and predicted_class = label then 1 else 0 end as is_correct_flag,
        case when is_evaluable then {{ bootstrap.statistics['loss'] }} end as loss_term

    from ({{ corridor.event_terms(ref('int_corridor__events_enriched')) }}) as event_terms
    {{ corridor.where_clause(corridor.lookback_condition(corridor.window_lookback_column('event_at'))) }}

),

fine_cells as (

    select
        {{ corridor.fine_cell_keys(bootstrap.segments, bootstrap.finest) }},
        {{ corridor.aliased_expressions(bootstrap.statistics['sufficient']) }}

    from events
    group by {{ corridor.fine_cell_keys(bootstrap.segments, bootstrap.finest) }}

),

fine_cells_with_windows as (

    select *{{ corridor.coarser_window_starts(bootstrap.grains, bootstrap.finest) }} from fine_cells

),

{{ corridor.window_segment_rollup_ctes('calendar_group_stats', 'fine_cells_with_windows', bootstrap, [], sufficient_sums) }},

{# rolling windows (corridor.rolling_windows): the sums of their day groups #}
rolling_group_days as (

    {{ corridor.rolling_day_cells(
        'calendar_group_stats',
        ['model_id', 'model_version', 'segment_dimension', 'segment_value'] + (bootstrap.statistics['sufficient'] | map(attribute=0) | list)
    ) }}

),

group_stats as (

    select * from calendar_group_stats
    union all
    select
        model_id, model_version, window_grain, window_start, segment_dimension, segment_value,
        {{ corridor.sum_columns(bootstrap.statistics['sufficient'] | map(attribute=0)) }}
    from rolling_group_days
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value

),

{{ corridor.sql_bootstrap_small_group_ctes(
    'events', 'fine_cells_with_windows', 'group_stats', bootstrap.grains, bootstrap.segments, bootstrap.statistics['weighted_sums'],
    bootstrap.n_resamples, bootstrap.seed, bootstrap.exact_events
) }},

large_groups as (

    select
        *,
        {{ corridor.hash32(dbt.concat([
            'model_id', "'|'", 'model_version', "'|'", 'window_grain', "'|'",
            dbt.cast(dbt.cast(corridor.epoch_seconds('window_start'), dbt.type_bigint()), dbt.type_string()), "'|'",
            'segment_dimension', "'|'", 'segment_value'
        ])) }} as group_key
    from group_stats
    where n_events > {{ bootstrap.exact_events }}

),

{# read once per metric (corridor.sql_bootstrap_replicate_statistics): computed once on Spark too #}
large_draws as (

    {{ corridor.bootstrap_normal_draws('large_groups', 'group_key', bootstrap.n_resamples, bootstrap.seed) }}
    {{ corridor.where_clause(corridor.computed_once_condition()) }}

),

replicate_statistics as (

    {{ corridor.sql_bootstrap_replicate_statistics(bootstrap.statistics['metrics'], bootstrap.exact_events) }}

),

percentiles as (

    select
        model_id, model_version, window_grain, window_start, segment_dimension, segment_value,
        metric,
        count(*) as valid_resamples,
        {{ corridor.percentiles('statistic', [(1 - bootstrap.level) / 2, (1 + bootstrap.level) / 2]) }} as bounds

    from replicate_statistics
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value, metric

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        metric,
        'sql_poisson_bootstrap_percentile' as interval_method,
        cast({{ corridor.array_element('bounds', 1) }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ corridor.array_element('bounds', 2) }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ bootstrap.level }} as {{ corridor.type_double() }}) as confidence_level,
        cast({{ bootstrap.n_resamples }} as {{ dbt.type_bigint() }}) as n_resamples,
        cast(valid_resamples as {{ dbt.type_bigint() }}) as valid_resamples,
        cast({{ bootstrap.seed }} as {{ dbt.type_bigint() }}) as seed,
        window_start

    from percentiles

)

select * from final
where metric in ({{ corridor.sql_string_list(corridor.metric_catalogue().keys() | list | sort) }})
{{ corridor.and_clause(corridor.lookback_condition(corridor.window_lookback_column('window_start'))) }}
