{#-
    The rules registry, checked. One row per rule version with every problem
    found in it (reason codes and readable reasons) and, for valid versions,
    the period it is in force: from its valid_from to the valid_from of the
    next valid version of the same rule (a newer version that is invalid is
    reported and does not take over). Tolerances are resolved to a unit
    (absolute, or relative to the expected value), and severities to dbt's
    error / warn through var corridor_severity_levels.
-#}
with

rules as (

    select
        *,
        coalesce(
            tolerance_unit,
            case when comparison_kind in ('relative', 'seasonal') then 'relative' else 'absolute' end
        ) as resolved_tolerance_unit,
        coalesce(expected_source, 'offline') as resolved_expected_source,
        count(*) over (partition by rule_id, rule_version) as versions_with_this_id

    from {{ ref('stg_corridor__rules') }}

),

problems as (

    {{ corridor.rule_problem_rows('rules', corridor.rule_registry_checks()) }}

),

problems_by_rule as (

    select
        rule_id,
        rule_version,
        count(*) as problem_count,
        {{ corridor.ordered_listagg('problem_code', "', '", 'order by problem_code') }} as problem_codes,
        {{ corridor.ordered_listagg('problem', "'; '", 'order by problem_code') }} as problems

    from problems
    group by 1, 2

),

checked as (

    select
        rules.*,
        problems_by_rule.problem_codes,
        problems_by_rule.problems,
        problems_by_rule.problem_count is null as is_valid,
        coalesce(rules.power, {{ corridor.setting('corridor_power') }}) as resolved_power,
        case rules.severity
            {{- corridor.value_when_branches(corridor.setting('corridor_severity_levels')) }}
        end as dbt_severity

    from rules
    left join problems_by_rule
        on coalesce(rules.rule_id, '') = coalesce(problems_by_rule.rule_id, '')
        and rules.rule_version = problems_by_rule.rule_version

),

in_force as (

    select
        *,
        lead(valid_from) over (
            partition by rule_id
            order by
                coalesce(valid_from, cast('1900-01-01' as {{ dbt.type_timestamp() }})),
                {{ corridor.try_cast('rule_version', corridor.type_double()) }}, rule_version
        ) as valid_to

    from checked
    where is_valid

),

final as (

    select
        checked.rule_id,
        checked.rule_version,
        checked.model_id,
        checked.hypothesis,
        checked.metric,
        checked.segment_dimension,
        checked.segment_value,
        checked.window_grain,
        checked.comparison_kind,
        checked.feature_name,
        checked.direction,
        checked.resolved_tolerance_unit as tolerance_unit,
        checked.warn_tolerance,
        checked.fail_tolerance,
        checked.min_sample_size,
        checked.consecutive_windows,
        checked.resolved_power as power,
        checked.resolved_expected_source as expected_source,
        checked.observation_source,
        checked.owner,
        checked.escalation_path,
        checked.severity,
        checked.dbt_severity,
        checked.valid_from,
        in_force.valid_to,
        checked.is_valid,
        checked.problem_codes,
        checked.problems

    from checked
    left join in_force
        on checked.rule_id = in_force.rule_id
        and checked.rule_version = in_force.rule_version

)

select * from final
