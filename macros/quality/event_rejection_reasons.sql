{#
    corridor.event_rejection_reasons(): the reasons a production event row
    cannot be used, as a list of (reason code, SQL condition over the columns
    of stg_corridor__production_events). A row with no reason is accepted
    (its first-loaded copy counts); every other row goes to
    corridor_quarantine with every code that applies (plus
    duplicate_event_id for copies beyond the first).
    One definition serves int_corridor__events_enriched, corridor_quarantine
    and the quality gates, so they can never disagree.
#}
{% macro event_rejection_reasons() %}
    {{ return(adapter.dispatch('event_rejection_reasons', 'corridor')()) }}
{% endmacro %}

{% macro default__event_rejection_reasons() %}
    {%- set model_type = corridor.setting('corridor_model_type') -%}
    {%- set tolerance = corridor.setting('corridor_future_tolerance_minutes') -%}
    {%- set now = corridor.run_time() -%}
    {%- set domain = corridor.value_domain() -%}
    {%- set earliest = corridor.setting('corridor_earliest_event_at') -%}
    {%- set reasons = [
        ('missing_event_id', 'event_id_is_missing'),
        ('missing_event_at', 'event_at_is_missing'),
        ('unparseable_event_at', 'event_at_is_unparseable'),
        ('future_event_at', 'event_at > ' ~ dbt.dateadd('minute', tolerance, now) ~ ' or '
            ~ corridor.later_by_more_than('event_at', 'loaded_at', tolerance)),
        ('event_at_before_earliest', 'event_at < cast(' ~ corridor.sql_string(earliest) ~ ' as ' ~ dbt.type_timestamp() ~ ')'),
        ('missing_model_id', 'model_id_is_missing'),
        ('missing_model_version', 'model_version_is_missing'),
        ('unparseable_loaded_at', 'loaded_at_is_unparseable'),
        ('unparseable_is_error', 'is_error_is_unparseable and not is_error_is_number'),
        ('is_error_not_boolean', 'is_error_is_unparseable and is_error_is_number'),
        ('unparseable_latency_ms', 'latency_ms_is_unparseable'),
        ('non_finite_latency_ms', corridor.is_non_finite('latency_ms')),
        ('negative_latency_ms', 'latency_ms < 0 and not ' ~ corridor.is_non_finite('latency_ms')),
        ('latency_ms_out_of_range', 'latency_ms > ' ~ domain['latency_ms'] ~ ' and not ' ~ corridor.is_non_finite('latency_ms')),
    ] -%}
    {%- if model_type == 'binary_classifier' -%}
        {%- do reasons.extend([
            ('unparseable_predicted_score', 'predicted_score_is_unparseable'),
            ('non_finite_predicted_score', corridor.is_non_finite('predicted_score')),
            ('predicted_score_out_of_range', '(predicted_score < 0 or predicted_score > 1) and not '
                ~ corridor.is_non_finite('predicted_score')),
            ('unparseable_predicted_class', 'predicted_class_is_unparseable'),
            ('unknown_predicted_class', 'predicted_class not in (0, 1)'),
        ]) -%}
    {%- else -%}
        {%- do reasons.extend([
            ('unparseable_predicted_value', 'predicted_value_is_unparseable'),
            ('non_finite_predicted_value', corridor.is_non_finite('predicted_value')),
            ('predicted_value_out_of_range', 'abs(predicted_value) > ' ~ domain['regression_value'] ~ ' and not '
                ~ corridor.is_non_finite('predicted_value')),
        ]) -%}
    {%- endif -%}
    {{ return(reasons) }}
{% endmacro %}
