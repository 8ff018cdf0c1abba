{#-
    Optional (var corridor_alert_acknowledgements): one row per
    acknowledgement of an alert (alert_id of corridor_alerts), by whom, when,
    with an optional note. Rows that cannot be used are quarantined with
    reason codes (corridor.governance_rejection_reasons); an acknowledgement
    closes the governance item unacknowledged_past_escalation
    (docs/governance.md). Off: an empty relation with the same columns.
-#}
{{ corridor.stage_optional_input('alert_acknowledgements', ['alert_id', 'acknowledged_by', 'note', 'verdict'], ['acknowledged_at']) }}
