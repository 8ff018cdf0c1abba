"""Decisions about model versions (issue 16): promote, hold, rollback, investigate_data, with hysteresis and the
version to roll back to, and `corridor decide` as an exit code.

A hand-built history where each answer is known: one model, four versions serving one after the other, daily
error rate checked by one high-severity rule (deciding) against 0.02, warn 0.01 / fail 0.02 above it, with
N = 2 (corridor_decision_windows) and a 72 h canary period (the defaults). Error counts are exact:

  v1 days 0-3    clean (0.02) for 4 days                     -> promote
  v2 days 4-6    0.30, 0.30, then 0.02                       -> rollback (2 confirmed fails; 1 pass since, 2 needed)
                                                                to v1, the last promoted version
  v3 days 7-11   0.30, 0.30, then 0.02 x 3                   -> promote (2 passes cleared the latch; the canary,
                                                                days 9-11, is clean)
  v4 days 12-13  clean, but day 13 delivers 5 % duplicates   -> investigate_data (its data gate fails)

A medium-severity rule that fails every day of v1 shows that only deciding severities decide.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import load_frames, query

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

DAY0 = pd.Timestamp("2026-10-01")
EVENTS_PER_DAY = 1000
# day -> (version, error rate)
PLAN = {
    0: ("v1", 0.02),
    1: ("v1", 0.02),
    2: ("v1", 0.02),
    3: ("v1", 0.02),
    4: ("v2", 0.30),
    5: ("v2", 0.30),
    6: ("v2", 0.02),
    7: ("v3", 0.30),
    8: ("v3", 0.30),
    9: ("v3", 0.02),
    10: ("v3", 0.02),
    11: ("v3", 0.02),
    12: ("v4", 0.02),
    13: ("v4", 0.02),
}
DUPLICATE_DAY = 13


def _events() -> pd.DataFrame:
    rows = []
    for day, (version, rate) in PLAN.items():
        errors = round(rate * EVENTS_PER_DAY)
        for k in range(EVENTS_PER_DAY):
            at = DAY0 + pd.Timedelta(days=day) + pd.Timedelta(seconds=int(k * 86_000 / EVENTS_PER_DAY))
            rows.append((f"e{day:02d}{k:05d}", at, version, k < errors))
    frame = pd.DataFrame(rows, columns=["event_id", "event_at", "model_version", "is_error"])
    frame["loaded_at"] = frame["event_at"] + pd.Timedelta(seconds=30)
    frame["model_id"] = "ranker"
    frame["entity_id"] = [f"c{j % 900}" for j in range(len(frame))]
    frame["latency_ms"] = 40.0 + (frame.index % 30)
    frame["predicted_score"] = ((frame.index * 7919) % 1000) / 1000.0
    frame["predicted_class"] = (frame["predicted_score"] >= 0.5).astype(int)
    duplicates = frame[frame["event_at"].dt.floor("D") == DAY0 + pd.Timedelta(days=DUPLICATE_DAY)].head(50)
    return pd.concat([frame, duplicates], ignore_index=True)


def _outcomes(events: pd.DataFrame) -> pd.DataFrame:
    unique = events.drop_duplicates("event_id")
    return pd.DataFrame(
        {
            "event_id": unique["event_id"],
            "label": unique["predicted_class"],
            "label_arrived_at": unique["event_at"] + pd.Timedelta(minutes=5),
        }
    )


def _estimates() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "estimate_id": f"{metric}-{version}",
                "model_id": "ranker",
                "model_version": version,
                "metric": metric,
                "segment_dimension": "all",
                "segment_value": "all",
                "window_grain": "day",
                "expected_value": expected,
                "standard_error": se,
                "method": "canary",
                "produced_at": pd.Timestamp("2026-09-20"),
                "valid_from": pd.Timestamp("2026-09-01"),
            }
            for version in ("v1", "v2", "v3", "v4")
            # production latency is 40-69 ms: the medium rule's 10 ms estimate fails every day
            for metric, expected, se in (("error_rate", 0.02, 0.001), ("latency_mean", 10.0, 0.1))
        ]
    )


def _rule(rule_id, severity, warn, fail):
    return {
        "rule_id": rule_id,
        "hypothesis": "daily error rate near the canary",
        "metric": "error_rate",
        "segment_dimension": "all",
        "segment_value": "all",
        "window_grain": "day",
        "comparison_kind": "absolute",
        "direction": "lower_is_better",
        "warn_tolerance": warn,
        "fail_tolerance": fail,
        "min_sample_size": 100,
        "consecutive_windows": 1,
        "owner": "ranking-team",
        "escalation_path": "#ranking",
        "severity": severity,
        "rule_version": "1",
        "valid_from": pd.Timestamp("2026-09-01"),
        "changed_by": "alice",  # the registry's optional author column (test_change_log.py reads it)
    }


def _rules() -> pd.DataFrame:
    medium = _rule("LATENCY_MEDIUM", "medium", 1.0, 2.0)
    medium["metric"] = "latency_mean"
    return pd.DataFrame([_rule("ERR_HIGH", "high", 0.01, 0.02), medium])


def _names(frame: pd.DataFrame) -> dict[str, str]:
    return {column: column for column in frame.columns}


_HEAD = _events().head(1)
VARS = {
    "corridor_production_events": {"relation": "main.dec_events", "columns": _names(_HEAD)},
    "corridor_outcomes": {"relation": "main.dec_outcomes", "columns": _names(_outcomes(_HEAD))},
    "corridor_offline_estimates": {"relation": "main.dec_estimates", "columns": _names(_estimates())},
    "corridor_rules": {"relation": "main.dec_rules", "columns": _names(_rules())},
    "corridor_reference_features": None,
    "corridor_load_demo_seeds": False,
    "corridor_segment_columns": [],
    "corridor_feature_columns": [],
    "corridor_window_grains": ["day"],
    "corridor_histogram_metric_grains": ["day"],
}


def decisions_project(tmp_path_factory) -> tuple[Path, str]:
    """This file's project built once per run (conftest.build_once_per_run) and shared with test_change_log.py, whose
    first run is this very build (same inputs, same vars): the DuckDB file and the build's output. Read it; a test
    that runs dbt again works on a copy (dbt's run-end hook writes to the file)."""
    from conftest import Dbt, build_once_per_run
    from corridor.dbt_runner import REPO_ROOT

    def build(work: Path) -> str:
        path = work / "decisions.duckdb"
        events = _events()
        frames = {
            "dec_events": events,
            "dec_outcomes": _outcomes(events),
            "dec_estimates": _estimates(),
            "dec_rules": _rules(),
        }
        load_frames(path, frames)
        dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
        return dbt("build", "--exclude", "resource_type:seed", vars=VARS, expect_ok=False).output

    work, output = build_once_per_run(tmp_path_factory, "decisions_project", build)
    return work / "decisions.duckdb", output


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    path, output = decisions_project(tmp_path_factory)
    return {"path": path, "build_output": output}


def _decisions(path) -> pd.DataFrame:
    return query(path, "select * from corridor_model_decisions").set_index("model_version")


def test_each_version_gets_the_decision_its_history_calls_for(history):
    decisions = _decisions(history["path"])
    assert decisions["decision"].to_dict() == {
        "v1": "promote",
        "v2": "rollback",
        "v3": "promote",
        "v4": "investigate_data",
    }
    v2 = decisions.loc["v2"]
    assert v2["rollback_to_version"] == "v1"
    assert "ERR_HIGH overall (day) failed 2 consecutive windows to 2026-10-06" in v2["decision_reason"]
    assert "1 passing window(s) since, 2 needed to clear" in v2["hysteresis"]
    # the evidence names exactly the two failing windows' results
    failing = query(
        history["path"],
        "select result_id from corridor_validation_results where rule_id = 'ERR_HIGH' and model_version = 'v2' "
        "and status = 'fail' order by window_start",
    )["result_id"].tolist()
    assert len(failing) == 2 and v2["evidence_result_ids"] == ",".join(failing)
    assert decisions.loc["v3", "hysteresis"] is None or pd.isna(decisions.loc["v3", "hysteresis"])
    assert "blocked" in decisions.loc["v4", "decision_reason"]
    assert pd.isna(decisions.loc["v1", "rollback_to_version"])
    # the medium rule failed every day of every version, confirmed, and decided nothing
    medium = query(
        history["path"],
        "select count(*) as n, sum(case when is_confirmed_breach and status = 'fail' then 1 else 0 end) as failed "
        "from corridor_validation_results where rule_id = 'LATENCY_MEDIUM' and status <> 'missing'",
    ).iloc[0]
    assert medium["n"] == len(PLAN) and medium["failed"] == len(PLAN) - 1  # the duplicates day is blocked


def test_a_rollback_fails_the_check_in_dbt_build(history, tmp_path):
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    # warn by default: the build's own check warned about v2
    assert "corridor_check_model_decisions" in history["build_output"]
    copy = tmp_path / "decisions.duckdb"
    shutil.copyfile(history["path"], copy)
    result = Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(copy)})(
        "test",
        "--select",
        "corridor_check_model_decisions",
        vars={**VARS, "corridor_check_severity": {"model_decisions": "error"}},
        expect_ok=False,
    )
    assert not result.ok
    assert "corridor_check_model_decisions" in result.output


def _decide(path: Path, version: str) -> subprocess.CompletedProcess:
    corridor = Path(sys.executable).with_name("corridor")
    return subprocess.run(
        [str(corridor), "decide", "--model", "ranker", "--version", version, "--database", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_corridor_decide_exit_codes(history):
    codes = {version: _decide(history["path"], version).returncode for version in ("v1", "v2", "v3", "v4", "v9")}
    assert codes == {"v1": 0, "v2": 2, "v3": 0, "v4": 1, "v9": 3}
    out = _decide(history["path"], "v2").stdout
    assert "ranker v2: ROLLBACK" in out and "roll back to: v1" in out
    assert "decided versions: ranker v1, ranker v2, ranker v3, ranker v4" in _decide(history["path"], "v9").stderr


def test_demo_versions(demo_build):
    """The demo: v2 carries the latam incident (R013, high) for days: rollback to v1, which was promoted in its
    first days; v1, which stopped serving as the incident began, is on hold with the missing evidence named."""
    decisions = _decisions(demo_build["path"])
    assert decisions["decision"].to_dict() == {"v1": "hold", "v2": "rollback"}
    v2 = decisions.loc["v2"]
    assert v2["rollback_to_version"] == "v1"
    assert v2["decision_reason"].startswith("R013 region=latam (day) failed")
    v1 = decisions.loc["v1"]
    assert "passing window(s), 2 needed" in v1["missing_evidence"]
    assert v1["traffic_factor_to_settle"] > 1
