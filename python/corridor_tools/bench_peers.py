"""corridor's whole build against NannyML's realized performance, on the same rows.

``python -m corridor_tools.bench_peers --events N --nannyml-python PATH [--workdir DIR] [--seed 42]``
(``make bench-peers`` creates NannyML's own virtualenv and runs this).

Both start from the same Parquet files on disk (the bench data of
``corridor_tools.bench``, generated once per N and seed):

(a) corridor: load the files into a fresh DuckDB file, then the whole
    ``dbt build`` (every model, test and the on-run-end hook), timed together.
(n) NannyML (``corridor/peers_nannyml.py`` in NannyML's virtualenv, with
    NML_DISABLE_USAGE_LOGGING=1): read the files with pandas, deduplicate and
    join labels, fit PerformanceCalculator per model version and calculate
    daily accuracy, precision, recall and ROC AUC, timed from reading to the
    last result.

corridor computes far more (hour/day/week × every segment, every metric,
intervals, gates, alerts); NannyML computes what its realized performance
offers. Rows/s = distinct events / seconds. The daily values of both are
compared (accuracy, precision and recall should agree to rounding; corridor's
AUC is computed from score histograms of corridor_score_bins bins, so it
agrees to about 1e-3). Results go to ``<workdir>/bench_peers_<N>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from corridor_tools import bench

PEER_SCRIPT = Path(__file__).with_name("peers_nannyml.py")
METRICS = {"accuracy": "accuracy", "precision": "precision", "recall": "recall", "roc_auc": "auc"}


def run_nannyml(python: str, data: Path, workdir: Path) -> dict:
    env = dict(os.environ, NML_DISABLE_USAGE_LOGGING="1")
    env.pop("PYTHONPATH", None)
    log = workdir / "nannyml.log"
    res = bench._run_child([python, str(PEER_SCRIPT), str(data), str(workdir)], env, log, echo="  nml| ")
    if res["returncode"] != 0:
        raise SystemExit(f"NannyML failed:\n{bench._tail(log)}")
    line = next(x for x in log.read_text().splitlines() if x.startswith("RESULT "))
    return {**res, **json.loads(line[7:])}


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corridor_tools.bench_peers", description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--nannyml-python", required=True, help="python of a virtualenv with nannyml installed")
    parser.add_argument("--workdir", default=str(bench.REPO / "bench_data"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args(argv)

    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    n = args.events
    data = bench.ensure_data(workdir, n, args.seed, args.workers)
    db = workdir / f"bench_peers_{n}.duckdb"
    print(f"(a) corridor: load the Parquet files into {db}, then the whole dbt build ...", flush=True)
    ld = bench.load(workdir, db, data["dir"])
    a = bench.run_dbt(workdir, db, echo=False)
    corridor_s = ld["seconds"] + a["seconds"]
    print(f"(a) load {ld['seconds']:.2f}s + dbt build {a['seconds']:.2f}s = {corridor_s:.2f}s", flush=True)
    print("(n) NannyML realized performance on the same files ...", flush=True)
    nml = run_nannyml(args.nannyml_python, data["dir"], workdir)
    agree = agreement(db, workdir)
    for p in bench._db_files(db):
        if p.exists():
            p.unlink()

    res = {
        "events": n,
        "seed": args.seed,
        "machine": bench._machine(),
        "versions": bench._versions(),
        "corridor": {
            "seconds": corridor_s,
            "load_seconds": ld["seconds"],
            "dbt_seconds": a["seconds"],
            "peak_rss_bytes": max(ld["peak_rss_bytes"], a["peak_rss_bytes"]),
            "slowest_models": [x for x in a["nodes"] if x["type"] == "model"][:5],
        },
        "nannyml": nml,
        "corridor_rows_per_s": n / corridor_s,
        "nannyml_rows_per_s": n / nml["seconds"],
        "speedup_corridor_over_nannyml": nml["seconds"] / corridor_s,
        "agreement": agree,
    }
    g = bench._gib
    lines = [
        f"corridor vs NannyML: {n:,} events (seed {args.seed}), both from {data['dir']}",
        f"  {'':48}{'seconds':>10}{'rows/s':>14}{'peak RSS':>12}",
        f"  {'(a) corridor: load + whole dbt build':48}{corridor_s:>10.2f}{res['corridor_rows_per_s']:>14,.0f}"
        f"{g(res['corridor']['peak_rss_bytes']):>12}",
        f"  {'(n) NannyML ' + nml['nannyml'] + ': read, prepare, fit, calculate':48}{nml['seconds']:>10.2f}"
        f"{res['nannyml_rows_per_s']:>14,.0f}{g(nml['peak_rss_bytes']):>12}",
        f"      read {nml['read_seconds']:.2f}s, prepare {nml['prepare_seconds']:.2f}s, fit + calculate "
        f"{nml['fit_calculate_seconds']:.2f}s; {nml['evaluated_rows']:,} evaluated rows, {nml['chunks']} daily chunks",
        f"  ratio NannyML seconds / corridor seconds: {res['speedup_corridor_over_nannyml']:.2f}x "
        f"({'corridor faster' if res['speedup_corridor_over_nannyml'] > 1 else 'NannyML faster'})",
        "  five slowest corridor models: "
        + ", ".join(f"{x['node']} {x['seconds']:.1f}s" for x in res["corridor"]["slowest_models"]),
        f"  daily values compared on {agree['days_compared']} version-days: max |diff| "
        + ", ".join(
            f"{m} {agree[f'max_abs_diff_{m}']:.2e}"
            for m in METRICS.values()
            if agree.get(f"max_abs_diff_{m}") is not None
        ),
    ]
    print("\n" + "\n".join(lines))
    path = workdir / f"bench_peers_{n}.json"
    path.write_text(json.dumps(bench._jsonable(res), indent=2) + "\n")
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
