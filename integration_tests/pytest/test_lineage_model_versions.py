"""Feature-version lineage per model version (docs/lineage.md#per-model-version).

A hand-built project where every answer is known: model scorer, six days (2026-10-01 .. 10-06) of day windows.
Production computes f_amount with transform a until 2026-10-03, then with b (f_age: x throughout). Two model
versions serve side by side from 10-03 on:

  v1  serves every day, trained and estimated with f_amount a (a model-version row of the lineage input)
  v2  rolled out on 10-03, trained and estimated with f_amount b (a model-version row, model_id given)

and one rule R_ERR (error rate, per version) with an estimate of each version. Expected by hand: v1's checks are
stale on 10-03 .. 10-06 (production ran b, v1 saw a), v2's never (it only ever ran on b): one stale-estimate
alert, for v1, open. A second estimate of v1, lat-v1 (rule R_LAT), records f_amount b itself: the estimate's own
row overrides its model version's, so R_LAT v1 is stale on 10-01 and 10-02 instead (production ran a) and closes
on 10-03. v2's windows before its rollout (no production events) are not stale either.
A model-version row naming a version no estimate is of is quarantined (unknown_model_version), and a
row naming neither an estimate nor a model version (missing_estimate_id).
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import Dbt, load_frames, query
from test_lineage import READ, _names, _rules  # the same two rules (R_ERR error rate, R_LAT mean latency)

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

DAY0 = pd.Timestamp("2026-10-01")
DAYS = 6
PER_DAY = 200
ROLLOUT = pd.Timestamp("2026-10-03")

FEATURE_VERSIONS = [
    ("f_amount", "a", "2026-09-01 00:00:00", "db.amount_v1"),
    ("f_amount", "b", "2026-10-03 00:00:00", "db.amount_v2"),
    ("f_age", "x", "2026-09-01 00:00:00", "db.age"),
]
# (estimate_id, model_id, model_version, feature_name, feature_version)
VALID_LINEAGE = [
    (None, None, "v1", "f_amount", "a"),
    (None, None, "v1", "f_age", "x"),
    (None, "scorer", "v2", "f_amount", "b"),
    (None, "scorer", "v2", "f_age", "x"),
    ("lat-v1", None, None, "f_amount", "b"),
]
BAD_LINEAGE = [
    ((None, "scorer", "v9", "f_amount", "a"), "unknown_model_version"),
    ((None, None, None, "f_amount", "a"), "missing_estimate_id"),
]


def _events() -> pd.DataFrame:
    rows = []
    for day in range(DAYS):
        start = DAY0 + pd.Timedelta(days=day)
        versions = ["v1", "v2"] if start >= ROLLOUT else ["v1"]
        for version in versions:
            for k in range(PER_DAY):
                at = start + pd.Timedelta(seconds=k * 86_000 // PER_DAY)
                rows.append((f"e{version}{day}{k:04d}", at, k < 4, 50.0 + k % 20, version))
    frame = pd.DataFrame(rows, columns=["event_id", "event_at", "is_error", "latency_ms", "model_version"])
    frame["loaded_at"] = frame["event_at"] + pd.Timedelta(seconds=30)
    frame["model_id"] = "scorer"
    frame["predicted_score"] = (frame.index % 10) / 10.0
    return frame


def _estimates() -> pd.DataFrame:
    common = {
        "model_id": "scorer",
        "segment_dimension": "all",
        "segment_value": "all",
        "window_grain": "day",
        "produced_at": pd.Timestamp("2026-09-20"),
        "owner": "offline",
    }
    rows = [
        {**common, "estimate_id": f"er-{v}", "model_version": v, "metric": "error_rate", "expected_value": 0.02}
        for v in ["v1", "v2"]
    ]
    rows.append(
        {**common, "estimate_id": "lat-v1", "model_version": "v1", "metric": "latency_mean", "expected_value": 59.5}
    )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def lineage(tmp_path_factory):
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp("lineage_versions")
    path = work / "lineage_versions.duckdb"
    events = _events()
    columns = ["estimate_id", "model_id", "model_version", "feature_name", "feature_version"]
    load_frames(
        path,
        {
            "lv_events": events,
            "lv_outcomes": pd.DataFrame({"event_id": events["event_id"], "label": 0}),
            "lv_estimates": _estimates(),
            "lv_rules": _rules(),
            "lv_feature_versions": pd.DataFrame(
                FEATURE_VERSIONS, columns=["feature_name", "feature_version", "valid_from", "upstream_source"]
            ),
            "lv_lineage": pd.DataFrame(VALID_LINEAGE + [row for row, _ in BAD_LINEAGE], columns=columns).astype(
                "string"
            ),
        },
    )
    vars = {
        "corridor_production_events": {"relation": "main.lv_events", "columns": _names(events)},
        "corridor_outcomes": {"relation": "main.lv_outcomes", "columns": {"event_id": "event_id", "label": "label"}},
        "corridor_offline_estimates": {"relation": "main.lv_estimates", "columns": _names(_estimates())},
        "corridor_rules": {"relation": "main.lv_rules", "columns": _names(_rules())},
        "corridor_reference_features": None,
        "corridor_feature_versions": {"relation": "main.lv_feature_versions"},
        "corridor_estimate_feature_versions": {"relation": "main.lv_lineage"},
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": [],
        "corridor_feature_columns": [],
        "corridor_window_grains": ["day"],
        "corridor_histogram_metric_grains": ["day"],
    }
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("build", "--exclude", "resource_type:seed", *READ, vars=vars)
    return path


def _stale(path, rule):
    results = query(
        path,
        "select model_version, window_start, estimate_is_stale, estimate_stale_features"
        f" from corridor_validation_results where rule_id = '{rule}' order by model_version, window_start",
    )
    return results


def test_only_the_version_trained_on_the_old_transform_is_stale(lineage):
    results = _stale(lineage, "R_ERR")
    v1, v2 = results[results.model_version == "v1"], results[results.model_version == "v2"]
    assert len(v1) == DAYS and len(v2) == DAYS
    # v2's windows before its rollout have no production (missing): nothing ran on a feature version, never stale
    assert (v2.window_start < ROLLOUT).sum() == 2
    assert list(v1[v1.estimate_is_stale].window_start) == list(pd.date_range(ROLLOUT, periods=4, freq="D"))
    assert set(v1[v1.estimate_is_stale].estimate_stale_features) == {"f_amount b (estimate saw a)"}
    assert not v2.estimate_is_stale.any() and v2.estimate_stale_features.isna().all()


def test_an_estimate_own_lineage_overrides_its_model_version(lineage):
    results = _stale(lineage, "R_LAT")
    assert not results[results.model_version == "v2"].estimate_is_stale.any()  # v2 has no latency estimate
    results = results[results.model_version == "v1"]
    stale = results[results.estimate_is_stale]
    assert list(stale.window_start) == [DAY0, DAY0 + pd.Timedelta(days=1)]
    assert set(stale.estimate_stale_features) == {"f_amount a (estimate saw b)"}


def test_stale_estimate_alerts_per_model_version(lineage):
    alerts = query(
        lineage,
        "select rule_id, model_version, alert_status, first_seen_window_start, closed_window_start, owner"
        " from corridor_alerts where alert_kind = 'stale_estimate' order by rule_id",
    )
    assert list(zip(alerts.rule_id, alerts.model_version, alerts.alert_status, strict=True)) == [
        ("R_ERR", "v1", "open"),
        ("R_LAT", "v1", "closed"),
    ]
    assert alerts.first_seen_window_start.tolist() == [ROLLOUT, DAY0]
    assert alerts.closed_window_start[1] == ROLLOUT and set(alerts.owner) == {"offline"}


def test_check_lineage_shows_each_version_offline_side(lineage):
    rows = query(
        lineage,
        "select r.model_version, l.side, l.feature_name, l.feature_version, l.is_mismatch"
        " from corridor_check_lineage as l join corridor_validation_results as r on r.result_id = l.result_id"
        " where r.rule_id = 'R_ERR' and r.window_start = '2026-10-04' and l.side = 'offline'",
    )
    got = {(r.model_version, r.feature_name, r.feature_version, r.is_mismatch) for r in rows.itertuples()}
    assert got == {
        ("v1", "f_amount", "a", True),
        ("v1", "f_age", "x", False),
        ("v2", "f_amount", "b", False),
        ("v2", "f_age", "x", False),
    }


def test_bad_model_version_rows_are_quarantined_and_accounted_for(lineage):
    quarantine = query(
        lineage,
        "select reason_codes from corridor_quarantine where input_name = 'estimate_feature_versions'",
    )
    assert sorted(quarantine.reason_codes) == sorted(reason for _, reason in BAD_LINEAGE)
    accounting = query(
        lineage, "select * from int_corridor__input_accounting where input_name = 'estimate_feature_versions'"
    )
    assert accounting[["rows_read", "rows_accepted", "rows_quarantined"]].values.tolist() == [
        [len(VALID_LINEAGE) + len(BAD_LINEAGE), len(VALID_LINEAGE), len(BAD_LINEAGE)]
    ]
