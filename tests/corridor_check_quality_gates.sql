{#-
    Failing data-quality gates of this build (corridor_quality_gates,
    gate_status fail): the windows whose checks are blocked, with the
    diagnostic. Severity: corridor_check_severity.quality_gates (warn by
    default).
-#}
{{ config(severity=corridor.check_severity('quality_gates'), tags=['corridor', 'corridor_checks']) }}

select
    input_name,
    model_id,
    window_grain,
    window_start,
    check_name,
    diagnostic

from {{ ref('corridor_quality_gates') }}
where gate_status = 'fail'
