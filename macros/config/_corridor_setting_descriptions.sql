{#
    Every corridor_ var with its one-line meaning: the settings of
    _corridor_setting_defaults (defaults there), the inputs of
    _corridor_input_defaults, and the vars read directly (defaults in
    _corridor_direct_var_defaults). corridor.validate_vars rejects any other
    corridor_ var, docs/configuration.md is generated from these three
    (run-operation corridor_settings_reference), and a test keeps them in
    step: a setting without a description fails the test.
#}
{% macro _corridor_setting_descriptions() %}
    {{ return({
        'corridor_load_demo_seeds': 'Load the demo seeds and default the inputs to them. Default: true only when corridor itself is the root project (the demo); a project that installs corridor never loads them.',
        'corridor_profile': "'demo' applies the demo's mapping (column names, segments region/device/tier, three features, the Python bootstrap) under your vars; null: the package defaults, which map nothing. Default: 'demo' while the demo seeds load, else null.",
        'corridor_schema': "Schema (suffix) for corridor's models; null: the target schema.",
        'corridor_run_history_enabled': 'Record each invocation in the history tables (on-run-end hook).',
        'corridor_allow_history_full_refresh': 'Let --full-refresh rebuild the append-only history tables (otherwise they survive it).',
        'corridor_run_summary': 'Print the one-screen run summary (checks by status, open alerts, blocked windows, quarantined rows, rule issues) at the end of every build.',
        'corridor_production_events': 'Input: production events, one row per prediction ({ref|source|relation, columns}). Required columns: event_id, event_at, model_id, model_version.',
        'corridor_outcomes': 'Input: outcomes (labels) joined by event id. Required columns: event_id, label.',
        'corridor_offline_estimates': 'Input: offline estimates. Required columns: model_id, model_version, metric, expected_value (window_grain null or unmapped: every grain).',
        'corridor_rules': 'Input: the rules registry. Required columns: rule_id, metric, comparison_kind, owner.',
        'corridor_reference_features': 'Optional input: reference feature values for stability checks; null: off.',
        'corridor_approvals': 'Optional input: approvals of rule versions or offline estimates (approved_by, approved_at, and rule_id [+ rule_version] or estimate_id; optional approval_id, note); unset or null: off (docs/governance.md).',
        'corridor_alert_acknowledgements': 'Optional input: acknowledgements of alerts (alert_id of corridor_alerts, acknowledged_by, acknowledged_at; optional note); unset or null: off (docs/governance.md).',
        'corridor_post_mortems': 'Optional input: post-mortems of alerts (post_mortem_id, alert_id, author, written_at; optional link, summary, one of which is needed); unset or null: off (docs/governance.md).',
        'corridor_review_roster': 'Optional input: the reviewers of the rotation (reviewer; optional rotation_order, active_from, active_to) behind corridor_review_assignments; unset or null: off (docs/governance.md).',
        'corridor_model_type': 'binary_classifier or regression (MAE, RMSE instead of classification metrics).',
        'corridor_segment_columns': 'Segment dimensions of production events: a list of column names or a mapping {dimension: column}; empty: overall only.',
        'corridor_feature_columns': 'Feature columns carried from production events: a list (numeric features), a mapping {feature: column} or {feature: {column, type: numeric|categorical}}; empty: none (docs/drift.md).',
        'corridor_window_grains': 'Grains of the metric windows: hour (UTC), day, week (Monday), month, the last three in corridor_time_zone (docs/windows.md).',
        'corridor_rolling_windows': 'Rolling windows, each a grain of its own: [{days: 7}] is the grain rolling_7d, trailing 7 local days stepped daily, summed from day cells (needs day in corridor_window_grains; docs/windows.md#rolling-windows). Optional key name. Default: none.',
        'corridor_time_zone': 'IANA time zone of day, week and month boundaries (whole-hour UTC offsets only); hours are UTC hours (docs/windows.md).',
        'corridor_decision_severities': 'Rule severities that decide a model version (corridor_model_decisions): required for promote, able to trigger rollback (docs/decisions.md).',
        'corridor_decision_windows': 'N: consecutive confirmed fails of a deciding rule that mean rollback, passes per rule needed to promote, consecutive passes that clear a rollback (hysteresis).',
        'corridor_decision_canary_hours': 'Canary period in hours: a version is promoted only after serving this long with its deciding rules passing over the last this-many hours.',
        'corridor_mix_adjustment_dimension': 'Segment dimension whose offline estimates are reweighted to production mix as the offline_mix_adjusted source; null: the first of corridor_segment_columns (docs/decisions.md).',
        'corridor_label_free_reference': 'The labelled reference period the label-free estimate is calibrated on: {start, end} (timestamps, end excluded) or the string START/END, of production events whose labels have arrived; null: no label-free estimate. Builds the label-free models (DuckDB only; binary classifiers) and source label_free_estimate (docs/label-free.md).',
        'corridor_label_free_draws': 'Simulation draws behind the label-free intervals (calibration refits x label draws), at least 50.',
        'corridor_label_free_max_psi': 'A window whose score distribution has a population stability index above this against the reference is flagged is_shifted: its label-free estimate is not to be trusted (docs/label-free.md).',
        'corridor_escalation_hours': 'Severity -> hours: an open alert of a listed severity unacknowledged this long after corridor first recorded it is a governance item (unacknowledged_past_escalation); severities not listed never escalate. Default: {critical: 4, high: 24}.',
        'corridor_post_mortem_days': 'N: a closed significant alert (fail breach, severity in corridor_post_mortem_severities) without a post-mortem N days after corridor first recorded it closed is a governance item (missing_post_mortem).',
        'corridor_post_mortem_severities': 'Rule severities whose closed fail alerts need a post-mortem (empty list: none).',
        'corridor_governance_as_of': "The time the governance deadlines are judged at (timestamp text, UTC); null: the start of the build. Set it to reproduce a past build's governance items.",
        'corridor_review_period': 'The period of the review rotation: day, week (Monday) or month; each period with validation results goes to the next reviewer of corridor_review_roster.',
        'corridor_label_free_min_label_maturity': 'corridor_estimator_validation compares an estimate with the realized value once this share of the window\'s events carry a label.',
        'corridor_segment_estimate_fallback': 'A segment rule without an offline estimate for its segment is judged against the overall (all) estimate, expected_source overall_fallback; false: missing (docs/validation.md).',
        'corridor_seasonal_baseline_across_versions': 'Seasonal baselines may draw on earlier windows of other versions of the same model, so a rollout is judged from its first window; false: only the version under test.',
        'corridor_histogram_metric_grains': 'Grains for AUC and ECE (histogram metrics).',
        'corridor_classification_threshold': 'Predicted class from the score when the input has no class column.',
        'corridor_confidence_level': 'Level of the production intervals, and of offline intervals derived from a standard error.',
        'corridor_calibration_bins': 'Equal-width score bins for the expected calibration error.',
        'corridor_score_bins': 'Score resolution for AUC (a multiple of corridor_calibration_bins).',
        'corridor_as_of': 'Count only outcomes arrived by this UTC timestamp; null: everything loaded.',
        'corridor_lookback_days': 'Incremental runs recompute windows from this many days before the latest event (week-aligned).',
        'corridor_late_grace_hours': 'A row loaded later than this after its window closed is late.',
        'corridor_label_maturity_horizon_hours': 'Label maturity is judged once a window is this old.',
        'corridor_new_segment_warmup_hours': 'Segment values first seen after this much data are new.',
        'corridor_future_tolerance_minutes': 'An event time later than its load time or the run by more than this is impossible (quarantined).',
        'corridor_earliest_event_at': "The earliest acceptable event time (UTC, 'YYYY-MM-DD[ HH:MM[:SS]]'): earlier events are quarantined as event_at_before_earliest (see docs/data-quality.md).",
        'corridor_max_gap_days': "A silence longer than this many days splits a model version's window grid: its windows are not filled with empty ones (shorter gaps are explicit empty windows).",
        'corridor_known_model_versions': "Versions expected in production ('v1' or 'model:v1'); null: the versions with an offline estimate.",
        'corridor_quality_gates': 'Per-check overrides of the quality gates {check: {warn, fail, enabled, min_rows}}.',
        'corridor_bootstrap_resamples': 'Replicates of the Python bootstrap.',
        'corridor_bootstrap_seed': 'Seed of the bootstrap replicates (Python and SQL).',
        'corridor_bootstrap_grains': 'Grains the Python bootstrap covers; null: corridor_window_grains.',
        'corridor_bootstrap_max_shared_events': 'Above this many events a group shares its bootstrap weights across metrics.',
        'corridor_bootstrap_asymptotic_events': 'Python bootstrap: groups with more events than this get the asymptotic form of the bootstrap for means, RMSE, quantiles and AUC (cost independent of the events; coverage equal to the resampled bootstrap, see docs/intervals.md).',
        'corridor_sql_bootstrap_resamples': 'Replicates of the SQL Poisson bootstrap.',
        'corridor_sql_bootstrap_exact_events': 'SQL bootstrap: metrics of groups with at most this many events are resampled event by event, larger ones from their sufficient statistics.',
        'corridor_python_bootstrap': 'Build the Python bootstrap model (DuckDB only; needs numpy and scipy in the dbt environment). Off: corridor_bootstrap_intervals is not built and the SQL intervals remain. Default: on in the demo profile, off otherwise.',
        'corridor_prior_strength': "The Bayesian comparison's prior: precision multiplier of the offline estimate's stated uncertainty (0 = flat prior).",
        'corridor_prior_max_events': "Cap the prior's weight at this many production events; null: no cap.",
        'corridor_fdr_level': 'Benjamini-Hochberg level: a breach is confirmed (and can open an alert) when its q-value is at most this.',
        'corridor_test_alpha': "Level of each check's test (statistical, equivalence verdicts).",
        'corridor_power': 'Power at which detectable_deviation is stated, unless a rule sets its own.',
        'corridor_severity_levels': 'Rule severity -> dbt severity of corridor.rules_hold (error, warn or none).',
        'corridor_seasonal_baseline': 'Per grain: period_hours, lookback_periods and min_history of seasonal baselines.',
        'corridor_error_status_min': 'Read the is_error column as an HTTP status code: an event is an error when its status is at least this (e.g. 500, or 400); null: is_error must be boolean-like (true/false, 1/0, t/f, yes/no), other values are quarantined.',
        'corridor_check_severity': "dbt severity (warn or error) of corridor's checks in dbt build, per check (rule_issues, estimate_issues, quality_gates, quarantine, unjudgeable_rules, invariants, model_decisions, governance_items), merged over warn for each.",
        'corridor_feature_bins': 'Quantile bins of the reference distribution each numeric feature is binned into for corridor_feature_drift (docs/drift.md).',
        'corridor_feature_drift_grains': 'Window grains of corridor_feature_drift (drawn from corridor_window_grains).',
        'corridor_max_categories': 'Categorical features: the most frequent categories of the reference kept as their own bins; the rest share one bin (other).',
        'corridor_quarantine_threshold': 'The quarantine check fails when more than this fraction of an input is quarantined (0: any quarantined row).',
    }) }}
{% endmacro %}


{#- Defaults of the vars read directly (not through corridor.setting). -#}
{% macro _corridor_direct_var_defaults() %}
    {{ return({
        'corridor_load_demo_seeds': 'true when corridor is the root project, else false',
        'corridor_profile': "'demo' while the demo seeds load, else null",
        'corridor_schema': none,
        'corridor_run_history_enabled': true,
        'corridor_allow_history_full_refresh': false,
        'corridor_run_summary': true,
    }) }}
{% endmacro %}
