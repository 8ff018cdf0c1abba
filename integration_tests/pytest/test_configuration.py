"""Inputs are configuration, not code: a regression model with its own relation
and column names builds, and every misconfiguration fails with a message that
names the var and what was expected."""

from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query, upstream_of
from corridor.dbt_runner import REPO_ROOT
from reference_metrics import expected_production_metrics

pytestmark = pytest.mark.dbt

KEYS = ["model_id", "model_version", "metric", "segment_dimension", "segment_value", "window_grain", "window_start"]


def _regression_inputs(path):
    rng = np.random.default_rng(11)
    n = 900
    t0 = pd.Timestamp("2026-05-04")
    events = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(n)],
            "ts": t0 + pd.to_timedelta(np.sort(rng.uniform(0, 4 * 86400, n)), unit="s"),
            "model": "eta_minutes",
            "version": "2026.05",
            "zone": rng.choice(["north", "south", "harbour"], n, p=[0.5, 0.4, 0.1]),
            "ms": np.round(rng.gamma(2.0, 30.0, n), 3),
            "err": rng.random(n) < 0.02,
            "eta_pred": np.round(rng.normal(25, 6, n), 4),
        }
    )
    outcomes = pd.DataFrame(
        {
            "id": events["id"],
            "eta_actual": np.round(events["eta_pred"] + rng.normal(0.5, 3.0, n), 4),
            "at": events["ts"] + pd.Timedelta(hours=1),
        }
    ).sample(frac=0.8, random_state=3)
    offline = pd.DataFrame(
        [
            {
                "model_id": "eta_minutes",
                "model_version": "2026.05",
                "metric": "mae",
                "window_grain": "day",
                "expected_value": 2.4,
                "standard_error": 0.1,
            }
        ]
    )
    rules = pd.DataFrame([{"rule_id": "mae-day", "metric": "mae", "comparison_kind": "absolute", "owner": "eta-team"}])
    con = duckdb.connect(str(path))
    for name, df in [("trips", events), ("trip_outcomes", outcomes), ("eta_offline", offline), ("eta_rules", rules)]:
        con.register("df", df)
        con.execute(f"create or replace table main.{name} as select * from df")
        con.unregister("df")
    con.close()
    return events, outcomes


REGRESSION_VARS = {
    "corridor_load_demo_seeds": False,
    "corridor_model_type": "regression",
    "corridor_segment_columns": ["zone"],
    "corridor_feature_columns": [],
    "corridor_production_events": {
        "relation": "main.trips",
        "columns": {
            "event_id": "id",
            "event_at": "ts",
            "loaded_at": None,
            "model_id": "model",
            "model_version": "version",
            "entity_id": None,
            "latency_ms": "ms",
            "is_error": "err",
            "predicted_score": None,
            "predicted_class": None,
            "predicted_value": "eta_pred",
        },
    },
    "corridor_outcomes": {
        "relation": "main.trip_outcomes",
        "columns": {"event_id": "id", "label": "eta_actual", "label_arrived_at": "at"},
    },
    "corridor_offline_estimates": {
        "relation": "main.eta_offline",
        "columns": {
            # optional columns are unmapped (null) unless named: this one is
            "standard_error": "standard_error",
            "estimate_id": None,
            "segment_dimension": None,
            "segment_value": None,
            "interval_lower": None,
            "interval_upper": None,
            "confidence_level": None,
            "method": None,
            "estimator_version": None,
            "evaluation_dataset_id": None,
            "produced_at": None,
            "valid_from": None,
            "valid_to": None,
        },
    },
    "corridor_rules": {
        "relation": "main.eta_rules",
        "columns": {
            k: None
            for k in [
                "hypothesis",
                "segment_dimension",
                "segment_value",
                "window_grain",
                "direction",
                "warn_tolerance",
                "fail_tolerance",
                "min_sample_size",
                "consecutive_windows",
                "escalation_path",
                "severity",
                "rule_version",
                "valid_from",
            ]
        },
    },
    "corridor_reference_features": None,
}


def test_regression_model_with_its_own_names(root_dbt):
    dbt, path = root_dbt
    events, outcomes = _regression_inputs(path)
    dbt("build", "--exclude", "resource_type:seed", vars=REGRESSION_VARS)
    merged = events.merge(outcomes, on="id", how="left")
    reference = pd.DataFrame(
        {
            "model_id": merged["model"],
            "model_version": merged["version"],
            "event_at": merged["ts"],
            "latency_ms": merged["ms"],
            "is_error": merged["err"],
            "predicted_value": merged["eta_pred"],
            "label": merged["eta_actual"],
            "zone": merged["zone"],
        }
    )
    expected = expected_production_metrics(reference, segments=["zone"], model_type="regression")
    actual = query(path, "select * from corridor_metric_observations where source = 'production'")
    assert set(actual.metric) == {
        "request_count",
        "throughput_per_hour",
        "error_rate",
        "latency_mean",
        "latency_p50",
        "latency_p95",
        "latency_p99",
        "slow_request_rate",
        "label_maturity",
        "mae",
        "rmse",
    }
    both = expected.merge(actual, on=KEYS, how="outer", indicator=True, suffixes=("_exp", "_act"))
    assert (both["_merge"] == "both").all()
    for column in ["metric_value", "sample_size", "standard_error", "interval_lower", "interval_upper"]:
        exp = pd.to_numeric(both[f"{column}_exp"], errors="coerce").to_numpy(dtype=float)
        act = pd.to_numeric(both[f"{column}_act"], errors="coerce").to_numpy(dtype=float)
        assert (np.isnan(exp) == np.isnan(act)).all(), column
        ok = ~np.isnan(exp)
        np.testing.assert_allclose(act[ok], exp[ok], rtol=1e-9, atol=1e-9, err_msg=column)
    # the offline estimate with only an expected value and a standard error is aligned to all 4 days
    offline = query(path, "select * from corridor_metric_observations where source = 'offline'")
    assert len(offline) == 4 and offline["interval_lower"].notna().all()
    # no feature configured: the multivariate drift model builds from an empty sample, with nothing to judge
    for table in ("int_corridor__multivariate_sample", "corridor_multivariate_drift"):
        assert query(path, f"select count(*) as n from {table}")["n"][0] == 0, table


def _with_input(name: str, **changes) -> dict:
    """REGRESSION_VARS with one input var changed (changes merged over it; columns=... over its columns)."""
    columns = changes.pop("columns", {})
    var = {**REGRESSION_VARS[name], **changes}
    if columns:
        var["columns"] = {**REGRESSION_VARS[name]["columns"], **columns}
    return {**REGRESSION_VARS, name: var}


EVENTS = "stg_corridor__production_events"
OUTCOMES = "stg_corridor__outcomes"


def _compile(*nodes: str) -> list[str]:
    return ["compile", "--select", *nodes]


def _run(*nodes: str) -> list[str]:
    """For the checks against the database (the relation exists and has the mapped columns): they run only when dbt
    executes a node, not under compile (corridor.resolve_input_columns)."""
    return ["run", "--select", *nodes]


# Every misconfiguration: (dbt args selecting the nodes that read the var, the vars, texts the refusal must contain).
# All run in one dbt process on one parse (conftest.Dbt.batch, the `refused` fixture), where only the selected nodes
# render (a full parse renders them all: a real dbt fails at parse whatever it selects, unless the check needs the
# database). Those of REAL_RUNS also run as separate dbt processes.
REFUSALS = {
    "missing input var": (
        _compile(OUTCOMES),
        {k: v for k, v in REGRESSION_VARS.items() if k != "corridor_outcomes"},
        ["var 'corridor_outcomes' is not set", "corridor_outcomes:", "ref: <your model"],
    ),
    "mapped column": (
        _run(EVENTS),
        _with_input("corridor_production_events", columns={"latency_ms": "latency_millis"}),
        [
            "var 'corridor_production_events.columns.latency_ms' maps 'latency_ms' to column 'latency_millis'",
            "Its columns are: id, ts",
        ],
    ),
    "segment column": (
        _run(EVENTS),
        {**REGRESSION_VARS, "corridor_segment_columns": ["zone", "city"]},
        ["maps 'segment_city' to column 'city'", "corridor_segment_columns"],
    ),
    "relation": (
        _run(OUTCOMES),
        _with_input("corridor_outcomes", relation="main.nope"),
        ["var 'corridor_outcomes' points at", "nope", "which does not exist"],
    ),
    "required column null": (
        _compile(OUTCOMES),
        {
            **REGRESSION_VARS,
            "corridor_outcomes": {"relation": "main.trip_outcomes", "columns": {"event_id": "id", "label": None}},
        },
        ["var 'corridor_outcomes.columns' does not map label", "label: <your label column>"],
    ),
    "unknown key": (
        _compile(OUTCOMES),
        _with_input("corridor_outcomes", table="x"),
        ["var 'corridor_outcomes' has an unknown key 'table'"],
    ),
    "model type": (
        _compile(EVENTS),
        {**REGRESSION_VARS, "corridor_model_type": "ranker"},
        ["var 'corridor_model_type' is 'ranker'"],
    ),
    "window grain": (
        _compile("int_corridor__production_windows"),
        {**REGRESSION_VARS, "corridor_window_grains": ["minute"]},
        ["var 'corridor_window_grains' contains 'minute'"],
    ),
    "confidence level": (
        _compile("int_corridor__interval_settings"),
        {**REGRESSION_VARS, "corridor_confidence_level": 95},
        ["var 'corridor_confidence_level' must be a number strictly between 0 and 1"],
    ),
    "segment name": (
        _compile(EVENTS),
        {**REGRESSION_VARS, "corridor_segment_columns": ["Zone Name"]},
        ["segment dimension 'Zone Name'"],
    ),
    "misspelled var": (
        _compile(EVENTS),
        {**REGRESSION_VARS, "corridor_segments_columns": ["zone"]},
        ["unknown var 'corridor_segments_columns'. Did you mean 'corridor_segment_columns'?"],
    ),
    "misspelled column": (
        _compile(OUTCOMES),
        {
            **REGRESSION_VARS,
            "corridor_outcomes": {
                **REGRESSION_VARS["corridor_outcomes"],
                "columns": {"event_id": "id", "labl": "eta_actual"},
            },
        },
        ["maps an unknown corridor column 'labl'. Did you mean 'label'?"],
    ),
    "misspelled key": (
        _compile(OUTCOMES),
        _with_input("corridor_outcomes", colums={}),
        ["has an unknown key 'colums'. Did you mean 'columns'?"],
    ),
    "misspelled gate": (
        _compile("int_corridor__quality_checks"),
        {**REGRESSION_VARS, "corridor_quality_gates": {"null_rates": {"warn": 0.1}}},
        ["unknown check 'null_rates'. Did you mean 'null_rate'?"],
    ),
    "misspelled gate key": (
        _compile("int_corridor__quality_checks"),
        {**REGRESSION_VARS, "corridor_quality_gates": {"null_rate": {"wran": 0.1}}},
        ["unknown key 'wran'. Did you mean 'warn'?"],
    ),
    "misspelled baseline key": (
        _compile("int_corridor__seasonal_baselines"),
        {**REGRESSION_VARS, "corridor_seasonal_baseline": {"hour": {"lookback_period": 3}}},
        ["unknown key 'lookback_period'. Did you mean 'lookback_periods'?"],
    ),
    "misspelled check": (
        _compile("corridor_check_quality_gates"),
        {**REGRESSION_VARS, "corridor_check_severity": {"quality_gate": "error"}},
        ["unknown check 'quality_gate'. Did you mean 'quality_gates'?"],
    ),
    # far from every known name: no suggestion, still an error
    "unknown var": (_compile(EVENTS), {**REGRESSION_VARS, "corridor_xyzzy": 1}, ["unknown var 'corridor_xyzzy'."]),
}
# one of each kind as a real dbt process: a bad setting, a bad input mapping, an unknown var
REAL_RUNS = ["model type", "mapped column", "unknown var"]


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """Every misconfiguration of REFUSALS in one dbt process (conftest.Dbt.batch) on the regression inputs:
    {name: DbtResult}. The DuckDB file is named as root_dbt's, so the parse is the one the builds above left."""
    work = tmp_path_factory.mktemp("refused")
    path = work / "corridor.duckdb"
    _regression_inputs(path)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    cases = [{"args": args, "vars": vars} for args, vars, _ in REFUSALS.values()]
    return dict(zip(REFUSALS, dbt.batch(cases, base_vars=REGRESSION_VARS), strict=True))


def _expect_error(result, *needles):
    assert not result.ok, "dbt succeeded but should have failed"
    for needle in needles:
        assert needle in result.output, f"{needle!r} not in dbt output:\n{result.output[-3000:]}"


def _refused(refused, *names):
    for name in names:
        _expect_error(refused[name], *REFUSALS[name][2])


def test_missing_input_var_names_the_var(refused):
    _refused(refused, "missing input var")


def test_mapped_column_that_does_not_exist(refused):
    _refused(refused, "mapped column")


def test_segment_column_that_does_not_exist(refused):
    _refused(refused, "segment column")


def test_relation_that_does_not_exist(refused):
    _refused(refused, "relation")


def test_required_column_mapped_to_null(refused):
    _refused(refused, "required column null")


def test_unknown_keys_and_bad_settings(refused):
    _refused(refused, "unknown key", "model type", "window grain", "confidence level", "segment name")


def test_misspelled_vars_and_keys_fail_with_a_did_you_mean(refused):
    """A misspelled var or key is an error naming the closest known name, never silently ignored."""
    _refused(refused, "misspelled var", "misspelled column", "misspelled key", "misspelled gate")
    _refused(refused, "misspelled gate key", "misspelled baseline key", "misspelled check", "unknown var")
    assert "Did you mean" not in refused["unknown var"].output


def _messages(output: str, needle: str) -> set[str]:
    """The lines of corridor's messages in a dbt output, from `corridor:` on, that contain the needle."""
    return {line for line in re.findall(r"corridor: [^\n]*", output) if needle in line}


@pytest.mark.parametrize("name", REAL_RUNS)
def test_a_real_dbt_run_refuses_with_the_message_of_the_batch(regression_project, refused, name):
    """The path end to end, one misconfiguration of each kind: the batch's invocation as a real dbt process (a full
    parse) fails with the message the batch gave (so the batch technique, conftest.Dbt.batch, is tested too)."""
    args, vars, needles = REFUSALS[name]
    result = regression_project(*args, vars=vars, expect_ok=False)
    _expect_error(result, *needles)
    if name == "unknown var":
        assert "Did you mean" not in result.output
    assert _messages(result.output, needles[0]) == _messages(refused[name].output, needles[0]) != set()


@pytest.fixture
def regression_project(root_dbt):
    dbt, path = root_dbt
    _regression_inputs(path)
    return dbt


def test_as_of_counts_only_outcomes_arrived_by_then(root_dbt):
    dbt, path = root_dbt
    events, outcomes = _regression_inputs(path)
    as_of = pd.Timestamp("2026-05-05 12:00:00")
    # the observations and what they read (test_regression_model_with_its_own_names builds everything on these inputs)
    variables = {**REGRESSION_VARS, "corridor_as_of": str(as_of)}
    dbt("build", "--exclude", "resource_type:seed", *upstream_of("corridor_metric_observations"), vars=variables)
    maturity = query(
        path,
        "select sum(metric_value * sample_size) as labeled from corridor_metric_observations "
        "where source = 'production' and metric = 'label_maturity' and window_grain = 'day' "
        "and segment_dimension = 'all'",
    )["labeled"][0]
    arrived = outcomes[outcomes["at"] <= as_of]
    assert round(maturity) == len(arrived) < len(outcomes)


def test_no_segment_dimensions_at_all(root_dbt):
    dbt, path = root_dbt
    _regression_inputs(path)
    dbt("build", "--exclude", "resource_type:seed", vars={**REGRESSION_VARS, "corridor_segment_columns": []})
    dims = query(path, "select distinct segment_dimension, segment_value from corridor_metric_observations")
    assert dims.values.tolist() == [["all", "all"]]
