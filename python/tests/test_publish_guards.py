"""corridor publish refuses a build file whose last run did not complete, cleans the temporary files of killed
publishes, and `corridor run` maps how a build ended to its documented exit codes. Fast: small DuckDB files made
here, no dbt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from corridor import cli
from corridor.publish import PublishError, publish


def _build_file(path: Path, runs: list[tuple[str, str]]) -> Path:
    """A minimal corridor build file: a run history with `runs` (invocation id, status), oldest first, a result
    table, a staging-like view, an intermediate table and a raw input."""
    con = duckdb.connect(str(path))
    con.execute(
        "create table corridor_run_history (invocation_id varchar, run_status varchar,"
        " started_at timestamp, finished_at timestamp)"
    )
    for i, (invocation_id, status) in enumerate(runs):
        finished = None if status == "running" else f"2026-01-01 00:{i:02d}:30"
        con.execute(
            "insert into corridor_run_history values (?, ?, ?, ?)",
            [invocation_id, status, f"2026-01-01 00:{i:02d}:00", finished],
        )
    con.execute("create table corridor_alerts as select 1 as alert_id")
    con.execute("create table int_corridor__window_gate_status as select 'pass' as gate_status")
    con.execute("create table int_corridor__events_enriched as select 'secret-entity' as entity_id")
    con.execute("create table corridor_demo_production_events as select 'user-1' as entity_id")
    con.execute("create table my_raw_events as select 'user-2' as entity_id")
    con.execute("create view stg_corridor__production_events as select 'x' as entity_pseudonym")
    con.close()
    return path


@pytest.mark.parametrize(
    ("runs", "message"),
    [
        ([("a", "success"), ("b", "running")], "its last run b did not complete"),
        ([("a", "success"), ("b", "partial_failure")], "had failing models"),
        ([("a", "success"), ("b", "interrupted")], "was interrupted"),
        ([], "records no completed run"),
    ],
)
def test_publish_refuses_a_run_that_did_not_complete(tmp_path, runs, message):
    build = _build_file(tmp_path / "build.duckdb", runs)
    published = tmp_path / "bi" / "corridor.duckdb"
    with pytest.raises(PublishError, match=message):
        publish(build, published)
    assert not published.exists()
    assert not list((tmp_path / "bi").glob(".*")) if (tmp_path / "bi").exists() else True


def test_publish_copies_only_result_tables(tmp_path):
    build = _build_file(tmp_path / "build.duckdb", [("a", "success"), ("b", "tests_failed")])
    done = publish(build, tmp_path / "bi" / "corridor.duckdb")
    assert done.invocation_id == "b"
    con = duckdb.connect(str(done.path), read_only=True)
    try:
        tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        views = con.execute("select count(*) from duckdb_views() where not internal").fetchall()[0][0]
    finally:
        con.close()
    assert tables == {"corridor_run_history", "corridor_alerts", "int_corridor__window_gate_status"}
    assert views == 0


def test_a_later_publish_removes_the_temporary_files_of_a_killed_one(tmp_path):
    build = _build_file(tmp_path / "build.duckdb", [("a", "success")])
    target = tmp_path / "bi" / "corridor.duckdb"
    target.parent.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = [target.with_name(f".{target.name}.{dead.pid}.tmp"), target.with_name(f".{target.name}.{dead.pid}.tmp.wal")]
    for path in stale:
        path.write_bytes(b"half a database")
    # a publish running in another (live) process keeps its temporary file
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = target.with_name(f".{target.name}.{live.pid}.tmp")
        busy.write_bytes(b"being written")
        publish(build, target)
        assert not any(path.exists() for path in stale)
        assert busy.exists()
    finally:
        live.kill()
        live.wait()
    assert sorted(p.name for p in target.parent.iterdir()) == sorted([target.name, busy.name])


@pytest.mark.parametrize(
    ("new_status", "expected"),
    [
        ("success", cli.RUN_PUBLISHED),
        ("tests_failed", cli.RUN_PUBLISHED_TESTS_FAILED),
        ("partial_failure", cli.RUN_NOT_COMPLETED),
        ("running", cli.RUN_NOT_COMPLETED),
        (None, cli.RUN_NOT_COMPLETED),  # dbt stopped before recording a run (e.g. a compilation error)
    ],
)
def test_corridor_run_exit_codes(tmp_path, monkeypatch, new_status, expected):
    build = _build_file(tmp_path / "build.duckdb", [("a", "success")])
    target = tmp_path / "bi" / "corridor.duckdb"
    calls = []

    def fake_dbt(cmd):
        calls.append(cmd)
        if new_status is not None:
            con = duckdb.connect(str(build))
            con.execute("insert into corridor_run_history values ('b', ?, '2026-01-02', null)", [new_status])
            con.close()
        return 0 if new_status == "success" else 1

    monkeypatch.setattr(cli.subprocess, "call", fake_dbt)
    code = cli.main(["run", "--database", str(build), "--to", str(target), "--", "--select", "x"])
    assert code == expected
    assert calls[0][1:] == ["build", "--select", "x"]
    assert target.exists() == (expected in (cli.RUN_PUBLISHED, cli.RUN_PUBLISHED_TESTS_FAILED))


def test_corridor_run_reports_a_publish_failure(tmp_path, monkeypatch):
    build = _build_file(tmp_path / "build.duckdb", [("a", "success")])

    def fake_dbt(cmd):
        con = duckdb.connect(str(build))
        con.execute("insert into corridor_run_history values ('b', 'success', '2026-01-02', '2026-01-02')")
        con.close()
        return 0

    monkeypatch.setattr(cli.subprocess, "call", fake_dbt)
    # publishing onto the build file itself is refused
    assert cli.main(["run", "--database", str(build), "--to", str(build)]) == cli.RUN_PUBLISH_FAILED
