{#-
    Inputs with more of their rows quarantined than var
    corridor_quarantine_threshold allows (a fraction of the rows read; 0 by
    default: any quarantined row). The rows themselves are in
    corridor_quarantine with their reason codes.
    Severity: corridor_check_severity.quarantine (warn by default).
-#}
{{ config(severity=corridor.check_severity('quarantine'), tags=['corridor', 'corridor_checks']) }}

select
    input_name,
    input_relation,
    rows_read,
    rows_quarantined

from {{ ref('int_corridor__input_accounting') }}
where rows_quarantined > {{ corridor.setting('corridor_quarantine_threshold') }} * rows_read
