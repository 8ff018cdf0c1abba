{#-
    Drift and performance together, across windows (docs/drift.md#drift-and-performance-together):
    per model x metric x window grain x segment dimension x feature, how the
    feature's drift score (int_corridor__feature_drift_scores) co-moves with
    the metric's deviation from its offline estimate in the bad direction
    (bad_deviation of the checks of corridor_validation_results against an
    offline estimate: expected_source overall, segment or overall_fallback;
    several rules on one metric and window are averaged), over every model
    version, segment value of the dimension and window where both exist.

    spearman_correlation (ranks with ties averaged) orders the features:
    feature_rank 1 co-moves most. co_movement_p_value: one-sided test of a
    positive rank correlation by Fisher's z with the Spearman variance
    1.06 / (n - 3) (null below 4 windows).
-#}
{%- set double = corridor.type_double() -%}
{%- set group_keys = ['model_id', 'metric', 'window_grain', 'segment_dimension', 'feature_name'] -%}
{%- set clamped = 'least(greatest(spearman_correlation, -0.999999), 0.999999)' -%}

with

results as (

    select * from {{ ref('corridor_validation_results') }}

),

scores as (

    select * from {{ ref('int_corridor__feature_drift_scores') }}
    where drift_score is not null

),

deviations as (

    select
        model_id,
        model_version,
        metric,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        avg(bad_deviation) as bad_deviation

    from results
    where comparison_kind <> 'drift'
        and expected_source in ('overall', 'segment', 'overall_fallback')
        and bad_deviation is not null
    group by model_id, model_version, metric, window_grain, window_start, segment_dimension, segment_value

),

pairs as (

    select
        deviations.model_id,
        deviations.metric,
        deviations.window_grain,
        deviations.segment_dimension,
        scores.feature_name,
        scores.drift_score,
        deviations.bad_deviation

    from deviations
    inner join scores
        on deviations.model_id = scores.model_id
        and deviations.model_version = scores.model_version
        and deviations.window_grain = scores.window_grain
        and deviations.window_start = scores.window_start
        and deviations.segment_dimension = scores.segment_dimension
        and deviations.segment_value = scores.segment_value

),

ranks as (

    select
        *,
        rank() over (partition by {{ group_keys | join(', ') }} order by drift_score)
        + cast(count(*) over (partition by {{ group_keys | join(', ') }}, drift_score) - 1 as {{ double }}) / 2 as drift_rank,
        rank() over (partition by {{ group_keys | join(', ') }} order by bad_deviation)
        + cast(count(*) over (partition by {{ group_keys | join(', ') }}, bad_deviation) - 1 as {{ double }}) / 2 as deviation_rank

    from pairs

),

correlations as (

    select
        {{ group_keys | join(',\n        ') }},
        count(*) as n_windows,
        corr(drift_rank, deviation_rank) as spearman_correlation,
        corr(drift_score, bad_deviation) as pearson_correlation,
        avg(drift_score) as mean_drift_score,
        max(drift_score) as max_drift_score,
        max(bad_deviation) as max_bad_deviation

    from ranks
    group by {{ group_keys | join(', ') }}

),

tested as (

    select
        *,
        case
            when n_windows >= 4 and spearman_correlation is not null
                then 1 - {{ corridor.standard_normal_cdf(
                    '0.5 * ln((1 + ' ~ clamped ~ ') / (1 - ' ~ clamped ~ ')) * sqrt(cast(n_windows - 3 as ' ~ double ~ ') / 1.06)'
                ) }}
        end as co_movement_p_value,
        row_number() over (
            partition by model_id, metric, window_grain, segment_dimension
            order by coalesce(spearman_correlation, -2) desc, feature_name asc
        ) as feature_rank

    from correlations

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'model_id', "'|'", 'metric', "'|'", 'window_grain', "'|'", 'segment_dimension', "'|'", 'feature_name'
        ])) }} as ranking_id,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(metric as {{ dbt.type_string() }}) as metric,
        cast(window_grain as {{ dbt.type_string() }}) as window_grain,
        cast(segment_dimension as {{ dbt.type_string() }}) as segment_dimension,
        cast(feature_name as {{ dbt.type_string() }}) as feature_name,
        cast(feature_rank as {{ dbt.type_bigint() }}) as feature_rank,
        cast(n_windows as {{ dbt.type_bigint() }}) as n_windows,
        cast(spearman_correlation as {{ double }}) as spearman_correlation,
        cast(pearson_correlation as {{ double }}) as pearson_correlation,
        cast(co_movement_p_value as {{ double }}) as co_movement_p_value,
        cast(mean_drift_score as {{ double }}) as mean_drift_score,
        cast(max_drift_score as {{ double }}) as max_drift_score,
        cast(max_bad_deviation as {{ double }}) as max_bad_deviation

    from tested

)

select * from final
