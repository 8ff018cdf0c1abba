"""The benchmark (corridor_tools.bench) end to end at a small size: figures printed and written, sides agree."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corridor_tools import bench  # noqa: E402

N_EVENTS = 20_000


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("bench")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = bench.main(["--events", str(N_EVENTS), "--workdir", str(workdir), "--quiet-dbt"])
    return workdir, code, out.getvalue()


@pytest.mark.dbt
def test_bench_writes_figures(run):
    workdir, code, _ = run
    assert code == 0
    results = json.loads((workdir / "bench_results.json").read_text())
    assert (workdir / f"bench_results_{N_EVENTS}.json").exists()
    assert results["events"] == N_EVENTS
    for key in ("a_rows_per_s", "a_model_rows_per_s", "b_rows_per_s", "bare_rows_per_s", "ratio_a_b", "ratio_model_b"):
        assert results[key] > 0, key
    assert results["a_dbt"]["peak_rss_bytes"] > 0
    assert results["b_baseline"]["peak_rss_bytes"] > 0
    # (b) ran in its own process, at the first attempt
    [attempt] = results["b_baseline"]["attempts"]
    assert attempt["ok"] and attempt["error"] is None
    assert attempt["peak_rss_bytes"] == results["b_baseline"]["peak_rss_bytes"]
    assert results["a_dbt"]["model_seconds_sum"] > 0
    assert results["a_dbt"]["parse"] == "full"  # every bench run parses the project from scratch
    nodes = {x["node"] for x in results["a_dbt"]["nodes"]}
    assert {
        "int_corridor__events_enriched",
        "int_corridor__production_window_stats",
        "corridor_metric_observations",
    } <= nodes
    assert results["load"]["rows"]["bench_events"] >= N_EVENTS
    # The bench DuckDB file is removed without --keep; the generated data is kept for reuse.
    assert not (workdir / f"bench_{N_EVENTS}.duckdb").exists()
    assert (workdir / "data" / f"events_{N_EVENTS}_seed42" / "bench_data.json").exists()


@pytest.mark.dbt
def test_bench_sides_agree(run):
    workdir, _, _ = run
    check = json.loads((workdir / "bench_results.json").read_text())["agreement"]
    assert check["ok"]
    assert check["mismatches"] == 0 and check["missing_in_corridor"] == 0
    assert check["corridor_only_nonempty"] == 0
    assert check["windows_compared"] > 1000  # hour, day and week windows x segments x versions
    # per value: |a - b| <= 1e-9 * max(|a|, |b|) + 1e-12 (see bench.ABS_TOL); overall far below any resolution
    assert check["max_relative_difference"] < 1e-6
    assert {e["model_version"] for e in check["examples"]} == {"v1", "v2"}


@pytest.mark.dbt
def test_bench_prints_figures(run):
    _, _, text = run
    for label in (
        "(a) dbt build, wall",
        "model execution time (sum)",
        "(b) plain baseline",
        "bare GROUP BY",
        "ratio (a)/(b)",
        "ratio model time/(b)",
        "peak RSS",
        "agreement (a) vs (b): MATCH",
    ):
        assert label in text, label
    assert f"{N_EVENTS:,} events" in text


def test_baseline_sql_covers_the_twelve_grouping_sets():
    assert bench._grouping_sets().count("(model_id, model_version") == 12
    assert "quantile_cont(latency_ms, [0.5, 0.95, 0.99])" in bench.BASELINE_SQL


@pytest.mark.dbt
def test_bench_reports_a_failing_dbt_build(run, tmp_path):
    """A model that fails: exit code 2, the failure recorded in the JSON, the bench DuckDB file removed."""
    shared, _, _ = run
    workdir = tmp_path / "work"
    workdir.mkdir()
    (workdir / "data").symlink_to(shared / "data")  # reuse the generated events
    project = tmp_path / "broken"
    shutil.copytree(bench.REPO / "models", project / "models")
    shutil.copytree(bench.REPO / "macros", project / "macros")
    shutil.copy(bench.REPO / "dbt_project.yml", project / "dbt_project.yml")
    (project / "models" / "intermediate" / "int_corridor__production_window_stats.sql").write_text(
        "select no_such_column from {{ ref('int_corridor__events_enriched') }}\n"
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = bench.main(
            ["--events", str(N_EVENTS), "--workdir", str(workdir), "--quiet-dbt", "--project-dir", str(project)]
        )
    assert code == 2
    assert "int_corridor__production_window_stats" in out.getvalue()
    results = json.loads((workdir / "bench_results.json").read_text())
    assert results["status"] == "dbt_failed"
    assert [f["node"] for f in results["a_dbt"]["failed_nodes"]] == ["int_corridor__production_window_stats"]
    assert not (workdir / f"bench_{N_EVENTS}.duckdb").exists()


def test_node_peak_rss_takes_the_samples_inside_the_node_span():
    # run_results timing in UTC; samples (unix time, bytes) before, inside and after the node's execution
    result = {
        "timing": [
            {"name": "compile", "started_at": "2026-12-01T00:00:10Z", "completed_at": "2026-12-01T00:00:11Z"},
            {"name": "execute", "started_at": "2026-12-01T00:00:11Z", "completed_at": "2026-12-01T00:00:20Z"},
        ]
    }
    t0 = 1_796_083_200.0  # 2026-12-01T00:00:00Z
    samples = [(t0 + 5, 9 * 2**30), (t0 + 12, 2 * 2**30), (t0 + 19.5, 3 * 2**30), (t0 + 21, 8 * 2**30)]
    assert bench.node_peak_rss(result, samples) == 3 * 2**30
    assert bench.node_peak_rss({"timing": []}, samples) is None
    assert bench.node_peak_rss(result, [(t0 + 30, 1)]) is None


def _vars_of_run_dbt(monkeypatch, tmp_path, **kwargs) -> str:
    """The --vars a bench's dbt build runs with (the child process replaced: it records its command)."""
    seen = {}

    def child(cmd, env, log, echo=None, cwd=None):
        seen["cmd"] = cmd
        Path(log).write_text("")
        return {"returncode": 1, "seconds": 0.0, "peak_rss_bytes": 0, "rss_samples": []}

    monkeypatch.setattr(bench, "_run_child", child)
    with pytest.raises(bench.DbtFailed):
        bench.run_dbt(tmp_path, tmp_path / "x.duckdb", echo=False, **kwargs)
    cmd = seen["cmd"]
    return cmd[cmd.index("--vars") + 1]


def test_the_benches_build_with_their_own_vars(monkeypatch, tmp_path):
    """bench_spark's DuckDB side runs without the Python bootstrap, and bench_incremental's lookback reaches dbt:
    the vars are read when the build runs, not when the module was imported."""
    from corridor_tools import bench_spark

    assert _vars_of_run_dbt(monkeypatch, tmp_path) == bench.DBT_VARS
    assert "corridor_python_bootstrap: false" in bench_spark.VARS_DUCKDB
    assert _vars_of_run_dbt(monkeypatch, tmp_path, dbt_vars=bench_spark.VARS_DUCKDB) == bench_spark.VARS_DUCKDB
    monkeypatch.setattr(bench, "DBT_VARS", bench.DBT_VARS.rstrip("}") + ", corridor_lookback_days: 5}")
    assert "corridor_lookback_days: 5" in _vars_of_run_dbt(monkeypatch, tmp_path)


def test_bench_incremental_history_ends_before_the_run():
    """Rows dated after the run's start are quarantined as future_event_at: the generated history and the new day
    must end before today, whatever the machine's date (90 days from 2026-10-01 reached past 2026-12-06)."""
    import datetime as dt

    from corridor_tools.bench_incremental import START, bench_start

    assert bench_start(30, dt.date(2026, 12, 6)) == START
    assert bench_start(90, dt.date(2026, 12, 6)) == "2026-09-05"
    for days in (1, 30, 90, 365):
        for today in (dt.date(2026, 12, 6), dt.date(2027, 3, 1), dt.date(2026, 10, 2)):
            start = dt.date.fromisoformat(bench_start(days, today))
            new_day_ends = start + dt.timedelta(days=days + 1)
            assert new_day_ends < today and start <= dt.date.fromisoformat(START)
            assert new_day_ends == today - dt.timedelta(days=1) or start == dt.date.fromisoformat(START)


def test_rss_sampler_reads_this_process():
    import os
    import time

    sampler = bench.RssSampler(os.getpid(), interval=0.01)
    sampler.start()
    time.sleep(0.1)
    sampler.stop()
    assert sampler.samples and all(rss > 10 * 2**20 for _, rss in sampler.samples)
    assert all(b[0] >= a[0] for a, b in zip(sampler.samples, sampler.samples[1:], strict=False))


def test_a_killed_build_names_the_nodes_that_were_running():
    # the 100M whole build of 2026-12-03 was killed by the out-of-memory killer inside the Python bootstrap,
    # with corridor_quarantine running beside it: dbt leaves no run_results.json, only its log
    log = "\n".join(
        [
            "\x1b[0m16:19:05  67 of 183 START sql table model main.corridor_quarantine ....... [RUN]",
            "\x1b[0m16:19:05  68 of 183 START sql table model main.int_corridor__rolling_score_histograms .. [RUN]",
            "\x1b[0m16:19:06  68 of 183 OK created sql table model main.int_corridor__rolling_score_histograms  "
            "[\x1b[32mOK\x1b[0m in 0.38s]",
            "\x1b[0m16:19:06  69 of 183 START test not_null_corridor_feature_drift_drift_id ...... [RUN]",
            "\x1b[0m16:19:06  69 of 183 PASS not_null_corridor_feature_drift_drift_id .......... [PASS in 0.05s]",
            "\x1b[0m16:21:23  72 of 183 START python incremental model main.int_corridor__bootstrap_intervals  [RUN]",
        ]
    )
    assert bench.unfinished_nodes(log) == ["corridor_quarantine", "int_corridor__bootstrap_intervals"]
    assert bench.unfinished_nodes("") == []


def test_profile_settings_render_env_var_like_dbt(tmp_path, monkeypatch):
    """(b) runs with the DuckDB settings dbt's profile gives (a): a setting written as env_var('NAME', 'default')
    takes the environment's value, else the default, as dbt renders it."""
    (tmp_path / "profiles.yml").write_text(
        "corridor:\n  target: duckdb\n  outputs:\n    duckdb:\n      type: duckdb\n      settings:\n"
        "        preserve_insertion_order: false\n"
        "        memory_limit: \"{{ env_var('CORRIDOR_TEST_MEMORY_LIMIT', '80%') }}\"\n"
    )
    monkeypatch.delenv("CORRIDOR_TEST_MEMORY_LIMIT", raising=False)
    assert bench.profile_settings(tmp_path) == {"preserve_insertion_order": False, "memory_limit": "80%"}
    monkeypatch.setenv("CORRIDOR_TEST_MEMORY_LIMIT", "65%")
    assert bench.profile_settings(tmp_path)["memory_limit"] == "65%"


# --------------------------------------------------------------------------
# (b) in a child process, on a tiny DuckDB file (no dbt)
# --------------------------------------------------------------------------
TINY_EVENTS = """
create table bench_events as
select
    'e' || (i % 37) as event_id,  -- a few duplicated deliveries
    timestamp '2026-10-01' + to_hours(i * 5) as event_at,
    timestamp '2026-10-01' + to_hours(i * 5) + interval 1 minute as loaded_at,
    'm1' as model_id,
    case when i % 3 = 0 then 'v2' else 'v1' end as model_version,
    ['eu', 'us', 'apac'][i % 3 + 1] as region,
    ['ios', 'web'][i % 2 + 1] as device,
    ['free', 'pro'][i % 2 + 1] as tier,
    10.0 + (i * 7) % 23 as latency_ms,
    case when i % 11 = 0 then null else i % 7 = 0 end as is_error,
    (i % 10) / 10.0 as predicted_score,
    case when i % 5 = 0 then 1 end as predicted_class
from range(60) as t(i)
"""
TINY_OUTCOMES = """
create table bench_outcomes as
select 'e' || (i % 30) as event_id, (i * 3) % 2 as label, timestamp '2026-10-05' + to_hours(i) as label_arrived_at
from range(45) as t(i)
"""
KEYS = ["model_id", "model_version", "window_grain", "window_start", "segment_dimension", "segment_value"]


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory):
    import duckdb

    db = tmp_path_factory.mktemp("tiny") / "bench_tiny.duckdb"
    con = duckdb.connect(str(db))
    con.execute(TINY_EVENTS)
    con.execute(TINY_OUTCOMES)
    con.close()
    return db


def _sorted(frame):
    return frame.sort_values(KEYS).reset_index(drop=True)


def _direct(con):
    return _sorted(con.execute(bench.BASELINE_SQL).fetch_df())


def test_baseline_runs_in_a_child_and_returns_the_query_result(tiny_db, tmp_path):
    import pandas as pd

    con, b, plain = bench.run_baselines(tiny_db, {"preserve_insertion_order": False}, tmp_path)
    try:
        direct = _direct(con)
    finally:
        con.close()
    assert len(direct) > 100  # hour, day and week windows x segments x versions
    pd.testing.assert_frame_equal(_sorted(plain), direct)
    assert b["rows"] == len(direct) and b["bare_rows"] > 0
    [attempt] = b["attempts"]
    assert attempt["ok"] and attempt["error"] is None and attempt["attempt"] == 1
    # the child's own peak RSS (an interpreter with duckdb and pandas), not this process's
    assert b["peak_rss_bytes"] == attempt["peak_rss_bytes"] > 10 * 2**20
    assert b["duckdb_settings"] == {"preserve_insertion_order": False}
    assert (tmp_path / bench.BASELINE_FRAME).exists() and (tmp_path / "baseline_attempt1.log").exists()
    assert bench.baseline_retry_lines(b) == []


def test_an_out_of_memory_baseline_is_retried_once_in_a_new_child(tiny_db, tmp_path, monkeypatch, capsys):
    import pandas as pd

    commands = []
    command = bench._baseline_command

    def first_runs_out_of_memory(db, settings, out_dir):
        # the first child gets a memory limit no query fits in: DuckDB's OutOfMemoryException
        commands.append(settings)
        return command(db, {**settings, "memory_limit": "1KB"} if len(commands) == 1 else settings, out_dir)

    monkeypatch.setattr(bench, "_baseline_command", first_runs_out_of_memory)
    con, b, plain = bench.run_baselines(tiny_db, {"threads": 1}, tmp_path)
    try:
        direct = _direct(con)
    finally:
        con.close()
    assert commands == [{"threads": 1}, {"threads": 1}]  # the retry changes nothing
    pd.testing.assert_frame_equal(_sorted(plain), direct)
    first, second = b["attempts"]
    assert not first["ok"] and first["out_of_memory"] and first["returncode"] == 1
    assert first["error"].startswith("OutOfMemoryException after ")
    assert second["ok"] and second["error"] is None
    assert b["seconds"] == second["seconds"] and b["peak_rss_bytes"] == second["peak_rss_bytes"]
    assert all(x["peak_rss_bytes"] > 0 and x["seconds"] >= 0 for x in b["attempts"])
    assert "retrying in a new process" in capsys.readouterr().out
    lines = "\n".join(bench.baseline_retry_lines(b))
    assert "(b) needed a retry: 1 of 2 attempts failed" in lines and "attempt 1: OutOfMemoryException" in lines


def test_a_baseline_error_other_than_out_of_memory_is_not_retried(tiny_db, tmp_path):
    with pytest.raises(bench.BaselineFailed) as failed:
        bench.run_baselines(tiny_db, {"no_such_setting": 1}, tmp_path)
    [attempt] = failed.value.attempts
    assert not attempt["ok"] and not attempt["out_of_memory"]
    assert attempt["error"].startswith("settings: CatalogException")


def test_a_failed_baseline_keeps_a2_in_the_results(tiny_db, tmp_path, monkeypatch, capsys):
    """Both attempts out of memory: status baseline_failed, exit code 3, and the JSON and printout hold (a), (a2)
    and every attempt's error (dbt is not run: its two builds are stood in for)."""
    import argparse

    def fake_dbt(workdir, db, echo, project_dir, threads, exclude=bench.EXCLUDE, full_refresh=False, label="(a)"):
        seconds = 30.0 if label == "(a)" else 20.0
        return {"seconds": seconds, "returncode": 0, "peak_rss_bytes": 2**30, "model_seconds_sum": seconds / 2}

    monkeypatch.setattr(bench, "run_dbt", fake_dbt)
    monkeypatch.setattr(bench, "profile_settings", lambda: {"memory_limit": "1KB"})
    args = argparse.Namespace(seed=42, threads=None, quiet_dbt=True, project_dir=str(bench.REPO))
    ld = {"seconds": 0.1, "rows": {"bench_events": 60}, "db_bytes": tiny_db.stat().st_size}
    data = {"dir": tmp_path, "generated": False, "generate_seconds": 0.0}
    code = bench._measure(args, tmp_path, 1000, "now", data, tiny_db, ld, {"git_head": None, "uncommitted": []})
    assert code == 3
    results = json.loads((tmp_path / "bench_results.json").read_text())
    assert results["status"] == "baseline_failed"
    assert results["a_dbt"]["seconds"] == 30.0 and results["a2_dbt"]["seconds"] == 20.0
    assert results["a2_rows_per_s"] == 1000 / 20.0 and results["ratio_a_a2"] == 1.5
    attempts = results["b_baseline"]["attempts"]
    assert [x["attempt"] for x in attempts] == [1, 2] and not any(x["ok"] for x in attempts)
    assert all(x["error"].startswith("OutOfMemoryException after ") for x in attempts)
    assert results["b_baseline"]["peak_rss_bytes"] == max(x["peak_rss_bytes"] for x in attempts)
    assert "ratio_a_b" not in results
    out = capsys.readouterr().out
    assert "(a2) metric layer: 20.00s wall" in out
    assert "attempt 1: OutOfMemoryException" in out and "attempt 2: OutOfMemoryException" in out


def test_parse_kind_reads_how_dbt_parsed_from_its_log():
    partial = "01:12:29.8 [debug] [MainThread]: Partial parsing enabled: 0 files deleted, 1 files changed."
    unable = "01:12:29.8 [debug] [MainThread]: Unable to do partial parsing because profile has changed"
    assert bench.parse_kind("Running with dbt=1.11\n" + partial + "\n") == "partial"
    assert bench.parse_kind(unable + "\n") == "full (profile has changed)"
    # no saved parse at all (every bench run's own target folder): dbt logs it as a reason; it is a plain full parse
    missing = "[debug] Unable to do partial parsing because saved manifest not found. Starting full parse."
    assert bench.parse_kind(missing + "\n") == "full"
    assert bench.parse_kind("Running with dbt=1.11\nFound 150 models\n") == "full"


def test_run_dbt_starts_from_an_earlier_runs_saved_parse_only_when_asked(monkeypatch, tmp_path):
    """parse_from copies that run's partial_parse.msgpack into the new run's target folder before dbt starts;
    without it the run's folder starts empty (dbt parses from scratch)."""
    earlier = tmp_path / "earlier" / "target"
    earlier.mkdir(parents=True)
    (earlier / "partial_parse.msgpack").write_bytes(b"saved parse")
    seen = {}

    def fake_child(cmd, env, log_path, echo=None, cwd=None):
        target = Path(cmd[cmd.index("--target-path") + 1])
        logs = Path(cmd[cmd.index("--log-path") + 1])
        saved = target / "partial_parse.msgpack"
        seen[target] = saved.read_bytes() if saved.exists() else None
        logs.mkdir(parents=True, exist_ok=True)
        line = "Partial parsing enabled: 0 files deleted" if saved.exists() else "Found 150 models"
        (logs / "dbt.log").write_text(line + "\n")
        (target / "run_results.json").write_text(json.dumps({"results": [], "elapsed_time": 1.0}))
        log_path.write_text("")
        return {"seconds": 1.0, "returncode": 0, "peak_rss_bytes": 1, "rss_samples": []}

    monkeypatch.setattr(bench, "_run_child", fake_child)
    again = bench.run_dbt(tmp_path / "again", tmp_path / "db.duckdb", False, parse_from=earlier)
    cold = bench.run_dbt(tmp_path / "cold", tmp_path / "db.duckdb", False)
    assert seen == {tmp_path / "again" / "dbt" / "target": b"saved parse", tmp_path / "cold" / "dbt" / "target": None}
    assert (again["parse"], cold["parse"]) == ("partial", "full")


def test_bench_incremental_reports_the_daily_run_with_each_parse():
    """With --partial-parse the report has a second block for the same daily run: dbt's parse of each run, and each
    run's own ratio to the full build against the target."""
    from corridor_tools.bench_incremental import report

    def run(seconds, parse):
        return {"seconds": seconds, "model_seconds_sum": seconds / 2, "peak_rss_bytes": 2**30, "parse": parse,
                "slowest_models": [{"node": "m", "seconds": 1.0}], "nodes": []}  # fmt: skip

    rows = {"bench_events": 1000, "bench_outcomes": 900}
    scenario = {"rows_incremental": rows, "delivered_events": 100, "late_events": 3, "delivered_outcomes": 90,
                "incremental": run(12.0, "full"), "ratio_wall": 0.12, "ratio_model": 0.11,
                "incremental_partial_parse": run(9.5, "partial"), "ratio_wall_partial_parse": 0.095}  # fmt: skip
    res = {"days": 2, "events_per_day": 500, "lookback_days": 3, "seed": 42, "rows_full": rows,
           "machine": {"cpus": 2, "mem_gib": 24}, "versions": {"duckdb": "x", "dbt-core": "y"},
           "project": {"git_head": "abc", "uncommitted": False}, "full": run(100.0, "full"),
           "scenarios": {"lookback": scenario}}  # fmt: skip
    text = report(res)
    assert "the daily run, parsing the project from scratch (dbt's parse: full):" in text
    assert "the same daily run in the full build's project folder (dbt's parse: partial):" in text
    ratios = [line for line in text.splitlines() if "ratio incremental / full (wall)" in line]
    assert "0.120" in ratios[0] and ratios[0].endswith("target <= 0.100: NOT MET")
    assert "0.095" in ratios[1] and ratios[1].endswith("target <= 0.100: MET")
    del scenario["incremental_partial_parse"]
    assert "project folder" not in report(res)
