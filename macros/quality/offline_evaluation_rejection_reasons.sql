{#
    corridor.offline_evaluation_rejection_reasons(): why a row of the
    offline evaluation input (the backtest, row by row) cannot be used, as
    (reason code, SQL condition over stg_corridor__offline_evaluation). The
    prediction and the label are checked as production's are
    (corridor.event_rejection_reasons, corridor.outcome_rejection_reasons);
    a backtest row needs both, and a weight, when mapped, must be a positive
    finite number. Copies of a row id (same model version, evaluation id
    and row id) beyond the first are quarantined as duplicate_row_id by
    int_corridor__offline_evaluation_checked. Every code that applies is listed.
#}
{% macro offline_evaluation_rejection_reasons() %}
    {{ return(adapter.dispatch('offline_evaluation_rejection_reasons', 'corridor')()) }}
{% endmacro %}

{% macro default__offline_evaluation_rejection_reasons() %}
    {%- set domain = corridor.value_domain() -%}
    {%- set reasons = [
        ('missing_model_id', 'model_id is null'),
        ('missing_model_version', 'model_version is null'),
        ('missing_label', 'label is null and not label_is_unparseable'),
        ('unparseable_label', 'label_is_unparseable'),
        ('non_finite_label', corridor.is_non_finite('label')),
        ('unparseable_weight', 'weight_is_unparseable'),
        ('invalid_weight', '(weight <= 0 or ' ~ corridor.is_non_finite('weight') ~ ')'),
    ] -%}
    {%- if corridor.setting('corridor_model_type') == 'binary_classifier' -%}
        {%- do reasons.extend([
            ('unknown_label_class', 'label not in (0, 1) and not ' ~ corridor.is_non_finite('label')),
            ('missing_predicted_score', 'predicted_score is null and not predicted_score_is_unparseable'),
            ('unparseable_predicted_score', 'predicted_score_is_unparseable'),
            ('non_finite_predicted_score', corridor.is_non_finite('predicted_score')),
            ('predicted_score_out_of_range', '(predicted_score < 0 or predicted_score > 1) and not '
                ~ corridor.is_non_finite('predicted_score')),
            ('unparseable_predicted_class', 'predicted_class_is_unparseable'),
            ('unknown_predicted_class', 'predicted_class not in (0, 1)'),
        ]) -%}
    {%- else -%}
        {%- do reasons.extend([
            ('label_out_of_range', 'abs(label) > ' ~ domain['regression_value'] ~ ' and not ' ~ corridor.is_non_finite('label')),
            ('missing_predicted_value', 'predicted_value is null and not predicted_value_is_unparseable'),
            ('unparseable_predicted_value', 'predicted_value_is_unparseable'),
            ('non_finite_predicted_value', corridor.is_non_finite('predicted_value')),
            ('predicted_value_out_of_range', 'abs(predicted_value) > ' ~ domain['regression_value'] ~ ' and not '
                ~ corridor.is_non_finite('predicted_value')),
        ]) -%}
    {%- endif -%}
    {{ return(reasons) }}
{% endmacro %}
