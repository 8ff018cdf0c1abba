{#-
    The segments of one dimension side by side, production and offline, for
    the additive metrics (families rate and mean: the overall value is the
    sample-size-weighted mean of the segment values, so a gap splits exactly
    into segment terms): one row per model version × metric × dimension ×
    segment × grain × window where the offline estimates name segments of
    that dimension.

    production_share p_s = the segment's production sample size over the
    dimension's; offline_share q_s = the estimate's `sample_size` over the
    dimension's (null for the whole dimension when any of its estimates
    lacks one). With O-bar = sum q_s o_s (the offline estimates' own mix):
      rate term  p_s (r_s - o_s)            (within-segment performance)
      mix term   (p_s - q_s) (o_s - O-bar)  (traffic shares)
    summing to sum p_s r_s - O-bar over the dimension (Kitagawa's
    decomposition, production weights for the rate, offline rates for the
    mix). Standard errors by the delta method, segments independent, shares
    multinomial (docs/decisions.md).
-#}
{%- set additive = corridor.catalogue_metric_names(corridor.metric_catalogue(), families=['rate', 'mean']) -%}
{%- set group_keys = ['model_id', 'model_version', 'metric', 'segment_dimension', 'window_grain', 'window_start'] -%}

with

production as (

    select * from {{ ref('int_corridor__production_metrics') }}
    where segment_dimension <> 'all'
        and metric in ({{ corridor.sql_string_list(additive) }})

),

offline as (

    select * from {{ ref('int_corridor__offline_estimates_aligned') }}
    where segment_dimension <> 'all'
        and metric in ({{ corridor.sql_string_list(additive) }})

),

offline_groups as (

    select distinct {{ group_keys | join(', ') }}
    from offline

),

production_covered as (

    select production.*
    from production
    inner join offline_groups
        on {{ corridor.keys_equal('production', 'offline_groups', group_keys) }}

),

segments as (

    select
        {%- for key in group_keys %}
        coalesce(production_covered.{{ key }}, offline.{{ key }}) as {{ key }},
        {%- endfor %}
        coalesce(production_covered.segment_value, offline.segment_value) as segment_value,
        coalesce(production_covered.window_end, offline.window_end) as window_end,
        offline.estimate_id,
        production_covered.metric_value as production_value,
        production_covered.standard_error as production_se,
        coalesce(production_covered.sample_size, 0) as production_sample_size,
        offline.expected_value as offline_value,
        offline.standard_error as offline_se,
        offline.sample_size as offline_sample_size

    from production_covered
    full outer join offline
        on {{ corridor.keys_equal('production_covered', 'offline', group_keys + ['segment_value']) }}

),

shares as (

    select
        *,
        sum(production_sample_size) over (partition by {{ group_keys | join(', ') }}) as production_total,
        sum(offline_sample_size) over (partition by {{ group_keys | join(', ') }}) as offline_total,
        sum(case when offline_value is not null and offline_sample_size is null then 1 else 0 end)
            over (partition by {{ group_keys | join(', ') }}) as offline_sizes_missing

    from segments

),

weighted as (

    select
        *,
        cast(production_sample_size as {{ corridor.type_double() }}) / nullif(production_total, 0) as production_share,
        case
            when offline_sizes_missing = 0
                then cast(coalesce(offline_sample_size, 0) as {{ corridor.type_double() }}) / nullif(offline_total, 0)
        end as offline_share

    from shares

),

offline_mean as (

    select
        *,
        {#- an exact window sum: the same bits on every build (corridor.exact_decimal_sum) #}
        cast(
            {{ corridor.exact_decimal_sum('offline_share * offline_value', 15) }} over (partition by {{ group_keys | join(', ') }})
            as {{ corridor.type_double() }}
        ) as offline_weighted_value

    from weighted

),

final as (

    select
        {%- for key in group_keys %}
        {{ key }},
        {%- endfor %}
        segment_value,
        window_end,
        estimate_id,
        production_value,
        production_se,
        production_sample_size,
        production_total,
        production_share,
        offline_value,
        offline_se,
        offline_sample_size,
        offline_total,
        offline_share,
        offline_weighted_value,
        {#- a segment with production traffic but no estimate leaves its rate term unknown (null) #}
        case
            when production_share = 0 then 0
            else production_share * (production_value - offline_value)
        end as rate_term,
        case
            when production_share = 0 then 0
            else production_share * sqrt(coalesce(production_se * production_se, 0) + coalesce(offline_se * offline_se, 0))
        end as rate_term_se,
        (production_share - offline_share) * (offline_value - offline_weighted_value) as mix_term,
        sqrt(
            (offline_value - offline_weighted_value) * (offline_value - offline_weighted_value) * (
                production_share * (1 - production_share) / nullif(production_total, 0)
                + offline_share * (1 - offline_share) / nullif(offline_total, 0)
            )
            + (production_share - offline_share) * (production_share - offline_share) * coalesce(offline_se * offline_se, 0)
        ) as mix_term_se,
        {#- the pieces of the dimension-level standard errors (docs/decisions.md) #}
        production_share * (offline_value - offline_weighted_value) as production_mix_moment,
        production_share * (offline_value - offline_weighted_value) * (offline_value - offline_weighted_value) as production_mix_square,
        offline_share * (offline_value - offline_weighted_value) * (offline_value - offline_weighted_value) as offline_mix_square,
        (production_share - offline_share) * (production_share - offline_share) * coalesce(offline_se * offline_se, 0)
            as mix_estimate_variance

    from offline_mean

)

select * from final
