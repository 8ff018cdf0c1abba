"""The label-free estimate's kernels (corridor.label_free) against independent references:
scikit-learn's isotonic regression and weighted ROC AUC, hand-computed confusion matrices, and a
simulation with known truth (fixed seeds) for the error, the interval coverage and the shift flag."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from corridor import label_free as lf
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import roc_auc_score

BINS = 100  # score bins in these tests (corridor's default is 1000)
KEYS = {
    "model_id": "m",
    "model_version": "v1",
    "window_grain": "day",
    "segment_dimension": "all",
    "segment_value": "all",
}


def _truth(score):
    """The true P(label = 1 | score): monotone but not calibrated (the model overstates mid scores)."""
    return np.clip(score**1.6, 0, 1)


def _reference(rng, n, score_sampler=lambda rng, n: rng.beta(2, 4, n)):
    score = np.round(score_sampler(rng, n) * BINS).astype(int)
    label = rng.random(n) < _truth(score / BINS)
    half = rng.integers(0, 2, n)
    frame = pd.DataFrame({"score_bin": score, "half": half, "label": label.astype(int)})
    out = (
        frame.groupby(["score_bin", "half"]).agg(n_events=("label", "size"), n_positive=("label", "sum")).reset_index()
    )
    out.insert(0, "model_version", "v1")
    out.insert(0, "model_id", "m")
    return out


def _window(rng, n, start, score_sampler=lambda rng, n: rng.beta(2, 4, n)):
    """A window's histogram (threshold 0.5) and its realized metrics from labels drawn from the truth."""
    score = np.round(score_sampler(rng, n) * BINS).astype(int)
    label = (rng.random(n) < _truth(score / BINS)).astype(int)
    pred = (score >= BINS // 2).astype(int)
    tp = int(((pred == 1) & (label == 1)).sum())
    fp = int(((pred == 1) & (label == 0)).sum())
    fn = int(((pred == 0) & (label == 1)).sum())
    realized = {
        "accuracy": float((pred == label).mean()),
        "precision": tp / (tp + fp),
        "recall": tp / (tp + fn),
        "f1": 2 * tp / (2 * tp + fp + fn),
        "auc": roc_auc_score(label, score),
    }
    frame = pd.DataFrame({"score_bin": score, "predicted_class": pred})
    hist = frame.groupby(["score_bin", "predicted_class"]).size().rename("n_events").reset_index()
    for key, value in KEYS.items():
        hist[key] = value
    hist["window_start"] = pd.Timestamp(start)
    return hist, realized


def test_pool_adjacent_violators_matches_scikit_learn():
    rng = np.random.default_rng(1)
    y = rng.random(300) + np.linspace(0, 1, 300)
    w = rng.integers(1, 20, 300).astype(float)
    expected = IsotonicRegression().fit(np.arange(300), y, sample_weight=w).predict(np.arange(300))
    np.testing.assert_allclose(lf.pool_adjacent_violators(y, w), expected, rtol=1e-12, atol=1e-12)


def test_fit_isotonic_interpolates_and_clips_like_scikit_learn():
    rng = np.random.default_rng(2)
    bins = np.sort(rng.choice(np.arange(10, 90), 30, replace=False))
    n = rng.integers(5, 50, 30)
    pos = rng.binomial(n, bins / 100)
    fitted = lf.fit_isotonic(bins, n, pos, 100)
    reference = IsotonicRegression(out_of_bounds="clip").fit(bins, pos / n, sample_weight=n)
    np.testing.assert_allclose(fitted, reference.predict(np.arange(101)), rtol=1e-12, atol=1e-12)
    assert np.isnan(lf.fit_isotonic(bins, np.zeros(30), pos * 0, 100)).all()


def test_expected_metrics_known_answer():
    """Two score bins, by hand: 10 events at p = 0.2 predicted negative, 30 at p = 0.9 predicted positive.
    E[TP] = 27, E[FP] = 3, E[FN] = 2, E[TN] = 8."""
    m = lf.expected_metrics(np.array([10.0, 30.0]), np.array([False, True]), np.array([0.2, 0.9]))
    assert m["accuracy"] == pytest.approx(35 / 40)
    assert m["precision"] == pytest.approx(27 / 30)
    assert m["recall"] == pytest.approx(27 / 29)
    assert m["f1"] == pytest.approx(54 / (54 + 3 + 2))
    # AUC: expected positives 2 (low bin) and 27 (high), negatives 8 and 3; a positive outranks a negative
    # in 27 * 8 pairs, ties (same bin) count half: (27 * 8 + 0.5 * (2 * 8 + 27 * 3)) / (29 * 11)
    assert m["auc"] == pytest.approx((27 * 8 + 0.5 * (2 * 8 + 27 * 3)) / (29 * 11))


def test_expected_auc_matches_weighted_roc_auc():
    rng = np.random.default_rng(3)
    n = rng.integers(1, 40, BINS + 1).astype(float)
    p = np.sort(rng.random(BINS + 1))
    pred = np.arange(BINS + 1) >= 50
    auc = lf.expected_metrics(n, pred, p)["auc"]
    scores = np.concatenate([np.arange(BINS + 1)] * 2)
    labels = np.concatenate([np.ones(BINS + 1), np.zeros(BINS + 1)])
    weights = np.concatenate([n * p, n * (1 - p)])
    assert auc == pytest.approx(roc_auc_score(labels, scores, sample_weight=weights), rel=1e-12)


def test_population_stability_index_known_answer():
    assert lf.population_stability_index(np.array([50, 50]), np.array([50, 50])) == 0
    expected = (0.8 - 0.5) * np.log(0.8 / 0.5) + (0.2 - 0.5) * np.log(0.2 / 0.5)
    assert lf.population_stability_index(np.array([5, 5]), np.array([80, 20])) == pytest.approx(expected)


def test_estimates_error_coverage_and_shift_flag_by_simulation():
    """Known truth: labels drawn from _truth(score). 80 windows of 1500 events from the reference's score
    distribution, 10 shifted windows (scores from Beta(4, 2)). Claims, with fixed seeds:
    - mean absolute error of the estimate against the realized value is within 1.15 times the error of an
      oracle that knows the true probabilities (the floor set by label noise);
    - the 95 % intervals cover the realized value in 88-99 % of the 400 unshifted window × metric pairs;
    - every shifted window is flagged (PSI > 0.1), no unshifted one is."""
    rng = np.random.default_rng(20261130)
    reference = _reference(rng, 40_000)
    histograms, realized, oracle = [], [], []
    starts = pd.date_range("2026-01-01", periods=90, freq="D")
    for i, start in enumerate(starts):
        sampler = (lambda rng, n: rng.beta(4, 2, n)) if i >= 80 else (lambda rng, n: rng.beta(2, 4, n))
        hist, real = _window(rng, 1500, start, sampler)
        histograms.append(hist)
        realized.append({"window_start": start, **real})
        b = hist["score_bin"].to_numpy()
        n = hist["n_events"].to_numpy(float)
        pos = hist["predicted_class"].to_numpy() == 1
        t = _truth(b / BINS)
        oracle.append({"window_start": start, **lf.expected_metrics(n, pos, t)})
    est = lf.label_free_estimates(pd.concat(histograms), reference, score_bins=BINS, n_draws=300, seed=7)
    assert len(est) == 90 * 5
    real = pd.DataFrame(realized).melt("window_start", var_name="metric", value_name="realized")
    orc = pd.DataFrame(oracle).melt("window_start", var_name="metric", value_name="oracle")
    merged = est.merge(real, on=["window_start", "metric"]).merge(orc, on=["window_start", "metric"])
    clean = merged[merged.window_start < starts[80]]
    shifted = merged[merged.window_start >= starts[80]]
    for metric, rows in clean.groupby("metric"):
        mae = (rows.metric_value - rows.realized).abs().mean()
        mae_oracle = (rows.oracle - rows.realized).abs().mean()
        assert mae <= 1.15 * mae_oracle, (metric, mae, mae_oracle)
    covered = (clean.realized >= clean.interval_lower) & (clean.realized <= clean.interval_upper)
    assert 0.88 <= covered.mean() <= 0.99, covered.mean()
    assert shifted.is_shifted.all()
    assert not clean.is_shifted.any()
    assert (clean.score_psi < 0.05).all()


def test_estimates_are_reproducible_and_need_a_reference():
    rng = np.random.default_rng(5)
    reference = _reference(rng, 5_000)
    hist, _ = _window(rng, 500, "2026-01-01")
    one = lf.label_free_estimates(hist, reference, score_bins=BINS, n_draws=60, seed=3)
    two = lf.label_free_estimates(hist, reference, score_bins=BINS, n_draws=60, seed=3)
    pd.testing.assert_frame_equal(one, two)
    other = reference.assign(model_version="v2")
    assert lf.label_free_estimates(hist, other, score_bins=BINS, n_draws=60).empty


def test_calibration_reliability_holds_on_a_stable_reference_and_fails_a_planted_break():
    rng = np.random.default_rng(11)
    reference = _reference(rng, 40_000)
    check = lf.calibration_reliability(reference, score_bins=BINS)
    assert len(check) == 10 and check.holds.all()
    # planted: in the held-out half, the top-scored bins lose 40 % of their positives
    broken = reference.copy()
    top = (broken.half == 1) & (broken.score_bin >= 60)
    broken.loc[top, "n_positive"] = (broken.loc[top, "n_positive"] * 0.6).round().astype(int)
    failed = lf.calibration_reliability(broken, score_bins=BINS)
    assert not failed.holds.all()
    assert failed[~failed.holds].observed_rate.lt(failed[~failed.holds].expected_rate).all()


def test_shift_test_matches_scipy_chi2_contingency():
    from scipy.stats import chi2_contingency

    r = np.array([120, 80, 60, 0, 40])
    w = np.array([30, 10, 25, 0, 5])
    expected = chi2_contingency(np.vstack([r[r + w > 0], w[r + w > 0]]), correction=False).pvalue
    assert lf.shift_test(r, w) == pytest.approx(expected, rel=1e-10)


def test_shift_is_judged_per_segment_and_not_raised_by_small_windows():
    """Segments whose score distributions differ from overall traffic are compared with their own reference
    distribution: at most 10 % of the 55 windows that keep their own are flagged (false alarms of a 5 % test);
    a segment absent from the reference is flagged; small unshifted windows (100 events: PSI noise around
    0.1) are mostly not flagged, the shifted windows of a segment all are."""
    rng = np.random.default_rng(21)
    low, high = (lambda rng, n: rng.beta(2, 5, n)), (lambda rng, n: rng.beta(5, 2, n))
    parts = []
    for value, sampler in (("a", low), ("b", high)):
        ref = _reference(rng, 20_000, sampler)
        ref["n_scored"] = ref["n_events"]
        parts.append(ref.assign(segment_dimension="region", segment_value=value))
        parts.append(ref.assign(segment_dimension="all", segment_value="all"))
    reference = (
        pd.concat(parts)
        .groupby(
            ["model_id", "model_version", "segment_dimension", "segment_value", "score_bin", "half"], as_index=False
        )[["n_scored", "n_events", "n_positive"]]
        .sum()
    )
    hists = []
    days = pd.date_range("2026-02-01", periods=30, freq="D")
    for i, day in enumerate(days):
        for value, sampler in (("a", low), ("b", high), ("c", low)):
            shifted = value == "a" and i >= 25
            hist, _ = _window(rng, 100 if i < 20 else 2000, day, high if shifted else sampler)
            hists.append(hist.assign(segment_dimension="region", segment_value=value))
    est = lf.label_free_estimates(pd.concat(hists), reference, score_bins=BINS, n_draws=60, seed=1)
    flags = est[est.metric == "accuracy"].set_index(["segment_value", "window_start"]).is_shifted
    assert flags.loc["c"].all()
    quiet = pd.concat([flags.loc["b"], flags.loc["a"].loc[: days[24]]])
    assert quiet.mean() <= 0.1, quiet.mean()  # the chi-square test's false alarms (at most about alpha = 5 %)
    assert flags.loc["a"].loc[days[25] :].all()
    small = est[(est.metric == "accuracy") & (est.window_start < days[20]) & (est.segment_value != "c")]
    assert small.score_psi.max() > 0.1  # the noise a PSI-only flag would have raised
