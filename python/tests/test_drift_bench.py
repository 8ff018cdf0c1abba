"""The drift bench's metric baseline (corridor_tools.drift_bench.run_metric_baseline): the metric bench's
hand-written query run on the drift bench's own tables gives one row per version x grain x window x segment,
counted here independently with pandas, and its request counts add up to the events."""

from __future__ import annotations

import duckdb
from corridor_tools import drift_bench
from corridor_tools.bench import baseline_sql


def test_metric_baseline_runs_on_the_drift_bench_tables(tmp_path):
    path = tmp_path / "drift.duckdb"
    drift_bench.make_data(path, 3_000, 2, 1, 50, seed=3)
    seconds, rows = drift_bench.run_metric_baseline(path)
    assert seconds >= 0
    con = duckdb.connect(str(path), read_only=True)
    events = con.execute("select event_at, model_version, region, device from b_events").fetch_df()
    con.close()
    expected = 0
    for freq in ("h", "D", "W-MON"):
        start = events["event_at"].dt.to_period(freq).dt.start_time if freq != "h" else events["event_at"].dt.floor("h")
        frame = events.assign(start=start)
        expected += frame.groupby(["model_version", "start"]).ngroups
        expected += sum(frame.groupby(["model_version", "start", s]).ngroups for s in ("region", "device"))
    assert rows == expected
    con = duckdb.connect(str(path), read_only=True)
    total = con.execute(
        f"select sum(request_count) from ({baseline_sql('b_events', 'b_outcomes', ('region', 'device'), 'null')})"
        " where window_grain = 'day' and segment_dimension = 'device'"
    ).fetchall()[0][0]
    con.close()
    assert total == len(events)
