"""corridor's whole build against NannyML's realized performance, on the same rows.

``python -m corridor_tools.bench_peers --events N --nannyml-python PATH [--workdir DIR] [--seed 42]
[--builds demo,scoped,scoped-parquet] [--rounds R]`` (``make bench-peers`` creates NannyML's own virtualenv and runs
this).

All start from the same Parquet files on disk (the bench data of
``corridor_tools.bench``, generated once per N and seed), one after the other:

(n) NannyML (``corridor/peers_nannyml.py`` in NannyML's virtualenv, with
    NML_DISABLE_USAGE_LOGGING=1): read the files with pandas, deduplicate and
    join labels, fit PerformanceCalculator per model version and calculate
    daily accuracy, precision, recall and ROC AUC, timed from reading to the
    last result.
(a) corridor with the demo profile: load the files into a fresh DuckDB file,
    then the whole ``dbt build`` (every model, test and the on-run-end hook),
    timed together. It computes far more than NannyML: hour, day and week
    windows × three segment dimensions, latency and error metrics, feature
    drift, the Python bootstrap, gates, alerts.
(s) corridor again, from a fresh load of the same files, configured for
    NannyML's scope (``SCOPED_VARS``): daily windows per model version, no
    segments, no latency, entity or feature columns, and only the offline
    estimates and rules of the four metrics NannyML reports; the columns
    NannyML reads are mapped, is_error included (both leave failed requests
    out of the classification metrics): the whole ``dbt build`` of a project
    that asks what NannyML answers. corridor still computes every
    classification metric it knows (log loss, Brier score, calibration, ...),
    their intervals, the checks, gates, quarantine, validation and alerts.
(p) corridor in NannyML's scope as (s), reading the Parquet files in place:
    the production events and outcomes are DuckDB views over the files
    (``read_parquet``), as a DuckDB user points corridor at files on disk;
    nothing is loaded, and each scan of the staged inputs reads the files.
    The small CSV inputs (estimates, rules) are tables as in (s).

Every side starts from the same page cache: before each (NannyML and every
corridor build) the files are read once, untimed (``warm_page_cache``),
whatever ran before it (a dropped cache cost corridor's id index alone
about 10 s at 40M events: 39.4 s against 28.8 s warm). A build still
moves by tens of seconds from run to run: docs/benchmarks.md (session 47).

The order matters as well: on this machine the side that runs right after
NannyML (21.4 GiB at 40M events) is slower than the same side run alone
(corridor's scoped build at 40M: 146.2 s against 121.1 s, session 56), since
the memory NannyML freed is not warmed as the page cache is. ``--rounds R``
(default 1) runs every side R times in alternating order, NannyML first in
odd rounds and last in even ones, so each side runs as often right after the
other as before it; each side is reported by its fastest round (the usual
reading of repeated timings: slower rounds are slowed by the machine, never
sped up), every round's seconds beside it.

Rows/s = distinct events / seconds. The daily values are compared (accuracy,
precision and recall should agree to rounding; corridor's AUC is computed from
score histograms of corridor_score_bins bins, so it agrees to about 1e-3).
Results go to ``<workdir>/bench_peers_<N>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from corridor_tools import bench

PEER_SCRIPT = Path(__file__).with_name("peers_nannyml.py")
METRICS = {"accuracy": "accuracy", "precision": "precision", "recall": "recall", "roc_auc": "auc"}
# (s): the bench tables, with only the estimates and rules of NannyML's four metrics, overall and daily
SCOPED_SQL = """
create table peer_offline_estimates as
    select * from bench_offline_estimates
    where metric in ('accuracy', 'precision', 'recall', 'auc') and segment_dimension = 'all'
        and coalesce(window_grain, 'day') = 'day';
create table peer_rules as
    select * from bench_rules
    where metric in ('accuracy', 'precision', 'recall', 'auc') and segment_dimension = 'all'
        and coalesce(window_grain, 'day') = 'day';
checkpoint;
"""
SCOPED_VARS = (
    "{corridor_load_demo_seeds: false, corridor_segment_columns: [], corridor_window_grains: [day], "
    "corridor_production_events: {relation: main.bench_events, columns: {loaded_at: loaded_at, is_error: is_error, "
    "predicted_score: predicted_score, predicted_class: predicted_class}}, "
    "corridor_outcomes: {relation: main.bench_outcomes, columns: {label_arrived_at: label_arrived_at}}, "
    "corridor_offline_estimates: {relation: main.peer_offline_estimates}, "
    "corridor_rules: {relation: main.peer_rules}, "
    "corridor_reference_features: null}"
)


# (p): the production events and outcomes read in place, the small CSV inputs loaded as in (s)
PARQUET_VIEWS_SQL = bench.LOAD_SQL.replace(
    "create table bench_events as select", "create view bench_events as select"
).replace("create table bench_outcomes as select", "create view bench_outcomes as select")


def warm_page_cache(data: Path, chunk: int = 1 << 24) -> dict:
    """Read every file under `data` once, untimed by the sides: each side then starts from the same warm cache."""
    start, n_bytes = time.perf_counter(), 0
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        with path.open("rb") as f:
            while block := f.read(chunk):
                n_bytes += len(block)
    return {"bytes": n_bytes, "seconds": time.perf_counter() - start}


def _warm(data: Path) -> None:
    warm = warm_page_cache(data)
    print(f"  page cache: read {bench._gib(warm['bytes'])} of {data} in {warm['seconds']:.1f}s (untimed)", flush=True)


def run_nannyml(python: str, data: Path, workdir: Path) -> dict:
    env = dict(os.environ, NML_DISABLE_USAGE_LOGGING="1")
    env.pop("PYTHONPATH", None)
    log = workdir / "nannyml.log"
    res = bench._run_child([python, str(PEER_SCRIPT), str(data), str(workdir)], env, log, echo="  nml| ")
    if res["returncode"] != 0:
        raise SystemExit(f"NannyML failed:\n{bench._tail(log)}")
    line = next(x for x in log.read_text().splitlines() if x.startswith("RESULT "))
    return {**res, **json.loads(line[7:])}


def _scope_tables(db: str) -> None:
    """Child-process entry point: the scoped run's estimates and rules, in the freshly loaded file."""
    import duckdb

    con = duckdb.connect(db)
    con.execute(SCOPED_SQL)
    con.close()


def _view_tables(db: str, data: str) -> None:
    """Child-process entry point: a fresh DuckDB file whose events and outcomes are views over the Parquet files."""
    import duckdb

    con = duckdb.connect(db)
    con.execute(PARQUET_VIEWS_SQL.format(data=data))
    con.execute(SCOPED_SQL)
    con.close()


def run_scoped_parquet(workdir: Path, db: Path, data: Path) -> dict:
    """(p): views over the same files in a fresh DuckDB file, then the whole build with SCOPED_VARS; both timed."""
    bench.remove_db(db)
    code = f"from corridor_tools.bench_peers import _view_tables; _view_tables({str(db)!r}, {str(data)!r})"
    views = bench._run_child([sys.executable, "-c", code], bench._child_env(), workdir / "views.log")
    if views["returncode"] != 0:
        raise SystemExit(f"making the views failed:\n{bench._tail(workdir / 'views.log')}")
    p = bench.run_dbt(workdir, db, echo=False, label="(p)", dbt_vars=SCOPED_VARS, log_name="dbt_build_parquet.log")
    return _timed([views], p)


def run_scoped(workdir: Path, db: Path, data: Path) -> dict:
    """(s): load the same files into a fresh DuckDB file, then the whole build with SCOPED_VARS; both timed."""
    ld = bench.load(workdir, db, data)
    code = f"from corridor_tools.bench_peers import _scope_tables; _scope_tables({str(db)!r})"
    scope = bench._run_child([sys.executable, "-c", code], bench._child_env(), workdir / "scope.log")
    if scope["returncode"] != 0:
        raise SystemExit(f"making the scoped tables failed:\n{bench._tail(workdir / 'scope.log')}")
    a = bench.run_dbt(workdir, db, echo=False, label="(s)", dbt_vars=SCOPED_VARS, log_name="dbt_build_scoped.log")
    return _timed([ld, scope], a)


def _timed(loads: list[dict], build: dict) -> dict:
    """One corridor side's figures: the steps before the build (load, ...) and the build, timed together."""
    load_seconds = sum(x["seconds"] for x in loads)
    return {
        "seconds": load_seconds + build["seconds"],
        "load_seconds": load_seconds,
        "dbt_seconds": build["seconds"],
        "peak_rss_bytes": max(x["peak_rss_bytes"] for x in [*loads, build]),
        "model_seconds_sum": build["model_seconds_sum"],
        "slowest_models": [x for x in build["nodes"] if x["type"] == "model"][:5],
        "nodes": build["nodes"],
    }


def agreement(db: Path, workdir: Path) -> dict:
    import duckdb
    import numpy as np
    import pandas as pd

    nml = pd.read_parquet(workdir / "nannyml_daily.parquet")
    con = duckdb.connect(str(db), read_only=True)
    ours = con.execute(
        """
        select model_version, window_start as day, metric, metric_value
        from corridor_metric_observations
        where source = 'production' and window_grain = 'day' and segment_dimension = 'all'
          and metric in ('accuracy', 'precision', 'recall', 'auc')
        """
    ).df()
    con.close()
    ours = ours.pivot_table(index=["model_version", "day"], columns="metric", values="metric_value").reset_index()
    nml["day"] = pd.to_datetime(nml["day"]).astype("datetime64[us]")
    ours["day"] = pd.to_datetime(ours["day"]).astype("datetime64[us]")
    merged = nml.merge(ours, on=["model_version", "day"], suffixes=("_nml", ""))
    out = {"days_compared": int(len(merged)), "nannyml_days": int(len(nml))}
    for theirs, mine in METRICS.items():
        a, b = merged[f"{theirs}_nml" if theirs == mine else theirs].to_numpy(float), merged[mine].to_numpy(float)
        ok = ~(np.isnan(a) | np.isnan(b))
        out[f"max_abs_diff_{mine}"] = float(np.abs(a[ok] - b[ok]).max()) if ok.any() else None
    return out


def _faster(ratio: float) -> str:
    return "corridor faster" if ratio > 1 else "NannyML faster"


def _agreement_line(label: str, agree: dict) -> str:
    return f"  {label} daily values compared on {agree['days_compared']} version-days: max |diff| " + ", ".join(
        f"{m} {agree[f'max_abs_diff_{m}']:.2e}" for m in METRICS.values() if agree.get(f"max_abs_diff_{m}") is not None
    )


def run_demo(workdir: Path, db: Path, data: Path) -> dict:
    """(a): load the files into a fresh DuckDB file, then the whole build of the demo profile; both timed."""
    ld = bench.load(workdir, db, data)
    return _timed([ld], bench.run_dbt(workdir, db, echo=False))


def round_order(builds: list[str], rounds: int) -> list[str]:
    """The sides in the order they run: NannyML first in odd rounds (1, 3, ...), last in even ones."""
    order = []
    for i in range(rounds):
        order += ["nannyml", *builds] if i % 2 == 0 else [*builds, "nannyml"]
    return order


def fastest(runs: list[dict]) -> dict:
    """A side's fastest round, with the round it was (1-based)."""
    i = min(range(len(runs)), key=lambda k: runs[k]["seconds"])
    return {**runs[i], "round": i + 1}


def _rounds_line(runs: list[dict], best: dict) -> str:
    return f"      fastest of {len(runs)} rounds (round {best['round']}); every round: " + ", ".join(
        f"{x['seconds']:.2f}s" for x in runs
    )


BUILDS = {
    "demo": ("(a)", "corridor, demo profile: load + whole build", run_demo),
    "scoped": ("(s)", "corridor, NannyML's scope: load + whole build", run_scoped),
    "scoped-parquet": ("(p)", "corridor, NannyML's scope, Parquet in place", run_scoped_parquet),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corridor_tools.bench_peers", description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--nannyml-python", required=True, help="python of a virtualenv with nannyml installed")
    parser.add_argument("--workdir", default=str(bench.REPO / "bench_data"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument(
        "--builds",
        default="demo,scoped",
        help="corridor builds to time, comma-separated: demo (a), scoped (s), scoped-parquet (p); default demo,scoped",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="times each side runs, in alternating order (NannyML first, then last); each side's fastest is reported",
    )
    args = parser.parse_args(argv)
    builds = [b.strip() for b in args.builds.split(",") if b.strip()]
    unknown = sorted(set(builds) - set(BUILDS))
    if unknown or not builds:
        parser.error(f"--builds: unknown {unknown}; choose from {sorted(BUILDS)}")
    if args.rounds < 1:
        parser.error(f"--rounds must be 1 or more, not {args.rounds}")

    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    n = args.events
    data = bench.ensure_data(workdir, n, args.seed, args.workers)
    nml_runs, our_runs = [], {name: [] for name in builds}
    for side in round_order(builds, args.rounds):
        _warm(data["dir"])
        if side == "nannyml":
            print("(n) NannyML realized performance on the same files ...", flush=True)
            nml_runs.append(run_nannyml(args.nannyml_python, data["dir"], workdir))
            print(f"(n) NannyML {nml_runs[-1]['seconds']:.2f}s", flush=True)
            continue
        label, title, run = BUILDS[side]
        db = workdir / f"bench_peers_{side}_{n}.duckdb"
        print(f"{label} {title}: into {db} ...", flush=True)
        r = run(workdir, db, data["dir"])
        r["agreement"] = agreement(db, workdir)
        bench.remove_db(db)
        our_runs[side].append(r)
        print(
            f"{label} load {r['load_seconds']:.2f}s + dbt build {r['dbt_seconds']:.2f}s = {r['seconds']:.2f}s",
            flush=True,
        )
    nml = fastest(nml_runs)
    ours = {name: fastest(runs) for name, runs in our_runs.items()}

    res = {
        "events": n,
        "seed": args.seed,
        "machine": bench._machine(),
        "versions": bench._versions(),
        "rounds": args.rounds,
        "order": round_order(builds, args.rounds),
        "nannyml": nml,
        "nannyml_rows_per_s": n / nml["seconds"],
        "nannyml_round_seconds": [x["seconds"] for x in nml_runs],
    }
    for name in builds:
        key = "corridor" if name == "demo" else f"corridor_{name.replace('-', '_')}"
        res[key] = ours[name]
        res[f"{key}_round_seconds"] = [x["seconds"] for x in our_runs[name]]
        res[f"{key}_rows_per_s"] = n / ours[name]["seconds"]
        res[f"speedup_{key}_over_nannyml"] = nml["seconds"] / ours[name]["seconds"]
    g = bench._gib
    lines = [
        f"corridor vs NannyML: {n:,} events (seed {args.seed}), both from {data['dir']}",
        f"  {'':48}{'seconds':>10}{'rows/s':>14}{'peak RSS':>12}",
    ]
    for name in builds:
        label, title, _ = BUILDS[name]
        r = ours[name]
        lines.append(
            f"  {label + ' ' + title:48}{r['seconds']:>10.2f}{n / r['seconds']:>14,.0f}{g(r['peak_rss_bytes']):>12}"
        )
        if args.rounds > 1:
            lines.append(_rounds_line(our_runs[name], r))
    lines += [
        f"  {'(n) NannyML ' + nml['nannyml'] + ': read, prepare, fit, calculate':48}{nml['seconds']:>10.2f}"
        f"{res['nannyml_rows_per_s']:>14,.0f}{g(nml['peak_rss_bytes']):>12}",
        f"      read {nml['read_seconds']:.2f}s, prepare {nml['prepare_seconds']:.2f}s, fit + calculate "
        f"{nml['fit_calculate_seconds']:.2f}s; {nml['evaluated_rows']:,} evaluated rows, {nml['chunks']} daily chunks",
    ]
    if args.rounds > 1:
        lines.append(_rounds_line(nml_runs, nml))
    for name in builds:
        label = BUILDS[name][0]
        ratio = nml["seconds"] / ours[name]["seconds"]
        lines += [
            f"  {label} NannyML seconds / corridor seconds: {ratio:.2f}x ({_faster(ratio)})",
            f"  {label} five slowest corridor models: "
            + ", ".join(f"{x['node']} {x['seconds']:.1f}s" for x in ours[name]["slowest_models"]),
        ]
        if ours[name]["agreement"]:
            lines.append(_agreement_line(label, ours[name]["agreement"]))
    print("\n" + "\n".join(lines))
    path = workdir / f"bench_peers_{n}.json"
    path.write_text(json.dumps(bench._jsonable(res), indent=2) + "\n")
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
