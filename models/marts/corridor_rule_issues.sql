{#-
    Problems in the rules registry, reported with the rule id and the reason
    instead of being skipped in silence. One row per rule version with an
    issue:

    - level `error`: the rule version is invalid and judges nothing (unknown
      metric, impossible tolerance, missing owner, ...: see problem codes);
    - level `warn`: the rule is valid but could not do its job for some
      windows (no production data in its scope, no offline estimate for the
      metric, no standard error so its breaches can never be confirmed).
-#}

with

rules as (

    select * from {{ ref('int_corridor__rules_checked') }}

),

results as (

    select * from {{ ref('corridor_validation_results') }}

),

coverage as (

    select
        rule_id,
        rule_version,
        count(*) as checks,
        sum(case when production_value is not null then 1 else 0 end) as checks_with_production,
        sum(case when expected_value is not null then 1 else 0 end) as checks_with_expectation,
        sum(case when status in ('pass', 'warn', 'fail') and p_value is null then 1 else 0 end) as checks_without_p_value

    from results
    group by 1, 2

),

warnings as (

    select
        rules.rule_id,
        rules.rule_version,
        case
            when coalesce(coverage.checks, 0) = 0 or coverage.checks_with_production = 0 then 'no_production_data'
            when coverage.checks_with_expectation = 0 and rules.comparison_kind = 'seasonal' then 'no_seasonal_baseline'
            when coverage.checks_with_expectation = 0 then 'no_offline_estimate'
            when coverage.checks_without_p_value > 0 then 'no_standard_error'
        end as problem_code,
        case
            when coalesce(coverage.checks, 0) = 0 or coverage.checks_with_production = 0
                then 'no production data matches the rule''s metric, grain and segment scope'
                || coalesce(' (model ' || rules.model_id || ')', '')
            when coverage.checks_with_expectation = 0 and rules.comparison_kind = 'seasonal'
                then 'no window has enough same-slot history for a seasonal baseline'
            when coverage.checks_with_expectation = 0
                then 'no offline estimate of ' || rules.metric || ' at ' || rules.window_grain
                || ' grain for the rule''s segments: every window is missing'
            when coverage.checks_without_p_value > 0
                then cast(coverage.checks_without_p_value as {{ dbt.type_string() }}) || ' judged windows have no standard error for '
                || rules.metric || ': their breaches cannot pass the false-discovery control and never open an alert'
        end as problem

    from rules
    left join coverage
        on rules.rule_id = coverage.rule_id
        and rules.rule_version = coverage.rule_version
    where rules.is_valid

),

final as (

    select
        coalesce(rule_id, '(missing)') as rule_id,
        rule_version,
        'error' as issue_level,
        problem_codes,
        'rule ' || coalesce(rule_id, '(missing)') || ' v' || rule_version || ' is not evaluated: ' || problems as reason

    from rules
    where not is_valid

    union all

    select
        rule_id,
        rule_version,
        'warn' as issue_level,
        problem_code as problem_codes,
        'rule ' || rule_id || ' v' || rule_version || ': ' || problem as reason

    from warnings
    where problem_code is not null

)

select * from final
