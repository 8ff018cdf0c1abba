"""The demo end to end, as `make demo` runs it: it builds on a fresh DuckDB file
that the DuckDB 1.x line can open, prints where the tables are, and the
planted incidents are visible in corridor_metric_observations (their detection
as rule failures belongs to the validation layer)."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import query
from corridor.dbt_runner import REPO_ROOT, run_dbt
from reference_metrics import LABEL_METRICS_BINARY

pytestmark = pytest.mark.dbt


@pytest.fixture(scope="module")
def demo(demo_build):
    """The demo built once per session (conftest.demo_build), shared with test_report.py."""
    return demo_build


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


# --- the validation corridor finds the planted incidents, and stays quiet elsewhere ---------------


def _confirmed(path):
    return query(
        path,
        """
        select rule_id, rule_version, model_version, segment_dimension, segment_value, window_grain,
               window_start, status
        from corridor_validation_results where is_confirmed_breach
        """,
    )


def _alerts(path):
    return query(path, "select * from corridor_alerts")


def test_error_bursts_fail_the_hourly_rules_and_open_alerts_after_their_windows(demo):
    path = demo["path"]
    breaches = _confirmed(path)
    # inc_01 (2026-10-06 14:15-15:00) and inc_02 (2026-10-10 19:30-20:20): the hourly error-rate rule
    # R010 (absolute) and the seasonal p95 rule R012 fail in the hour each burst starts
    for rule in ["R010", "R012"]:
        for start in ["2026-10-06 14:00", "2026-10-10 19:00"]:
            hit = breaches[
                (breaches.rule_id == rule)
                & (breaches.window_start == pd.Timestamp(start))
                & (breaches.model_version == "v1")
            ]
            assert list(hit.status) == ["fail"], (rule, start, hit)
    alerts = _alerts(path)
    r010 = alerts[(alerts.rule_id == "R010") & (alerts.model_version == "v1")].sort_values("first_seen_window_start")
    assert len(r010) == 2 and (r010.severity == "critical").all() and (r010.alert_status == "closed").all()
    first, second = r010.iloc[0], r010.iloc[1]
    # consecutive_windows = 1: opens with the breached hour, closes at the next passing hour
    assert first.opened_window_start == pd.Timestamp("2026-10-06 14:00")
    assert first.closed_window_start == pd.Timestamp("2026-10-06 15:00") and first.windows_breached == 1
    # the second burst (19:30-20:20): 19:00 confirmed; 20:00 (8 % of the hour in the outage) fails
    # unconfirmed, which neither extends nor ends the alert; it closes when 21:00 passes
    assert second.first_seen_window_start == pd.Timestamp("2026-10-10 19:00")
    assert second.closed_window_start == pd.Timestamp("2026-10-10 21:00")
    # R012 needs 2 consecutive confirmed hours: the bursts' single confirmed hours open nothing
    assert alerts[alerts.rule_id == "R012"].empty


def test_latam_drop_fails_latam_only_and_alerts_after_two_days(demo):
    path = demo["path"]
    alerts = _alerts(path)
    for rule in ["R013", "R005"]:  # statistical log loss (high), absolute Brier score (medium)
        got = alerts[(alerts.rule_id == rule)]
        assert set(got.segment_value) == {"latam"}, got[["rule_id", "segment_value"]]
        latest = got[got.model_version == "v2"].iloc[0]
        assert latest.first_seen_window_start == pd.Timestamp("2026-10-14")
        assert latest.opened_window_start == pd.Timestamp("2026-10-15"), (
            "consecutive_windows = 2: opens on the second day"
        )
        assert latest.alert_status == "open" and latest.owner == "fraud-ml-team"
        assert latest.segment_diagnostic.startswith("confined to region=latam: none of the 4 other region values")
        assert "region=latam" in latest.summary and "worst deviation" in latest.summary
    breaches = _confirmed(path)
    latam = breaches[breaches.rule_id.isin(["R013", "R005"])]
    assert (latam.segment_value == "latam").all() and (latam.window_start >= pd.Timestamp("2026-10-12")).all()


def test_android_p95_regression_is_judged_by_rule_version_2(demo):
    path = demo["path"]
    alerts = _alerts(path)
    got = alerts[alerts.rule_id == "R007"]
    assert len(got) == 1
    a = got.iloc[0]
    assert (a.segment_value, a.rule_version, a.alert_status) == ("android", "2", "open")
    assert a.first_seen_window_start >= pd.Timestamp("2026-10-16")
    versions = query(
        path,
        "select rule_version, min(window_start) as first, max(window_start) as last "
        "from corridor_validation_results where rule_id = 'R007' group by 1 order by 1",
    )
    assert list(versions.rule_version) == ["1", "2"]
    assert versions["last"][0] < pd.Timestamp("2026-10-10") == versions["first"][1]


def test_clean_windows_stay_quiet(demo):
    """Every confirmed breach lies in a planted incident: the error-burst days
    (2026-10-06, 2026-10-10), latam from 2026-10-12, android from 2026-10-16, and the
    iOS payment-channel drift (R015 only) from 2026-10-08."""
    b = _confirmed(demo["path"])
    day = b.window_start.dt.normalize()
    explained = (
        day.isin([pd.Timestamp("2026-10-06"), pd.Timestamp("2026-10-10")])
        | ((b.segment_value == "latam") & (b.window_start >= pd.Timestamp("2026-10-12")))
        | ((b.segment_value == "android") & (b.window_start >= pd.Timestamp("2026-10-16")))
        | ((b.rule_id == "R015") & (b.segment_value == "ios") & (b.window_start >= pd.Timestamp("2026-10-08")))
    )
    assert explained.all(), b[~explained]
    results = query(demo["path"], "select status, count(*) as n from corridor_validation_results group by 1")
    counts = dict(zip(results.status, results.n, strict=True))
    assert counts["pass"] > 10 * counts.get("fail", 0)
    issues = query(demo["path"], "select * from corridor_rule_issues where issue_level = 'error'")
    assert issues.empty, issues


def test_demo_prints_the_rules_paths_and_alerts(demo):
    out = demo["output"]
    assert "Rules enforced by dbt tests" in out
    assert "ERROR: R013 v1 FAIL (open, severity high, owner fraud-ml-team)" in out
    assert "WARN: R005 v1 FAIL (open, severity medium" in out
    assert "the demo's error path" in out
    # 3 performance alerts, 4 drift alerts (R014 latam, R015 iOS, each for v1 and v2) and 3 stale-estimate
    # alerts (R002, R003, R004 on v1: docs/lineage.md) open
    assert "Alerts (10 open, 5 closed)" in out
    assert "R002 v1 STALE ESTIMATE (open, owner fraud-offline-eval-team)" in out


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
    # the three inputs, the two feature-lineage inputs (docs/lineage.md), the backtest rows
    # (docs/offline-evaluation.md) and the planted incidents (docs/replay.md)
    assert bool(acc["is_balanced"].all()) and len(acc) == 7
    assert "known_incidents" in set(acc["input_name"])
    assert "day 2026-10-19 00:00:00: fail [duplicate_event_ids,late_events]" in demo["output"]


def test_late_and_duplicated_day_is_blocked_not_a_model_failure(demo):
    """inc_05 (2026-10-19: ~20 % duplicated, ~85 % late): every check of that day is `blocked` with the
    failing gates in its reason, no confirmed breach falls on it, and the alert whose episode spans it
    says so."""
    path = demo["path"]
    day = query(
        path,
        """
        select status, reason, gate_failing_checks from corridor_validation_results
        where window_grain = 'day' and window_start = '2026-10-19' and status not in ('missing')
        """,
    )
    assert len(day) > 10 and (day.status == "blocked").all(), day.status.value_counts()
    assert day.gate_failing_checks.str.contains("duplicate_event_ids").all()
    assert day.gate_failing_checks.str.contains("late_events").all()
    assert day.reason.str.contains("data incident, not a model finding").all()
    other_days = query(
        path,
        "select count(*) as n from corridor_validation_results where window_grain = 'day' and status = 'blocked' "
        "and window_start <> '2026-10-19'",
    )
    assert other_days.n[0] == 0, "clean days are never blocked"
    alerts = _alerts(path)
    r013 = alerts[(alerts.rule_id == "R013") & (alerts.model_version == "v2")].iloc[0]
    assert r013.data_gates_failed and "2026-10-19" in r013.data_gate_diagnostic
    assert "duplicate_event_ids" in r013.data_gate_diagnostic
    clean = alerts[alerts.rule_id.isin(["R007", "R010"])]
    assert (~clean.data_gates_failed).all()
    assert clean.data_gate_diagnostic.str.startswith("data gates passed in all").all()


def test_demo_bayesian_normal_normal_known_answers(demo):
    """Normal-Normal updating (the demo's log-loss rule): precision-weighted posterior, z credible
    interval and the posterior probability of being worse than the relative tolerance."""
    import numpy as np
    from scipy import stats

    keys = "model_id, model_version, metric, segment_dimension, segment_value, window_grain, window_start"
    rows = query(
        demo["path"],
        f"""
        select b.*, o.standard_error as offline_se, p.standard_error as production_se, r.warn_tolerance,
            r.tolerance_unit
        from int_corridor__bayesian_checks as b
        inner join int_corridor__offline_estimates_aligned as o using ({keys})
        inner join int_corridor__production_metrics as p using ({keys})
        inner join int_corridor__rules_checked as r using (rule_id, rule_version)
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
    relative = rows.tolerance_unit == "relative"
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
        "wilson_f1",
        "clopper_pearson_f1",
        "normal",
        "order_statistic",
        "sql_poisson_bootstrap_percentile",
        "bootstrap_percentile",
        "bootstrap_bca",
    }


BIT_IDENTICAL_MODELS = ["int_corridor__exact_intervals", "int_corridor__bayesian_checks", "corridor_metric_intervals"]


def _demo_copy(demo, tmp_path, name):
    """A copy of the demo build and the environment of a dbt run on it (private target and log paths)."""
    import shutil

    copy = tmp_path / name
    shutil.copy(demo["path"], copy)
    env = {
        "CORRIDOR_DUCKDB_PATH": str(copy),
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
    }
    return copy, env


def test_rebuilt_interval_bounds_are_bit_identical(demo, tmp_path):
    """Clopper-Pearson and Bayesian credible bounds rebuilt on the same data agree to the last bit: an
    incremental `dbt run` (int_corridor__exact_intervals recomputes its lookback) on a copy of the demo build.
    The demo's profile loads corridor's plugin, so the bounds are the scipy functions' (corridor_duckdb_udfs
    auto), computed row by row: with the SQL kernel 10 of 101,058 bounds moved by up to 3e-15 (docs/intervals.md)."""
    again, env = _demo_copy(demo, tmp_path, "again.duckdb")
    result = run_dbt(["run", "--select", *BIT_IDENTICAL_MODELS], project_dir=REPO_ROOT, env=env)
    assert result.ok, result.output[-3000:]
    for model in BIT_IDENTICAL_MODELS:
        first = query(demo["path"], f"select * from {model} order by all")
        second = query(again, f"select * from {model} order by all")
        assert len(first) > 0 and first.equals(second), f"{model} differs between two builds of the same data"


@pytest.mark.slow
def test_demo_public_tables_agree_with_and_without_duckdb_udfs(demo, tmp_path):
    """The demo's intervals, Bayesian checks and everything downstream rebuilt with corridor_duckdb_udfs: off
    (the SQL beta kernel, as without corridor's plugin) equal the plugin's build to 1e-9 relative or 1e-9
    absolute (statuses, alerts and names exactly)."""
    from engine_compare import PUBLIC_TABLES, assert_tables_agree

    sql_kernel, env = _demo_copy(demo, tmp_path, "sql_kernel.duckdb")
    selection = ["int_corridor__exact_intervals+", "int_corridor__bayesian_checks+", "--exclude", "tag:corridor_audit"]
    result = run_dbt(
        ["run", "--full-refresh", "--select", *selection],
        project_dir=REPO_ROOT,
        env=env,
        vars={"corridor_duckdb_udfs": "off"},
    )
    assert result.ok, result.output[-3000:]
    tables = {**PUBLIC_TABLES, "corridor_metric_intervals": (None, [])}
    # the tables the beta kernel feeds must hold rows (others, e.g. corridor_rule_issues, are empty in the demo)
    for table in ("corridor_metric_intervals", "corridor_validation_results", "corridor_alerts"):
        assert len(query(demo["path"], f"select * from {table}")) > 0, table
    for table, (keys, ignore) in tables.items():
        udf = query(demo["path"], f"select * from {table}")
        sql = query(sql_kernel, f"select * from {table}")
        # tail probabilities: the SQL series is accurate to ~1e-11 absolute (scipy gives e.g. 9e-91 where the
        # series gives 1.6e-12), hence 1e-9 absolute as in test_postgres's Bayesian comparison
        assert_tables_agree(udf, sql, table, keys=keys, ignore=[*ignore, "invocation_id", "computed_at"], atol=1e-9)


# --- feature drift (issue 15) -----------------------------------------------------------------------------


def test_planted_feature_drifts_are_found_attributed_and_clean_features_stay_quiet(demo):
    """inc_03 (latam amounts in cents from 2026-10-12: the drift behind the latam drop) fails R014 for latam only;
    inc_06 (the iOS payment-channel mix from 2026-10-08, a feature the model does not use) fails R015 for iOS only
    and moves no performance rule on iOS; account ages (R016) and every other segment stay quiet."""
    path = demo["path"]
    planted = query(path, "select * from corridor_demo_planted_incidents").set_index("incident_id")
    breaches = query(
        path,
        "select rule_id, metric, segment_value, window_start from corridor_validation_results"
        " where is_confirmed_breach and comparison_kind = 'drift'",
    )
    for rule, incident in [("R014", "inc_03_latam_accuracy"), ("R015", "inc_06_ios_channel_mix")]:
        got = breaches[breaches.rule_id == rule]
        inc = planted.loc[incident]
        assert len(got) >= 5, rule
        assert set(got.segment_value) == {inc.segment_value}, (rule, got)
        assert got.window_start.min() == pd.Timestamp(inc.starts_at), rule
        assert (got.window_start < pd.Timestamp(inc.ends_at)).all()
    assert planted.loc["inc_06_ios_channel_mix", "metric"] in set(breaches.metric)
    assert breaches[breaches.rule_id == "R016"].empty
    alerts = _alerts(path)
    drift_alerts = alerts[alerts.rule_id.isin(["R014", "R015", "R016"])]
    pairs = set(zip(drift_alerts.rule_id, drift_alerts.segment_value, strict=True))
    assert pairs == {("R014", "latam"), ("R015", "ios")}
    assert (drift_alerts.owner == "feature-platform-team").all()
    assert drift_alerts.escalation_path.str.contains("pagerduty:features").all()
    # the channel drift has no performance effect: no performance breach on iOS
    performance = query(
        path,
        "select count(*) as n from corridor_validation_results where is_confirmed_breach"
        " and comparison_kind <> 'drift' and segment_value = 'ios'",
    )
    assert performance.n[0] == 0
    # corridor_feature_drift itself: the planted windows stand out, the clean ones are within sampling noise
    drift = query(
        path,
        "select feature_name, segment_value, window_start, hellinger, jensen_shannon, n_new_categories"
        " from corridor_feature_drift where window_grain = 'day' and segment_dimension = 'device'"
        " and feature_name = 'payment_channel' and model_version = 'v1'",
    )
    ios_after = drift[(drift.segment_value == "ios") & (drift.window_start >= pd.Timestamp("2026-10-08"))]
    others = drift[(drift.segment_value != "ios") | (drift.window_start < pd.Timestamp("2026-10-08"))]
    assert (ios_after.n_new_categories == 1).all() and (others.n_new_categories == 0).all()
    assert ios_after.jensen_shannon.min() > others.jensen_shannon.max()


def test_planted_feature_version_change_makes_exactly_v1_overall_backtest_checks_stale(demo):
    """account_age_days moves to transform v2 on 2026-10-06 (corridor_demo_feature_versions); v1's overall backtest
    estimates saw v1, v2's saw v2 (docs/lineage.md). Stale: R002, R003, R004 (the rules on overall backtest
    estimates) for v1, every day window from 2026-10-06 to v1's last day, 2026-10-13; nothing else."""
    path = demo["path"]
    stale = query(
        path,
        "select rule_id, model_version, window_grain, window_start, expected_estimate_id, estimate_stale_features,"
        " reason from corridor_validation_results where estimate_is_stale",
    )
    days = pd.date_range("2026-10-06", "2026-10-13", freq="D")
    expected = {(rule, "v1", "day", day) for rule in ["R002", "R003", "R004"] for day in days}
    got = {(r.rule_id, r.model_version, r.window_grain, r.window_start) for r in stale.itertuples()}
    assert got == expected
    assert set(stale.estimate_stale_features) == {"account_age_days v2 (estimate saw v1)"}
    assert stale.expected_estimate_id.str.match(r"est_v1_(recall|auc|precision)_all_all_day").all()
    assert stale.reason.str.contains("estimate is stale").all()
    # v1's windows before the change, and every v2 window, used an estimate that saw what production ran on
    v1_before = query(
        path,
        "select count(*) as n from corridor_validation_results where rule_id in ('R002', 'R003', 'R004')"
        " and model_version = 'v1' and window_start < '2026-10-06' and not estimate_is_stale",
    )["n"][0]
    assert v1_before == 3 * 5
    alerts = query(path, "select * from corridor_alerts where alert_kind = 'stale_estimate'")
    assert sorted(alerts.rule_id) == ["R002", "R003", "R004"]
    assert set(alerts.owner) == {"fraud-offline-eval-team"} and set(alerts.model_version) == {"v1"}
    assert (alerts.first_seen_window_start == pd.Timestamp("2026-10-06")).all()
    assert (alerts.windows_breached == 8).all() and (alerts.alert_status == "open").all()
    assert alerts.summary.str.contains("offline estimator needs a refresh").all()
    lineage = query(
        path,
        "select side, feature_name, feature_version, upstream_source from corridor_check_lineage"
        " where is_mismatch group by all",
    )
    assert set(map(tuple, lineage.to_numpy())) == {
        ("production", "account_age_days", "v2", "crm.accounts.first_verified_purchase_at"),
        ("offline", "account_age_days", "v1", "crm.accounts.created_at"),
    }


DEMO_SEEDS = REPO_ROOT / "seeds" / "demo"


def _backtest_seed() -> pd.DataFrame:
    return pd.read_csv(DEMO_SEEDS / "corridor_demo_offline_evaluation.csv")


def test_demo_backtest_is_the_offline_evaluation_source(demo):
    """The demo reads its backtest seed (corridor_demo_offline_evaluation, docs/offline-evaluation.md): the
    offline_evaluation source of every window is the seed's metric, computed here with pandas and scikit-learn."""
    from sklearn.metrics import roc_auc_score

    path = demo["path"]
    accounting = query(path, "select * from corridor_input_accounting where input_name = 'offline_evaluation'")
    assert accounting[["rows_read", "rows_accepted", "rows_quarantined"]].values.tolist() == [[20000, 20000, 0]]
    obs = query(
        path,
        """
        select model_version, segment_dimension, segment_value, metric, window_grain, count(*) as windows,
            min(metric_value) as lo, max(metric_value) as hi, min(sample_size) as n_lo, max(sample_size) as n_hi
        from corridor_metric_observations
        where source = 'offline_evaluation' and segment_value in ('all', 'latam', 'ios')
        group by all
        """,
    )
    assert set(obs.window_grain) == {"hour", "day", "week"}
    assert set(obs.metric) == set(LABEL_METRICS_BINARY)
    # the backtest has no time: one value in every window of every grain
    assert (obs.lo == obs.hi).all() and (obs.n_lo == obs.n_hi).all()
    got = obs.groupby(["model_version", "segment_value", "metric"]).agg(value=("lo", "first"), n=("n_lo", "first"))
    seed = _backtest_seed()
    for (version, segment), rows in [
        *(((v, "all"), g) for v, g in seed.groupby("model_version")),
        *(((v, "latam"), g[g.region == "latam"]) for v, g in seed.groupby("model_version")),
        *(((v, "ios"), g[g.device == "ios"]) for v, g in seed.groupby("model_version")),
    ]:
        score, label = rows.predicted_score, rows.label
        expected = {
            "accuracy": (rows.predicted_class == label).mean(),
            "brier_score": ((score - label) ** 2).mean(),
            # production's score bins: round(score x 1000), half away from zero
            "auc": roc_auc_score(label, (score * 1000 + 0.5).apply(math.floor)),
            "recall": (rows.predicted_class[label == 1] == 1).mean(),
        }
        for metric, value in expected.items():
            assert got.loc[(version, segment, metric), "value"] == pytest.approx(value, abs=1e-12), (
                version,
                segment,
                metric,
            )
        assert got.loc[(version, segment, "accuracy"), "n"] == len(rows)


def test_demo_feature_adjusted_source_reweights_the_backtest(demo):
    """offline_feature_adjusted in the demo (all traffic, hourly): the backtest rows weighted by
    min(p_c / q_c, corridor_feature_weight_cap = 10) over the joint feature cells, computed here with pandas from the
    seeds and the drift bins' edges (int_corridor__feature_reference_bins). Exactly the windows whose every
    production cell has backtest rows get a row (215 of 648, docs/offline-evaluation.md#coverage-in-the-demo);
    no day or week window is covered."""
    path = demo["path"]
    bins = query(path, "select * from int_corridor__feature_reference_bins")
    features = {
        "txn_amount": "feature_txn_amount",
        "account_age_days": "feature_account_age_days",
        "payment_channel": "feature_payment_channel",
    }

    def cells(frame: pd.DataFrame, version: str) -> pd.Series:
        parts = []
        for name, column in features.items():
            b = bins[(bins.model_version == version) & (bins.feature_name == name)].sort_values("bin_index")
            values = frame[column]
            if b.feature_type.iloc[0] == "numeric":
                # bin k holds [edge k, edge k + 1), bin 0 everything below the first edge
                k = np.searchsorted(b.bin_lower.to_numpy()[1:], values.to_numpy(), side="right").astype(str)
                parts.append(np.where(values.isna(), "(missing)", k))
            else:
                kept = set(b.category.dropna())
                parts.append(np.where(values.isna(), "(missing)", np.where(values.isin(kept), values, "(other)")))
        return pd.Series(["|".join(t) for t in zip(*parts, strict=True)], index=frame.index)

    events = pd.read_csv(DEMO_SEEDS / "corridor_demo_production_events.csv", parse_dates=["event_at"])
    events = events.drop_duplicates("event_id")
    seed = _backtest_seed()
    expected = {}
    for version in ["v1", "v2"]:
        rows = seed[seed.model_version == version]
        row_cells = cells(rows, version)
        correct = (rows.predicted_class == rows.label).astype(float).groupby(row_cells).sum()
        q = row_cells.value_counts()
        q_share = q / q.sum()
        production = events[events.model_version == version]
        counts = pd.crosstab(production.event_at.dt.floor("h"), cells(production, version))
        p = counts.div(counts.sum(axis=1), axis=0)
        covered = p.loc[:, ~p.columns.isin(q.index)].sum(axis=1) == 0
        shared = p.columns[p.columns.isin(q.index)]
        w = (p[shared] / q_share[shared]).clip(upper=10)
        value = (w * correct[shared]).sum(axis=1) / (w * q[shared]).sum(axis=1)
        kish = (w * q[shared]).sum(axis=1) ** 2 / (w**2 * q[shared]).sum(axis=1)
        for hour in p.index[covered]:
            expected[(version, hour)] = (value[hour], round(kish[hour]))
    got = query(
        path,
        "select model_version, window_grain, window_start, metric_value, sample_size from corridor_metric_observations"
        " where source = 'offline_feature_adjusted' and segment_dimension = 'all' and metric = 'accuracy'",
    )
    assert set(got.window_grain) == {"hour"}
    assert len(expected) == 215
    assert {(r.model_version, r.window_start) for r in got.itertuples()} == set(expected)
    for r in got.itertuples():
        value, n = expected[(r.model_version, r.window_start)]
        assert r.metric_value == pytest.approx(value, abs=1e-12)
        assert r.sample_size == n
