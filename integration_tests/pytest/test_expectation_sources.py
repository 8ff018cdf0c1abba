"""Where expected values come from when offline estimates are coarser than
the rules (issue 13): segment rules fall back to the overall estimate,
estimates without a window grain apply to every grain (a grain-specific one
wins), and seasonal baselines span model versions.

The data set mirrors the outside trial: estimates for `all` and per country
only, rules per segment of three dimensions (country, device, plan), three
incidents planted in three segments of different dimensions on different
days. Without the fallback only the country incident can be found; with it,
all three, and no other segment-window is confirmed as a breach.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import query

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

DAY0 = pd.Timestamp("2026-10-01")
DAYS = 10
EVENTS_PER_DAY = 6000
BASE_ERROR_RATE = 0.02
ROLLOUT_DAY = 5  # v1 serves days 0-4, v2 days 5-9
# (dimension, value, day): the error rate there is 0.12 instead of 0.02
INCIDENTS = [("country", "FR", 2), ("device", "android", 6), ("plan", "free", 8)]
INCIDENT_ERROR_RATE = 0.12
SEGMENTS = {"country": ["US", "DE", "FR"], "device": ["ios", "android", "web"], "plan": ["free", "pro", "team"]}


def _events(seed: int = 20261130) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = DAYS * EVENTS_PER_DAY
    day = np.repeat(np.arange(DAYS), EVENTS_PER_DAY)
    event_at = DAY0 + pd.to_timedelta(day, unit="D") + pd.to_timedelta(rng.uniform(0, 86_399, n).round(), unit="s")
    frame = pd.DataFrame(
        {
            "event_id": [f"e{i:07d}" for i in range(n)],
            "event_at": event_at,
            "loaded_at": event_at + pd.Timedelta(seconds=30),
            "model_id": "churn",
            "model_version": np.where(day < ROLLOUT_DAY, "v1", "v2"),
            "entity_id": [f"c{i % 5000}" for i in range(n)],
            "latency_ms": rng.gamma(4.0, 25.0, n).round(1),
            **{dim: rng.choice(values, n) for dim, values in SEGMENTS.items()},
            "predicted_score": rng.uniform(0, 1, n).round(4),
        }
    )
    frame["predicted_class"] = (frame["predicted_score"] >= 0.5).astype(int)
    p = np.full(n, BASE_ERROR_RATE)
    for dim, value, d in INCIDENTS:
        p[(frame[dim] == value).to_numpy() & (day == d)] = INCIDENT_ERROR_RATE
    frame["is_error"] = rng.uniform(0, 1, n) < p
    return frame


def _outcomes(events: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "event_id": events["event_id"],
            "label": (rng.uniform(0, 1, len(events)) < events["predicted_score"]).astype(int),
            "label_arrived_at": events["event_at"] + pd.Timedelta(minutes=5),
        }
    )


def _estimate(estimate_id, version, dimension, value, expected, grain=None, produced_at="2026-09-20", se=0.001):
    return {
        "estimate_id": estimate_id,
        "model_id": "churn",
        "model_version": version,
        "metric": "error_rate",
        "segment_dimension": dimension,
        "segment_value": value,
        "window_grain": grain,
        "expected_value": expected,
        "standard_error": se,
        "method": "backtest",
        "estimator_version": "bt-1",
        "evaluation_dataset_id": "holdout",
        "produced_at": pd.Timestamp(produced_at),
        "valid_from": pd.Timestamp("2026-09-01"),
    }


def _estimates() -> pd.DataFrame:
    rows = []
    for version in ("v1", "v2"):
        # no window grain: the backtest number applies to every grain
        rows.append(_estimate(f"{version}-all", version, "all", "all", BASE_ERROR_RATE))
        for country in SEGMENTS["country"]:
            if (version, country) != ("v1", "DE"):
                rows.append(_estimate(f"{version}-{country}", version, "country", country, BASE_ERROR_RATE))
    # v1 DE: a day estimate and a later grain-less one; the day estimate wins on day windows
    rows.append(_estimate("v1-DE-day", "v1", "country", "DE", BASE_ERROR_RATE, grain="day", produced_at="2026-09-10"))
    rows.append(_estimate("v1-DE-any", "v1", "country", "DE", 0.5, produced_at="2026-09-25", se=0.01))
    return pd.DataFrame(rows)


def _rule(rule_id, metric, dimension, kind="statistical", warn=0.04, fail=0.08, min_n=200):
    return {
        "rule_id": rule_id,
        "hypothesis": f"{metric} per {dimension} stays near the estimate",
        "metric": metric,
        "segment_dimension": dimension,
        "segment_value": "*" if dimension != "all" else "all",
        "window_grain": "day",
        "comparison_kind": kind,
        "direction": "lower_is_better",
        "warn_tolerance": warn,
        "fail_tolerance": fail,
        "min_sample_size": min_n,
        "consecutive_windows": 1,
        "owner": "churn-team",
        "escalation_path": "#churn",
        "severity": "high",
        "rule_version": "1",
        "valid_from": pd.Timestamp("2026-09-01"),
    }


def _rules() -> pd.DataFrame:
    rows = [_rule(f"ERR_{dim.upper()}", "error_rate", dim) for dim in SEGMENTS]
    # request volume against the same weekday... here: the same slot on the 3 previous days
    rows.append(_rule("VOLUME", "request_count", "all", kind="seasonal", warn=0.2, fail=0.4, min_n=0))
    rows[-1]["tolerance_unit"] = "relative"
    for row in rows[:-1]:
        row["tolerance_unit"] = "absolute"
    return pd.DataFrame(rows)


def _same_names(frame: pd.DataFrame, drop=()) -> dict[str, str]:
    """Each input column mapped to itself (the frames use corridor's column names)."""
    return {column: column for column in frame.columns if column not in drop}


_EVENTS_HEAD = _events().head(1)
VARS = {
    "corridor_production_events": {"relation": "main.trial_events", "columns": _same_names(_EVENTS_HEAD, SEGMENTS)},
    "corridor_outcomes": {"relation": "main.trial_outcomes", "columns": _same_names(_outcomes(_EVENTS_HEAD))},
    "corridor_offline_estimates": {"relation": "main.trial_estimates", "columns": _same_names(_estimates())},
    "corridor_rules": {"relation": "main.trial_rules", "columns": _same_names(_rules())},
    "corridor_reference_features": None,
    "corridor_load_demo_seeds": False,
    "corridor_segment_columns": list(SEGMENTS),
    "corridor_feature_columns": [],
    "corridor_window_grains": ["day", "week"],
    "corridor_histogram_metric_grains": ["day"],
    "corridor_seasonal_baseline": {"day": {"period_hours": 24, "lookback_periods": 3, "min_history": 2}},
}


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp("trial")
    path = work / "trial.duckdb"
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    events = _events()
    con = duckdb.connect(str(path))
    for name, frame in {
        "trial_events": events,
        "trial_outcomes": _outcomes(events),
        "trial_estimates": _estimates(),
        "trial_rules": _rules(),
    }.items():
        con.register("frame", frame)
        con.execute(f"create or replace table {name} as select * from frame")
        con.unregister("frame")
    con.close()
    dbt("build", "--exclude", "resource_type:seed", vars=VARS)
    return {"dbt": dbt, "path": path, "events": events}


def _results(path) -> pd.DataFrame:
    return query(path, "select * from corridor_validation_results")


def _found(results: pd.DataFrame) -> set[tuple[str, str, int]]:
    breaches = results[results["is_confirmed_breach"] & results["metric"].eq("error_rate")]
    return {
        (r.segment_dimension, r.segment_value, (r.window_start - DAY0).days)
        for r in breaches.itertuples()
        if r.window_grain == "day"
    }


def test_fallback_finds_every_planted_incident_and_no_false_alarm(trial):
    results = _results(trial["path"])
    assert _found(results) == set(INCIDENTS)
    alerts = query(
        trial["path"],
        "select segment_dimension, segment_value, first_seen_window_start, last_expected_source from corridor_alerts",
    )
    sources = dict(zip(alerts["segment_dimension"], alerts["last_expected_source"], strict=True))
    assert sources == {"country": "segment", "device": "overall_fallback", "plan": "overall_fallback"}
    assert {
        (a.segment_dimension, a.segment_value, (a.first_seen_window_start - DAY0).days) for a in alerts.itertuples()
    } == set(INCIDENTS)


def test_each_expected_value_names_its_source(trial):
    results = _results(trial["path"])
    err = results[results["metric"] == "error_rate"]
    by_dim = err.groupby("segment_dimension")["expected_source"].agg(set).to_dict()
    # countries have their own estimates; devices and plans only the overall one
    assert by_dim == {"country": {"segment"}, "device": {"overall_fallback"}, "plan": {"overall_fallback"}}
    fallback = err[err["expected_source"] == "overall_fallback"]
    assert set(fallback["expected_estimate_id"]) == {"v1-all", "v2-all"}
    assert (fallback["expected_value"] == BASE_ERROR_RATE).all()
    assert fallback["reason"].str.contains("overall estimate: none for this segment").any()
    assert (results[results["comparison_kind"] == "seasonal"]["expected_source"].isin(["seasonal", "none"])).all()


def test_a_grain_specific_estimate_wins_over_a_grain_less_one(trial):
    offline = query(
        trial["path"],
        "select estimate_id, window_grain, metric_value from corridor_metric_observations "
        "where source = 'offline' and model_version = 'v1' and segment_value = 'DE'",
    )
    by_grain = offline.groupby("window_grain")["estimate_id"].agg(set).to_dict()
    # day windows: the older day estimate beats the newer grain-less one; week windows: only the grain-less one applies
    assert by_grain == {"day": {"v1-DE-day"}, "week": {"v1-DE-any"}}
    # the grain-less overall estimate reaches both configured grains, over the model's span
    # (10 days from Thursday 2026-10-01: 2 ISO weeks), as any estimate does
    overall = query(
        trial["path"],
        "select window_grain, count(*) as n from corridor_metric_observations "
        "where source = 'offline' and estimate_id = 'v1-all' group by 1",
    )
    assert dict(zip(overall["window_grain"], overall["n"], strict=True)) == {"day": DAYS, "week": 2}
    # DE on v1 days judged against 0.02, never against 0.5
    results = _results(trial["path"])
    de = results[(results["segment_value"] == "DE") & (results["model_version"] == "v1")]
    assert set(de["expected_estimate_id"]) == {"v1-DE-day"}


def test_seasonal_baseline_spans_the_rollout(trial):
    results = _results(trial["path"])
    volume = results[results["rule_id"] == "VOLUME"].set_index("window_start").sort_index()
    v2 = volume[volume["model_version"] == "v2"]
    # v2's first day already has 3 days of (v1) history in its slot
    first = v2.iloc[0]
    assert (first.name - DAY0).days == ROLLOUT_DAY
    assert first["expected_source"] == "seasonal" and first["baseline_windows"] == 3
    counts = trial["events"].groupby(trial["events"]["event_at"].dt.floor("D")).size()
    assert first["expected_value"] == pytest.approx(np.median(counts.iloc[ROLLOUT_DAY - 3 : ROLLOUT_DAY]))
    assert (v2["status"] != "missing").all()
    baselines = query(
        trial["path"],
        "select window_start, baseline_windows_other_versions from int_corridor__seasonal_baselines "
        "where rule_id = 'VOLUME' and model_version = 'v2' order by 1",
    )
    # other-version windows: 3 on day 5, 2 on day 6, 1 on day 7, then none
    assert list(baselines["baseline_windows_other_versions"]) == [3, 2, 1, 0, 0]


STRICT = {**VARS, "corridor_segment_estimate_fallback": False, "corridor_seasonal_baseline_across_versions": False}
RERUN = ["run", "--select", "int_corridor__seasonal_baselines", "int_corridor__validation_pairs+"]
REFUSED_AT = ["compile", "--select", "int_corridor__validation_pairs"]


@pytest.fixture(scope="module")
def strict_and_refused(trial):
    """The bad setting compiled, then the strict rerun, in one dbt process on the build's parse (conftest.Dbt.batch):
    each with vars of its own, which the nodes read when they render (no node config depends on the two switches, and
    a `run` runs the hooks). The refusal comes first, on the build's tables. A bad setting is refused by real dbt
    processes, with their batch's message, in test_configuration.py and test_settings_registry.py. Requested first by
    test_switches_off_restore_the_strict_behaviour, which restores the build's vars itself."""
    cases = [
        {"args": REFUSED_AT, "vars": {**VARS, "corridor_segment_estimate_fallback": "yes"}},
        {"args": RERUN, "vars": STRICT},
    ]
    refused, strict = trial["dbt"].batch(cases, base_vars=VARS)
    return {"refused": refused, "strict": strict}


def test_switches_off_restore_the_strict_behaviour(trial, strict_and_refused):
    dbt, path = trial["dbt"], trial["path"]
    strict = strict_and_refused["strict"]
    assert strict.ok, strict.output[-6000:]
    results = _results(path)
    # the outside trial's finding: without the fallback only the country incident is found
    assert _found(results) == {INCIDENTS[0]}
    err = results[results["metric"] == "error_rate"]
    uncovered = err[err["segment_dimension"].isin(["device", "plan"])]
    assert (uncovered["status"] == "missing").all() and (uncovered["expected_source"] == "none").all()
    issues = query(path, "select rule_id from corridor_rule_issues where problem_codes like '%no_offline_estimate%'")
    assert set(issues["rule_id"]) == {"ERR_DEVICE", "ERR_PLAN"}
    volume = results[(results["rule_id"] == "VOLUME") & (results["model_version"] == "v2")].sort_values("window_start")
    # v2's own history only: 0 and 1 earlier windows on its first two days (min_history 2)
    assert list(volume["status"].iloc[:2]) == ["missing", "missing"]
    assert volume["status"].iloc[2] != "missing"
    dbt(*RERUN, vars=VARS)
    assert _found(_results(path)) == set(INCIDENTS)
    assert (
        query(path, "select count(*) as n from corridor_rule_issues where problem_codes like '%no_offline_estimate%'")[
            "n"
        ][0]
        == 0
    )


def test_bad_setting_value_names_the_var(strict_and_refused):
    result = strict_and_refused["refused"]
    assert not result.ok
    assert "corridor_segment_estimate_fallback' must be true or false" in result.output
