"""Benchmark corridor's dbt build against a plain hand-written DuckDB query.

``python -m corridor_tools.bench --events N [--workdir bench_data] [--seed 42] [--keep]``

1. Generates N events with the demo generator's Parquet path (reused when the
   same N and seed already exist under ``<workdir>/data``), and loads them into
   a fresh DuckDB file as ``bench_events``, ``bench_outcomes``,
   ``bench_offline_estimates`` and ``bench_rules`` (timed, not measured).
2. (a) Times ``dbt build`` of the staging, intermediate and marts layers (plus
   the audit models, so the on-run-end hook records the run) in a subprocess,
   with corridor's own ``profiles.yml`` pointed at the bench file: wall time
   including dbt start-up, and the sum of model execution times from
   ``run_results.json``.
3. (b) Times ONE plain hand-written DuckDB query computing the same
   production metrics (dedup by event_id, latest outcome, GROUP BY GROUPING
   SETS over the same 12 sets, exact latency quantiles), and a bare GROUP BY
   (model_version, day, region) with count, mean latency and exact p95: both in
   a child process, on a read-only connection with the profile's DuckDB
   settings, after dbt has finished. The child writes the baseline's rows to
   ``<workdir>/baseline_result.parquet`` and its timings to
   ``<workdir>/baseline_figures.json``; a child that fails with DuckDB's
   out-of-memory error is retried once in a new child (every attempt is
   recorded under ``b_baseline.attempts``).
4. Prints the figures (rows/s = distinct events / seconds), the ratios and
   peak memory, and writes them to ``<workdir>/bench_results.json`` (and
   ``bench_results_<N>.json``).
5. Checks that (a) and (b) agree on every production metric both compute
   (relative tolerance 1e-9) and fails otherwise.

Generation, loading, dbt and the baseline each run in a child process, reaped
with ``os.wait4`` so each one's peak RSS is its own (the baseline's includes its
interpreter, pandas and the fetched result).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE_PARENT = Path(__file__).resolve().parents[1]

# (a) the whole build a user runs: every corridor model (intervals, gates, quarantine, validation, alerts,
# audit) and their tests, and the on-run-end hook.
SELECT = "tag:corridor"
EXCLUDE = "tag:corridor_demo"
# (a2) the metric layer alone: the same build without the interval and Bayesian models.
METRIC_LAYER_EXCLUDE = "tag:corridor_demo tag:corridor_intervals"
DBT_VARS = (
    "{corridor_load_demo_seeds: false, corridor_profile: demo, "
    "corridor_production_events: {relation: main.bench_events}, "
    "corridor_outcomes: {relation: main.bench_outcomes}, "
    "corridor_offline_estimates: {relation: main.bench_offline_estimates}, "
    "corridor_rules: {relation: main.bench_rules}, "
    "corridor_reference_features: null}"
)
# The uncertainty models: their execution time is reported next to the metric layer's.
INTERVAL_MODELS = (
    "int_corridor__value_histograms",
    "int_corridor__interval_settings",
    "int_corridor__bootstrap_intervals",
    "int_corridor__exact_intervals",
    "int_corridor__sql_bootstrap_intervals",
    "int_corridor__bayesian_checks",
    "corridor_bootstrap_intervals",
    "corridor_metric_intervals",
)
REL_TOL = 1e-9
# corridor sums floating-point terms exactly after rounding each to 12 decimals (corridor.exact_sum), so a
# mean of such terms (log loss, Brier score) can differ from the plain one by up to 0.5e-12 in absolute
# terms; that matters only for tiny means in tiny windows, where 1e-9 relative is below 1e-12 absolute.
ABS_TOL = 1e-12

GRAINS = ("hour", "day", "week")
SEGMENTS = ("region", "device", "tier")
COMPARED_METRICS = (
    "request_count",
    "error_rate",
    "latency_mean",
    "latency_p50",
    "latency_p95",
    "latency_p99",
    "accuracy",
    "precision",
    "recall",
    "log_loss",
    "brier_score",
)


def _grouping_sets(segments=SEGMENTS) -> str:
    sets = []
    for g in GRAINS:
        sets.append(f"(model_id, model_version, {g}_start)")
        sets.extend(f"(model_id, model_version, {g}_start, {s})" for s in segments)
    return ",\n        ".join(sets)


def _segment_case(segments, otherwise: str) -> str:
    """The segment dimension's (or value's) case expression of the grouping sets."""
    whens = " ".join(f"when grouping({s}) = 0 then {otherwise.format(s=s)}" for s in segments)
    return f"case {whens} else 'all' end" if segments else "'all'"


def baseline_sql(
    events: str = "bench_events",
    outcomes: str = "bench_outcomes",
    segments: tuple[str, ...] = SEGMENTS,
    predicted_class: str = "predicted_class",
) -> str:
    """The plain baseline: what someone would write by hand for the same metrics, over `events` and `outcomes`
    with the segment columns `segments` (the drift bench reuses it on its own tables: predicted_class 'null'
    where the events have no class column)."""
    return f"""
with
events as (
    select event_id, event_at, model_id, model_version, {"".join(s + ", " for s in segments)}
           latency_ms, coalesce(is_error, false) as is_error, predicted_score, {predicted_class} as predicted_class
    from {events}
    where event_id is not null and event_at is not null
    qualify row_number() over (
        partition by event_id order by loaded_at asc nulls last, event_at asc) = 1
),
outcomes as (
    select event_id, label
    from {outcomes}
    where event_id is not null and label is not null
    qualify row_number() over (partition by event_id order by label_arrived_at desc nulls last) = 1
),
scored as (
    select
        e.model_id, e.model_version, {"".join("e." + s + ", " for s in segments)}e.latency_ms, e.is_error,
        o.label is not null and not e.is_error and e.predicted_score is not null as evaluable,
        o.label as y,
        coalesce(e.predicted_class, case when e.predicted_score >= 0.5 then 1 else 0 end) as c,
        least(greatest(e.predicted_score, 1e-15), 1 - 1e-15) as p,
        e.predicted_score as s,
        date_trunc('hour', e.event_at) as hour_start,
        date_trunc('day', e.event_at) as day_start,
        date_trunc('week', e.event_at) as week_start
    from events as e
    left join outcomes as o on e.event_id = o.event_id
),
grouped as (
    select
        model_id,
        model_version,
        case when grouping(hour_start) = 0 then 'hour'
             when grouping(day_start) = 0 then 'day' else 'week' end as window_grain,
        coalesce(hour_start, day_start, week_start) as window_start,
        {_segment_case(segments, "'{s}'")} as segment_dimension,
        {_segment_case(segments, "{s}")} as segment_value,
        count(*) as n,
        count(*) filter (where is_error) as n_errors,
        avg(latency_ms) as latency_mean,
        quantile_cont(latency_ms, [0.5, 0.95, 0.99]) as q,
        count(*) filter (where evaluable) as n_eval,
        count(*) filter (where evaluable and y = 1 and c = 1) as tp,
        count(*) filter (where evaluable and y = 0 and c = 1) as fp,
        count(*) filter (where evaluable and y = 0 and c = 0) as tn,
        count(*) filter (where evaluable and y = 1 and c = 0) as fn,
        avg(-(y * ln(p) + (1 - y) * ln(1 - p))) filter (where evaluable) as log_loss,
        avg((s - y) * (s - y)) filter (where evaluable) as brier
    from scored
    group by grouping sets (
        {_grouping_sets(segments)}
    )
)
select
    model_id, model_version, window_grain, window_start, segment_dimension, segment_value,
    cast(n as double) as request_count,
    cast(n_errors as double) / n as error_rate,
    latency_mean,
    q[1] as latency_p50,
    q[2] as latency_p95,
    q[3] as latency_p99,
    cast(tp + tn as double) / nullif(n_eval, 0) as accuracy,
    cast(tp as double) / nullif(tp + fp, 0) as precision,
    cast(tp as double) / nullif(tp + fn, 0) as recall,
    log_loss,
    brier as brier_score
from grouped
"""


BASELINE_SQL = baseline_sql()

BARE_SQL = """
select model_version, date_trunc('day', event_at) as day, region,
       count(*) as n, avg(latency_ms) as latency_mean, quantile_cont(latency_ms, 0.95) as latency_p95
from bench_events
group by model_version, date_trunc('day', event_at), region
"""

LOAD_SQL = """
set enable_progress_bar = false;
create table bench_events as select * from read_parquet('{data}/events/part-*.parquet');
create table bench_outcomes as select * from read_parquet('{data}/outcomes/part-*.parquet');
create table bench_offline_estimates as
    select * from read_csv('{data}/corridor_demo_offline_estimates.csv', header = true);
create table bench_rules as select * from read_csv('{data}/corridor_demo_rules.csv', header = true);
checkpoint;
"""


# --------------------------------------------------------------------------
# Child processes
# --------------------------------------------------------------------------
def _child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_PARENT), env.get("PYTHONPATH")) if p)
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    # The bench is not the demo: corridor needs a pseudonymization key (entity ids are hashed).
    env.setdefault("CORRIDOR_PSEUDONYM_KEY", "corridor-bench-key")
    env.update(extra)
    return env


def _run_child(
    cmd: list[str], env: dict[str, str], log_path: Path, echo: str | None = None, cwd: Path | None = None
) -> dict[str, object]:
    """Run ``cmd``, tee its output to ``log_path`` (and stdout, prefixed by ``echo``).

    Returns wall seconds, exit code and the child's own peak RSS (``os.wait4``).
    """
    t0 = time.perf_counter()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd, text=True, bufsize=1
        )
        sampler = RssSampler(proc.pid)
        sampler.start()
        assert proc.stdout is not None
        for line in proc.stdout:
            log.write(line)
            if echo is not None:
                print(f"{echo}{line}", end="", flush=True)
        sampler.stop()
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "seconds": wall,
        "returncode": proc.returncode,
        "peak_rss_bytes": usage.ru_maxrss * 1024,
        "rss_samples": sampler.samples,
    }


class RssSampler(threading.Thread):
    """Samples a process's resident set (``/proc/<pid>/status`` VmRSS) every ``interval`` seconds, as
    ``(unix time, bytes)`` pairs, so that peak memory can be attributed to the dbt nodes running then."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval, self.samples = pid, interval, []
        self._done = threading.Event()

    def run(self) -> None:
        path = Path(f"/proc/{self.pid}/status")
        while not self._done.is_set():
            try:
                text = path.read_text()
            except OSError:
                return
            kb = next((int(x.split()[1]) for x in text.splitlines() if x.startswith("VmRSS:")), None)
            if kb is not None:
                self.samples.append((time.time(), kb * 1024))
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join(timeout=2)


def _iso_seconds(text: str) -> float:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=dt.timezone.utc).timestamp()


def node_peak_rss(result: dict, samples: list[tuple[float, int]]) -> int | None:
    """The largest RSS sample taken while a run_results node executed (an upper bound of its own peak: with
    several threads other nodes run at the same time), or None without timing or samples."""
    spans = [t for t in result.get("timing", []) if t.get("started_at") and t.get("completed_at")]
    if not spans or not samples:
        return None
    start, end = _iso_seconds(spans[0]["started_at"]), _iso_seconds(spans[-1]["completed_at"])
    inside = [rss for ts, rss in samples if start <= ts <= end]
    return max(inside) if inside else None


def _tail(path: Path, n: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-n:])


# --------------------------------------------------------------------------
# Steps
# --------------------------------------------------------------------------
def ensure_data(workdir: Path, n_events: int, seed: int, workers: int) -> dict[str, object]:
    """The Parquet data set for (N, seed), generated unless it already exists."""
    data = workdir / "data" / f"events_{n_events}_seed{seed}"
    marker = data / "bench_data.json"
    if marker.exists():
        meta = json.loads(marker.read_text())
        if meta.get("events") == n_events and meta.get("seed") == seed:
            print(f"reusing {data} (generated earlier in {meta['generate_seconds']:.1f}s)", flush=True)
            return {"dir": data, "generated": False, **meta}
    data.mkdir(parents=True, exist_ok=True)
    print(f"generating {n_events:,} events (seed {seed}) into {data} ...", flush=True)
    cmd = [
        sys.executable,
        "-m",
        "corridor.demo_data",
        "parquet",
        "--events",
        str(n_events),
        "--out",
        str(data),
        "--seed",
        str(seed),
        "--workers",
        str(workers),
    ]
    res = _run_child(cmd, _child_env(), workdir / "generate.log", echo="  gen| ")
    if res["returncode"] != 0:
        raise SystemExit(f"data generation failed:\n{_tail(workdir / 'generate.log')}")
    meta = {
        "events": n_events,
        "seed": seed,
        "generate_seconds": res["seconds"],
        "bytes": sum(p.stat().st_size for p in data.rglob("*") if p.is_file()),
    }
    marker.write_text(json.dumps(meta, indent=2) + "\n")
    return {"dir": data, "generated": True, **meta}


def _load_tables(db: str, data: str) -> None:
    """Child-process entry point: load the Parquet/CSV data into a fresh DuckDB file."""
    import duckdb

    con = duckdb.connect(db)
    con.execute(LOAD_SQL.format(data=data))
    rows = {
        t: con.execute(f"select count(*) from {t}").fetchall()[0][0]
        for t in ("bench_events", "bench_outcomes", "bench_offline_estimates", "bench_rules")
    }
    con.close()
    print("ROWS " + json.dumps(rows), flush=True)


def load(workdir: Path, db: Path, data: Path) -> dict[str, object]:
    remove_db(db)
    code = f"from corridor_tools.bench import _load_tables; _load_tables({str(db)!r}, {str(data)!r})"
    log = workdir / "load.log"
    res = _run_child([sys.executable, "-c", code], _child_env(), log)
    if res["returncode"] != 0:
        raise SystemExit(f"loading into DuckDB failed:\n{_tail(log)}")
    rows = next(json.loads(line[5:]) for line in log.read_text().splitlines() if line.startswith("ROWS "))
    return {**res, "rows": rows, "db_bytes": db.stat().st_size}


def _db_files(db: Path) -> list[Path]:
    return [db, db.with_name(db.name + ".wal"), db.with_name(db.name + ".tmp")]


def remove_db(db: Path) -> None:
    """Remove a bench DuckDB file with its write-ahead log and temporary directory, those that exist."""
    for p in _db_files(db):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_NODE_LINE = re.compile(r"\d+ of \d+ (START|OK|PASS|WARN|ERROR|FAIL|SKIP)\b(.*)")
_NODE_NAME = re.compile(r"\b(?:model|seed|snapshot|operation|test) (\S+)")


def unfinished_nodes(log_text: str) -> list[str]:
    """The nodes a dbt log shows started and never finished: what was running when dbt was killed (e.g. by the
    kernel's out-of-memory killer, which leaves no run_results.json behind)."""
    running: dict[str, None] = {}
    for line in _ANSI.sub("", log_text).splitlines():
        m = _NODE_LINE.search(line)
        if not m:
            continue
        named = _NODE_NAME.search(m.group(2))
        # "START test x" and "PASS x" / "FAIL 3 x" (a count before the name) name a test
        tokens = [t for t in m.group(2).split() if not t.isdigit()]
        name = (named.group(1) if named else tokens[0] if tokens else "").rsplit(".", 1)[-1]
        if m.group(1) == "START":
            running[name] = None
        else:
            running.pop(name, None)
    return list(running)


class DbtFailed(Exception):
    """dbt build exited non-zero; carries its timing, peak RSS, failing nodes and log tail."""

    def __init__(self, info: dict):
        super().__init__(f"dbt build failed (exit {info['returncode']})")
        self.info = info


def run_dbt(
    workdir: Path,
    db: Path,
    echo: bool,
    project_dir: Path = REPO,
    threads: int | None = None,
    exclude: str = EXCLUDE,
    full_refresh: bool = False,
    label: str = "(a)",
    dbt_vars: str | None = None,
    log_name: str | None = None,
    parse_from: Path | None = None,
) -> dict[str, object]:
    """A timed ``dbt build`` of every corridor model (less ``exclude``), its tests and the on-run-end hook.

    Every run parses the project from scratch, unless ``parse_from`` names an earlier run's target folder: its
    partial_parse.msgpack is then copied in first, as dbt finds it when a scheduled run follows another in the
    same project folder (dbt's partial parsing, on by default)."""
    dbt_dir = workdir / "dbt"
    if dbt_dir.exists():
        shutil.rmtree(dbt_dir)
    (dbt_dir / "target").mkdir(parents=True)
    if parse_from is not None:
        shutil.copyfile(parse_from / "partial_parse.msgpack", dbt_dir / "target" / "partial_parse.msgpack")
    dbt = Path(sys.executable).with_name("dbt")
    cmd = [
        str(dbt) if dbt.exists() else "dbt",
        "build",
        "--select",
        *SELECT.split(),
        "--exclude",
        *exclude.split(),
        *(["--full-refresh"] if full_refresh else []),
        "--vars",
        dbt_vars or DBT_VARS,
        "--project-dir",
        str(project_dir),
        "--profiles-dir",
        str(REPO),
        "--target-path",
        str(dbt_dir / "target"),
        "--log-path",
        str(dbt_dir / "logs"),
        *(["--threads", str(threads)] if threads else []),
    ]
    env = _child_env(CORRIDOR_DUCKDB_PATH=str(db), DBT_PROFILES_DIR=str(REPO))
    print(
        f"{label} " + " ".join(cmd[:4]) + f" --exclude {exclude}{' --full-refresh' if full_refresh else ''} ...",
        flush=True,
    )
    log_name = log_name or ("dbt_build.log" if label == "(a)" else "dbt_build_metric_layer.log")
    res = _run_child(cmd, env, workdir / log_name, echo="  dbt| " if echo else None, cwd=project_dir)
    samples = res.pop("rss_samples")
    results_path = dbt_dir / "target" / "run_results.json"
    if res["returncode"] != 0:
        failed = []
        if results_path.exists():
            failed = [
                {
                    "node": r["unique_id"].split(".")[-1],
                    "status": r["status"],
                    "seconds": r["execution_time"],
                    "message": (r.get("message") or "")[:500],
                }
                for r in json.loads(results_path.read_text())["results"]
                if r["status"] in ("error", "fail")
            ]
        elif res["returncode"] < 0:
            # killed (signal -returncode; 9 from the out-of-memory killer): no run_results; the log says what ran
            failed = [
                {"node": node, "status": f"killed (signal {-res['returncode']})", "seconds": None, "message": ""}
                for node in unfinished_nodes((workdir / log_name).read_text(errors="replace"))
            ]
        raise DbtFailed({**res, "command": cmd, "failed_nodes": failed, "log_tail": _tail(workdir / log_name)})
    run_results = json.loads(results_path.read_text())
    nodes = []
    for r in run_results["results"]:
        kind = r["unique_id"].split(".", 1)[0]
        nodes.append(
            {
                "node": r["unique_id"].split(".")[-1],
                "type": kind,
                "status": r["status"],
                "seconds": r["execution_time"],
                "peak_rss_bytes": node_peak_rss(r, samples),
            }
        )
    model_s = sum(x["seconds"] for x in nodes if x["type"] == "model")
    parse = parse_kind((dbt_dir / "logs" / "dbt.log").read_text(errors="replace"))
    hook_s = sum(x["seconds"] for x in nodes if x["type"] == "operation")
    test_s = sum(x["seconds"] for x in nodes if x["type"] not in ("model", "operation"))
    return {
        **res,
        "run_elapsed_seconds": run_results["elapsed_time"],
        "model_seconds_sum": model_s,
        "hook_seconds_sum": hook_s,
        "test_seconds_sum": test_s,
        "nodes": sorted(nodes, key=lambda x: -x["seconds"]),
        "command": cmd,
        "parse": parse,
    }


def parse_kind(log: str) -> str:
    """How dbt parsed the project, from its debug log: ``partial`` (it reused a saved parse, re-reading
    changed files only) or ``full`` (with dbt's reason when it had a saved parse it could not use)."""
    for line in log.splitlines():
        if "Partial parsing enabled" in line:
            return "partial"
        if "Unable to do partial parsing because" in line:
            reason = line.split("Unable to do partial parsing because", 1)[1].strip()
            return "full" if reason.startswith("saved manifest not found") else f"full ({reason})"
    return "full"


def profile_settings(profiles_dir: Path = REPO) -> dict[str, object]:
    """The DuckDB ``settings`` of the corridor profile's default target, so (b) runs like (a)."""
    import yaml

    try:
        profile = yaml.safe_load((profiles_dir / "profiles.yml").read_text())["corridor"]
        settings = dict(profile["outputs"][profile.get("target", "duckdb")].get("settings") or {})
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return {}
    return {key: _render_env_var(value) for key, value in settings.items()}


_ENV_VAR = re.compile(r"""^\{\{\s*env_var\(\s*'([A-Za-z0-9_]+)'\s*,\s*'([^']*)'\s*\)\s*\}\}$""")


def _render_env_var(value):
    """A profile value ``{{ env_var('NAME', 'default') }}`` as dbt renders it (the environment's value, else the
    default); any other value as it is."""
    match = _ENV_VAR.match(value.strip()) if isinstance(value, str) else None
    return os.environ.get(match.group(1), match.group(2)) if match else value


class BaselineFailed(Exception):
    """The plain baseline failed in every attempt (e.g. out of memory twice); carries the attempts."""

    def __init__(self, attempts: list[dict]):
        super().__init__("; ".join(f"attempt {x['attempt']}: {x['error']}" for x in attempts))
        self.attempts = attempts


# (b) runs in a child process; a child that fails with DuckDB's out-of-memory error is retried once in a new one.
BASELINE_ATTEMPTS = 2
BASELINE_FRAME = "baseline_result.parquet"
BASELINE_FIGURES = "baseline_figures.json"


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def _baseline_child(db: str, settings: str, out_dir: str) -> None:
    """Child-process entry point of (b): the plain baseline and the bare GROUP BY, timed on a read-only connection
    with the DuckDB settings ``settings`` (JSON). Writes the baseline's rows to ``<out_dir>/baseline_result.parquet``
    and the seconds and rows (or the error, and whether it is DuckDB's out-of-memory error) to
    ``<out_dir>/baseline_figures.json``; exits 1 on a DuckDB error."""
    import duckdb

    out = Path(out_dir)
    figures: dict[str, object] = {}
    step, t0 = "settings", time.perf_counter()
    con = duckdb.connect(db, read_only=True)
    try:
        con.execute("set enable_progress_bar = false")
        for key, value in json.loads(settings).items():
            con.execute(f"set {key} = ?", [value])
        step, t0 = "baseline", time.perf_counter()
        plain = con.execute(BASELINE_SQL).fetch_df()
        figures.update(seconds=time.perf_counter() - t0, rows=len(plain))
        step, t0 = "bare GROUP BY", time.perf_counter()
        bare = con.execute(BARE_SQL).fetch_df()
        figures.update(bare_seconds=time.perf_counter() - t0, bare_rows=len(bare))
    except duckdb.Error as exc:
        failed_after = time.perf_counter() - t0
        where = "" if step == "baseline" else f"{step}: "
        figures.setdefault("seconds", failed_after)
        figures.update(
            error=f"{where}{type(exc).__name__} after {failed_after:.1f}s: {_first_line(str(exc))}",
            out_of_memory=isinstance(exc, duckdb.OutOfMemoryException),
        )
        (out / BASELINE_FIGURES).write_text(json.dumps(figures) + "\n")
        sys.exit(1)
    finally:
        con.close()
    plain.to_parquet(out / BASELINE_FRAME, index=False)
    (out / BASELINE_FIGURES).write_text(json.dumps(figures) + "\n")


def _baseline_command(db: Path, settings: dict[str, object], out_dir: Path) -> list[str]:
    """The child process of one attempt of (b)."""
    code = (
        "from corridor_tools.bench import _baseline_child; "
        f"_baseline_child({str(db)!r}, {json.dumps(settings)!r}, {str(out_dir)!r})"
    )
    return [sys.executable, "-c", code]


def _baseline_attempt(db: Path, settings: dict[str, object], workdir: Path, attempt: int) -> tuple[dict, dict]:
    """One child process of (b): its record for ``b_baseline.attempts`` and the figures it wrote."""
    for name in (BASELINE_FRAME, BASELINE_FIGURES):
        (workdir / name).unlink(missing_ok=True)
    log = workdir / f"baseline_attempt{attempt}.log"
    res = _run_child(_baseline_command(db, settings, workdir), _child_env(), log)
    path = workdir / BASELINE_FIGURES
    figures = json.loads(path.read_text()) if path.exists() else {}
    ok = res["returncode"] == 0 and "error" not in figures and (workdir / BASELINE_FRAME).exists()
    error = None
    if not ok:
        # a DuckDB error as the child recorded it; else (a crash, a kill) the exit code and the log's last line
        tail = _tail(log, 1) if log.exists() else ""
        error = figures.get("error") or f"baseline process exited {res['returncode']}" + (f": {tail}" if tail else "")
    record = {
        "attempt": attempt,
        "seconds": figures.get("seconds", res["seconds"]),
        "wall_seconds": res["seconds"],
        "ok": ok,
        "error": error,
        "out_of_memory": bool(figures.get("out_of_memory")),
        "returncode": res["returncode"],
        "peak_rss_bytes": res["peak_rss_bytes"],
    }
    return record, figures


def run_baselines(db: Path, settings: dict[str, object] | None = None, workdir: Path | None = None):
    """(b) the plain baseline and the bare GROUP BY, timed in a child process on a read-only connection.

    The connection gets the same DuckDB settings as dbt's (the profile's ``settings``). The child writes the
    baseline's rows and its figures under ``workdir`` (default: the DB file's folder); a child that fails with
    DuckDB's out-of-memory error is retried once in a new child with the same settings. Returns a read-only
    connection opened here after the child exited (for ``check_agreement``), the figures (peak RSS: the successful
    child's own; ``attempts``: every child's seconds, error and peak RSS) and the baseline's rows. Raises
    BaselineFailed when no attempt succeeded.
    """
    import duckdb
    import pandas as pd

    db = Path(db)
    settings = dict(settings or {})
    workdir = Path(workdir) if workdir is not None else db.parent
    attempts: list[dict] = []
    for attempt in range(1, BASELINE_ATTEMPTS + 1):
        record, figures = _baseline_attempt(db, settings, workdir, attempt)
        attempts.append(record)
        if record["ok"] or not record["out_of_memory"]:
            break
        if attempt < BASELINE_ATTEMPTS:
            print(
                f"(b) attempt {attempt} failed: {record['error']} (peak RSS {_gib(record['peak_rss_bytes'])}); "
                "retrying in a new process ...",
                flush=True,
            )
    if not attempts[-1]["ok"]:
        raise BaselineFailed(attempts)
    plain = pd.read_parquet(workdir / BASELINE_FRAME)
    con = duckdb.connect(str(db), read_only=True)
    con.execute("set enable_progress_bar = false")
    for key, value in settings.items():
        con.execute(f"set {key} = ?", [value])
    return (
        con,
        {
            "seconds": figures["seconds"],
            "rows": figures["rows"],
            "bare_seconds": figures["bare_seconds"],
            "bare_rows": figures["bare_rows"],
            "peak_rss_bytes": attempts[-1]["peak_rss_bytes"],
            "duckdb_settings": settings,
            "attempts": attempts,
        },
        plain,
    )


def check_agreement(con, plain) -> dict[str, object]:
    """Compare every production metric both sides compute, window by window."""
    import numpy as np
    import pandas as pd

    metrics = ", ".join(f"'{m}'" for m in COMPARED_METRICS)
    corr = con.execute(f"""
        select model_id, model_version, window_grain, window_start, segment_dimension, segment_value,
               metric, metric_value
        from corridor_metric_observations
        where source = 'production' and metric in ({metrics})
    """).fetch_df()
    keys = ["model_id", "model_version", "window_grain", "window_start", "segment_dimension", "segment_value", "metric"]
    base = plain.melt(
        id_vars=keys[:-1], value_vars=list(COMPARED_METRICS), var_name="metric", value_name="baseline_value"
    )
    for frame in (corr, base):
        frame["window_start"] = pd.to_datetime(frame["window_start"]).astype("datetime64[us]")
    merged = corr.merge(base, on=keys, how="outer", indicator=True)
    both = merged[merged["_merge"] == "both"]
    a = both["metric_value"].to_numpy(dtype=float)
    b = both["baseline_value"].to_numpy(dtype=float)
    diff = np.abs(a - b)
    same = (np.isnan(a) & np.isnan(b)) | (diff <= REL_TOL * np.maximum(np.abs(a), np.abs(b)) + ABS_TOL)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = diff / np.maximum(np.abs(a), np.abs(b))
    rel = rel[np.isfinite(rel)]
    diff = diff[np.isfinite(diff)]
    # Windows only corridor reports must be the empty windows of its grid (request_count 0).
    only_corr = merged[merged["_merge"] == "left_only"]
    bad_empty = only_corr[
        ((only_corr["metric"] == "request_count") & (only_corr["metric_value"] != 0))
        | ((only_corr["metric"] != "request_count") & only_corr["metric_value"].notna())
    ]
    only_base = merged[merged["_merge"] == "right_only"]
    mismatched = both[~same]
    examples = []
    day_all = both[
        (both["window_grain"] == "day")
        & (both["segment_dimension"] == "all")
        & both["metric"].isin(["request_count", "latency_p95", "accuracy"])
    ]
    for version, grp in day_all.sort_values("window_start").groupby("model_version"):
        starts = sorted(grp["window_start"].unique())
        for ws in [starts[0], starts[len(starts) // 2], starts[-1]]:
            row = {"model_version": version, "day": str(pd.Timestamp(ws).date())}
            for _, r in grp[grp["window_start"] == ws].iterrows():
                row[r["metric"]] = (r["metric_value"], r["baseline_value"])
            examples.append(row)
    ok = len(mismatched) == 0 and len(only_base) == 0 and len(bad_empty) == 0 and len(both) > 0
    return {
        "ok": bool(ok),
        "rel_tol": REL_TOL,
        "abs_tol": ABS_TOL,
        "max_absolute_difference": float(diff.max()) if diff.size else 0.0,
        "compared_values": int(len(both)),
        "windows_compared": int(len(both) // len(COMPARED_METRICS)),
        "mismatches": int(len(mismatched)),
        "missing_in_corridor": int(len(only_base)),
        "corridor_only_nonempty": int(len(bad_empty)),
        "corridor_only_empty_windows": int((only_corr["metric"] == "request_count").sum()),
        "max_relative_difference": float(rel.max()) if rel.size else 0.0,
        "mismatch_sample": mismatched.head(5).astype(str).to_dict("records"),
        "examples": examples,
    }


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------
def _gib(n: float) -> str:
    return f"{n / 2**30:.2f} GiB"


def _rate(events: int, seconds: float) -> float:
    return events / seconds if seconds > 0 else math.inf


def report(res: dict) -> str:
    n = res["events"]
    a, b, ld = res["a_dbt"], res["b_baseline"], res["load"]
    proj = res["project"]
    dirty = f" + uncommitted {', '.join(proj['uncommitted'])}" if proj["uncommitted"] else ""
    a2 = res.get("a2_dbt")
    lines = [
        f"corridor bench: {n:,} events ({ld['rows']['bench_events']:,} event rows with duplicates, "
        f"{ld['rows']['bench_outcomes']:,} outcomes), seed {res['seed']}",
        f"  machine: {res['machine']['cpus']} cores, {res['machine']['mem_gib']:.0f} GiB; "
        f"duckdb {res['versions']['duckdb']}, dbt-core {res['versions']['dbt-core']}, "
        f"dbt-duckdb {res['versions']['dbt-duckdb']}; 1-min load average before (a) "
        f"{res['loadavg_1min']['before_a']:.2f}, before (b) {res['loadavg_1min']['before_b']:.2f}, "
        f"after (b) {res['loadavg_1min']['after_b']:.2f} (other work on the machine skews timings)",
        f"  project: {proj['project_dir']} at {(proj['git_head'] or '?')[:10]}{dirty}",
        f"  data: {'generated' if res['data']['generated'] else 'reused'} "
        f"({res['data']['generate_seconds']:.1f}s to generate); load into DuckDB {ld['seconds']:.1f}s "
        f"(not measured), file {_gib(ld['db_bytes'])}",
        "",
        f"  {'':44}{'seconds':>10}{'rows/s':>14}{'peak RSS':>12}",
        f"  {'(a) dbt build, wall (incl. start-up)':44}{a['seconds']:>10.2f}{res['a_rows_per_s']:>14,.0f}"
        f"{_gib(a['peak_rss_bytes']):>12}",
        f"  {'    model execution time (sum)':44}{a['model_seconds_sum']:>10.2f}{res['a_model_rows_per_s']:>14,.0f}",
        f"  {'    dbt run phase (run_results elapsed)':44}{a['run_elapsed_seconds']:>10.2f}",
        f"  {'    start-up, parse, hooks (wall - run)':44}{a['seconds'] - a['run_elapsed_seconds']:>10.2f}",
    ]
    lines.append(f"  {'    on-run-end hook (run history)':44}{a['hook_seconds_sum']:>10.2f}")
    if a["test_seconds_sum"]:
        lines.append(f"  {'    data/unit tests (sum)':44}{a['test_seconds_sum']:>10.2f}")
    if a2:
        lines += [
            f"  {'(a2) metric layer alone (no interval models)':44}{a2['seconds']:>10.2f}"
            f"{res['a2_rows_per_s']:>14,.0f}{_gib(a2['peak_rss_bytes']):>12}",
            f"  {'    model execution time (sum)':44}{a2['model_seconds_sum']:>10.2f}",
        ]
    lines += [
        f"  {'(b) plain baseline, one DuckDB query':44}{b['seconds']:>10.2f}{res['b_rows_per_s']:>14,.0f}"
        f"{_gib(b['peak_rss_bytes']):>12}",
        f"  {'    bare GROUP BY (version, day, region)':44}{b['bare_seconds']:>10.2f}{res['bare_rows_per_s']:>14,.0f}",
        *baseline_retry_lines(b),
        f"  {'ratio (a)/(b), whole build / baseline':44}{res['ratio_a_b']:>10.2f}x",
        f"  {'ratio model time/(b)':44}{res['ratio_model_b']:>10.2f}x",
    ]
    if a2:
        lines += [
            f"  {'ratio (a2)/(b), metric layer / baseline':44}{res['ratio_a2_b']:>10.2f}x",
            f"  {'ratio (a)/(a2), whole build / metric layer':44}{res['ratio_a_a2']:>10.2f}x",
            f"  {'interval + Bayesian models (sum, in (a))':44}{res['interval_model_seconds_sum']:>10.2f}"
            f"   vs metric layer models {res['metric_model_seconds_sum']:.2f}s (sum, in (a2))",
        ]
    slowest = [x for x in a["nodes"] if x["type"] == "model"][:5]
    lines += [
        f"  peak RSS: whole build {_gib(a['peak_rss_bytes'])}"
        + (f", metric layer {_gib(a2['peak_rss_bytes'])}" if a2 else "")
        + f", baseline {_gib(b['peak_rss_bytes'])}",
        "  five slowest models of (a): " + ", ".join(f"{x['node']} {x['seconds']:.2f}s" for x in slowest),
        "  largest RSS while a model ran (a): "
        + ", ".join(f"{x['node']} {_gib(x['peak_rss_bytes'])}" for x in _largest_rss(a["nodes"])),
        "",
        "  dbt nodes of (a) by execution time (and the dbt process's largest RSS while each ran):",
    ]
    for x in a["nodes"]:
        rss = x.get("peak_rss_bytes")
        lines.append(f"    {x['node']:52}{x['type']:>10}{x['seconds']:>10.2f}s" + (f"{_gib(rss):>12}" if rss else ""))
    c = res["agreement"]
    lines += [
        "",
        f"  agreement (a) vs (b): {'MATCH' if c['ok'] else 'MISMATCH'} -- {c['compared_values']:,} values "
        f"({c['windows_compared']:,} windows x {len(COMPARED_METRICS)} metrics), {c['mismatches']} differ "
        f"beyond rel {c['rel_tol']:g} + abs {c['abs_tol']:g} (max rel diff {c['max_relative_difference']:.2e}, "
        f"max abs diff {c['max_absolute_difference']:.2e}), "
        f"{c['missing_in_corridor']} missing in corridor, {c['corridor_only_empty_windows']} empty grid "
        f"windows only in corridor ({c['corridor_only_nonempty']} of them non-empty)",
        f"    {'version':8}{'day':12}{'request_count (a | b)':>30}{'latency_p95 (a | b)':>34}{'accuracy (a | b)':>42}",
    ]
    for e in c["examples"]:
        rc, p95, acc = (e.get(k, (None, None)) for k in ("request_count", "latency_p95", "accuracy"))
        lines.append(
            f"    {e['model_version']:8}{e['day']:12}{_pair(rc, '.0f'):>30}{_pair(p95, '.4f'):>34}"
            f"{_pair(acc, '.12f'):>42}"
        )
    return "\n".join(lines)


def baseline_retry_lines(b: dict) -> list[str]:
    """The report's lines on (b)'s failed attempts: none when the first attempt succeeded."""
    failed = [x for x in b.get("attempts", []) if not x["ok"]]
    if not failed:
        return []
    retried = f"(b) needed a retry: {len(failed)} of {len(b['attempts'])} attempts failed"
    lines = [f"  {'':4}{retried}; the figures are the last attempt's"]
    for x in failed:
        lines.append(
            f"  {'':6}attempt {x['attempt']}: {x['error']} (peak RSS {_gib(x['peak_rss_bytes'])}, "
            f"{x['wall_seconds']:.1f}s wall)"
        )
    return lines


def _largest_rss(nodes: list[dict], k: int = 5) -> list[dict]:
    sampled = [x for x in nodes if x["type"] == "model" and x.get("peak_rss_bytes")]
    return sorted(sampled, key=lambda x: -x["peak_rss_bytes"])[:k]


def _pair(v, fmt: str) -> str:
    return " | ".join("null" if x is None or x != x else format(x, fmt) for x in v)


def project_state(project_dir: Path) -> dict[str, object]:
    """The git commit of the benchmarked project and the files changed on top of it."""

    def git(*a: str) -> str:
        out = subprocess.run(["git", "-C", str(project_dir), *a], capture_output=True, text=True)
        return out.stdout.strip() if out.returncode == 0 else ""

    dirty = git("status", "--porcelain", "--", "models", "macros", "dbt_project.yml", "profiles.yml")
    return {
        "project_dir": str(project_dir),
        "git_head": git("rev-parse", "HEAD") or None,
        "uncommitted": [line[3:] for line in dirty.splitlines()],
    }


def _versions() -> dict[str, str]:
    out = {}
    for pkg in ("duckdb", "dbt-core", "dbt-duckdb"):
        try:
            out[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            out[pkg] = "?"
    return out


def _machine() -> dict[str, object]:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cpus": os.cpu_count(),
        "mem_gib": mem / 2**30,
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def _jsonable(x):
    if isinstance(x, dict):
        return {k: _jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_jsonable(v) for v in x]
    if isinstance(x, Path):
        return str(x)
    if hasattr(x, "item"):
        return x.item()
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corridor_tools.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000, help="distinct events (default 10M)")
    parser.add_argument(
        "--workdir", default=str(REPO / "bench_data"), help="data, DuckDB file and results (default <repo>/bench_data)"
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--workers",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="processes for data generation (default min(2, cores))",
    )
    parser.add_argument("--keep", action="store_true", help="keep the bench DuckDB file afterwards")
    parser.add_argument("--quiet-dbt", action="store_true", help="do not echo dbt's output")
    parser.add_argument(
        "--project-dir",
        default=str(REPO),
        help="dbt project to build (default this repo; e.g. a copy with changed "
        "materializations); the profile is always this repo's profiles.yml",
    )
    parser.add_argument(
        "--threads", type=int, default=None, help="dbt --threads (default: the profile's, 2); models run concurrently"
    )
    args = parser.parse_args(argv)

    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    n = args.events
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")

    data = ensure_data(workdir, n, args.seed, args.workers)
    db = workdir / f"bench_{n}.duckdb"
    print(f"loading into fresh {db} ...", flush=True)
    ld = load(workdir, db, data["dir"])
    print(f"loaded {ld['rows']} in {ld['seconds']:.1f}s", flush=True)

    state = project_state(Path(args.project_dir).resolve())
    try:
        return _measure(args, workdir, n, started, data, db, ld, state)
    finally:
        if not args.keep:
            remove_db(db)


def _write_results(workdir: Path, n: int, res: dict) -> None:
    text = json.dumps(_jsonable(res), indent=2) + "\n"
    (workdir / "bench_results.json").write_text(text)
    (workdir / f"bench_results_{n}.json").write_text(text)
    print(f"\nwrote {workdir / 'bench_results.json'}")


def _measure(args, workdir: Path, n: int, started: str, data: dict, db: Path, ld: dict, state: dict) -> int:
    common = {
        "events": n,
        "seed": args.seed,
        "started_at": started,
        "workdir": workdir,
        "machine": _machine(),
        "versions": _versions(),
        "data": data,
        "load": ld,
        "project": state,
        "dbt_threads": args.threads or "profile",
    }
    loadavg = {"before_a": os.getloadavg()[0]}
    try:
        a = run_dbt(
            workdir, db, echo=not args.quiet_dbt, project_dir=Path(args.project_dir).resolve(), threads=args.threads
        )
    except DbtFailed as exc:
        info = exc.info
        print(f"\n{exc} after {info['seconds']:.1f}s, peak RSS {_gib(info['peak_rss_bytes'])}:")
        for f in info["failed_nodes"]:
            after = "" if f["seconds"] is None else f" after {f['seconds']:.1f}s"
            print(f"  {f['node']} ({f['status']}{after}): {f['message']}")
        if not info["failed_nodes"]:
            print(info["log_tail"])
        _write_results(workdir, n, {**common, "status": "dbt_failed", "a_dbt": info, "loadavg_1min": loadavg})
        return 2
    print(f"(a) dbt build: {a['seconds']:.2f}s wall", flush=True)
    loadavg["before_a2"] = os.getloadavg()[0]
    try:
        a2 = run_dbt(
            workdir,
            db,
            echo=False,
            project_dir=Path(args.project_dir).resolve(),
            threads=args.threads,
            exclude=METRIC_LAYER_EXCLUDE,
            full_refresh=True,
            label="(a2)",
        )
    except DbtFailed as exc:
        print(f"\n(a2) metric layer {exc}:\n{exc.info['log_tail']}")
        _write_results(workdir, n, {**common, "status": "dbt_failed", "a_dbt": a, "a2_dbt": exc.info})
        return 2
    print(f"(a2) metric layer: {a2['seconds']:.2f}s wall", flush=True)
    loadavg["before_b"] = os.getloadavg()[0]

    settings = profile_settings()
    print(f"(b) plain baseline and bare GROUP BY (DuckDB settings as in the profile: {settings}) ...", flush=True)
    try:
        con, b, plain = run_baselines(db, settings, workdir)
    except BaselineFailed as exc:
        peak = max(x["peak_rss_bytes"] for x in exc.attempts)
        print(f"\n(b) plain baseline failed in {len(exc.attempts)} attempt(s), each in its own process:")
        for x in exc.attempts:
            print(f"  attempt {x['attempt']}: {x['error']} (peak RSS {_gib(x['peak_rss_bytes'])})")
        print(
            f"(a) dbt build: {a['seconds']:.2f}s wall, {_rate(n, a['seconds']):,.0f} rows/s, "
            f"peak RSS {_gib(a['peak_rss_bytes'])}"
        )
        print(
            f"(a2) metric layer: {a2['seconds']:.2f}s wall, {_rate(n, a2['seconds']):,.0f} rows/s, "
            f"peak RSS {_gib(a2['peak_rss_bytes'])}"
        )
        _write_results(
            workdir,
            n,
            {
                **common,
                "status": "baseline_failed",
                "a_dbt": a,
                "a2_dbt": a2,
                "a_rows_per_s": _rate(n, a["seconds"]),
                "a2_rows_per_s": _rate(n, a2["seconds"]),
                "ratio_a_a2": a["seconds"] / a2["seconds"],
                "a_model_rows_per_s": _rate(n, a["model_seconds_sum"]),
                "b_baseline": {
                    "error": str(exc),
                    "attempts": exc.attempts,
                    "peak_rss_bytes": peak,
                    "duckdb_settings": settings,
                },
                "loadavg_1min": loadavg,
            },
        )
        return 3
    retried = f" (attempt {len(b['attempts'])}, after a retry)" if len(b["attempts"]) > 1 else ""
    print(f"(b) {b['seconds']:.2f}s; bare GROUP BY {b['bare_seconds']:.2f}s{retried}", flush=True)
    loadavg["after_b"] = os.getloadavg()[0]
    try:
        agreement = check_agreement(con, plain)
    finally:
        con.close()

    res = {
        **common,
        "status": "ok" if agreement["ok"] else "mismatch",
        "a_dbt": a,
        "a2_dbt": a2,
        "b_baseline": b,
        "a_rows_per_s": _rate(n, a["seconds"]),
        "a2_rows_per_s": _rate(n, a2["seconds"]),
        "ratio_a2_b": a2["seconds"] / b["seconds"],
        "ratio_a_a2": a["seconds"] / a2["seconds"],
        "interval_model_seconds_sum": sum(x["seconds"] for x in a["nodes"] if x["node"] in INTERVAL_MODELS),
        "metric_model_seconds_sum": a2["model_seconds_sum"],
        "a_model_rows_per_s": _rate(n, a["model_seconds_sum"]),
        "b_rows_per_s": _rate(n, b["seconds"]),
        "bare_rows_per_s": _rate(n, b["bare_seconds"]),
        "ratio_a_b": a["seconds"] / b["seconds"],
        "ratio_model_b": a["model_seconds_sum"] / b["seconds"],
        "agreement": agreement,
        "loadavg_1min": loadavg,
        "notes": "rows/s = distinct events / seconds; peak RSS of (a) is the dbt process's, "
        "of (b) the baseline's own child process (baseline and bare GROUP BY; the successful attempt's).",
    }
    print()
    print(report(res))
    _write_results(workdir, n, res)
    return 0 if agreement["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
