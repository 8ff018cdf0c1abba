"""A daily scheduled run touches only new data, and equals a full refresh.

Two deliveries of the demo data (test_late_data's split): the first run sees
what was loaded before 2026-10-20; the second delivery brings the last day,
late events of the days before and late labels, all inside the lookback.
After the second, incremental run the same file is copied and rebuilt with
`dbt build --full-refresh`: EVERY public table (corridor_* models) of the
incremental run equals the full refresh's, row for row (numbers within a
relative 1e-9, everything else exactly). The history tables are compared on
the rows of the last run, without the columns that describe the run itself
(its invocation id, timestamps, durations), and must keep every earlier run
through the full refresh.
"""

from __future__ import annotations

import math
import shutil

import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from test_late_data import CUT, LOOKBACK_DAYS, VARS, _demo, _load

pytestmark = pytest.mark.dbt

REL_TOL = 1e-9
# Columns that describe a run rather than the data: they differ between any two builds.
RUN_COLUMNS = {"invocation_id", "started_at", "finished_at", "run_started_at", "recorded_at", "execution_seconds"}
# What a run did (rows it read and wrote): an incremental run writes fewer rows by design.
RUN_WORK_COLUMNS = {"rows_read", "rows_written", "model_row_counts", "nodes_succeeded", "nodes_failed", "dbt_command"}
# the quality gates' freshness is measured against the clock, schema checks against the previous run
GATES_WHERE = "check_name <> 'freshness_hours' and check_name not like 'schema%'"
# one row per run and input / node / alert / column: compared on the last run's rows
SNAPSHOT_HISTORY = {
    "corridor_run_history",
    "corridor_run_model_history",
    "corridor_alert_history",
    "corridor_input_accounting",
    "corridor_input_schema_history",
}
# a row each time an observation changes: compared on what the history believes now (latest row per observation)
HISTORY = SNAPSHOT_HISTORY | {"corridor_metric_observation_history"}
# the replay's point for the build's own now is the run's start (var corridor_as_of unset): it describes the run
RUN_TIME_EXPRESSIONS = {
    "corridor_replay_alerts": {"as_of": "case when is_build_now then null else as_of end as as_of"},
}
LAST_RUN = "(select invocation_id from corridor_run_history order by started_at desc limit 1)"


def _public_tables(path) -> list[str]:
    names = query(
        path,
        "select table_name from information_schema.tables "
        "where table_schema = 'main' and table_name like 'corridor\\_%' escape '\\' order by 1",
    )["table_name"]
    return list(names)


def _columns(path, name) -> list[str]:
    return list(query(path, f"select * from {name} limit 0").columns)


def _rows(path, name: str) -> pd.DataFrame:
    skip = RUN_COLUMNS | (RUN_WORK_COLUMNS if name in ("corridor_run_history", "corridor_run_model_history") else set())
    cols = [c for c in _columns(path, name) if c not in skip]
    run_time = RUN_TIME_EXPRESSIONS.get(name, {})
    select = ", ".join(run_time.get(c, f'"{c}"') for c in cols)
    if name == "corridor_quality_gates":
        sql = f"select {select} from {name} where {GATES_WHERE}"
    elif name in SNAPSHOT_HISTORY:
        sql = f"select {select} from {name} where invocation_id = {LAST_RUN}"
    elif name == "corridor_metric_observation_history":
        sql = (
            f"select {select} from {name} "
            "qualify row_number() over (partition by observation_id order by recorded_at desc) = 1"
        )
    else:
        sql = f"select {select} from {name}"
    df = query(path, sql)
    key = df.astype(str)
    order = key.sort_values(list(key.columns)).index
    return df.loc[order].reset_index(drop=True)


def _assert_same(a: pd.DataFrame, b: pd.DataFrame, name: str) -> None:
    assert list(a.columns) == list(b.columns), name
    assert len(a) == len(b), f"{name}: {len(a)} rows incremental, {len(b)} after --full-refresh"
    for col in a.columns:
        x, y = a[col], b[col]
        if pd.api.types.is_numeric_dtype(x) and pd.api.types.is_numeric_dtype(y) and not pd.api.types.is_bool_dtype(x):
            xf, yf = x.astype(float).to_numpy(), y.astype(float).to_numpy()
            for i, (u, v) in enumerate(zip(xf, yf, strict=True)):
                if math.isnan(u) and math.isnan(v):
                    continue
                assert math.isclose(u, v, rel_tol=REL_TOL, abs_tol=0.0), f"{name}.{col} row {i}: {u!r} != {v!r}"
        else:
            bad = ~((x == y) | (x.isna() & y.isna()))
            assert not bad.any(), f"{name}.{col}: {x[bad].head(3).tolist()} != {y[bad].head(3).tolist()}"


@pytest.fixture(scope="module")
def daily_runs(tmp_path_factory):
    events, outcomes = _demo()
    first_events = events[events["loaded_at"] < CUT]
    first_outcomes = outcomes[outcomes["label_arrived_at"] < CUT]
    # the second delivery: a new day, late events of earlier days, late labels of earlier events
    late_events = events[(events["loaded_at"] >= CUT) & (events["event_at"] < CUT)]
    late_labels = outcomes[(outcomes["label_arrived_at"] >= CUT)]
    late_labelled = events[events["event_id"].isin(late_labels["event_id"]) & (events["event_at"] < CUT)]
    assert len(late_events) > 1000 and len(late_labelled) > 100
    assert (events["event_at"] >= CUT).sum() > 1000

    inc = tmp_path_factory.mktemp("daily")
    inc_db = inc / "db.duckdb"
    dbt = Dbt(REPO_ROOT, inc, {"CORRIDOR_DUCKDB_PATH": str(inc_db)})
    _load(inc_db, first_events, first_outcomes)
    dbt("build", "--exclude", "resource_type:seed", vars=VARS)
    _load(inc_db, events, outcomes)
    second = dbt("build", "--exclude", "resource_type:seed", vars=VARS)

    full = tmp_path_factory.mktemp("refreshed")
    full_db = full / "db.duckdb"
    shutil.copy(inc_db, full_db)
    refresh = Dbt(REPO_ROOT, full, {"CORRIDOR_DUCKDB_PATH": str(full_db)})
    refresh("build", "--exclude", "resource_type:seed", "--full-refresh", vars=VARS)
    start = (first_events["event_at"].max() - pd.Timedelta(days=LOOKBACK_DAYS)).normalize()
    start -= pd.Timedelta(days=start.weekday())
    return {
        "inc": inc_db,
        "full": full_db,
        "second_output": second.output,
        "log": inc / "logs" / "dbt.log",
        "start": start,
    }


INCREMENTAL_MODELS = (
    "int_corridor__events_enriched",
    "int_corridor__latency_quantiles",
    "int_corridor__score_histograms",
    "int_corridor__value_histograms",
    "int_corridor__production_window_stats",
)
# per-window models downstream of the window statistics: they read and recompute the lookback's windows only
INTERVAL_MODELS = (
    "int_corridor__exact_intervals",
    "int_corridor__sql_bootstrap_intervals",
)


def test_second_run_is_incremental(daily_runs):
    out = daily_runs["second_output"]
    for model in INCREMENTAL_MODELS + INTERVAL_MODELS:
        assert f"incremental model main.{model}" in out, model
    log = daily_runs["log"].read_text()
    start = f"{daily_runs['start']:%Y-%m-%d %H:%M:%S}"
    assert start == "2026-10-12 00:00:00"  # the Monday on or before the first run's last event - 5 days
    for model, column in [("int_corridor__events_enriched", "event_at")] + [
        (m, "window_start") for m in INCREMENTAL_MODELS[1:] + INTERVAL_MODELS
    ]:
        marker = f'delete from "db"."main"."{model}" where {column} >= cast(\'{start}\''
        assert marker in log, model


def test_incremental_run_reads_only_the_lookback(daily_runs):
    # the SQL each incremental model ran in the second run selects only the lookback's events
    start = f"{daily_runs['start']:%Y-%m-%d %H:%M:%S}"
    run_dir = daily_runs["log"].parent.parent / "target" / "compiled" / "corridor" / "models" / "intermediate"
    for model in INCREMENTAL_MODELS:
        sql = (run_dir / f"{model}.sql").read_text()
        assert f"event_at >= cast('{start}'" in sql, model
    for model in INTERVAL_MODELS:
        sql = (run_dir / f"{model}.sql").read_text()
        assert "window_start >= cast('" + start + "'" in sql, model


@pytest.mark.parametrize("model", INCREMENTAL_MODELS + INTERVAL_MODELS)
def test_incremental_models_equal_a_full_refresh(daily_runs, model):
    a, b = _rows(daily_runs["inc"], model), _rows(daily_runs["full"], model)
    assert len(a) > 100
    _assert_same(a, b, model)


def test_every_public_table_equals_a_full_refresh(daily_runs):
    inc, full = daily_runs["inc"], daily_runs["full"]
    names = _public_tables(inc)
    assert names == _public_tables(full)
    expected = {
        "corridor_alerts",
        "corridor_metric_intervals",
        "corridor_metric_observations",
        "corridor_quality_gates",
        "corridor_quarantine",
        "corridor_rule_issues",
        "corridor_validation_results",
    } | HISTORY
    assert expected <= set(names), expected - set(names)
    compared = 0
    for name in names:
        a, b = _rows(inc, name), _rows(full, name)
        _assert_same(a, b, name)
        compared += len(a)
    assert compared > 10000


def test_audit_history_survives_the_full_refresh(daily_runs):
    runs = query(daily_runs["full"], "select count(distinct invocation_id) as n from corridor_run_history")["n"][0]
    assert runs == 3
    observed = query(
        daily_runs["full"], "select count(distinct invocation_id) as n from corridor_metric_observation_history"
    )["n"][0]
    assert observed >= 2  # the first run and the incremental one (a full refresh of the same data changes nothing)


def test_an_incremental_run_of_unchanged_data_changes_nothing(daily_runs, tmp_path):
    path = tmp_path / "db.duckdb"
    shutil.copy(daily_runs["inc"], path)
    before = {name: _rows(path, name) for name in ("corridor_metric_observations", "corridor_validation_results")}
    for model in INCREMENTAL_MODELS:
        before[model] = _rows(path, model)
    Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)})("build", "--exclude", "resource_type:seed", vars=VARS)
    for name, df in before.items():
        _assert_same(df, _rows(path, name), name)


@pytest.fixture(scope="module")
def old_labels_runs(tmp_path_factory):
    """Labels arriving weeks late: the first delivery has every event and every outcome except the labels of v1's
    events of 2026-10-06, a week before the lookback start; the second delivery brings them. The incremental run
    must pick them up (corridor.event_lookback_starts compares labelled counts per window) and equal a full refresh."""
    events, outcomes = _demo()
    day = events["event_at"].dt.normalize() == pd.Timestamp("2026-10-06")
    old_day = events[(events["model_version"] == "v1") & day]
    held = outcomes["event_id"].isin(old_day["event_id"])
    assert held.sum() > 50
    inc = tmp_path_factory.mktemp("old_labels")
    inc_db = inc / "db.duckdb"
    dbt = Dbt(REPO_ROOT, inc, {"CORRIDOR_DUCKDB_PATH": str(inc_db)})
    _load(inc_db, events, outcomes[~held])
    dbt("build", "--exclude", "resource_type:seed", vars=VARS)
    _load(inc_db, events, outcomes)
    dbt("build", "--exclude", "resource_type:seed", vars=VARS)
    full = tmp_path_factory.mktemp("old_labels_full")
    full_db = full / "db.duckdb"
    shutil.copy(inc_db, full_db)
    Dbt(REPO_ROOT, full, {"CORRIDOR_DUCKDB_PATH": str(full_db)})(
        "build", "--exclude", "resource_type:seed", "--full-refresh", vars=VARS
    )
    return {"inc": inc_db, "full": full_db, "n_held": int(held.sum())}


def test_labels_arriving_before_the_lookback_are_picked_up(old_labels_runs):
    inc, full = old_labels_runs["inc"], old_labels_runs["full"]
    sql = (
        "select count(label) as n from int_corridor__events_enriched "
        "where model_version = 'v1' and cast(event_at as date) = date '2026-10-06'"
    )
    assert query(inc, sql)["n"][0] == query(full, sql)["n"][0] >= old_labels_runs["n_held"]
    names = ("int_corridor__production_window_stats", "corridor_metric_observations", "corridor_validation_results")
    for name in names:
        _assert_same(_rows(inc, name), _rows(full, name), name)
