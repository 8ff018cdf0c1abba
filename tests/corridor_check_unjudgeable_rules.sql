{#-
    Valid rules that can never judge in this build: no offline estimate for
    their metric, grain and segments, no seasonal history, or no production
    data in their scope, so every window is `missing` (corridor_rule_issues,
    issue_level warn).
    Severity: corridor_check_severity.unjudgeable_rules (warn by default).
-#}
{{ config(severity=corridor.check_severity('unjudgeable_rules'), tags=['corridor', 'corridor_checks']) }}

select
    rule_id,
    rule_version,
    problem_codes,
    reason

from {{ ref('corridor_rule_issues') }}
where
    issue_level = 'warn'
    and problem_codes in ('no_offline_estimate', 'no_seasonal_baseline', 'no_production_data')
