{#-
    The counterfactual offline estimate: what the offline work would have
    promised on this window's traffic. The offline segment estimates of one
    dimension (corridor_mix_adjustment_dimension) reweighted to production's
    segment shares p_s: sum p_s o_s, with standard error sqrt(sum p_s^2 se_s^2)
    (the mix taken as observed, the estimates' errors independent), one row
    per model version × additive metric × grain × window. A window in which
    production traffic falls in a segment without an estimate gets no row
    (the mix cannot be reweighted): a rule reading this source is `missing`
    there. Published as source `offline_mix_adjusted` in
    corridor_metric_observations (docs/decisions.md).
-#}
{%- set dimension = corridor.setting('corridor_mix_adjustment_dimension') -%}
{%- set group_keys = ['model_id', 'model_version', 'metric', 'window_grain', 'window_start'] -%}

with

segment_mix as (

    select * from {{ ref('int_corridor__segment_mix') }}
    where segment_dimension = {{ corridor.sql_string(dimension or '') }}

),

reweighted as (

    select
        {{ group_keys | join(',\n        ') }},
        max(window_end) as window_end,
        max(production_total) as production_total,
        {#- exact sums: the same bits on every build, whatever order the engine adds in (corridor.exact_sum) #}
        {{ corridor.exact_sum('case when production_share > 0 then production_share * offline_value else 0 end', 15) }} as expected_value,
        sqrt({{ corridor.exact_sum(
            'case when production_share > 0 then production_share * production_share * offline_se * offline_se else 0 end', 18
        ) }}) as standard_error,
        sum(case when production_share > 0 and (offline_value is null or offline_se is null) then 1 else 0 end) as segments_without_estimate

    from segment_mix
    group by {{ group_keys | join(', ') }}

),

final as (

    select
        {{ corridor.sql_string('mix_adjusted:' ~ (dimension or '')) }} as estimate_id,
        {{ group_keys | join(',\n        ') }},
        window_end,
        'mix_adjusted' as method,
        production_total as sample_size,
        expected_value,
        standard_error,
        expected_value - {{ corridor.confidence_z() }} * standard_error as interval_lower,
        expected_value + {{ corridor.confidence_z() }} * standard_error as interval_upper,
        {{ corridor.setting('corridor_confidence_level') }} as confidence_level

    from reweighted
    where production_total > 0
        and segments_without_estimate = 0

)

select * from final
