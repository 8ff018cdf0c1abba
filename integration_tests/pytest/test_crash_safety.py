"""Crash safety: a real `dbt build` killed with SIGKILL at a controlled point of the on-run-end hook (the hook logs
a marker and waits there when the test-only environment variable CORRIDOR_TEST_PAUSE_IN_HOOK names that point)
leaves a run row
that says the run did not finish, publish refuses the build file, and the next invocation marks the run
'interrupted' and removes its audit rows: all audit rows of a run or none (docs/audit.md)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import Dbt, query
from corridor import publish as publish_mod
from corridor.dbt_runner import INTEGRATION_DIR, dbt_executable

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

AUDIT_TABLES = [
    "corridor_run_model_history",
    "corridor_input_accounting",
    "corridor_input_schema_history",
    "corridor_alert_history",
    "corridor_metric_observation_history",
]


def _build_and_kill(dbt: Dbt, point: str, timeout: float = 900) -> str:
    """Start `dbt build` pausing at `point` of the on-run-end hook, SIGKILL it when the marker shows; its output.
    The pause point is an environment variable, not a --vars, so the build starts from the run's shared parse of
    the integration project (the same vars and file name as integration_duckdb's build) instead of parsing it."""
    env = {**os.environ, **dbt.env, "DBT_PROFILES_DIR": str(INTEGRATION_DIR), "PYTHONUNBUFFERED": "1"}
    env["CORRIDOR_TEST_PAUSE_IN_HOOK"] = point
    # where Dbt runs dbt (its working directory holds the DuckDB file it names relatively)
    env["DBT_PROJECT_DIR"] = str(INTEGRATION_DIR)
    dbt._start_from_shared_parse(("build",), None, env)
    cmd = [dbt_executable(), "build"]
    proc = subprocess.Popen(
        cmd,
        cwd=dbt.cwd or INTEGRATION_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines, deadline = [], time.monotonic() + timeout
    try:
        for line in proc.stdout:
            lines.append(line)
            if f"corridor-test-pause: {point}" in line:
                os.killpg(proc.pid, signal.SIGKILL)
                break
            assert time.monotonic() < deadline, "dbt never reached the pause point:\n" + "".join(lines[-40:])
        else:
            raise AssertionError("dbt ended without reaching the pause point:\n" + "".join(lines[-60:]))
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    return "".join(lines)


def _runs(path: Path):
    return query(path, "select invocation_id, run_status from corridor_run_history order by started_at")


def _rows_of(path: Path, invocation_id: str) -> dict[str, int]:
    return {
        table: int(query(path, f"select count(*) as n from {table} where invocation_id = ?", [invocation_id])["n"][0])
        for table in AUDIT_TABLES
    }


def _assert_every_audit_row_has_a_settled_run(path: Path) -> None:
    for table in AUDIT_TABLES:
        orphans = query(
            path,
            f"select count(*) as n from {table} where invocation_id not in"
            " (select invocation_id from corridor_run_history"
            "  where run_status in ('success', 'tests_failed', 'partial_failure'))",
        )["n"][0]
        assert orphans == 0, table


def test_kill_inside_the_hook_leaves_no_half_true_audit_trail(integration_duckdb, tmp_path):
    """The issue's case: killed after the first model-history rows of the hook, on a build file with history."""
    path = tmp_path / integration_duckdb["path"].name  # its file name: dbt's saved parse is keyed on the profile
    shutil.copyfile(integration_duckdb["path"], path)
    dbt = Dbt(INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)})
    before = _runs(path)
    assert set(before["run_status"]) == {"success"}

    _build_and_kill(dbt, "in_model_history")
    runs = _runs(path)
    killed = runs.iloc[-1]
    assert len(runs) == len(before) + 1
    assert killed["run_status"] == "running"  # never 'success' with partial audit rows
    # the kill came mid-hook: after the first insert (100 nodes) of the model history, before the rest
    complete = _rows_of(path, before["invocation_id"].iloc[-1])["corridor_run_model_history"]
    assert _rows_of(path, killed["invocation_id"])["corridor_run_model_history"] == 100 < complete
    with pytest.raises(publish_mod.PublishError, match=f"its last run {killed['invocation_id']} did not complete"):
        publish_mod.publish(path, tmp_path / "bi" / "corridor.duckdb")

    # the next invocation repairs: the killed run is marked, its audit rows removed; then a full build publishes
    result = dbt("build")
    assert f"earlier invocation(s) {killed['invocation_id']} did not finish" in result.output
    runs = _runs(path).set_index("invocation_id")
    assert runs.loc[killed["invocation_id"], "run_status"] == "interrupted"
    assert set(_rows_of(path, killed["invocation_id"]).values()) == {0}
    assert runs["run_status"].iloc[-1] == "success"
    _assert_every_audit_row_has_a_settled_run(path)
    assert publish_mod.publish(path, tmp_path / "bi" / "corridor.duckdb").invocation_id == runs.index[-1]


def test_kill_after_the_observation_history_of_a_first_build(tmp_path):
    """Killed once every model ran (corridor_metric_observation_history written) but before the hook wrote
    anything, on a first build (no run history table when the run started): the run row exists anyway (opened
    by the post-hook of corridor_run_history), says 'running', and the next run removes the history rows."""
    path = tmp_path / "integration.duckdb"  # integration_duckdb's file name: every invocation shares its dbt parse
    dbt = Dbt(INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("deps")
    dbt("seed")
    _build_and_kill(dbt, "hook_start")
    runs = _runs(path)
    assert runs["run_status"].tolist() == ["running"]
    killed = runs["invocation_id"][0]
    rows = _rows_of(path, killed)
    assert rows["corridor_metric_observation_history"] > 0  # written by the model before the kill
    assert rows["corridor_run_model_history"] == 0
    with pytest.raises(publish_mod.PublishError, match="did not complete"):
        publish_mod.publish(path, tmp_path / "bi" / "corridor.duckdb")

    dbt("run", "--select", "corridor_run_history")
    assert _runs(path).set_index("invocation_id").loc[killed, "run_status"] == "interrupted"
    assert set(_rows_of(path, killed).values()) == {0}
    _assert_every_audit_row_has_a_settled_run(path)
