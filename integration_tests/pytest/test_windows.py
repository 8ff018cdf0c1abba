"""Window grains on a calendar (issue 13): day, week and month windows in a
configurable time zone, across a daylight-saving change, checked against
counts computed independently in pandas from the raw events."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

START = pd.Timestamp("2026-01-20")
END = pd.Timestamp("2026-04-12")  # Europe/Berlin moves to summer time on 2026-03-29


def _events(seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    hours = int((END - START) / pd.Timedelta(hours=1))
    per_hour = rng.poisson(6, hours)
    hour = np.repeat(np.arange(hours), per_hour)
    n = len(hour)
    event_at = START + pd.to_timedelta(hour, unit="h") + pd.to_timedelta(rng.integers(0, 3600, n), unit="s")
    frame = pd.DataFrame(
        {
            "event_id": [f"w{i:07d}" for i in range(n)],
            "event_at": event_at,
            "loaded_at": event_at + pd.Timedelta(seconds=5),
            "model_id": "m",
            "model_version": "v1",
            "entity_id": "e",
            "region": rng.choice(["north", "south"], n),
            "latency_ms": rng.gamma(3.0, 20.0, n).round(1),
            "is_error": rng.uniform(0, 1, n) < 0.03,
            "predicted_score": rng.uniform(0, 1, n).round(3),
        }
    )
    frame["predicted_class"] = (frame["predicted_score"] >= 0.5).astype(int)
    return frame


def _windows(events: pd.DataFrame, grain: str, zone: str) -> pd.DataFrame:
    """Window starts and ends (naive UTC) per event, on the calendar of `zone`, independently of corridor."""
    local = events["event_at"].dt.tz_localize("UTC").dt.tz_convert(zone)
    if grain == "day":
        start = local.dt.normalize()
        end = (start.dt.tz_localize(None) + pd.Timedelta(days=1)).dt.tz_localize(zone)
    elif grain == "week":
        start = local.dt.normalize() - pd.to_timedelta(local.dt.day_of_week, unit="D")
        start = start.dt.tz_localize(None).dt.tz_localize(zone)
        end = (start.dt.tz_localize(None) + pd.Timedelta(days=7)).dt.tz_localize(zone)
    else:
        start = local.dt.tz_localize(None).dt.to_period("M").dt.to_timestamp().dt.tz_localize(zone)
        end = (start.dt.tz_localize(None) + pd.offsets.MonthBegin(1)).dt.tz_localize(zone)
    utc = {
        "window_start": start.dt.tz_convert("UTC").dt.tz_localize(None),
        "window_end": end.dt.tz_convert("UTC").dt.tz_localize(None),
    }
    frame = events.assign(**utc)
    out = frame.groupby(["window_start", "window_end"]).agg(n=("event_id", "size"), errors=("is_error", "sum"))
    return out.reset_index()


RULES = pd.DataFrame(
    [
        {
            "rule_id": "MONTHLY_ERRORS",
            "metric": "error_rate",
            "segment_dimension": "all",
            "segment_value": "all",
            "window_grain": "month",
            "comparison_kind": "absolute",
            "direction": "lower_is_better",
            "warn_tolerance": 0.02,
            "fail_tolerance": 0.05,
            "owner": "t",
            "severity": "low",
        },
        {
            "rule_id": "DAILY_VOLUME",
            "metric": "request_count",
            "segment_dimension": "all",
            "segment_value": "all",
            "window_grain": "day",
            "comparison_kind": "seasonal",
            "direction": "two_sided",
            "warn_tolerance": 0.5,
            "fail_tolerance": 0.9,
            "owner": "t",
            "severity": "low",
        },
    ]
)


def _build(tmp_path_factory, zone: str | None):
    work = tmp_path_factory.mktemp(f"windows_{(zone or 'default').replace('/', '_')}")
    path = work / "windows.duckdb"
    events = _events()
    con = duckdb.connect(str(path))
    outcomes = events[["event_id"]].assign(label=0, label_arrived_at=events["event_at"] + pd.Timedelta(minutes=1))
    estimates = pd.DataFrame(
        [
            {
                "model_id": "m",
                "model_version": "v1",
                "metric": "error_rate",
                "expected_value": 0.03,
                "standard_error": 0.001,
            }
        ]
    )
    for name, frame in {"w_events": events, "w_outcomes": outcomes, "w_estimates": estimates, "w_rules": RULES}.items():
        con.register("frame", frame)
        con.execute(f"create or replace table {name} as select * from frame")
        con.unregister("frame")
    con.close()

    def same_names(frame, drop=()):
        return {column: column for column in frame.columns if column not in drop}

    vars = {
        "corridor_production_events": {"relation": "main.w_events", "columns": same_names(events, ["region"])},
        "corridor_outcomes": {"relation": "main.w_outcomes", "columns": same_names(outcomes)},
        # this project's estimates have no grain, segment, lineage, interval or validity columns
        "corridor_offline_estimates": {"relation": "main.w_estimates", "columns": same_names(estimates)},
        "corridor_rules": {"relation": "main.w_rules", "columns": same_names(RULES)},
        "corridor_reference_features": None,
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": ["region"],
        "corridor_feature_columns": [],
        "corridor_window_grains": ["day", "week", "month"],
        "corridor_histogram_metric_grains": ["month"],
        # day: rolling windows are summed from day cells, latency quantiles from day value histograms
        "corridor_bootstrap_grains": ["day", "month"],
        "corridor_rolling_windows": [{"days": 7}],
        # the integration project's threshold (its dbt_project.yml), which the PostgreSQL build below runs in
        "corridor_slow_request_ms": 200,
    }
    if zone:
        vars["corridor_time_zone"] = zone
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("build", "--exclude", "resource_type:seed", vars=vars)
    return {"path": path, "events": events, "dbt": dbt, "vars": vars}


@pytest.fixture(scope="module")
def berlin(tmp_path_factory):
    return _build(tmp_path_factory, "Europe/Berlin")


def _observed(path, grain: str) -> pd.DataFrame:
    return query(
        path,
        "select window_start, window_end, metric, metric_value from corridor_metric_observations "
        "where source = 'production' and segment_dimension = 'all' and window_grain = ? "
        "and metric in ('request_count', 'error_rate', 'throughput_per_hour')",
        [grain],
    ).pivot_table(index=["window_start", "window_end"], columns="metric", values="metric_value")


@pytest.mark.parametrize("grain", ["day", "week", "month"])
def test_counts_per_local_window_match_pandas(berlin, grain):
    expected = _windows(berlin["events"], grain, "Europe/Berlin").set_index(["window_start", "window_end"])
    got = _observed(berlin["path"], grain)
    assert list(got.index) == list(expected.index)
    assert (got["request_count"] == expected["n"]).all()
    np.testing.assert_allclose(got["error_rate"], expected["errors"] / expected["n"], rtol=1e-12)
    hours = (expected.index.get_level_values(1) - expected.index.get_level_values(0)) / pd.Timedelta(hours=1)
    np.testing.assert_allclose(got["throughput_per_hour"], expected["n"] / hours, rtol=1e-12)


def test_rolling_windows_across_the_change_match_pandas(berlin):
    """rolling_7d: the trailing 7 local days as of each day, 167 hours long when they hold the change."""
    events = berlin["events"]
    local = events["event_at"].dt.tz_localize("UTC").dt.tz_convert("Europe/Berlin").dt.tz_localize(None)
    last_day = local.dt.normalize().max()
    expected = []
    for as_of in pd.date_range(local.dt.normalize().min(), last_day, freq="D"):
        start, end = as_of - pd.Timedelta(days=6), as_of + pd.Timedelta(days=1)  # local midnights
        inside = (local >= start) & (local < end)
        utc = pd.DatetimeIndex([start, end]).tz_localize("Europe/Berlin").tz_convert("UTC").tz_localize(None)
        expected.append({"window_start": utc[0], "window_end": utc[1], "n": inside.sum(),
                         "errors": events.loc[inside, "is_error"].sum()})  # fmt: skip
    expected = pd.DataFrame(expected).set_index(["window_start", "window_end"])
    got = _observed(berlin["path"], "rolling_7d")
    assert list(got.index) == list(expected.index)
    assert (got["request_count"] == expected["n"]).all()
    np.testing.assert_allclose(got["error_rate"], expected["errors"] / expected["n"], rtol=1e-12)
    hours = (expected.index.get_level_values(1) - expected.index.get_level_values(0)) / pd.Timedelta(hours=1)
    assert set(hours) == {167.0, 168.0}  # the windows holding 2026-03-29 are an hour short
    np.testing.assert_allclose(got["throughput_per_hour"], expected["n"] / hours, rtol=1e-12)


def test_the_daylight_saving_day_has_23_hours(berlin):
    days = _observed(berlin["path"], "day").reset_index()
    by_start = days.set_index("window_start")["window_end"]
    # Berlin midnights: 03-28 00:00 CET = 03-27 23:00 UTC; 03-29 00:00 CET = 03-28 23:00 UTC;
    # 03-30 00:00 CEST = 03-29 22:00 UTC
    assert by_start[pd.Timestamp("2026-03-27 23:00")] == pd.Timestamp("2026-03-28 23:00")
    assert by_start[pd.Timestamp("2026-03-28 23:00")] == pd.Timestamp("2026-03-29 22:00")
    assert by_start[pd.Timestamp("2026-03-29 22:00")] == pd.Timestamp("2026-03-30 22:00")
    months = _observed(berlin["path"], "month").reset_index()
    # local month starts: January to April 2026, the last one in summer time
    assert list(months["window_start"].astype(str)) == [
        "2025-12-31 23:00:00",
        "2026-01-31 23:00:00",
        "2026-02-28 23:00:00",
        "2026-03-31 22:00:00",
    ]


def test_seasonal_day_of_week_slots_follow_local_days_across_the_change(berlin):
    baselines = query(
        berlin["path"],
        "select window_start, baseline_windows from int_corridor__seasonal_baselines "
        "where rule_id = 'DAILY_VOLUME' and window_start between '2026-03-29' and '2026-04-12' order by 1",
    )
    # every local day after the change (03-30 .. 04-12, starting 22:00 UTC) still finds the same weekday
    # in each of the 4 previous weeks, whose local midnights were at 23:00 UTC before the change
    assert len(baselines) == 14 and (baselines["window_start"].dt.hour == 22).all()
    assert (baselines["baseline_windows"] == 4).all(), baselines


def test_monthly_rule_judges_month_windows_against_a_grain_less_estimate(berlin):
    results = query(
        berlin["path"],
        "select window_start, status, expected_source, expected_value, sample_size from corridor_validation_results "
        "where rule_id = 'MONTHLY_ERRORS' order by window_start",
    )
    assert len(results) == 4
    assert set(results["expected_source"]) == {"overall"} and (results["expected_value"] == 0.03).all()
    assert results["status"].isin(["pass", "warn", "fail", "inconclusive"]).all()
    assert list(results["sample_size"]) == list(_windows(berlin["events"], "month", "Europe/Berlin")["n"])


# Each unusable time zone, with a word of its message. Both are compiled in one dbt process on the build's parse
# (conftest.Dbt.batch, the `refused_zones` fixture) instead of a full parse each: int_corridor__production_windows,
# selected, reads the var when it renders (corridor.setting's validator), and no node config depends on it. A bad
# value of a registered setting is refused by a real dbt process with its batch's message in
# test_settings_registry.py and test_configuration.py.
UNUSABLE_ZONES = [
    ("Asia/Kolkata", "not a whole number of hours"),
    ("Europe/Berlln", "corridor_time_zone' must be an IANA time zone name"),
]


@pytest.fixture(scope="module")
def refused_zones(berlin):
    args = ["compile", "--select", "int_corridor__production_windows"]
    cases = [{"args": args, "vars": {**berlin["vars"], "corridor_time_zone": zone}} for zone, _ in UNUSABLE_ZONES]
    return berlin["dbt"].batch(cases, base_vars=berlin["vars"])


@pytest.mark.parametrize("case", range(len(UNUSABLE_ZONES)), ids=[zone for zone, _ in UNUSABLE_ZONES])
def test_an_unusable_time_zone_is_refused_with_the_var_named(refused_zones, case):
    message = UNUSABLE_ZONES[case][1]
    result = refused_zones[case]
    assert not result.ok and message in result.output, result.output[-2000:]


def _pg_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "timestamp"
    if pd.api.types.is_integer_dtype(series):
        return "bigint"
    if pd.api.types.is_float_dtype(series):
        return "double precision"
    return "text"


@pytest.mark.postgres
def test_postgres_builds_the_same_local_windows(berlin, postgres_server, tmp_path):
    """The Berlin build on PostgreSQL (the integration project, corridor's SQL models only, into a database of
    its own): every production and offline row of corridor_metric_observations equals the DuckDB build."""
    import io

    import psycopg2
    from corridor.dbt_runner import INTEGRATION_DIR

    env = {**postgres_server, "CORRIDOR_PG_DATABASE": "corridor_windows"}
    admin = dict(host=env["CORRIDOR_PG_HOST"], port=int(env["CORRIDOR_PG_PORT"]), user="postgres")
    con = psycopg2.connect(**admin, dbname="postgres")
    con.autocommit = True
    con.cursor().execute("drop database if exists corridor_windows")
    con.cursor().execute("create database corridor_windows")
    con.close()
    con = psycopg2.connect(**admin, dbname="corridor_windows")
    src = duckdb.connect(str(berlin["path"]), read_only=True)
    with con, con.cursor() as cur:
        cur.execute("create schema corridor_it")
        for name in ["w_events", "w_outcomes", "w_estimates", "w_rules"]:
            frame = src.execute(f"select * from {name}").df()
            columns = ", ".join(f'"{c}" {_pg_type(frame[c])}' for c in frame.columns)
            cur.execute(f"create table corridor_it.{name} ({columns})")
            buffer = io.StringIO()
            frame.to_csv(buffer, index=False, header=False, na_rep="\\N")
            buffer.seek(0)
            cur.copy_expert(f"copy corridor_it.{name} from stdin with (format csv, null '\\N')", buffer)
    src.close()
    con.close()
    vars = {
        **berlin["vars"],
        **{
            key: {**berlin["vars"][key], "relation": berlin["vars"][key]["relation"].replace("main.", "corridor_it.")}
            for key in [
                "corridor_production_events",
                "corridor_outcomes",
                "corridor_offline_estimates",
                "corridor_rules",
            ]
        },
    }
    dbt = Dbt(INTEGRATION_DIR, tmp_path, env)
    dbt("deps")
    dbt(
        "run",
        "--target",
        "postgres",
        "--select",
        "+corridor_metric_observations",
        "--exclude",
        "resource_type:seed",
        "tag:corridor_demo",
        vars=vars,
    )
    pg_con = psycopg2.connect(**admin, dbname="corridor_windows")
    keys = ["source", "metric", "segment_dimension", "segment_value", "window_grain", "window_start"]
    sql = f"select {', '.join(keys)}, window_end, metric_value from corridor_it.corridor_metric_observations"
    with pg_con.cursor() as cur:
        cur.execute(sql)
        pg = pd.DataFrame(cur.fetchall(), columns=[d.name for d in cur.description])
    pg_con.close()
    pg["metric_value"] = pd.to_numeric(pg["metric_value"])
    duck = query(berlin["path"], sql.replace("corridor_it.", ""))
    assert len(pg) == len(duck) > 1000
    both = duck.merge(pg, on=keys, how="outer", suffixes=("_duck", "_pg"), indicator=True)
    assert (both["_merge"] == "both").all()
    assert (pd.to_datetime(both["window_end_duck"]) == pd.to_datetime(both["window_end_pg"])).all()
    a, b = both["metric_value_duck"].to_numpy(dtype=float), both["metric_value_pg"].to_numpy(dtype=float)
    assert (np.isnan(a) == np.isnan(b)).all()
    np.testing.assert_allclose(b[~np.isnan(a)], a[~np.isnan(a)], rtol=1e-9, atol=1e-12)
    assert set(duck["window_grain"]) == {"day", "week", "month", "rolling_7d"}
