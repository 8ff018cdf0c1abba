"""The multivariate drift kernel (corridor.drift_multivariate): known answers for the encoder, the PCA error and the
calibration; by simulation (fixed seeds) the false alarm rate with no shift and the detection of a correlation-only
shift that the univariate KS test does not see."""

import numpy as np
import pandas as pd
import pytest
from corridor.drift_multivariate import RESULT_COLUMNS, Calibration, Encoder, PCAModel, multivariate_drift
from scipy import stats

START = pd.Timestamp("2026-10-01")


def _sample(seed, days=21, per_day=500, rho=0.8, shifted_rho=None, shift_from=14):
    """Three numeric features (x1, x2 correlated with rho, x3 independent) and a categorical one, per day; from day
    `shift_from` the correlation of x1 and x2 becomes `shifted_rho` (both marginals unchanged)."""
    rng = np.random.default_rng(seed)
    frames = []
    for d in range(days):
        r = shifted_rho if shifted_rho is not None and d >= shift_from else rho
        x = rng.multivariate_normal([0, 0, 0], [[1, r, 0], [r, 1, 0], [0, 0, 1]], size=per_day)
        day = START + pd.Timedelta(days=d)
        frames.append(
            pd.DataFrame(
                {
                    "model_id": "m",
                    "model_version": "v1",
                    "day_start": day,
                    "week_start": day - pd.Timedelta(days=day.weekday()),
                    "sample_rank": np.arange(1, per_day + 1),
                    "segment__region": rng.choice(["a", "b"], per_day),
                    "num__x1": 3 * x[:, 0] + 10,
                    "num__x2": x[:, 1],
                    "num__x3": x[:, 2],
                    "cat__c": rng.choice(["p", "q", "r"], per_day, p=[0.5, 0.3, 0.2]),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def test_encoder_imputes_the_reference_median_and_one_hot_encodes_reference_categories():
    ref = pd.DataFrame({"num__a": [1.0, 2.0, 3.0, None], "cat__c": ["x", "x", "y", None]})
    enc = Encoder.fit(ref, ["num__a"], ["cat__c"], max_categories=1)
    assert enc.medians == {"num__a": 2.0}
    assert enc.categories == {"cat__c": ["x"]}  # the most frequent category only
    raw = enc._raw(pd.DataFrame({"num__a": [None, 5.0], "cat__c": ["x", "new"]}))
    np.testing.assert_array_equal(raw, [[2.0, 1.0], [5.0, 0.0]])
    # standardized by the reference: a = [1, 2, 3, 2] (mean 2, sd sqrt(0.5));
    # the x-indicator [1, 1, 0, 0] (mean 0.5, sd 0.5)
    np.testing.assert_allclose(enc.transform(ref.iloc[:1]), [[-1 / np.sqrt(0.5), 1.0]])


def test_pca_error_is_the_distance_to_the_principal_line():
    t = np.linspace(-3, 3, 200)
    line = np.column_stack([t, 2 * t])  # points on the direction (1, 2)
    pca = PCAModel.fit(line, variance=0.65)
    assert pca.components.shape == (1, 2)
    # a point off the line: its distance to the line through the centre (0, 0) with direction (1, 2) / sqrt(5)
    point = np.array([[1.0, 0.0]])
    assert pca.errors(point)[0] == pytest.approx(abs(1 * 2 - 0 * 1) / np.sqrt(5), rel=1e-9)
    assert pca.errors(line).max() < 1e-6  # sqrt(|c|^2 - |c V'|^2): float cancellation on the line
    # all the variance on one direction still drops one: never zero components of freedom
    assert PCAModel.fit(line, variance=0.999).components.shape == (1, 2)


def test_calibration_splits_within_and_between_day_variance():
    errors = np.array([1.0, 3.0, 5.0, 7.0])  # day A: 1, 3 (mean 2); day B: 5, 7 (mean 6)
    cal = Calibration.from_errors(errors, np.array(["A", "A", "B", "B"]))
    assert cal.mean == pytest.approx(4.0)
    assert cal.within_var == pytest.approx(2.0)  # pooled: ((1-2)^2 + (3-2)^2 + (5-6)^2 + (7-6)^2) / (4 - 2)
    assert cal.between_var == pytest.approx(8.0 - 2.0 / 2)  # var of day means (8) minus within / n_j
    assert cal.standard_error(10, 2) == pytest.approx(np.sqrt(2.0 / 10 + 7.0 / 2 + 2.0 / 4))


def test_result_shape_and_statuses():
    out = multivariate_drift(_sample(1), ["day", "week"], reference_days=7, min_rows=100)
    assert list(out.columns) == RESULT_COLUMNS
    # 21 days + 4 weeks (Oct 2026: weeks starting Sep 28, Oct 5, 12, 19), each for all, region a, region b
    assert len(out) == (21 + 4) * 3
    day = out[out.window_grain == "day"]
    assert set(day[day.window_start < START + pd.Timedelta(days=7)].status) == {"reference_period"}
    assert (out.n_components >= 1).all() and (out.n_encoded_columns == 6).all()
    small = multivariate_drift(_sample(1, per_day=60), ["day"], min_rows=100)
    assert "insufficient_sample" in set(small[small.segment_dimension == "region"].status)
    assert multivariate_drift(_sample(1).drop(columns=["num__x1", "num__x2", "num__x3", "cat__c"]), ["day"]).empty


def test_no_shift_false_alarm_rate_at_or_below_alpha():
    """60 runs x 14 live days x 3 segments: the share of drift verdicts with no shift stays at or below alpha = 0.01
    (measured: 0.0095 over 100 runs; tolerance: alpha + 2 standard errors of the simulation)."""
    alpha, verdicts = 0.01, []
    for seed in range(60):
        out = multivariate_drift(_sample(seed), ["day"], alpha=alpha)
        verdicts.extend(out[out.status.isin(["pass", "drift"])].is_drifted.tolist())
    rate = float(np.mean(verdicts))
    assert len(verdicts) == 60 * 14 * 3
    assert rate <= alpha + 2 * np.sqrt(alpha * (1 - alpha) / len(verdicts)), rate


def test_correlation_only_shift_is_detected_where_univariate_ks_sees_nothing():
    """x1 and x2 keep their marginals while their correlation flips from 0.8 to -0.8 from day 15: every shifted day
    drifts (overall), while KS on each marginal (500 rows vs the 3,500 reference rows) rejects at most as often as
    its level."""
    detected, ks_rejections = [], []
    for seed in range(10):
        sample = _sample(1000 + seed, shifted_rho=-0.8)
        out = multivariate_drift(sample, ["day"], alpha=0.01)
        shifted = out[(out.segment_dimension == "all") & (out.window_start >= START + pd.Timedelta(days=14))]
        detected.extend(shifted.is_drifted.tolist())
        clean = out[
            (out.segment_dimension == "all")
            & out.status.isin(["pass", "drift"])
            & (out.window_start < START + pd.Timedelta(days=14))
        ]
        assert not clean.is_drifted.any()
        reference = sample[sample.day_start < START + pd.Timedelta(days=7)]
        for day in range(14, 21):
            window = sample[sample.day_start == START + pd.Timedelta(days=day)]
            for column in ("num__x1", "num__x2"):
                ks_rejections.append(stats.ks_2samp(window[column], reference[column]).pvalue <= 0.01)
    assert np.mean(detected) == 1.0
    assert np.mean(ks_rejections) <= 0.01 + 2 * np.sqrt(0.01 * 0.99 / len(ks_rejections))
