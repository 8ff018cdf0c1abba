{#-
    Poisson-bootstrap percentile intervals computed in SQL, so that engines
    without Python models (PostgreSQL, Spark) get bootstrap intervals too:
    rates (error_rate, accuracy) and means (latency_mean; log_loss for binary
    classifiers, mae for regression) per model version × segment × window of
    corridor.bootstrap_grains().

    Every event gets a Poisson(1) weight per replicate from
    corridor.poisson_bootstrap_weights (deterministic in event id, replicate
    and corridor_bootstrap_seed; identical on every engine), weighted sums
    are accumulated in fine cells (finest grain × every segment column ×
    replicate) and rolled up with GROUPING SETS, and each replicate's
    statistic is a ratio of weighted sums. The interval is the
    (1 ± level) / 2 percentiles of corridor_sql_bootstrap_resamples
    replicates (linear interpolation). Replicates with no weighted events
    are left out. Weighted sums of floats go through exact decimals, so
    builds are bit-identical.
-#}
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set level = corridor.setting('corridor_confidence_level') -%}
{%- set n_resamples = corridor.setting('corridor_sql_bootstrap_resamples') | int -%}
{%- set seed = corridor.setting('corridor_bootstrap_seed') | int -%}
{%- set grains = corridor.bootstrap_grains() -%}
{%- set finest = 'hour' if 'hour' in grains else ('day' if 'day' in grains else 'week') -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set double = corridor.type_double() -%}
{%- set loss = 'log_loss_term' if model_type == 'binary_classifier' else 'abs_error' -%}
{%- set loss_metric = 'log_loss' if model_type == 'binary_classifier' else 'mae' -%}
{%- set metrics = [
    ('error_rate', 'w_errors', 'w_events'),
    ('latency_mean', 'w_latency_sum', 'w_latency'),
    ('accuracy', 'w_correct', 'w_evaluated'),
    (loss_metric, 'w_loss_sum', 'w_evaluated'),
] -%}
{%- if model_type != 'binary_classifier' -%}
    {%- set metrics = [metrics[0], metrics[1], metrics[3]] -%}
{%- endif -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    select
        event_key,
        {{ corridor.fine_cell_keys(segments, finest) }},
        latency_ms,
        case when is_error then 1 else 0 end as is_error_flag,
        case when is_evaluable then 1 else 0 end as is_evaluable_flag,
        case when is_evaluable and predicted_class = label then 1 else 0 end as is_correct_flag,
        case when is_evaluable then {{ loss }} end as loss_term

    from ({{ corridor.event_terms(ref('int_corridor__events_enriched')) }}) as event_terms

),

weighted as (

    {{ corridor.poisson_bootstrap_weights('events', 'event_key', n_resamples, seed) }}

),

fine_cells as (

    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        bootstrap_replicate,
        sum(bootstrap_weight) as w_events,
        sum(bootstrap_weight * is_error_flag) as w_errors,
        sum(case when latency_ms is not null then bootstrap_weight else 0 end) as w_latency,
        {{ corridor.exact_decimal_sum('bootstrap_weight * latency_ms', 9) }} as w_latency_sum,
        sum(bootstrap_weight * is_evaluable_flag) as w_evaluated,
        sum(bootstrap_weight * is_correct_flag) as w_correct,
        {{ corridor.exact_decimal_sum('bootstrap_weight * loss_term', 12) }} as w_loss_sum

    from weighted
    group by
        {{ corridor.fine_cell_keys(segments, finest) }},
        bootstrap_replicate

),

fine_cells_with_windows as (

    select
        *{{ corridor.coarser_window_starts(grains, finest) }}

    from fine_cells

),

replicates as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        bootstrap_replicate,
        sum(w_events) as w_events,
        sum(w_errors) as w_errors,
        sum(w_latency) as w_latency,
        sum(w_latency_sum) as w_latency_sum,
        sum(w_evaluated) as w_evaluated,
        sum(w_correct) as w_correct,
        sum(w_loss_sum) as w_loss_sum

    from fine_cells_with_windows
    group by {{ corridor.window_segment_grouping_sets(grains, segments, ['bootstrap_replicate']) }}

),

replicate_statistics as (

    {%- for metric, numerator, denominator in metrics %}
    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        '{{ metric }}' as metric,
        cast({{ numerator }} as {{ double }}) / {{ denominator }} as statistic

    from replicates
    where {{ denominator }} > 0
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

percentiles as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        metric,
        count(*) as valid_resamples,
        {{ corridor.percentiles('statistic', [(1 - level) / 2, (1 + level) / 2]) }} as bounds

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
