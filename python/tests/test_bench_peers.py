"""The peer bench's scoped corridor build (corridor_tools.bench_peers, (s)) at a small size: it builds, stays in
NannyML's scope, and its daily metrics equal the hand-written baseline's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corridor_tools import bench, bench_peers  # noqa: E402

N_EVENTS = 20_000
FOUR = ("accuracy", "precision", "recall", "auc")


def _built(tmp_path_factory, name, run):
    """A scoped build of the bench data at N_EVENTS by `run` (bench_peers.run_scoped or run_scoped_parquet)."""
    workdir = tmp_path_factory.mktemp(name)
    data = bench.ensure_data(workdir, N_EVENTS, 42, 1)
    db = workdir / f"{name}.duckdb"
    res = run(workdir, db, data["dir"])
    import duckdb

    return res, duckdb.connect(str(db), read_only=True)


@pytest.fixture(scope="module")
def scoped(tmp_path_factory):
    res, con = _built(tmp_path_factory, "scoped", bench_peers.run_scoped)
    yield res, con
    con.close()


@pytest.mark.dbt
def test_the_scoped_build_is_timed_whole(scoped):
    res, _ = scoped
    assert res["seconds"] == pytest.approx(res["load_seconds"] + res["dbt_seconds"])
    assert res["dbt_seconds"] > 0 and res["peak_rss_bytes"] > 0
    nodes = {x["node"] for x in res["nodes"]}
    # the whole build: intervals, gates, quarantine and validation besides the metrics
    assert {
        "int_corridor__exact_intervals",
        "int_corridor__sql_bootstrap_intervals",
        "corridor_quarantine",
        "corridor_metric_observations",
        "corridor_validation_results",
    } <= nodes
    assert "int_corridor__bootstrap_intervals" not in {x["node"] for x in res["nodes"] if x["status"] == "success"}


@pytest.mark.dbt
def test_the_scoped_build_stays_in_nannymls_scope(scoped):
    _, con = scoped
    shape = con.execute(
        "select distinct window_grain, segment_dimension from corridor_metric_observations where source = 'production'"
    ).fetchall()
    assert shape == [("day", "all")]
    metrics = {m for (m,) in con.execute("select distinct metric from corridor_metric_observations").fetchall()}
    assert set(FOUR) <= metrics
    assert not {m for m in metrics if m.startswith("latency")}
    rules = con.execute("select distinct metric, segment_dimension from peer_rules").fetchall()
    assert rules and {m for m, _ in rules} <= set(FOUR) and {s for _, s in rules} == {"all"}
    estimates = con.execute("select distinct metric, segment_dimension from peer_offline_estimates").fetchall()
    assert estimates and {m for m, _ in estimates} <= set(FOUR) and {s for _, s in estimates} == {"all"}


@pytest.mark.dbt
def test_the_scoped_daily_metrics_equal_the_hand_written_query(scoped):
    _, con = scoped
    plain = con.execute(bench.baseline_sql()).fetch_df()
    plain = plain[(plain["window_grain"] == "day") & (plain["segment_dimension"] == "all")]
    ours = con.execute(
        "select model_version, window_start, metric, metric_value from corridor_metric_observations "
        "where source = 'production' and metric in ('accuracy', 'precision', 'recall')"
    ).fetch_df()
    ours = ours.pivot_table(index=["model_version", "window_start"], columns="metric", values="metric_value")
    plain = plain.set_index(["model_version", "window_start"])[["accuracy", "precision", "recall"]]
    joined = ours.merge(plain, left_index=True, right_index=True, suffixes=("", "_plain"))
    assert len(joined) == len(plain) > 10
    for m in ("accuracy", "precision", "recall"):
        assert joined[m].to_numpy() == pytest.approx(joined[f"{m}_plain"].to_numpy(), rel=1e-9, nan_ok=True), m


def test_the_page_cache_warm_up_reads_every_file_whole(tmp_path):
    (tmp_path / "events").mkdir()
    sizes = {"events/part-0.parquet": 3 * 1024 + 7, "events/part-1.parquet": 0, "rules.csv": 1024}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(bytes(range(256)) * (size // 256) + bytes(size % 256))
    warm = bench_peers.warm_page_cache(tmp_path, chunk=1000)
    assert warm["bytes"] == sum(sizes.values())
    assert warm["seconds"] >= 0


def test_an_unknown_build_is_refused():
    with pytest.raises(SystemExit):
        bench_peers.main(["--nannyml-python", sys.executable, "--builds", "demo,all"])


def test_rounds_alternate_the_order_and_report_each_sides_fastest(tmp_path, monkeypatch, capsys):
    """--rounds 3: NannyML first, last, first; every side timed each round, reported by its fastest round."""
    times = {"nannyml": [30.0, 20.0, 25.0], "scoped": [12.0, 14.0, 10.0]}
    order = []

    def side(name, **fields):
        """A stand-in for one side's run: records its turn and returns its next time with `fields`."""

        def run(*args):
            order.append(name)
            t = times[name].pop(0)
            return {"seconds": t, "peak_rss_bytes": 1, **{k: v(t) if callable(v) else v for k, v in fields.items()}}

        return run

    fake_nannyml = side(
        "nannyml",
        nannyml="0.13.1",
        read_seconds=1.0,
        prepare_seconds=2.0,
        fit_calculate_seconds=lambda t: t - 3,
        evaluated_rows=10,
        chunks=1,
    )
    fake_scoped = side(
        "scoped",
        load_seconds=1.0,
        dbt_seconds=lambda t: t - 1,
        model_seconds_sum=lambda t: t,
        slowest_models=[],
        nodes=[],
    )
    monkeypatch.setattr(bench, "ensure_data", lambda *a: {"dir": tmp_path})
    monkeypatch.setattr(bench_peers, "_warm", lambda data: None)
    monkeypatch.setattr(bench_peers, "run_nannyml", fake_nannyml)
    monkeypatch.setattr(bench_peers, "agreement", lambda db, workdir: {})
    monkeypatch.setitem(bench_peers.BUILDS, "scoped", ("(s)", "scoped", fake_scoped))
    argv = ["--nannyml-python", sys.executable, "--builds", "scoped", "--rounds", "3", "--workdir", str(tmp_path)]
    assert bench_peers.main(argv) == 0
    assert order == ["nannyml", "scoped", "scoped", "nannyml", "nannyml", "scoped"]
    res = json.loads((tmp_path / "bench_peers_1000000.json").read_text())
    assert res["nannyml_round_seconds"] == [30.0, 20.0, 25.0] and res["nannyml"]["round"] == 2
    assert res["corridor_scoped_round_seconds"] == [12.0, 14.0, 10.0] and res["corridor_scoped"]["round"] == 3
    assert res["speedup_corridor_scoped_over_nannyml"] == pytest.approx(2.0)
    out = capsys.readouterr().out
    assert "fastest of 3 rounds (round 3); every round: 12.00s, 14.00s, 10.00s" in out
    assert "fastest of 3 rounds (round 2); every round: 30.00s, 20.00s, 25.00s" in out
    assert "NannyML seconds / corridor seconds: 2.00x" in out


def test_no_rounds_is_refused():
    with pytest.raises(SystemExit):
        bench_peers.main(["--nannyml-python", sys.executable, "--builds", "scoped", "--rounds", "0"])


@pytest.fixture(scope="module")
def scoped_parquet(tmp_path_factory):
    res, con = _built(tmp_path_factory, "parquet", bench_peers.run_scoped_parquet)
    yield res, con
    con.close()


def test_the_parquet_build_reads_the_files_through_views():
    sql = bench_peers.PARQUET_VIEWS_SQL
    assert sql.count("create view bench_") == 2 and "create table bench_events" not in sql
    assert "create table bench_outcomes" not in sql and "create table bench_rules" in sql


@pytest.mark.dbt
def test_the_parquet_build_gives_the_loaded_builds_observations(scoped, scoped_parquet):
    """(p) reads the same files in place: every production observation equals (s)'s, from views, not tables."""
    res, con = scoped_parquet
    assert res["seconds"] == pytest.approx(res["load_seconds"] + res["dbt_seconds"])
    kinds = dict(
        con.execute(
            "select table_name, table_type from information_schema.tables "
            "where table_name in ('bench_events', 'bench_outcomes')"
        ).fetchall()
    )
    assert kinds == {"bench_events": "VIEW", "bench_outcomes": "VIEW"}
    query = (
        "select model_version, window_start, metric, metric_value, sample_size from corridor_metric_observations "
        "where source = 'production' order by all"
    )
    ours, loaded = con.execute(query).fetch_df(), scoped[1].execute(query).fetch_df()
    assert len(ours) == len(loaded) > 100
    assert (
        (ours[["model_version", "window_start", "metric"]] == loaded[["model_version", "window_start", "metric"]])
        .all()
        .all()
    )
    assert ours["metric_value"].to_numpy() == pytest.approx(loaded["metric_value"].to_numpy(), rel=1e-9, nan_ok=True)
    assert ours["sample_size"].tolist() == loaded["sample_size"].tolist()
