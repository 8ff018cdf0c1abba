"""Scenarios (docs/scenarios.md) on the demo build: the demo's library (seeds/demo/corridor_demo_scenarios.csv)
injected into the recorded events and judged by the live deviation, test, FDR and alert macros.

Known answers computed here independently: a zero-size scenario reproduces corridor_validation_results exactly
(so its detection rate is the live false-alarm level there: 0 on that quiet afternoon); a +30-point error burst
is detected by every seed, one hour after it starts (the hourly rule's first window ends at 13:00); the errors
injected into one hour are the ones a Python re-implementation of the seeded hash picks from the seed CSV;
invalid declarations are reported under their scenario id with the field they get wrong."""

from __future__ import annotations

import hashlib
import json

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import query
from corridor.dbt_runner import REPO_ROOT
from scipy import stats

pytestmark = pytest.mark.dbt

SEEDS = REPO_ROOT / "seeds" / "demo"


@pytest.fixture(scope="module")
def demo(demo_build):
    return demo_build["path"]


def _row(path, scenario_id: str, rule_id: str) -> pd.Series:
    rows = query(
        path, "select * from corridor_scenario_results where scenario_id = ? and rule_id = ?", [scenario_id, rule_id]
    )
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_zero_size_scenario_reproduces_the_live_results(demo):
    diff = query(
        demo,
        """select count(*) as n,
                  sum(case when s.status <> v.status then 1 else 0 end) as status_differs,
                  sum(case when s.is_confirmed_breach <> v.is_confirmed_breach then 1 else 0 end) as confirmed_differs,
                  max(abs(coalesce(s.p_value, -1) - coalesce(v.p_value, -1))) as p_diff,
                  max(abs(coalesce(s.q_value, -1) - coalesce(v.q_value, -1))) as q_diff
           from int_corridor__scenario_results as s
           inner join corridor_validation_results as v on s.result_id = v.result_id
           where s.scenario_id = 'S06_null_error_rate' and s.seed = 1""",
    ).iloc[0]
    live = query(demo, "select count(*) as n from corridor_validation_results").iloc[0]["n"]
    assert diff["n"] == live
    assert diff["status_differs"] == 0 and diff["confirmed_differs"] == 0
    assert diff["p_diff"] < 1e-12 and diff["q_diff"] < 1e-12
    # so its detection rate is the live false-alarm level in that place: the build raises no R010 alert there
    live_there = query(
        demo,
        """select count(*) as n from corridor_alerts where rule_id = 'R010'
           and first_seen_window_start < '2026-10-04 15:00' and last_seen_window_end > '2026-10-04 12:00'""",
    ).iloc[0]["n"]
    r010 = _row(demo, "S06_null_error_rate", "R010")
    assert live_there == 0 and r010["power"] == 0 and not r010["is_detected"] and r010["seeds"] == 10
    assert r010["new_false_alerts"] == 0


def test_large_scenario_is_detected_by_every_seed_one_hour_after_it_starts(demo):
    r010 = _row(demo, "S05_error_rate_plus30_3h", "R010")
    assert r010["scenario_status"] == "judged"
    assert r010["seeds"] == 10 and r010["seeds_detected"] == 10 and r010["power"] == 1.0
    # R010 judges hourly windows, one confirmed breach opens an alert: 12:00-13:00 ends one hour after the start
    assert r010["min_hours_to_detect"] == 1.0 and r010["max_hours_to_detect"] == 1.0
    # the tolerance that still catches it at 80 % power lies between the current 1 point and the 30 injected
    assert 0.01 < r010["recommended_warn_tolerance"] < 0.30
    # the daily per-device rule sees it too (30 points over 3 of 24 hours is ~3.75 points on the day)
    assert _row(demo, "S05_error_rate_plus30_3h", "R011")["power"] == 1.0


def _hash32(text: str) -> int:
    return int(hashlib.md5(text.encode()).hexdigest()[:8], 16)


def test_injected_errors_are_the_seeded_hash_picks(demo):
    events = pd.read_csv(SEEDS / "corridor_demo_production_events.csv", parse_dates=["event_at"])
    hour = events[
        (events["model_id"] == "checkout_fraud")
        & (events["event_at"] >= "2026-10-04 15:00")
        & (events["event_at"] < "2026-10-04 16:00")
    ].drop_duplicates("event_id")
    is_error = hour["is_error"].astype(str).str.lower() == "true"
    q = 0.02 / (1 - is_error.mean())
    keys = [_hash32(e) for e in hour["event_id"]]
    expected = {}
    for seed in range(1, 11):
        draws = np.array([(_hash32(f"{k}|S02_error_rate_plus2_1h|{seed}") + 0.5) / 2**32 for k in keys])
        expected[seed] = int(((draws < q) & ~is_error.to_numpy()).sum())
    got = query(
        demo,
        """select seed, sum(added_errors) as added, sum(cell_events) as events from int_corridor__scenario_cells
           where scenario_id = 'S02_error_rate_plus2_1h' and window_grain = 'hour'
             and window_start = '2026-10-04 15:00' and segment_dimension = 'all'
           group by seed order by seed""",
    )
    assert got["events"].tolist() == [len(hour)] * 10
    assert dict(zip(got["seed"], got["added"].astype(int), strict=True)) == expected
    assert len(set(expected.values())) > 1  # the seeds draw differently
    # +2 points on ~80 requests is one or two errors: the hourly rule (1-point tolerance) rarely confirms it
    r010 = _row(demo, "S02_error_rate_plus2_1h", "R010")
    assert r010["power"] < 0.5


def test_rare_tail_is_caught_by_the_slow_request_rate_rule(demo):
    """S04 (0.1 % of a day's requests at 30 s) moves no latency quantile a rule judges; R017 (slow_request_rate:
    at most 1 request in 100,000 over 10 s, load test 0 of 100,000) catches it. Known answers: the requests made
    slow are the seeded hash picks (recomputed here from the seed CSV), each seed's p-value is the binomial tail
    P(X >= k | n, 1e-5) (scipy), and exactly the seeds with at least 2 slow requests are confirmed and detected."""
    events = pd.read_csv(SEEDS / "corridor_demo_production_events.csv", parse_dates=["event_at"])
    day = events[
        (events["model_id"] == "checkout_fraud")
        & (events["event_at"] >= "2026-10-04")
        & (events["event_at"] < "2026-10-05")
    ].drop_duplicates("event_id")
    assert (day["latency_ms"] <= 10_000).all()  # nothing slow on the recorded day
    keys = [_hash32(e) for e in day["event_id"]]
    picks = {}
    for seed in range(1, 11):
        draws = np.array([(_hash32(f"{k}|S04_tail_0.1pct_30s|{seed}") + 0.5) / 2**32 for k in keys])
        picks[seed] = int((draws < 0.001).sum())
    cells = query(
        demo,
        """select seed, slow_before, slow_after, cell_events from int_corridor__scenario_cells
           where scenario_id = 'S04_tail_0.1pct_30s' and window_grain = 'day' and window_start = '2026-10-04'
             and segment_dimension = 'all' order by seed""",
    )
    assert cells["cell_events"].tolist() == [len(day)] * 10 and (cells["slow_before"] == 0).all()
    assert dict(zip(cells["seed"], cells["slow_after"].astype(int), strict=True)) == picks
    checks = query(
        demo,
        """select seed, sample_size, observed_value, p_value, is_confirmed_breach from int_corridor__scenario_results
           where scenario_id = 'S04_tail_0.1pct_30s' and rule_id = 'R017' and window_start = '2026-10-04'
           order by seed""",
    )
    assert len(checks) == 10 and (checks["sample_size"] == len(day)).all()
    k = np.round(checks["observed_value"] * checks["sample_size"]).astype(int)
    assert dict(zip(checks["seed"], k, strict=True)) == picks
    exact = np.where(k > 0, stats.binom.sf(k - 1, len(day), 1e-5), 1.0)
    np.testing.assert_allclose(checks["p_value"], exact, rtol=0.1)  # Peizer-Pratt vs the exact tail
    assert (checks["is_confirmed_breach"] == (k >= 2)).all()
    assert {1, 2} <= set(k)  # both sides of the line are exercised
    r017 = _row(demo, "S04_tail_0.1pct_30s", "R017")
    detected = sum(v >= 2 for v in picks.values())
    assert r017["is_detected"] and r017["seeds_detected"] == detected and r017["power"] == detected / 10
    assert r017["min_hours_to_detect"] == 24.0 and r017["new_false_alerts"] == 0
    # the quantile rules still see nothing, and the live build's R017 stays quiet on every recorded day
    for rule in ("R007", "R008", "R009", "R012"):
        assert _row(demo, "S04_tail_0.1pct_30s", rule)["power"] == 0
    live = query(
        demo, "select status, count(*) as n from corridor_validation_results where rule_id = 'R017' group by 1"
    )
    assert set(live["status"]) <= {"pass", "inconclusive", "blocked", "missing"} and live["n"].sum() > 20
    assert query(demo, "select count(*) as n from corridor_alerts where rule_id = 'R017'").iloc[0]["n"] == 0
    # a latency multiplier creates no 10-second request on the demo's latencies (all under 3 s)
    assert _row(demo, "S07_latency_ios_x2", "R017")["power"] == 0


def test_label_flips_move_accuracy_precision_recall_and_f1_by_their_confusion_counts(demo):
    """S03 flips the labels of correctly classified latam events for two days (accuracy -5 points): a flipped true
    positive becomes a false positive, a true negative a false negative. Known answers recomputed here from the
    enriched events: the flips are the seeded hash picks at (5 / 100) / the affected events' recorded accuracy, and
    each day's overall accuracy, precision and recall (R001's latam, R004's and R002's windows) and F1 after them,
    with their samples, are the perturbed values corridor judges."""
    scenario, start, end = "S03_accuracy_minus5_latam", pd.Timestamp("2026-10-03"), pd.Timestamp("2026-10-05")
    events = query(
        demo,
        """select event_key, segment_region, event_at, is_error, label, predicted_class
           from int_corridor__events_enriched where model_id = 'checkout_fraud'""",
    )
    evaluable = events["label"].notna() & events["predicted_class"].notna() & ~events["is_error"].astype(bool)
    affected = (events["segment_region"] == "latam") & (events["event_at"] >= start) & (events["event_at"] < end)
    correct = evaluable & (events["label"] == events["predicted_class"])
    base_accuracy = correct[affected & evaluable].mean()
    rows = []
    for seed in (1, 2):
        draw = np.array([(_hash32(f"{k}|{scenario}|{seed}") + 0.5) / 2**32 for k in events["event_key"]])
        flipped = affected & correct & (draw < 0.05 / base_accuracy)
        label = np.where(flipped, 1 - events["label"].fillna(0), events["label"])
        for day in (start, start + pd.Timedelta(days=1)):
            for dimension, part in [("all", True), ("region", events["segment_region"] == "latam")]:
                in_day = (events["event_at"] >= day) & (events["event_at"] < day + pd.Timedelta(days=1))
                cell = evaluable & part & in_day
                pred, y = events.loc[cell, "predicted_class"].to_numpy(), label[cell.to_numpy()]
                tp, fp = int(((pred == 1) & (y == 1)).sum()), int(((pred == 1) & (y == 0)).sum())
                fn, tn = int(((pred == 0) & (y == 1)).sum()), int(((pred == 0) & (y == 0)).sum())

                def ratio(a, b):
                    return a / b if b else float("nan")

                expected = {
                    "accuracy": (ratio(tp + tn, tp + fp + fn + tn), tp + fp + fn + tn),
                    "precision": (ratio(tp, tp + fp), tp + fp),
                    "recall": (ratio(tp, tp + fn), tp + fn),
                    "f1": (ratio(2 * tp, 2 * tp + fp + fn), tp + fp + fn),
                }
                for metric, (value, n) in expected.items():
                    rows.append(dict(seed=seed, window_start=day, dimension=dimension, metric=metric, value=value, n=n,
                                     flipped=int((flipped & cell).sum())))  # fmt: skip
    expected = pd.DataFrame(rows)
    assert expected["flipped"].sum() > 20  # the scenario flips labels on both days, in both seeds
    got = query(
        demo,
        """select seed, window_start, segment_dimension as dimension, metric, observed_value, sample_size,
                  recorded_value
           from int_corridor__scenario_deviations
           where scenario_id = 'S03_accuracy_minus5_latam' and seed in (1, 2) and window_grain = 'day'
             and window_start in ('2026-10-03', '2026-10-04')
             and metric in ('accuracy', 'precision', 'recall', 'f1')
             and (segment_dimension = 'all' or segment_value = 'latam')""",
    )
    merged = got.merge(expected, on=["seed", "window_start", "dimension", "metric"], how="left", validate="many_to_one")
    assert len(merged) == merged["flipped"].notna().sum()
    assert {"accuracy", "precision", "recall"} <= set(merged["metric"])
    # (a latam day without a predicted positive has no precision: null in corridor, nan here)
    np.testing.assert_allclose(merged["observed_value"].astype(float), merged["value"], rtol=1e-12)
    assert (merged["sample_size"] == merged["n"]).all()
    # the flips moved every value they touched: a true negative flipped lowers accuracy and recall
    moved = merged[(merged["flipped"] > 0) & merged["value"].notna() & (merged["metric"] != "precision")]
    assert len(moved) >= 8 and (moved["observed_value"] != moved["recorded_value"]).all()
    # no demo rule judges f1: its flip arithmetic is checked below (test_label_flip_f1_is_recomputed_from_its_counts)


def test_label_flip_f1_is_recomputed_from_its_counts(root_dbt):
    """corridor.label_flip_value / label_flip_sample_size on F1, run by DuckDB (dbt show): recorded F1 0.8 over
    TP + FP + FN = 480 is TP = 320; 3 flipped true positives and 5 flipped true negatives give TP 317, FP + FN 168,
    F1 = 634 / 802 over a sample of 485. Recall and precision the same way."""
    dbt, _ = root_dbt
    cases = {  # metric: (value, sample, flipped positives, flipped negatives) -> (value after, sample after)
        "f1": ((0.8, 480, 3, 5), (634 / 802, 485)),
        "recall": ((0.75, 400, 3, 5), (297 / 402, 402)),
        "precision": ((0.6, 500, 3, 5), (297 / 500, 500)),
        "accuracy": ((0.9, 1000, 3, 5), (892 / 1000, 1000)),
    }
    selects = " union all ".join(
        f"select '{m}' as metric, {{{{ corridor.label_flip_value(\"'{m}'\", '{v}', '{n}', '{p}', '{q}') }}}} as v, "
        f"{{{{ corridor.label_flip_sample_size(\"'{m}'\", '{n}', '{p}', '{q}') }}}} as n"
        for m, ((v, n, p, q), _) in cases.items()
    )
    output = dbt("show", "--inline", selects, "--output", "json", "--limit", "10").output
    shown = {row["metric"]: row for row in json.loads(output[output.index("{") : output.rindex("}") + 1])["show"]}
    for metric, (_, (value, n)) in cases.items():
        assert shown[metric]["v"] == pytest.approx(value, rel=1e-12), metric
        assert shown[metric]["n"] == n, metric


def test_every_demo_scenario_is_judged_and_reported(demo):
    results = query(demo, "select * from corridor_scenario_results")
    declared = pd.read_csv(SEEDS / "corridor_demo_scenarios.csv")
    assert set(results["scenario_id"]) == set(declared["scenario_id"])
    assert (results["scenario_status"] == "judged").all()
    # each kind reaches the rules on the metrics it changes, and only those
    kinds = results.groupby("scenario_id")["metric"].apply(set).to_dict()
    assert kinds["S03_accuracy_minus5_latam"] == {"accuracy", "precision", "recall"}  # the demo has no f1 rule
    assert kinds["S01_latency_ios_x1.3"] >= {"latency_p95", "latency_p99", "latency_p50"}
    # x1.3 on every iOS request of the day multiplies that day's iOS quantiles by exactly 1.3 (the whole cell)
    ratios = query(
        demo,
        """select metric, segment_value, observed_value / recorded_value as ratio
           from int_corridor__scenario_deviations
           where scenario_id = 'S01_latency_ios_x1.3' and seed = 1 and window_grain = 'day'
             and window_start = '2026-10-04' and metric like 'latency_p%'
             and segment_dimension in ('device', 'all') and recorded_value > 0""",
    )
    ios = ratios[ratios["segment_value"] == "ios"]["ratio"]
    assert len(ios) > 0 and np.allclose(ios, 1.3, rtol=1e-9)
    overall = ratios[ratios["segment_value"] == "all"]["ratio"]
    assert len(overall) > 0 and ((overall >= 1.0) & (overall < 1.3)).all()
    others = ratios[~ratios["segment_value"].isin(["ios", "all"])]["ratio"]
    assert np.allclose(others, 1.0)
    # the iOS p95 runs below its load-test expectation, so +30 % stays under R007's 25 % tolerance: not detected,
    # and the tolerance that would catch it at 80 % power is well under the current one
    r007 = _row(demo, "S01_latency_ios_x1.3", "R007")
    assert r007["power"] == 0 and r007["recommended_warn_tolerance"] < r007["current_warn_tolerance"]
    # a doubling is caught by every seed at the end of the day
    r007 = _row(demo, "S07_latency_ios_x2", "R007")
    assert r007["power"] == 1.0 and r007["min_hours_to_detect"] == 24.0


def test_invalid_scenarios_are_reported_with_their_id(root_dbt):
    dbt, path = root_dbt
    bad = pd.DataFrame(
        {
            "scenario_id": ["ok", "bad_kind", "bad_size", "bad_start", "dup", "dup", "bad_segment"],
            "kind": ["error_rate_points", "latency_x", "tail_latency", "accuracy_points", "latency_multiplier",
                     "latency_multiplier", "error_rate_points"],
            "starts_at": ["2026-10-04 12:00", "2026-10-04 12:00", "2026-10-04 12:00", "not a time",
                          "2026-10-04 12:00", "2026-10-04 12:00", "2026-10-04 12:00"],
            "duration_hours": [1, 1, 1, 1, 1, 1, 1],
            "size": [2, 1, 5, 3, 1.2, 1.2, 2],
            "segment_dimension": ["all", "all", "all", "all", "all", "all", "planet"],
            "segment_value": ["all", "all", "all", "all", "all", "all", "mars"],
        }
    )  # fmt: skip
    con = duckdb.connect(str(path))
    con.register("bad", bad)
    con.execute("create table main.my_scenarios as select * from bad")
    con.close()
    dbt(
        "run",
        "--select",
        "stg_corridor__scenarios",
        vars={
            "corridor_scenarios": {"relation": "main.my_scenarios"},
            "corridor_segment_columns": ["region"],
        },
    )
    rows = query(path, "select scenario_id, is_valid, invalid_reason from stg_corridor__scenarios").set_index(
        "scenario_id"
    )
    assert rows.loc["ok", "is_valid"] and pd.isna(rows.loc["ok", "invalid_reason"])
    reasons = rows["invalid_reason"].to_dict()
    assert "kind must be one of" in reasons["bad_kind"] and "latency_x" in reasons["bad_kind"]
    assert "size of a tail_latency scenario must be" in reasons["bad_size"] and "got 5" in reasons["bad_size"]
    assert reasons["bad_start"] == "starts_at is missing or not a timestamp"
    assert rows.loc["dup", "invalid_reason"].tolist() == ["scenario_id is declared 2 times; ids must be unique"] * 2
    assert (
        "segment_dimension must be all or one of the segment dimensions (region); got planet" == reasons["bad_segment"]
    )
