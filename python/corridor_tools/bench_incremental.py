"""Benchmark a daily scheduled run: a full build of DAYS days of history, then
one new day plus late data, built incrementally.

``python -m corridor_tools.bench_incremental --days 90 --events-per-day 1000000
[--workdir build/bench_incremental] [--seed 42] [--lookback-days 3]``
(``make bench-incremental DAYS=.. EVENTS_PER_DAY=..``)

1. Generates DAYS + 1 days at EVENTS_PER_DAY events a day with the demo
   generator's Parquet path (reused when it already exists), with its late
   events (loaded up to 3 days after they happened), duplicates and labels
   that arrive over days.
2. Loads into a fresh DuckDB file what had arrived by the end of day DAYS:
   events loaded before it, outcomes arrived before it (``bench_events``,
   ``bench_outcomes``); the offline estimates and rules as in corridor_tools.bench.
3. (full) Times ``dbt build --full-refresh`` of every corridor model (as
   corridor_tools.bench (a): intervals, gates, quarantine, validation, alerts,
   audit, tests and the on-run-end hook) in a child process.
4. Appends the next day's delivery: the events loaded and the outcomes
   arrived during day DAYS + 1 (the new day, late events of the days
   before, late labels).
5. (incremental) Times the same ``dbt build`` without --full-refresh.
6. Prints both: wall seconds, rows/s (events in the input / seconds; for the
   incremental run also rows delivered that day / seconds), the ratio
   incremental / full (target: at most 1/10), each run's peak RSS and five
   slowest models; writes ``<workdir>/bench_incremental_results.json``.

``--late-data`` says which of the new day's late rows are delivered:
``lookback`` only those about events inside corridor_lookback_days (the
issue's scenario: late data inside the lookback), ``all`` every row that
arrived that day (the generator's labels arrive over weeks, so some land on
windows long before the lookback and make their versions stale from there:
corridor.event_lookback_starts), ``both`` (default) times the two
incremental runs, each from a copy of the database as the full build left it.

Timings only: that the incremental run equals a full refresh is tested on
small data (integration_tests/pytest/test_incremental.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
from pathlib import Path

from corridor_tools import bench
from corridor_tools.bench import (
    DbtFailed,
    _child_env,
    _gib,
    _jsonable,
    _machine,
    _rate,
    _run_child,
    _tail,
    _versions,
    project_state,
    remove_db,
    run_dbt,
)

REPO = Path(__file__).resolve().parents[2]
START = "2026-10-01"


def bench_start(days: int, today: dt.date | None = None) -> str:
    """The first day of the generated history: START, or an earlier day when from START the history and
    the new day would not end before ``today`` (UTC; default the machine's date).

    corridor quarantines an event that happens after the run started (``future_event_at``), so rows dated
    after the machine's clock would be quarantined instead of counted: with a fixed start, 90 days from
    2026-10-01 reached past 2026-12-06 and a quarter of the bench's events went to the quarantine."""
    today = today or dt.datetime.now(dt.timezone.utc).date()
    fixed = dt.date.fromisoformat(START)
    latest = today - dt.timedelta(days=days + 2)
    return min(fixed, latest).isoformat()


LOAD_SQL = """
set enable_progress_bar = false;
create table bench_all_events as select * from read_parquet('{data}/events/part-*.parquet');
create table bench_all_outcomes as select * from read_parquet('{data}/outcomes/part-*.parquet');
create table bench_events as select * from bench_all_events where coalesce(loaded_at, event_at) < timestamp '{cut}';
create table bench_outcomes as select * from bench_all_outcomes where label_arrived_at < timestamp '{cut}';
create table bench_offline_estimates as
    select * from read_csv('{data}/corridor_demo_offline_estimates.csv', header = true);
create table bench_rules as select * from read_csv('{data}/corridor_demo_rules.csv', header = true);
checkpoint;
"""

APPEND_SQL = """
insert into bench_events select * from bench_all_events
    where coalesce(loaded_at, event_at) >= timestamp '{cut}' and coalesce(loaded_at, event_at) < timestamp '{next}'
        and event_at >= timestamp '{horizon}';
insert into bench_outcomes select outcomes.* from bench_all_outcomes as outcomes
    where outcomes.label_arrived_at >= timestamp '{cut}' and outcomes.label_arrived_at < timestamp '{next}'
        and not exists (
            select 1 from bench_all_events as events
            where events.event_id = outcomes.event_id and events.event_at < timestamp '{horizon}'
        );
checkpoint;
"""

LATE_DATA = ("lookback", "all")
SCENARIO_TEXT = {"lookback": "only rows about events inside the lookback", "all": "every row that arrived that day"}


def _sql_child(db: str, sql: str, cut: str) -> None:
    """Child-process entry point: run ``sql`` on ``db`` and print the input's row counts."""
    import duckdb

    con = duckdb.connect(db)
    con.execute(sql)
    rows = {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in ("bench_events", "bench_outcomes")}
    before = con.execute(f"select count(*) from bench_events where event_at < timestamp '{cut}'").fetchall()[0][0]
    con.close()
    print("ROWS " + json.dumps({**rows, "events_before_cut": before}), flush=True)


def _run_sql(workdir: Path, db: Path, sql: str, cut: str, name: str) -> dict[str, object]:
    code = f"from corridor_tools.bench_incremental import _sql_child; _sql_child({str(db)!r}, {sql!r}, {cut!r})"
    log = workdir / f"{name}.log"
    res = _run_child([sys.executable, "-c", code], _child_env(), log)
    if res["returncode"] != 0:
        raise SystemExit(f"{name} failed:\n{_tail(log)}")
    rows = next(json.loads(line[5:]) for line in log.read_text().splitlines() if line.startswith("ROWS "))
    return {**res, "rows": rows}


def ensure_data(workdir: Path, days: int, per_day: int, seed: int, workers: int, start: str) -> dict[str, object]:
    """DAYS + 1 days of Parquet from ``start`` for (days, per_day, seed), generated unless it already exists."""
    n = (days + 1) * per_day
    suffix = "" if start == START else f"_from{start}"
    data = workdir / "data" / f"days{days + 1}_perday{per_day}_seed{seed}{suffix}"
    marker = data / "bench_data.json"
    if marker.exists():
        print(f"reusing {data}", flush=True)
        return {"dir": data, "generated": False, **json.loads(marker.read_text())}
    data.mkdir(parents=True, exist_ok=True)
    print(f"generating {n:,} events over {days + 1} days from {start} (seed {seed}) into {data} ...", flush=True)
    cmd = [sys.executable, "-m", "corridor.demo_data", "parquet", "--events", str(n), "--days", str(days + 1)]
    cmd += ["--start", start, "--out", str(data), "--seed", str(seed), "--workers", str(workers)]
    res = _run_child(cmd, _child_env(), workdir / "generate.log", echo="  gen| ")
    if res["returncode"] != 0:
        raise SystemExit(f"data generation failed:\n{_tail(workdir / 'generate.log')}")
    meta = {"events": n, "days": days + 1, "start": start, "seed": seed, "generate_seconds": res["seconds"]}
    marker.write_text(json.dumps(meta, indent=2) + "\n")
    return {"dir": data, "generated": True, **meta}


def _summary(run: dict) -> dict[str, object]:
    models = [x for x in run["nodes"] if x["type"] == "model"]
    return {
        "seconds": run["seconds"],
        "run_elapsed_seconds": run["run_elapsed_seconds"],
        "model_seconds_sum": run["model_seconds_sum"],
        "peak_rss_bytes": run["peak_rss_bytes"],
        "slowest_models": models[:5],
        "nodes": run["nodes"],
        "parse": run["parse"],
    }


def report(res: dict) -> str:
    """The printed summary: the full build, then one block per incremental scenario."""
    full = res["full"]
    lines = [
        f"corridor bench-incremental: {res['days']} days x {res['events_per_day']:,} events/day, then day "
        f"{res['days'] + 1} + late data; corridor_lookback_days {res['lookback_days']}, seed {res['seed']}",
        f"  machine: {res['machine']['cpus']} cores, {res['machine']['mem_gib']:.0f} GiB; duckdb "
        f"{res['versions']['duckdb']}, dbt-core {res['versions']['dbt-core']}; project at "
        f"{(res['project']['git_head'] or '?')[:10]}"
        + (" + uncommitted changes" if res["project"]["uncommitted"] else ""),
        f"  input before the new day: {res['rows_full']['bench_events']:,} event rows, "
        f"{res['rows_full']['bench_outcomes']:,} outcomes",
        "",
        f"  {'':44}{'seconds':>10}{'rows/s':>14}{'peak RSS':>12}",
        f"  {'(full) dbt build --full-refresh, wall':44}{full['seconds']:>10.2f}"
        f"{_rate(res['rows_full']['bench_events'], full['seconds']):>14,.0f}{_gib(full['peak_rss_bytes']):>12}",
        f"  {'    model execution time (sum)':44}{full['model_seconds_sum']:>10.2f}",
        "  five slowest models (full): "
        + ", ".join(f"{x['node']} {x['seconds']:.2f}s" for x in full["slowest_models"]),
        "  largest RSS while a model ran (full): "
        + ", ".join(f"{x['node']} {_gib(x['peak_rss_bytes'])}" for x in bench._largest_rss(full["nodes"])),
    ]
    for name, sc in res["scenarios"].items():
        inc = sc["incremental"]
        lines += [
            "",
            f"  late data: {name} ({SCENARIO_TEXT[name]}): "
            f"delivered {sc['delivered_events']:,} event rows ({sc['late_events']:,} of them late, for earlier days) "
            f"and {sc['delivered_outcomes']:,} outcomes",
            f"  the daily run, parsing the project from scratch (dbt's parse: {inc['parse']}):",
            f"  {'(incremental) dbt build, wall':44}{inc['seconds']:>10.2f}"
            f"{_rate(sc['rows_incremental']['bench_events'], inc['seconds']):>14,.0f}{_gib(inc['peak_rss_bytes']):>12}",
            f"  {'    model execution time (sum)':44}{inc['model_seconds_sum']:>10.2f}",
            f"  {'    delivered rows / wall second':44}{'':>10}{_rate(sc['delivered_events'], inc['seconds']):>14,.0f}",
            f"  {'ratio incremental / full (wall)':44}{sc['ratio_wall']:>10.3f}   target <= 0.100: "
            + ("MET" if sc["ratio_wall"] <= 0.1 else "NOT MET"),
            f"  {'ratio incremental / full (model time)':44}{sc['ratio_model']:>10.3f}",
            "  five slowest models (incremental): "
            + ", ".join(f"{x['node']} {x['seconds']:.2f}s" for x in inc["slowest_models"]),
        ]
        if "incremental_partial_parse" in sc:
            again = sc["incremental_partial_parse"]
            lines += [
                f"  the same daily run in the full build's project folder (dbt's parse: {again['parse']}):",
                f"  {'(incremental) dbt build, wall':44}{again['seconds']:>10.2f}"
                f"{_rate(sc['rows_incremental']['bench_events'], again['seconds']):>14,.0f}"
                f"{_gib(again['peak_rss_bytes']):>12}",
                f"  {'    model execution time (sum)':44}{again['model_seconds_sum']:>10.2f}",
                f"  {'ratio incremental / full (wall)':44}{sc['ratio_wall_partial_parse']:>10.3f}   target <= 0.100: "
                + ("MET" if sc["ratio_wall_partial_parse"] <= 0.1 else "NOT MET"),
            ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m corridor_tools.bench_incremental", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--days", type=int, default=90, help="days of history before the new day (default 90)")
    parser.add_argument("--events-per-day", type=int, default=1_000_000, help="events a day (default 1M)")
    parser.add_argument("--workdir", default=str(REPO / "build" / "bench_incremental"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--lookback-days", type=int, default=3, help="corridor_lookback_days (default 3)")
    parser.add_argument("--workers", type=int, default=1, help="processes for data generation (default 1)")
    parser.add_argument(
        "--late-data",
        choices=(*LATE_DATA, "both"),
        default="both",
        help="the new day's late rows delivered: inside the lookback only, all, or both runs (default both)",
    )
    parser.add_argument(
        "--partial-parse",
        action="store_true",
        help="run each daily run a second time as a scheduled run in the full build's project folder does: "
        "with dbt's saved parse of that build (partial parsing), not a parse from scratch",
    )
    parser.add_argument("--keep", action="store_true", help="keep the bench DuckDB file afterwards")
    parser.add_argument("--quiet-dbt", action="store_true", help="do not echo dbt's output")
    args = parser.parse_args(argv)
    if args.days < 1 or args.events_per_day < 1:
        parser.error("--days and --events-per-day must be at least 1")

    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    start = bench_start(args.days)
    data = ensure_data(workdir, args.days, args.events_per_day, args.seed, args.workers, start)
    cut_at = dt.datetime.strptime(start, "%Y-%m-%d") + dt.timedelta(days=args.days)
    next_at = cut_at + dt.timedelta(days=1)
    cut_s, next_s = f"{cut_at:%Y-%m-%d %H:%M:%S}", f"{next_at:%Y-%m-%d %H:%M:%S}"
    db = workdir / "bench_incremental.duckdb"
    remove_db(db)
    print(f"loading what had arrived by {cut_s} into {db} ...", flush=True)
    ld = _run_sql(workdir, db, LOAD_SQL.format(data=data["dir"], cut=cut_s), cut_s, "load")
    # corridor_tools.bench's dbt vars (its bench_* relations) plus the lookback
    bench.DBT_VARS = bench.DBT_VARS.rstrip("}") + f", corridor_lookback_days: {args.lookback_days}}}"
    scenarios = LATE_DATA if args.late_data == "both" else (args.late_data,)
    horizons = {"lookback": f"{cut_at - dt.timedelta(days=args.lookback_days):%Y-%m-%d %H:%M:%S}", "all": start}
    # each scenario's daily run parses the project from scratch; with --partial-parse it runs a second time, as a
    # scheduled run in the project folder the full build left (dbt reuses that build's saved parse)
    plan = [(name, parse) for name in scenarios for parse in ((False, True) if args.partial_parse else (False,))]
    snapshot = workdir / "after_full_build.duckdb"
    runs = {}
    try:
        full = run_dbt(workdir / "full", db, not args.quiet_dbt, full_refresh=True, label="(full)")
        if len(plan) > 1:
            shutil.copyfile(db, snapshot)
        for i, (name, partial) in enumerate(plan):
            if i > 0:
                shutil.copyfile(snapshot, db)
            print(f"appending the next day's delivery (late data: {name}) ...", flush=True)
            sql = APPEND_SQL.format(cut=cut_s, next=next_s, horizon=horizons[name])
            # the second append of a scenario (its partial-parse run) keeps its own log beside the first's
            ap = _run_sql(workdir, db, sql, cut_s, f"append_{name}{'_partial_parse' if partial else ''}")
            inc = run_dbt(
                workdir / f"incremental_{name}{'_partial_parse' if partial else ''}",
                db,
                not args.quiet_dbt,
                label=f"(incremental, {name}{', partial parse' if partial else ''})",
                parse_from=workdir / "full" / "dbt" / "target" if partial else None,
            )
            if partial:
                runs[name] += (inc,)
            else:
                runs[name] = (ap, inc)
    except DbtFailed as e:
        print(json.dumps(_jsonable(e.info), indent=2)[-6000:], file=sys.stderr)
        return 1
    finally:
        if snapshot.exists():
            snapshot.unlink()
    res = {
        "days": args.days,
        "events_per_day": args.events_per_day,
        "seed": args.seed,
        "lookback_days": args.lookback_days,
        "machine": _machine(),
        "versions": _versions(),
        "project": project_state(REPO),
        "data": data,
        "rows_full": ld["rows"],
        "full": _summary(full),
        "scenarios": {
            name: {
                "rows_incremental": ap["rows"],
                "delivered_events": ap["rows"]["bench_events"] - ld["rows"]["bench_events"],
                "late_events": ap["rows"]["events_before_cut"] - ld["rows"]["events_before_cut"],
                "delivered_outcomes": ap["rows"]["bench_outcomes"] - ld["rows"]["bench_outcomes"],
                "incremental": _summary(inc),
                "ratio_wall": inc["seconds"] / full["seconds"],
                "ratio_model": inc["model_seconds_sum"] / full["model_seconds_sum"],
            }
            | (
                {
                    "incremental_partial_parse": _summary(more[0]),
                    "ratio_wall_partial_parse": more[0]["seconds"] / full["seconds"],
                }
                if more
                else {}
            )
            for name, (ap, inc, *more) in runs.items()
        },
    }
    print()
    print(report(res))
    (workdir / "bench_incremental_results.json").write_text(json.dumps(_jsonable(res), indent=2) + "\n")
    print(f"\nwrote {workdir / 'bench_incremental_results.json'}")
    if not args.keep:
        remove_db(db)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
