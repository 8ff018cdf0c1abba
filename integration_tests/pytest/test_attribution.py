"""Attribution of a gap into mix and rate, and the mix-adjusted offline source (issue 16).

A hand-built data set where every answer is known: one dimension (region A, B),
the error rate, exact error counts per day (no randomness), offline estimates
for all traffic and per region with their evaluation sample sizes
(A 6000, B 4000: offline mix 0.6 / 0.4; rates 0.02 and 0.10; overall 0.052).

  day 0, 1  clean: production mix 0.6 / 0.4, rates 0.02 / 0.10: no gap
  day 2     pure rate shift: A's error rate 0.02 -> 0.10, mix unchanged
  day 3     pure mix shift: mix 0.2 / 0.8, rates as offline
  day 4     both: mix 0.2 / 0.8 and A's rate 0.10

Expected values below are computed by hand (written as the arithmetic) and
with numpy from the formulas of docs/decisions.md, never read back from corridor.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from conftest import load_frames, query, upstream_of

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

DAY0 = pd.Timestamp("2026-10-01")
EVENTS_PER_DAY = 1000
OFFLINE = {"A": {"rate": 0.02, "n": 6000, "se": 0.001}, "B": {"rate": 0.10, "n": 4000, "se": 0.002}}
OFFLINE_ALL = 0.6 * 0.02 + 0.4 * 0.10  # 0.052
# day: {region: (events, errors)}
DAYS = {
    0: {"A": (600, 12), "B": (400, 40)},
    1: {"A": (600, 12), "B": (400, 40)},
    2: {"A": (600, 60), "B": (400, 40)},
    3: {"A": (200, 4), "B": (800, 80)},
    4: {"A": (200, 20), "B": (800, 80)},
}


def _events() -> pd.DataFrame:
    rows = []
    i = 0
    for day, regions in DAYS.items():
        for region, (n, errors) in regions.items():
            for k in range(n):
                at = DAY0 + pd.Timedelta(days=day) + pd.Timedelta(seconds=int(k * 86_000 / n) + (region == "B"))
                rows.append((f"e{i:06d}", at, region, k < errors))
                i += 1
    frame = pd.DataFrame(rows, columns=["event_id", "event_at", "region", "is_error"])
    frame["loaded_at"] = frame["event_at"] + pd.Timedelta(seconds=30)
    frame["model_id"] = "scorer"
    frame["model_version"] = "v1"
    frame["entity_id"] = [f"c{j % 700}" for j in range(len(frame))]
    frame["latency_ms"] = 50.0 + (np.arange(len(frame)) % 40)
    frame["predicted_score"] = ((np.arange(len(frame)) * 7919) % 1000) / 1000.0
    frame["predicted_class"] = (frame["predicted_score"] >= 0.5).astype(int)
    return frame


def _outcomes(events: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": events["event_id"],
            "label": events["predicted_class"],
            "label_arrived_at": events["event_at"] + pd.Timedelta(minutes=5),
        }
    )


def _estimate(dimension, value, expected, se, n):
    return {
        "estimate_id": f"er-{value}",
        "model_id": "scorer",
        "model_version": "v1",
        "metric": "error_rate",
        "segment_dimension": dimension,
        "segment_value": value,
        "window_grain": "day",
        "expected_value": expected,
        "standard_error": se,
        "sample_size": n,
        "method": "backtest",
        "estimator_version": "bt-1",
        "evaluation_dataset_id": "holdout",
        "produced_at": pd.Timestamp("2026-09-20"),
        "valid_from": pd.Timestamp("2026-09-01"),
    }


def _estimates() -> pd.DataFrame:
    rows = [_estimate("all", "all", OFFLINE_ALL, 0.001, 10_000)]
    rows += [_estimate("region", r, s["rate"], s["se"], s["n"]) for r, s in OFFLINE.items()]
    return pd.DataFrame(rows)


def _rule(rule_id, expected_source):
    return {
        "rule_id": rule_id,
        "hypothesis": "error rate near the backtest",
        "metric": "error_rate",
        "segment_dimension": "all",
        "segment_value": "all",
        "window_grain": "day",
        "comparison_kind": "absolute",
        "direction": "lower_is_better",
        "warn_tolerance": 0.01,
        "fail_tolerance": 0.02,
        "min_sample_size": 100,
        "consecutive_windows": 1,
        "owner": "scoring-team",
        "escalation_path": "#scoring",
        "severity": "high",
        "rule_version": "1",
        "valid_from": pd.Timestamp("2026-09-01"),
        "expected_source": expected_source,
    }


def _rules() -> pd.DataFrame:
    return pd.DataFrame([_rule("ERR_PLAIN", None), _rule("ERR_MIX", "offline_mix_adjusted")])


def _same_names(frame: pd.DataFrame, drop=()) -> dict[str, str]:
    return {column: column for column in frame.columns if column not in drop}


_HEAD = _events().head(1)
VARS = {
    "corridor_production_events": {"relation": "main.mix_events", "columns": _same_names(_HEAD, ["region"])},
    "corridor_outcomes": {"relation": "main.mix_outcomes", "columns": _same_names(_outcomes(_HEAD))},
    "corridor_offline_estimates": {"relation": "main.mix_estimates", "columns": _same_names(_estimates())},
    "corridor_rules": {"relation": "main.mix_rules", "columns": _same_names(_rules())},
    "corridor_reference_features": None,
    "corridor_load_demo_seeds": False,
    "corridor_segment_columns": ["region"],
    "corridor_feature_columns": [],
    "corridor_window_grains": ["day"],
    "corridor_histogram_metric_grains": ["day"],
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp("attribution")
    path = work / "attribution.duckdb"
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    events = _events()
    frames = {
        "mix_events": events,
        "mix_outcomes": _outcomes(events),
        "mix_estimates": _estimates(),
        "mix_rules": _rules(),
    }
    load_frames(path, frames)
    # the tables the tests read and everything upstream
    read = ("corridor_discrepancy_attribution", "corridor_metric_observations", "corridor_validation_results")
    dbt("build", "--exclude", "resource_type:seed", *upstream_of(*read, "corridor_alerts"), vars=VARS)
    return path


def _attribution(path) -> pd.DataFrame:
    frame = query(
        path,
        "select * from corridor_discrepancy_attribution where metric = 'error_rate' and segment_dimension = 'region'",
    )
    frame["day"] = (frame["window_start"] - DAY0).dt.days
    return frame.set_index(["day", "segment_value"]).sort_index()


def _expected(day: int) -> dict:
    """The decomposition from the formulas, with numpy (docs/decisions.md)."""
    regions = ["A", "B"]
    n = np.array([DAYS[day][r][0] for r in regions], dtype=float)
    k = np.array([DAYS[day][r][1] for r in regions], dtype=float)
    p, r = n / n.sum(), k / n
    q = np.array([OFFLINE[s]["n"] for s in regions], dtype=float)
    q_total = q.sum()
    q = q / q_total
    o = np.array([OFFLINE[s]["rate"] for s in regions])
    se_o = np.array([OFFLINE[s]["se"] for s in regions])
    o_bar = (q * o).sum()
    d = o - o_bar
    mix_var = (
        ((p * d * d).sum() - (p * d).sum() ** 2) / n.sum()
        + (q * d * d).sum() / q_total
        + ((p - q) ** 2 * se_o**2).sum()
    )
    return {
        "rate": dict(zip(regions, p * (r - o), strict=True)),
        "mix": dict(zip(regions, (p - q) * d, strict=True)),
        "rate_effect": (p * (r - o)).sum(),
        "mix_effect": ((p - q) * d).sum(),
        "mix_effect_se": math.sqrt(mix_var),
        "gap": k.sum() / n.sum() - OFFLINE_ALL,
        "mix_adjusted": (p * o).sum(),
        "mix_adjusted_se": math.sqrt((p * p * se_o * se_o).sum()),
    }


def test_hand_computed_cases(mixed):
    a = _attribution(mixed)
    # the hand arithmetic of the module docstring, written out
    assert a.loc[(2, "A"), "overall_gap"] == pytest.approx(0.10 - 0.052, abs=1e-12)
    assert a.loc[(2, "A"), "rate_effect"] == pytest.approx(0.6 * (0.10 - 0.02), abs=1e-12)  # pure rate: 0.048
    assert a.loc[(2, "A"), "mix_effect"] == pytest.approx(0.0, abs=1e-12)
    assert a.loc[(3, "A"), "rate_effect"] == pytest.approx(0.0, abs=1e-12)  # pure mix
    assert a.loc[(3, "A"), "mix_effect"] == pytest.approx(
        (0.2 - 0.6) * (0.02 - 0.052) + (0.8 - 0.4) * (0.10 - 0.052), abs=1e-12
    )
    assert a.loc[(3, "A"), "overall_gap"] == pytest.approx(0.084 - 0.052, abs=1e-12)
    assert a.loc[(4, "A"), "rate_effect"] == pytest.approx(0.2 * (0.10 - 0.02), abs=1e-12)  # both: 0.016 + 0.032
    assert a.loc[(4, "A"), "mix_effect"] == pytest.approx(0.032, abs=1e-12)
    for day in DAYS:
        want = _expected(day)
        for region in ("A", "B"):
            row = a.loc[(day, region)]
            assert row["rate_contribution"] == pytest.approx(want["rate"][region], abs=1e-12)
            assert row["mix_contribution"] == pytest.approx(want["mix"][region], abs=1e-12)
        row = a.loc[(day, "A")]
        assert row["overall_gap"] == pytest.approx(want["gap"], abs=1e-12)
        assert row["mix_effect_se"] == pytest.approx(want["mix_effect_se"], rel=1e-9)
        # offline overall equals its segments' weighted mean and every production segment has an estimate
        assert row["unexplained_gap"] == pytest.approx(0.0, abs=1e-12)
        assert row["offline_share"] == pytest.approx(0.6)
    assert a.loc[(2, "A"), "dominant_effect"] == "rate" and a.loc[(3, "A"), "dominant_effect"] == "mix"
    assert a.loc[(2, "A"), "contribution_rank"] == 1  # the segment whose rate moved
    assert bool(a.loc[(2, "A"), "is_rate_effect_significant"]) and not bool(
        a.loc[(2, "A"), "is_mix_effect_significant"]
    )
    assert bool(a.loc[(3, "A"), "is_mix_effect_significant"]) and not bool(
        a.loc[(3, "A"), "is_rate_effect_significant"]
    )


def test_clean_days_are_quiet(mixed):
    a = _attribution(mixed)
    for day in (0, 1):
        for region in ("A", "B"):
            row = a.loc[(day, region)]
            assert row["contribution"] == pytest.approx(0.0, abs=1e-12)
        assert not a.loc[(day, "A"), "is_rate_effect_significant"]
        assert not a.loc[(day, "A"), "is_mix_effect_significant"]


def test_rate_standard_error_closed_form(mixed):
    a = _attribution(mixed)
    row = a.loc[(2, "A")]
    # Wald standard error of A's production rate (0.10 on 600 events), or the model's stated one
    se_r = row["production_standard_error"]
    assert se_r == pytest.approx(math.sqrt(0.1 * 0.9 / 600), rel=0.05)
    assert row["rate_contribution_se"] == pytest.approx(0.6 * math.sqrt(se_r**2 + 0.001**2), rel=1e-9)


def test_mix_adjusted_source(mixed):
    obs = query(
        mixed,
        "select window_start, metric_value, standard_error, sample_size, estimate_id from corridor_metric_observations "
        "where source = 'offline_mix_adjusted' and metric = 'error_rate' order by window_start",
    )
    obs["day"] = (obs["window_start"] - DAY0).dt.days
    assert list(obs["day"]) == list(DAYS)
    for row in obs.itertuples():
        want = _expected(row.day)
        assert row.metric_value == pytest.approx(want["mix_adjusted"], abs=1e-12)
        assert row.standard_error == pytest.approx(want["mix_adjusted_se"], rel=1e-9)
        assert row.sample_size == EVENTS_PER_DAY
        assert row.estimate_id == "mix_adjusted:region"
    # day 3 by hand: 0.2 x 0.02 + 0.8 x 0.10; se sqrt(0.2^2 0.001^2 + 0.8^2 0.002^2)
    day3 = obs.set_index("day").loc[3]
    assert day3["metric_value"] == pytest.approx(0.084, abs=1e-12)
    assert day3["standard_error"] == pytest.approx(math.sqrt(0.04e-6 + 0.64 * 4e-6), rel=1e-9)


def test_rules_read_the_mix_adjusted_source(mixed):
    results = query(
        mixed,
        "select rule_id, window_start, status, expected_source, expected_value from corridor_validation_results "
        "where window_grain = 'day'",
    )
    results["day"] = (results["window_start"] - DAY0).dt.days
    status = results.set_index(["rule_id", "day"])["status"].to_dict()
    # the pure mix shift fails against the plain estimate and passes against the mix-adjusted one
    assert status[("ERR_PLAIN", 3)] == "fail"
    assert status[("ERR_MIX", 3)] == "pass"
    # a rate shift fails against both
    assert status[("ERR_PLAIN", 2)] == "fail" and status[("ERR_MIX", 2)] == "fail"
    # both: 0.10 against 0.084 is 0.016, between the warn (0.01) and fail (0.02) tolerances
    assert status[("ERR_MIX", 4)] == "warn"
    mix = results[results["rule_id"] == "ERR_MIX"]
    assert set(mix["expected_source"]) == {"offline_mix_adjusted"}


def test_demo_latam_drop_is_a_rate_shift_in_one_region(demo_build):
    """inc_03: latam's accuracy drops from 2026-10-12 (feature source change), on v1 and v2 alike. Summed over the
    incident's day windows, the gap is rate, not mix, and latam carries it; before the incident latam is quiet."""
    frame = (
        query(
            demo_build["path"],
            "select model_version, segment_value, window_start >= timestamp '2026-10-12' as during, "
            "sum(contribution) as contribution, sum(rate_contribution) as rate, sum(mix_contribution) as mix, "
            "sum(rate_contribution) / sqrt(sum(rate_contribution_se * rate_contribution_se)) as rate_z "
            "from corridor_discrepancy_attribution "
            "where metric = 'accuracy' and segment_dimension = 'region' and window_grain = 'day' "
            "and window_start < timestamp '2026-10-22' group by all",
        )
        .set_index(["model_version", "during", "segment_value"])
        .sort_index()
    )
    for version in ("v1", "v2"):
        during = frame.loc[(version, True)]
        assert during["contribution"].idxmin() == "latam", during
        assert during.loc["latam", "rate_z"] < -3  # a significant drop in latam's own accuracy
        assert during["mix"].abs().sum() < 0.05 * during["rate"].abs().sum()  # mix explains next to nothing
        assert abs(frame.loc[(version, False, "latam"), "rate_z"]) < 2  # quiet before the incident
    alerts = query(
        demo_build["path"],
        "select rule_id, segment_value, attribution_diagnostic from corridor_alerts "
        "where metric in ('log_loss', 'brier_score') and segment_value = 'latam'",
    )
    assert len(alerts) > 0
    assert alerts["attribution_diagnostic"].str.contains("top contributors region=latam").all()
