{#-
    Offline estimates that cannot be used (interval lower above upper, a
    negative standard error, an unknown grain, ...): every offline-estimate
    row in corridor_quarantine, with its reason codes and raw values.
    Severity: corridor_check_severity.estimate_issues (warn by default).
-#}
{{ config(severity=corridor.check_severity('estimate_issues'), tags=['corridor', 'corridor_checks']) }}

select
    record_id,
    model_id,
    model_version,
    reason_codes,
    raw_values

from {{ ref('corridor_quarantine') }}
where input_name = 'offline_estimates'
