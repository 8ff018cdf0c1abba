"""Rolling windows (issue 13): a trailing 7-day window stepped daily, summed from day cells, checked against
the same metrics computed directly in pandas/numpy/scipy over the events of those 7 days, and a planted
incident found on the rolling grain (docs/windows.md#rolling-windows). Labels arrive up to about two weeks late:
the replay judges a rolling window whose labels were still arriving on the labels arrived as of each point, equal to
a live build with corridor_as_of set to that point (docs/replay.md)."""

from __future__ import annotations

import re
import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query, replay_cells_from
from corridor import bootstrap as bs
from corridor.dbt_runner import REPO_ROOT
from scipy import stats

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

START = pd.Timestamp("2026-03-02")
DAYS = 24
INCIDENT_DAYS = (14, 15)  # 2026-03-16 and 2026-03-17: errors jump in region north only
ROLLING = 7
GATE_DAY = 5  # 2026-03-07: a data incident (missing latencies)
# 2026-03-25, the last day: events without any latency. Its rolling window still has the latency quantiles of the
# days before; it once lost them, as the order statistics took the version's last day from latency rows only.
LAST_DAY = DAYS - 1
ASYMPTOTIC = 185


def _events(seed: int = 13) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    hours = DAYS * 24
    hour = np.repeat(np.arange(hours), rng.poisson(8, hours))
    n = len(hour)
    event_at = START + pd.to_timedelta(hour, unit="h") + pd.to_timedelta(rng.integers(0, 3600, n), unit="s")
    region = rng.choice(["north", "south"], n)
    day = hour // 24
    incident = (region == "north") & np.isin(day, INCIDENT_DAYS)
    score = rng.uniform(0, 1, n).round(3)
    frame = pd.DataFrame(
        {
            "event_id": [f"r{i:07d}" for i in range(n)],
            "event_at": event_at,
            "loaded_at": event_at + pd.Timedelta(seconds=5),
            "model_id": "m",
            "model_version": "v1",
            "entity_id": "e",
            "region": region,
            "latency_ms": rng.gamma(3.0, 20.0, n).round(1),
            "is_error": rng.uniform(0, 1, n) < np.where(incident, 0.35, 0.02),
            "predicted_score": score,
        }
    )
    frame["predicted_class"] = (frame["predicted_score"] >= 0.5).astype(int)
    frame["label"] = (rng.uniform(0, 1, n) < score).astype(int)
    # a data incident: a fifth of day 5's latencies are missing (the null_rate gate fails that day)
    frame.loc[(day == GATE_DAY) & (rng.uniform(0, 1, n) < 0.2), "latency_ms"] = np.nan
    frame.loc[day == LAST_DAY, "latency_ms"] = np.nan
    return frame


RULES = pd.DataFrame(
    [
        {
            "rule_id": "ROLLING_ERRORS",
            "metric": "error_rate",
            "segment_dimension": "region",
            "segment_value": "*",
            "window_grain": "rolling_7d",
            "comparison_kind": "absolute",
            "direction": "lower_is_better",
            "warn_tolerance": 0.03,
            "fail_tolerance": 0.06,
            "consecutive_windows": 1,
            "owner": "t",
            "severity": "high",
        },
        {
            "rule_id": "ROLLING_ERRORS_3_DAYS",
            "metric": "error_rate",
            "segment_dimension": "region",
            "segment_value": "north",
            "window_grain": "rolling_7d",
            "comparison_kind": "absolute",
            "direction": "lower_is_better",
            "warn_tolerance": 0.03,
            "fail_tolerance": 0.06,
            "consecutive_windows": 3,
            "owner": "t",
            "severity": "high",
        },
        {
            "rule_id": "ROLLING_AUC",
            "metric": "auc",
            "segment_dimension": "all",
            "segment_value": "all",
            "window_grain": "rolling_7d",
            "comparison_kind": "absolute",
            "direction": "higher_is_better",
            "warn_tolerance": 0.05,
            "fail_tolerance": 0.1,
            "consecutive_windows": 1,
            "owner": "t",
            "severity": "low",
        },
        {
            "rule_id": "ROLLING_ACCURACY",
            "metric": "accuracy",
            "segment_dimension": "region",
            "segment_value": "*",
            "window_grain": "rolling_7d",
            "comparison_kind": "absolute",
            "direction": "higher_is_better",
            "warn_tolerance": 0.03,
            "fail_tolerance": 0.06,
            "consecutive_windows": 1,
            "owner": "t",
            "severity": "low",
        },
    ]
)
# error_rate without a grain (every grain, rolling included, the segments by overall fallback); AUC for the
# rolling grain by name
ESTIMATES = pd.DataFrame(
    [
        {"model_id": "m", "model_version": "v1", "metric": "error_rate", "window_grain": None,
         "expected_value": 0.02, "standard_error": 0.002},
        {"model_id": "m", "model_version": "v1", "metric": "auc", "window_grain": "rolling_7d",
         "expected_value": 0.83, "standard_error": 0.01},
        # calibrated uniform scores: P(correct) = E[max(p, 1 - p)] = 0.75
        {"model_id": "m", "model_version": "v1", "metric": "accuracy", "window_grain": "rolling_7d",
         "expected_value": 0.75, "standard_error": 0.01},
    ]
)  # fmt: skip


def _vars(events, outcomes) -> dict:
    def same_names(frame, drop=()):
        return {column: column for column in frame.columns if column not in drop}

    return {
        "corridor_production_events": {"relation": "main.r_events", "columns": same_names(events, ["region", "label"])},
        "corridor_outcomes": {"relation": "main.r_outcomes", "columns": same_names(outcomes)},
        "corridor_offline_estimates": {"relation": "main.r_estimates", "columns": same_names(ESTIMATES)},
        "corridor_rules": {"relation": "main.r_rules", "columns": same_names(RULES)},
        "corridor_reference_features": None,
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": ["region"],
        "corridor_feature_columns": [],
        "corridor_window_grains": ["day", "week"],
        "corridor_histogram_metric_grains": ["day"],
        "corridor_python_bootstrap": True,
        "corridor_rolling_windows": [{"days": ROLLING}],
        # about 188 evaluable events a day overall (94 per region): some days above, some below, so the rolling
        # windows sum days of power sums with days of values (test_large_mean_groups_...)
        "corridor_bootstrap_asymptotic_events": ASYMPTOTIC,
    }


@pytest.fixture(scope="module")
def rolling(tmp_path_factory):
    work = tmp_path_factory.mktemp("rolling")
    path = work / "rolling.duckdb"
    events = _events()
    # labels arrive a minute to about two weeks after their event (exponential, mean 36 hours)
    delay = np.random.default_rng(17).exponential(36 * 3600, len(events)).round() + 60
    outcomes = events[["event_id", "label"]].assign(label_arrived_at=events["event_at"] + pd.to_timedelta(delay, "s"))
    con = duckdb.connect(str(path))
    tables = {"r_events": events.drop(columns="label"), "r_outcomes": outcomes, "r_estimates": ESTIMATES,
              "r_rules": RULES}  # fmt: skip
    for name, frame in tables.items():
        con.register("frame", frame)
        con.execute(f"create or replace table {name} as select * from frame")
        con.unregister("frame")
    con.close()
    vars = _vars(events, outcomes)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    build = dbt("build", "--exclude", "resource_type:seed", vars=vars)
    return {"path": path, "events": events, "dbt": dbt, "vars": vars, "build": build}


def _direct(events: pd.DataFrame) -> pd.DataFrame:
    """Each rolling window's metrics straight from its events: windows [d - 6, d + 1) for every day d with data,
    overall and per region."""
    rows = []
    for d in range(DAYS):
        start = START + pd.Timedelta(days=d - ROLLING + 1)
        end = START + pd.Timedelta(days=d + 1)
        window = events[(events["event_at"] >= start) & (events["event_at"] < end)]
        for dimension, value, part in [("all", "all", window)] + [
            ("region", r, window[window["region"] == r]) for r in ("north", "south")
        ]:
            evaluable = part[~part["is_error"]]  # events that errored are not evaluated
            correct = (evaluable["predicted_class"] == evaluable["label"]).mean()
            latency = part["latency_ms"].dropna().to_numpy()
            rows.append(
                {
                    "window_start": start, "window_end": end, "segment_dimension": dimension, "segment_value": value,
                    "request_count": float(len(part)), "errors": int(part["is_error"].sum()),
                    "error_rate": part["is_error"].mean(), "latency_mean": latency.mean(),
                    "latency_p50": np.quantile(latency, 0.5), "latency_p95": np.quantile(latency, 0.95),
                    "latency_p99": np.quantile(latency, 0.99), "accuracy": correct,
                    "auc": _auc(evaluable["label"].to_numpy(), evaluable["predicted_score"].to_numpy()),
                    "throughput_per_hour": len(part) / ((end - start) / pd.Timedelta(hours=1)),
                }
            )  # fmt: skip
    return pd.DataFrame(rows)


def _auc(label, score) -> float:
    """Mann-Whitney AUC, ties counted one half (scipy's U statistic)."""
    u = stats.mannwhitneyu(score[label == 1], score[label == 0]).statistic
    return u / ((label == 1).sum() * (label == 0).sum())


METRICS = ["request_count", "error_rate", "latency_mean", "latency_p50", "latency_p95", "latency_p99", "accuracy",
           "auc", "throughput_per_hour"]  # fmt: skip


def test_rolling_window_metrics_equal_the_same_metrics_computed_over_their_events(rolling):
    got = query(
        rolling["path"],
        "select window_start, window_end, segment_dimension, segment_value, metric, metric_value "
        "from corridor_metric_observations where source = 'production' and window_grain = 'rolling_7d'",
    ).pivot_table(index=["window_start", "window_end", "segment_dimension", "segment_value"], columns="metric",
                  values="metric_value")  # fmt: skip
    expected = _direct(rolling["events"]).set_index(["window_start", "window_end", "segment_dimension",
                                                     "segment_value"])  # fmt: skip
    # one window per day with data, each 7 days long, overall and per region
    assert sorted(got.index) == sorted(expected.index)
    assert len(got) == DAYS * 3
    for metric in METRICS:
        np.testing.assert_allclose(
            got.loc[expected.index, metric], expected[metric], rtol=1e-9, atol=1e-12, err_msg=metric
        )


def test_rolling_windows_have_exact_and_bootstrap_intervals(rolling):
    exact = query(
        rolling["path"],
        "select window_start, segment_value, interval_lower, interval_upper from corridor_metric_intervals "
        "where window_grain = 'rolling_7d' and metric = 'error_rate' and interval_method = 'clopper_pearson' "
        "and segment_dimension = 'region'",
    ).set_index(["window_start", "segment_value"])
    expected = _direct(rolling["events"]).query("segment_dimension == 'region'")
    expected = expected.set_index(["window_start", "segment_value"])
    assert sorted(exact.index) == sorted(expected.index)
    k, n = expected["errors"], expected["request_count"]
    np.testing.assert_allclose(exact.loc[expected.index, "interval_lower"], stats.beta.ppf(0.025, k, n - k + 1),
                               rtol=1e-6)  # fmt: skip
    np.testing.assert_allclose(exact.loc[expected.index, "interval_upper"], stats.beta.ppf(0.975, k + 1, n - k),
                               rtol=1e-6)  # fmt: skip
    boot = query(
        rolling["path"],
        "select count(*) as n, count(distinct window_start) as windows, "
        "sum(case when interval_lower <= metric_value and metric_value <= interval_upper then 1 else 0 end) "
        "as inside from corridor_bootstrap_intervals where window_grain = 'rolling_7d' and metric = 'latency_p95' "
        "and segment_dimension = 'all' and interval_method = 'bootstrap_percentile'",
    )
    assert boot["windows"][0] == DAYS and boot["n"][0] == DAYS and boot["inside"][0] == DAYS
    # the SQL Poisson bootstrap: a window's replicates from its days' sufficient statistics; its 95 % interval of a
    # rate is about as wide as the normal interval 2 z sqrt(p (1 - p) / n) (200 replicates: within 20 % typically)
    sql = query(
        rolling["path"],
        "select window_start, interval_lower, interval_upper from corridor_metric_intervals "
        "where window_grain = 'rolling_7d' and metric = 'error_rate' and segment_dimension = 'all' "
        "and interval_method = 'sql_poisson_bootstrap_percentile'",
    ).set_index("window_start")
    overall = _direct(rolling["events"]).query("segment_dimension == 'all'").set_index("window_start")
    assert sorted(sql.index) == sorted(overall.index)
    p, n = overall["error_rate"], overall["request_count"]
    ratio = (sql["interval_upper"] - sql["interval_lower"]).loc[overall.index] / (
        2 * 1.959964 * np.sqrt(p * (1 - p) / n)
    )
    assert 0.85 < ratio.median() < 1.15, ratio.describe()


def test_the_planted_incident_is_found_on_the_rolling_grain_and_the_clean_region_stays_quiet(rolling):
    results = query(
        rolling["path"],
        "select segment_value, window_start, status, expected_source from corridor_validation_results "
        "where rule_id = 'ROLLING_ERRORS' order by segment_value, window_start",
    )
    assert len(results) == DAYS * 2
    assert set(results["expected_source"]) == {"overall_fallback"}
    # windows of north that hold an incident day: the as-of days 14 .. 14 + 6 (and 15 .. 21)
    first_day = results["window_start"] + pd.Timedelta(days=ROLLING - 1)
    as_of = ((first_day - START) / pd.Timedelta(days=1)).astype(int)
    holds_incident = (as_of >= INCIDENT_DAYS[0]) & (as_of - ROLLING + 1 <= INCIDENT_DAYS[1])
    north = results["segment_value"] == "north"
    assert results.loc[north & holds_incident, "status"].isin(["warn", "fail"]).all(), results[north]
    # one incident day in 7 lifts the window's rate to about (0.35 + 6 x 0.02) / 7 = 0.067: beyond the warn
    # tolerance (0.02 + 0.03), within the fail one (0.02 + 0.06); both days, about 0.114: fail
    holds_both = (as_of >= INCIDENT_DAYS[1]) & (as_of - ROLLING + 1 <= INCIDENT_DAYS[0])
    assert (results.loc[north & holds_both, "status"] == "fail").all() and (north & holds_both).sum() == ROLLING - 1
    assert (results.loc[north & holds_incident & ~holds_both, "status"] == "warn").all()
    assert not results.loc[~(north & holds_incident), "status"].isin(["warn", "fail"]).any(), results
    alerts = query(
        rolling["path"],
        "select segment_value, window_grain, worst_window_start, windows_breached from corridor_alerts "
        "where rule_id = 'ROLLING_ERRORS'",
    )
    # the overlapping breaching windows are one episode: one alert for north, none for south
    assert list(alerts["segment_value"]) == ["north"] and list(alerts["window_grain"]) == ["rolling_7d"], alerts
    assert alerts["worst_window_start"][0] in set(results.loc[north & holds_both, "window_start"])
    assert alerts["windows_breached"][0] >= ROLLING - 1


def test_a_day_that_failed_its_data_gate_blocks_the_rolling_windows_holding_it(rolling):
    results = query(
        rolling["path"],
        "select window_start, status, gate_failing_checks from corridor_validation_results "
        "where rule_id = 'ROLLING_ERRORS' and segment_value = 'south' order by window_start",
    )
    as_of = ((results["window_start"] - START) / pd.Timedelta(days=1)).astype(int) + ROLLING - 1
    holds_gate_day = ((as_of >= GATE_DAY) & (as_of - ROLLING + 1 <= GATE_DAY)) | (as_of == LAST_DAY)
    assert holds_gate_day.sum() == ROLLING + 1  # the last day has no latency at all: its window is blocked too
    assert (results.loc[holds_gate_day, "status"] == "blocked").all(), results
    assert results.loc[holds_gate_day, "gate_failing_checks"].str.contains("null_rate").all()
    assert not (results.loc[~holds_gate_day, "status"] == "blocked").any(), results


def test_consecutive_rolling_windows_are_one_day_apart(rolling):
    """consecutive_windows: 3 on a rolling rule: the breach persisted for 3 daily steps; the alert opens at the
    third adjacent breaching window, two days after the first (not 3 non-overlapping weeks later)."""
    alert = query(
        rolling["path"],
        "select first_seen_window_start, opened_window_start, windows_breached from corridor_alerts "
        "where rule_id = 'ROLLING_ERRORS_3_DAYS'",
    )
    assert len(alert) == 1 and alert["windows_breached"][0] >= 3
    assert alert["opened_window_start"][0] - alert["first_seen_window_start"][0] == pd.Timedelta(days=2)


REPLAY_AS_OF = "2026-03-20 00:00:00"  # day 18: the labels of the last days still arriving


def test_replay_cells_start_at_the_longest_window_holding_the_first_hour_still_missing_labels(rolling):
    # day and week grains and 7-day rolling windows: a point's cells start at the earlier of the Monday and the day
    # six days before, of the first hour whose labels were still arriving then (corridor.replay_window_floor)
    cells = replay_cells_from(rolling["path"])
    assert len(cells) > 5 and cells[["first_open", "cells_from"]].notna().all().all()
    day = cells["first_open"].dt.normalize()
    monday = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    expected = monday.where(monday < day - pd.Timedelta(days=ROLLING - 1), day - pd.Timedelta(days=ROLLING - 1))
    assert (cells["cells_from"] == expected).all(), cells.assign(expected=expected)
    assert (expected < monday).any()  # the rolling window reaches further back than the week


def test_replay_judges_rolling_windows_on_the_labels_arrived_then(rolling, tmp_path):
    """Independently of the replay's models: the project built again with var corridor_as_of (the live path) gives
    every label-dependent check of a rolling window the replay recomputed as of that point (labels still arriving:
    accuracy from the as-of day cells, AUC from the as-of score histograms, label maturity of each day as of then)
    the same value, sample size, p-value and status; and so for the calendar windows."""
    path = tmp_path / "live.duckdb"
    shutil.copy(rolling["path"], path)  # the inputs; the live build replaces corridor's tables
    live = Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)})
    live("build", "--select", "+corridor_validation_results", "--exclude", "resource_type:seed", "test_type:singular",
         vars={**rolling["vars"], "corridor_as_of": REPLAY_AS_OF})  # fmt: skip
    keys = "rule_id, rule_version, model_id, model_version, segment_dimension, segment_value, window_grain, "
    keys += "window_start"
    con = duckdb.connect(str(rolling["path"]), read_only=True)
    con.execute(f"attach '{path}' as live (read_only)")
    rows = con.execute(
        f"""select r.rule_id, r.window_grain, r.status, l.status as live_status, r.production_value,
                   l.production_value as live_value, r.sample_size, l.sample_size as live_sample_size, r.p_value,
                   l.p_value as live_p_value
            from int_corridor__replay_results as r
            inner join live.corridor_validation_results as l using ({keys})
            where r.as_of = timestamp '{REPLAY_AS_OF}' and r.labels_complete_at > r.as_of"""
    ).df()
    replayed = con.execute(
        f"""select count(*) from int_corridor__replay_results where as_of = timestamp '{REPLAY_AS_OF}'
            and labels_complete_at > as_of"""
    ).fetchone()[0]
    con.close()
    assert len(rows) == replayed  # every check the replay judged on the labels arrived then has its live twin
    rolling_rows = rows[rows["window_grain"] == "rolling_7d"]
    # the rolling windows ended by 03-20 whose days' labels were still arriving, both rules, overall and per region
    assert set(rolling_rows["rule_id"]) == {"ROLLING_AUC", "ROLLING_ACCURACY"}, rows
    assert len(rolling_rows) >= 3 * 4
    assert (rows["status"] == rows["live_status"]).all(), rows[rows["status"] != rows["live_status"]]
    assert (rows["sample_size"] == rows["live_sample_size"]).all()
    for column in ["production_value", "p_value"]:
        np.testing.assert_allclose(rows[column], rows["live_" + column.replace("production_", "")], rtol=1e-9)
    # the replay saw fewer labels then than the build has now
    final = query(
        rolling["path"],
        f"""select r.sample_size as now_size, p.sample_size as then_size from corridor_validation_results as r
            inner join int_corridor__replay_results as p using ({keys})
            where p.as_of = timestamp '{REPLAY_AS_OF}' and p.labels_complete_at > p.as_of
                and p.window_grain = 'rolling_7d'""",
    )
    assert (final["then_size"] < final["now_size"]).any() and (final["then_size"] <= final["now_size"]).all()


def test_an_estimate_naming_the_rolling_grain_is_used(rolling):
    results = query(
        rolling["path"],
        "select status, expected_value, expected_source from corridor_validation_results where rule_id = 'ROLLING_AUC'",
    )
    assert len(results) == DAYS and (results["expected_value"] == 0.83).all()
    assert not results["status"].isin(["fail", "missing"]).any(), results


# (corridor_rolling_windows, corridor_window_grains or None: the fixture's, the refusal's text)
BAD_ROLLING_WINDOWS = [
    ([{"day": 7}], None, "has an unknown key 'day'. Did you mean 'days'?"),
    ([{"days": 1}], None, "days must be an integer from 2 to 366"),
    ([{"days": "7"}], None, "days must be an integer from 2 to 366"),
    ({"days": 7}, None, "must be a list of mappings"),
    ([{"days": 7}, {"days": 7}], None, "the name 'rolling_7d' is already a window grain"),
    ([{"days": 7, "name": "Week Rolling"}], None, "name must be a lowercase identifier"),
    ([{"days": 7}], ["hour", "week"], "needs the day grain"),
]


REFUSED_AT = ["compile", "--select", "int_corridor__rolling_window_stats"]  # the model that reads the var


def _bad_vars(rolling, case: int) -> dict:
    windows, grains, _ = BAD_ROLLING_WINDOWS[case]
    vars = {**rolling["vars"], "corridor_rolling_windows": windows}
    if grains:
        vars["corridor_window_grains"] = grains
    return vars


@pytest.fixture(scope="module")
def refused_rolling_windows(rolling):
    """Each bad setting compiled in one dbt process on the build's parse (conftest.Dbt.batch): the model that reads
    the var, int_corridor__rolling_window_stats, is selected, so the refusal is the one a full parse raises."""
    cases = [{"args": REFUSED_AT, "vars": _bad_vars(rolling, case)} for case in range(len(BAD_ROLLING_WINDOWS))]
    return rolling["dbt"].batch(cases, base_vars=rolling["vars"])


@pytest.mark.parametrize("case", range(len(BAD_ROLLING_WINDOWS)), ids=[str(c[0]) for c in BAD_ROLLING_WINDOWS])
def test_a_bad_rolling_window_is_refused_with_the_var_named(refused_rolling_windows, case):
    message = BAD_ROLLING_WINDOWS[case][2]
    result = refused_rolling_windows[case]
    assert not result.ok and message in result.output and "corridor_rolling_windows" in result.output, result.output


def test_a_real_dbt_compile_refuses_a_bad_rolling_window_as_the_batch_does(rolling, refused_rolling_windows):
    """The first bad setting as a separate dbt process (a full parse with the bad vars): the same corridor message as
    its batch case, so the batch technique (conftest.Dbt.batch) is checked on this file's kind of refusal too."""
    message = BAD_ROLLING_WINDOWS[0][2]
    result = rolling["dbt"](*REFUSED_AT, vars=_bad_vars(rolling, 0), expect_ok=False)
    assert not result.ok and message in result.output, result.output[-3000:]

    def messages(output: str) -> set[str]:
        return {line for line in re.findall(r"corridor: [^\n]*", output) if message in line}

    assert messages(result.output) == messages(refused_rolling_windows[0].output) != set()


def _mean_terms(events: pd.DataFrame) -> pd.DataFrame:
    """Every evaluable event's Brier and log-loss terms (corridor.label_metric_terms) with its day and region."""
    evaluable = events[~events["is_error"]]
    p, y = evaluable["predicted_score"].to_numpy(), evaluable["label"].to_numpy()
    clipped = np.clip(p, 1e-15, 1 - 1e-15)
    return pd.DataFrame(
        {
            "event_at": evaluable["event_at"].to_numpy(),
            "region": evaluable["region"].to_numpy(),
            "brier": (p - y) ** 2,
            "log_loss": -(y * np.log(clipped) + (1 - y) * np.log(1 - clipped)),
        }
    )


def test_large_mean_groups_are_exact_power_sums_and_give_the_intervals_of_their_events(rolling):
    """int_corridor__value_histograms and its rolling windows hold a Brier or log-loss group above
    corridor_bootstrap_asymptotic_events as one row of power sums of value / scale (1 and 64), equal to those of
    its events; a smaller group as its values. A rolling window adds its large days' sums to the power sums of
    its small days' values, or sums the values of small days that add up to more than the threshold. The Python
    bootstrap gives these groups the intervals the kernel gives the same events read as values (its asymptotic
    form, from moments summed in Python)."""
    terms = _mean_terms(rolling["events"])
    rows = pd.concat(
        query(
            rolling["path"],
            f"select window_grain, window_start, segment_dimension, segment_value, family, value, n_events, scale, "
            f"cast(sum_1 as double) as sum_1, cast(sum_2 as double) as sum_2, cast(sum_3 as double) as sum_3 "
            f"from {table} where family in ('brier', 'log_loss')",
        )
        for table in ("int_corridor__value_histograms", "int_corridor__rolling_value_histograms")
    )
    keys = ["window_grain", "window_start", "segment_dimension", "segment_value", "family"]
    days = {"day": 1, "week": 7, "rolling_7d": 7}
    samples, checked = {}, {"moments": 0, "values": 0}
    for key, group in rows.groupby(keys):
        grain, start, dimension, segment, family = key
        inside = (terms["event_at"] >= start) & (terms["event_at"] < start + pd.Timedelta(days=days[grain]))
        if dimension == "region":
            inside &= terms["region"] == segment
        values = terms.loc[inside, family].to_numpy()
        moment = group[group["sum_1"].notna()]
        if len(values) > ASYMPTOTIC:
            assert len(group) == 1 and len(moment) == 1, key
            assert moment["value"].isna().all() and int(moment["n_events"].iloc[0]) == len(values), key
            unit = values / {"brier": 1.0, "log_loss": 64.0}[family]
            assert moment["scale"].iloc[0] == {"brier": 1.0, "log_loss": 64.0}[family]
            for k in (1, 2, 3):
                assert moment[f"sum_{k}"].iloc[0] == pytest.approx(np.sum(unit**k), rel=1e-12), (key, k)
            samples[key] = values
            checked["moments"] += 1
        else:
            assert moment.empty, key
            distinct, counts = np.unique(values, return_counts=True)
            group = group.sort_values("value")
            np.testing.assert_allclose(group["value"], distinct, rtol=1e-12)
            assert group["n_events"].tolist() == counts.tolist(), key
            checked["values"] += 1
    assert checked["moments"] > 50 and checked["values"] > 50, checked
    # the rolling windows that summed a small day's values into power sums: overall windows holding a day of at
    # most ASYMPTOTIC evaluable events and one of more
    day_sizes = terms.groupby(terms["event_at"].dt.floor("D")).size()
    mixed = [
        start
        for (grain, start, dimension, _, family) in samples
        if grain == "rolling_7d" and dimension == "all" and family == "brier"
        and len({size > ASYMPTOTIC for size in day_sizes[(day_sizes.index >= start)
                                                          & (day_sizes.index < start + pd.Timedelta(days=7))]}) == 2
    ]  # fmt: skip
    assert len(mixed) >= 3, day_sizes.describe()
    assert any(grain == "rolling_7d" and dimension == "region" for (grain, _, dimension, _, _) in samples)
    # the intervals: the kernel on the same events as values (moments summed in Python, about each group's minimum)
    settings = query(rolling["path"], "select * from int_corridor__interval_settings").iloc[0]
    names = {key: f"g{i}" for i, key in enumerate(samples)}
    expected = pd.concat(
        [
            bs.bootstrap_intervals(
                bs.histograms_from_samples({names[k]: v for k, v in samples.items() if k[4] == family}, family),
                n_resamples=int(settings["n_resamples"]), level=float(settings["confidence_level"]),
                seed=int(settings["seed"]), max_shared_events=int(settings["max_shared_events"]),
                asymptotic_events=ASYMPTOTIC,
            )
            for family in ("brier", "log_loss")
        ]
    ).set_index(["segment_value", "metric", "interval_method"])  # fmt: skip
    got = query(
        rolling["path"],
        "select window_grain, window_start, segment_dimension, segment_value, metric, interval_method, "
        "interval_lower, interval_upper from corridor_bootstrap_intervals where metric in ('brier_score', 'log_loss')",
    )
    got["family"] = got["metric"].map({"brier_score": "brier", "log_loss": "log_loss"})
    got["name"] = [names.get(tuple(row)) for row in got[keys].itertuples(index=False)]
    got = got.dropna(subset=["name"]).set_index(["name", "metric", "interval_method"])
    assert len(got) == 2 * len(samples)  # percentile and BCa
    for column in ("interval_lower", "interval_upper"):
        np.testing.assert_allclose(got[column], expected.loc[got.index, column], rtol=1e-9, err_msg=column)
