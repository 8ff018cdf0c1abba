{#-
    Optional: the known incidents the rule calibration scores detection
    against (corridor_rule_calibration, docs/replay.md), besides the
    post-mortems and acknowledgements int_corridor__ground_truth reads
    directly; in the demo, the planted incidents. One row per incident as it
    arrived; segment_dimension / segment_value null mean all (the whole
    model). Rows that cannot be used (an id, the model or a time missing, a
    time that does not parse, an end not after the start) are quarantined
    with reason codes (corridor.governance_rejection_reasons) and accounted
    for like the governance inputs. Switched off (var
    corridor_known_incidents: null, the default outside the demo): an empty
    relation with the same columns.
-#}
{{ corridor.stage_optional_input(
    'known_incidents', ['incident_id', 'model_id', 'segment_dimension', 'segment_value'], ['starts_at', 'ends_at']
) }}
