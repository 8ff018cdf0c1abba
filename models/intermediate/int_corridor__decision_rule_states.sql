{#-
    Where each deciding rule stands for a model version at a decision point:
    one row per cutoff × model version × rule × segment × grain
    (int_corridor__decision_evidence), with
      - the rollback latch: the last run of at least N (corridor_decision_windows)
        consecutive confirmed fails, and whether N consecutive passes came
        after it (hysteresis: a latched rollback clears only then);
      - the canary period (the last corridor_decision_canary_hours before the
        cutoff): passes, warns, fails, blocked and inconclusive windows;
      - for inconclusive canary windows, roughly how much more traffic per
        window would settle them: the larger of min_sample_size / sample_size
        and, from the detectable deviation, (detectable / tolerance)^2 for
        equivalence rules and ((detectable - tolerance) / tolerance)^2 for the
        others (the traffic at which the window's noise term shrinks to the
        tolerance; standard errors scale as 1 / sqrt(n)).
-#}
{%- set n = corridor.setting('corridor_decision_windows') -%}
{%- set group_keys = ['cutoff_at', 'model_id', 'model_version', 'rule_id', 'segment_dimension', 'segment_value', 'window_grain'] -%}

with

evidence as (

    select * from {{ ref('int_corridor__decision_evidence') }}

),

latched as (

    select
        *,
        max(case when evidence_class = 'fail' and island_windows >= {{ n }} then island_last_window end)
            over (partition by {{ group_keys | join(', ') }}) as decisive_fail_last_window,
        window_start >= {{ dbt.dateadd('hour', -corridor.setting('corridor_decision_canary_hours'), 'cutoff_at') }} as is_in_canary,
        case
            when evidence_class = 'inconclusive'
                then greatest(
                    coalesce(cast(min_sample_size as {{ corridor.type_double() }}) / nullif(sample_size, 0), 1),
                    coalesce(
                        case
                            when comparison_kind = 'equivalence'
                                then (detectable_deviation / nullif(warn_threshold, 0))
                                * (detectable_deviation / nullif(warn_threshold, 0))
                            else ((detectable_deviation - warn_threshold) / nullif(warn_threshold, 0))
                                * ((detectable_deviation - warn_threshold) / nullif(warn_threshold, 0))
                        end,
                        1
                    ),
                    1
                )
        end as traffic_factor

    from evidence

),

final as (

    select
        {{ group_keys | join(',\n        ') }},
        max(case when is_current then 1 else 0 end) = 1 as is_current,
        min(first_window_start) as first_window_start,
        max(decisive_fail_last_window) as decisive_fail_last_window,
        max(case when evidence_class = 'fail' and island_last_window = decisive_fail_last_window then island_windows end)
            as decisive_fail_windows,
        max(
            case
                when evidence_class = 'pass' and island_windows >= {{ n }} and island_start > decisive_fail_last_window
                    then island_last_window
            end
        ) as cleared_by_pass_through,
        max(case when evidence_class = 'pass' and window_start > decisive_fail_last_window then island_windows end) as passes_since_fail,
        {{ corridor.ordered_listagg(
            'case when evidence_class = \'fail\' and island_last_window = decisive_fail_last_window then result_id end',
            "','", 'order by window_start'
        ) }} as fail_result_ids,
        sum(case when is_in_canary and evidence_class = 'pass' then 1 else 0 end) as canary_passes,
        sum(case when is_in_canary and evidence_class in ('warn', 'fail') then 1 else 0 end) as canary_breaches,
        sum(case when is_in_canary and evidence_class = 'blocked' then 1 else 0 end) as canary_blocked,
        sum(case when is_in_canary and evidence_class = 'inconclusive' then 1 else 0 end) as canary_inconclusive,
        {{ corridor.ordered_listagg('case when is_in_canary and evidence_class = \'blocked\' then result_id end', "','",
            'order by window_start') }} as blocked_result_ids,
        {{ corridor.ordered_listagg('case when is_in_canary and evidence_class = \'pass\' then result_id end', "','",
            'order by window_start') }} as pass_result_ids,
        max(case when is_in_canary then traffic_factor end) as traffic_factor,
        max(case when is_in_canary and evidence_class = 'inconclusive' then sample_size end) as inconclusive_sample_size

    from latched
    group by {{ group_keys | join(', ') }}

)

select * from final
