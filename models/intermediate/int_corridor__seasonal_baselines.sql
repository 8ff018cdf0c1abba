{#-
    Seasonal baselines for rules of kind `seasonal`: for every production
    window a seasonal rule judges, the same metric of the same model version
    and segment in the same slot of earlier periods (hour of day, day of week
    in corridor_time_zone, earlier months; var corridor_seasonal_baseline sets
    period, look-back and minimum history per grain). Only windows strictly before the window under test enter, and
    only those with a value resting on at least the rule's minimum sample size.

    expected value = median of the slot's history; spread = 1.4826 x median
    absolute deviation (a robust standard deviation); standard error of the
    median ~ spread x sqrt(pi / (2 k)); a new window is expected within
    spread x sqrt(1 + pi / (2 k)) of the median (prediction_se).

    corridor_seasonal_baseline_across_versions (default true): a slot's
    history may come from another version of the same model, so a rollout
    does not leave seasonal rules `missing` until the new version has its own
    history. Per slot, the version under test wins; otherwise the version with
    the most observations in that window (ties: the larger version name).
    baseline_windows_other_versions counts the windows taken that way.
-#}
{#- the slots of each window grain built, rolling windows included (corridor.seasonal_baseline_grains) -#}
{%- set across_versions = corridor.setting('corridor_seasonal_baseline_across_versions') -%}
{%- set history_keys = ['model_id', 'metric', 'segment_dimension', 'segment_value', 'window_grain'] if across_versions
    else ['model_id', 'model_version', 'metric', 'segment_dimension', 'segment_value', 'window_grain'] -%}
{%- set series_keys = ['rule_id', 'rule_version', 'model_id', 'model_version', 'metric', 'segment_dimension', 'segment_value',
    'window_grain', 'window_start'] -%}

with

rules as (

    select * from {{ ref('int_corridor__rules_checked') }}
    where is_valid and comparison_kind = 'seasonal'

),

production as (

    select * from {{ ref('corridor_metric_observations') }}
    where source = 'production'

),

targets as (

    select distinct
        rules.rule_id,
        rules.rule_version,
        rules.min_sample_size,
        production.model_id,
        production.model_version,
        production.metric,
        production.segment_dimension,
        production.segment_value,
        production.window_grain,
        production.window_start

    from rules
    inner join production
        on rules.metric = production.metric
        and rules.window_grain = production.window_grain
        and (rules.model_id is null or rules.model_id = production.model_id)
        and (
            (rules.segment_dimension = 'all' and production.segment_dimension = 'all')
            or (rules.segment_dimension = production.segment_dimension and rules.segment_value in ('*', production.segment_value))
        )
        and (rules.valid_from is null or rules.valid_from <= production.window_start)
        and (rules.valid_to is null or rules.valid_to > production.window_start)

),

slots as (

    {%- for slot in corridor.seasonal_baseline_grains() %}
    select
        '{{ slot['grain'] }}' as window_grain,
        lags.n as periods_back,
        {{ slot['period_hours'] }} as period_hours,
        {{ slot['lookback_periods'] }} as lookback_periods,
        {{ slot['min_history'] }} as min_history

    from {{ corridor.integer_series(1, slot['lookback_periods']) }} as lags
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

slot_rules as (

    select distinct
        window_grain,
        min_history,
        lookback_periods

    from slots

),

history_candidates as (

    select
        targets.rule_id,
        targets.rule_version,
        targets.model_id,
        targets.model_version,
        targets.metric,
        targets.segment_dimension,
        targets.segment_value,
        targets.window_grain,
        targets.window_start,
        slots.lookback_periods,
        slots.min_history,
        slots.periods_back,
        production.metric_value as history_value,
        case when production.model_version = targets.model_version then 0 else 1 end as is_other_version,
        row_number() over (
            partition by
                {%- for key in series_keys %}
                targets.{{ key }},
                {%- endfor %}
                slots.periods_back
            order by
                case when production.model_version = targets.model_version then 0 else 1 end,
                production.sample_size desc,
                production.model_version desc
        ) as version_rank

    from targets
    inner join slots
        on targets.window_grain = slots.window_grain
    inner join production
        on {{ corridor.keys_equal('targets', 'production', history_keys) }}
        and production.window_start = {{ corridor.seasonal_slot_start('targets.window_grain', 'slots.periods_back', 'slots.period_hours',
            'targets.window_start') }}
        and production.metric_value is not null
        and production.sample_size >= coalesce(targets.min_sample_size, 0)

),

history as (

    select * from history_candidates
    where version_rank = 1

),

medians as (

    select
        rule_id,
        rule_version,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        window_start,
        count(*) as baseline_windows,
        sum(is_other_version) as baseline_windows_other_versions,
        {{ corridor.median('history_value') }} as baseline_median

    from history
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9

),

spreads as (

    select
        history.rule_id,
        history.rule_version,
        history.model_id,
        history.model_version,
        history.metric,
        history.segment_dimension,
        history.segment_value,
        history.window_grain,
        history.window_start,
        {{ corridor.median('abs(history.history_value - medians.baseline_median)') }} as baseline_mad

    from history
    inner join medians
        on {{ corridor.keys_equal('history', 'medians', series_keys) }}
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9

),

joined as (

    select
        targets.rule_id,
        targets.rule_version,
        targets.model_id,
        targets.model_version,
        targets.metric,
        targets.segment_dimension,
        targets.segment_value,
        targets.window_grain,
        targets.window_start,
        coalesce(medians.baseline_windows, 0) as baseline_windows,
        coalesce(medians.baseline_windows_other_versions, 0) as baseline_windows_other_versions,
        slots_needed.min_history,
        slots_needed.lookback_periods,
        medians.baseline_median,
        {#- 1.4826 x MAD, corrected for few windows (Croux and Rousseeuw 1992) -#}
        {{ corridor.robust_sd_from_mad('spreads.baseline_mad', 'medians.baseline_windows') }} as baseline_spread,
        coalesce(medians.baseline_windows, 0) >= slots_needed.min_history as has_history

    from targets
    inner join slot_rules as slots_needed
        on targets.window_grain = slots_needed.window_grain
    left join medians
        on {{ corridor.keys_equal('targets', 'medians', series_keys) }}
    left join spreads
        on {{ corridor.keys_equal('medians', 'spreads', series_keys) }}

),

final as (

    {#- fewer same-slot windows than min_history: no baseline (the check says `missing`) -#}
    select
        rule_id,
        rule_version,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        window_start,
        baseline_windows,
        baseline_windows_other_versions,
        min_history,
        lookback_periods,
        cast(case when has_history then baseline_median end as {{ corridor.type_double() }}) as baseline_median,
        cast(case when has_history then baseline_spread end as {{ corridor.type_double() }}) as baseline_spread,
        cast(case when has_history then baseline_spread * sqrt(pi() / (2.0 * baseline_windows)) end as {{ corridor.type_double() }})
            as baseline_standard_error,
        cast(case when has_history then baseline_spread * sqrt(1 + pi() / (2.0 * baseline_windows)) end as {{ corridor.type_double() }})
            as prediction_standard_error

    from joined

)

select * from final
