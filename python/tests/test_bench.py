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
    assert results["a_dbt"]["model_seconds_sum"] > 0
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
