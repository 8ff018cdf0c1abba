{#-
    Each offline estimate aligned to every window it applies to: same model,
    grain, inside its validity period [valid_from, valid_to) (a window belongs
    to it when the window starts inside that period), over the span of the
    model's production data. Windows where the version served no traffic are
    kept, so a comparison can say `missing` rather than stay silent.

    Uncertainty is completed both ways at the estimate's own confidence level:
    standard error = interval width / (2 z) when only an interval is given;
    interval = value ± z × standard error when only a standard error is given
    (at corridor_confidence_level when the estimate states no level).
    An estimate without a window grain (null) applies to every configured
    grain. When several estimates cover the same window, precedence is:
    an estimate for that grain over a grain-less one, then the most recently
    produced, then the larger estimate id, then the values themselves, so the
    choice is the same on every build (docs/validation.md).
-#}
{%- set level = corridor.setting('corridor_confidence_level') -%}

with

estimates as (

    select * from {{ ref('stg_corridor__offline_estimates') }}

),

window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}
    union all
    select * from {{ ref('int_corridor__rolling_window_stats') }}

),

grains as (

    {{ corridor.grain_lengths() }}

),

model_data_windows as (

    select
        model_id,
        window_grain,
        window_start

    from window_stats
    where segment_dimension = 'all'

),

model_spans as (

    {{ corridor.window_islands('model_data_windows', 'grains', ['model_id']) }}

),

model_windows as (

    {{ corridor.expand_windows('model_spans', ['model_id']) }}

),

estimates_completed as (

    select
        *,
        coalesce(confidence_level, {{ level }}) as effective_confidence_level,
        {{ corridor.normal_quantile_sql('(1 - (1 - coalesce(confidence_level, ' ~ level ~ ')) / 2)') }} as critical_value

    from estimates
    {#- estimates with any rejection reason are in corridor_quarantine, not used #}
    where not {{ corridor.any_reason(corridor.estimate_rejection_reasons()) }}

),

estimates_with_uncertainty as (

    select
        *,
        coalesce(
            standard_error,
            case
                when interval_upper >= interval_lower
                    then (interval_upper - interval_lower) / (2 * critical_value)
            end
        ) as effective_standard_error

    from estimates_completed

),

aligned as (

    select
        estimates_with_uncertainty.estimate_id,
        estimates_with_uncertainty.model_id,
        estimates_with_uncertainty.model_version,
        estimates_with_uncertainty.metric,
        estimates_with_uncertainty.segment_dimension,
        estimates_with_uncertainty.segment_value,
        model_windows.window_grain,
        estimates_with_uncertainty.method,
        estimates_with_uncertainty.estimator_version,
        estimates_with_uncertainty.evaluation_dataset_id,
        estimates_with_uncertainty.expected_value,
        estimates_with_uncertainty.effective_standard_error as standard_error,
        coalesce(
            estimates_with_uncertainty.interval_lower,
            estimates_with_uncertainty.expected_value
            - estimates_with_uncertainty.critical_value * estimates_with_uncertainty.effective_standard_error
        ) as interval_lower,
        coalesce(
            estimates_with_uncertainty.interval_upper,
            estimates_with_uncertainty.expected_value
            + estimates_with_uncertainty.critical_value * estimates_with_uncertainty.effective_standard_error
        ) as interval_upper,
        case
            when estimates_with_uncertainty.interval_lower is not null
                or estimates_with_uncertainty.effective_standard_error is not null
                then estimates_with_uncertainty.effective_confidence_level
        end as confidence_level,
        estimates_with_uncertainty.sample_size,
        estimates_with_uncertainty.produced_at,
        estimates_with_uncertainty.valid_from,
        estimates_with_uncertainty.valid_to,
        model_windows.window_start,
        model_windows.window_end,
        row_number() over (
            partition by
                estimates_with_uncertainty.model_id,
                estimates_with_uncertainty.model_version,
                estimates_with_uncertainty.metric,
                estimates_with_uncertainty.segment_dimension,
                estimates_with_uncertainty.segment_value,
                model_windows.window_grain,
                model_windows.window_start
            order by
                case when estimates_with_uncertainty.window_grain is null then 1 else 0 end,
                estimates_with_uncertainty.produced_at desc nulls last,
                estimates_with_uncertainty.estimate_id desc nulls last,
                estimates_with_uncertainty.expected_value desc,
                estimates_with_uncertainty.effective_standard_error desc nulls last,
                estimates_with_uncertainty.interval_lower desc nulls last,
                estimates_with_uncertainty.interval_upper desc nulls last
        ) as estimate_rank

    from estimates_with_uncertainty
    inner join model_windows
        on estimates_with_uncertainty.model_id = model_windows.model_id
        and (
            estimates_with_uncertainty.window_grain is null
            or estimates_with_uncertainty.window_grain = model_windows.window_grain
        )
        and (
            estimates_with_uncertainty.valid_from is null
            or estimates_with_uncertainty.valid_from <= model_windows.window_start
        )
        and (
            estimates_with_uncertainty.valid_to is null
            or estimates_with_uncertainty.valid_to > model_windows.window_start
        )

),

final as (

    select
        estimate_id,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        method,
        estimator_version,
        evaluation_dataset_id,
        cast(expected_value as {{ corridor.type_double() }}) as expected_value,
        cast(standard_error as {{ corridor.type_double() }}) as standard_error,
        cast(interval_lower as {{ corridor.type_double() }}) as interval_lower,
        cast(interval_upper as {{ corridor.type_double() }}) as interval_upper,
        cast(confidence_level as {{ corridor.type_double() }}) as confidence_level,
        {#- the evaluation rows behind the estimate (optional; the offline mix of corridor_discrepancy_attribution) #}
        cast(sample_size as {{ dbt.type_bigint() }}) as sample_size,
        produced_at,
        valid_from,
        valid_to,
        window_start,
        window_end

    from aligned
    where estimate_rank = 1

)

select * from final
