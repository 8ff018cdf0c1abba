{#-
    Optional (var corridor_approvals): one row per approval of a rule
    version (rule_id, optionally rule_version: null approves every version)
    or of an offline estimate (estimate_id), by whom and when. Rows that
    cannot be used are quarantined with reason codes
    (corridor.governance_rejection_reasons); approvals close the governance
    item tolerance_change_without_approval (docs/governance.md). Off: an
    empty relation with the same columns.
-#}
{{ corridor.stage_optional_input('approvals', ['approval_id', 'rule_id', 'rule_version', 'estimate_id', 'approved_by', 'note'],
    ['approved_at']) }}
