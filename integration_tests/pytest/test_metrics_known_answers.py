"""Every production metric, checked against a reference computed independently
(pandas / scipy / scikit-learn per window, see reference_metrics.py) on the
integration project's inputs, including the edge windows: no events, one event,
all labels of one class, all labels missing, duplicates and corrected labels."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from conftest import query
from make_fixtures import build
from reference_metrics import INTEGRATION_SLOW_REQUEST_MS, expected_production_metrics
from scipy import stats

pytestmark = pytest.mark.dbt

KEYS = ["model_id", "model_version", "metric", "segment_dimension", "segment_value", "window_grain", "window_start"]


@pytest.fixture(scope="module")
def compared(integration_duckdb):
    frames = build()
    expected = expected_production_metrics(
        frames["_reference_events"], segments=["country", "platform"], slow_ms=INTEGRATION_SLOW_REQUEST_MS
    )
    actual = query(
        integration_duckdb["path"],
        "select * from corridor_metric_observations where source = 'production'",
    )
    merged = expected.merge(actual, on=KEYS, how="outer", suffixes=("_exp", "_act"), indicator=True)
    return merged


def test_every_expected_row_exists_and_nothing_else(compared):
    counts = compared["_merge"].value_counts()
    assert counts.get("left_only", 0) == 0, compared[compared._merge == "left_only"][KEYS].head()
    assert counts.get("right_only", 0) == 0, compared[compared._merge == "right_only"][KEYS].head()
    assert len(compared) > 20_000


@pytest.mark.parametrize(
    "column", ["metric_value", "sample_size", "standard_error", "interval_lower", "interval_upper"]
)
def test_values_match_reference(compared, column):
    exp = pd.to_numeric(compared[f"{column}_exp"], errors="coerce").to_numpy(dtype=float)
    act = pd.to_numeric(compared[f"{column}_act"], errors="coerce").to_numpy(dtype=float)
    null_mismatch = np.isnan(exp) != np.isnan(act)
    assert not null_mismatch.any(), compared.loc[null_mismatch, KEYS + [f"{column}_exp", f"{column}_act"]].head(10)
    both = ~np.isnan(exp)
    diff = np.abs(exp[both] - act[both]) / np.maximum(1.0, np.abs(exp[both]))
    assert diff.max(initial=0) < 1e-9, compared.loc[both][diff >= 1e-9][KEYS].head()


def _row(compared, metric, dim="all", value="all", grain="day", start="2026-03-02", version="r1"):
    m = compared[
        (compared.metric == metric)
        & (compared.segment_dimension == dim)
        & (compared.segment_value == value)
        & (compared.window_grain == grain)
        & (compared.window_start == pd.Timestamp(start))
        & (compared.model_version == version)
    ]
    assert len(m) == 1, (metric, dim, value, grain, start)
    return m.iloc[0]


def test_window_with_no_events_is_an_explicit_zero(compared):
    day = "2026-03-04"
    assert _row(compared, "request_count", start=day)["metric_value_act"] == 0
    assert _row(compared, "throughput_per_hour", start=day)["metric_value_act"] == 0
    for metric in ["error_rate", "latency_mean", "latency_p95", "accuracy", "auc", "log_loss"]:
        r = _row(compared, metric, start=day)
        assert math.isnan(r["metric_value_act"]) and r["sample_size_act"] == 0, metric


def test_segment_with_one_event(compared):
    r = _row(compared, "request_count", "country", "MX", start="2026-03-03")
    assert r["metric_value_act"] == 1
    lat = _row(compared, "latency_mean", "country", "MX", start="2026-03-03")
    p99 = _row(compared, "latency_p99", "country", "MX", start="2026-03-03")
    assert lat["metric_value_act"] == p99["metric_value_act"]  # one value: mean = every quantile
    assert math.isnan(lat["standard_error_act"])  # no spread from a single event


def test_all_labels_one_class(compared):
    auc = _row(compared, "auc", "platform", "android", start="2026-03-02")
    recall = _row(compared, "recall", "platform", "android", start="2026-03-02")
    acc = _row(compared, "accuracy", "platform", "android", start="2026-03-02")
    assert auc["sample_size_act"] > 0 and math.isnan(auc["metric_value_act"])  # AUC undefined
    assert recall["sample_size_act"] == 0 and math.isnan(recall["metric_value_act"])  # no positives
    assert acc["metric_value_act"] > 0  # accuracy still defined


def test_all_labels_missing(compared):
    day = "2026-03-07"
    maturity = _row(compared, "label_maturity", start=day)
    assert maturity["metric_value_act"] == 0 and maturity["sample_size_act"] > 0
    for metric in ["accuracy", "precision", "recall", "auc", "log_loss", "brier_score", "expected_calibration_error"]:
        r = _row(compared, metric, start=day)
        assert math.isnan(r["metric_value_act"]) and r["sample_size_act"] == 0, metric


def test_duplicates_count_once_and_first_copy_wins(integration_duckdb):
    frames = build()
    raw = frames["raw_inference_log"]
    distinct = raw["request_uuid"].nunique()
    assert len(raw) == distinct + 3
    n = query(
        integration_duckdb["path"],
        "select sum(metric_value) as n from corridor_metric_observations "
        "where source = 'production' and metric = 'request_count' and window_grain = 'day'"
        " and segment_dimension = 'all'",
    )["n"][0]
    assert n == distinct


def test_label_maturity_is_recorded_on_every_production_row(integration_duckdb):
    df = query(
        integration_duckdb["path"],
        "select count(*) as n, count(label_maturity) as with_maturity from corridor_metric_observations "
        "where source = 'production' and sample_size > 0 and metric = 'request_count'",
    )
    assert df["n"][0] == df["with_maturity"][0] > 0


def test_f1_is_the_harmonic_mean_of_precision_and_recall_with_an_exact_interval(compared, integration_duckdb):
    """Realized F1 (docs/metrics.md#f1): every window against the harmonic mean of the same window's precision and
    recall rows, and its Clopper-Pearson interval against scipy's beta quantiles of J = TP / (TP + FP + FN) mapped
    through F1 = 2J / (1 + J). (Values, standard errors and Wilson intervals: test_values_match_reference, from the
    event-by-event reference with the four-cell multinomial delta method.)"""
    keys = [k for k in KEYS if k != "metric"]
    rows = {
        metric: compared[compared.metric == metric].set_index(keys)["metric_value_act"].astype(float)
        for metric in ("f1", "precision", "recall")
    }
    both = pd.concat(rows, axis=1).dropna()
    both = both[(both.precision > 0) & (both.recall > 0)]
    assert len(both) > 50
    harmonic = 2 * both.precision * both.recall / (both.precision + both.recall)
    np.testing.assert_allclose(both.f1, harmonic, rtol=1e-12)
    # no positive caught: F1 is 0, where the harmonic mean is undefined or 0
    f1 = compared[(compared.metric == "f1") & compared.metric_value_act.notna()]
    assert (f1.metric_value_act == 0).any() and (f1.metric_value_act.between(0, 1)).all()

    exact = query(
        integration_duckdb["path"],
        "select * from corridor_metric_intervals where metric = 'f1' and interval_method = 'clopper_pearson_f1'",
    )
    assert len(exact) > 100
    value, m = exact.metric_value.to_numpy(float), exact.sample_size.to_numpy(float)
    k = np.round(value / (2 - value) * m)  # J = F1 / (2 - F1)
    lo = np.where(k > 0, stats.beta.ppf(0.025, np.maximum(k, 1), m - k + 1), 0.0)
    hi = np.where(k < m, stats.beta.ppf(0.975, k + 1, np.maximum(m - k, 1)), 1.0)
    np.testing.assert_allclose(exact.interval_lower, 2 * lo / (1 + lo), rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(exact.interval_upper, 2 * hi / (1 + hi), rtol=1e-7, atol=1e-12)
    assert (exact.interval_lower <= value + 1e-12).all() and (exact.interval_upper >= value - 1e-12).all()
