"""corridor_change_log (issue 16): every change to the rules registry and the offline estimates between runs, with
old and new values, who made it when the input says, flags for tolerance changes and changes after a failure, and a
history that survives --full-refresh.

The project of test_decisions (one model, four versions, a high and a medium rule); between builds the registry and
the estimates are edited by hand, so every expected row is known. The first run is a whole build (its alerts go to
the alert history); the later runs rebuild only the change log and its ancestors (`run --select +corridor_change_log`:
the registry state, the staging of rules and estimates, the alert and run history), which is all the change log
reads. The first run is test_decisions.py's build, shared (test_decisions.decisions_project: the same inputs and
vars, the rules authored by alice), copied before the later runs write to it.
"""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from conftest import load_frames, query
from test_decisions import VARS, _estimates, _rules, decisions_project

pytestmark = [pytest.mark.dbt, pytest.mark.slow]


def _load(path, rules: pd.DataFrame, estimates: pd.DataFrame) -> None:
    load_frames(path, {"dec_rules": rules, "dec_estimates": estimates})


def _vars(rules: pd.DataFrame, estimates: pd.DataFrame) -> dict:
    return {
        **VARS,
        "corridor_rules": {"relation": "main.dec_rules", "columns": {c: c for c in rules.columns}},
        "corridor_offline_estimates": {"relation": "main.dec_estimates", "columns": {c: c for c in estimates.columns}},
    }


@pytest.fixture(scope="module")
def changes(tmp_path_factory):
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp("change_log")
    path = work / "decisions.duckdb"  # the shared build's file name: runs 2-4 (its vars) start from its dbt parse
    rules, estimates = _rules(), _estimates()
    assert set(rules["changed_by"]) == {"alice"} and _vars(rules, estimates) == VARS
    # run 1 builds everything (test_decisions.py's build, shared): its run-end hook records the alerts in
    # corridor_alert_history (run 2's is_after_failure reads them)
    shared, _ = decisions_project(tmp_path_factory)
    shutil.copyfile(shared, path)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    first = query(path, "select * from corridor_change_log")
    # run 2: ERR_HIGH's tolerances widened in place (after its fails on v2/v3), a new version of the medium rule,
    # one estimate corrected, one withdrawn
    rules2 = rules.copy()
    high = rules2["rule_id"] == "ERR_HIGH"
    rules2.loc[high, ["warn_tolerance", "fail_tolerance", "changed_by"]] = [0.05, 0.1, "bob"]
    medium_v2 = rules2[rules2["rule_id"] == "LATENCY_MEDIUM"].copy()
    medium_v2[["rule_version", "warn_tolerance", "valid_from"]] = ["2", 5.0, pd.Timestamp("2026-10-10")]
    rules2 = pd.concat([rules2, medium_v2], ignore_index=True)
    estimates2 = estimates[estimates["estimate_id"] != "latency_mean-v4"].copy()
    estimates2.loc[estimates2["estimate_id"] == "error_rate-v3", "expected_value"] = 0.03
    _load(path, rules2, estimates2)
    # runs 2-4: the change log and everything it reads (+corridor_change_log: registry state, staged rules and
    # estimates, alert and run history), rebuilt from the edited inputs; no data tests, so every model must succeed
    change_log = ["--select", "+corridor_change_log"]
    dbt("run", *change_log, vars=_vars(rules2, estimates2))
    second = query(path, "select * from corridor_change_log")

    # run 3: nothing changed; then a --full-refresh
    dbt("run", *change_log, vars=_vars(rules2, estimates2))
    third = query(path, "select * from corridor_change_log")
    dbt("run", *change_log, "--full-refresh", vars=_vars(rules2, estimates2))
    refreshed = query(path, "select * from corridor_change_log")
    return {"first": first, "second": second, "third": third, "refreshed": refreshed}


def test_first_run_is_the_baseline(changes):
    first = changes["first"]
    assert set(first["change_kind"]) == {"added"}
    assert sorted(first[first["entity_kind"] == "rule"]["entity_key"]) == ["ERR_HIGH|1", "LATENCY_MEDIUM|1"]
    assert (first["entity_kind"] == "offline_estimate").sum() == len(_estimates())
    assert set(first.loc[first["entity_kind"] == "rule", "changed_by"]) == {"alice"}


def test_second_run_records_exactly_what_changed(changes):
    first, second = changes["first"], changes["second"]
    run2 = second[~second["invocation_id"].isin(first["invocation_id"])].set_index("entity_key")
    assert run2["change_kind"].to_dict() == {
        "ERR_HIGH|1": "changed",
        "LATENCY_MEDIUM|2": "new_version",
        "error_rate-v3": "changed",
        "latency_mean-v4": "removed",
    }
    high = run2.loc["ERR_HIGH|1"]
    assert (high["old_warn_tolerance"], high["new_warn_tolerance"]) == (0.01, 0.05)
    assert (high["old_fail_tolerance"], high["new_fail_tolerance"]) == (0.02, 0.1)
    assert high["changed_by"] == "bob"
    assert json.loads(high["old_values"])["warn_tolerance"] in ("0.01", 0.01)
    assert bool(high["is_tolerance_change"])
    # ERR_HIGH had fail alerts (v2, v3) in the first run: the widening follows a validation failure
    assert bool(high["is_after_failure"])
    medium = run2.loc["LATENCY_MEDIUM|2"]
    assert (medium["old_warn_tolerance"], medium["new_warn_tolerance"]) == (1.0, 5.0)
    assert bool(medium["is_tolerance_change"])
    corrected = run2.loc["error_rate-v3"]
    assert (corrected["old_expected_value"], corrected["new_expected_value"]) == (0.02, 0.03)
    assert not bool(corrected["is_tolerance_change"])
    removed = run2.loc["latency_mean-v4"]
    assert pd.isna(removed["new_values"]) and json.loads(removed["old_values"])["metric"] == "latency_mean"


def test_an_unchanged_run_adds_nothing_and_full_refresh_keeps_the_log(changes):
    assert len(changes["third"]) == len(changes["second"])
    assert len(changes["refreshed"]) == len(changes["second"])
    assert set(changes["refreshed"]["change_id"]) == set(changes["second"]["change_id"])
