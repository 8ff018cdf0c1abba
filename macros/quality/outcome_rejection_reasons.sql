{#
    corridor.outcome_rejection_reasons(): why an outcome row cannot be used,
    as (reason code, SQL condition over stg_corridor__outcomes). Outcomes for
    events that are unknown or were themselves quarantined are checked in
    corridor_quarantine, which knows the accepted events.
#}
{% macro outcome_rejection_reasons() %}
    {{ return(adapter.dispatch('outcome_rejection_reasons', 'corridor')()) }}
{% endmacro %}

{% macro default__outcome_rejection_reasons() %}
    {%- set reasons = [
        ('missing_event_id', 'event_id_is_missing'),
        ('missing_label', 'label_is_missing'),
        ('unparseable_label', 'label_is_unparseable'),
        ('non_finite_label', corridor.is_non_finite('label')),
        ('unparseable_label_arrived_at', 'label_arrived_at_is_unparseable'),
    ] -%}
    {%- if corridor.setting('corridor_model_type') == 'binary_classifier' -%}
        {%- do reasons.append(('unknown_label_class', 'label not in (0, 1) and not ' ~ corridor.is_non_finite('label'))) -%}
    {%- else -%}
        {%- do reasons.append(('label_out_of_range', 'abs(label) > ' ~ corridor.value_domain()['regression_value'] ~ ' and not '
            ~ corridor.is_non_finite('label'))) -%}
    {%- endif -%}
    {{ return(reasons) }}
{% endmacro %}
