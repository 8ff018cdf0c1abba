"""The demo end to end, as `make demo` runs it: it builds on a fresh DuckDB file
that the DuckDB 1.x line can open, prints where the tables are, and the
planted incidents are visible in corridor_metric_observations (their detection
as rule failures belongs to the validation layer)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import query
from corridor.dbt_runner import REPO_ROOT

pytestmark = pytest.mark.dbt


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    work = tmp_path_factory.mktemp("demo")
    path = work / "corridor.duckdb"
    env = dict(
        os.environ,
        CORRIDOR_DUCKDB_PATH=str(path),
        DBT_TARGET_PATH=str(work / "target"),
        DBT_LOG_PATH=str(work / "logs"),
    )
    corridor = Path(sys.executable).with_name("corridor")
    proc = subprocess.run([str(corridor), "demo"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return {"path": path, "output": proc.stdout, "work": work}


def test_demo_prints_tables_and_incidents(demo):
    out = demo["output"]
    assert str(demo["path"]) in out
    assert "corridor_metric_observations" in out and "corridor_run_history" in out
    for incident in [
        "inc_01_error_burst",
        "inc_02_error_burst",
        "inc_03_latam_accuracy",
        "inc_04_android_p95",
        "inc_05_late_duplicates",
    ]:
        assert incident in out


def _daily(path, metric, dim, value, start, end):
    return query(
        path,
        """
        select avg(metric_value) as v from corridor_metric_observations
        where source = 'production' and window_grain = 'day' and metric = ? and segment_dimension = ?
          and segment_value = ? and window_start >= ? and window_start < ? and sample_size > 0
        """,
        [metric, dim, value, start, end],
    )["v"][0]


def test_planted_latency_regression_is_in_the_data(demo):
    p = demo["path"]
    before = _daily(p, "latency_p95", "device", "android", "2026-10-02", "2026-10-16")
    after = _daily(p, "latency_p95", "device", "android", "2026-10-16", "2026-10-22")
    web_before = _daily(p, "latency_p95", "device", "web", "2026-10-02", "2026-10-16")
    web_after = _daily(p, "latency_p95", "device", "web", "2026-10-16", "2026-10-22")
    assert after > 1.4 * before
    assert abs(web_after / web_before - 1) < 0.1


def test_planted_accuracy_drop_is_in_the_data(demo):
    p = demo["path"]
    before = _daily(p, "auc", "region", "latam", "2026-10-01", "2026-10-12")
    after = _daily(p, "auc", "region", "latam", "2026-10-12", "2026-10-22")
    na_before = _daily(p, "auc", "region", "na", "2026-10-01", "2026-10-12")
    na_after = _daily(p, "auc", "region", "na", "2026-10-12", "2026-10-22")
    assert before - after > 0.1
    assert abs(na_after - na_before) < 0.05


def test_error_bursts_and_duplicates(demo):
    p = demo["path"]
    hourly = query(
        p,
        """
        select window_start, metric_value from corridor_metric_observations
        where source = 'production' and window_grain = 'hour' and metric = 'error_rate'
          and segment_dimension = 'all' and model_version = 'v1' and sample_size >= 20
        """,
    ).set_index("window_start")["metric_value"]
    baseline = hourly.mean()
    for burst_hours in [("2026-10-06 14:00",), ("2026-10-10 19:00", "2026-10-10 20:00")]:
        worst = max(hourly[pd.Timestamp(h)] for h in burst_hours)
        assert worst > 0.05 and worst > 5 * baseline, (burst_hours, worst, baseline)
    dup = query(
        p,
        """
        select count(*) - count(distinct event_id) as dups from stg_corridor__production_events
        where event_at >= '2026-10-19' and event_at < '2026-10-20'
        """,
    )["dups"][0]
    assert dup > 100
    other = query(
        p,
        "select count(*) - count(distinct event_id) as dups from stg_corridor__production_events "
        "where event_at < '2026-10-19' or event_at >= '2026-10-20'",
    )["dups"][0]
    assert other == 0
    # each duplicated event counts once in the metrics
    counted = query(
        p,
        """
        select sum(metric_value) as n from corridor_metric_observations
        where source = 'production' and metric = 'request_count' and window_grain = 'day'
          and segment_dimension = 'all' and window_start = '2026-10-19'
        """,
    )["n"][0]
    distinct = query(
        p,
        "select count(distinct event_id) as n from stg_corridor__production_events "
        "where event_at >= '2026-10-19' and event_at < '2026-10-20'",
    )["n"][0]
    assert counted == distinct


def test_demo_file_opens_in_duckdb_1x(demo, tmp_path):
    """The file is written with storage_compatibility_version v1.4.0: a DuckDB of the 1.x line reads it."""
    tags = query(demo["path"], "select tags from duckdb_databases() where database_name = 'corridor'")["tags"][0]
    assert str(tags["storage_version"]).startswith("v1.4")
    target = tmp_path / "duckdb14"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(target),
            "duckdb==1.4.2",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    script = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
        "print(duckdb.__version__, con.execute('select count(*) from corridor_metric_observations').fetchall()[0][0])"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    proc = subprocess.run([sys.executable, "-c", script, str(demo["path"])], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    version, rows = proc.stdout.split()
    assert version.startswith("1.4") and int(rows) > 100_000


def test_demo_late_and_duplicated_day_fails_its_gates_and_clean_windows_pass(demo):
    gates = query(demo["path"], "select * from int_corridor__window_gate_status")
    planted = pd.Timestamp("2026-10-19")
    day = gates[gates["window_grain"] == "day"].set_index("window_start")
    assert day.loc[planted, "gate_status"] == "fail"
    assert day.loc[planted, "failing_checks"] == "duplicate_event_ids,late_events"
    assert "replayed or double-loaded" in day.loc[planted, "gate_diagnostic"]
    assert "delayed pipeline" in day.loc[planted, "gate_diagnostic"]
    assert (day.drop(planted)["gate_status"] == "pass").all()
    hours = gates[gates["window_grain"] == "hour"]
    in_day = (hours["window_start"] >= planted) & (hours["window_start"] < planted + pd.Timedelta(days=1))
    assert len(hours[in_day]) == 24 and (hours[in_day]["gate_status"] == "fail").all()
    assert (hours[~in_day]["gate_status"] == "pass").all()
    # the quarantine holds exactly the extra copies; every row read is accounted for
    q = query(demo["path"], "select reason_codes, count(*) as n from corridor_quarantine group by 1")
    assert q.values.tolist() == [["duplicate_event_id", 368]]
    acc = query(demo["path"], "select * from corridor_input_accounting")
    assert bool(acc["is_balanced"].all()) and len(acc) == 3
    assert "day 2026-10-19 00:00:00: fail [duplicate_event_ids,late_events]" in demo["output"]
