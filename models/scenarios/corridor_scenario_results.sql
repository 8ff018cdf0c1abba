{#-
    What each rule makes of each declared scenario (docs/scenarios.md): one
    row per valid scenario × rule on a metric the scenario changes, and one
    row per scenario that could not be judged (status invalid: the reason
    names the field; no_rule: no valid rule judges a metric it changes).

    Per run (int_corridor__scenario_detections): a run (one seed) detects the scenario for a rule when the run raises an
    alert of that rule (int_corridor__scenario_alerts: the live alert logic)
    on a metric the scenario changes, of the scenario's model, in a segment
    that overlaps the scenario's (all overlaps every segment; two different
    dimensions overlap), whose breached windows overlap the scenario's
    period. Time to detect: from the scenario's start to the end of the
    window that opened the alert, or for a label-dependent metric to the
    arrival of that window's last label if later
    (int_corridor__replay_label_arrivals). Power: the share of seeds
    detected. False alerts: the run's other alerts of the rule (mean per
    seed); new_false_alerts counts those the live build does not raise.

    recommended_warn_tolerance: per seed, the largest lower confidence bound
    (bad deviation - z x the check's standard error, at var
    corridor_test_alpha, in the rule's tolerance unit) over the rule's
    judged windows overlapping the scenario; the value exceeded in a
    share var corridor_scenario_target_power of the seeds. A warn tolerance at
    or below it makes a window significant in that share of runs (before FDR
    control and consecutive_windows); null when no tolerance above 0 does.
-#}
{%- set target = corridor.setting('corridor_scenario_target_power') -%}

with

scenarios as (

    select * from {{ ref('stg_corridor__scenarios') }}

),

per_run as (

    select * from {{ ref('int_corridor__scenario_detections') }}

),

scenario_rules as (

    select distinct
        scenario_id,
        rule_id,
        metric,
        tolerance_unit,
        warn_tolerance

    from per_run

),

ranked_margins as (

    select
        scenario_id,
        rule_id,
        seeds,
        best_margin,
        row_number() over (
            partition by scenario_id, rule_id
            order by case when best_margin is null then 1 else 0 end, best_margin desc
        ) as margin_rank

    from per_run

),

tolerances as (

    select
        scenario_id,
        rule_id,
        case when best_margin > 0 then best_margin end as recommended_warn_tolerance

    from ranked_margins
    where margin_rank = cast(ceil({{ target }} * seeds) as {{ dbt.type_int() }})

),

judged as (

    select
        per_run.scenario_id,
        per_run.rule_id,
        count(*) as seeds,
        sum(per_run.is_detected) as seeds_detected,
        avg(per_run.hours_to_detect) as mean_hours_to_detect,
        min(per_run.hours_to_detect) as min_hours_to_detect,
        max(per_run.hours_to_detect) as max_hours_to_detect,
        avg(cast(per_run.false_alerts as {{ corridor.type_double() }})) as false_alerts,
        avg(cast(per_run.new_false_alerts as {{ corridor.type_double() }})) as new_false_alerts

    from per_run
    group by per_run.scenario_id, per_run.rule_id

),

final as (

    select
        scenarios.scenario_id,
        scenario_rules.rule_id,
        scenarios.kind,
        scenarios.model_id,
        scenarios.segment_dimension,
        scenarios.segment_value,
        scenario_rules.metric,
        case
            when not scenarios.is_valid then 'invalid'
            when scenario_rules.rule_id is null then 'no_rule'
            else 'judged'
        end as scenario_status,
        case
            when not scenarios.is_valid then scenarios.invalid_reason
            when scenario_rules.rule_id is null then 'no valid rule judges a metric a ' || scenarios.kind || ' scenario changes'
        end as invalid_reason,
        scenario_rules.tolerance_unit,
        cast(scenarios.size as {{ corridor.type_double() }}) as size,
        cast(scenarios.duration_hours as {{ corridor.type_double() }}) as duration_hours,
        cast(judged.seeds as {{ dbt.type_int() }}) as seeds,
        cast(judged.seeds_detected as {{ dbt.type_int() }}) as seeds_detected,
        cast(judged.seeds_detected as {{ corridor.type_double() }}) / nullif(judged.seeds, 0) as power,
        cast(judged.mean_hours_to_detect as {{ corridor.type_double() }}) as mean_hours_to_detect,
        cast(judged.min_hours_to_detect as {{ corridor.type_double() }}) as min_hours_to_detect,
        cast(judged.max_hours_to_detect as {{ corridor.type_double() }}) as max_hours_to_detect,
        cast(judged.false_alerts as {{ corridor.type_double() }}) as false_alerts,
        cast(judged.new_false_alerts as {{ corridor.type_double() }}) as new_false_alerts,
        cast(scenario_rules.warn_tolerance as {{ corridor.type_double() }}) as current_warn_tolerance,
        cast(tolerances.recommended_warn_tolerance as {{ corridor.type_double() }}) as recommended_warn_tolerance,
        cast({{ target }} as {{ corridor.type_double() }}) as target_power,
        coalesce(judged.seeds_detected > 0, false) as is_detected,
        scenarios.starts_at,
        scenarios.ends_at

    from scenarios
    left join scenario_rules
        on scenarios.scenario_id = scenario_rules.scenario_id
    left join judged
        on scenario_rules.scenario_id = judged.scenario_id
        and scenario_rules.rule_id = judged.rule_id
    left join tolerances
        on scenario_rules.scenario_id = tolerances.scenario_id
        and scenario_rules.rule_id = tolerances.rule_id

)

select * from final
