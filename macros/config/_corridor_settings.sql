{#-
    corridor._corridor_settings(): the settings registry, the one place each
    corridor_ setting is declared: var name -> {
        default      its default (null: none)
        check        how corridor.setting validates a value: {type: number |
                     integer | boolean | string | list | mapping | one_of |
                     grains | timestamp | any, min, max, exclusive (bounds
                     excluded), values (one_of), nullable (null allowed),
                     hint (shown in the error and the docs), validate (a
                     further validator macro of corridor, taking (name, value)
                     and returning the value, possibly normalized)}
        description  its one-line meaning (docs/configuration.md)
        scope        'run' for the vars that steer the invocation rather than
                     the results (demo seeds, profile, schema, history, run
                     summary): not part of corridor.resolved_config
        computed_default  (optional) the default as shown in the docs, when
                     the code computes it (e.g. from the root project's name)
    }
    corridor.setting(name) reads a setting through it; the error messages
    (corridor._setting_expectation) and the settings table of
    docs/configuration.md (corridor.settings_reference, kept in step by
    test_settings_docs.py) are generated from it. The inputs
    (corridor_production_events ...) are declared in _corridor_input_defaults;
    quality gate thresholds in _corridor_gate_defaults. To add a setting, add
    an entry here (see CONTRIBUTING.md).
-#}
{% macro _corridor_settings() %}
    {{ return({
        'corridor_model_type': {
            'default': 'binary_classifier',
            'check': {'type': 'one_of', 'values': ['binary_classifier', 'regression']},
            'description': 'binary_classifier or regression (MAE, RMSE instead of classification metrics).',
        },
        'corridor_segment_columns': {
            'default': [],
            'check': {'type': 'any', 'hint': 'a list of column names or a mapping {dimension: column} (checked by '
                'corridor.segment_dimensions)'},
            'description': 'Segment dimensions of production events: a list of column names or a mapping {dimension: column}; empty: '
                'overall only.',
        },
        'corridor_feature_columns': {
            'default': [],
            'check': {'type': 'any', 'hint': 'a list or a mapping of feature columns (checked by corridor.feature_columns)'},
            'description': 'Feature columns carried from production events: a list (numeric features), a mapping {feature: column} or '
                '{feature: {column, type: numeric|categorical}}; empty: none (docs/drift.md).',
        },
        'corridor_window_grains': {
            'default': ['hour', 'day', 'week'],
            'check': {'type': 'grains'},
            'description': 'Grains of the metric windows: hour (UTC), day, week (Monday), month, the last three in corridor_time_zone '
                '(docs/windows.md).',
        },
        'corridor_histogram_metric_grains': {
            'default': ['day', 'week'],
            'check': {'type': 'grains'},
            'description': 'Grains for AUC and ECE (histogram metrics).',
        },
        'corridor_classification_threshold': {
            'default': 0.5,
            'check': {'type': 'number', 'min': 0, 'max': 1, 'exclusive': true},
            'description': 'Predicted class from the score when the input has no class column.',
        },
        'corridor_confidence_level': {
            'default': 0.95,
            'check': {'type': 'number', 'min': 0, 'max': 1, 'exclusive': true},
            'description': 'Level of the production intervals, and of offline intervals derived from a standard error.',
        },
        'corridor_calibration_bins': {
            'default': 10,
            'check': {'type': 'integer', 'min': 2},
            'description': 'Equal-width score bins for the expected calibration error.',
        },
        'corridor_score_bins': {
            'default': 1000,
            'check': {'type': 'integer', 'min': 2, 'validate': '_validate_score_bins'},
            'description': 'Score resolution for AUC (a multiple of corridor_calibration_bins).',
        },
        'corridor_as_of': {
            'default': none,
            'check': {'type': 'any', 'hint': 'a UTC timestamp or null'},
            'description': 'Count only outcomes arrived by this UTC timestamp; null: everything loaded.',
        },
        'corridor_lookback_days': {
            'default': 3,
            'check': {'type': 'number', 'min': 0},
            'description': 'Incremental runs recompute windows from this many days before the latest event (week-aligned; '
                ~ 'the enriched events and the value histograms\' day rows from the day itself).',
        },
        'corridor_late_grace_hours': {
            'default': 1,
            'check': {'type': 'number', 'min': 0},
            'description': 'A row loaded later than this after its window closed is late.',
        },
        'corridor_label_maturity_horizon_hours': {
            'default': 96,
            'check': {'type': 'number', 'min': 0},
            'description': 'Label maturity is judged once a window is this old.',
        },
        'corridor_new_segment_warmup_hours': {
            'default': 24,
            'check': {'type': 'number', 'min': 0},
            'description': 'Segment values first seen after this much data are new.',
        },
        'corridor_future_tolerance_minutes': {
            'default': 5,
            'check': {'type': 'number', 'min': 0},
            'description': 'An event time later than its load time or the run by more than this is impossible (quarantined).',
        },
        'corridor_earliest_event_at': {
            'default': '2000-01-01',
            'check': {'type': 'timestamp', 'hint': 'events before it are quarantined as event_at_before_earliest'},
            'description': "The earliest acceptable event time (UTC, 'YYYY-MM-DD[ HH:MM[:SS]]'): earlier events are quarantined as "
                "event_at_before_earliest (see docs/data-quality.md).",
        },
        'corridor_max_gap_days': {
            'default': 14,
            'check': {'type': 'number', 'min': 0},
            'description': "A silence longer than this many days splits a model version's window grid: its windows are not filled with "
                "empty ones (shorter gaps are explicit empty windows).",
        },
        'corridor_known_model_versions': {
            'default': none,
            'check': {'type': 'list', 'nullable': true, 'hint': "of model versions or 'model_id:version'"},
            'description': "Versions expected in production ('v1' or 'model:v1'); null: the versions with an offline estimate.",
        },
        'corridor_quality_gates': {
            'default': {},
            'check': {'type': 'mapping', 'hint': '{check: {warn: .., fail: .., enabled: ..}}'},
            'description': 'Per-check overrides of the quality gates {check: {warn, fail, enabled, min_rows}}.',
        },
        'corridor_bootstrap_resamples': {
            'default': 1000,
            'check': {'type': 'integer', 'min': 1},
            'description': 'Replicates of the Python bootstrap.',
        },
        'corridor_bootstrap_seed': {
            'default': 20261127,
            'check': {'type': 'integer', 'min': 0, 'max': 4294967295},
            'description': 'Seed of the bootstrap replicates (Python and SQL).',
        },
        'corridor_bootstrap_grains': {
            'default': none,
            'check': {'type': 'grains', 'nullable': true, 'hint': 'null: corridor_window_grains'},
            'description': 'Grains the Python bootstrap covers; null: corridor_window_grains.',
        },
        'corridor_bootstrap_max_shared_events': {
            'default': 20000,
            'check': {'type': 'integer', 'min': 1},
            'description': 'Above this many events a group shares its bootstrap weights across metrics.',
        },
        'corridor_bootstrap_asymptotic_events': {
            'default': 20000,
            'check': {'type': 'integer', 'min': 1},
            'description': 'Python bootstrap: groups with more events than this get the asymptotic form of the bootstrap for means, RMSE, '
                'quantiles and AUC (cost independent of the events; coverage equal to the resampled bootstrap, see docs/intervals.md).',
        },
        'corridor_bootstrap_batch_rows': {
            'default': 2000000,
            'check': {'type': 'integer', 'min': 1},
            'description': 'Python bootstrap: the most histogram rows read into Python at a time; the groups are computed in batches of at '
                'most this many rows (a larger group alone), so memory is bounded by the batch, not the events. Same results.',
        },
        'corridor_sql_bootstrap_resamples': {
            'default': 200,
            'check': {'type': 'integer', 'min': 1},
            'description': 'Replicates of the SQL Poisson bootstrap.',
        },
        'corridor_sql_bootstrap_exact_events': {
            'default': 200,
            'check': {'type': 'integer', 'min': 1},
            'description': 'SQL bootstrap: metrics of groups with at most this many events are resampled event by event, larger ones from '
                'their sufficient statistics.',
        },
        'corridor_prior_strength': {
            'default': 1.0,
            'check': {'type': 'number', 'min': 0, 'hint': "1 = the offline estimate's stated uncertainty, 0 = a flat prior"},
            'description': "The Bayesian comparison's prior: precision multiplier of the offline estimate's stated uncertainty (0 = flat "
                "prior).",
        },
        'corridor_prior_max_events': {
            'default': none,
            'check': {'type': 'number', 'min': 0, 'exclusive': true, 'nullable': true, 'hint': 'the most production events the offline '
                'prior may weigh, e.g. 50; null: no cap'},
            'description': "Cap the prior's weight at this many production events; null: no cap.",
        },
        'corridor_fdr_level': {
            'default': 0.05,
            'check': {'type': 'number', 'min': 0, 'max': 1, 'exclusive': true},
            'description': 'Benjamini-Hochberg level: a breach is confirmed (and can open an alert) when its q-value is at most this.',
        },
        'corridor_test_alpha': {
            'default': 0.05,
            'check': {'type': 'number', 'min': 0, 'max': 1, 'exclusive': true},
            'description': "Level of each check's test (statistical, equivalence verdicts).",
        },
        'corridor_power': {
            'default': 0.9,
            'check': {'type': 'number', 'min': 0, 'max': 1, 'exclusive': true},
            'description': 'Power at which detectable_deviation is stated, unless a rule sets its own.',
        },
        'corridor_severity_levels': {
            'default': {'critical': 'error', 'high': 'error', 'medium': 'warn', 'low': 'warn', 'info': 'none'},
            'check': {'type': 'mapping', 'validate': '_validate_severity_levels', 'hint': 'rule severity -> error, warn or none'},
            'description': 'Rule severity -> dbt severity of corridor.rules_hold (error, warn or none).',
        },
        'corridor_python_bootstrap': {
            'default': false,
            'check': {'type': 'boolean'},
            'description': 'Build the Python bootstrap model (DuckDB only; needs numpy and scipy in the dbt environment). Off: '
                'corridor_bootstrap_intervals is not built and the SQL intervals remain. Default: on in the demo profile, off otherwise.',
        },
        'corridor_error_status_min': {
            'default': none,
            'check': {'type': 'integer', 'min': 1, 'nullable': true, 'hint': 'a status code, e.g. 500: statuses of 500 and above are '
                'errors'},
            'description': 'Read the is_error column as an HTTP status code: an event is an error when its status is at least this (e.g. '
                '500, or 400); null: is_error must be boolean-like (true/false, 1/0, t/f, yes/no), other values are quarantined.',
        },
        'corridor_check_severity': {
            'default': {},
            'check': {'type': 'any', 'hint': 'a mapping {check: warn or error}'},
            'description': "dbt severity (warn or error) of corridor's checks in dbt build, per check (rule_issues, estimate_issues, "
                "quality_gates, quarantine, unjudgeable_rules, invariants, model_decisions, governance_items), merged over warn for each.",
        },
        'corridor_quarantine_threshold': {
            'default': 0,
            'check': {'type': 'number', 'min': 0, 'max': 1, 'hint': '0: any quarantined row'},
            'description': 'The quarantine check fails when more than this fraction of an input is quarantined (0: any quarantined row).',
        },
        'corridor_seasonal_baseline': {
            'default': {'hour': {'period_hours': 24, 'lookback_periods': 7, 'min_history': 5}, 'day': {'period_hours': 168,
                'lookback_periods': 4, 'min_history': 2}, 'week': {'period_hours': 168, 'lookback_periods': 8, 'min_history': 3},
                'month': {'period_hours': 720, 'lookback_periods': 6, 'min_history': 3}},
            'check': {'type': 'any', 'validate': '_validate_seasonal_baseline', 'hint': 'grains (hour, day, week, month) -> {period_hours, '
                'lookback_periods, min_history}, positive integers'},
            'description': 'Per grain: period_hours, lookback_periods and min_history of seasonal baselines.',
        },
        'corridor_segment_estimate_fallback': {
            'default': true,
            'check': {'type': 'boolean'},
            'description': 'A segment rule without an offline estimate for its segment is judged against the overall (all) estimate, '
                'expected_source overall_fallback; false: missing (docs/validation.md).',
        },
        'corridor_seasonal_baseline_across_versions': {
            'default': true,
            'check': {'type': 'boolean'},
            'description': 'Seasonal baselines may draw on earlier windows of other versions of the same model, so a rollout is judged '
                'from its first window; false: only the version under test.',
        },
        'corridor_time_zone': {
            'default': 'UTC',
            'check': {'type': 'string', 'validate': '_validate_time_zone', 'hint': "an IANA time zone name with whole-hour offsets, e.g. "
                "'UTC', 'Europe/Berlin'"},
            'description': 'IANA time zone of day, week and month boundaries (whole-hour UTC offsets only); hours are UTC hours '
                '(docs/windows.md).',
        },
        'corridor_rolling_windows': {
            'default': [],
            'check': {'type': 'any', 'validate': '_validate_rolling_windows', 'hint': 'a list of mappings {days: N[, name: ...]}, N from 2 '
                'to 366'},
            'description': 'Rolling windows, each a grain of its own: [{days: 7}] is the grain rolling_7d, trailing 7 local days stepped '
                'daily, summed from day cells (needs day in corridor_window_grains; docs/windows.md#rolling-windows). Optional key name. '
                'Default: none.',
        },
        'corridor_feature_bins': {
            'default': 20,
            'check': {'type': 'integer', 'min': 2},
            'description': 'Quantile bins of the reference distribution each numeric feature is binned into for corridor_feature_drift '
                '(docs/drift.md).',
        },
        'corridor_feature_drift_grains': {
            'default': ['day', 'week'],
            'check': {'type': 'grains'},
            'description': 'Window grains of corridor_feature_drift (drawn from corridor_window_grains).',
        },
        'corridor_max_categories': {
            'default': 200,
            'check': {'type': 'integer', 'min': 2},
            'description': 'Categorical features: the most frequent categories of the reference kept as their own bins; the rest share one '
                'bin (other).',
        },
        'corridor_multivariate_drift': {
            'default': true,
            'check': {'type': 'boolean'},
            'description': 'Build corridor_multivariate_drift (PCA reconstruction error of the features together; DuckDB only, needs '
                'numpy, pandas and scipy in the dbt environment). Off: not built (docs/drift.md#multivariate-drift).',
        },
        'corridor_multivariate_rows_per_day': {
            'default': 2000,
            'check': {'type': 'integer', 'min': 2},
            'description': 'Multivariate drift: events sampled (by a hash of event_id) per model version and day, the bound on rows handed '
                'to Python: a window reads at most this many rows per day it spans.',
        },
        'corridor_multivariate_reference_days': {
            'default': 7,
            'check': {'type': 'integer', 'min': 2},
            'description': 'Multivariate drift: the first days of each model in production (all versions) that form its reference period.',
        },
        'corridor_multivariate_alpha': {
            'default': 0.01,
            'check': {'type': 'number', 'min': 0, 'max': 0.5, 'exclusive': true},
            'description': 'Multivariate drift: the false alarm level of a window with no drift (one-sided, against the threshold '
                'calibrated from the reference days).',
        },
        'corridor_multivariate_variance': {
            'default': 0.65,
            'check': {'type': 'number', 'min': 0, 'max': 1, 'exclusive': true},
            'description': 'Multivariate drift: the share of the reference variance the kept principal components explain (at least one '
                'direction is always dropped).',
        },
        'corridor_multivariate_min_rows': {
            'default': 100,
            'check': {'type': 'integer', 'min': 2},
            'description': 'Multivariate drift: sampled rows below which a window is insufficient_sample rather than judged.',
        },
        'corridor_mix_adjustment_dimension': {
            'default': none,
            'check': {'type': 'any', 'validate': '_validate_mix_adjustment_dimension', 'hint': 'a segment dimension of '
                'corridor_segment_columns or null'},
            'description': 'Segment dimension whose offline estimates are reweighted to production mix as the offline_mix_adjusted source; '
                'null: the first of corridor_segment_columns (docs/decisions.md).',
        },
        'corridor_feature_weight_cap': {
            'default': 10,
            'check': {'type': 'number', 'min': 1},
            'description': 'offline_feature_adjusted: the largest importance weight (production share / offline share of a feature cell) a '
                'backtest row gets; larger ratios are capped (docs/offline-evaluation.md).',
        },
        'corridor_decision_severities': {
            'default': ['critical', 'high'],
            'check': {'type': 'any', 'validate': '_validate_decision_severities', 'hint': 'a non-empty list of severities of '
                'corridor_severity_levels'},
            'description': 'Rule severities that decide a model version (corridor_model_decisions): required for promote, able to trigger '
                'rollback (docs/decisions.md).',
        },
        'corridor_decision_windows': {
            'default': 2,
            'check': {'type': 'integer', 'min': 1},
            'description': 'N: consecutive confirmed fails of a deciding rule that mean rollback, passes per rule needed to promote, '
                'consecutive passes that clear a rollback (hysteresis).',
        },
        'corridor_decision_canary_hours': {
            'default': 72,
            'check': {'type': 'integer', 'min': 1},
            'description': 'Canary period in hours: a version is promoted only after serving this long with its deciding rules passing '
                'over the last this-many hours.',
        },
        'corridor_label_free_reference': {
            'default': none,
            'check': {'type': 'any', 'validate': 'validate_label_free_setting'},
            'description': 'The labelled reference the label-free estimate is calibrated on: a period {start, end} (timestamps, end '
                'excluded) or the string START/END, of production events whose labels have arrived, or offline_evaluation: the backtest '
                'rows of corridor_offline_evaluation; null: no label-free estimate. Builds the label-free models (binary '
                'classifiers) and source label_free_estimate (docs/label-free.md).',
        },
        'corridor_label_free_method': {
            'default': none,
            'check': {'type': 'any', 'validate': 'validate_label_free_setting'},
            'description': 'How the label-free estimate is computed: python (the kernel in Python models, simulation intervals; DuckDB '
                'only) or sql (SQL models, analytic intervals; every engine); null: python on DuckDB, sql elsewhere (docs/label-free.md).',
        },
        'corridor_label_free_draws': {
            'default': 400,
            'check': {'type': 'any', 'validate': 'validate_label_free_setting'},
            'description': 'Simulation draws behind the label-free intervals (calibration refits x label draws), at least 50.',
        },
        'corridor_label_free_max_psi': {
            'default': 0.1,
            'check': {'type': 'any', 'validate': 'validate_label_free_setting'},
            'description': 'A window whose score distribution has a population stability index above this against the reference is flagged '
                'is_shifted: its label-free estimate is not to be trusted (docs/label-free.md).',
        },
        'corridor_label_free_min_label_maturity': {
            'default': 0.9,
            'check': {'type': 'any', 'validate': 'validate_label_free_setting'},
            'description': "corridor_estimator_validation compares an estimate with the realized value once this share of the window's "
                "events carry a label.",
        },
        'corridor_replay_horizon_days': {
            'default': 30,
            'check': {'type': 'integer', 'min': 1},
            'description': 'The replay (corridor_replay_alerts) covers the windows that ended in the last this many days of recorded '
                'history (docs/replay.md).',
        },
        'corridor_replay_step_hours': {
            'default': 24,
            'check': {'type': 'integer', 'min': 1},
            'description': "The replay judges the history as of every this many hours (UTC-aligned) within its horizon, plus the build's "
                "own now (docs/replay.md).",
        },
        'corridor_calibration_candidates': {
            'default': {'fdr_level': [0.01, 0.05, 0.1], 'consecutive_windows': [none, 1, 2, 3], 'tolerance_multiplier': [1, 1.5, 2],
                'min_sample_multiplier': [1, 2]},
            'check': {'type': 'mapping', 'hint': '{fdr_level, consecutive_windows, tolerance_multiplier, min_sample_multiplier: lists of '
                'candidates}'},
            'description': "The settings corridor_rule_calibration compares per rule on the replayed history, every combination of the "
                "lists: fdr_level, consecutive_windows (null: the rule's own), tolerance_multiplier (>= 1: a breach must also exceed this "
                "multiple of the warn threshold) and min_sample_multiplier (>= 1) (docs/replay.md).",
        },
        'corridor_duckdb_udfs': {
            'default': 'auto',
            'check': {'type': 'one_of', 'values': ['auto', 'on', 'off']},
            'description': "DuckDB: beta CDFs and quantiles (Clopper-Pearson, Jeffreys, Bayesian checks) by the scipy functions corridor's "
                "dbt-duckdb plugin registers: auto (when the plugin is loaded), on (required: fail without the plugin) or off (the SQL "
                "kernel, as on other engines). docs/intervals.md.",
        },
        'corridor_scenario_seeds': {
            'default': 10,
            'check': {'type': 'integer', 'min': 1},
            'description': 'Scenarios: seeds (independent injections) per scenario when its row gives none; power is the share of seeds '
                'detected (docs/scenarios.md).',
        },
        'corridor_scenario_target_power': {
            'default': 0.8,
            'check': {'type': 'number', 'min': 0, 'max': 1, 'exclusive': true},
            'description': 'Scenarios: the power (0-1) the recommended tolerance of corridor_scenario_results is solved for.',
        },
        'corridor_scenario_tail_latency_ms': {
            'default': 30000,
            'check': {'type': 'number', 'min': 0},
            'description': 'Scenarios: the latency (ms) a tail_latency scenario gives the requests it picks.',
        },
        'corridor_slow_request_ms': {
            'default': 10000,
            'check': {'type': 'number', 'min': 0, 'exclusive': true},
            'description': 'Latency (ms) above which a request counts as slow: metric slow_request_rate is the share of requests with a '
                'latency strictly above it, a rate with exact binomial intervals (docs/metrics.md#slow-request-rate).',
        },
        'corridor_escalation_hours': {
            'default': {'critical': 4, 'high': 24},
            'check': {'type': 'any', 'validate': 'validate_governance_setting', 'hint': 'a mapping rule severity -> hours (a number >= 0)'},
            'description': 'Severity -> hours: an open alert of a listed severity unacknowledged this long after corridor first recorded '
                'it is a governance item (unacknowledged_past_escalation); severities not listed never escalate. Default: {critical: 4, '
                'high: 24}.',
        },
        'corridor_post_mortem_days': {
            'default': 7,
            'check': {'type': 'any', 'validate': 'validate_governance_setting', 'hint': 'a number of days >= 0'},
            'description': 'N: a closed significant alert (fail breach, severity in corridor_post_mortem_severities) without a post-mortem '
                'N days after corridor first recorded it closed is a governance item (missing_post_mortem).',
        },
        'corridor_post_mortem_severities': {
            'default': ['critical', 'high'],
            'check': {'type': 'any', 'validate': 'validate_governance_setting', 'hint': 'a list of rule severities of '
                'corridor_severity_levels'},
            'description': 'Rule severities whose closed fail alerts need a post-mortem (empty list: none).',
        },
        'corridor_governance_as_of': {
            'default': none,
            'check': {'type': 'any', 'validate': 'validate_governance_setting', 'hint': 'a UTC timestamp or null: the start of the build'},
            'description': "The time the governance deadlines are judged at (timestamp text, UTC); null: the start of the build. Set it to "
                "reproduce a past build's governance items.",
        },
        'corridor_review_period': {
            'default': 'week',
            'check': {'type': 'any', 'validate': 'validate_governance_setting', 'hint': 'day, week or month'},
            'description': 'The period of the review rotation: day, week (Monday) or month; each period with validation results goes to '
                'the next reviewer of corridor_review_roster.',
        },
        'corridor_load_demo_seeds': {
            'default': none,
            'computed_default': 'true when corridor is the root project, else false',
            'scope': 'run',
            'check': {'type': 'boolean'},
            'description': 'Load the demo seeds and default the inputs to them. Default: true only when corridor itself is the root '
                'project (the demo); a project that installs corridor never loads them.',
        },
        'corridor_profile': {
            'default': none,
            'computed_default': "'demo' while the demo seeds load, else null",
            'scope': 'run',
            'check': {'type': 'one_of', 'values': ['demo'], 'nullable': true, 'hint': "the demo's column names, segments and features; "
                "null: map your own"},
            'description': "'demo' applies the demo's mapping (column names, segments region/device/tier, three features, the Python "
                "bootstrap) under your vars; null: the package defaults, which map nothing. Default: 'demo' while the demo seeds load, "
                "else null.",
        },
        'corridor_schema': {
            'default': none,
            'scope': 'run',
            'check': {'type': 'any', 'hint': 'validated by corridor.validate_config_identifiers'},
            'description': "Schema (suffix) for corridor's models; null: the target schema.",
        },
        'corridor_run_history_enabled': {
            'default': true,
            'scope': 'run',
            'check': {'type': 'boolean'},
            'description': 'Record each invocation in the history tables (on-run-end hook).',
        },
        'corridor_allow_history_full_refresh': {
            'default': false,
            'scope': 'run',
            'check': {'type': 'boolean'},
            'description': 'Let --full-refresh rebuild the append-only history tables (otherwise they survive it).',
        },
        'corridor_run_summary': {
            'default': true,
            'scope': 'run',
            'check': {'type': 'boolean'},
            'description': 'Print the one-screen run summary (checks by status, open alerts, blocked windows, quarantined rows, rule '
                'issues) at the end of every build.',
        },
    }) }}
{% endmacro %}
