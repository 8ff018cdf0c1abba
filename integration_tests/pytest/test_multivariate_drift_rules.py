"""Drift rules on the features together (docs/drift.md#multivariate-drift): measure reconstruction_error, feature
__multivariate__, judged against corridor_multivariate_drift's calibrated reference with a p-value in the run's FDR
family, alerting through corridor_alerts with the rule's owner and escalation path.

A hand-built project where the answer is known: model m v1, two regions, 16 days from 2026-10-01 (the first 7 are
the multivariate reference period), two numeric features f_x, f_y ~ N(0, 1) with correlation 0.8. From 2026-10-11
region b's correlation flips to -0.8 while both marginals stay N(0, 1): no univariate measure can see it. Expected
by hand: the reconstruction error (distance to the principal line, |x - y| / sqrt 2 in standardized units) has mean
sqrt(0.2) sqrt(2/pi) = 0.357 before and sqrt(1.8) sqrt(2/pi) = 1.070 after the flip, an excess of 0.71 over a
fail tolerance of 0.3.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, load_frames, query

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

DAY0 = pd.Timestamp("2026-10-01")
DAYS = 16
SHIFT = pd.Timestamp("2026-10-11")
REFERENCE_END = pd.Timestamp("2026-10-08")
PER_REGION_DAY = 300

RULE = {
    "rule_version": "1",
    "comparison_kind": "drift",
    "direction": "lower_is_better",
    "window_grain": "day",
    "segment_dimension": "region",
    "segment_value": "*",
    "min_sample_size": 0,
    "consecutive_windows": 1,
    "owner": "feature-team",
    "escalation_path": "feature-oncall",
    "severity": "high",
}
RULES = pd.DataFrame(
    [
        {
            **RULE,
            "rule_id": "MV",
            "metric": "reconstruction_error",
            "feature": "__multivariate__",
            "warn_tolerance": 0.1,
            "fail_tolerance": 0.3,
        },
        # the measure pairs with __multivariate__ only, and __multivariate__ with this measure only
        {
            **RULE,
            "rule_id": "MV_BAD_FEATURE",
            "metric": "reconstruction_error",
            "feature": "f_x",
            "warn_tolerance": 0.1,
            "fail_tolerance": 0.3,
        },
        {
            **RULE,
            "rule_id": "MV_BAD_MEASURE",
            "metric": "hellinger",
            "feature": "__multivariate__",
            "warn_tolerance": 0.1,
            "fail_tolerance": 0.3,
        },
    ]
)


def _events() -> pd.DataFrame:
    rng = np.random.default_rng(1501)
    parts = []
    for day in range(DAYS):
        start = DAY0 + pd.Timedelta(days=day)
        for region in ["a", "b"]:
            rho = -0.8 if region == "b" and start >= SHIFT else 0.8
            x = rng.standard_normal(PER_REGION_DAY)
            y = rho * x + np.sqrt(1 - rho**2) * rng.standard_normal(PER_REGION_DAY)
            parts.append(
                pd.DataFrame(
                    {
                        "event_at": start + pd.to_timedelta(rng.integers(0, 86_400, PER_REGION_DAY), unit="s"),
                        "region": region,
                        "x_raw": x.round(6),
                        "y_raw": y.round(6),
                    }
                )
            )
    events = pd.concat(parts, ignore_index=True)
    events.insert(0, "event_id", [f"mv{i:06d}" for i in range(len(events))])
    events["loaded_at"] = events["event_at"] + pd.Timedelta(seconds=5)
    events["model_id"] = "m"
    events["model_version"] = "v1"
    events["predicted_score"] = rng.uniform(0, 1, len(events)).round(3)
    events["predicted_class"] = (events["predicted_score"] >= 0.5).astype(int)
    events["is_error"] = False
    events["latency_ms"] = 50.0
    return events


def _same_names(frame, drop=()):
    return {column: column for column in frame.columns if column not in drop}


def _build(tmp_path_factory, name: str, multivariate: bool):
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp(name)
    path = work / f"{name}.duckdb"
    events = _events()
    outcomes = events[["event_id"]].assign(label=0, label_arrived_at=events["event_at"] + pd.Timedelta(minutes=1))
    estimates = pd.DataFrame(
        [
            {
                "model_id": "m",
                "model_version": "v1",
                "metric": "error_rate",
                "expected_value": 0.0,
                "standard_error": 0.01,
            }
        ]
    )
    load_frames(path, {"mv_events": events, "mv_outcomes": outcomes, "mv_estimates": estimates, "mv_rules": RULES})
    vars = {
        "corridor_production_events": {
            "relation": "main.mv_events",
            "columns": _same_names(events, ["region", "x_raw", "y_raw"]),
        },
        "corridor_outcomes": {"relation": "main.mv_outcomes", "columns": _same_names(outcomes)},
        "corridor_offline_estimates": {"relation": "main.mv_estimates", "columns": _same_names(estimates)},
        "corridor_rules": {"relation": "main.mv_rules", "columns": _same_names(RULES)},
        "corridor_reference_features": None,
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": ["region"],
        "corridor_feature_columns": {"f_x": "x_raw", "f_y": "y_raw"},
        "corridor_window_grains": ["day"],
        "corridor_histogram_metric_grains": ["day"],
        "corridor_bootstrap_grains": ["day"],
        "corridor_feature_drift_grains": ["day"],
        "corridor_multivariate_drift": multivariate,
    }
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("build", "--select", "+corridor_alerts", "+corridor_rule_issues", "--exclude", "resource_type:seed", vars=vars)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return _build(tmp_path_factory, "mv_rules", True)


@pytest.fixture(scope="module")
def without_multivariate(tmp_path_factory):
    return _build(tmp_path_factory, "mv_rules_off", False)


def _checks(path):
    return query(
        path,
        "select r.*, d.z_score, d.p_value as drift_p_value, d.is_drifted from corridor_validation_results r"
        " left join corridor_multivariate_drift d on d.model_version = r.model_version"
        " and d.window_grain = r.window_grain and d.window_start = r.window_start"
        " and d.segment_dimension = r.segment_dimension and d.segment_value = r.segment_value"
        " where r.rule_id = 'MV' order by r.segment_value, r.window_start",
    )


def test_the_correlation_flip_fails_the_rule_in_its_segment_from_its_first_day(built):
    checks = _checks(built)
    assert set(checks.metric) == {"reconstruction_error:__multivariate__"}
    assert len(checks) == 2 * DAYS
    live = checks[checks.window_start >= REFERENCE_END]
    shifted = live[(live.segment_value == "b") & (live.window_start >= SHIFT)]
    assert len(shifted) == 6 and set(shifted.status) == {"fail"}
    # the hand-computed excess of the mean error: 1.070 - 0.357 = 0.71 (sampling noise of 300 rows: about 0.05)
    assert shifted.absolute_deviation.between(0.55, 0.85).all(), shifted.absolute_deviation
    assert (shifted.p_value < 1e-6).all() and (shifted.q_value <= 0.05).all()


def test_clean_windows_pass_and_reference_days_are_not_judged(built):
    checks = _checks(built)
    live = checks[checks.window_start >= REFERENCE_END]
    clean = live[(live.segment_value == "a") | (live.window_start < SHIFT)]
    assert len(clean) == 2 * 9 - 6 and set(clean.status) == {"pass"}
    assert clean.absolute_deviation.abs().max() < 0.1
    reference = checks[checks.window_start < REFERENCE_END]
    assert len(reference) == 2 * 7 and set(reference.status) == {"missing"}
    assert reference.p_value.isna().all()
    assert reference.reason.str.contains("reference period").all()


def test_p_value_is_the_calibrated_threshold_test_shifted_by_the_tolerance(built):
    """p = 1 - Phi((error - mu - warn tolerance) / se), the test corridor_multivariate_drift makes at tolerance 0:
    recomputed here from the multivariate table's own columns."""
    from scipy.stats import norm

    live = _checks(built)
    live = live[live.window_start >= REFERENCE_END]
    drift = query(built, "select * from corridor_multivariate_drift where segment_dimension = 'region'")
    merged = live.merge(drift, on=["model_version", "window_start", "segment_value"], suffixes=("", "_mv"))
    expected = norm.sf((merged.reconstruction_error - merged.reference_error_mean - 0.1) / merged.error_standard_error)
    np.testing.assert_allclose(merged.p_value, expected, rtol=1e-9, atol=1e-15)
    at_zero = norm.sf((merged.reconstruction_error - merged.reference_error_mean) / merged.error_standard_error)
    np.testing.assert_allclose(at_zero, merged.p_value_mv, rtol=1e-9, atol=1e-15)


def test_the_alert_flows_through_corridor_alerts_with_owner_and_escalation(built):
    alerts = query(built, "select * from corridor_alerts where rule_id = 'MV'")
    assert len(alerts) == 1, alerts[["segment_value", "first_seen_window_start"]]
    alert = alerts.iloc[0]
    assert alert.segment_value == "b" and alert.alert_kind == "validation"
    assert alert.owner == "feature-team" and alert.escalation_path == "feature-oncall"
    assert alert.breach_level == "fail" and alert.alert_status == "open"
    assert alert.first_seen_window_start == SHIFT and alert.windows_breached == 6
    assert "reconstruction_error" in alert.summary


def test_mismatched_multivariate_rules_are_rule_issues(built):
    issues = query(built, "select * from corridor_rule_issues").set_index("rule_id")
    for rule in ["MV_BAD_FEATURE", "MV_BAD_MEASURE"]:
        assert issues.loc[rule, "issue_level"] == "error"
        assert "multivariate_drift_feature_mismatch" in issues.loc[rule, "problem_codes"]
        assert "__multivariate__" in issues.loc[rule, "reason"]
    assert "MV" not in issues.index


def test_without_multivariate_drift_the_rule_is_a_rule_issue_not_a_failed_build(without_multivariate):
    """What an engine without Python models (PostgreSQL, Spark) does; there the reason names the target type."""
    issues = query(without_multivariate, "select * from corridor_rule_issues where rule_id = 'MV'")
    assert len(issues) == 1
    assert issues.problem_codes[0] == "multivariate_drift_unavailable" and issues.issue_level[0] == "error"
    assert "corridor_multivariate_drift is false" in issues.reason[0]
    assert (
        query(without_multivariate, "select count(*) n from corridor_validation_results where rule_id = 'MV'").n[0] == 0
    )


@pytest.mark.postgres
def test_on_postgres_the_rule_check_names_the_engine_and_the_checks_model_is_not_built(postgres_server, tmp_path):
    """PostgreSQL runs no dbt Python models: int_corridor__multivariate_drift_checks is disabled there and a
    reconstruction_error rule is caught by int_corridor__rules_checked with the reason naming the target type
    (compiled for the postgres target; the DuckDB build above shows the same check end to end)."""
    from corridor.dbt_runner import INTEGRATION_DIR

    dbt = Dbt(INTEGRATION_DIR, tmp_path, postgres_server)
    dbt("deps")
    dbt("compile", "--target", "postgres", "--select", "int_corridor__rules_checked")
    compiled = next((tmp_path / "target" / "compiled").rglob("int_corridor__rules_checked.sql")).read_text()
    assert "'multivariate_drift_unavailable'" in compiled
    assert "this target is postgres" in compiled
    listed = dbt("ls", "--target", "postgres", "--resource-type", "model", "--output", "name").output
    assert "int_corridor__rules_checked" in listed
    assert "int_corridor__multivariate_drift_checks" not in listed and "corridor_multivariate_drift" not in listed
