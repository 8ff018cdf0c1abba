{#-
    Model versions whose decision this run is rollback (corridor_model_decisions):
    a deciding rule failed, confirmed and with its data gates passing, for
    corridor_decision_windows consecutive windows. Severity:
    corridor_check_severity.model_decisions (warn by default; error makes
    `dbt build` fail on a rollback decision, for a deployment pipeline).
-#}
{{ config(severity=corridor.check_severity('model_decisions'), tags=['corridor', 'corridor_checks']) }}

select
    model_id,
    model_version,
    decision,
    decision_reason,
    rollback_to_version

from {{ ref('corridor_model_decisions') }}
where decision = 'rollback'
