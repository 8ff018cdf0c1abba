{#-
    Open governance items (corridor_governance_items): a tolerance changed
    without approval, an open high-severity alert unacknowledged past its
    escalation time, a closed significant alert without a post-mortem, ...
    Severity: corridor_check_severity.governance_items (warn by default, so
    the person running dbt build sees them; error makes the build fail).
-#}
{{ config(severity=corridor.check_severity('governance_items'), tags=['corridor', 'corridor_checks']) }}

select
    reason_code,
    subject_id,
    rule_id,
    model_id,
    model_version,
    responsible,
    detail,
    hours_overdue

from {{ ref('corridor_governance_items') }}
