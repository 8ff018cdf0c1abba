"""A daily scheduled run touches only new data, and equals a full refresh; late data and idempotency.

Two deliveries of the demo data (demo_deliveries.py): the first run sees
what was loaded before 2026-10-20; the second delivery brings the last day,
late events of the days before and late labels, all inside the lookback,
and changes the reference features of v2's txn_amount (x 1.05).
After the second, incremental run the same file is copied and rebuilt with
`dbt build --full-refresh`: EVERY public table (corridor_* models) of the
incremental run equals the full refresh's, row for row (numbers within a
relative 1e-9, everything else exactly). The history tables are compared on
the rows of the last run, without the columns that describe the run itself
(its invocation id, timestamps, durations), and must keep every earlier run
through the full refresh.

Incremental feature histograms (formerly test_feature_histograms_incremental.py,
whose three builds were daily_runs' with the reference change): the second run
recomputes the lookback's windows and, whole, the model version x feature whose
reference changed (the unchanged ones' older windows are kept as they were), and
int_corridor__feature_histograms, corridor_feature_drift,
corridor_multivariate_drift and corridor_drift_performance_ranking equal the
full refresh.

Late data and idempotency (formerly test_late_data.py):

- An incremental run over data whose late events and late labels fall inside
  the lookback gives exactly the rows of a full build of the same data.
- The metric observation history keeps what was believed at each run: the
  second run records only the observations late data changed (the metric
  observations read no reference features, asserted, so the reference change
  records nothing there).
- Two builds in a row give identical results tables (run metadata aside).
- Data arriving before the lookback (a new model version with its whole
  history, a backfilled day, labels weeks late) is recomputed too.

Builds of the demo project: the two deliveries and the --full-refresh copy
(daily_runs), one more build of unchanged data on a copy (rebuilt), and two
deliveries each for old labels and for data anywhere in time, whose final data
is the shared one (asserted), so they compare with the shared full refresh:
8 in all. The last five build only what their tests read (PARTIAL: the
metric observations, the validation results, the audit tables and everything
upstream, 76 of the 125 models; REBUILT: those and the quarantine and the
quality gates), not the intervals, replay, scenarios and report marts; the
corrected-label builds (_corrected_label_build) add the replay's label
arrivals (CORRECTED). The bootstrap models run with fewer replicates than
their defaults (VARS).
"""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import Dbt, query, upstream_of
from corridor import bootstrap_reuse as reuse
from corridor.dbt_runner import REPO_ROOT
from demo_deliveries import (
    BOOTSTRAP_BATCH_ROWS,
    CUT,
    FIRST_V2_AMOUNT_SCALE,
    LOOKBACK_DAYS,
    SECOND_V2_AMOUNT_SCALE,
    VARS,
    _demo,
    _load,
)

pytestmark = pytest.mark.dbt

REL_TOL = 1e-9
# Columns that describe a run rather than the data: they differ between any two builds.
RUN_COLUMNS = {"invocation_id", "started_at", "finished_at", "run_started_at", "recorded_at", "execution_seconds"}
# what an incremental model records of the rows it was computed from (which run computed them, a hash of its inputs)
STATE_COLUMNS = {"histograms_invocation_id", "results_fingerprint"}
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
    "int_corridor__calibration_alerts": {"as_of": "case when is_build_now then null else as_of end as as_of"},
}
LAST_RUN = "(select invocation_id from corridor_run_history order by started_at desc limit 1)"
STATS_ORDER = "model_id, model_version, window_grain, segment_dimension, segment_value, window_start"
OBS_ORDER = "observation_id"
# the input tables demo_deliveries._load writes
INPUTS = ("events_in", "outcomes_in", "offline_in", "rules_in", "reference_in")
# What the data-before-the-lookback builds (old_labels_runs, anywhere_builds) select: their tests read the enriched
# events, the window statistics, the observations and the validation results, all upstream of these two marts, and
# the audit tables record the runs as a daily run would. The whole pipeline's incremental equality is daily_runs'; a
# build of 76 models instead of 125 (no interval, replay, scenario or report models) keeps each of these four builds
# to what its claim needs.
PARTIAL = upstream_of("corridor_metric_observations", "corridor_validation_results", audit=True)
# the data-anywhere builds also build the interval models downstream of the window statistics, which compile after
# the statistics were rebuilt and must still recompute what was stale before (the lookback read once per invocation)
ANYWHERE = upstream_of(
    "corridor_metric_observations",
    "corridor_validation_results",
    "int_corridor__exact_intervals",
    "int_corridor__sql_bootstrap_intervals",
    "corridor_metric_intervals",
    "corridor_bootstrap_intervals",
    # the statistics' state: the second build compares their windows from the events' earliest recompute start
    "int_corridor__production_window_stats_state",
    audit=True,
)


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
    skip = (
        RUN_COLUMNS
        | STATE_COLUMNS
        | (RUN_WORK_COLUMNS if name in ("corridor_run_history", "corridor_run_model_history") else set())
    )
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


def _table(path, name, order, where="true"):
    return query(path, f"select * from {name} where {where} order by {order}").reset_index(drop=True)


def _copy_of_daily_run(daily_runs, tmp_path_factory, name: str, *statements: str) -> tuple[Path, Dbt]:
    """A copy of the daily runs' incremental database in a new folder, `statements` run on it (a state tampered
    with), and a Dbt on the copy."""
    work = tmp_path_factory.mktemp(name)
    path = work / "db.duckdb"
    shutil.copy(daily_runs["inc"], path)
    if statements:
        con = duckdb.connect(str(path))
        for sql in statements:
            con.execute(sql)
        con.close()
    return path, Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})


def _assert_same_inputs(path: Path, reference: Path) -> None:
    """The input tables of two files hold the same rows (as multisets, with the same columns and types): a build
    of `path` may then be compared with a build of `reference`'s data."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{path}' as a (read_only)")
        con.execute(f"attach '{reference}' as b (read_only)")
        for name in INPUTS:
            columns = con.execute(f"describe a.main.{name}").fetchall()
            assert columns == con.execute(f"describe b.main.{name}").fetchall(), name
            n = con.execute(f"select count(*) from a.main.{name}").fetchone()[0]
            assert n == con.execute(f"select count(*) from b.main.{name}").fetchone()[0] > 0, name
            for one, other in (("a", "b"), ("b", "a")):
                rows = f"select * from {one}.main.{name} except all select * from {other}.main.{name}"
                extra = con.execute(f"select count(*) from ({rows})").fetchone()[0]
                assert extra == 0, f"{name}: {extra} rows of {one} are not in {other}"
    finally:
        con.close()


def _upstream(manifest: Path, model: str) -> list[dict]:
    """The nodes of the manifest upstream of model `model`."""
    nodes = json.loads(manifest.read_text())["nodes"]
    start = next(k for k, n in nodes.items() if n["resource_type"] == "model" and n["name"] == model)
    seen, todo = set(), [start]
    while todo:
        for parent in nodes[todo.pop()]["depends_on"]["nodes"]:
            if parent in nodes and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return [nodes[p] for p in seen]


def _kept_through_full_refresh(manifest: Path, model: str) -> set[str]:
    """The models upstream of `model` that `dbt build --full-refresh` does not rebuild (config full_refresh false:
    the audit history, docs/audit.md)."""
    return {n["name"] for n in _upstream(manifest, model) if n["config"].get("full_refresh") is False}


@pytest.fixture(scope="module")
def daily_runs(tmp_path_factory):
    """The two deliveries, each built as a daily run would (the second is incremental), and a copy of the result
    rebuilt with --full-refresh: 3 builds, the reference of every comparison in this file. The second delivery
    also changes the reference features of v2's txn_amount (demo_deliveries.py), for the feature histograms' tests.

    No build of all the data into an empty file is needed beside the --full-refresh copy (test_late_data.py had
    one): --full-refresh rebuilds every model from the inputs except the audit history (full_refresh false), so
    the copy's results are those of a fresh build; test_incremental_equals_full_refresh asserts that the tables it
    compares read no kept model but the input schema history, whose checks are input-level and judge no window.
    The claims about an empty file's history rest on the first delivery, built into an empty file: its run and
    the incremental one are the observation history's two runs (test_history_keeps_what_each_run_believed), and
    the rebuild of unchanged data adds nothing to it (test_two_builds_in_a_row_are_identical)."""
    events, outcomes = _demo()
    first_events = events[events["loaded_at"] < CUT]
    first_outcomes = outcomes[outcomes["label_arrived_at"] < CUT]
    # the second delivery: a new day, late events of earlier days, late labels of earlier events
    late_events = events[(events["loaded_at"] >= CUT) & (events["event_at"] < CUT)]
    late_labels = outcomes[(outcomes["label_arrived_at"] >= CUT)]
    late_labelled = events[events["event_id"].isin(late_labels["event_id"]) & (events["event_at"] < CUT)]
    assert len(late_events) > 1000 and len(late_labelled) > 100
    assert (events["event_at"] >= CUT).sum() > 1000
    assert (events["loaded_at"] >= CUT).sum() > 1000  # the demo's late day is in the second delivery
    # the lookback start of the second run: the Monday on or before the first run's last event - LOOKBACK_DAYS; the
    # enriched events and the value histograms' day rows start at that day itself (corridor.lookback_day_start)
    day_start = (first_events["event_at"].max() - pd.Timedelta(days=LOOKBACK_DAYS)).normalize()
    start = day_start - pd.Timedelta(days=day_start.weekday())
    # every late row falls inside the lookback of the first run's data
    earliest_late = min(
        events[events["loaded_at"] >= CUT]["event_at"].min(),
        events[events["event_id"].isin(late_labels["event_id"])]["event_at"].min(),
    )
    assert earliest_late >= start > events["event_at"].min()

    inc = tmp_path_factory.mktemp("daily")
    inc_db = inc / "db.duckdb"
    dbt = Dbt(REPO_ROOT, inc, {"CORRIDOR_DUCKDB_PATH": str(inc_db)})
    _load(inc_db, first_events, first_outcomes, v2_amount_scale=FIRST_V2_AMOUNT_SCALE)
    dbt("build", "--exclude", "resource_type:seed", vars=VARS)
    # the feature histograms of the windows before the second run's lookback, as the first run wrote them
    before_lookback = f"window_start < cast('{start:%Y-%m-%d %H:%M:%S}' as timestamp)"
    first_feature_histograms = query(inc_db, f"select * from int_corridor__feature_histograms where {before_lookback}")
    _load(inc_db, events, outcomes, v2_amount_scale=SECOND_V2_AMOUNT_SCALE)
    second = dbt("build", "--exclude", "resource_type:seed", vars=VARS)

    full = tmp_path_factory.mktemp("refreshed")
    full_db = full / "db.duckdb"
    shutil.copy(inc_db, full_db)
    refresh = Dbt(REPO_ROOT, full, {"CORRIDOR_DUCKDB_PATH": str(full_db)})
    refresh("build", "--exclude", "resource_type:seed", "--full-refresh", vars=VARS)
    return {
        "inc": inc_db,
        "full": full_db,
        "full_manifest": full / "target" / "manifest.json",
        "second_output": second.output,
        "log": inc / "logs" / "dbt.log",
        "start": start,
        "day_start": day_start,
        "before_lookback": before_lookback,
        "first_feature_histograms": first_feature_histograms,
    }


# the incremental models that read the events from the lookback's day (corridor.lookback_day_start)
DAY_MODELS = ("int_corridor__events_enriched", "int_corridor__value_histograms")
INCREMENTAL_MODELS = (
    "int_corridor__events_enriched",
    "int_corridor__latency_order_statistics",
    "int_corridor__score_histograms",
    "int_corridor__value_histograms",
    "int_corridor__production_window_stats",
)
# per-window models downstream of the window statistics: they read and recompute the lookback's windows only
INTERVAL_MODELS = (
    "int_corridor__exact_intervals",
    "int_corridor__sql_bootstrap_intervals",
    "corridor_bootstrap_intervals",
    "corridor_metric_intervals",
)


def test_second_run_is_incremental(daily_runs):
    out = daily_runs["second_output"]
    for model in INCREMENTAL_MODELS + INTERVAL_MODELS:
        assert f"incremental model main.{model}" in out, model
    log = daily_runs["log"].read_text()
    start, day = (f"{daily_runs[k]:%Y-%m-%d %H:%M:%S}" for k in ("start", "day_start"))
    assert start == "2026-10-12 00:00:00"  # the Monday on or before the first run's last event - 5 days
    assert day == "2026-10-14 00:00:00"  # that day itself, a Wednesday
    # the enriched events are rows of events: recomputed from the day (corridor.lookback_day_start)
    assert f'delete from "db"."main"."int_corridor__events_enriched" where event_at >= cast(\'{day}\'' in log
    for model in INCREMENTAL_MODELS[1:] + INTERVAL_MODELS:
        if model == "int_corridor__value_histograms":
            continue
        marker = f'delete from "db"."main"."{model}" where window_start >= cast(\'{start}\''
        assert marker in log, model
    # the value histograms: their value families' hour and day rows from the day, every other row from the week
    prehook = log[log.rfind('delete from "db"."main"."int_corridor__value_histograms"') :][:800]
    assert "where case when family in ('latency', 'error', 'correct', 'precision_hit', 'recall_hit')" in prehook
    assert f"and window_grain in ('hour', 'day') then (window_start >= cast('{day}'" in prehook, prehook
    assert f"else (window_start >= cast('{start}'" in prehook, prehook


def test_incremental_run_reads_only_the_lookback(daily_runs):
    # the SQL each incremental model ran in the second run selects only the lookback's events: from its day for the
    # enriched events and the value histograms' value families, from its week for the other models
    start, day = (f"{daily_runs[k]:%Y-%m-%d %H:%M:%S}" for k in ("start", "day_start"))
    run_dir = daily_runs["log"].parent.parent / "target" / "compiled" / "corridor" / "models"
    for model in INCREMENTAL_MODELS:
        sql = next(run_dir.glob(f"*/{model}.sql")).read_text()
        first = day if model == "int_corridor__events_enriched" else start
        assert f"event_at >= cast('{first}'" in sql, model
        assert (f"event_at >= cast('{day}'" in sql) == (model in DAY_MODELS), model
    # the value histograms' kept day rows: days of the lookback's week before its day
    histograms = next(run_dir.glob("*/int_corridor__value_histograms.sql")).read_text()
    assert "stored_days as (" in histograms and "stored_days = " not in histograms
    assert f"and not (window_start >= cast('{day}'" in histograms
    for model in INTERVAL_MODELS:
        sql = next(run_dir.glob(f"*/{model}.sql")).read_text()
        assert "window_start >= cast('" + start + "'" in sql, model


# the replay's as-of statistics: incremental by replay point and changed day (corridor.replay_increment)
REPLAY_MODELS = (
    "int_corridor__replay_label_stats",
    "int_corridor__replay_score_histograms",
    "int_corridor__replay_histogram_metrics",
    "int_corridor__calibration_alerts",
)
REPLAY_STATE = "int_corridor__replay_event_state"
# incremental by changed day (corridor.replay_increment): the hours of a changed version from its first changed day
REPLAY_ARRIVALS = "int_corridor__replay_label_arrivals"
# the models the replay's snapshot is stored for (its consumers)
REPLAY_CONSUMERS = {REPLAY_ARRIVALS, *REPLAY_MODELS[:2]}


def test_replay_keeps_the_rows_of_unchanged_days_and_points(daily_runs):
    inc = daily_runs["inc"]
    log = daily_runs["log"].read_text()
    for model in REPLAY_MODELS[:2]:
        assert f'delete from "db"."main"."{model}" as stored where not exists' in log, model
        # rows of the first run are kept (its invocation), the others were computed by the second
        runs = query(inc, f"select invocation_id, count(*) as n from {model} group by 1 order by 2")
        assert len(runs) == 2, (model, runs)
        # per point: kept whole (older points), kept with the windows after the changed day computed again, or new
        points = query(
            inc,
            f"select as_of, count(distinct invocation_id) as n_runs, min(invocation_id) as run from {model} group by 1",
        )
        kept = points[points["n_runs"] == 1]
        assert (points["n_runs"] == 2).sum() >= 2, (model, points)
        assert set(kept["run"]) == set(runs["invocation_id"]), (model, points)
        # what the second run computed: the new points whole, and the windows after the lookback's first day
        state = query(inc, f"select * from {REPLAY_STATE} where consumer = '{model}'")
        assert (
            len(state) > 20
            and state["n_events"].sum() == query(inc, "select count(*) as n from int_corridor__events_enriched")["n"][0]
        )
    assert set(query(inc, f"select distinct consumer from {REPLAY_STATE}")["consumer"]) == REPLAY_CONSUMERS
    for model in REPLAY_MODELS[2:]:
        assert f'delete from "db"."main"."{model}" as stored' in log, model
    # the metrics follow the histograms' windows: each computed from the invocation that computed its histograms
    pairs = query(
        inc,
        "select count(*) as n from int_corridor__replay_histogram_metrics as m "
        "where not exists (select 1 from int_corridor__replay_score_histograms as h where h.as_of = m.as_of "
        "and h.model_id = m.model_id and h.model_version = m.model_version and h.window_grain = m.window_grain "
        "and h.window_start = m.window_start and h.invocation_id = m.histograms_invocation_id)",
    )
    assert pairs["n"][0] == 0


# the label arrivals' pre-hook on the delta path (corridor.replay_label_arrivals_delete): a condition per changed
# version, its hours from its first changed day
ARRIVALS_DELETE = f'delete from "db"."main"."{REPLAY_ARRIVALS}" where '
ARRIVALS_CHANGED = re.compile(
    r"\(model_id = '([^']*)' and model_version = '([^']*)' "
    r"and event_hour >= date_trunc\('hour', cast\('([^']*)' as timestamp\)\)\)"
)


def _arrivals_changed(log: str) -> dict[tuple[str, str], str]:
    """The changed versions of the last delete of the label arrivals in a dbt log, with the day each is deleted from."""
    at = log.rfind(ARRIVALS_DELETE)
    assert at > 0, "the label arrivals deleted nothing: not the delta path"
    lines = log[at:].split("\n")
    statement = [lines[0]]
    for line in lines[1:]:
        if not line.startswith("    or ("):
            break
        statement.append(line)
    return {(m, v): day for m, v, day in ARRIVALS_CHANGED.findall("\n".join(statement))}


def _versions_from(changed: dict[tuple[str, str], str], before: bool) -> str:
    """SQL: the label arrivals' hours of the changed versions before (or from) each one's changed day."""
    op = "<" if before else ">="
    return " or ".join(
        f"(model_id = '{m}' and model_version = '{v}' and event_hour {op} timestamp '{day}')"
        for (m, v), day in changed.items()
    )


def test_replay_label_arrivals_of_a_daily_run_recompute_only_the_changed_days(daily_runs):
    # the second run took the label arrivals' delta path: its pre-hook deleted the hours of each changed version from
    # its first changed day (in the lookback), and its query read only those versions' events from then on, so the
    # hours before it are the first run's rows, kept; the result equals the --full-refresh row for row
    inc, full = daily_runs["inc"], daily_runs["full"]
    assert f"incremental model main.{REPLAY_ARRIVALS}" in daily_runs["second_output"]
    changed = _arrivals_changed(daily_runs["log"].read_text())
    assert changed, "no changed version"
    assert all(day >= f"{daily_runs['start']:%Y-%m-%d %H:%M:%S}" for day in changed.values()), changed
    compiled = daily_runs["log"].parent.parent / "target" / "compiled" / "corridor" / "models"
    sql = next(compiled.glob(f"*/{REPLAY_ARRIVALS}.sql")).read_text()
    for (_, version), day in changed.items():
        assert f"model_version = '{version}'" in sql and f"event_at >= date_trunc('hour', cast('{day}'" in sql, sql
    # what the second run inserted is what its query returns on the same events (unchanged since): the hours of the
    # changed versions from their day, no other; every other row was kept, some of the changed versions' among them
    wrote = query(inc, f"select * from ({sql}) as wrote where not ({_versions_from(changed, before=False)})")
    assert wrote.empty, wrote
    n_wrote = query(inc, f"select count(*) as n from ({sql}) as wrote")["n"][0]
    recomputed = f"select count(*) as n from {REPLAY_ARRIVALS} where "
    assert n_wrote == query(inc, recomputed + _versions_from(changed, before=False))["n"][0] > 0
    assert query(inc, recomputed + _versions_from(changed, before=True))["n"][0] > 0
    _assert_same(_rows(inc, REPLAY_ARRIVALS), _rows(full, REPLAY_ARRIVALS), REPLAY_ARRIVALS)


REPLAY_DAYS = "consumer, model_id, model_version, day_start, n_events, row_fingerprint, rules"


def test_replay_snapshot_of_a_daily_run_scans_only_the_recomputed_days_and_equals_a_full_scan(daily_runs):
    # the second run's enriched events were recomputed from the lookback start: its snapshot scanned the events from
    # that day on and took the days before it from the first run's state (corridor.replay_kept_days), the
    # --full-refresh scanned every event; both hold the same days, counts and fingerprints
    inc, full = daily_runs["inc"], daily_runs["full"]
    assert query(inc, f"select distinct snapshot_path from {REPLAY_STATE}")["snapshot_path"].tolist() == ["delta"]
    assert query(full, f"select distinct snapshot_path from {REPLAY_STATE}")["snapshot_path"].tolist() == ["full"]
    days = f"select {REPLAY_DAYS} from {REPLAY_STATE} order by {REPLAY_DAYS}"
    kept, scanned = query(inc, days), query(full, days)
    assert len(kept) > 40 and kept["day_start"].min() < f"{daily_runs['start']:%Y-%m-%d}"
    pd.testing.assert_frame_equal(kept, scanned, check_exact=True)
    # the events' state names the build, and the snapshot's scan starts at the lookback's first day
    enriched_by = query(inc, f"select events_invocation_id from {ENRICHED_STATE}")["events_invocation_id"].tolist()
    assert enriched_by == query(inc, f"select distinct invocation_id from {REPLAY_STATE}")["invocation_id"].tolist()
    log = daily_runs["log"].read_text()
    start = f"date_trunc('day', cast('{daily_runs['day_start']:%Y-%m-%d %H:%M:%S}' as timestamp))"
    scan = log[log.rfind('from "db"."main"."int_corridor__events_enriched"\n            where event_at >= ') :][:800]
    assert f"where event_at >= {start}" in scan and f'from "db"."main"."{REPLAY_STATE}"' in scan, scan
    assert f"and cast(day_start as timestamp) < {start}" in scan, scan


def test_replay_snapshot_scans_every_event_when_its_state_is_from_another_build(daily_runs, tmp_path_factory):
    # a state taken in another invocation than the enriched events' last build (here: relabelled) cannot stand for
    # the days before the recompute: the snapshot scans every event, and still finds the full refresh's days
    relabel = f"update {REPLAY_STATE} set invocation_id = 'another build'"
    path, dbt = _copy_of_daily_run(daily_runs, tmp_path_factory, "replay_state_elsewhere", relabel)
    models = ["int_corridor__events_enriched", ENRICHED_STATE, *REPLAY_MODELS[:2], REPLAY_STATE]
    models += ["int_corridor__replay_label_arrivals", "int_corridor__replay_label_cutoffs"]
    dbt("run", "--select", *models, vars=VARS)
    assert query(path, f"select distinct snapshot_path from {REPLAY_STATE}")["snapshot_path"].tolist() == ["full"]
    days = f"select {REPLAY_DAYS} from {REPLAY_STATE} order by {REPLAY_DAYS}"
    pd.testing.assert_frame_equal(query(path, days), query(daily_runs["full"], days), check_exact=True)


def test_replay_tables_of_an_older_corridor_ask_for_a_full_refresh(daily_runs, tmp_path_factory):
    # a table built before the replay was incremental lacks its state column: the build says to --full-refresh
    # (dbt's on_schema_change='fail') rather than failing on a missing column
    for model, column in (
        ("int_corridor__replay_label_stats", "cells_from"),
        ("int_corridor__replay_score_histograms", "invocation_id"),
        ("int_corridor__replay_histogram_metrics", "histograms_invocation_id"),
        ("int_corridor__calibration_alerts", "results_fingerprint"),
    ):
        work = tmp_path_factory.mktemp("replay_upgrade")
        path = work / "db.duckdb"
        shutil.copy(daily_runs["inc"], path)
        con = duckdb.connect(str(path))
        con.execute(f"alter table {model} drop column {column}")
        con.close()
        dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
        out = dbt("run", "--select", model, vars=VARS, expect_ok=False).output
        assert "out of sync" in out, (model, out[-3000:])
        assert "binder error" not in out.lower(), (model, out[-3000:])
        dbt("run", "--select", model, "--full-refresh", vars=VARS)
        _assert_same(_rows(path, model), _rows(daily_runs["full"], model), model)


INDEX = "int_corridor__event_id_index"
INDEX_STATE = "int_corridor__event_arrival_state"
INDEX_DELETE = 'delete from "db"."main"."int_corridor__event_id_index"'


def test_event_id_index_recomputes_only_the_ids_that_arrived(daily_runs):
    """The second delivery appends rows after the first run's arrival watermarks and changes none before them: the
    index recomputes only the ids of what arrived (its pre-hook deletes those ids' rows) and equals a full refresh."""
    inc, full = daily_runs["inc"], daily_runs["full"]
    assert query(inc, f"select index_path from {INDEX_STATE}")["index_path"].tolist() == ["delta", "delta"]
    assert query(full, f"select index_path from {INDEX_STATE}")["index_path"].tolist() == ["full", "full"]
    log = daily_runs["log"].read_text()
    assert f"{INDEX_DELETE} where event_id in (" in log
    # the first run's watermarks are the latest arrivals before the cut; the second run's, after it
    state = query(inc, f"select input_name, watermark, n_rows from {INDEX_STATE} order by input_name")
    assert (state["watermark"] >= pd.Timestamp(CUT)).all()
    assert state["n_rows"].tolist() == [
        query(inc, f"select count(*) as n from {t} where event_id is not null")["n"][0]
        for t in ("stg_corridor__outcomes", "stg_corridor__production_events")
    ]
    _assert_same(_rows(inc, INDEX), _rows(full, INDEX), INDEX)
    # the duplicate copies were ranked again for those ids only, and equal a full refresh's
    copies_path = "select copies_path from int_corridor__duplicate_event_copies_state"
    assert query(inc, copies_path)["copies_path"].tolist() == ["delta"]
    assert query(full, copies_path)["copies_path"].tolist() == ["full"]
    copies = "int_corridor__duplicate_event_copies"
    assert f'delete from "db"."main"."{copies}" where event_id in (' in log
    _assert_same(_table(inc, copies, "all"), _table(full, copies, "all"), copies)


CHANGED_ROWS = "int_corridor__changed_id_rows"


def test_the_changed_ids_rows_are_found_once_for_the_index_and_the_enriched_events(daily_runs):
    """On the delta path one scan of both inputs finds every row of the changed ids (int_corridor__changed_id_rows):
    each row that arrived after the cut and every other row of its id. The index recounts those ids from that table
    and the enriched events' stale check reads it, instead of each scanning the staging views; a full refresh
    leaves it empty."""
    inc, full = daily_runs["inc"], daily_runs["full"]
    rows = query(inc, f"select input_name, event_id, event_at, label_arrived_at from {CHANGED_ROWS}")
    assert query(full, f"select count(*) as n from {CHANGED_ROWS}")["n"][0] == 0
    ids = set(rows["event_id"])
    arrived = query(
        inc,
        "select event_id from stg_corridor__production_events where loaded_at >= ? "
        "union select event_id from stg_corridor__outcomes where label_arrived_at >= ?",
        [pd.Timestamp(CUT), pd.Timestamp(CUT)],
    )
    assert len(arrived) > 100 and set(arrived["event_id"]) <= ids
    # every staged row of those ids, once: an old event's copy beside its new outcome, an old outcome beside a copy
    for input_name, stage in (
        ("production_events", "stg_corridor__production_events"),
        ("outcomes", "stg_corridor__outcomes"),
    ):
        staged = query(inc, f"select event_id, count(*) as n from {stage} where event_id is not null group by 1")
        staged = staged[staged["event_id"].isin(ids)].set_index("event_id")["n"].sort_index()
        found = rows[rows["input_name"] == input_name].groupby("event_id").size().sort_index()
        pd.testing.assert_series_equal(found, staged, check_names=False)
    old_events = rows[
        (rows["input_name"] == "production_events") & (rows["event_at"] < pd.Timestamp(CUT) - pd.Timedelta(days=2))
    ]
    assert len(old_events) > 0  # labels that arrived for events of earlier days
    # the index and the enriched events' stale check read the table, not the staging views
    run_dir = daily_runs["log"].parent.parent / "target" / "compiled" / "corridor" / "models"
    index_sql = next(run_dir.glob(f"*/{INDEX}.sql")).read_text()
    assert f'from "db"."main"."{CHANGED_ROWS}"' in index_sql and "changed_ids as (" not in index_sql
    statements = daily_runs["log"].read_text().split("On model.corridor.")
    stale_checks = [s for s in statements if s.startswith("int_corridor__events_enriched:") and "first_changed_at" in s]
    assert stale_checks and all(f'from "db"."main"."{CHANGED_ROWS}"' in s for s in stale_checks), stale_checks
    assert not any("stg_corridor__production_events" in s for s in stale_checks)


@pytest.fixture(scope="module")
def index_changes(daily_runs, tmp_path_factory):
    """Two more builds of the event id index (and its state) on a copy of the incremental file:

    1. every copy of an old accepted event that has an outcome is deleted from the input (before the watermark):
       the fingerprint no longer matches, so the index is recomputed whole, and its outcome is now unknown_event;
    2. a late copy of another old accepted event arrives (after the watermark): only the ids that arrived are
       recomputed, the old id among them, which now has two copies.
    After each, the index is compared with a --full-refresh of it on a copy."""
    work = tmp_path_factory.mktemp("index_changes")
    path = work / "db.duckdb"
    shutil.copy(daily_runs["inc"], path)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    old = (
        "select e.event_id, e.loaded_at from events_in as e inner join outcomes_in as o on e.event_id = o.event_id "
        f"where e.loaded_at < timestamp '{CUT}' and e.event_id not in (select event_id from {INDEX}) "
        "order by e.event_id limit 2"
    )
    (removed, _), (copied, copied_loaded_at) = query(path, old).itertuples(index=False)
    watermark = query(path, f"select watermark from {INDEX_STATE} where input_name = 'production_events'")
    later = watermark["watermark"][0] + pd.Timedelta(minutes=5)
    select = ("--select", INDEX, INDEX_STATE)
    steps = {}
    for step, sql in (
        ("deleted", f"delete from events_in where event_id = '{removed}'"),
        (
            "copied",
            f"insert into events_in select * replace (timestamp '{later:%Y-%m-%d %H:%M:%S}' as loaded_at) "
            f"from events_in where event_id = '{copied}'",
        ),
    ):
        con = duckdb.connect(str(path))
        con.execute(sql)
        con.close()
        dbt("build", *select, vars=VARS)
        reference = work / f"{step}_full.duckdb"
        shutil.copy(path, reference)
        Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(reference)})("build", *select, "--full-refresh", vars=VARS)
        steps[step] = {
            "path": work / f"{step}.duckdb",
            "reference": reference,
            "paths": query(path, f"select index_path from {INDEX_STATE}")["index_path"].tolist(),
        }
        shutil.copy(path, steps[step]["path"])
    return {"removed_id": removed, "copied_id": copied, "copied_loaded_at": copied_loaded_at, **steps}


def test_event_id_index_is_recomputed_whole_when_rows_before_the_watermark_change(index_changes):
    step = index_changes["deleted"]
    assert step["paths"] == ["full", "full"]
    row = query(step["path"], f"select * from {INDEX} where event_id = ?", [index_changes["removed_id"]])
    assert len(row) == 1 and row["n_copies"][0] == 0 and row["n_outcomes"][0] >= 1
    _assert_same(_rows(step["path"], INDEX), _rows(step["reference"], INDEX), INDEX)


def test_event_id_index_picks_up_a_late_copy_of_an_old_event(index_changes):
    step = index_changes["copied"]
    assert step["paths"] == ["delta", "delta"]
    row = query(step["path"], f"select * from {INDEX} where event_id = ?", [index_changes["copied_id"]])
    assert len(row) == 1 and row["n_copies"][0] == 2 and row["n_valid_copies"][0] == 2
    _assert_same(_rows(step["path"], INDEX), _rows(step["reference"], INDEX), INDEX)


COPIES = "int_corridor__duplicate_event_copies"
COPIES_STATE = "int_corridor__duplicate_event_copies_state"
QUARANTINE = "corridor_quarantine"
REJECTED = "int_corridor__rejected_rows"
REJECTED_STATE = "int_corridor__rejected_rows_state"
CELLS = "int_corridor__event_window_cells"
PROFILE = "int_corridor__event_window_profile"
QUARANTINE_BUILD = (
    "--select",
    INDEX,
    INDEX_STATE,
    "int_corridor__duplicate_event_ids",
    COPIES,
    COPIES_STATE,
    REJECTED,
    REJECTED_STATE,
    QUARANTINE,
    CELLS,
    PROFILE,
)


def _cells_path(path) -> list[str]:
    return query(path, f"select cells_path from {CELLS} where cell_part = 'build'")["cells_path"].tolist()


def _copies_path(path) -> list[str]:
    return query(path, f"select copies_path from {COPIES_STATE}")["copies_path"].tolist()


def _quarantine_codes(path, record_id) -> list[str]:
    rows = query(path, f"select reason_codes from {QUARANTINE} where record_id = ? order by all", [record_id])
    return rows["reason_codes"].tolist()


@pytest.fixture(scope="module")
def quarantine_changes(daily_runs, tmp_path_factory):
    """Two more deliveries after the incremental run, each built (the index, the duplicate copies, the rejected rows
    and the quarantine, with their states) on a copy of its file and compared with a --full-refresh of the same:

    1. after the watermarks: an event with a negative latency (new id), an outcome of an id no event has, a copy of
       an old accepted event with a latency of -1 (rejected, and a duplicate), a second valid copy of another old
       event (a duplicate), an event and an outcome without an event id;
    2. the event of step 1's unknown outcome arrives (the outcome leaves the quarantine), an outcome arrives for
       step 1's rejected event (event_not_accepted), and step 1's event without an id is deleted (a change before
       the watermark that only the rows without an id see)."""
    work = tmp_path_factory.mktemp("quarantine_changes")
    path = work / "db.duckdb"
    shutil.copy(daily_runs["inc"], path)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    old = query(
        path,
        f"select event_id from events_in where loaded_at < timestamp '{CUT}' "
        f"and event_id not in (select event_id from {INDEX}) order by event_id limit 2",
    )["event_id"].tolist()
    ids = {"rejected": "evt_q_rejected", "unknown": "evt_q_unknown", "bad_copy": old[0], "copy": old[1]}
    steps = {}
    deliveries = {
        "arrived": [
            "insert into events_in select * replace ('{rejected}' as event_id, -5.0 as latency_ms, "
            "{later} as loaded_at) from events_in where event_id = '{copy}'",
            "insert into events_in select * replace (-1.0 as latency_ms, {later} as loaded_at) "
            "from events_in where event_id = '{bad_copy}'",
            "insert into events_in select * replace ({later} as loaded_at) from events_in where event_id = '{copy}'",
            "insert into events_in select * replace (null as event_id, {later} as loaded_at) "
            "from events_in where event_id = '{copy}' limit 1",
            "insert into outcomes_in select * replace ('{unknown}' as event_id, {later_label} as label_arrived_at) "
            "from outcomes_in limit 1",
            "insert into outcomes_in select * replace (null as event_id, {later_label} as label_arrived_at) "
            "from outcomes_in limit 1",
        ],
        "resolved": [
            "insert into events_in select * replace ('{unknown}' as event_id, {later} as loaded_at) "
            "from events_in where event_id = '{copy}' limit 1",
            "insert into outcomes_in select * replace ('{rejected}' as event_id, {later_label} as label_arrived_at) "
            "from outcomes_in limit 1",
            "delete from events_in where event_id is null",
        ],
    }
    for step, statements in deliveries.items():
        state = query(path, f"select input_name, watermark from {INDEX_STATE}").set_index("input_name")["watermark"]
        times = {
            "later": f"timestamp '{state['production_events'] + pd.Timedelta(minutes=5):%Y-%m-%d %H:%M:%S}'",
            "later_label": f"timestamp '{state['outcomes'] + pd.Timedelta(minutes=5):%Y-%m-%d %H:%M:%S}'",
        }
        con = duckdb.connect(str(path))
        for sql in statements:
            con.execute(sql.format(**ids, **times))
        con.close()
        dbt("build", *QUARANTINE_BUILD, vars=VARS)
        reference = work / f"{step}_full.duckdb"
        shutil.copy(path, reference)
        Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(reference)})(
            "build", *QUARANTINE_BUILD, "--full-refresh", vars=VARS
        )
        steps[step] = {
            "path": work / f"{step}.duckdb",
            "reference": reference,
            "rows_path": query(path, f"select rows_path from {REJECTED_STATE}")["rows_path"].tolist(),
            "reference_path": query(reference, f"select rows_path from {REJECTED_STATE}")["rows_path"].tolist(),
            "cells_path": _cells_path(path),
            "reference_cells_path": _cells_path(reference),
            "copies_path": _copies_path(path),
            "reference_copies_path": _copies_path(reference),
        }
        shutil.copy(path, steps[step]["path"])
    return {"ids": ids, "log": work / "logs" / "dbt.log", **steps}


def test_rejected_rows_of_a_daily_run_are_kept_and_equal_a_full_refresh(daily_runs):
    inc, full = daily_runs["inc"], daily_runs["full"]
    assert query(inc, f"select rows_path from {REJECTED_STATE}")["rows_path"].tolist() == ["delta"]
    assert query(full, f"select rows_path from {REJECTED_STATE}")["rows_path"].tolist() == ["full"]
    assert f'delete from "db"."main"."{REJECTED}" where (input_name = ' in daily_runs["log"].read_text()
    _assert_same(_table(inc, REJECTED, "all"), _table(full, REJECTED, "all"), REJECTED)


def test_event_window_profile_of_a_daily_run_adds_to_its_cells_and_equals_a_full_refresh(daily_runs):
    inc, full = daily_runs["inc"], daily_runs["full"]
    assert _cells_path(inc) == ["delta"] and _cells_path(full) == ["full"]
    log = daily_runs["log"].read_text()
    assert f"""delete from "db"."main"."{CELLS}" where cell_part in ('build', 'unsettled', 'no_event_id')""" in log
    _assert_same(_table(inc, PROFILE, "all"), _table(full, PROFILE, "all"), PROFILE)
    assert len(_table(inc, PROFILE, "all")) > 100


def test_event_window_cells_are_recounted_when_built_with_another_snapshot(daily_runs, tmp_path_factory):
    # cells whose build row names another invocation than the one the index's delta starts from may miss rows:
    # every cell is recounted, to the full refresh's profile
    path, dbt = _copy_of_daily_run(
        daily_runs,
        tmp_path_factory,
        "cells_elsewhere",
        f"update {CELLS} set snapshot_invocation_id = 'another build' where cell_part = 'build'",
    )
    dbt("run", "--select", *QUARANTINE_BUILD[1:], vars=VARS)
    assert _cells_path(path) == ["full"]
    parts = query(path, f"select distinct cell_part from {CELLS} order by 1")["cell_part"].tolist()
    assert parts == ["build", "settled"]
    _assert_same(_table(path, PROFILE, "all"), _table(daily_runs["full"], PROFILE, "all"), PROFILE)


@pytest.mark.parametrize(
    "tamper",
    [
        "update {state} set index_invocation_id = 'another build'",
        "update {state} set definition = 'another definition'",
        "delete from {state}",
    ],
)
def test_duplicate_copies_rank_every_id_when_their_state_names_another_build_or_definition(
    daily_runs, tmp_path_factory, tamper
):
    # stored copies from another snapshot, another rendering of the staged columns or an unrecorded build may differ
    # from what a full build ranks: every duplicated id is ranked again, to the full refresh's copies
    path, dbt = _copy_of_daily_run(daily_runs, tmp_path_factory, "copies_elsewhere", tamper.format(state=COPIES_STATE))
    dbt("run", "--select", *QUARANTINE_BUILD[1:], vars=VARS)
    assert _copies_path(path) == ["full"]
    copies = _table(path, COPIES, "all")
    assert len(copies) > 0
    _assert_same(copies, _table(daily_runs["full"], COPIES, "all"), COPIES)


@pytest.mark.parametrize("step", ["arrived", "resolved"])
def test_quarantine_of_a_delta_run_equals_a_full_refresh(quarantine_changes, step):
    run = quarantine_changes[step]
    assert run["rows_path"] == ["delta"] and run["reference_path"] == ["full"]
    for name in (QUARANTINE, REJECTED):
        _assert_same(_table(run["path"], name, "all"), _table(run["reference"], name, "all"), name)
    # the event window profile: its cells kept and added to (step 1: new rows, one without an event id; step 2: that
    # row deleted, which only the recounted no_event_id part sees), summed to the full refresh's profile
    assert run["cells_path"] == ["delta"] and run["reference_cells_path"] == ["full"]
    _assert_same(_table(run["path"], PROFILE, "all"), _table(run["reference"], PROFILE, "all"), PROFILE)


@pytest.mark.parametrize("step", ["arrived", "resolved"])
def test_duplicate_copies_of_a_delta_run_rank_only_what_arrived_and_equal_a_full_refresh(quarantine_changes, step):
    run = quarantine_changes[step]
    assert run["copies_path"] == ["delta"] and run["reference_copies_path"] == ["full"]
    _assert_same(_table(run["path"], COPIES, "all"), _table(run["reference"], COPIES, "all"), COPIES)
    # step 1's second valid copy of an old event made it a duplicate: both copies are ranked, the first loaded wins
    copies = query(
        run["path"],
        f"select copy_number, loaded_at from {COPIES} where event_id = ? order by copy_number",
        [quarantine_changes["ids"]["copy"]],
    )
    assert copies["copy_number"].tolist() == [1, 2] and copies["loaded_at"].is_monotonic_increasing
    # its pre-hook deleted only the ids that arrived
    log = quarantine_changes["log"].read_text()
    assert f'delete from "db"."main"."{COPIES}" where event_id in (' in log


def test_event_window_cells_count_the_rows_without_an_id_until_they_are_deleted(quarantine_changes):
    without_id = f"select sum(n_null_event_id) as n from {PROFILE} where window_grain = 'day'"
    arrived, resolved = quarantine_changes["arrived"], quarantine_changes["resolved"]
    assert query(arrived["path"], without_id)["n"][0] == query(resolved["path"], without_id)["n"][0] + 1
    # a cell the delta added to has several rows: the profile sums them
    parts = f"select cell_part, count(*) as n from {CELLS} group by 1 order by 1"
    counted = query(resolved["path"], parts).set_index("cell_part")["n"].to_dict()
    assert counted["build"] == 1
    assert counted["settled"] > query(resolved["reference"], parts).set_index("cell_part")["n"]["settled"]


def test_quarantine_follows_what_arrived_and_what_changed_without_an_id(quarantine_changes):
    ids = quarantine_changes["ids"]
    arrived, resolved = quarantine_changes["arrived"]["path"], quarantine_changes["resolved"]["path"]
    assert _quarantine_codes(arrived, ids["rejected"]) == ["negative_latency_ms"]
    assert _quarantine_codes(arrived, ids["unknown"]) == ["unknown_event"]
    assert _quarantine_codes(arrived, ids["bad_copy"]) == ["negative_latency_ms,duplicate_event_id"]
    assert _quarantine_codes(arrived, ids["copy"]) == ["duplicate_event_id"]
    without_id = f"select input_name, reason_codes from {QUARANTINE} where record_id is null order by all"
    assert query(arrived, without_id).values.tolist() == [
        ["outcomes", "missing_event_id"],
        ["production_events", "missing_event_id"],
    ]
    # the unknown outcome's event arrived; the rejected event's outcome is quarantined; the event without an id is gone
    assert _quarantine_codes(resolved, ids["unknown"]) == []
    assert _quarantine_codes(resolved, ids["rejected"]) == ["event_not_accepted", "negative_latency_ms"]
    assert query(resolved, without_id).values.tolist() == [["outcomes", "missing_event_id"]]


@pytest.mark.parametrize("model", INCREMENTAL_MODELS + INTERVAL_MODELS + REPLAY_MODELS + (REPLAY_ARRIVALS,))
def test_incremental_models_equal_a_full_refresh(daily_runs, model):
    a, b = _rows(daily_runs["inc"], model), _rows(daily_runs["full"], model)
    assert len(a) > 100
    _assert_same(a, b, model)


def test_python_bootstrap_recomputes_only_changed_groups_and_equals_a_full_refresh(daily_runs):
    # the Python bootstrap is incremental by group: the second run recomputes the groups whose histogram
    # fingerprint is not stored (corridor.bootstrap_reuse, delete+insert on the group keys) and keeps the others,
    # bit for bit what a full refresh computes (python/tests/test_bootstrap_reuse.py shows the kernel's part)
    model = "int_corridor__bootstrap_intervals"
    assert f"python incremental model main.{model}" in daily_runs["second_output"]
    a, b = _rows(daily_runs["inc"], model), _rows(daily_runs["full"], model)
    assert len(a) > 1000 and a["histogram_fingerprint"].notna().all() and a["metric"].notna().all()
    _assert_same(a, b, model)
    # both computed in batches (corridor_bootstrap_batch_rows in VARS): the histogram rows are many budgets
    rows = query(
        daily_runs["full"],
        "select (select count(*) from int_corridor__value_histograms) "
        "+ (select count(*) from int_corridor__rolling_value_histograms) as n",
    )["n"][0]
    assert rows > 5 * BOOTSTRAP_BATCH_ROWS
    # dbt-duckdb stages a Python model's incremental rows in a table it never drops: the post-hook drops it
    tables = "select table_name from information_schema.tables where table_name like '%dbt_tmp%'"
    left = query(daily_runs["inc"], tables)
    assert left.empty, list(left["table_name"])


BOOTSTRAP = "int_corridor__bootstrap_intervals"
BOOTSTRAP_SCOPE = "int_corridor__bootstrap_scope"
BOOTSTRAP_MODELS = (
    "int_corridor__value_histograms",
    "int_corridor__rolling_value_histograms",
    BOOTSTRAP_SCOPE,
    BOOTSTRAP,
)


def _bootstrap_rows(path) -> pd.DataFrame:
    """The Python bootstrap's rows in one order, for an exact comparison (bit for bit, fingerprints included)."""
    order = "model_id, model_version, window_grain, window_start, segment_dimension, segment_value, metric"
    return query(path, f"select * from {BOOTSTRAP} order by {order}, interval_method")


def _scope(path) -> dict:
    rows = query(path, f"select fingerprint_since, bootstrap_invocation_id, scope_invocation_id from {BOOTSTRAP_SCOPE}")
    return rows.iloc[0].to_dict() if len(rows) else {}


def test_python_bootstrap_of_a_daily_run_fingerprints_only_the_recomputed_windows(daily_runs):
    # the second run's value histograms recomputed the windows from the lookback start, and the bootstrap was last
    # built right after them in the first run (its record, written by its post-hook): the bootstrap fingerprinted
    # only the windows from there on (corridor.bootstrap_scope), and its rows equal the --full-refresh's bit for bit
    inc, full = daily_runs["inc"], daily_runs["full"]
    last = query(inc, f"select {LAST_RUN} as id")["id"][0]
    scope = _scope(inc)
    assert scope["fingerprint_since"] == daily_runs["start"], scope
    assert scope["bootstrap_invocation_id"] == scope["scope_invocation_id"] == last, scope
    # and the scoped path was taken: every stored group carries this build's settings (corridor.bootstrap_reuse)
    settings = query(inc, "select * from int_corridor__interval_settings").iloc[0]
    salt = reuse.settings_salt(
        dict(
            n_resamples=int(settings["n_resamples"]),
            level=float(settings["confidence_level"]),
            seed=int(settings["seed"]),
            max_shared_events=int(settings["max_shared_events"]),
            asymptotic_events=int(settings["asymptotic_events"]),
        )
    )
    con = duckdb.connect(str(inc), read_only=True)
    try:
        assert reuse.stored_salt_matches(con, BOOTSTRAP, salt)
    finally:
        con.close()
    # the full refresh fingerprinted every group, and recorded its build for the next run
    refreshed = _scope(full)
    assert pd.isna(refreshed["fingerprint_since"]) and refreshed["bootstrap_invocation_id"] is not None, refreshed
    a, b = _bootstrap_rows(inc), _bootstrap_rows(full)
    assert len(a) > 1000 and (a["window_start"] < daily_runs["start"]).any()
    pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_python_bootstrap_fingerprints_every_group_after_a_build_without_its_record(daily_runs, tmp_path_factory):
    # a build of the bootstrap alone forgets the scope it read and its record (its pre-hook), a build of the value
    # histograms alone deletes that record (corridor.state_invalidate): the next run cannot tell which rows the
    # stored groups were fingerprinted from and fingerprints every group; the one after it takes the scope again.
    # Each build equals the --full-refresh bit for bit
    path, dbt = _copy_of_daily_run(daily_runs, tmp_path_factory, "bootstrap_without_record")
    full = _bootstrap_rows(daily_runs["full"])
    dbt("run", "--select", BOOTSTRAP, vars=VARS)
    alone = _scope(path)
    assert pd.isna(alone["fingerprint_since"]) and alone["bootstrap_invocation_id"] is None, alone
    pd.testing.assert_frame_equal(_bootstrap_rows(path), full, check_exact=True)
    dbt("run", "--select", "int_corridor__value_histograms", vars=VARS)
    assert _scope(path) == {}
    out = dbt("run", "--select", *BOOTSTRAP_MODELS, vars=VARS)
    assert f"python incremental model main.{BOOTSTRAP}" in out.output
    unscoped = _scope(path)
    assert pd.isna(unscoped["fingerprint_since"]), unscoped
    assert unscoped["bootstrap_invocation_id"] == unscoped["scope_invocation_id"] is not None, unscoped
    pd.testing.assert_frame_equal(_bootstrap_rows(path), full, check_exact=True)
    dbt("run", "--select", *BOOTSTRAP_MODELS, vars=VARS)
    scoped = _scope(path)
    # the lookback start of this run (from the second run's statistics), aligned: on or after the second run's
    assert scoped["fingerprint_since"] >= daily_runs["start"], scoped
    assert scoped["bootstrap_invocation_id"] == scoped["scope_invocation_id"] != unscoped["scope_invocation_id"]
    pd.testing.assert_frame_equal(_bootstrap_rows(path), full, check_exact=True)


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


# --- late data (formerly test_late_data.py, whose first two builds were daily_runs') --------------------------


def test_incremental_run_recomputes_only_the_lookback(daily_runs):
    start = daily_runs["start"]
    assert f"where window_start >= cast('{start:%Y-%m-%d %H:%M:%S}'" in _compiled_prehook(daily_runs["inc"])
    assert "incremental model main.int_corridor__production_window_stats" in daily_runs["second_output"]


def _compiled_prehook(path):
    log = (path.parent / "logs" / "dbt.log").read_text()
    marker = 'delete from "db"."main"."int_corridor__production_window_stats"'
    return log[log.rfind(marker) :][:300]


def test_incremental_equals_full_refresh(daily_runs):
    inc, full = daily_runs["inc"], daily_runs["full"]
    # the reference is the --full-refresh copy (daily_runs): it equals a build into an empty file because nothing
    # these tables read survives --full-refresh but the input schema history, and window_gate_status reads that only
    # through the input-level schema checks, which judge no window (int_corridor__window_gate_status)
    manifest = daily_runs["full_manifest"]
    assert _kept_through_full_refresh(manifest, "int_corridor__production_window_stats") == set()
    assert _kept_through_full_refresh(manifest, "corridor_metric_observations") == set()
    assert _kept_through_full_refresh(manifest, "int_corridor__window_gate_status") == {"corridor_input_schema_history"}
    a = _table(inc, "int_corridor__production_window_stats", STATS_ORDER)
    b = _table(full, "int_corridor__production_window_stats", STATS_ORDER)
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    a = _table(inc, "corridor_metric_observations", OBS_ORDER)
    b = _table(full, "corridor_metric_observations", OBS_ORDER)
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    order = "model_id, window_grain, window_start"
    pd.testing.assert_frame_equal(
        _table(inc, "int_corridor__window_gate_status", order), _table(full, "int_corridor__window_gate_status", order)
    )


def test_late_day_is_blocked_at_day_grain_after_its_late_rows_arrived(daily_runs):
    day = query(
        daily_runs["inc"],
        "select gate_status, failing_checks from int_corridor__window_gate_status "
        "where window_grain = 'day' and window_start = timestamp '2026-10-19 00:00:00'",
    ).iloc[0]
    assert day["gate_status"] == "fail" and day["failing_checks"] == "duplicate_event_ids,late_events"


def test_history_keeps_what_each_run_believed(daily_runs):
    inc, cutoff = daily_runs["inc"], daily_runs["start"]
    # the second delivery also changed a reference (daily_runs): the observations read no reference features, so
    # what the second run recorded is still what the late data changed, and the production rows lie in the lookback
    upstream = {n["name"] for n in _upstream(daily_runs["full_manifest"], "corridor_metric_observations")}
    assert "int_corridor__production_window_stats" in upstream
    assert not {name for name in upstream if "reference" in name or "drift" in name}, upstream
    runs = query(
        inc, "select invocation_id, min(recorded_at) as at from corridor_metric_observation_history group by 1"
    )
    assert len(runs) == 2
    first, second = runs.sort_values("at")["invocation_id"].tolist()
    changed = query(inc, f"select * from corridor_metric_observation_history where invocation_id = '{second}'")
    assert len(changed) > 0
    production = changed[changed["source"] == "production"]
    assert (production["window_start"] >= cutoff).all()
    # run 1 believed fewer requests on the late day than run 2 does
    sql = (
        "select metric_value from corridor_metric_observation_history "
        "where invocation_id = '{}' and source = 'production' "
        "and metric = 'request_count' and model_version = 'v2' and segment_dimension = 'all' and window_grain = 'day' "
        "and window_start = timestamp '2026-10-19 00:00:00'"
    )
    before = query(inc, sql.format(first))["metric_value"][0]
    after = query(inc, sql.format(second))["metric_value"][0]
    current = query(
        inc,
        "select metric_value from corridor_metric_observations "
        "where source = 'production' and metric = 'request_count' "
        "and model_version = 'v2' and segment_dimension = 'all' and window_grain = 'day' "
        "and window_start = timestamp '2026-10-19 00:00:00'",
    )["metric_value"][0]
    assert before < after == current


# --- a build of unchanged data ---------------------------------------------------------------------------------

# compared within a relative 1e-9 (_rows, _assert_same)
UNCHANGED_ROWS = ("corridor_metric_observations", "corridor_validation_results", *INCREMENTAL_MODELS)
# compared exactly (_table), with their order and the rows compared
UNCHANGED_TABLES = {
    "corridor_metric_observations": (OBS_ORDER, "true"),
    "corridor_quarantine": ("quarantine_id", "true"),
    # freshness is measured against the clock and the schema checks against the previous run:
    # they are the checks whose diagnostic may move between two builds of the same data
    "corridor_quality_gates": ("gate_id", GATES_WHERE),
    "int_corridor__window_gate_status": ("model_id, window_grain, window_start", "true"),
    "int_corridor__production_window_stats": (STATS_ORDER, "true"),
}
OBSERVATION_HISTORY = "select * from corridor_metric_observation_history order by all"
# What the build of unchanged data selects: the tables compared above and everything upstream, with the audit
# tables (the run is recorded, the observation history written): no interval, replay, scenario or report model.
REBUILT = upstream_of(*dict.fromkeys([*UNCHANGED_ROWS, *UNCHANGED_TABLES]), audit=True)


@pytest.fixture(scope="module")
def rebuilt(daily_runs, tmp_path_factory):
    """One more build on a copy of the incremental file, with nothing delivered since its second run: the one
    build of unchanged data (test_incremental's and test_late_data's were the same claim), read before and after
    by the two tests below. It builds what they compare and everything upstream (REBUILT), not the whole project."""
    work = tmp_path_factory.mktemp("rebuilt")
    path = work / "db.duckdb"
    shutil.copy(daily_runs["inc"], path)
    rows = {name: _rows(path, name) for name in UNCHANGED_ROWS}
    tables = {name: _table(path, name, order, where) for name, (order, where) in UNCHANGED_TABLES.items()}
    history = query(path, OBSERVATION_HISTORY)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("build", "--exclude", "resource_type:seed", *REBUILT, vars=VARS)
    return {"path": path, "rows": rows, "tables": tables, "observation_history": history}


def test_an_incremental_run_of_unchanged_data_changes_nothing(rebuilt):
    path = rebuilt["path"]
    assert len(query(path, "select * from corridor_run_history")) == 3  # the two deliveries and this build
    for name, df in rebuilt["rows"].items():
        _assert_same(df, _rows(path, name), name)


def test_two_builds_in_a_row_are_identical(rebuilt):
    """The incremental run of the second delivery and the build after it, on the same data."""
    path = rebuilt["path"]
    for name, (order, where) in UNCHANGED_TABLES.items():
        after = _table(path, name, order, where)
        pd.testing.assert_frame_equal(rebuilt["tables"][name], after, check_exact=True, obj=name)
    # the second build saw the same data: nothing new to believe (the history still holds only the two deliveries')
    last = query(path, f"select {LAST_RUN} as id")["id"][0]
    history = query(path, OBSERVATION_HISTORY)
    assert last not in set(history["invocation_id"])
    assert history["invocation_id"].nunique() == 2
    pd.testing.assert_frame_equal(rebuilt["observation_history"], history, check_exact=True)


# --- data arriving before the lookback -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def old_labels_runs(daily_runs, tmp_path_factory):
    """Labels arriving weeks late: the first delivery has every event and every outcome except the labels of v1's
    events of 2026-10-06, a week before the lookback start; the second delivery brings them. The incremental run
    must pick them up (corridor.event_lookback_starts compares labelled counts per window) and equal a full refresh:
    the second delivery's data is daily_runs' (asserted), so its --full-refresh copy is the reference."""
    events, outcomes = _demo()
    day = events["event_at"].dt.normalize() == pd.Timestamp("2026-10-06")
    old_day = events[(events["model_version"] == "v1") & day]
    held = outcomes["event_id"].isin(old_day["event_id"])
    assert held.sum() > 50
    inc = tmp_path_factory.mktemp("old_labels")
    inc_db = inc / "db.duckdb"
    dbt = Dbt(REPO_ROOT, inc, {"CORRIDOR_DUCKDB_PATH": str(inc_db)})
    _load(inc_db, events, outcomes[~held])  # the second delivery's reference throughout, as each _load below
    dbt("build", "--exclude", "resource_type:seed", *PARTIAL, vars=VARS)
    _load(inc_db, events, outcomes)
    _assert_same_inputs(inc_db, daily_runs["full"])
    dbt("build", "--exclude", "resource_type:seed", *PARTIAL, vars=VARS)
    return {"inc": inc_db, "full": daily_runs["full"], "n_held": int(held.sum())}


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


ENRICHED_STATE = "int_corridor__events_enriched_state"
# only corridor.event_delta_changes reads the accepted copies of the changed ids
DELTA_SCAN = "from changed_copies"  # corridor.event_delta_changes, in the log of the run that took it


# the corrected-label builds: PARTIAL and the replay's label arrivals (incremental by changed day, read from the
# enriched events; the replay's snapshot state is the daily run's, as none of its other models is built)
CORRECTED = upstream_of(
    "corridor_metric_observations", "corridor_validation_results", "int_corridor__replay_label_arrivals", audit=True
)


def _corrected_label_build(daily_runs, tmp_path_factory, name: str, version: str, day: str) -> dict:
    """A copy of the daily run where one labelled event of `version` on `day` gets a corrected outcome (the other
    label), loaded after the outcomes' watermark, built incrementally (CORRECTED) and, on a copy, with
    --full-refresh."""
    work = tmp_path_factory.mktemp(name)
    path = work / "db.duckdb"
    shutil.copy(daily_runs["inc"], path)
    watermark = query(path, f"select watermark from {INDEX_STATE} where input_name = 'outcomes'")["watermark"][0]
    later = watermark + pd.Timedelta(minutes=5)
    labelled = (
        "select o.event_id, o.label, e.event_at from outcomes_in as o inner join events_in as e "
        "on o.event_id = e.event_id "
        f"where e.model_version = '{version}' and cast(e.event_at as date) = date '{day}' "
        "and not e.is_error and e.predicted_score is not null "
        f"and o.event_id not in (select event_id from {INDEX}) order by o.event_id limit 1"
    )
    event_id, label, event_at = query(path, labelled).itertuples(index=False).__next__()
    con = duckdb.connect(str(path))
    con.execute(
        f"insert into outcomes_in select * replace ({1 - int(label)} as label, "
        f"timestamp '{later:%Y-%m-%d %H:%M:%S}' as label_arrived_at) from outcomes_in where event_id = ?",
        [event_id],
    )
    con.close()
    Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})(
        "build", "--exclude", "resource_type:seed", *CORRECTED, vars=VARS
    )
    reference = work / "full.duckdb"
    shutil.copy(path, reference)
    refresh = Dbt(REPO_ROOT, tmp_path_factory.mktemp(name + "_full"), {"CORRIDOR_DUCKDB_PATH": str(reference)})
    refresh("build", "--exclude", "resource_type:seed", *CORRECTED, "--full-refresh", vars=VARS)
    return {
        "inc": path,
        "full": reference,
        "log": work / "logs" / "dbt.log",
        "label": 1 - int(label),
        "event_hour": pd.Timestamp(event_at).floor("h"),
        "arrived": later,
    }


def _assert_label_arrivals_follow_the_corrected_label(build: dict, version: str, day: str) -> None:
    """The label arrivals of a corrected-label build took their delta path: only `version` changed, from `day`, and
    the corrected event's hour is complete at the corrected label's arrival; they equal the --full-refresh."""
    assert _arrivals_changed(build["log"].read_text()) == {("checkout_fraud", version): f"{day} 00:00:00"}
    inc, full = build["inc"], build["full"]
    hour = query(
        inc,
        f"select labels_complete_at from {REPLAY_ARRIVALS} where model_version = ? and event_hour = ?",
        [version, build["event_hour"].to_pydatetime()],
    )
    assert hour["labels_complete_at"].tolist() == [build["arrived"]], hour
    _assert_same(_rows(inc, REPLAY_ARRIVALS), _rows(full, REPLAY_ARRIVALS), REPLAY_ARRIVALS)


@pytest.fixture(scope="module")
def old_label_delta(daily_runs, tmp_path_factory):
    """A label that arrives after the last run for an event two weeks before the lookback (v1, 2026-10-06): a
    corrected outcome, with the other label, loaded after the outcomes' watermark. The index takes its delta path,
    and so does the enriched events' stale check (corridor.event_delta_changes); the window models see the positive
    count of its window change (corridor.version_lookback_starts).
    The incremental build (the event pipeline) is compared with a --full-refresh of a copy."""
    return _corrected_label_build(daily_runs, tmp_path_factory, "old_label_delta", "v1", "2026-10-06")


def test_enriched_events_find_old_changes_from_the_index_delta(daily_runs, old_label_delta):
    # the daily run: the events were built with the snapshot the index's delta starts from, so no count scan
    inc = daily_runs["inc"]
    state = query(inc, f"select index_invocation_id from {ENRICHED_STATE}")["index_invocation_id"].tolist()
    assert state == query(inc, f"select distinct invocation_id from {INDEX_STATE}")["invocation_id"].tolist()
    assert DELTA_SCAN in daily_runs["log"].read_text()
    # the corrected label two weeks back: v1 is recomputed from the week of 2026-10-06, and equals a full refresh
    log = old_label_delta["log"].read_text()
    assert DELTA_SCAN in log
    prehook = log[log.rfind('delete from "db"."main"."int_corridor__events_enriched"') :][:600]
    assert "model_version = 'v1' and event_at >= cast('2026-10-05 00:00:00'" in prehook
    inc, full = old_label_delta["inc"], old_label_delta["full"]
    for name in ("int_corridor__events_enriched", *INCREMENTAL_MODELS[1:], "corridor_metric_observations"):
        _assert_same(_rows(inc, name), _rows(full, name), name)
    # the replay's label arrivals recompute v1's hours from the corrected label's day, and its hour moves
    _assert_label_arrivals_follow_the_corrected_label(old_label_delta, "v1", "2026-10-06")


@pytest.fixture(scope="module")
def week_label_delta(daily_runs, tmp_path_factory):
    """A corrected label for a v2 event of 2026-10-13, loaded after the daily run: inside the week of the next run's
    lookback (from Monday 2026-10-12) but before its day (Friday 2026-10-16), from which the enriched events and the
    value histograms' value families are recomputed. The index's delta finds it; v2 is stale from its week, and the
    value histograms recompute v2's day rows from there instead of keeping them. Compared with a --full-refresh."""
    return _corrected_label_build(daily_runs, tmp_path_factory, "week_label_delta", "v2", "2026-10-13")


def test_a_label_before_the_lookback_day_in_its_week_recomputes_the_version_from_the_week(week_label_delta):
    log = week_label_delta["log"].read_text()
    day, week = "2026-10-16 00:00:00", "2026-10-12 00:00:00"
    # the enriched events: every version from the lookback's day, v2 from the week of the corrected label
    prehook = log[log.rfind('delete from "db"."main"."int_corridor__events_enriched"') :][:600]
    assert f"where event_at >= cast('{day}'" in prehook, prehook
    assert f"model_version = 'v2' and event_at >= cast('{week}'" in prehook, prehook
    # the value histograms: v2's hour and day rows from the week too, so none of its kept days is stale
    prehook = log[log.rfind('delete from "db"."main"."int_corridor__value_histograms"') :][:1200]
    assert f"then (window_start >= cast('{day}'" in prehook, prehook
    assert f"model_version = 'v2' and window_start >= cast('{week}'" in prehook, prehook
    inc, full = week_label_delta["inc"], week_label_delta["full"]
    for name in ("int_corridor__events_enriched", *INCREMENTAL_MODELS[1:], "corridor_metric_observations"):
        _assert_same(_rows(inc, name), _rows(full, name), name)
    _assert_label_arrivals_follow_the_corrected_label(week_label_delta, "v2", "2026-10-13")


@pytest.fixture(scope="module")
def early_label_delta(daily_runs, tmp_path_factory):
    """An early label (arrived ten days before its event) for an unlabelled v2 event of the daily run's last day,
    loaded after the daily run. The next run's enriched events read the outcomes from the lookback's arrivals
    (corridor.lookback_outcome_condition), which this one is long before: the event id index knows the early id, so
    the condition reaches back to its arrival. Built incrementally (PARTIAL) and, on a copy, with --full-refresh."""
    work = tmp_path_factory.mktemp("early_label_delta")
    path = work / "db.duckdb"
    shutil.copy(daily_runs["inc"], path)
    unlabelled = (
        "select e.event_id, e.event_at from events_in as e "
        "where e.model_version = 'v2' and not e.is_error and e.predicted_score is not null "
        "and e.event_id not in (select event_id from outcomes_in) "
        f"and e.event_id not in (select event_id from {INDEX}) "
        "and e.event_at >= (select max(event_at) - interval 1 day from events_in) order by e.event_id limit 1"
    )
    event_id, event_at = query(path, unlabelled).itertuples(index=False).__next__()
    arrived = pd.Timestamp(event_at) - pd.Timedelta(days=10)
    con = duckdb.connect(str(path))
    con.execute(
        f"insert into outcomes_in select * replace (? as event_id, 1 as label, "
        f"timestamp '{arrived:%Y-%m-%d %H:%M:%S}' as label_arrived_at) from outcomes_in limit 1",
        [event_id],
    )
    con.close()
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("build", "--exclude", "resource_type:seed", *PARTIAL, vars=VARS)
    reference = work / "full.duckdb"
    shutil.copy(path, reference)
    refresh_dir = tmp_path_factory.mktemp("early_label_delta_full")
    refresh = Dbt(REPO_ROOT, refresh_dir, {"CORRIDOR_DUCKDB_PATH": str(reference)})
    refresh("build", "--exclude", "resource_type:seed", *PARTIAL, "--full-refresh", vars=VARS)
    return {"inc": path, "full": reference, "log": work / "logs" / "dbt.log", "arrived": arrived}


def _enriched_body(log: str) -> str:
    """The outcomes the last build of the enriched events in a dbt log read, its whitespace collapsed."""
    body = re.sub(r"\s+", " ", log[log.rfind("outcomes_arrived as (") :][:4000])
    return body.replace("( ", "(").replace(" )", ")")


def test_enriched_events_read_the_lookbacks_outcome_arrivals_and_an_early_label_before_them(
    daily_runs, early_label_delta
):
    # the daily run: the outcomes are read from the lookback day's early-label cutoff (5 minutes before it)
    body = _enriched_body(daily_runs["log"].read_text())
    day_start = f"{daily_runs['day_start']:%Y-%m-%d %H:%M:%S}"
    cutoff = f"cast('{day_start}' as timestamp) + cast(-5 as bigint) * interval 1 minute"
    assert f"outcomes.label_arrived_at is null or outcomes.label_arrived_at >= ({cutoff})" in body, body[:4000]
    # the early label: its event carries it, as in the full refresh
    inc, full = early_label_delta["inc"], early_label_delta["full"]
    labelled = "select label from int_corridor__events_enriched where label_arrived_at = ?"
    assert query(inc, labelled, [early_label_delta["arrived"].to_pydatetime()])["label"].tolist() == [1]
    for name in ("int_corridor__events_enriched", *INCREMENTAL_MODELS[1:], "corridor_metric_observations"):
        _assert_same(_rows(inc, name), _rows(full, name), name)
    # the early label's arrival, less a second, is the other floor
    body = _enriched_body(early_label_delta["log"].read_text())
    arrived = f"{early_label_delta['arrived']:%Y-%m-%d %H:%M:%S}"
    early = f"cast('{arrived}' as timestamp) + cast(-1 as bigint) * interval 1 second"
    floors = (
        re.escape("outcomes.label_arrived_at >= least((cast('")
        + r"[0-9: -]+"
        + re.escape("' as timestamp) + cast(-5 as bigint) * interval 1 minute), (" + early + "))")
    )
    assert re.search(floors, body), body


STATS_STATE = "int_corridor__production_window_stats_state"
# corridor.version_lookback_starts' comparison, as the log shows it: the statistics' cells it reads
STATS_CELLS = 'from "db"."main"."int_corridor__production_window_stats"\n            where window_grain = \'hour\''


def _stats_cells_query(log: str) -> str:
    at = log.rfind(STATS_CELLS)
    assert at > 0, "no comparison of the window statistics in the log"
    return log[at - 2500 : at + 300]


def test_window_aggregates_compare_only_the_windows_from_the_events_recompute(daily_runs):
    # the second run's enriched events were recomputed from the lookback start, and the statistics were last built
    # in the first run, as the events' kept rows: corridor.version_lookback_starts compared the windows from there on
    inc = daily_runs["inc"]
    last = query(inc, f"select {LAST_RUN} as id")["id"][0]
    assert query(inc, f"select stats_invocation_id from {STATS_STATE}")["stats_invocation_id"].tolist() == [last]
    assert query(inc, f"select events_invocation_id from {ENRICHED_STATE}")["events_invocation_id"].tolist() == [last]
    since = f"date_trunc('hour', cast('{daily_runs['day_start']:%Y-%m-%d %H:%M:%S}' as timestamp))"
    compared = _stats_cells_query(daily_runs["log"].read_text())
    assert f"where event_at >= {since}" in compared and f"and window_start >= {since}" in compared, compared


def test_window_aggregates_compare_every_window_after_the_statistics_ran_without_their_state(
    daily_runs, tmp_path_factory
):
    # a build of the statistics alone deletes their record (corridor.state_invalidate): the next run cannot tell
    # which events they counted, and compares every window (the same stale versions: none here)
    path, dbt = _copy_of_daily_run(daily_runs, tmp_path_factory, "stats_without_state")
    dbt("run", "--select", "int_corridor__production_window_stats", vars=VARS)
    assert query(path, f"select count(*) as n from {STATS_STATE}")["n"][0] == 0
    out = dbt(
        "run",
        "--select",
        "int_corridor__events_enriched",
        ENRICHED_STATE,
        "int_corridor__latency_order_statistics",
        vars=VARS,
    )
    compared = _stats_cells_query((path.parent / "logs" / "dbt.log").read_text())
    assert "where event_at >=" not in compared and "and window_start >=" not in compared, compared
    assert "incremental model main.int_corridor__latency_order_statistics" in out.output


@pytest.fixture(scope="module")
def anywhere_builds(daily_runs, tmp_path_factory):
    """Data arriving before the lookback: model version v1 is first loaded
    with none of its events (it arrives later with 13 days of history, as a
    new version does) and one day of v2 (2026-10-09, before the lookback of
    the first run) is backfilled. The second, incremental run must equal the
    full refresh of daily_runs, a build of the same data (asserted)."""
    events, outcomes = _demo()
    held_back = (events["model_version"] == "v1") | (events["event_at"].dt.normalize() == pd.Timestamp("2026-10-09"))
    first_events = events[~held_back]
    first_outcomes = outcomes[outcomes["event_id"].isin(first_events["event_id"])]
    path = tmp_path_factory.mktemp("anywhere")
    dbt = Dbt(REPO_ROOT, path, {"CORRIDOR_DUCKDB_PATH": str(path / "db.duckdb")})
    _load(path / "db.duckdb", first_events, first_outcomes)
    dbt("build", "--exclude", "resource_type:seed", *ANYWHERE, vars=VARS)
    _load(path / "db.duckdb", events, outcomes)
    _assert_same_inputs(path / "db.duckdb", daily_runs["full"])
    dbt("build", "--exclude", "resource_type:seed", *ANYWHERE, vars=VARS)
    common_start = (first_events["event_at"].max() - pd.Timedelta(days=LOOKBACK_DAYS)).normalize()
    common_start -= pd.Timedelta(days=common_start.weekday())
    return {"inc": path / "db.duckdb", "full": daily_runs["full"], "common_start": common_start}


def test_data_before_the_lookback_is_recomputed(anywhere_builds):
    # the held-back data lies before the first run's lookback: the common lookback alone would miss it
    assert anywhere_builds["common_start"] == pd.Timestamp("2026-10-12")
    log = (anywhere_builds["inc"].parent / "logs" / "dbt.log").read_text()
    prehook = log[log.rfind('delete from "db"."main"."int_corridor__production_window_stats"') :][:600]
    assert "window_start >= cast('2026-10-12 00:00:00'" in prehook
    assert "model_version = 'v1' and window_start >= cast('2026-09-28 00:00:00'" in prehook  # new version: all of it
    assert "model_version = 'v2' and window_start >= cast('2026-10-05 00:00:00'" in prehook  # the week of 10-09
    # the events were recomputed from those starts, and the statistics' last build counted the events before them:
    # the stale-version check compared the windows from the earliest (corridor.version_lookback_starts)
    compared = _stats_cells_query(log)
    # the earliest of the enriched events' day start (2026-10-21 - 5 days) and the versions' starts
    assert "and window_start >= date_trunc('hour', least(cast('2026-10-16 00:00:00'" in compared, compared


def test_incremental_equals_full_refresh_for_data_anywhere_in_time(anywhere_builds):
    inc, full = anywhere_builds["inc"], anywhere_builds["full"]
    a = _table(inc, "int_corridor__production_window_stats", STATS_ORDER)
    b = _table(full, "int_corridor__production_window_stats", STATS_ORDER)
    v1_days = a[(a["model_version"] == "v1") & (a["window_grain"] == "day") & (a["segment_dimension"] == "all")]
    assert len(v1_days) == 13  # every day of the version that arrived late, not only those in the lookback
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    a = _table(inc, "corridor_metric_observations", OBS_ORDER)
    b = _table(full, "corridor_metric_observations", OBS_ORDER)
    pd.testing.assert_frame_equal(a, b, check_exact=True)


@pytest.mark.parametrize("model", INTERVAL_MODELS)
def test_intervals_downstream_of_the_statistics_recompute_the_stale_versions(anywhere_builds, model):
    # they compile after the window statistics were rebuilt: a stale check of their own then would find nothing
    # stale (the statistics already match the events) and keep v1's and v2's old windows before the lookback
    a, b = _rows(anywhere_builds["inc"], model), _rows(anywhere_builds["full"], model)
    assert (a["model_version"] == "v1").sum() > 100
    _assert_same(a, b, model)


# --- incremental feature histograms (formerly test_feature_histograms_incremental.py, on daily_runs' builds) ------

FEATURE_MODELS = (
    "int_corridor__feature_histograms",
    "int_corridor__multivariate_sample",
    "corridor_feature_drift",
    "corridor_multivariate_drift",
    "corridor_drift_performance_ranking",
)


def test_feature_histograms_second_run_is_incremental(daily_runs):
    assert "incremental model main.int_corridor__feature_histograms" in daily_runs["second_output"]


@pytest.mark.parametrize("model", FEATURE_MODELS)
def test_feature_models_equal_a_full_refresh(daily_runs, model):
    # across the change of v2's txn_amount reference between the two runs (also in
    # test_every_public_table_equals_a_full_refresh for the public ones; here with a floor on the rows)
    a, b = _rows(daily_runs["inc"], model), _rows(daily_runs["full"], model)
    assert len(a) > 20
    _assert_same(a, b, model)


def test_only_the_changed_reference_is_recomputed_before_the_lookback(daily_runs):
    def old(frame, version, feature):
        part = frame[(frame.model_version == version) & (frame.feature_name == feature)]
        return part.sort_values(list(part.columns)).reset_index(drop=True)

    assert SECOND_V2_AMOUNT_SCALE != FIRST_V2_AMOUNT_SCALE
    where = daily_runs["before_lookback"]
    second = query(daily_runs["inc"], f"select * from int_corridor__feature_histograms where {where}")
    first = daily_runs["first_feature_histograms"]
    # unchanged references: the old windows are kept as they were
    for version, feature in [("v1", "txn_amount"), ("v2", "account_age_days"), ("v2", "payment_channel")]:
        a, b = old(first, version, feature), old(second, version, feature)
        assert len(a) > 0 and a.equals(b), (version, feature)
    # the changed one: rebinned with the new reference (new fingerprint, other counts per bin)
    a, b = old(first, "v2", "txn_amount"), old(second, "v2", "txn_amount")
    assert len(a) > 0 and len(b) > 0
    assert set(a.reference_fingerprint) != set(b.reference_fingerprint)
    assert len(set(b.reference_fingerprint)) == 1
