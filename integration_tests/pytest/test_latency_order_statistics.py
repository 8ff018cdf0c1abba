"""The latency order statistics (int_corridor__latency_order_statistics, issue 11): counted in bins, only the bins
holding a requested rank read again. Checked against numpy on latencies chosen to break a binned shortcut:
continuous values with a far tail (bins sized from the interquartile range, so the tail's bins are sparse and
the bulk's crowded), heavy ties (values on a 10 ms grid), a segment where every latency is equal, hourly groups
of a handful of events (ranks 0 and n + 1: no bound), and quantiles (calendar and rolling windows) interpolating
between two order statistics. With the Python bootstrap off (the default) the per-value histograms stay empty."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from corridor_tools import calibration

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

START = pd.Timestamp("2026-05-04")  # a Monday
DAYS = 9
ROLLING = 3
QUANTILES = {"latency_p50": 0.5, "latency_p95": 0.95, "latency_p99": 0.99}
# the required inputs, minimal: one estimate and one rule
ESTIMATES = pd.DataFrame(
    [{"model_id": "m", "model_version": "v1", "metric": "error_rate", "window_grain": "day", "expected_value": 0.01,
      "standard_error": 0.002}]
)  # fmt: skip
RULES = pd.DataFrame(
    [{"rule_id": "ERRORS", "metric": "error_rate", "segment_dimension": "all", "segment_value": "all",
      "window_grain": "day", "comparison_kind": "absolute", "direction": "lower_is_better", "warn_tolerance": 0.03,
      "fail_tolerance": 0.06, "consecutive_windows": 1, "owner": "t", "severity": "low"}]
)  # fmt: skip
KEYS = ["model_version", "window_grain", "window_start", "segment_dimension", "segment_value"]


def _events(seed: int = 29) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frames = []
    for version in ("v1", "v2"):
        hour = np.repeat(np.arange(DAYS * 24), rng.poisson(14, DAYS * 24))
        n = len(hour)
        site = rng.choice(["east", "west", "south"], n)
        if version == "v1":  # continuous, with 0.5 % of requests in a far tail
            latency = rng.lognormal(4.0, 0.4, n)
            tail = rng.uniform(0, 1, n) < 0.005
            latency[tail] = 30_000 + rng.uniform(0, 5_000, tail.sum())
        else:  # ties: a 10 ms grid; and every latency of site south equal
            latency = np.round(rng.gamma(2.0, 30.0, n), -1)
            latency[site == "south"] = 42.0
        frames.append(
            pd.DataFrame(
                {
                    "event_id": [f"{version}-{i:06d}" for i in range(n)],
                    "event_at": START
                    + pd.to_timedelta(hour, unit="h")
                    + pd.to_timedelta(rng.integers(0, 3600, n), "s"),
                    "model_id": "m",
                    "model_version": version,
                    "entity_id": "e",
                    "site": site,
                    "latency_ms": latency,
                    "is_error": False,
                    "predicted_score": rng.uniform(0, 1, n).round(3),
                }
            )
        )
    frame = pd.concat(frames, ignore_index=True)
    frame["loaded_at"] = frame["event_at"] + pd.Timedelta(seconds=5)
    # a few events without a latency: not counted
    frame.loc[frame.index % 97 == 0, "latency_ms"] = np.nan
    return frame


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("order_statistics")
    path = work / "order_statistics.duckdb"
    events = _events()
    con = duckdb.connect(str(path))
    for name, frame in {"os_estimates": ESTIMATES, "os_rules": RULES}.items():
        con.register("frame", frame)
        con.execute(f"create table {name} as select * from frame")
        con.unregister("frame")
    con.register("frame", events)
    con.execute("create table os_events as select * from frame")
    con.execute(
        "create table os_outcomes as select event_id, case when predicted_score > 0.5 then 1 else 0 end as label,"
        " event_at + interval 1 minute as label_arrived_at from frame"
    )
    con.close()
    vars = {
        "corridor_production_events": {"relation": "main.os_events", "columns": {c: c for c in events if c != "site"}},
        "corridor_outcomes": {
            "relation": "main.os_outcomes",
            "columns": {c: c for c in ("event_id", "label", "label_arrived_at")},
        },
        "corridor_offline_estimates": {"relation": "main.os_estimates", "columns": {c: c for c in ESTIMATES}},
        "corridor_rules": {"relation": "main.os_rules", "columns": {c: c for c in RULES}},
        "corridor_reference_features": None,
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": {"site": "site"},
        "corridor_feature_columns": [],
        "corridor_window_grains": ["hour", "day", "week"],
        "corridor_rolling_windows": [{"days": ROLLING}],
    }
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt(
        "run",
        "--select",
        "+int_corridor__latency_order_statistics",
        "+int_corridor__rolling_window_stats",
        "int_corridor__latency_quantiles",
        vars=vars,
    )
    return {"path": path, "events": events.dropna(subset=["latency_ms"])}


def _groups(events: pd.DataFrame) -> dict[tuple, np.ndarray]:
    """Every calendar window × segment's sorted latencies, and every rolling window's (windows of ROLLING days
    stepped daily, kept while their last day is on or before the version's last day with events)."""
    groups: dict[tuple, np.ndarray] = {}
    for version, part in events.groupby("model_version"):
        segments = [("all", "all", part)] + [("site", s, p) for s, p in part.groupby("site")]
        for dimension, value, seg in segments:
            for grain, freq in (("hour", "h"), ("day", "D"), ("week", "W-SUN")):
                starts = (
                    seg["event_at"].dt.to_period(freq).dt.start_time
                    if grain == "week"
                    else seg["event_at"].dt.floor(freq)
                )
                for start, window in seg.groupby(starts):
                    groups[(version, grain, start, dimension, value)] = np.sort(window["latency_ms"].to_numpy())
            day = seg["event_at"].dt.floor("D")
            last_day = part["event_at"].dt.floor("D").max()
            for start in pd.date_range(
                day.min() - pd.Timedelta(days=ROLLING - 1), last_day - pd.Timedelta(days=ROLLING - 1)
            ):
                window = seg[(day >= start) & (day < start + pd.Timedelta(days=ROLLING))]
                if len(window):
                    groups[(version, f"rolling_{ROLLING}d", start, dimension, value)] = np.sort(
                        window["latency_ms"].to_numpy()
                    )
    return groups


def test_interval_order_statistics_equal_numpy(built):
    groups = _groups(built["events"])
    rows = query(
        built["path"],
        "select model_version, window_grain, window_start, segment_dimension, segment_value, statistic as metric,"
        " max(n) as sample_size, max(case when bound = 'lower' then latency_value end) as interval_lower,"
        " max(case when bound = 'upper' then latency_value end) as interval_upper"
        " from int_corridor__latency_order_statistics where bound in ('lower', 'upper') group by all",
    )
    assert set(rows.metric) == set(QUANTILES)
    found = {tuple(r) for r in rows[KEYS].itertuples(index=False)}
    assert found == set(groups), (len(found), len(groups))
    checked = {"value": 0, "none": 0, "tied": 0}
    for r in rows.itertuples():
        x = groups[(r.model_version, r.window_grain, r.window_start, r.segment_dimension, r.segment_value)]
        lo_rank, hi_rank = calibration.order_statistic_ranks(len(x), QUANTILES[r.metric])
        assert r.sample_size == len(x), r
        for got, rank in ((r.interval_lower, lo_rank), (r.interval_upper, hi_rank)):
            if 1 <= rank <= len(x):
                assert got == x[rank - 1], (r, rank)
                checked["value"] += 1
                checked["tied"] += int(np.sum(x == x[rank - 1]) > 1)
            else:
                assert np.isnan(got), (r, rank)
                checked["none"] += 1
    # every kind of case was met: values, missing bounds (small hourly groups), values shared by several ranks
    assert min(checked.values()) > 100, checked


def test_rolling_quantiles_equal_numpy(built):
    groups = _groups(built["events"])
    rows = query(built["path"], "select * from int_corridor__rolling_window_stats")
    assert len(rows) == sum(1 for key in groups if key[1].startswith("rolling")) > 30
    for r in rows.itertuples():
        x = groups[(r.model_version, r.window_grain, r.window_start, r.segment_dimension, r.segment_value)]
        for name, q in {**QUANTILES, "latency_p99_above": 0.995, "latency_p50_below": 0.45}.items():
            assert getattr(r, name) == pytest.approx(np.quantile(x, q), rel=1e-12, abs=1e-12), (r, name)


def test_calendar_quantiles_equal_numpy(built):
    # int_corridor__latency_quantiles, a view interpolating between two order statistics: numpy's linear quantile
    groups = _groups(built["events"])
    rows = query(built["path"], "select * from int_corridor__latency_quantiles")
    assert len(rows) == sum(1 for key in groups if not key[1].startswith("rolling")) > 100
    for r in rows.itertuples():
        x = groups[(r.model_version, r.window_grain, r.window_start, r.segment_dimension, r.segment_value)]
        for name, q in {**QUANTILES, "latency_p95_below": 0.93, "latency_p99_above": 0.995}.items():
            assert getattr(r, name) == pytest.approx(np.quantile(x, q), rel=1e-12, abs=1e-12), (r, name)


def test_requests_and_histograms(built):
    stats = query(built["path"], "select * from int_corridor__latency_order_statistics")
    # interpolation ends for every group, interval bounds for the interval grains (all three here) and rolling windows
    assert set(stats.bound) == {"lower", "upper", "low", "high"}
    keys = ["model_version", "window_grain", "window_start", "segment_dimension", "segment_value"]
    assert (stats.groupby(keys).bound.nunique() == 4).all()
    assert len(stats[stats.bound == "low"].statistic.unique()) == 9
    # the all-equal segment (v2, south): every order statistic is 42
    south = stats[(stats.model_version == "v2") & (stats.segment_value == "south") & stats.latency_value.notna()]
    assert len(south) > 100 and (south.latency_value == 42.0).all()
    # the per-value histograms are the Python bootstrap's alone: empty while it is off
    assert query(built["path"], "select count(*) as n from int_corridor__value_histograms").n[0] == 0
