{#-
    Invariant: a Benjamini-Hochberg q-value is never below its p-value, and
    both lie in [0, 1] (corridor_validation_results).
    Severity: corridor_check_severity.invariants (warn by default).
-#}
{{ config(severity=corridor.check_severity('invariants'), tags=['corridor', 'corridor_invariants']) }}

select
    result_id,
    rule_id,
    p_value,
    q_value

from {{ ref('corridor_validation_results') }}
where
    q_value < p_value - 1e-12
    or p_value < 0
    or p_value > 1
    or q_value < 0
    or q_value > 1
