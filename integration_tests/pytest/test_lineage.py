"""Feature-version lineage and estimate staleness (issue 15, docs/lineage.md).

A hand-built project where every answer is known: model scorer v1, six days
(2026-10-01 .. 10-06) of day windows, two rules:

  R_ERR  error rate vs estimate er-all, computed with f_amount a and f_age x
  R_LAT  mean latency vs estimate lat-all, which records no feature versions

and the feature versions production ran on:

  f_amount  a from 2026-09-01, b from 2026-10-03 12:00, back to a from 2026-10-05
  f_age     x from 2026-09-01

So R_ERR's estimate is stale on 10-03 (half the day on b) and 10-04 (all of
it), and fresh again from 10-05: one stale-estimate alert, closed at 10-05,
to the estimate's owner. R_LAT is never stale (nothing known about its
estimate). Bad rows of both lineage inputs are quarantined with their reason
codes, and a second build without the lineage inputs gives the same results
with no stale flags.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import load_frames, query, upstream_of

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

DAY0 = pd.Timestamp("2026-10-01")
DAYS = 6
PER_DAY = 200

VALID_VERSIONS = [
    ("f_amount", "a", "2026-09-01 00:00:00", "db.amount_v1"),
    ("f_amount", "b", "2026-10-03 12:00:00", "db.amount_v2"),
    ("f_amount", "a", "2026-10-05 00:00:00", "db.amount_v1"),
    ("f_age", "x", "2026-09-01 00:00:00", "db.age"),
]
BAD_VERSIONS = [
    (("f_bad", "", "2026-09-01 00:00:00", None), "missing_feature_version"),
    (("f_bad", "v1", "not a time", None), "unparseable_valid_from"),
    (("f_bad", "v2", None, None), "missing_valid_from"),
    (("", "v1", "2026-09-01 00:00:00", None), "missing_feature_name"),
    (("f_conf", "p", "2026-09-01 00:00:00", None), "conflicting_feature_version"),
    (("f_conf", "q", "2026-09-01 00:00:00", None), "conflicting_feature_version"),
    (("f_age", "x", "2026-09-01 00:00:00", "db.age"), "duplicate_feature_version"),
]
VALID_LINEAGE = [("er-all", "f_amount", "a"), ("er-all", "f_age", "x")]
BAD_LINEAGE = [
    (("nope", "f_amount", "a"), "unknown_estimate"),
    (("lat-all", "f_age", "zz"), "unknown_feature_version"),
    (("lat-all", "", "a"), "missing_feature_name"),
    (("er-all", "f_age", "x"), "duplicate_estimate_feature_version"),
]


def _events() -> pd.DataFrame:
    rows = []
    for day in range(DAYS):
        for k in range(PER_DAY):
            at = DAY0 + pd.Timedelta(days=day) + pd.Timedelta(seconds=k * 86_000 // PER_DAY)
            rows.append((f"e{day}{k:04d}", at, k < 4, 50.0 + k % 20))
    frame = pd.DataFrame(rows, columns=["event_id", "event_at", "is_error", "latency_ms"])
    frame["loaded_at"] = frame["event_at"] + pd.Timedelta(seconds=30)
    frame["model_id"] = "scorer"
    frame["model_version"] = "v1"
    frame["predicted_score"] = (frame.index % 10) / 10.0
    return frame


def _estimates() -> pd.DataFrame:
    common = {
        "model_id": "scorer",
        "model_version": "v1",
        "segment_dimension": "all",
        "segment_value": "all",
        "window_grain": "day",
        "produced_at": pd.Timestamp("2026-09-20"),
    }
    return pd.DataFrame(
        [
            {**common, "estimate_id": "er-all", "metric": "error_rate", "expected_value": 0.02, "owner": "offline"},
            {**common, "estimate_id": "lat-all", "metric": "latency_mean", "expected_value": 59.5, "owner": None},
        ]
    )


def _rules() -> pd.DataFrame:
    common = {
        "segment_dimension": "all",
        "segment_value": "all",
        "window_grain": "day",
        "comparison_kind": "absolute",
        "direction": "lower_is_better",
        "min_sample_size": 10,
        "consecutive_windows": 1,
        "owner": "scoring-team",
        "severity": "high",
        "rule_version": "1",
        "valid_from": pd.Timestamp("2026-09-01"),
    }
    return pd.DataFrame(
        [
            {**common, "rule_id": "R_ERR", "metric": "error_rate", "warn_tolerance": 0.05, "fail_tolerance": 0.1},
            {**common, "rule_id": "R_LAT", "metric": "latency_mean", "warn_tolerance": 50.0, "fail_tolerance": 100.0},
        ]
    )


def _names(frame: pd.DataFrame) -> dict[str, str]:
    return {column: column for column in frame.columns}


def _feature_versions() -> pd.DataFrame:
    rows = VALID_VERSIONS + [row for row, _ in BAD_VERSIONS]
    return pd.DataFrame(rows, columns=["feature_name", "feature_version", "valid_from", "upstream_source"])


def _lineage() -> pd.DataFrame:
    rows = VALID_LINEAGE + [row for row, _ in BAD_LINEAGE]
    return pd.DataFrame(rows, columns=["estimate_id", "feature_name", "feature_version"])


def _vars(with_lineage: bool) -> dict:
    events = _events()
    return {
        "corridor_production_events": {"relation": "main.ln_events", "columns": _names(events)},
        "corridor_outcomes": {"relation": "main.ln_outcomes", "columns": {"event_id": "event_id", "label": "label"}},
        "corridor_offline_estimates": {"relation": "main.ln_estimates", "columns": _names(_estimates())},
        "corridor_rules": {"relation": "main.ln_rules", "columns": _names(_rules())},
        "corridor_reference_features": None,
        "corridor_feature_versions": {"relation": "main.ln_feature_versions"} if with_lineage else None,
        "corridor_estimate_feature_versions": {"relation": "main.ln_estimate_lineage"} if with_lineage else None,
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": [],
        "corridor_feature_columns": [],
        "corridor_window_grains": ["day"],
        "corridor_histogram_metric_grains": ["day"],
    }


# what the tests read and everything upstream (docs/development.md#what-a-fixture-builds)
READ = upstream_of(
    "corridor_validation_results",
    "corridor_alerts",
    "corridor_check_lineage",
    "corridor_quarantine",
    "int_corridor__input_accounting",
)


def _build(tmp_path_factory, name: str, with_lineage: bool):
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp(name)
    path = work / "lineage.duckdb"  # one file name for both builds: they share one dbt parse (below)
    events = _events()
    load_frames(
        path,
        {
            "ln_events": events,
            "ln_outcomes": pd.DataFrame({"event_id": events["event_id"], "label": 0}),
            "ln_estimates": _estimates(),
            "ln_rules": _rules(),
            "ln_feature_versions": _feature_versions(),
            "ln_estimate_lineage": _lineage(),
        },
    )
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    build = ["build", "--exclude", "resource_type:seed", *READ]
    if with_lineage:
        dbt(*build, vars=_vars(True))
    else:
        # a case of conftest.Dbt.batch on the parse of the lineage build's vars (shared): no full parse for the inputs
        # off, which are read where the models render (corridor.lineage_input_enabled; no node config reads them)
        (result,) = dbt.batch([{"args": build, "vars": _vars(False)}], base_vars=_vars(True))
        assert result.ok, result.output[-6000:]
    return path


@pytest.fixture(scope="module")
def lineage(tmp_path_factory):
    return _build(tmp_path_factory, "lineage", True)


@pytest.fixture(scope="module")
def no_lineage(tmp_path_factory):
    return _build(tmp_path_factory, "no_lineage", False)


def test_stale_checks_are_exactly_the_windows_that_ran_on_an_unseen_version(lineage):
    results = query(
        lineage,
        "select rule_id, window_start, estimate_is_stale, estimate_stale_features, reason"
        " from corridor_validation_results order by rule_id, window_start",
    )
    assert len(results) == 2 * DAYS
    stale = results[results.estimate_is_stale]
    assert list(stale.rule_id) == ["R_ERR", "R_ERR"]
    assert list(stale.window_start) == [pd.Timestamp("2026-10-03"), pd.Timestamp("2026-10-04")]
    assert set(stale.estimate_stale_features) == {"f_amount b (estimate saw a)"}
    assert stale.reason.str.endswith(
        "; estimate is stale (production ran on feature versions it did not see: f_amount b (estimate saw a))"
    ).all()
    fresh = results[~results.estimate_is_stale]
    assert fresh.estimate_stale_features.isna().all() and not fresh.reason.str.contains("stale").any()


def test_the_stale_estimate_alert_goes_to_the_estimate_owner_and_closes_when_fresh(lineage):
    alerts = query(lineage, "select * from corridor_alerts where alert_kind = 'stale_estimate'")
    assert len(alerts) == 1
    alert = alerts.iloc[0]
    assert alert.rule_id == "R_ERR" and alert.owner == "offline" and alert.dbt_severity == "warn"
    assert alert.first_seen_window_start == pd.Timestamp("2026-10-03")
    assert alert.last_seen_window_start == pd.Timestamp("2026-10-04")
    assert alert.closed_window_start == pd.Timestamp("2026-10-05") and alert.alert_status == "closed"
    assert alert.windows_breached == 2
    assert "offline estimator needs a refresh" in alert.summary and "er-all" in alert.summary
    # the rules themselves hold (2% errors against 2%, latency as expected): no validation alert
    assert query(lineage, "select count(*) as n from corridor_alerts where alert_kind = 'validation'")["n"][0] == 0


def test_lineage_names_both_sides_of_each_check(lineage):
    rows = query(
        lineage,
        "select rule_id, window_start, side, feature_name, feature_version, upstream_source, is_mismatch"
        " from corridor_check_lineage",
    )

    def at(rule, day):
        got = rows[(rows.rule_id == rule) & (rows.window_start == pd.Timestamp(day))]
        return {(r.side, r.feature_name, r.feature_version, r.is_mismatch) for r in got.itertuples()}

    # the straddled day: production ran on a and b; the estimate's a was in effect for half of it
    assert at("R_ERR", "2026-10-03") == {
        ("production", "f_amount", "a", False),
        ("production", "f_amount", "b", True),
        ("production", "f_age", "x", False),
        ("offline", "f_amount", "a", False),
        ("offline", "f_age", "x", False),
    }
    assert at("R_ERR", "2026-10-04") == {
        ("production", "f_amount", "b", True),
        ("production", "f_age", "x", False),
        ("offline", "f_amount", "a", True),
        ("offline", "f_age", "x", False),
    }
    assert at("R_ERR", "2026-10-05") == {
        ("production", "f_amount", "a", False),
        ("production", "f_age", "x", False),
        ("offline", "f_amount", "a", False),
        ("offline", "f_age", "x", False),
    }
    # an estimate without recorded versions: production side only, nothing to mismatch
    assert at("R_LAT", "2026-10-04") == {("production", "f_amount", "b", False), ("production", "f_age", "x", False)}
    sources = rows[(rows.feature_name == "f_amount") & (rows.feature_version == "b")].upstream_source
    assert set(sources) == {"db.amount_v2"}


def test_bad_lineage_rows_are_quarantined_with_their_reasons_and_accounted_for(lineage):
    quarantine = query(
        lineage,
        "select input_name, record_id, reason_codes from corridor_quarantine"
        " where input_name in ('feature_versions', 'estimate_feature_versions')",
    )
    versions = quarantine[quarantine.input_name == "feature_versions"]
    assert sorted(versions.reason_codes) == sorted(reason for _, reason in BAD_VERSIONS)
    lineage_rows = quarantine[quarantine.input_name == "estimate_feature_versions"]
    assert sorted(lineage_rows.reason_codes) == sorted(reason for _, reason in BAD_LINEAGE)
    accounting = query(
        lineage, "select * from int_corridor__input_accounting where input_name like '%feature_versions'"
    ).set_index("input_name")
    assert accounting.loc["feature_versions", ["rows_read", "rows_accepted", "rows_quarantined"]].tolist() == [
        len(VALID_VERSIONS) + len(BAD_VERSIONS),
        len(VALID_VERSIONS),
        len(BAD_VERSIONS),
    ]
    assert accounting.loc["estimate_feature_versions", ["rows_read", "rows_accepted", "rows_quarantined"]].tolist() == [
        len(VALID_LINEAGE) + len(BAD_LINEAGE),
        len(VALID_LINEAGE),
        len(BAD_LINEAGE),
    ]
    assert accounting.is_balanced.all()


def test_a_project_without_the_lineage_inputs_builds_unchanged(lineage, no_lineage):
    sql = "select * from corridor_validation_results order by result_id"
    with_inputs, without = query(lineage, sql), query(no_lineage, sql)
    assert not without.estimate_is_stale.any() and without.estimate_stale_features.isna().all()
    suffix = r"; estimate is stale \(.*\)$"
    with_inputs["reason"] = with_inputs["reason"].str.replace(suffix, "", regex=True)
    same = [c for c in without.columns if c not in ("estimate_is_stale", "estimate_stale_features")]
    pd.testing.assert_frame_equal(with_inputs[same], without[same])
    assert query(no_lineage, "select count(*) as n from corridor_alerts where alert_kind <> 'validation'")["n"][0] == 0
    assert query(no_lineage, "select count(*) as n from corridor_check_lineage")["n"][0] == 0
    inputs = set(query(no_lineage, "select input_name from int_corridor__input_accounting").input_name)
    assert inputs == {"production_events", "outcomes", "offline_estimates"}
