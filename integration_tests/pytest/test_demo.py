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


def test_demo_bayesian_normal_normal_known_answers(demo):
    """Normal-Normal updating (the demo's log-loss rule): precision-weighted posterior, z credible
    interval and the posterior probability of being worse than the relative tolerance."""
    import numpy as np
    from scipy import stats

    keys = "model_id, model_version, metric, segment_dimension, segment_value, window_grain, window_start"
    rows = query(
        demo["path"],
        f"""
        select b.*, o.standard_error as offline_se, p.standard_error as production_se, r.warn_tolerance
        from int_corridor__bayesian_checks as b
        inner join int_corridor__offline_estimates_aligned as o using ({keys})
        inner join int_corridor__production_metrics as p using ({keys})
        inner join stg_corridor__rules as r using (rule_id, rule_version)
        where b.method = 'normal_normal'
        """,
    )
    assert len(rows) > 10
    prior_precision = 1 / rows.offline_se**2
    data_precision = 1 / rows.production_se**2
    mean = (prior_precision * rows.expected_value + data_precision * rows.production_value) / (
        prior_precision + data_precision
    )
    sd = 1 / np.sqrt(prior_precision + data_precision)
    np.testing.assert_allclose(rows.posterior_mean, mean, rtol=1e-12)
    np.testing.assert_allclose(rows.posterior_sd, sd, rtol=1e-12)
    np.testing.assert_allclose(rows.credible_upper, mean + stats.norm.ppf(0.975) * sd, rtol=1e-12)
    relative = rows.comparison_kind == "relative"
    margin = np.abs(np.where(relative, rows.warn_tolerance * rows.expected_value, rows.warn_tolerance))
    np.testing.assert_allclose(rows.warn_margin, margin, rtol=1e-12)
    worse = np.where(
        rows.direction == "lower_is_better",
        stats.norm.sf(rows.expected_value + margin, mean, sd),
        stats.norm.cdf(rows.expected_value - margin, mean, sd),
    )
    np.testing.assert_allclose(rows.prob_worse_than_warn, worse, atol=2e-7)


def test_demo_has_every_interval_kind(demo):
    methods = query(demo["path"], "select distinct interval_method from corridor_metric_intervals")
    assert set(methods.interval_method) == {
        "wilson",
        "clopper_pearson",
        "normal",
        "order_statistic",
        "sql_poisson_bootstrap_percentile",
        "bootstrap_percentile",
        "bootstrap_bca",
    }
