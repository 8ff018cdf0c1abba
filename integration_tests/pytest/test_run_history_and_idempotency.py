"""The audit trail: one run-history row per build, kept across --full-refresh,
with fingerprints that change exactly when configuration or rules change; and
two builds in a row give identical results."""

from __future__ import annotations

import json

import corridor
import pytest
import yaml
from conftest import query
from corridor.dbt_runner import INTEGRATION_DIR
from make_fixtures import build

pytestmark = pytest.mark.dbt

RESULT_SQL = "select * exclude (observation_id) from corridor_metric_observations order by all"
# intervals whose bounds come from SQL sums (beta series, sufficient statistics): equal to the last bit
INTERVAL_SQL = [
    "select * from corridor_metric_intervals order by all",
    "select * from int_corridor__exact_intervals order by all",
    "select * from int_corridor__bayesian_checks order by all",
]


def _intervals(path):
    return [query(path, sql) for sql in INTERVAL_SQL]


def test_history_survives_full_refresh_and_results_are_idempotent(integration_duckdb_copy):
    path, dbt = integration_duckdb_copy["path"], integration_duckdb_copy["dbt"]
    first = query(path, RESULT_SQL)
    first_intervals = _intervals(path)
    before = query(path, "select * from corridor_run_history order by started_at")
    assert len(before) == 1

    dbt("build")
    second = query(path, RESULT_SQL)
    assert first.equals(second), "a second dbt build changed the results"
    for sql, a, b in zip(INTERVAL_SQL, first_intervals, _intervals(path), strict=True):
        assert len(a) > 0 and a.equals(b), f"a second dbt build changed the bounds of: {sql}"

    dbt("build", "--full-refresh")
    third = query(path, RESULT_SQL)
    assert first.equals(third), "a full refresh changed the results"
    for sql, a, b in zip(INTERVAL_SQL, first_intervals, _intervals(path), strict=True):
        assert a.equals(b), f"a full refresh changed the bounds of: {sql}"

    history = query(path, "select * from corridor_run_history order by started_at")
    assert len(history) == 3
    assert history["invocation_id"].is_unique
    assert set(history["run_status"]) == {"success"}
    assert history["config_fingerprint"].nunique() == 1
    assert history["rules_fingerprint"].nunique() == 1
    assert (history["finished_at"] > history["started_at"]).all()
    assert set(history["dbt_version"]) == {"1.11.16"} or history["dbt_version"].str.startswith("1.11").all()
    assert set(history["corridor_version"]) == {corridor.__version__}
    assert set(history["model_versions"]) == {"basket_risk:r1,basket_risk:r2"}
    config = json.loads(history["config_json"].iloc[-1])
    assert config["inputs"]["production_events"]["columns"]["event_id"] == "request_uuid"
    assert config["inputs"]["reference_features"]["enabled"] is False

    nodes = query(
        path,
        "select * from corridor_run_model_history where invocation_id = ?",
        [history["invocation_id"].iloc[-1]],
    ).set_index("node_name")
    # rows read = the input relation's rows; rows written = what the model holds
    raw = build()["raw_inference_log"]
    assert nodes.loc["stg_corridor__production_events", "rows_read"] == len(raw)
    assert nodes.loc["stg_corridor__production_events", "rows_written"] == len(raw)
    assert nodes.loc["int_corridor__events_enriched", "rows_written"] == raw["request_uuid"].nunique() < len(raw)
    obs = query(path, "select count(*) as n from corridor_metric_observations")["n"][0]
    assert nodes.loc["corridor_metric_observations", "rows_written"] == obs
    per_node = json.loads(history["model_row_counts"].iloc[-1])
    assert {row["node_name"] for row in per_node} == set(nodes.index)


def test_fingerprints_follow_configuration_and_rules(integration_duckdb_copy):
    path, dbt = integration_duckdb_copy["path"], integration_duckdb_copy["dbt"]
    base = query(path, "select config_fingerprint, rules_fingerprint from corridor_run_history order by started_at")
    last_config, last_rules = base.iloc[-1]
    dbt("run", "--select", "stg_corridor__rules", "corridor_run_history", vars={"corridor_confidence_level": 0.9})
    changed = query(
        path, "select config_fingerprint, rules_fingerprint from corridor_run_history order by started_at"
    ).iloc[-1]
    assert changed["config_fingerprint"] != last_config
    assert changed["rules_fingerprint"] == last_rules

    # same configuration, different rules content: only the rules fingerprint moves
    con_sql = "create or replace table main.hypotheses_v2 as select * replace ('0.04' as warn_at) from main.hypotheses"
    import duckdb

    con = duckdb.connect(str(path))
    con.execute(con_sql)
    con.close()
    project = yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())
    columns = project["vars"]["corridor_rules"]["columns"]
    rules_var = {"corridor_rules": {"relation": "main.hypotheses_v2", "columns": columns}}
    dbt("run", "--select", "stg_corridor__rules", "corridor_run_history", vars=rules_var)
    moved = query(
        path, "select config_fingerprint, rules_fingerprint from corridor_run_history order by started_at"
    ).iloc[-1]
    assert moved["rules_fingerprint"] != last_rules


def test_a_run_whose_tests_failed_is_not_success(demo_build):
    """The demo's rules of error severity have open alerts, so dbt tests fail: the run built every model and is
    recorded as tests_failed (not success), and it is still published (docs/audit.md)."""
    last = query(demo_build["path"], "select * from corridor_run_history order by started_at desc limit 1").iloc[0]
    assert last["run_status"] == "tests_failed"
    assert last["nodes_failed"] == 0
    published = query(demo_build["published"], "select invocation_id, run_status from corridor_run_history")
    assert last["invocation_id"] in set(published["invocation_id"])
