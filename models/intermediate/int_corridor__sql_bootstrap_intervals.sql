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
      event (corridor.poisson_bootstrap_weights, deterministic in event id,
      replicate and seed; only the events of such groups are read);
    - above that, replicates come from the group's sufficient statistics
      (n, Σx, Σx²): a Poisson bootstrap's weighted count N and sum T have
      means n, Σx, variances n, Σx², covariance Σx, jointly normal to
      O(n^-1/2); N = n + √n z1, T = Σx (1 + z1/√n) + √(Σx² − (Σx)²/n) z2 match
      them (corridor.bootstrap_normal_draws: z1 hash-drawn per group and
      replicate, z2 the B normal quantiles); the replicate is T / N.
    Float sums go through exact decimals: builds are bit-identical.
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
{%- set lookback_events = corridor.lookback_condition(corridor.window_lookback_column('event_at')) -%}
{%- set lookback = corridor.lookback_condition(corridor.window_lookback_column('window_start')) -%}
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set level = corridor.setting('corridor_confidence_level') -%}
{%- set n_resamples = corridor.setting('corridor_sql_bootstrap_resamples') | int -%}
{%- set exact_events = corridor.setting('corridor_sql_bootstrap_exact_events') | int -%}
{%- set seed = corridor.setting('corridor_bootstrap_seed') | int -%}
{%- set grains = corridor.bootstrap_grains() -%}
{%- set finest = corridor.finest_grain(grains) -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set double = corridor.type_double() -%}
{%- set loss = 'log_loss_term' if model_type == 'binary_classifier' else 'abs_error' -%}
{%- set loss_metric = 'log_loss' if model_type == 'binary_classifier' else 'mae' -%}
{#- metric, numerator, denominator (weighted sums), count of the denominator's events, sum, sum of squares -#}
{%- set metrics = [
    ('error_rate', 'w_errors', 'w_events', 'n_events', 'n_errors', 'n_errors'),
    ('latency_mean', 'w_latency_sum', 'w_latency', 'n_latency', 'latency_sum', 'latency_sq_sum'),
    ('accuracy', 'w_correct', 'w_evaluated', 'n_evaluated', 'n_correct', 'n_correct'),
    (loss_metric, 'w_loss_sum', 'w_evaluated', 'n_evaluated', 'loss_sum', 'loss_sq_sum'),
] -%}
{%- if model_type != 'binary_classifier' -%}
    {%- set metrics = [metrics[0], metrics[1], metrics[3]] -%}
{%- endif -%}
{%- set sufficient = [
    ('n_events', 'count(*)'), ('n_errors', 'sum(is_error_flag)'), ('n_latency', 'count(latency_ms)'),
    ('latency_sum', corridor.exact_decimal_sum('latency_ms', 9)),
    ('latency_sq_sum', corridor.exact_decimal_sum('latency_ms * latency_ms', 9)),
    ('n_evaluated', 'sum(is_evaluable_flag)'), ('n_correct', 'sum(is_correct_flag)'),
    ('loss_sum', corridor.exact_decimal_sum('loss_term', 12)),
    ('loss_sq_sum', corridor.exact_decimal_sum('loss_term * loss_term', 12)),
] -%}
{%- set weighted_sums = [
    ('w_events', 'sum(bootstrap_weight)'), ('w_errors', 'sum(bootstrap_weight * is_error_flag)'),
    ('w_latency', 'sum(case when latency_ms is not null then bootstrap_weight else 0 end)'),
    ('w_latency_sum', corridor.exact_decimal_sum('bootstrap_weight * latency_ms', 9)),
    ('w_evaluated', 'sum(bootstrap_weight * is_evaluable_flag)'), ('w_correct', 'sum(bootstrap_weight * is_correct_flag)'),
    ('w_loss_sum', corridor.exact_decimal_sum('bootstrap_weight * loss_term', 12)),
] -%}
{%- set group_cols = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}
{%- set rolling_keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value'] -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    select
        event_key,
        {{ corridor.fine_cell_keys(segments, finest) }},
        {%- for grain in grains if grain != finest %}
        {{ grain }}_start,
        {%- endfor %}
        latency_ms,
        case when is_error then 1 else 0 end as is_error_flag,
        case when is_evaluable then 1 else 0 end as is_evaluable_flag,
        case when is_evaluable and predicted_class = label then 1 else 0 end as is_correct_flag,
        case when is_evaluable then {{ loss }} end as loss_term

    from ({{ corridor.event_terms(ref('int_corridor__events_enriched')) }}) as event_terms
    {%- if lookback_events is not none %}
    where {{ lookback_events }}
    {%- endif %}

),

fine_cells as (

    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        {%- for name, expr in sufficient %}
        {{ expr }} as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}

    from events
    group by {{ corridor.fine_cell_keys(segments, finest) }}

),

fine_cells_with_windows as (

    select *{{ corridor.coarser_window_starts(grains, finest) }} from fine_cells

),

calendar_group_stats as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        {%- for name, _ in sufficient %}
        sum({{ name }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}

    from fine_cells_with_windows
    group by {{ corridor.window_segment_grouping_sets(grains, segments) }}

),

{#- rolling windows (corridor.rolling_windows): the sums of their day groups -#}
rolling_group_days as (

    {{ corridor.rolling_day_cells('calendar_group_stats', rolling_keys + (sufficient | map(attribute=0) | list)) }}

),

group_stats as (

    select * from calendar_group_stats
    union all
    select
        {{ group_cols | join(', ') }},
        {%- for name, _ in sufficient %}
        sum({{ name }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from rolling_group_days
    group by {{ group_cols | join(', ') }}

),

{#- groups with a metric small enough to resample event by event: only the fine cells of such groups are
    resampled (each event once, as before), then rolled up like every event aggregation -#}
small_groups as (

    select
        {{ group_cols | join(', ') }},
        n_events <= {{ exact_events }} as is_small_events,
        n_latency > 0 and n_latency <= {{ exact_events }} as is_small_latency,
        n_evaluated > 0 and n_evaluated <= {{ exact_events }} as is_small_evaluated
    from group_stats
    where
        n_events <= {{ exact_events }}
        or (n_latency > 0 and n_latency <= {{ exact_events }})
        or (n_evaluated > 0 and n_evaluated <= {{ exact_events }})

),

small_fine_cells as (

    select distinct {{ corridor.fine_cell_keys(segments, finest) }}
    from ({{ corridor.window_segment_members(
        'fine_cells_with_windows', 'small_groups', grains, segments,
        corridor.fine_cell_keys(segments, finest).split(',') | map('trim') | list
    ) }}) as members

),

small_events as (

    select events.*
    from events
    inner join small_fine_cells
        on {{ corridor.keys_equal('events', 'small_fine_cells', corridor.fine_cell_keys(segments, finest).split(',') | map('trim') | list) }}

),

weighted as (

    {{ corridor.poisson_bootstrap_weights('small_events', 'event_key', n_resamples, seed) }}

),

small_fine_replicates as (

    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        bootstrap_replicate,
        {%- for name, expr in weighted_sums %}
        {{ expr }} as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}

    from weighted
    group by {{ corridor.fine_cell_keys(segments, finest) }}, bootstrap_replicate

),

{#- each fine cell's replicates joined to the small groups it belongs to (not rolled up to every window and
    segment: the large groups' partial sums were computed and thrown away), summed per group and replicate -#}
small_fine_replicates_with_windows as (

    select *{{ corridor.coarser_window_starts(grains, finest) }} from small_fine_replicates

),

small_members as (

    {{ corridor.window_segment_members(
        'small_fine_replicates_with_windows', 'small_groups', grains, segments,
        ['bootstrap_replicate'] + (weighted_sums | map(attribute=0) | list), group_columns=group_cols
    ) }}

),

small_rollup as (

    select
        {{ group_cols | join(', ') }},
        bootstrap_replicate,
        {%- for name, _ in weighted_sums %}
        sum({{ name }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}

    from small_members
    group by {{ group_cols | join(', ') }}, bootstrap_replicate

),

{#- a small rolling window's replicate sums its days' replicates: the same Poisson weight per event and replicate,
    so exactly the event-level resample of the window (each of its days is small too) -#}
small_rollup_days as (

    {{ corridor.rolling_day_cells('small_rollup', rolling_keys + ['bootstrap_replicate'] + (weighted_sums | map(attribute=0) | list)) }}

),

small_rollup_with_rolling as (

    select * from small_rollup
    union all
    select
        {{ group_cols | join(', ') }},
        bootstrap_replicate,
        {%- for name, _ in weighted_sums %}
        sum({{ name }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from small_rollup_days
    group by {{ group_cols | join(', ') }}, bootstrap_replicate

),

small_replicates as (

    select
        small_rollup.*,
        small_groups.is_small_events,
        small_groups.is_small_latency,
        small_groups.is_small_evaluated
    from small_rollup_with_rolling as small_rollup
    inner join small_groups
        on {{ corridor.keys_equal('small_rollup', 'small_groups', group_cols) }}

),

large_groups as (

    select
        *,
        {{ corridor.hash32(dbt.concat([
            'model_id', "'|'", 'model_version', "'|'", 'window_grain', "'|'",
            dbt.cast(dbt.cast(corridor.epoch_seconds('window_start'), dbt.type_bigint()), dbt.type_string()), "'|'",
            'segment_dimension', "'|'", 'segment_value'
        ])) }} as group_key
    from group_stats
    where n_events > {{ exact_events }}

),

large_draws as (

    {{ corridor.bootstrap_normal_draws('large_groups', 'group_key', n_resamples, seed) }}

),

replicate_statistics as (

    {%- for metric, numerator, denominator, n, sx, sxx in metrics %}
    {%- set small_flag = {'n_events': 'is_small_events', 'n_latency': 'is_small_latency', 'n_evaluated': 'is_small_evaluated'}[n] %}
    select
        {{ group_cols | join(', ') }},
        '{{ metric }}' as metric,
        cast({{ numerator }} as {{ double }}) / {{ denominator }} as statistic
    from small_replicates
    where {{ small_flag }} and {{ denominator }} > 0

    union all

    select
        {{ group_cols | join(', ') }},
        '{{ metric }}' as metric,
        (
            cast({{ sx }} as {{ double }}) * (1 + bootstrap_z1 / sqrt({{ n }}))
            + sqrt(greatest(cast({{ sxx }} as {{ double }}) - cast({{ sx }} as {{ double }}) * {{ sx }} / {{ n }}, 0.0))
            * bootstrap_z2
        ) / ({{ n }} + sqrt({{ n }}) * bootstrap_z1) as statistic
    from large_draws
    where {{ n }} > {{ exact_events }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

percentiles as (

    select
        {{ group_cols | join(', ') }},
        metric,
        count(*) as valid_resamples,
        {{ corridor.percentiles('statistic', [(1 - level) / 2, (1 + level) / 2]) }} as bounds

    from replicate_statistics
    group by {{ group_cols | join(', ') }}, metric

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
        cast({{ corridor.array_element('bounds', 1) }} as {{ double }}) as interval_lower,
        cast({{ corridor.array_element('bounds', 2) }} as {{ double }}) as interval_upper,
        cast({{ level }} as {{ double }}) as confidence_level,
        cast({{ n_resamples }} as {{ dbt.type_bigint() }}) as n_resamples,
        cast(valid_resamples as {{ dbt.type_bigint() }}) as valid_resamples,
        cast({{ seed }} as {{ dbt.type_bigint() }}) as seed,
        window_start

    from percentiles

)

select * from final
where metric in ({{ corridor.sql_string_list(corridor.metric_catalogue().keys() | list | sort) }})
{%- if lookback is not none %}
    and ({{ lookback }})
{%- endif %}
