"""Benchmark of feature drift (issue 15): the whole corridor build with many features, and the drift models' share.

Generates, inside a private DuckDB file, N events (default 1,000,000 over 14 days, two model versions, segments
region x device) carrying F numeric and C categorical features (default 50 + 10), a reference sample of R values
per feature and version, and times ``dbt build`` of the corridor project on it; the per-model times come from
dbt's run_results.json. Prints the whole build's seconds, the drift models' seconds and share, the rows of
corridor_feature_drift, and, in the same run, two hand-written baselines: the drift measures, and the metric
bench's metric query on the same tables; the whole build is compared with their sum.

    python -m corridor_tools.drift_bench --events 1000000 --numeric 50 --categorical 10

With --daily, a 15th day of events (n / 14 more) then arrives and an incremental ``dbt build`` runs: the daily
run's times show what the incremental feature histograms save (docs/drift.md#performance).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import duckdb
from corridor.dbt_runner import REPO_ROOT, run_dbt

DRIFT_MODELS = (
    "int_corridor__feature_reference_bins",
    "int_corridor__feature_reference_stats",
    "int_corridor__feature_reference_fingerprints",
    "int_corridor__feature_histograms",
    "int_corridor__feature_drift_cells",
    "corridor_feature_drift",
    "int_corridor__drift_checks",
    "int_corridor__feature_drift_scores",
    "int_corridor__alert_feature_drift",
    "corridor_drift_performance_ranking",
    "int_corridor__multivariate_sample",
    "int_corridor__multivariate_drift",
    "corridor_multivariate_drift",
    "int_corridor__multivariate_drift_checks",
)


def baseline_sql(numeric: int, categorical: int, bins: int = 20) -> list[str]:
    """The hand-written baseline: what an engineer would write in one DuckDB session for the same drift measures,
    without corridor (no quality gates, quarantine, incremental state or contracts). Quantile edges of each
    version's reference, the events unpivoted and binned with a list filter, day histograms per model version x
    segment (all, region, device) x feature by grouping sets, week histograms rolled up from the days, then the
    Jensen-Shannon distance (base 2), Hellinger distance and PSI (shares floored at 1e-4) against the reference
    shares. Returns the statements; the last leaves table bl_drift."""
    f_cols = ", ".join(f"f_{k}" for k in range(numeric))
    g_cols = ", ".join(f"g_{k}" for k in range(categorical))
    probs = ", ".join(f"{q / bins:.4f}" for q in range(1, bins))
    key = "model_version, day, feature_name"
    numeric_values = (
        f"select l.model_version, l.region, l.device, l.day, l.feature_name,"
        f" cast(len(list_filter(e.edges, lambda x: x <= l.v)) as varchar) as bin"
        f" from (unpivot (select model_version, region, device, date_trunc('day', event_at) as day, {f_cols}"
        f" from b_events) on {f_cols} into name feature_name value v) as l"
        f" inner join bl_edges as e using (model_version, feature_name)"
    )
    categorical_values = (
        f"select model_version, region, device, day, feature_name, v as bin"
        f" from (unpivot (select model_version, region, device, date_trunc('day', event_at) as day, {g_cols}"
        f" from b_events) on {g_cols} into name feature_name value v)"
    )
    values = " union all ".join(part for part, n in ((numeric_values, numeric), (categorical_values, categorical)) if n)
    return [
        f"create or replace table bl_edges as select model_version, feature_name,"
        f" quantile_cont(cast(feature_value as double), [{probs}]) as edges"
        f" from b_reference where feature_name like 'f!_%' escape '!' group by all",
        "create or replace table bl_reference as select model_version, feature_name, bin,"
        " count(*) * 1.0 / sum(count(*)) over (partition by model_version, feature_name) as r from (select"
        " r.model_version, r.feature_name, coalesce(cast(len(list_filter(e.edges, lambda x: x <="
        " cast(r.feature_value as double))) as varchar), r.feature_value) as bin from b_reference as r"
        " left join bl_edges as e using (model_version, feature_name)) group by model_version, feature_name, bin",
        f"create or replace table bl_day as select {key},"
        " case when grouping(region) = 0 then 'region' when grouping(device) = 0 then 'device' else 'all' end"
        " as segment_dimension, coalesce(region, device, 'all') as segment_value, bin, count(*) as n"
        f" from ({values}) group by grouping sets (({key}, bin), ({key}, region, bin), ({key}, device, bin))",
        "create or replace table bl_hist as select 'day' as grain, * from bl_day union all"
        " select 'week', model_version, date_trunc('week', day), feature_name, segment_dimension, segment_value, bin,"
        " sum(n) from bl_day group by all",
        """
        create or replace table bl_drift as
        with shares as (
            select h.*, h.n * 1.0 / sum(h.n) over (
                partition by h.grain, h.model_version, h.day, h.feature_name, h.segment_dimension, h.segment_value
            ) as p, coalesce(r.r, 0) as r
            from bl_hist as h
            left join bl_reference as r using (model_version, feature_name, bin)
        ),
        ref_terms as (
            select model_version, feature_name, sum((0.0001 - greatest(r, 0.0001)) * ln(0.0001 / greatest(r, 0.0001)))
                as psi_all_missing
            from bl_reference group by all
        ),
        sums as (
            select grain, model_version, day, feature_name, segment_dimension, segment_value, sum(n) as n_values,
                sum(case when r > 0 then p * log2(2 * p / (p + r)) + r * log2(2 * r / (p + r)) else p end) / 2
                    + (1 - sum(r)) / 2 as js2,
                1 - sum(sqrt(p * r)) as h2,
                sum((greatest(p, 0.0001) - greatest(r, 0.0001)) * ln(greatest(p, 0.0001) / greatest(r, 0.0001))
                    - case when r > 0 then (0.0001 - greatest(r, 0.0001)) * ln(0.0001 / greatest(r, 0.0001)) else 0 end)
                    as psi_seen
            from shares group by all
        )
        select s.grain, s.model_version, s.day as window_start, s.feature_name, s.segment_dimension,
            s.segment_value, s.n_values, sqrt(greatest(s.js2, 0)) as jensen_shannon, sqrt(greatest(s.h2, 0))
            as hellinger, s.psi_seen + t.psi_all_missing as psi
        from sums as s
        inner join ref_terms as t using (model_version, feature_name)
        """,
    ]


def run_baseline(path: Path, numeric: int, categorical: int) -> tuple[float, int]:
    """Times the hand-written baseline on the bench's own tables (its tables bl_* are written beside them, never
    corridor's tables). Returns (seconds, rows of its drift table)."""
    con = duckdb.connect(str(path))
    started = time.perf_counter()
    for statement in baseline_sql(numeric, categorical):
        con.execute(statement)
    seconds = time.perf_counter() - started
    rows = con.execute("select count(*) from bl_drift").fetchall()[0][0]
    con.close()
    return seconds, rows


def run_metric_baseline(path: Path) -> tuple[float, int]:
    """Times the metric bench's hand-written metric query (corridor_tools.bench.baseline_sql: dedup, outcome join,
    the eleven production metrics per version x grain x window x segment) on the bench's tables, read-only, so the
    whole build is compared with a baseline that does both of its jobs. Returns (seconds, rows)."""
    from corridor_tools.bench import baseline_sql

    con = duckdb.connect(str(path), read_only=True)
    con.execute("set enable_progress_bar = false")
    started = time.perf_counter()
    rows = len(con.execute(baseline_sql("b_events", "b_outcomes", ("region", "device"), "null")).fetchall())
    seconds = time.perf_counter() - started
    con.close()
    return seconds, rows


def _events_sql(start: int, stop: int, n_events: int, numeric: int, categorical: int) -> str:
    """Events start..stop - 1 of a history of n_events over 14 days (an index past n_events falls after them)."""
    # a normal draw from two uniforms (Box-Muller); feature k has mean k and spread 1 + k / 10
    normal = "sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())"
    numeric_columns = ", ".join(f"{k} + (1 + {k} / 10) * {normal} as f_{k}" for k in range(numeric))
    categorical_columns = ", ".join(
        f"'c' || cast(floor(8 * power(random(), 1.5)) as integer) as g_{k}" for k in range(categorical)
    )
    return f"""
        select
            'e' || i as event_id,
            timestamp '2026-10-01' + to_seconds(cast(i * 1209600 // {n_events} as bigint)) as event_at,
            timestamp '2026-10-01' + to_seconds(cast(i * 1209600 // {n_events} as bigint) + 5) as loaded_at,
            'm' as model_id,
            case when i % 3 = 0 then 'v2' else 'v1' end as model_version,
            ['na', 'eu', 'apac', 'latam', 'mea'][1 + i % 5] as region,
            ['web', 'ios', 'android'][1 + (i // 5) % 3] as device,
            50 + 10 * random() as latency_ms,
            false as is_error,
            random() as predicted_score,
            {numeric_columns},
            {categorical_columns}
        from range({start}, {stop}) as t (i)
        """


def add_day(path: Path, n_events: int, numeric: int, categorical: int) -> int:
    """A 15th day: n_events / 14 more events (and their outcomes) after the history. Returns how many."""
    extra = n_events // 14
    con = duckdb.connect(str(path))
    con.execute(f"insert into b_events {_events_sql(n_events, n_events + extra, n_events, numeric, categorical)}")
    con.execute(
        "insert into b_outcomes select event_id, cast(predicted_score > 0.7 as integer) as label,"
        " event_at + interval 1 hour as label_arrived_at from b_events"
        f" where cast(substr(event_id, 2) as bigint) >= {n_events}"
    )
    con.close()
    return extra


def make_data(path: Path, n_events: int, numeric: int, categorical: int, n_reference: int, seed: int) -> None:
    """Events, outcomes, one estimate, one drift rule per feature kind and the reference sample, in `path`."""
    con = duckdb.connect(str(path))
    con.execute(f"select setseed({(seed % 1000) / 1000})")
    # the reference: the same distributions as the events
    normal = "sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())"
    con.execute(f"create or replace table b_events as {_events_sql(0, n_events, n_events, numeric, categorical)}")
    con.execute(
        "create or replace table b_outcomes as select event_id, cast(predicted_score > 0.7 as integer) as label,"
        " event_at + interval 1 hour as label_arrived_at from b_events"
    )
    con.execute(
        "create or replace table b_estimates as select 'm' as model_id, v as model_version, 'error_rate' as metric,"
        " 0.0 as expected_value, 0.01 as standard_error from (values ('v1'), ('v2')) as t (v)"
    )
    con.execute(
        """
        create or replace table b_rules as
        select * from (values
            ('D1', 'hellinger', 'region', '*', 'day', 'drift', 'f_0', 0.1, 0.2, 'team', 'low'),
            ('D2', 'jensen_shannon', 'device', '*', 'day', 'drift', 'g_0', 0.1, 0.2, 'team', 'low'),
            ('D3', 'reconstruction_error', 'region', '*', 'day', 'drift', '__multivariate__', 0.1, 0.3, 'team', 'low'),
            ('E1', 'error_rate', 'all', 'all', 'day', 'absolute', null, 0.01, 0.02, 'team', 'low')
        ) as t (rule_id, metric, segment_dimension, segment_value, window_grain, comparison_kind, feature,
                warn_tolerance, fail_tolerance, owner, severity)
        """
    )
    parts = [
        f"select 'f_{k}' as feature_name, cast({k} + (1 + {k} / 10) * {normal} as varchar) as feature_value"
        f" from range({n_reference})"
        for k in range(numeric)
    ] + [
        f"select 'g_{k}', 'c' || cast(floor(8 * power(random(), 1.5)) as integer) from range({n_reference})"
        for k in range(categorical)
    ]
    con.execute(
        "create or replace table b_reference as select 'm' as model_id, v as model_version, r.*"
        f" from (values ('v1'), ('v2')) as versions (v) cross join ({' union all '.join(parts)}) as r"
    )
    con.close()


def bench_vars(numeric: int, categorical: int) -> dict:
    """The dbt vars of the bench project: the b_* tables as corridor's inputs, F + C features."""
    features = {f"f_{k}": f"f_{k}" for k in range(numeric)}
    features |= {f"g_{k}": {"column": f"g_{k}", "type": "categorical"} for k in range(categorical)}

    def same(names):
        return {n: n for n in names}

    vars = {
        "corridor_load_demo_seeds": False,
        "corridor_production_events": {
            "relation": "main.b_events",
            "columns": same(
                [
                    "event_id",
                    "event_at",
                    "loaded_at",
                    "model_id",
                    "model_version",
                    "latency_ms",
                    "is_error",
                    "predicted_score",
                ]
            ),
        },
        "corridor_outcomes": {
            "relation": "main.b_outcomes",
            "columns": same(["event_id", "label", "label_arrived_at"]),
        },
        "corridor_offline_estimates": {
            "relation": "main.b_estimates",
            "columns": same(["model_id", "model_version", "metric", "expected_value", "standard_error"]),
        },
        "corridor_rules": {
            "relation": "main.b_rules",
            "columns": same(
                [
                    "rule_id",
                    "metric",
                    "segment_dimension",
                    "segment_value",
                    "window_grain",
                    "comparison_kind",
                    "feature",
                    "warn_tolerance",
                    "fail_tolerance",
                    "owner",
                    "severity",
                ]
            ),
        },
        "corridor_reference_features": {
            "relation": "main.b_reference",
            "columns": same(["model_id", "model_version", "feature_name", "feature_value"]),
        },
        "corridor_segment_columns": ["region", "device"],
        "corridor_feature_columns": features,
    }
    return vars


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corridor_tools.drift_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--numeric", type=int, default=50)
    parser.add_argument("--categorical", type=int, default=10)
    parser.add_argument("--reference", type=int, default=5_000, help="reference values per feature and version")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--daily", action="store_true", help="then add a 15th day and time the incremental run")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="corridor_drift_bench_"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "drift_bench.duckdb"
    started = time.perf_counter()
    make_data(path, args.events, args.numeric, args.categorical, args.reference, args.seed)
    generated = time.perf_counter() - started
    vars = bench_vars(args.numeric, args.categorical)
    env = {
        "CORRIDOR_DUCKDB_PATH": str(path),
        "DBT_TARGET_PATH": str(work / "target"),
        "DBT_LOG_PATH": str(work / "logs"),
        "CORRIDOR_PSEUDONYM_KEY": "drift-bench",
    }
    print(
        f"events {args.events:,}, features {args.numeric} numeric + {args.categorical} categorical,"
        f" reference {args.reference:,} values per feature and version; data generated in {generated:.1f} s"
    )
    build, drift = _timed_build(work, path, env, vars, "first build")
    print(
        f"  rows/s: {args.events / build:,.0f} events/s through the whole build;"
        f" {args.events * (args.numeric + args.categorical) / drift:,.0f} feature values/s through the drift models"
    )
    baseline, rows = run_baseline(path, args.numeric, args.categorical)
    print(
        f"hand-written baseline (one DuckDB session, same tables; JS, Hellinger, PSI per version x segment x"
        f" day/week x feature): {baseline:.1f} s, {rows:,} rows,"
        f" {args.events * (args.numeric + args.categorical) / baseline:,.0f} feature values/s"
    )
    metric_baseline, metric_rows = run_metric_baseline(path)
    both = baseline + metric_baseline
    print(
        f"hand-written metric query (corridor_tools.bench's baseline, same tables): {metric_baseline:.1f} s,"
        f" {metric_rows:,} rows; both baselines {both:.1f} s, {args.events / both:,.0f} events/s"
    )
    print(
        f"  ratio: corridor's drift models {drift / baseline:.2f} x the drift baseline;"
        f" whole build {build / both:.2f} x both baselines (drift + metrics)"
    )
    print("  agreement: " + _agreement(path))
    if args.daily:
        extra = add_day(path, args.events, args.numeric, args.categorical)
        print(f"a 15th day arrives: {extra:,} events")
        _timed_build(work, path, env, vars, "daily incremental run")
    return 0


def _agreement(path: Path) -> str:
    """How close the baseline's Jensen-Shannon distances are to corridor_feature_drift's (the bins differ a little:
    the baseline interpolates quantile edges, corridor takes rank-group edges and merges ties)."""
    con = duckdb.connect(str(path), read_only=True)
    row = con.execute(
        "select count(*), max(abs(c.jensen_shannon - b.jensen_shannon)), avg(abs(c.jensen_shannon - b.jensen_shannon))"
        " from corridor_feature_drift as c inner join bl_drift as b on b.grain = c.window_grain"
        " and b.model_version = c.model_version and b.window_start = c.window_start"
        " and b.feature_name = c.feature_name and b.segment_dimension = c.segment_dimension"
        " and b.segment_value = c.segment_value"
    ).fetchall()[0]
    con.close()
    return f"{row[0]:,} rows matched; Jensen-Shannon |corridor - baseline| max {row[1]:.4f}, mean {row[2]:.5f}"


def _timed_build(work: Path, path: Path, env: dict, vars: dict, label: str) -> tuple[float, float]:
    started = time.perf_counter()
    result = run_dbt(["build", "--exclude", "resource_type:seed"], project_dir=REPO_ROOT, env=env, vars=vars)
    build = time.perf_counter() - started
    if not result.ok:
        print(result.output[-4000:])
        print("dbt build failed (an open alert of a rule fails its test: see above)")
    timings = {
        r["unique_id"].split(".")[-1]: r["execution_time"]
        for r in json.loads((work / "target" / "run_results.json").read_text())["results"]
    }
    drift = sum(timings.get(m, 0.0) for m in DRIFT_MODELS)
    nodes = sum(timings.values())
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("select count(*) from corridor_feature_drift").fetchall()[0][0]
    con.close()
    print(f"{label}: dbt build (whole, wall clock) {build:.1f} s; sum of node times {nodes:.1f} s")
    print(f"  drift models: {drift:.1f} s = {100 * drift / nodes:.1f} % of the node time")
    for m in DRIFT_MODELS:
        print(f"    {m}: {timings.get(m, float('nan')):.1f} s")
    slowest = sorted(timings.items(), key=lambda kv: -kv[1])[:5]
    print("  slowest nodes: " + ", ".join(f"{k} {v:.1f} s" for k, v in slowest))
    print(f"  corridor_feature_drift rows: {rows:,}")
    return build, drift


if __name__ == "__main__":
    raise SystemExit(main())
