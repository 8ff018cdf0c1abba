{#-
    Optional (var corridor_review_roster): one row per reviewer of the
    review rotation, with an optional rotation_order (lower first; ties and
    nulls by name) and an optional active period [active_from, active_to).
    Rows that cannot be used are quarantined with reason codes
    (corridor.governance_rejection_reasons); corridor_review_assignments
    assigns each review period to the next active reviewer
    (docs/governance.md). Off: an empty relation with the same columns.
-#}
{{ corridor.stage_optional_input('review_roster', ['reviewer'], ['active_from', 'active_to'], ['rotation_order']) }}
