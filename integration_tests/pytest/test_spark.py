"""corridor on Apache Spark: the integration project builds on a local Spark session (dbt-spark's session method,
from the venv `make venv-spark` creates; the test session starts everything) and every public table equals the
DuckDB build of the same inputs, row for row; the history survives --full-refresh and a second build gives the
same results. Spark tables are parquet files under a private warehouse, read back here with DuckDB."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query, run_deps
from corridor.dbt_runner import INTEGRATION_DIR, REPO_ROOT
from dbt_batch import Served
from engine_compare import (
    OFFLINE_EVALUATION_SELECT,
    OFFLINE_EVALUATION_TABLES,
    OFFLINE_EVALUATION_VARS,
    PUBLIC_TABLES,
    assert_tables_agree,
    warned_tests,
)
from test_intervals import _check_beta

pytestmark = [pytest.mark.dbt, pytest.mark.slow, pytest.mark.spark]

SPARK_VENV = Path(os.environ.get("CORRIDOR_SPARK_VENV", REPO_ROOT / ".venv-spark"))
SCHEMA = "corridor_it"
# A key the Spark session holds as its conf spark.corridor.pseudonym_key (docs/engines.md); the DuckDB build's
# key, so the pseudonyms (and everything keyed on them) agree.
KEY = "corridor-test-key"
# scipy known-answer grids of the beta quantiles and CDF (integration_tests/models/interval_checks)
BETA_GRIDS = ["interval_check_beta_quantiles", "interval_check_beta_large_n"]
# the integration project's scenario library (seed scenario_library): the vars of every command of the fixture (the
# var adds a ref, so it is part of the one parse); nothing of the public tables or the history reads the scenarios
SCENARIOS = {"corridor_scenarios": {"ref": "scenario_library"}}
# the fixture's one parse also has the offline evaluation input on (its vars add refs to the backtest seeds); every
# command but the last runs with SCENARIOS alone, as the DuckDB build it is compared with
PARSE_VARS = {**SCENARIOS, **OFFLINE_EVALUATION_VARS}
HISTORY = [
    "corridor_run_history",
    "corridor_run_model_history",
    "corridor_input_accounting",
    "corridor_input_schema_history",
    "corridor_alert_history",
    "corridor_metric_observation_history",
]


def _plain(output: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", output)


class SparkProject:
    """The integration project on a local Spark session with a private warehouse and metastore."""

    def __init__(self, work: Path):
        self.work = work
        self.warehouse = work / "warehouse"
        self.env = {
            **os.environ,
            "DBT_PROFILES_DIR": str(INTEGRATION_DIR),
            "DBT_TARGET_PATH": str(work / "target"),
            "DBT_LOG_PATH": str(work / "logs"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "SPARK_LOCAL_IP": "127.0.0.1",
            "CORRIDOR_SPARK_WAREHOUSE": str(self.warehouse),
            "CORRIDOR_SPARK_METASTORE": str(work / "metastore"),
            "CORRIDOR_PSEUDONYM_KEY": KEY,
            "PYSPARK_SUBMIT_ARGS": f"--conf spark.corridor.pseudonym_key={KEY} --driver-memory 2g pyspark-shell",
        }

    def dbt(self, *args: str) -> str:
        """One dbt command in its own process (a Spark session of its own): `deps`, which starts none."""
        done = subprocess.run(
            [str(SPARK_VENV / "bin" / "dbt"), *args, "--target", "spark"],
            cwd=INTEGRATION_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=3600,
        )
        output = _plain(done.stdout)
        assert done.returncode == 0, f"dbt {' '.join(args)} on Spark failed:\n{output[-6000:]}"
        return output

    def served(self) -> Served:
        """dbt commands one after another in one process on one parse, so one Spark session serves them all."""
        return Served(
            SPARK_VENV / "bin" / "python", INTEGRATION_DIR, {**self.env, "DBT_PROJECT_DIR": str(INTEGRATION_DIR)},
            self.work / "served.log", base_vars=PARSE_VARS, parse_args=["--target", "spark"],
        )  # fmt: skip

    @staticmethod
    def invoke(dbt: Served, *args: str, vars: dict | None = SCENARIOS) -> str:
        done = dbt.invoke(*args, "--target", "spark", vars=vars)
        output = _plain(done["output"])
        assert done["ok"], f"dbt {' '.join(args)} on Spark failed:\n{output[-6000:]}"
        return output

    def table(self, name: str) -> pd.DataFrame:
        """A table as Spark wrote it: its parquet files (partition directories read as columns)."""
        files = self.warehouse / f"{SCHEMA}.db" / name
        assert files.is_dir(), f"no Spark table {name} under {files.parent}"
        con = duckdb.connect()
        try:
            return con.execute(
                "select * from read_parquet(?, hive_partitioning = true, union_by_name = true)",
                [str(files / "**" / "*.parquet")],
            ).df()
        finally:
            con.close()


@pytest.fixture(scope="module")
def integration_spark(tmp_path_factory):
    if not (SPARK_VENV / "bin" / "dbt").exists():
        pytest.fail(f"no Spark venv at {SPARK_VENV}: run `make venv-spark` (make test does)")
    spark = SparkProject(tmp_path_factory.mktemp("it_spark"))
    run_deps(INTEGRATION_DIR, lambda: spark.dbt("deps"))
    # The three commands run in one process on one parse (dbt_batch.Served): each dbt process would start its own
    # Spark session (about 50 s) and load or redo the parse.
    with spark.served() as dbt:
        # seeds first, as on DuckDB and PostgreSQL: a source (raw_chargebacks) read by staging is a seed of this
        # project. The build leaves the seeds out: `dbt seed` just loaded them (on Spark a seed load is about a
        # minute). Not `--exclude resource_type:seed`: an exclusion takes every test touching a seed with it, the
        # 39 cross-db matches_expected tests among them; --exclude-resource-type only drops the seed nodes
        spark.invoke(dbt, "seed")
        first = spark.invoke(dbt, "build", "--exclude-resource-type", "seed")
        tables = {name: spark.table(name) for name in PUBLIC_TABLES}
        grids = {name: spark.table(name) for name in BETA_GRIDS}
        histories = {name: spark.table(name) for name in HISTORY}
        # The second invocation is a `run --full-refresh` of the public tables and the history tables: the history must
        # survive a full refresh, and the public tables, rebuilt from the same intermediate tables, must come out the
        # same. It rebuilds no intermediate model: that the whole pipeline gives the same tables again is what the
        # first build's row-for-row equality with DuckDB shows (a tie broken differently from one run to the next
        # would not agree with another engine either), and what test_incremental.py asserts for a full refresh on
        # DuckDB. On Spark every model costs seconds of planning and metastore work whatever its size: rebuilding all
        # of them (about 200) took 10-14 minutes of the suite's 90.
        second = spark.invoke(dbt, "run", "--full-refresh", "--select", *sorted(PUBLIC_TABLES), *HISTORY)
        again = {name: spark.table(name) for name in PUBLIC_TABLES}
        after = {name: spark.table(name) for name in HISTORY}
        # Last, the offline evaluation input on (engine_compare.OFFLINE_EVALUATION_VARS): the offline models and the
        # public tables they feed, rebuilt with the backtest (test_offline_evaluation_agrees_with_duckdb_on_spark)
        offline_output = spark.invoke(dbt, "build", *OFFLINE_EVALUATION_SELECT, vars=PARSE_VARS)
        offline = {name: spark.table(name) for name in OFFLINE_EVALUATION_TABLES}
    return {
        "spark": spark,
        "first": first,
        "second": second,
        "tables": tables,
        "histories": histories,
        "grids": grids,
        "again": again,
        "after": after,
        "offline_output": offline_output,
        "offline": offline,
    }


def test_cross_db_macros_on_spark(integration_spark):
    """Every cross-db macro's test model (models/cross_db, part of the integration project's build) against its
    expected seed, on Spark: the generic test matches_expected passes for each (the same models pass on DuckDB and
    PostgreSQL in their builds)."""
    output = integration_spark["first"]
    passed = set(re.findall(r"\d+ of \d+ PASS (matches_expected_test_\S+)", output))
    models = {p.stem for p in (INTEGRATION_DIR / "models" / "cross_db").glob("test_*.sql")}
    assert len(models) >= 39
    for model in models:
        assert any(name.startswith(f"matches_expected_{model}_") for name in passed), f"{model} did not pass on Spark"
    assert not re.search(r"\d+ of \d+ (FAIL|ERROR) \S*matches_expected", output)


def test_integration_project_builds_and_its_tests_pass_on_spark(integration_spark, integration_duckdb):
    first, second = integration_spark["first"], integration_spark["second"]
    assert "assert_production_metrics_match_reference" in first and "ERROR=0" in first, first[-3000:]
    assert "ERROR=0" in second and "SKIP=0" in second, second[-3000:]
    # the Python models the vars ask for are named as left out, with what serves instead (never silently missing)
    assert "corridor: not built on spark (Python models run on DuckDB only" in integration_spark["first"]
    assert "corridor_multivariate_drift (var corridor_multivariate_drift" in integration_spark["first"]
    # the same warnings as on DuckDB (the contract's unique-event-id test, corridor's quarantine check)
    assert warned_tests(integration_spark["first"]) == warned_tests(integration_duckdb["build_output"])


@pytest.mark.parametrize("table", sorted(PUBLIC_TABLES))
def test_spark_and_duckdb_agree_row_for_row(integration_spark, integration_duckdb, table):
    keys, ignore = PUBLIC_TABLES[table]
    duck = query(integration_duckdb["path"], f"select * from {table}")
    spark = integration_spark["tables"][table]
    if table == "corridor_quality_gates":
        # freshness is measured against the clock of each build
        duck, spark = (t[t["check_name"] != "freshness_hours"] for t in (duck, spark))
    tails = [c for c in duck.columns if c.startswith("bayesian_prob_")]
    assert_tables_agree(duck, spark, table, keys=keys, ignore=ignore + tails)
    if tails:
        # Posterior tail probabilities far below 1 are 1 - I_x(a, b) with I_x near 1: their absolute accuracy is
        # that of I_x, set by lgamma near 1e4 (a + b ~ 1,600 here) where a double's spacing is 1.8e-12. DuckDB's
        # built-in lgamma and the series Spark uses (corridor.lgamma) differ by a few of those, so 4e-7 tails
        # differ by ~3e-12 absolute (both are that far from scipy.stats.beta.sf; docs/engines.md). Compared to
        # 1e-11 absolute, with everything else of the table, statuses included, exact or to 1e-9.
        both = duck[keys + tails].merge(spark[keys + tails], on=keys, suffixes=("", "__spark"))
        assert len(both) == len(duck)
        for column in tails:
            ok = both[column].notna() | both[f"{column}__spark"].notna()
            np.testing.assert_allclose(
                both.loc[ok, f"{column}__spark"].astype(float),
                both.loc[ok, column].astype(float),
                rtol=1e-9,
                atol=1e-11,
                err_msg=column,
            )
    if table == "corridor_metric_observations":
        assert len(duck) > 20_000


def test_history_survives_full_refresh_and_builds_repeat_on_spark(integration_spark):
    before, after = integration_spark["histories"], integration_spark["after"]
    runs = after["corridor_run_history"]
    # both builds recorded, settled (one row each, no 'running' left), on the spark target
    assert len(runs) == 2 and runs["invocation_id"].is_unique
    assert set(runs["run_status"]) == {"success"}
    assert set(runs["target_type"]) == {"spark"}
    for name in HISTORY:
        old = before[name]
        assert len(after[name]) >= len(old), name
        # the integration project raises no alerts (corridor_alerts is empty on every engine), so its alert
        # history holds exactly that: nothing; every other history table has rows from the first build
        expected_empty = name == "corridor_alert_history" and integration_spark["tables"]["corridor_alerts"].empty
        assert expected_empty or len(old) > 0, name
        # the first build's rows are all still there
        kept = after[name][after[name]["invocation_id"].isin(old["invocation_id"])]
        assert len(kept) == len(old), name
    # the second (full-refresh) build gives the same public tables as the first, but for the gates that compare with
    # the previous run by design (freshness against the clock; the schema checks against the schema the first build
    # recorded: on the first build every column is new), as test_incremental.py compares on DuckDB. Numbers to
    # 1e-12: Spark may combine partial sums of doubles in another order from one run to the next.
    for table, (keys, ignore) in PUBLIC_TABLES.items():
        again = integration_spark["again"][table]
        first = integration_spark["tables"][table]
        if table == "corridor_quality_gates":
            first, again = (
                t[(t["check_name"] != "freshness_hours") & ~t["check_name"].str.startswith("schema")]
                for t in (first, again)
            )
        assert_tables_agree(first, again, table, keys=keys, ignore=ignore, rtol=1e-12)


def test_beta_quantiles_and_cdf_match_scipy_on_spark(integration_spark):
    """spark__beta_quantile_query / spark__beta_cdf_query (higher-order functions, not the default's CTE chain)
    against scipy.stats.beta, n from 1 to 1e8: quantiles to 1e-8 of min(x, 1 - x), CDFs to 1e-7 relative or 1e-9
    absolute, as on DuckDB and PostgreSQL (test_intervals.py)."""
    small, large = (integration_spark["grids"][name] for name in BETA_GRIDS)
    assert len(small) > 80 and small.a.max() > 100_000
    assert len(large) > 150 and large.n.max() == 1e8
    assert ((large.a > 1000) & (large.b > 1000) & (large.n >= 1e6)).sum() > 20  # quadrature rows
    for frame in (small, large):
        _check_beta(frame)


def test_scenario_results_agree_with_duckdb_on_spark(integration_spark, integration_duckdb, tmp_path):
    """The scenario models (docs/scenarios.md) on Spark: the integration project's scenario library (seed
    scenario_library, var corridor_scenarios), injected into the same recorded events by the fixture's build, gives
    the same corridor_scenario_results on Spark as on DuckDB (a copy of the shared DuckDB build), row for row, as
    test_postgres.py checks on PostgreSQL."""
    select = ["--select", "stg_corridor__scenarios+", "--exclude", "test_type:singular"]
    copy = tmp_path / "integration.duckdb"
    shutil.copyfile(integration_duckdb["path"], copy)
    Dbt(INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(copy)})("build", *select, vars=SCENARIOS)
    duck = query(copy, "select * from corridor_scenario_results")
    spark = integration_spark["spark"].table("corridor_scenario_results")
    assert set(duck["scenario_id"]) == {"IT01_error_rate_plus30", "IT02_latency_x3", "IT03_accuracy_minus20_us",
                                        "IT04_tail_bad_size", "IT05_null_error_rate"}  # fmt: skip
    assert_tables_agree(duck, spark, "corridor_scenario_results")


def test_offline_evaluation_agrees_with_duckdb_on_spark(integration_spark, integration_duckdb, tmp_path):
    """The offline evaluation input (docs/offline-evaluation.md) on Spark: the integration project's backtest and
    reference features (engine_compare.OFFLINE_EVALUATION_VARS), built last by the fixture, give the same offline
    models (metrics, feature cells, importance weights, weighted histograms, the feature-adjusted estimate) and the
    same public tables they feed as a copy of the DuckDB build given the same vars, row for row, as test_postgres.py
    checks on PostgreSQL."""
    assert "ERROR=0" in integration_spark["offline_output"], integration_spark["offline_output"][-3000:]
    copy = tmp_path / "integration.duckdb"
    shutil.copyfile(integration_duckdb["path"], copy)
    Dbt(INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(copy)})(
        "build", *OFFLINE_EVALUATION_SELECT, vars=OFFLINE_EVALUATION_VARS
    )
    for table, keys in OFFLINE_EVALUATION_TABLES.items():
        duck = query(copy, f"select * from {table}")
        spark = integration_spark["offline"][table]
        assert len(duck) > 0, table
        ignore = ["input_relation"] if "input_relation" in duck.columns else []
        assert_tables_agree(duck, spark, table, keys=keys, ignore=ignore)
