{#-
    Optional (var corridor_post_mortems): one row per post-mortem of an
    alert (alert_id of corridor_alerts): its id, author, when it was written,
    and a link and/or a summary. Rows that cannot be used are quarantined
    with reason codes (corridor.governance_rejection_reasons); a post-mortem
    closes the governance item missing_post_mortem (docs/governance.md).
    Off: an empty relation with the same columns.
-#}
{{ corridor.stage_optional_input('post_mortems', ['post_mortem_id', 'alert_id', 'author', 'link', 'summary', 'verdict'], ['written_at']) }}
