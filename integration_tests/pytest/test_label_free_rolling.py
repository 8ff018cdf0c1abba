"""The label-free estimate on rolling windows (issue 17, docs/label-free.md#rolling-windows): a trailing 7-day
window gets expected accuracy, precision, recall, F1 and AUC summed from its days' score-bin counts. Checked
against the same expectations computed independently from the union of the window's events (calibration by
scikit-learn's isotonic regression on the reference events, expected confusion matrix summed event by event),
validated against realized values in corridor_estimator_validation like the calendar grains, flagged shifted
where a planted covariate shift lies, and judged by a label-free rule on the rolling grain while the last day's
labels have not arrived."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from corridor.label_free import GROUP_KEYS, decile_edges, label_free_estimates, population_stability_index
from label_free_sql import build_sql_path, compare_paths
from sklearn.isotonic import IsotonicRegression

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

START = pd.Timestamp("2026-04-06")
DAYS = 16
ROLLING = 7
REFERENCE_DAYS = 5  # the labelled reference: the first five days
UNLABELLED_DAYS = 2  # the labels of the last two days have not arrived
SHIFT_DAY = 7  # from day 7, region north's scores move up by 0.3 (the labels do not follow)
SCORE_BINS = 100
METRICS = ["accuracy", "precision", "recall", "f1", "auc"]


def _events(seed: int = 17) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    hours = DAYS * 24
    hour = np.repeat(np.arange(hours), rng.poisson(8, hours))
    n = len(hour)
    event_at = START + pd.to_timedelta(hour, unit="h") + pd.to_timedelta(rng.integers(0, 3600, n), unit="s")
    region = rng.choice(["north", "south"], n)
    day = hour // 24
    true_score = rng.uniform(0, 1, n)
    label = (rng.uniform(0, 1, n) < true_score**2).astype(int)  # P(label | score) = score²: calibration matters
    shifted = (region == "north") & (day >= SHIFT_DAY)
    score = np.where(shifted, np.minimum(true_score + 0.3, 1.0), true_score).round(2)
    frame = pd.DataFrame(
        {
            "event_id": [f"lf{i:07d}" for i in range(n)],
            "event_at": event_at,
            "loaded_at": event_at + pd.Timedelta(seconds=5),
            "model_id": "m",
            "model_version": "v1",
            "entity_id": "e",
            "region": region,
            "latency_ms": rng.gamma(3.0, 20.0, n).round(1),
            "is_error": rng.uniform(0, 1, n) < 0.02,
            "predicted_score": score,
            "label": label,
        }
    )
    frame["predicted_class"] = (frame["predicted_score"] >= 0.5).astype(int)
    frame["day"] = day
    return frame


def _rule(rule_id, source):
    return {
        "rule_id": rule_id, "metric": "accuracy", "segment_dimension": "all", "segment_value": "all",
        "window_grain": "rolling_7d", "comparison_kind": "absolute", "direction": "higher_is_better",
        "warn_tolerance": 0.05, "fail_tolerance": 0.1, "consecutive_windows": 1, "owner": "t", "severity": "high",
        "observation_source": source,
    }  # fmt: skip


RULES = pd.DataFrame([_rule("LF_ROLLING_ACCURACY", "label_free_estimate"), _rule("ROLLING_ACCURACY", "production")])
# P(label | s) = s², predicted positive from 0.5: accuracy = ∫₀^½ (1 - s²) ds + ∫_½^1 s² ds = 0.75
ESTIMATES = pd.DataFrame(
    [{"model_id": "m", "model_version": "v1", "metric": "accuracy", "window_grain": "rolling_7d",
      "expected_value": 0.75, "standard_error": 0.01}]
)  # fmt: skip


def _same_names(frame, drop=()):
    return {column: column for column in frame.columns if column not in drop}


def write_tables(path, events: pd.DataFrame, extra: dict | None = None) -> pd.DataFrame:
    """The project's tables lf_* (and `extra` {name: frame}) in the DuckDB file `path`: the events, the outcomes
    of every day but the last UNLABELLED_DAYS (returned), the estimate and the rules."""
    labelled = events[events["day"] < DAYS - UNLABELLED_DAYS]
    outcomes = labelled[["event_id", "label"]].assign(label_arrived_at=labelled["event_at"] + pd.Timedelta(minutes=1))
    con = duckdb.connect(str(path))
    for name, frame in {"lf_events": events.drop(columns=["label", "day"]), "lf_outcomes": outcomes,
                        "lf_estimates": ESTIMATES, "lf_rules": RULES, **(extra or {})}.items():  # fmt: skip
        con.register("frame", frame)
        con.execute(f"create or replace table {name} as select * from frame")
        con.unregister("frame")
    con.close()
    return outcomes


def project_vars(events: pd.DataFrame, outcomes: pd.DataFrame, reference) -> dict:
    """The vars of this test's project (tables lf_* in its DuckDB file) with `reference` as
    corridor_label_free_reference; test_label_free_offline_reference.py builds the same project."""
    return {
        "corridor_production_events": {"relation": "main.lf_events",
                                       "columns": _same_names(events, ["region", "label", "day"])},
        "corridor_outcomes": {"relation": "main.lf_outcomes", "columns": _same_names(outcomes)},
        "corridor_offline_estimates": {"relation": "main.lf_estimates", "columns": _same_names(ESTIMATES)},
        "corridor_rules": {"relation": "main.lf_rules", "columns": _same_names(RULES)},
        "corridor_reference_features": None,
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": ["region"],
        "corridor_feature_columns": [],
        "corridor_window_grains": ["day", "week"],
        "corridor_histogram_metric_grains": ["day", "week"],
        "corridor_rolling_windows": [{"days": ROLLING}],
        "corridor_score_bins": SCORE_BINS,
        "corridor_label_free_reference": reference,
    }  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("label_free_rolling")
    path = work / "corridor.duckdb"
    events = _events()
    outcomes = write_tables(path, events)
    end = START + pd.Timedelta(days=REFERENCE_DAYS)
    vars = project_vars(events, outcomes, {"start": str(START.date()), "end": str(end.date())})
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt(
        "build",
        "--select",
        "+corridor_estimator_validation",
        "+corridor_metric_observations",
        "+corridor_validation_results",
        "--exclude",
        "resource_type:seed",
        "test_type:singular",  # the invariants read tables this selection does not build
        vars=vars,
    )
    return {"path": path, "events": events, "vars": vars}


def _calibration(events: pd.DataFrame) -> np.ndarray:
    """P(label | score bin) for every bin: scikit-learn's isotonic regression on the reference's scored,
    error-free, labelled events (clipped beyond the fitted range, as corridor's kernel says it does)."""
    ref = events[(events["day"] < REFERENCE_DAYS) & ~events["is_error"]]
    bins = np.round(ref["predicted_score"].to_numpy() * SCORE_BINS)
    iso = IsotonicRegression(out_of_bounds="clip").fit(bins, ref["label"].to_numpy())
    return iso.predict(np.arange(SCORE_BINS + 1))


def _windows(events: pd.DataFrame):
    """(window_start, segment_dimension, segment_value, events of the window, errors included) for every rolling
    window whose last day has data: windows [d - 6, d + 1) for d = 0 .. DAYS - 1, overall and per region."""
    for d in range(DAYS):
        start = START + pd.Timedelta(days=d - ROLLING + 1)
        window = events[(events["event_at"] >= start) & (events["event_at"] < START + pd.Timedelta(days=d + 1))]
        yield start, "all", "all", window
        for region in ("north", "south"):
            yield start, "region", region, window[window["region"] == region]


def _expected(window: pd.DataFrame, calibrated: np.ndarray) -> dict:
    """The expected confusion matrix summed event by event, and the metrics from it; AUC as the Mann-Whitney
    statistic of the expected positives and negatives, events of one score bin tied (one half). Events that
    errored carry no prediction to judge: they are left out."""
    window = window[~window["is_error"]]
    bins = np.round(window["predicted_score"].to_numpy() * SCORE_BINS).astype(int)
    p = calibrated[bins]
    positive = window["predicted_class"].to_numpy() == 1
    tp, fp = p[positive].sum(), (1 - p[positive]).sum()
    fn, tn = p[~positive].sum(), (1 - p[~positive]).sum()
    pos = np.bincount(bins, weights=p, minlength=SCORE_BINS + 1)
    neg = np.bincount(bins, weights=1 - p, minlength=SCORE_BINS + 1)
    auc = sum(pos[b] * (neg[:b].sum() + 0.5 * neg[b]) for b in range(SCORE_BINS + 1)) / (pos.sum() * neg.sum())
    return {
        "accuracy": (tp + tn) / len(window),
        "precision": tp / (tp + fp),
        "recall": tp / (tp + fn),
        "f1": 2 * tp / (2 * tp + fp + fn),
        "auc": auc,
        "sample_size": len(window),
    }


def _realized(window: pd.DataFrame) -> dict:
    """Realized metrics of the error-free labelled events; label maturity: labelled share of every event."""
    maturity = (window["day"] < DAYS - UNLABELLED_DAYS).mean()
    labelled = window[(window["day"] < DAYS - UNLABELLED_DAYS) & ~window["is_error"]]
    y, c = labelled["label"].to_numpy(), labelled["predicted_class"].to_numpy()
    precision = (y & c).sum() / c.sum()
    recall = (y & c).sum() / y.sum()
    return {
        "accuracy": (y == c).mean(),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
        "label_maturity": maturity,
    }


def _validation(built) -> pd.DataFrame:
    return query(
        built["path"],
        "select * from corridor_estimator_validation where window_grain = 'rolling_7d' "
        "order by window_start, segment_dimension, segment_value, metric",
    )


def test_a_rolling_window_estimate_is_the_estimate_of_the_union_of_its_days_events(built):
    got = query(
        built["path"],
        "select window_start, window_end, segment_dimension, segment_value, metric, metric_value, sample_size, "
        "interval_lower, interval_upper from corridor_metric_observations "
        "where source = 'label_free_estimate' and window_grain = 'rolling_7d'",
    )
    calibrated = _calibration(built["events"])
    expected = []
    for start, dimension, value, window in _windows(built["events"]):
        row = _expected(window, calibrated)
        for metric in METRICS:
            expected.append({"window_start": start, "segment_dimension": dimension, "segment_value": value,
                             "metric": metric, "expected": row[metric], "sample_size": row["sample_size"]})  # fmt: skip
    expected = pd.DataFrame(expected)
    keys = ["window_start", "segment_dimension", "segment_value", "metric"]
    # one estimate per rolling window with data (DAYS of them, the first ones holding fewer days) x segment x metric
    assert len(got) == DAYS * 3 * len(METRICS)
    merged = expected.merge(got, on=keys, how="outer", indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"]
    np.testing.assert_allclose(merged["metric_value"], merged["expected"], rtol=1e-9, atol=1e-12)
    assert (merged["sample_size_x"] == merged["sample_size_y"]).all()
    assert (merged["window_end"] - merged["window_start"] == pd.Timedelta(days=ROLLING)).all()
    assert ((merged["interval_lower"] <= merged["metric_value"]) & (merged["metric_value"] <= merged["interval_upper"])
            & (merged["interval_lower"] < merged["interval_upper"])).all()  # fmt: skip


def test_rolling_estimates_are_validated_against_the_realized_values_of_their_events(built):
    rows = _validation(built)
    assert len(rows) == DAYS * 3 * len(METRICS)
    realized = pd.DataFrame(
        [
            {"window_start": start, "segment_dimension": dimension, "segment_value": value, **_realized(window)}
            for start, dimension, value, window in _windows(built["events"])
        ]
    ).melt(id_vars=["window_start", "segment_dimension", "segment_value", "label_maturity"], var_name="metric",
           value_name="expected_realized")  # fmt: skip
    merged = rows.merge(realized, on=["window_start", "segment_dimension", "segment_value", "metric"])
    assert len(merged) == len(rows) - DAYS * 3  # every metric but AUC, whose realized value is not recomputed here
    np.testing.assert_allclose(merged["realized_value"], merged["expected_realized"], rtol=1e-9)
    np.testing.assert_allclose(merged["label_maturity_x"], merged["label_maturity_y"], rtol=1e-9)
    # a window holding an unlabelled day (maturity about 6/7 or 5/7, below 0.9) awaits its labels; every other
    # one is validated, with its error and coverage
    immature = rows["window_start"] + pd.Timedelta(days=ROLLING) > START + pd.Timedelta(days=DAYS - UNLABELLED_DAYS)
    assert immature.sum() == UNLABELLED_DAYS * 3 * len(METRICS)
    assert (rows.loc[immature, "validation_status"] == "awaiting_labels").all()
    validated = rows[~immature]
    assert (validated["validation_status"] == "validated").all()
    assert validated["is_covered"].notna().all() and validated["absolute_error"].notna().all()
    np.testing.assert_allclose(
        validated["absolute_error"], (validated["estimated_value"] - validated["realized_value"]).abs(), rtol=1e-9
    )
    # where the scores did not move (region south), the intervals cover the realized values about as often as
    # their nominal 95 % (overlapping windows: neighbours share most events, so the rate is a noisy one)
    south = validated[validated["segment_value"] == "south"]
    assert len(south) == (DAYS - UNLABELLED_DAYS) * len(METRICS)
    assert south["is_covered"].mean() >= 0.8, south[["window_start", "metric", "is_covered"]]
    assert not south["is_shifted"].any()


def test_the_planted_shift_is_flagged_on_the_rolling_windows_holding_it(built):
    """Region north's scores move up by 0.3 from day 7: a rolling window whose days are all before it is not
    flagged, one whose days are all after it is (its PSI against north's reference deciles equals the one
    computed from its events), and the estimate there overstates accuracy: the labels did not follow."""
    rows = _validation(built)
    north = rows[(rows["segment_value"] == "north") & (rows["metric"] == "accuracy")].set_index("window_start")
    shift = START + pd.Timedelta(days=SHIFT_DAY)
    before = north[north.index + pd.Timedelta(days=ROLLING) <= shift]
    after = north[north.index >= shift]
    assert len(before) == SHIFT_DAY and len(after) == DAYS - ROLLING + 1 - SHIFT_DAY
    assert not before["is_shifted"].any() and after["is_shifted"].all()
    events = built["events"]
    reference = events[(events["day"] < REFERENCE_DAYS) & ~events["is_error"] & (events["region"] == "north")]
    counts = np.bincount(np.round(reference["predicted_score"] * SCORE_BINS).astype(int), minlength=SCORE_BINS + 1)
    deciles = decile_edges(counts.astype(float))
    for start, _, value, window in _windows(events):
        if value == "north" and start in after.index:
            bins = np.round(window.loc[~window["is_error"], "predicted_score"] * SCORE_BINS).astype(int)
            psi = population_stability_index(
                np.bincount(deciles, weights=counts, minlength=10),
                np.bincount(deciles[bins], minlength=10).astype(float),
            )
            assert after.loc[start, "score_psi"] == pytest.approx(psi, rel=1e-9)
    assert (after["estimated_value"] - after["realized_value"]).min() > 0.05, after


def test_a_label_free_rule_judges_the_rolling_windows_whose_labels_are_immature(built):
    results = query(
        built["path"],
        "select rule_id, window_start, status, production_value from corridor_validation_results "
        "where rule_id in ('LF_ROLLING_ACCURACY', 'ROLLING_ACCURACY') order by rule_id, window_start",
    )
    lf = results[results["rule_id"] == "LF_ROLLING_ACCURACY"].set_index("window_start")
    observed = query(
        built["path"],
        "select window_start, metric_value from corridor_metric_observations where source = 'label_free_estimate' "
        "and window_grain = 'rolling_7d' and metric = 'accuracy' and segment_dimension = 'all'",
    ).set_index("window_start")
    assert len(lf) == DAYS
    np.testing.assert_allclose(lf["production_value"], observed.loc[lf.index, "metric_value"], rtol=1e-12)
    # immature windows are judged, not blocked; a window whose scores moved from the reference's (north's shift
    # reaches overall traffic) is inconclusive, every other one passes (the estimate is about 0.75)
    immature = lf.index + pd.Timedelta(days=ROLLING) > START + pd.Timedelta(days=DAYS - UNLABELLED_DAYS)
    assert immature.sum() == UNLABELLED_DAYS
    shifted = _validation(built).query("segment_dimension == 'all' and metric == 'accuracy'")
    shifted = shifted.set_index("window_start").loc[lf.index, "is_shifted"].astype(bool)
    assert 0 < shifted.sum() < len(lf) and shifted[immature].all()
    assert (lf.loc[shifted, "status"] == "inconclusive").all() and (lf.loc[~shifted, "status"] == "pass").all(), lf


def _kernel_inputs(built):
    histograms = query(built["path"], "select * from int_corridor__label_free_histograms")
    reference = query(built["path"], "select * from int_corridor__label_free_reference")
    settings = query(built["path"], "select * from int_corridor__label_free_settings").iloc[0]
    kwargs = dict(score_bins=int(settings["score_bins"]), level=float(settings["confidence_level"]),
                  n_draws=int(settings["n_draws"]), seed=int(settings["seed"]), max_psi=float(settings["max_psi"]),
                  alpha=float(settings["test_alpha"]))  # fmt: skip
    return histograms, reference, kwargs


def test_rolling_windows_move_no_calendar_windows_interval(built):
    """Issue 17: every group draws from its own random stream (the seed and a hash of its key), so the day and week
    estimates built with rolling windows on are, to the last bit, the kernel's estimates of the calendar groups
    alone (the build without rolling windows), and a week window's are those of that window run by itself."""
    histograms, reference, kwargs = _kernel_inputs(built)
    built_rows = query(built["path"], "select * from int_corridor__label_free_estimates")
    keys = [*GROUP_KEYS, "metric"]
    compared = ["metric_value", "standard_error", "interval_lower", "interval_upper"]
    calendar = histograms[~histograms["window_grain"].str.startswith("rolling_")]
    assert set(calendar["window_grain"]) == {"day", "week"} and len(calendar) < len(histograms)
    without_rolling = label_free_estimates(calendar, reference, **kwargs)
    merged = without_rolling.merge(built_rows, on=keys, suffixes=("", "_built"))
    assert len(merged) == len(without_rolling) == len(built_rows[built_rows["window_grain"].isin(["day", "week"])])
    for column in compared:
        assert (merged[column] == merged[f"{column}_built"]).all(), column
    week = calendar[(calendar["window_grain"] == "week") & (calendar["segment_value"] == "south")]
    week = week[week["window_start"] == week["window_start"].min()]
    alone = label_free_estimates(week, reference, **kwargs).merge(built_rows, on=keys, suffixes=("", "_built"))
    assert len(alone) == len(METRICS)
    for column in compared:
        assert (alone[column] == alone[f"{column}_built"]).all(), column


def test_overall_traffic_is_flagged_where_a_region_of_its_window_is(built):
    """Region north shifts from day 7, south never: on every grain, an overall window is is_shifted exactly when its
    own test flags it or north's PSI is above the threshold with a p-value below alpha / 2 (two segment tests per
    window), with the reason naming north; windows before the shift flag no segment and not overall traffic."""
    _, _, kwargs = _kernel_inputs(built)
    rows = query(
        built["path"],
        "select window_grain, window_start, segment_value, score_psi, shift_p_value, is_shifted, shift_reason "
        "from corridor_estimator_validation where metric = 'accuracy'",
    )
    overall = rows[rows["segment_value"] == "all"].set_index(["window_grain", "window_start"])
    north = rows[rows["segment_value"] == "north"].set_index(["window_grain", "window_start"]).loc[overall.index]
    south = rows[rows["segment_value"] == "south"]
    own = (overall["score_psi"] > kwargs["max_psi"]) & (overall["shift_p_value"] < kwargs["alpha"])
    carried = (north["score_psi"] > kwargs["max_psi"]) & (north["shift_p_value"] < kwargs["alpha"] / 2)
    assert not south["is_shifted"].any()
    assert (overall["is_shifted"] == (own | carried)).all()
    assert (carried & ~own).any()  # windows the overall distribution alone would not have flagged
    expected_reason = np.where(
        carried, np.where(own, "score_shift; shift_in_segment: region=north", "shift_in_segment: region=north"),
        np.where(own, "score_shift", None),
    )  # fmt: skip
    assert (overall["shift_reason"].fillna("-") == pd.Series(expected_reason, index=overall.index).fillna("-")).all()
    shift = START + pd.Timedelta(days=SHIFT_DAY)
    length = rows["window_grain"].map({"day": 1, "week": 7, f"rolling_{ROLLING}d": ROLLING})
    before = rows[rows["window_start"] + pd.to_timedelta(length, unit="D") <= shift]  # windows ending by the shift
    assert len(before) > 0 and not before["is_shifted"].any() and before["shift_reason"].isna().all()
    after = overall.loc["rolling_7d"]
    assert after.loc[after.index >= shift, "is_shifted"].all()


def test_the_sql_path_gives_the_python_estimates_on_rolling_windows(built, tmp_path):
    """The SQL path (var corridor_label_free_method sql) on a copy of this build: the calendar and rolling windows'
    point estimates, PSI, shift p-values, flags (north's shift carried to overall traffic) and calibration check
    equal the Python kernel's (label_free_sql); the analytic intervals' widths are within 25 % of the simulated."""
    ratios = compare_paths(build_sql_path(built["path"], built["vars"], tmp_path / "sql"))
    assert all(0.75 <= ratio <= 1.25 for ratio in ratios.values()), ratios
