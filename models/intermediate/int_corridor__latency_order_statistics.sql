{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=corridor.set_based_series_hooks() + ["{{ corridor.lookback_delete(corridor.window_lookback_column('window_start')) }}"],
        meta={'spark_incremental_strategy': 'insert_overwrite, partitioned by window_start'},
    )
}}
{#-
    Every latency order statistic corridor reads, per version × window ×
    segment (every grain and rolling window), without an exact quantile
    aggregate (which holds every latency in memory): 1-based ranks and values.

    requests (statistic, bound):
      latency_p50 .. latency_p99_above (corridor.latency_quantile_fractions()),
        low / high: the ranks floor(h) + 1 and the next one, h = (n - 1) p,
        between which the exact quantile interpolates (read by
        int_corridor__latency_quantiles and int_corridor__rolling_window_stats);
      latency_p50 / p95 / p99, lower / upper (bootstrap grains, rolling
        windows): binomial ranks of the distribution-free interval at
        corridor_confidence_level (rank 0 or n + 1, value null: no bound).

    How (docs/incremental.md): latencies counted in bins of one width per
    version (corridor.latency_bin_width) per fine cell, rolled up with
    GROUPING SETS (corridor.latency_value_bin_ctes); a running count over
    each group's bins finds the bin of each rank; only bins of several
    distinct values holding a rank are read again, in one pass over the
    events, and sorted (corridor.latency_target_value_ctes). Cost: groups x
    bins plus a few bins' events per group; exact as a whole sort. Incremental with the
    event pipeline's lookback (events from the longest rolling window
    earlier).
-#}
{%- set grains = corridor.setting('corridor_window_grains') -%}
{%- set bin_grains = grains + (['day'] if corridor.rolling_windows() and 'day' not in grains else []) -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set event_lookback = corridor.lookback_condition(corridor.window_lookback_column('event_at')) %}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

{{ corridor.latency_value_bin_ctes(ref('int_corridor__events_enriched'), bin_grains, segments, event_lookback) }},

group_bins as (

    {{ corridor.window_value_bins(
        'calendar_bins', grains, corridor.lookback_condition(corridor.window_lookback_column('window_start')),
        ref('int_corridor__events_enriched'), event_lookback
    ) }}

),

{# each group keyed once (corridor.group_key: a number, on Spark the keys as a struct): the running counts are
    partitioned by one column -#}
numbered_groups as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        sum(n_events) as n,
        {{ corridor.group_key(['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value']) }}
            as group_number

    from group_bins
    {{ corridor.where_clause(corridor.computed_once_condition()) }}
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value

),

interval_requests as (

    {{ corridor.order_statistic_interval_requests(
        'numbered_groups', corridor.bootstrap_grains() + (corridor.rolling_windows() | map(attribute='name') | list),
        [('latency_p50', 0.5), ('latency_p95', 0.95), ('latency_p99', 0.99)]
    ) }}

),

interval_ranks as (

    {{ corridor.order_statistic_ranks_query('interval_requests', 'request_key', 'n', 'q', corridor.setting('corridor_confidence_level')) }}

),

requests as (

    {{ corridor.order_statistic_requests(
        'interval_requests', 'interval_ranks', 'numbered_groups', corridor.latency_quantile_fractions()
    ) }}

),

bin_ranks as (

    select
        numbered_groups.group_number,
        group_bins.value_bin,
        group_bins.n_events,
        group_bins.min_value,
        group_bins.max_value,
        sum(group_bins.n_events) over (
            partition by numbered_groups.group_number
            order by group_bins.value_bin
            rows between unbounded preceding and current row
        ) as last_rank

    from group_bins
    inner join numbered_groups
        on {{ corridor.keys_equal(
            'group_bins', 'numbered_groups',
            ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value']
        ) }}

),

{# the bin holding each requested rank, and the rank's position among the bin's sorted values -#}
located as (

    select
        requests.group_number,
        requests.statistic,
        requests.bound,
        bin_ranks.value_bin,
        bin_ranks.min_value,
        bin_ranks.max_value,
        requests.order_rank - (bin_ranks.last_rank - bin_ranks.n_events) as bin_position

    {{ corridor.rank_bin_join(
        'requests', 'bin_ranks', 'group_number', 'order_rank', 'last_rank', 'n_events', corridor.computed_once_condition()
    ) }}

),

rolling_offsets as (
    {{ corridor.rolling_offsets() }}
),

{# bins of more than one distinct value: their latencies are read again, for their groups only -#}
targets as (

    {{ corridor.order_statistic_targets('located', 'numbered_groups', 'rolling_offsets') }}

),

{{ corridor.latency_target_value_ctes(bin_grains, segments) }},

resolved as (

    {{ corridor.order_statistic_values('located', 'target_values', 'latency_value') }}

),

final as (

    select
        numbered_groups.model_id,
        numbered_groups.model_version,
        numbered_groups.window_grain,
        numbered_groups.segment_dimension,
        numbered_groups.segment_value,
        cast(numbered_groups.n as {{ dbt.type_bigint() }}) as n,
        requests.statistic,
        requests.bound,
        cast(requests.order_rank as {{ dbt.type_bigint() }}) as order_rank,
        cast(resolved.latency_value as {{ corridor.type_double() }}) as latency_value,
        numbered_groups.window_start

    from requests
    inner join numbered_groups
        on requests.group_number = numbered_groups.group_number
    left join resolved
        on requests.group_number = resolved.group_number
        and requests.statistic = resolved.statistic
        and requests.bound = resolved.bound

)

select * from final
