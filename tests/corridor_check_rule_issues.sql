{#-
    Rules that judge nothing: every invalid rule version in
    corridor_rule_issues (issue_level error: unknown metric, warn above fail,
    missing owner, ...), one row each with its reason.
    Severity: corridor_check_severity.rule_issues (warn by default).
-#}
{{ config(severity=corridor.check_severity('rule_issues'), tags=['corridor', 'corridor_checks']) }}

select
    rule_id,
    rule_version,
    problem_codes,
    reason

from {{ ref('corridor_rule_issues') }}
where issue_level = 'error'
