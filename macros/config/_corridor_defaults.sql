{#
    The inputs and the quality gate thresholds, with their defaults (the
    scalar settings are in the registry corridor._corridor_settings).

    Every input is a namespaced var holding a mapping:
      relation: where to read it, exactly one of
          ref: <model or seed name>            (or [package, name])
          source: [<source name>, <table name>]
          relation: <database.schema.table | schema.table | table>
      columns: {<corridor column>: <your column name or null>}

    A user var is merged over these defaults key by key (columns too), so a
    project only names what it has. The package defaults describe no data
    set: a required column defaults to a column of its own corridor name (so a
    relation in corridor's shape needs no column mapping); an optional column
    is null (unmapped: simply absent, its metrics and gates not computed),
    except in the inputs written for corridor (offline estimates, rules,
    reference features: detect_optional_columns), where a column of the
    relation with the optional column's own name is used when present. The demo's mapping lives with the demo
    (corridor.demo_profile), applied only while corridor_profile is 'demo'.
#}
{% macro _corridor_input_defaults() %}
    {{ return({
        'production_events': {
            'var': 'corridor_production_events',
            'description': 'Input: production events, one row per prediction ({ref|source|relation, columns}). Required columns: event_id, '
                'event_at, model_id, model_version.',
            'demo_seed': 'corridor_demo_production_events',
            'optional': false,
            'required_columns': ['event_id', 'event_at', 'model_id', 'model_version'],
            'columns': {
                'event_id': 'event_id',
                'event_at': 'event_at',
                'loaded_at': none,
                'model_id': 'model_id',
                'model_version': 'model_version',
                'entity_id': none,
                'latency_ms': none,
                'is_error': none,
                'predicted_score': none,
                'predicted_class': none,
                'predicted_value': none,
            },
        },
        'outcomes': {
            'var': 'corridor_outcomes',
            'description': 'Input: outcomes (labels) joined by event id. Required columns: event_id, label.',
            'demo_seed': 'corridor_demo_outcomes',
            'optional': false,
            'required_columns': ['event_id', 'label'],
            'columns': {
                'event_id': 'event_id',
                'label': 'label',
                'label_arrived_at': none,
            },
        },
        'offline_estimates': {
            'var': 'corridor_offline_estimates',
            'description': 'Input: offline estimates. Required columns: model_id, model_version, metric, expected_value (window_grain null '
                'or unmapped: every grain).',
            'demo_seed': 'corridor_demo_offline_estimates',
            'detect_optional_columns': true,
            'optional': false,
            'required_columns': ['model_id', 'model_version', 'metric', 'expected_value'],
            'columns': {
                'estimate_id': none,
                'model_id': 'model_id',
                'model_version': 'model_version',
                'metric': 'metric',
                'segment_dimension': none,
                'segment_value': none,
                'window_grain': none,
                'expected_value': 'expected_value',
                'standard_error': none,
                'interval_lower': none,
                'interval_upper': none,
                'confidence_level': none,
                'sample_size': none,
                'method': none,
                'estimator_version': none,
                'evaluation_dataset_id': none,
                'produced_at': none,
                'valid_from': none,
                'valid_to': none,
                'changed_by': none,
                'owner': none,
            },
        },
        'rules': {
            'var': 'corridor_rules',
            'description': 'Input: the rules registry. Required columns: rule_id, metric, comparison_kind, owner.',
            'demo_seed': 'corridor_demo_rules',
            'detect_optional_columns': true,
            'optional': false,
            'required_columns': ['rule_id', 'metric', 'comparison_kind', 'owner'],
            'columns': {
                'rule_id': 'rule_id',
                'hypothesis': none,
                'metric': 'metric',
                'segment_dimension': none,
                'segment_value': none,
                'window_grain': none,
                'comparison_kind': 'comparison_kind',
                'direction': none,
                'warn_tolerance': none,
                'fail_tolerance': none,
                'min_sample_size': none,
                'consecutive_windows': none,
                'owner': 'owner',
                'escalation_path': none,
                'severity': none,
                'rule_version': none,
                'valid_from': none,
                'model_id': none,
                'tolerance_unit': none,
                'power': none,
                'feature': none,
                'expected_source': none,
                'changed_by': none,
                'observation_source': none,
            },
        },
        'reference_features': {
            'var': 'corridor_reference_features',
            'description': 'Optional input: reference feature values for stability checks; null: off.',
            'demo_seed': 'corridor_demo_reference_features',
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['model_id', 'model_version', 'feature_name', 'feature_value'],
            'columns': {
                'model_id': 'model_id',
                'model_version': 'model_version',
                'feature_name': 'feature_name',
                'feature_value': 'feature_value',
            },
        },
        'offline_evaluation': {
            'var': 'corridor_offline_evaluation',
            'description': 'Optional input: the backtest row by row (model_id, model_version, label and the prediction: predicted_score / '
                'predicted_class, or predicted_value for regression; optional evaluation_id, row_id, weight; segment and feature columns '
                'named as in production), from which corridor computes the offline_evaluation and offline_feature_adjusted sources; unset '
                'or null: off (docs/offline-evaluation.md).',
            'demo_seed': 'corridor_demo_offline_evaluation',
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['model_id', 'model_version', 'label'],
            'columns': {
                'evaluation_id': none,
                'row_id': none,
                'model_id': 'model_id',
                'model_version': 'model_version',
                'predicted_score': none,
                'predicted_class': none,
                'predicted_value': none,
                'label': 'label',
                'weight': none,
            },
        },
        'approvals': {
            'var': 'corridor_approvals',
            'description': 'Optional input: approvals of rule versions or offline estimates (approved_by, approved_at, and rule_id [+ '
                'rule_version] or estimate_id; optional approval_id, note); unset or null: off (docs/governance.md).',
            'demo_seed': none,
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['approved_by', 'approved_at'],
            'columns': {
                'approval_id': none,
                'rule_id': none,
                'rule_version': none,
                'estimate_id': none,
                'approved_by': 'approved_by',
                'approved_at': 'approved_at',
                'note': none,
            },
        },
        'alert_acknowledgements': {
            'var': 'corridor_alert_acknowledgements',
            'description': 'Optional input: acknowledgements of alerts (alert_id of corridor_alerts, acknowledged_by, acknowledged_at; '
                'optional note, verdict: incident or false_alarm, the ground truth of the rule calibration); unset or null: off '
                '(docs/governance.md, docs/replay.md).',
            'demo_seed': none,
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['alert_id', 'acknowledged_by', 'acknowledged_at'],
            'columns': {
                'alert_id': 'alert_id',
                'acknowledged_by': 'acknowledged_by',
                'acknowledged_at': 'acknowledged_at',
                'note': none,
                'verdict': none,
            },
        },
        'post_mortems': {
            'var': 'corridor_post_mortems',
            'description': 'Optional input: post-mortems of alerts (post_mortem_id, alert_id, author, written_at; optional link, summary, '
                'one of which is needed, and verdict: incident (the default) or false_alarm, the ground truth of the rule calibration); '
                'unset or null: off (docs/governance.md, docs/replay.md).',
            'demo_seed': none,
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['post_mortem_id', 'alert_id', 'author', 'written_at'],
            'columns': {
                'post_mortem_id': 'post_mortem_id',
                'alert_id': 'alert_id',
                'author': 'author',
                'written_at': 'written_at',
                'link': none,
                'summary': none,
                'verdict': none,
            },
        },
        'review_roster': {
            'var': 'corridor_review_roster',
            'description': 'Optional input: the reviewers of the rotation (reviewer; optional rotation_order, active_from, active_to) '
                'behind corridor_review_assignments; unset or null: off (docs/governance.md).',
            'demo_seed': none,
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['reviewer'],
            'columns': {
                'reviewer': 'reviewer',
                'rotation_order': none,
                'active_from': none,
                'active_to': none,
            },
        },
        'known_incidents': {
            'var': 'corridor_known_incidents',
            'description': 'Optional input: known incidents the rule calibration scores detection against (with the post-mortems and '
                'acknowledgements that carry a verdict, read directly): incident_id, model_id, starts_at, ends_at, optional '
                'segment_dimension / segment_value (default all); null: off (docs/replay.md).',
            'demo_seed': 'corridor_demo_planted_incidents',
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['incident_id', 'model_id', 'starts_at', 'ends_at'],
            'columns': {
                'incident_id': 'incident_id',
                'model_id': 'model_id',
                'segment_dimension': none,
                'segment_value': none,
                'starts_at': 'starts_at',
                'ends_at': 'ends_at',
            },
        },
        'scenarios': {
            'var': 'corridor_scenarios',
            'description': 'Optional input: declared perturbations (scenario_id, kind: latency_multiplier | error_rate_points | '
                'accuracy_points | tail_latency, starts_at, duration_hours, size; optional model_id, segment_dimension / segment_value, '
                'seeds) injected into the recorded events and judged by the validation models; null: off (docs/scenarios.md).',
            'demo_seed': 'corridor_demo_scenarios',
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['scenario_id', 'kind', 'starts_at', 'duration_hours', 'size'],
            'columns': {
                'scenario_id': 'scenario_id',
                'kind': 'kind',
                'model_id': none,
                'segment_dimension': none,
                'segment_value': none,
                'starts_at': 'starts_at',
                'duration_hours': 'duration_hours',
                'size': 'size',
                'seeds': none,
            },
        },
        'feature_versions': {
            'var': 'corridor_feature_versions',
            'description': 'Optional input: feature versions (feature_name, feature_version, valid_from; upstream_source) for estimate '
                'staleness and lineage (docs/lineage.md); null: off.',
            'demo_seed': 'corridor_demo_feature_versions',
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['feature_name', 'feature_version', 'valid_from'],
            'columns': {
                'feature_name': 'feature_name',
                'feature_version': 'feature_version',
                'valid_from': 'valid_from',
                'upstream_source': none,
            },
        },
        'estimate_feature_versions': {
            'var': 'corridor_estimate_feature_versions',
            'description': 'Optional input: the feature versions each offline estimate was computed with (estimate_id, feature_name, '
                'feature_version; docs/lineage.md); null: off.',
            'demo_seed': 'corridor_demo_estimate_feature_versions',
            'detect_optional_columns': true,
            'optional': true,
            'required_columns': ['feature_name', 'feature_version'],
            'columns': {
                'estimate_id': none,
                'feature_name': 'feature_name',
                'feature_version': 'feature_version',
                'model_id': none,
                'model_version': none,
            },
        },
    }) }}
{% endmacro %}


{#-
    Quality gate checks and their thresholds (var corridor_quality_gates is
    merged over these, check by check and key by key). `direction` says
    which side is bad: `above` (measured > threshold), `below`
    (measured < threshold) or `outside` (ratio below the threshold or above
    its inverse). A null threshold never triggers that status. `min_rows`
    (statistical checks only): a window with fewer expected (row_volume) or
    observed (label_maturity) events is not judged.
-#}
{% macro _corridor_gate_defaults() %}
    {{ return({
        'row_volume': {'category': 'completeness', 'direction': 'outside', 'warn': 0.5, 'fail': 0.2, 'min_rows': 10, 'enabled': true},
        'null_rate': {'category': 'completeness', 'direction': 'above', 'warn': 0.01, 'fail': 0.05, 'enabled': true},
        'label_maturity': {'category': 'completeness', 'direction': 'below', 'warn': 0.7, 'fail': 0.4, 'min_rows': 20, 'enabled': true},
        'unwindowable_rows': {'category': 'completeness', 'direction': 'above', 'warn': 0, 'fail': 0.01, 'enabled': true},
        'empty_input': {'category': 'completeness', 'direction': 'below', 'warn': none, 'fail': 1, 'enabled': true},
        'duplicate_event_ids': {'category': 'consistency', 'direction': 'above', 'warn': 0.001, 'fail': 0.01, 'enabled': true},
        'out_of_range_values': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': 0.01, 'enabled': true},
        'unparseable_values': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': 0.01, 'enabled': true},
        'unknown_model_versions': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': none, 'enabled': true},
        'new_segment_values': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': none, 'enabled': true},
        'future_timestamps': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': 0.01, 'enabled': true},
        'outcomes_for_unknown_events': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': 0.05, 'enabled': true},
        'invalid_labels': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': 0.01, 'enabled': true},
        'label_single_class': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': none, 'enabled': true},
        'labels_before_events': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': 0.01, 'enabled': true},
        'invalid_offline_estimates': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': none, 'enabled': true},
        'offline_estimates_without_production': {'category': 'consistency', 'direction': 'above', 'warn': 0, 'fail': none, 'enabled': true},
        'late_events': {'category': 'timeliness', 'direction': 'above', 'warn': 0.05, 'fail': 0.2, 'enabled': true},
        'freshness_hours': {'category': 'timeliness', 'direction': 'above', 'warn': 24, 'fail': 72, 'enabled': true},
        'schema_columns_added': {'category': 'schema', 'direction': 'above', 'warn': 0, 'fail': none, 'enabled': true},
        'schema_columns_missing': {'category': 'schema', 'direction': 'above', 'warn': 0, 'fail': none, 'enabled': true},
        'schema_type_changed': {'category': 'schema', 'direction': 'above', 'warn': 0, 'fail': none, 'enabled': true},
    }) }}
{% endmacro %}
