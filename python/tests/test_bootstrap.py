"""The vectorized Poisson bootstrap kernels (corridor.bootstrap) against
independent references: brute-force jackknife, numpy/scikit-learn point
estimates and scipy.stats.bootstrap intervals (within Monte Carlo error)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from corridor import bootstrap as bs
from scipy import stats
from sklearn.metrics import roc_auc_score

RNG = np.random.default_rng(20261127)
LATENCY = np.round(RNG.lognormal(4.5, 0.6, 400), 1)  # ties, like real latencies (0.1 ms)
SMALL = LATENCY[:37]
ERRORS = (RNG.random(600) < 0.07).astype(float)
SCORES = np.round(RNG.beta(2, 5, 800), 3)
LABELS = (RNG.random(800) < 0.2 + 0.6 * SCORES).astype(int)


def _rows(result, segment, metric, method="bootstrap_bca"):
    sel = result[(result.segment_value == segment) & (result.metric == metric) & (result.interval_method == method)]
    assert len(sel) == 1
    return sel.iloc[0]


def _brute_acceleration(x, statistic):
    n = len(x)
    loo = np.array([statistic(np.delete(x, i)) for i in range(n)])
    d = loo.mean() - loo
    return (d**3).sum() / (6 * ((d**2).sum()) ** 1.5)


@pytest.fixture(scope="module")
def latency_result():
    h = bs.histograms_from_samples({"big": LATENCY, "small": SMALL}, "latency")
    return bs.bootstrap_intervals(h, n_resamples=4000, seed=11)


@pytest.mark.parametrize("segment,data", [("big", LATENCY), ("small", SMALL)])
@pytest.mark.parametrize(
    "metric,fn",
    [
        ("latency_mean", np.mean),
        ("latency_p50", lambda a: np.quantile(a, 0.5)),
        ("latency_p95", lambda a: np.quantile(a, 0.95)),
        ("latency_p99", lambda a: np.quantile(a, 0.99)),
    ],
)
def test_estimate_and_closed_form_jackknife_match_brute_force(latency_result, segment, data, metric, fn):
    row = _rows(latency_result, segment, metric)
    assert row.metric_value == pytest.approx(fn(data), rel=1e-12)
    assert row.sample_size == len(data)
    assert row.acceleration == pytest.approx(_brute_acceleration(data, fn), rel=1e-9, abs=1e-12)


def test_root_mean_jackknife():
    sq = np.round(RNG.gamma(0.7, 3.0, 150), 3)
    res = bs.bootstrap_intervals(bs.histograms_from_samples({"g": sq}, "squared_error"), n_resamples=200)
    row = _rows(res, "g", "rmse")
    assert row.metric_value == pytest.approx(np.sqrt(sq.mean()), rel=1e-12)
    assert row.acceleration == pytest.approx(_brute_acceleration(sq, lambda a: np.sqrt(a.mean())), rel=1e-9)


def _auc(scores, labels):
    return roc_auc_score(labels, scores)


def test_auc_estimate_and_jackknife():
    h = bs.histograms_from_samples({"g": (SCORES, LABELS)}, "score", score_bins=1000)
    res = bs.bootstrap_intervals(h, n_resamples=200)
    row = _rows(res, "g", "auc")
    assert row.metric_value == pytest.approx(_auc(SCORES, LABELS), rel=1e-12)
    n = len(SCORES)
    loo = np.array([_auc(np.delete(SCORES, i), np.delete(LABELS, i)) for i in range(n)])
    d = loo.mean() - loo
    assert row.acceleration == pytest.approx((d**3).sum() / (6 * ((d**2).sum()) ** 1.5), rel=1e-8)


def _scipy(data, statistic, method, paired=False):
    res = stats.bootstrap(
        data, statistic, n_resamples=6000, method=method, random_state=5, paired=paired, vectorized=not paired
    )
    return res.confidence_interval.low, res.confidence_interval.high, res.standard_error


@pytest.mark.parametrize("method", ["percentile", "BCa"])
@pytest.mark.parametrize(
    "metric,family,data,statistic",
    [
        ("latency_mean", "latency", LATENCY, lambda a, axis=-1: np.mean(a, axis=axis)),
        ("latency_p95", "latency", LATENCY, lambda a, axis=-1: np.quantile(a, 0.95, axis=axis)),
        ("latency_p50", "latency", SMALL, lambda a, axis=-1: np.quantile(a, 0.5, axis=axis)),
        ("error_rate", "error", ERRORS, lambda a, axis=-1: np.mean(a, axis=axis)),
    ],
)
def test_intervals_agree_with_scipy_within_monte_carlo_error(method, metric, family, data, statistic):
    h = bs.histograms_from_samples({"g": data}, family)
    res = bs.bootstrap_intervals(h, n_resamples=6000, seed=3)
    row = _rows(res, "g", metric, "bootstrap_bca" if method == "BCa" else "bootstrap_percentile")
    lo, hi, se = _scipy((data,), statistic, method)
    # the Monte Carlo sd of a 2.5 % endpoint at 6000 resamples is ~0.035 SE per side; quantiles of
    # discrete resamples jump by whole order statistics, hence the looser bound for them
    tol = (0.6 if "p" in metric[-3:] and metric != "latency_mean" else 0.2) * se
    assert abs(row.interval_lower - lo) <= tol, (row.interval_lower, lo, se)
    assert abs(row.interval_upper - hi) <= tol, (row.interval_upper, hi, se)
    assert row.bootstrap_standard_error == pytest.approx(se, rel=0.08)


@pytest.mark.parametrize("method", ["percentile", "BCa"])
def test_auc_intervals_agree_with_scipy(method):
    h = bs.histograms_from_samples({"g": (SCORES, LABELS)}, "score", score_bins=1000)
    res = bs.bootstrap_intervals(h, n_resamples=4000, seed=9)
    row = _rows(res, "g", "auc", "bootstrap_bca" if method == "BCa" else "bootstrap_percentile")

    def statistic(s, y):
        if y.min() == y.max():
            return np.nan
        return _auc(s, y)

    lo, hi, se = _scipy((SCORES, LABELS), statistic, method, paired=True)
    assert abs(row.interval_lower - lo) <= 0.2 * se
    assert abs(row.interval_upper - hi) <= 0.2 * se


def test_direct_poisson_path_matches_shared_weights():
    h = bs.histograms_from_samples({"g": LATENCY}, "latency")
    shared = bs.bootstrap_intervals(h, n_resamples=6000, seed=3)
    direct = bs.bootstrap_intervals(h, n_resamples=6000, seed=3, max_shared_events=0)
    for metric in ["latency_mean", "latency_p95"]:
        a, b = _rows(shared, "g", metric), _rows(direct, "g", metric)
        se = a.bootstrap_standard_error
        assert abs(a.interval_lower - b.interval_lower) <= 0.6 * se
        assert abs(a.interval_upper - b.interval_upper) <= 0.6 * se
        assert a.bootstrap_standard_error == pytest.approx(b.bootstrap_standard_error, rel=0.08)


def test_reproducible_and_independent_of_other_groups():
    alone = bs.bootstrap_intervals(bs.histograms_from_samples({"g": SMALL}, "latency"), n_resamples=500, seed=42)
    again = bs.bootstrap_intervals(bs.histograms_from_samples({"g": SMALL}, "latency"), n_resamples=500, seed=42)
    crowd = bs.bootstrap_intervals(
        bs.histograms_from_samples({"a": LATENCY, "g": SMALL, "z": LATENCY[::3]}, "latency"), n_resamples=500, seed=42
    )
    other = bs.bootstrap_intervals(bs.histograms_from_samples({"g": SMALL}, "latency"), n_resamples=500, seed=43)
    cols = ["metric_value", "interval_lower", "interval_upper", "bootstrap_standard_error"]
    pd.testing.assert_frame_equal(alone[cols], again[cols])
    pd.testing.assert_frame_equal(
        alone[cols].reset_index(drop=True), crowd[crowd.segment_value == "g"][cols].reset_index(drop=True)
    )
    assert not np.allclose(alone["interval_lower"], other["interval_lower"])
    assert set(alone["seed"]) == {42} and set(alone["n_resamples"]) == {500}


def test_threaded_sparse_products_give_the_same_intervals_bit_for_bit(monkeypatch):
    # the mean families' products run on threads above _THREADED_NONZEROS nonzeros: forced on and off, every
    # interval column is equal, not close (each block of replicates is one product, whichever thread runs it)
    samples = {f"g{i}": LATENCY[i::7] for i in range(7)} | {"small": SMALL}
    h = pd.concat(
        [bs.histograms_from_samples(samples, "latency"), bs.histograms_from_samples({"e": ERRORS}, "error")],
        ignore_index=True,
    )
    monkeypatch.setattr(bs, "_THREADED_NONZEROS", 10**12)
    one_thread = bs.bootstrap_intervals(h, n_resamples=700, seed=5)
    monkeypatch.setattr(bs, "_THREADED_NONZEROS", 0)
    monkeypatch.setattr(bs, "_available_cores", lambda: 3)  # threads even on a one-core runner
    threaded = bs.bootstrap_intervals(h, n_resamples=700, seed=5)
    pd.testing.assert_frame_equal(one_thread, threaded, check_exact=True)
    assert one_thread["metric"].nunique() == 5


def test_shared_weights_are_poisson_one():
    w = np.diff(bs.SharedWeights(400, 5000, seed=1).prefix, axis=0).T.astype(float)
    assert w.mean() == pytest.approx(1.0, abs=0.005)
    assert w.var() == pytest.approx(1.0, abs=0.01)
    # independent across replicates and positions
    assert abs(np.corrcoef(w[0], w[1])[0, 1]) < 0.05
    assert abs(np.corrcoef(w[:, :-1].ravel(), w[:, 1:].ravel())[0, 1]) < 0.01


def test_degenerate_groups():
    h = bs.histograms_from_samples({"none": np.zeros(30), "one": np.array([5.0])}, "error")
    res = bs.bootstrap_intervals(h, n_resamples=300)
    r = _rows(res, "none", "error_rate", "bootstrap_percentile")
    assert (r.metric_value, r.interval_lower, r.interval_upper) == (0.0, 0.0, 0.0)
    single = _rows(res, "one", "error_rate", "bootstrap_bca")
    assert np.isnan(single.acceleration)


DEGENERATE = {
    "latency": {"constant": np.full(50, 3.3), "one": np.array([7.1]), "two": np.array([1.0, 2.0])},
    "error": {"none": np.zeros(30), "all": np.ones(20), "one": np.array([1.0])},
    "squared_error": {"zeros": np.zeros(10), "one": np.array([4.0])},
    "score": {
        "all_positive": (np.array([0.1, 0.5, 0.9]), np.array([1, 1, 1])),
        "all_negative": (np.array([0.2, 0.3]), np.array([0, 0])),
        "one_each": (np.array([0.2, 0.8]), np.array([0, 1])),
        "tied": (np.array([0.5, 0.5, 0.5, 0.5]), np.array([0, 1, 0, 1])),
    },
}


@pytest.mark.parametrize("max_shared_events", [bs.DEFAULT_MAX_SHARED_EVENTS, 0])
@pytest.mark.parametrize("family", sorted(DEGENERATE))
def test_degenerate_groups_raise_no_runtime_warning(family, max_shared_events):
    """Degenerate groups get documented degenerate or null intervals, computed without invalid
    floating-point operations (the warnings are errors here, not silenced in the kernels)."""
    h = bs.histograms_from_samples(DEGENERATE[family], family, score_bins=100 if family == "score" else None)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        res = bs.bootstrap_intervals(h, n_resamples=300, seed=5, max_shared_events=max_shared_events)
    bca = res[res.interval_method == "bootstrap_bca"].set_index(["segment_value", "metric"])
    pct = res[res.interval_method == "bootstrap_percentile"].set_index(["segment_value", "metric"])
    if family == "latency":
        for metric in ["latency_mean", "latency_p50", "latency_p95", "latency_p99"]:
            # a constant sample: the interval is the value, for both methods
            for rows in (pct, bca):
                r = rows.loc[("constant", metric)]
                assert r.interval_lower == pytest.approx(3.3) and r.interval_upper == pytest.approx(3.3)
            # one or two events: no jackknife acceleration, so no BCa interval
            for segment in ["one", "two"]:
                assert np.isnan(bca.loc[(segment, metric)].acceleration)
                assert np.isnan(bca.loc[(segment, metric)].interval_lower)
            assert pct.loc[("one", metric)].interval_lower == pct.loc[("one", metric)].interval_upper == 7.1
            assert np.isnan(pct.loc[("one", metric)].bootstrap_standard_error) or (
                pct.loc[("one", metric)].bootstrap_standard_error == 0
            )
    if family == "error":
        every, none = pct.loc[("all", "error_rate")], bca.loc[("none", "error_rate")]
        assert (every.interval_lower, every.interval_upper) == (1, 1)
        assert (none.interval_lower, none.interval_upper, none.bias_correction, none.acceleration) == (0, 0, 0, 0)
    if family == "score":
        # AUC needs both labels: no estimate, no replicate, no interval
        for segment in ["all_positive", "all_negative"]:
            for rows in (pct, bca):
                r = rows.loc[(segment, "auc")]
                assert np.isnan(r.metric_value) and np.isnan(r.interval_lower) and np.isnan(r.interval_upper)
                assert r.valid_resamples == 0
        assert pct.loc[("tied", "auc")].metric_value == 0.5


# --------------------------------------------------------------------------- #
# Large groups: the asymptotic form of the bootstrap (cost O(bins + B), not O(bins × B))
# --------------------------------------------------------------------------- #
BIG = np.round(np.random.default_rng(31).lognormal(4.5, 0.9, 30_000), 1)  # skewed, tied like latencies


def test_asymptotic_mean_replicates_are_the_cornish_fisher_expansion():
    """Known answer: a large group's mean replicates are x̄ + se (z + γ (z² - 1) / 6) with the plug-in
    se = sd / sqrt(n) and skewness γ = m3 / (m2^1.5 sqrt(n)) of the sample, z the shared normal draws."""
    h = bs.histograms_from_samples({"g": BIG}, "latency")
    res = bs.bootstrap_intervals(h, n_resamples=2000, seed=9, asymptotic_events=20_000)
    n, d = BIG.size, BIG - BIG.mean()
    m2, m3 = (d**2).mean(), (d**3).mean()
    z = np.random.default_rng([9, 3]).standard_normal(2000)
    reps = BIG.mean() + np.sqrt(m2 / n) * (z + m3 / (m2**1.5 * np.sqrt(n)) * (z**2 - 1) / 6)
    row = _rows(res, "g", "latency_mean", "bootstrap_percentile")
    assert row.metric_value == pytest.approx(BIG.mean(), rel=1e-12)
    assert row.interval_lower == pytest.approx(np.quantile(reps, 0.025), rel=1e-10)
    assert row.interval_upper == pytest.approx(np.quantile(reps, 0.975), rel=1e-10)
    assert row.bootstrap_standard_error == pytest.approx(reps.std(ddof=1), rel=1e-9)


def test_asymptotic_quantile_interval_is_close_to_the_order_statistic_interval():
    """The asymptotic quantile replicates are the sample quantile function at q ± sqrt(q(1-q)/n) z, so
    the percentile interval lands within a few ranks of the binomial order-statistic interval."""
    from corridor_tools import calibration

    h = bs.histograms_from_samples({"g": BIG}, "latency")
    res = bs.bootstrap_intervals(h, n_resamples=4000, seed=9, asymptotic_events=20_000)
    x = np.sort(BIG)
    for metric, q in (("latency_p50", 0.5), ("latency_p95", 0.95), ("latency_p99", 0.99)):
        row = _rows(res, "g", metric, "bootstrap_percentile")
        assert row.metric_value == np.quantile(BIG, q)
        lo_rank, hi_rank = calibration.order_statistic_ranks(x.size, q)
        slack = 0.1 * (hi_rank - lo_rank)  # Monte Carlo error of 4000 replicates, and the discreteness
        assert x[int(lo_rank - slack) - 1] <= row.interval_lower <= x[int(lo_rank + slack) - 1], metric
        assert x[int(hi_rank - slack) - 1] <= row.interval_upper <= x[int(hi_rank + slack) - 1], metric


def test_small_groups_are_not_affected_by_the_asymptotic_threshold():
    h = bs.histograms_from_samples({"g": LATENCY, "big": BIG}, "latency")
    with_big = bs.bootstrap_intervals(h, n_resamples=500, seed=4, asymptotic_events=20_000)
    exact = bs.bootstrap_intervals(h, n_resamples=500, seed=4, asymptotic_events=None, max_shared_events=40_000)
    cols = ["metric", "interval_method", "metric_value", "interval_lower", "interval_upper"]
    a = with_big[with_big.segment_value == "g"][cols].reset_index(drop=True)
    b = exact[exact.segment_value == "g"][cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.slow
def test_asymptotic_large_groups_cover_like_the_bootstrap():
    """Simulation (seed 7): 160 groups of 21,000 skewed values (lognormal sigma 0.8, tied to 0.1, and
    squared errors of t(10)-distributed residuals). The Poisson bootstrap (shared weights, 1000 replicates) and the
    asymptotic form give the same coverage of the true mean / quantiles / RMSE within 0.04 (about three
    binomial standard errors of the difference of two paired coverages), standard errors within 10 % (one
    set of normal draws is shared by every group, so its Monte Carlo error moves them all together), and
    interval endpoints whose median distance is under 0.2 bootstrap standard errors (the Monte Carlo error
    of two independent 1000-replicate percentiles is about 0.1)."""
    rng = np.random.default_rng(7)
    groups, n, sigma = 160, 21_000, 0.8
    lat = {f"g{i:03d}": np.round(rng.lognormal(4.5, sigma, n), 1) for i in range(groups)}
    sq = {f"g{i:03d}": (rng.standard_t(10, n) * 2.0) ** 2 for i in range(groups)}
    h = pd.concat([bs.histograms_from_samples(lat, "latency"), bs.histograms_from_samples(sq, "squared_error")])
    exact = bs.bootstrap_intervals(h, n_resamples=1000, seed=5, max_shared_events=n, asymptotic_events=None)
    asym = bs.bootstrap_intervals(h, n_resamples=1000, seed=5, asymptotic_events=20_000)
    truth = {
        "latency_mean": np.exp(4.5 + sigma**2 / 2),
        "latency_p50": np.exp(4.5),
        "latency_p95": np.exp(4.5 + sigma * stats.norm.ppf(0.95)),
        "latency_p99": np.exp(4.5 + sigma * stats.norm.ppf(0.99)),
        "rmse": 2.0 * np.sqrt(10 / 8),  # sd of 2 t(10)
    }
    for metric, value in truth.items():
        for method in ("bootstrap_percentile", "bootstrap_bca"):
            a = exact[(exact.metric == metric) & (exact.interval_method == method)].set_index("segment_value")
            b = asym[(asym.metric == metric) & (asym.interval_method == method)].set_index("segment_value")
            cover_a = ((a.interval_lower <= value) & (value <= a.interval_upper)).mean()
            cover_b = ((b.interval_lower <= value) & (value <= b.interval_upper)).mean()
            assert abs(cover_a - cover_b) <= 0.04, (metric, method, cover_a, cover_b)
            assert 0.88 <= cover_b <= 1.0, (metric, method, cover_b)
            se = a.bootstrap_standard_error
            assert ((a.interval_lower - b.interval_lower).abs() / se).median() < 0.2, (metric, method)
            assert ((a.interval_upper - b.interval_upper).abs() / se).median() < 0.2, (metric, method)
            ratio = (b.bootstrap_standard_error / se).median()
            assert 0.9 <= ratio <= 1.1, (metric, method, ratio)


def test_asymptotic_auc_standard_error_is_delong_and_covers_like_the_bootstrap():
    """Simulation (seed 8): 60 groups of 24,000 scored events (binormal, 300 score bins). The asymptotic
    AUC replicates have DeLong's standard error (computed independently from the raw scores), and their
    percentile and BCa intervals cover the true AUC like the resampled bootstrap's (within 0.07: two
    binomial standard errors of 60 paired draws) with endpoints a median 0.2 standard errors apart."""
    rng = np.random.default_rng(8)
    groups, n, shift = 60, 24_000, 0.8
    data = {}
    for i in range(groups):
        labels = (rng.random(n) < 0.3).astype(int)
        raw = rng.standard_normal(n) + shift * labels
        data[f"g{i:02d}"] = (np.clip(np.floor(stats.norm.cdf(raw / 1.6) * 300), 0, 299) / 300, labels)
    h = bs.histograms_from_samples(data, "score", score_bins=300)
    exact = bs.bootstrap_intervals(h, n_resamples=1000, seed=2, max_shared_events=0, asymptotic_events=None)
    asym = bs.bootstrap_intervals(h, n_resamples=1000, seed=2, asymptotic_events=20_000)
    z = np.random.default_rng([2, 3]).standard_normal(1000)
    # DeLong from the raw (binned) scores: placements with ties counted 1/2
    s, y = data["g00"]
    pos, neg = s[y == 1], s[y == 0]
    neg_sorted, pos_sorted = np.sort(neg), np.sort(pos)
    v10 = (np.searchsorted(neg_sorted, pos, "left") + np.searchsorted(neg_sorted, pos, "right")) / 2 / neg.size
    v01 = pos.size - (np.searchsorted(pos_sorted, neg, "left") + np.searchsorted(pos_sorted, neg, "right")) / 2
    v01 = v01 / pos.size
    delong = np.sqrt(v10.var() / pos.size + v01.var() / neg.size)
    row = _rows(asym, "g00", "auc", "bootstrap_percentile")
    assert row.metric_value == pytest.approx(v10.mean(), rel=1e-12)
    assert row.bootstrap_standard_error == pytest.approx(delong * z.std(ddof=1), rel=1e-9)
    truth = stats.norm.cdf(shift / np.sqrt(2))  # binning scores monotonically keeps the ranks' order (ties aside)
    for method in ("bootstrap_percentile", "bootstrap_bca"):
        a = exact[(exact.metric == "auc") & (exact.interval_method == method)].set_index("segment_value")
        b = asym[(asym.metric == "auc") & (asym.interval_method == method)].set_index("segment_value")
        cover_a = ((a.interval_lower <= truth) & (truth <= a.interval_upper)).mean()
        cover_b = ((b.interval_lower <= truth) & (truth <= b.interval_upper)).mean()
        se = a.bootstrap_standard_error
        assert ((a.interval_lower - b.interval_lower).abs() / se).median() < 0.25, method
        assert ((a.interval_upper - b.interval_upper).abs() / se).median() < 0.25, method
        assert 0.9 <= (b.bootstrap_standard_error / se).median() <= 1.1, method
        assert abs(cover_a - cover_b) <= 0.07, (method, cover_a, cover_b)


def test_read_histograms_from_duckdb_gives_the_same_intervals():
    """The Python model's reader (group keys numbered in SQL, families as categories) feeds the kernel the
    same histograms as a plain DataFrame with the key columns, nulls in the keys included."""
    import duckdb

    lat = bs.histograms_from_samples({"a": LATENCY, "b": SMALL}, "latency")
    score = bs.histograms_from_samples({"a": (SCORES, LABELS)}, "score", score_bins=50)
    frame = pd.concat([lat, score], ignore_index=True)
    frame["model_id"], frame["model_version"], frame["window_grain"] = "m", "v1", "day"
    frame["window_start"] = pd.Timestamp("2026-10-01")
    frame["segment_dimension"] = np.where(frame.segment_value == "b", None, "region")
    frame = frame.sample(frac=1.0, random_state=3).reset_index(drop=True)  # any row order
    con = duckdb.connect()
    con.register("frame_view", frame)
    histograms, key_table = bs.read_histograms(con.sql("select * from frame_view"))
    assert len(key_table) == 2 and len(histograms) == len(frame)
    via_sql = bs.bootstrap_intervals(histograms, key_table=key_table, n_resamples=300, seed=6)
    direct = bs.bootstrap_intervals(frame, n_resamples=300, seed=6)
    cols = [*bs.GROUP_KEYS, "metric", "interval_method", "metric_value", "interval_lower", "interval_upper"]
    order = ["segment_value", "metric", "interval_method"]
    a = via_sql[cols].sort_values(order).reset_index(drop=True)
    b = direct[cols].sort_values(order).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    bad = frame.assign(family=np.where(frame.family == "score", "scores", frame.family))
    con.register("bad_view", bad)
    with pytest.raises(ValueError, match="unknown histogram family 'scores'"):
        bs.read_histograms(con.sql("select * from bad_view"))


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["model_id"], frame["model_version"], frame["window_grain"] = "m", "v1", "day"
    frame["window_start"] = pd.Timestamp("2026-10-01")
    frame["segment_dimension"] = "region"
    return frame


def test_large_mean_groups_read_as_moments_give_the_same_intervals():
    """read_histograms_with_moments: the groups of log-loss, Brier and absolute-error terms above the asymptotic
    threshold arrive as exact power sums instead of histogram rows, and bootstrap_intervals gives them the same
    intervals as from their histograms (the same asymptotic form, from the same moments) to 1e-12; small groups,
    latency, a group holding a non-finite value and a constant group are covered too."""
    import duckdb

    rng = np.random.default_rng(8)
    samples = {"small": rng.exponential(0.3, 400), "mid": rng.exponential(0.3, 25_000)}
    samples["large"] = rng.gamma(0.5, 2.0, 120_000)
    samples["constant"] = np.full(30_000, 0.25)
    frames = [bs.histograms_from_samples(samples, family) for family in ("log_loss", "brier", "abs_error")]
    big_errors = {"huge": rng.normal(3e9, 1e6, 21_000)}  # large values: (value / scale) stays within [-1, 1]
    frames.append(bs.histograms_from_samples(big_errors, "abs_error"))
    frames.append(bs.histograms_from_samples({"large": samples["large"] * 100}, "latency"))
    infinite = bs.histograms_from_samples({"with_inf": np.r_[rng.exponential(0.3, 30_000), np.inf]}, "brier")
    frame = _keyed(pd.concat([*frames, infinite], ignore_index=True)).sample(frac=1.0, random_state=2)
    con = duckdb.connect()
    con.register("frame_view", frame)
    threshold = 20_000
    histograms, key_table = bs.read_histograms(con.sql("select * from frame_view"))
    fewer, key_table_m, moments = bs.read_histograms_with_moments(
        con.sql("select * from frame_view"), asymptotic_events=threshold
    )
    pd.testing.assert_frame_equal(key_table, key_table_m)
    # mid, large and constant in three families, and huge: moments; small, latency and with_inf: histograms
    summarized = moments.assign(segment=key_table.segment_value.to_numpy()[moments.group_code])
    assert sorted(zip(summarized.family, summarized.segment, strict=True)) == sorted(
        [(f, s) for f in ("abs_error", "brier", "log_loss") for s in ("constant", "large", "mid")]
        + [("abs_error", "huge")]
    )
    assert (moments.n_events > threshold).all()
    assert len(fewer) == len(histograms) - int(
        frame[frame.segment_value.isin(["mid", "large", "constant", "huge"]) & (frame.family != "latency")].shape[0]
    )
    kw = dict(n_resamples=400, seed=12, asymptotic_events=threshold)
    with np.errstate(invalid="ignore"):  # the histogram path's leave-one-out values of the group holding inf
        a = bs.bootstrap_intervals(histograms, key_table=key_table, **kw)
        b = bs.bootstrap_intervals(fewer, key_table=key_table, moments=moments, **kw)
    keys = [*bs.GROUP_KEYS, "metric", "interval_method"]
    pd.testing.assert_frame_equal(a[keys], b[keys])
    for column, rtol in [("metric_value", 1e-12), ("interval_lower", 1e-12), ("interval_upper", 1e-12),
                         ("bootstrap_standard_error", 1e-10), ("bias_correction", 0), ("acceleration", 1e-7),
                         ("sample_size", 0), ("valid_resamples", 0)]:  # fmt: skip
        ok = (b.segment_value != "huge") if column == "acceleration" else slice(None)
        np.testing.assert_allclose(
            b.loc[ok, column].to_numpy(float), a.loc[ok, column].to_numpy(float), rtol=rtol, atol=1e-15
        )
    # values of 3e9 +- 1e6: the moments, summed about the group's smallest value, give the jackknife acceleration
    # m3 / (6 sqrt(n) m2^1.5) to 1e-10 of its exact (rational) value; the histogram path's float sums only to 1e-4
    from fractions import Fraction

    exact = [Fraction(float(v)) for v in big_errors["huge"]]
    size = len(exact)
    centre = sum(exact) / size
    m2, m3 = (float(sum((v - centre) ** k for v in exact) / size) for k in (2, 3))
    huge = b[(b.segment_value == "huge") & (b.interval_method == "bootstrap_bca")]
    assert huge.acceleration.iloc[0] == pytest.approx(m3 / (6 * np.sqrt(size) * m2**1.5), rel=1e-10)
    constant = b[(b.segment_value == "constant")]
    assert (constant.interval_lower == 0.25).all() and (constant.interval_upper == 0.25).all()
    # the sums are exact: the same text whatever the row order
    again = bs.read_histograms_with_moments(
        con.sql("select * from frame_view order by value desc"), asymptotic_events=threshold
    )[2]
    pd.testing.assert_frame_equal(moments, again)


def _sql_moment_rows(frame: pd.DataFrame, families: dict, threshold: int) -> pd.DataFrame:
    """``frame`` (value rows) with each group of ``families`` (family -> scale) above ``threshold`` events replaced
    by the one row of power sums int_corridor__value_histograms writes (corridor.moment_power_term: each
    (value / scale)^k multiplied out in double, rounded to 18 decimals, times its count, summed exactly)."""
    from decimal import ROUND_HALF_EVEN, Decimal

    keys = [*bs.GROUP_KEYS, "family"]
    out = [frame[~frame.family.isin(list(families))]]
    for key, group in frame[frame.family.isin(list(families))].groupby(keys, dropna=False):
        scale = families[key[-1]]
        if group.n_events.sum() <= threshold:
            out.append(group)
            continue
        unit = group.value.to_numpy() / scale
        row = dict(zip(keys, key, strict=True), value=np.nan, label=np.nan, n_events=int(group.n_events.sum()),
                   scale=float(scale))  # fmt: skip
        for k in (1, 2, 3):
            power = unit.copy()
            for _ in range(k - 1):
                power = power * unit
            quantum = Decimal("1e-18")
            row[f"sum_{k}"] = str(sum(Decimal(float(p)).quantize(quantum, ROUND_HALF_EVEN) * int(c)
                                      for p, c in zip(power, group.n_events, strict=True)))  # fmt: skip
        out.append(pd.DataFrame([row]))
    return pd.concat(out, ignore_index=True)


def test_power_sums_summed_in_sql_give_the_intervals_of_the_values():
    """Groups of a bounded mean family (Brier, log loss) that arrive as power sums about 0 (the rows of
    int_corridor__value_histograms, here written by hand) get the intervals their values give (moments summed in
    Python about the group's smallest value) to 1e-12; small groups and other families are read as values; a
    group of power sums not above the threshold (built under a lower setting) is refused with the setting named."""
    import duckdb

    rng = np.random.default_rng(31)
    samples = {"small": rng.beta(2, 5, 300), "mid": rng.beta(2, 5, 25_000), "large": rng.beta(0.5, 3, 90_000)}
    frames = [bs.histograms_from_samples(samples, "brier")]
    losses = {k: -np.log(np.clip(v, 1e-15, 1)) for k, v in samples.items()}
    frames.append(bs.histograms_from_samples(losses, "log_loss"))
    frames.append(bs.histograms_from_samples({"large": np.round(samples["large"] * 400)}, "latency"))
    values = _keyed(pd.concat(frames, ignore_index=True))
    threshold = 20_000
    summed = _sql_moment_rows(values, {"brier": 1, "log_loss": 64}, threshold)
    summed = summed.astype({"sum_1": "string", "sum_2": "string", "sum_3": "string"})
    assert summed.sum_1.notna().sum() == 4  # mid and large, two families
    con = duckdb.connect()
    con.register("values_view", values)
    con.register("summed_frame", summed)
    sums = ", ".join(f"cast(sum_{k} as decimal(38, 18)) as sum_{k}" for k in (1, 2, 3))
    con.execute(f"create table summed_table as select * exclude (sum_1, sum_2, sum_3), {sums} from summed_frame")
    a_rows, a_keys, a_moments = bs.read_histograms_with_moments(con.sql("select * from values_view"),
                                                                asymptotic_events=threshold)  # fmt: skip
    b_rows, b_keys, b_moments = bs.read_histograms_with_moments(con.table("summed_table"), asymptotic_events=threshold)
    pd.testing.assert_frame_equal(a_keys, b_keys)
    assert len(b_rows) == len(a_rows) and (b_moments.low == 0).all() and len(b_moments) == len(a_moments) == 4
    kw = dict(n_resamples=500, seed=3, asymptotic_events=threshold)
    a = bs.bootstrap_intervals(a_rows, key_table=a_keys, moments=a_moments, **kw)
    b = bs.bootstrap_intervals(b_rows, key_table=b_keys, moments=b_moments, **kw)
    pd.testing.assert_frame_equal(a[[*bs.GROUP_KEYS, "metric", "interval_method"]],
                                  b[[*bs.GROUP_KEYS, "metric", "interval_method"]])  # fmt: skip
    for column in ("metric_value", "interval_lower", "interval_upper", "bootstrap_standard_error", "acceleration"):
        np.testing.assert_allclose(b[column].to_numpy(float), a[column].to_numpy(float), rtol=1e-12, atol=1e-15)
    # the batched path reads the same rows
    from corridor import bootstrap_reuse as reuse

    settings = dict(n_resamples=500, level=0.95, seed=3, max_shared_events=20_000, asymptotic_events=threshold)
    batched = reuse.intervals(con.table("summed_table"), settings, session=con, batch_rows=50)
    whole = reuse.intervals(con.table("summed_table"), settings)
    pd.testing.assert_frame_equal(batched, whole)
    with pytest.raises(ValueError, match="corridor_bootstrap_asymptotic_events .30000.*--full-refresh"):
        bs.read_histograms_with_moments(con.table("summed_table"), asymptotic_events=30_000)
    with pytest.raises(ValueError, match="are moments"):
        bs.read_histograms(con.table("summed_table"))


def test_moments_are_refused_where_they_do_not_apply():
    moments = pd.DataFrame(
        {
            "group_code": [0],
            "family": ["brier"],
            "n_events": [500],
            "low": [0.0],
            "scale": [1.0],
            "sum_1": ["100"],
            "sum_2": ["50"],
            "sum_3": ["30"],
        }  # fmt: skip
    )
    key_table = pd.DataFrame({"segment_value": ["a"]})
    empty = pd.DataFrame({"group_code": [], "family": [], "value": [], "label": [], "n_events": []})
    with pytest.raises(ValueError, match="only groups above asymptotic_events"):
        bs.bootstrap_intervals(empty, key_table=key_table, moments=moments, asymptotic_events=1000)
    with pytest.raises(ValueError, match="moments of family 'latency'"):
        bs.bootstrap_intervals(
            empty, key_table=key_table, moments=moments.assign(family="latency"), asymptotic_events=100
        )
    with pytest.raises(ValueError, match="need a key_table and an asymptotic_events"):
        bs.bootstrap_intervals(empty, key_table=key_table, moments=moments, asymptotic_events=None)
    result = bs.bootstrap_intervals(empty, key_table=key_table, moments=moments, asymptotic_events=100)
    assert set(result.metric) == {"brier_score"} and (result.sample_size == 500).all()
    assert result.metric_value.iloc[0] == pytest.approx(0.2, rel=1e-15)
