"""A stranger's project: a fresh dbt project that installs corridor by local path, as a new team would,
with its own names, a regression model, no latency and no error column, no entity column, segments
unlike the demo's, and only the required mapping in its vars. It must be green on the first
`dbt build`, build nothing of the demo, and leave out (not fake) what its data cannot support."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import query, upstream_of
from corridor.dbt_runner import REPO_ROOT, run_dbt

pytestmark = pytest.mark.dbt

PROJECT_YML = """
name: churn_watch
version: "1.0.0"
config-version: 2
profile: churn_watch
vars:
  corridor_model_type: regression
  corridor_segment_columns: {{plan: plan_tier}}
  corridor_production_events:
    relation: main.scoring_log
    columns: {{event_id: req, event_at: scored_at, model_id: model, model_version: release, predicted_value: forecast}}
  corridor_outcomes:
    relation: main.actuals
    columns: {{event_id: req, label: actual_days}}
  corridor_offline_estimates:
    relation: main.backtest
  corridor_rules:
    relation: main.hypotheses
{extra}
"""

PROFILES_YML = """
churn_watch:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "{path}"
      schema: main
      threads: 2
"""

SIGMA = 2.0
N = 1500


def _write_inputs(path: Path, statuses: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(20261130)
    # the last three whole days (UTC), so freshness holds as it would for a live project
    t0 = pd.Timestamp.now(tz="UTC").tz_localize(None).floor("D") - pd.Timedelta(days=3)
    events = pd.DataFrame(
        {
            "req": [f"r{i:05d}" for i in range(N)],
            "scored_at": t0 + pd.to_timedelta(np.sort(rng.uniform(0, 3 * 86400, N)), unit="s"),
            "model": "churn_days",
            "release": "r7",
            "plan_tier": rng.choice(["free", "pro", "team"], N, p=[0.6, 0.3, 0.1]),
            "forecast": np.round(rng.normal(40, 8, N), 4),
        }
    )
    if statuses:
        events["http_status"] = rng.choice([200, 200, 200, 200, 503, 404], N)
    actuals = pd.DataFrame(
        {"req": events["req"], "actual_days": np.round(events["forecast"] + rng.normal(0, SIGMA, N), 4)}
    )
    backtest = pd.DataFrame(
        [
            {
                "model_id": "churn_days",
                "model_version": "r7",
                "metric": "mae",
                "window_grain": "day",
                # E|X| of N(0, sigma^2): the backtest is right, so the rule should pass
                "expected_value": SIGMA * np.sqrt(2 / np.pi),
                "standard_error": 0.05,
            }
        ]
    )
    hypotheses = pd.DataFrame(
        [
            {"rule_id": "mae-holds", "metric": "mae", "comparison_kind": "absolute", "owner": "churn-team"},
            # this project has no latency column: the rule is reported, not evaluated on faked values
            {"rule_id": "p95-latency", "metric": "latency_p95", "comparison_kind": "absolute", "owner": "churn-team"},
        ]
    )
    # a registry written for corridor: its optional columns carry corridor's names and need no mapping
    hypotheses = hypotheses.assign(
        direction="lower_is_better", warn_tolerance=0.3, fail_tolerance=0.6, severity="medium", window_grain="day"
    )
    con = duckdb.connect(str(path))
    for name, df in [("scoring_log", events), ("actuals", actuals), ("backtest", backtest), ("hypotheses", hypotheses)]:
        con.register("df", df)
        con.execute(f"create or replace table main.{name} as select * from df")
        con.unregister("df")
    con.close()
    return events


def _project(tmp_path: Path, extra: str = "") -> tuple[Path, Path]:
    project = tmp_path / "churn_watch"
    project.mkdir()
    path = tmp_path / "churn.duckdb"
    (project / "dbt_project.yml").write_text(PROJECT_YML.format(extra=extra))
    (project / "packages.yml").write_text(f"packages:\n  - local: {REPO_ROOT}\n")
    (project / "profiles.yml").write_text(PROFILES_YML.format(path=path))
    return project, path


def _dbt(project: Path, tmp_path: Path, *args: str, vars: dict | None = None):
    env = {
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
        "CORRIDOR_PSEUDONYM_KEY": "",  # this project has no entity column, so it needs no key
        "CORRIDOR_DUCKDB_PATH": "",
    }
    return run_dbt(list(args), project_dir=project, env=env, vars=vars)


def test_first_build_of_a_strangers_project_is_green(tmp_path):
    project, path = _project(tmp_path)
    events = _write_inputs(path)
    assert _dbt(project, tmp_path, "deps").ok
    build = _dbt(project, tmp_path, "build")
    assert build.ok, build.output[-5000:]
    assert "corridor run summary" in build.output and "rule issues  1 invalid rules" in build.output

    tables = set(query(path, "select table_name from information_schema.tables")["table_name"])
    assert not any(t.startswith("corridor_demo") for t in tables), "the demo seeds must not load in a user's project"
    # the Python bootstrap is off outside the demo: not built, the SQL intervals remain
    assert "corridor_bootstrap_intervals" not in tables and "int_corridor__bootstrap_intervals" not in tables
    methods = set(query(path, "select distinct interval_method from corridor_metric_intervals")["interval_method"])
    assert "sql_poisson_bootstrap_percentile" in methods and not methods & {"bootstrap_percentile", "bootstrap_bca"}

    metrics = set(query(path, "select distinct metric from corridor_metric_observations")["metric"])
    assert {"mae", "rmse", "request_count", "label_maturity"} <= metrics
    assert not {m for m in metrics if m.startswith("latency") or m == "error_rate"}, metrics
    gates = set(query(path, "select distinct check_name from corridor_quality_gates")["check_name"])
    assert "null_rate_event_id" in gates and not {"null_rate_latency_ms", "null_rate_is_error"} & gates

    segments = query(path, "select distinct segment_dimension, segment_value from corridor_metric_observations")
    assert set(map(tuple, segments.values.tolist())) == {
        ("all", "all"),
        ("plan", "free"),
        ("plan", "pro"),
        ("plan", "team"),
    }
    day = query(
        path,
        "select sum(sample_size) as n from corridor_metric_observations where source = 'production' "
        "and metric = 'request_count' and window_grain = 'day' and segment_dimension = 'all'",
    )["n"][0]
    assert day == len(events)

    results = query(path, "select status, count(*) as n from corridor_validation_results group by 1")
    by_status = dict(zip(results["status"], results["n"], strict=True))
    assert by_status.get("pass", 0) >= 3 and "fail" not in by_status, by_status
    issues = query(path, "select rule_id, issue_level, problem_codes, reason from corridor_rule_issues")
    latency = issues[issues["rule_id"] == "p95-latency"]
    assert latency["problem_codes"].tolist() == ["unmapped_metric"] and "latency_ms" in latency["reason"].iloc[0]
    assert (issues["rule_id"] == "mae-holds").sum() == 0
    # the invalid rule surfaces in dbt build as a warning (default severity), not only in a table
    assert "WARN 1 corridor_check_rule_issues" in build.output.replace("\x1b[33m", "").replace("\x1b[0m", "")


def test_is_error_as_an_http_status(tmp_path):
    """A status code mapped as is_error never makes every row an error: rows whose value is not boolean-like
    are quarantined with a reason naming the fix, unless corridor_error_status_min says which statuses are
    errors."""
    project, path = _project(tmp_path)
    events = _write_inputs(path, statuses=True)
    assert _dbt(project, tmp_path, "deps").ok
    mapping = {
        "relation": "main.scoring_log",
        "columns": {
            "event_id": "req",
            "event_at": "scored_at",
            "model_id": "model",
            "model_version": "release",
            "predicted_value": "forecast",
            "is_error": "http_status",
        },
    }
    # what the test reads and its upstream, the quarantine check with it (the whole first build of a stranger's
    # project is test_first_build_of_a_strangers_project_is_green's claim)
    read = upstream_of("corridor_quarantine", "corridor_metric_observations", "int_corridor__input_accounting")
    build = _dbt(project, tmp_path, "build", *read, vars={"corridor_production_events": mapping})
    assert build.ok, build.output[-5000:]
    quarantined = query(path, "select input_name, reason_codes, count(*) as n from corridor_quarantine group by 1, 2")
    assert sorted(quarantined.itertuples(index=False, name=None)) == [
        ("outcomes", "event_not_accepted", len(events)),  # their events were quarantined: every row accounted for
        ("production_events", "is_error_not_boolean", len(events)),  # 200, 404, 503: none is boolean-like
    ]
    assert "corridor_check_quarantine" in build.output

    build = _dbt(
        project,
        tmp_path,
        "build",
        *read,
        vars={"corridor_production_events": mapping, "corridor_error_status_min": 500},
    )
    assert build.ok, build.output[-5000:]
    assert query(path, "select count(*) as n from corridor_quarantine")["n"][0] == 0
    rate = query(
        path,
        "select sum(metric_value * sample_size) as errors, sum(sample_size) as n from corridor_metric_observations "
        "where source = 'production' and metric = 'error_rate' and window_grain = 'day' and segment_dimension = 'all'",
    )
    assert round(rate["errors"][0]) == int((events["http_status"] >= 500).sum()) and rate["n"][0] == len(events)


def test_misspelled_var_in_a_project_file(tmp_path):
    project, path = _project(tmp_path, extra="  corridor_segments_columns: [plan_tier]\n")
    _write_inputs(path)
    assert _dbt(project, tmp_path, "deps").ok
    build = _dbt(project, tmp_path, "build")
    assert not build.ok
    assert "unknown var 'corridor_segments_columns'. Did you mean 'corridor_segment_columns'?" in build.output


def test_vars_scoped_to_corridor_reach_its_models_and_not_the_projects(tmp_path):
    """corridor.setting caches a value per invocation and per package of the calling node: a var set for the
    corridor package only reaches corridor's models, while the project's own model calling the same macro in the
    same invocation gets the global value (dbt's package-scoped vars), in both orders of compilation."""
    scoped = "  corridor:\n    corridor_confidence_level: 0.8\n    corridor_bootstrap_seed: 7\n"
    project, path = _project(tmp_path, extra=scoped)
    _write_inputs(path)
    (project / "models").mkdir()
    (project / "models" / "settings_probe.sql").write_text(
        "select {{ corridor.setting('corridor_confidence_level') }} as confidence_level, "
        "{{ corridor.setting('corridor_bootstrap_seed') }} as seed"
    )
    assert _dbt(project, tmp_path, "deps").ok
    run = _dbt(project, tmp_path, "run", "--select", "settings_probe", "int_corridor__interval_settings")
    assert run.ok, run.output[-5000:]
    ours = query(path, "select confidence_level, seed from int_corridor__interval_settings")
    theirs = query(path, "select confidence_level, seed from settings_probe")
    assert ours.values.tolist() == [[0.8, 7]]
    assert theirs.values.tolist() == [[0.95, 20261127]]
