{#
    corridor.governance_rejection_reasons(input_name): why a row of a
    governance input (or of the known incidents) cannot be used, as (reason code, SQL condition over its
    staging model): a required field missing, a time that does not parse, a
    row that names no subject, a verdict (acknowledgements, post-mortems)
    other than incident or false_alarm (any case). Such rows go to corridor_quarantine with every
    code that applies; the others are accepted (rows read = accepted +
    quarantined). A row that is well formed but names an alert, rule or
    estimate corridor does not know is accepted and reported as a governance
    item instead (corridor_governance_items), since the thing it names may
    appear in a later run.
#}
{% macro governance_rejection_reasons(input_name) %}
    {{ return(adapter.dispatch('governance_rejection_reasons', 'corridor')(input_name)) }}
{% endmacro %}

{% macro default__governance_rejection_reasons(input_name) %}
    {%- set verdict_unknown = "verdict is not null and lower(verdict) not in ('incident', 'false_alarm')" -%}
    {%- set reasons = {
        'known_incidents': [
            ('missing_incident_id', 'incident_id is null'),
            ('missing_model_id', 'model_id is null'),
            ('missing_starts_at', 'starts_at is null and not starts_at_is_unparseable'),
            ('unparseable_starts_at', 'starts_at_is_unparseable'),
            ('missing_ends_at', 'ends_at is null and not ends_at_is_unparseable'),
            ('unparseable_ends_at', 'ends_at_is_unparseable'),
            ('ends_at_not_after_starts_at', 'ends_at <= starts_at'),
        ],
        'approvals': [
            ('missing_approved_by', 'approved_by is null'),
            ('missing_approved_at', 'approved_at is null and not approved_at_is_unparseable'),
            ('unparseable_approved_at', 'approved_at_is_unparseable'),
            ('missing_subject', 'rule_id is null and estimate_id is null'),
            ('ambiguous_subject', 'rule_id is not null and estimate_id is not null'),
        ],
        'alert_acknowledgements': [
            ('missing_alert_id', 'alert_id is null'),
            ('missing_acknowledged_by', 'acknowledged_by is null'),
            ('missing_acknowledged_at', 'acknowledged_at is null and not acknowledged_at_is_unparseable'),
            ('unparseable_acknowledged_at', 'acknowledged_at_is_unparseable'),
            ('unknown_verdict', verdict_unknown),
        ],
        'post_mortems': [
            ('missing_post_mortem_id', 'post_mortem_id is null'),
            ('missing_alert_id', 'alert_id is null'),
            ('missing_author', 'author is null'),
            ('missing_written_at', 'written_at is null and not written_at_is_unparseable'),
            ('unparseable_written_at', 'written_at_is_unparseable'),
            ('missing_link_and_summary', 'link is null and summary is null'),
            ('unknown_verdict', verdict_unknown),
        ],
        'review_roster': [
            ('missing_reviewer', 'reviewer is null'),
            ('unparseable_active_from', 'active_from_is_unparseable'),
            ('unparseable_active_to', 'active_to_is_unparseable'),
            ('active_from_not_before_active_to', 'active_from >= active_to'),
            ('unparseable_rotation_order', 'rotation_order_is_unparseable'),
            ('non_finite_rotation_order', corridor.is_non_finite('rotation_order')),
        ],
    } -%}
    {%- if input_name not in reasons -%}
        {{ exceptions.raise_compiler_error("corridor.governance_rejection_reasons: unknown governance input '" ~ input_name ~ "'; known: "
            ~ (reasons.keys() | list | join(', '))) }}
    {%- endif -%}
    {{ return(reasons[input_name]) }}
{% endmacro %}
