{#-
    What drives a gap between production and the offline estimate of a
    metric: per model version × metric × dimension × grain × window, the gap
    (production overall minus the overall offline estimate) split into a
    rate effect (segments perform differently from their offline estimates)
    and a mix effect (production's segment shares differ from the offline
    evaluation's), and each segment's contribution to both, with standard
    errors. One row per segment; the dimension's totals repeat on each of its
    rows. The terms come from int_corridor__segment_mix; docs/decisions.md.
-#}
{%- set group_keys = ['model_id', 'model_version', 'metric', 'segment_dimension', 'window_grain', 'window_start'] -%}
{%- set overall_keys = ['model_id', 'model_version', 'metric', 'window_grain', 'window_start'] -%}

with

segment_mix as (

    select * from {{ ref('int_corridor__segment_mix') }}

),

production_overall as (

    select * from {{ ref('int_corridor__production_metrics') }}
    where segment_dimension = 'all'

),

offline_overall as (

    select * from {{ ref('int_corridor__offline_estimates_aligned') }}
    where segment_dimension = 'all'

),

dimension_totals as (

    select
        {{ group_keys | join(',\n        ') }},
        {#- exact sums: the same bits on every build, whatever order the engine adds in (corridor.exact_sum) #}
        {{ corridor.exact_sum('rate_term', 15) }} as rate_effect,
        sqrt({{ corridor.exact_sum('rate_term_se * rate_term_se', 18) }}) as rate_effect_se,
        {{ corridor.exact_sum('mix_term', 15) }} as mix_effect,
        {#- multinomial variance of both mixes plus the estimates' own error, as one sum (docs/decisions.md) -#}
        {#- greatest(0, ...): the multinomial term is a variance, never below 0 but for rounding -#}
        sqrt(
            greatest(
                {{ corridor.exact_sum('production_mix_square', 18) }}
                - {{ corridor.exact_sum('production_mix_moment', 15) }} * {{ corridor.exact_sum('production_mix_moment', 15) }}, 0
            )
            / nullif(max(production_total), 0)
            + {{ corridor.exact_sum('offline_mix_square', 18) }} / nullif(max(offline_total), 0)
            + {{ corridor.exact_sum('mix_estimate_variance', 18) }}
        ) as mix_effect_se,
        {{ corridor.exact_sum('case when offline_value is null then production_share else 0 end', 15) }} as uncovered_production_share,
        max(offline_weighted_value) as offline_weighted_value

    from segment_mix
    group by {{ group_keys | join(', ') }}

),

joined as (

    select
        segment_mix.*,
        production_overall.metric_value as production_overall_value,
        offline_overall.expected_value as offline_overall_value,
        offline_overall.estimate_id as offline_overall_estimate_id,
        dimension_totals.rate_effect,
        dimension_totals.rate_effect_se,
        dimension_totals.mix_effect,
        dimension_totals.mix_effect_se,
        dimension_totals.uncovered_production_share

    from segment_mix
    inner join dimension_totals
        on {{ corridor.keys_equal('segment_mix', 'dimension_totals', group_keys) }}
    left join production_overall
        on {{ corridor.keys_equal('segment_mix', 'production_overall', overall_keys) }}
    left join offline_overall
        on {{ corridor.keys_equal('segment_mix', 'offline_overall', overall_keys) }}

),

contributions as (

    select
        *,
        production_overall_value - offline_overall_value as overall_gap,
        rate_term + coalesce(mix_term, 0) as contribution,
        sqrt(rate_term_se * rate_term_se + coalesce(mix_term_se * mix_term_se, 0)) as contribution_se,
        row_number() over (
            partition by {{ group_keys | join(', ') }}
            order by abs(rate_term + coalesce(mix_term, 0)) desc nulls last, segment_value
        ) as contribution_rank

    from joined

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'model_id', "'|'", 'model_version', "'|'", 'metric', "'|'", 'segment_dimension', "'|'",
            'segment_value', "'|'", 'window_grain', "'|'", dbt.cast('window_start', dbt.type_string())
        ])) }} as attribution_id,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(metric as {{ dbt.type_string() }}) as metric,
        cast(segment_dimension as {{ dbt.type_string() }}) as segment_dimension,
        cast(segment_value as {{ dbt.type_string() }}) as segment_value,
        cast(window_grain as {{ dbt.type_string() }}) as window_grain,
        cast(estimate_id as {{ dbt.type_string() }}) as estimate_id,
        cast(offline_overall_estimate_id as {{ dbt.type_string() }}) as offline_overall_estimate_id,
        cast(
            case
                when rate_effect is null or mix_effect is null then 'incomplete'
                when abs(rate_effect) >= abs(mix_effect) then 'rate'
                else 'mix'
            end as {{ dbt.type_string() }}
        ) as dominant_effect,
        cast(production_value as {{ corridor.type_double() }}) as production_value,
        cast(production_se as {{ corridor.type_double() }}) as production_standard_error,
        cast(production_sample_size as {{ dbt.type_bigint() }}) as production_sample_size,
        cast(production_share as {{ corridor.type_double() }}) as production_share,
        cast(offline_value as {{ corridor.type_double() }}) as offline_value,
        cast(offline_se as {{ corridor.type_double() }}) as offline_standard_error,
        cast(offline_sample_size as {{ dbt.type_bigint() }}) as offline_sample_size,
        cast(offline_share as {{ corridor.type_double() }}) as offline_share,
        cast(rate_term as {{ corridor.type_double() }}) as rate_contribution,
        cast(rate_term_se as {{ corridor.type_double() }}) as rate_contribution_se,
        cast(mix_term as {{ corridor.type_double() }}) as mix_contribution,
        cast(mix_term_se as {{ corridor.type_double() }}) as mix_contribution_se,
        cast(contribution as {{ corridor.type_double() }}) as contribution,
        cast(contribution_se as {{ corridor.type_double() }}) as contribution_se,
        cast(contribution_rank as {{ dbt.type_int() }}) as contribution_rank,
        cast(production_overall_value as {{ corridor.type_double() }}) as production_overall_value,
        cast(offline_overall_value as {{ corridor.type_double() }}) as offline_overall_value,
        cast(offline_weighted_value as {{ corridor.type_double() }}) as offline_weighted_value,
        cast(overall_gap as {{ corridor.type_double() }}) as overall_gap,
        cast(rate_effect as {{ corridor.type_double() }}) as rate_effect,
        cast(rate_effect_se as {{ corridor.type_double() }}) as rate_effect_se,
        cast(mix_effect as {{ corridor.type_double() }}) as mix_effect,
        cast(mix_effect_se as {{ corridor.type_double() }}) as mix_effect_se,
        {#- what the segments do not explain: production segments without an estimate, and offline overall vs its own segments #}
        cast(overall_gap - rate_effect - coalesce(mix_effect, 0) as {{ corridor.type_double() }}) as unexplained_gap,
        cast(uncovered_production_share as {{ corridor.type_double() }}) as uncovered_production_share,
        coalesce(abs(rate_effect) > {{ corridor.confidence_z() }} * rate_effect_se, false) as is_rate_effect_significant,
        coalesce(abs(mix_effect) > {{ corridor.confidence_z() }} * mix_effect_se, false) as is_mix_effect_significant,
        cast(window_start as {{ dbt.type_timestamp() }}) as window_start,
        cast(window_end as {{ dbt.type_timestamp() }}) as window_end

    from contributions

)

select * from final
