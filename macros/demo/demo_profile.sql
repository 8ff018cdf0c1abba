{#
    corridor.demo_profile(): the demo's mapping, kept with the demo and out of
    the package defaults (which describe no data set). It applies only while
    corridor.profile() is 'demo': by default when the demo seeds load
    (corridor is the root project), or when a project sets
    corridor_profile: demo to read demo-shaped data from its own relations.

    {'settings': {var: value}, 'inputs': {input name: {column: demo column}}}:
    a user's vars still win over it, key by key.
#}
{% macro demo_profile() %}
    {{ return(adapter.dispatch('demo_profile', 'corridor')()) }}
{% endmacro %}

{% macro default__demo_profile() %}
    {{ return({
        'settings': {
            'corridor_segment_columns': ['region', 'device', 'tier'],
            'corridor_feature_columns': {
                'txn_amount': 'feature_txn_amount',
                'account_age_days': 'feature_account_age_days',
                'payment_channel': {'column': 'feature_payment_channel', 'type': 'categorical'},
            },
            'corridor_python_bootstrap': true,
        },
        'inputs': {
            'production_events': {
                'event_id': 'event_id',
                'event_at': 'event_at',
                'loaded_at': 'loaded_at',
                'model_id': 'model_id',
                'model_version': 'model_version',
                'entity_id': 'entity_id',
                'latency_ms': 'latency_ms',
                'is_error': 'is_error',
                'predicted_score': 'predicted_score',
                'predicted_class': 'predicted_class',
            },
            'outcomes': {
                'event_id': 'event_id',
                'label': 'label',
                'label_arrived_at': 'label_arrived_at',
            },
            'offline_estimates': {
                'estimate_id': 'estimate_id',
                'model_id': 'model_id',
                'model_version': 'model_version',
                'metric': 'metric',
                'segment_dimension': 'segment_dimension',
                'segment_value': 'segment_value',
                'window_grain': 'window_grain',
                'expected_value': 'expected_value',
                'standard_error': 'standard_error',
                'interval_lower': 'interval_lower',
                'interval_upper': 'interval_upper',
                'confidence_level': 'confidence_level',
                'method': 'method',
                'estimator_version': 'estimator_version',
                'evaluation_dataset_id': 'evaluation_dataset_id',
                'produced_at': 'produced_at',
                'valid_from': 'valid_from',
                'valid_to': 'valid_to',
            },
            'rules': {
                'rule_id': 'rule_id',
                'hypothesis': 'hypothesis',
                'metric': 'metric',
                'segment_dimension': 'segment_dimension',
                'segment_value': 'segment_value',
                'window_grain': 'window_grain',
                'comparison_kind': 'comparison_kind',
                'direction': 'direction',
                'warn_tolerance': 'warn_tolerance',
                'fail_tolerance': 'fail_tolerance',
                'min_sample_size': 'min_sample_size',
                'consecutive_windows': 'consecutive_windows',
                'owner': 'owner',
                'escalation_path': 'escalation_path',
                'severity': 'severity',
                'rule_version': 'rule_version',
                'valid_from': 'valid_from',
            },
            'reference_features': {
                'model_id': 'model_id',
                'model_version': 'model_version',
                'feature_name': 'feature_name',
                'feature_value': 'feature_value',
            },
        },
    }) }}
{% endmacro %}
