"""Label-free expected performance of a binary classifier (confidence-based, CBPE-like).

Written from the method's public description (Kivimäki et al. / NannyML's
"confidence-based performance estimation"): if the model's scores, once
calibrated, are the probabilities of the positive class, then every event
whose label has not arrived yet is a Bernoulli draw with that probability,
and the confusion matrix of a window is a sum of such draws. Its expectation
gives the expected accuracy, precision, recall, F1 and ROC AUC of the window
before a single label arrives.

What this module does, from histograms SQL computed (no per-event rows):

* ``fit_isotonic``: the calibration map, an isotonic (monotone) regression of
  the label on the score bin, fitted by pool-adjacent-violators on the
  labelled *reference* events (weights = events per bin), evaluated at every
  score bin with linear interpolation between fitted bins and flat
  extrapolation beyond them (as scikit-learn's ``IsotonicRegression`` with
  ``out_of_bounds='clip'``).
* ``label_free_estimates``: per group (model version × grain × segment ×
  window) the expected confusion matrix and the five metrics, with intervals
  from a parametric simulation that carries both sources of uncertainty:
  the calibration map (refitted on Poisson-bootstrap replicates of the
  reference histogram) and the labels still to come (Binomial draws per score
  bin and predicted class with the calibrated probability). The interval is
  a prediction interval for the *realized* metric of the window, which is
  what ``corridor_estimator_validation`` checks its coverage against.
* Covariate shift: the population stability index of the window's score
  distribution against its segment's reference distribution, over the
  reference's deciles; a window whose PSI is above the threshold and whose
  distribution a chi-square test tells apart from the reference's is
  flagged ``is_shifted``: the estimate assumes p(label | score) did not
  change, and a shifted score distribution is where that assumption is
  least tested (and where, on NannyML's car-loan data, it fails). Overall
  traffic (segment ``all``) is also flagged when a segment of the same
  window is (``overall_shift_flags``): a shift confined to one region is
  diluted in the overall distribution but still biases the overall estimate.
* Random streams: every group draws from its own stream, seeded by the seed
  and a hash of the group's key (``group_stream``), so adding or removing
  groups (rolling windows, a new segment or window) never moves another
  group's interval; the calibration replicates are drawn once per model
  version from a stream keyed by the seed and the version alone.
* ``calibration_reliability``: the check that calibration holds on the
  reference: the map is fitted on one half of the reference events
  (``half = 0``), and per reference decile the held-out half's observed
  positive rate is compared with the mean calibrated probability (binomial
  z, p-value, Bonferroni across the deciles).
"""

from __future__ import annotations

import hashlib
import zlib

import numpy as np
import pandas as pd
from scipy.stats import binomtest, chi2

METRICS = ("accuracy", "precision", "recall", "f1", "auc")
GROUP_KEYS = ["model_id", "model_version", "window_grain", "segment_dimension", "segment_value", "window_start"]


def pool_adjacent_violators(y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted isotonic (non-decreasing) fit of ``y`` (ordered by x) by pool-adjacent-violators."""
    y = np.asarray(y, float)
    w = np.asarray(w, float)
    means: list[float] = []
    weights: list[float] = []
    sizes: list[int] = []
    for value, weight in zip(y, w, strict=True):
        means.append(value)
        weights.append(weight)
        sizes.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            total = weights[-2] + weights[-1]
            merged = (means[-2] * weights[-2] + means[-1] * weights[-1]) / total if total > 0 else means[-1]
            means[-2:] = [merged]
            weights[-2:] = [total]
            sizes[-2:] = [sizes[-2] + sizes[-1]]
    return np.repeat(np.asarray(means), np.asarray(sizes))


def fit_isotonic(score_bin: np.ndarray, n: np.ndarray, positives: np.ndarray, score_bins: int) -> np.ndarray:
    """Calibrated probability for every score bin 0..score_bins (array of length score_bins + 1).

    Bins without reference events are interpolated linearly between the
    nearest fitted bins and held flat beyond the fitted range. No reference
    event at all gives NaN everywhere."""
    grid = np.arange(score_bins + 1, dtype=float)
    keep = np.asarray(n, float) > 0
    if not keep.any():
        return np.full(score_bins + 1, np.nan)
    x = np.asarray(score_bin, float)[keep]
    order = np.argsort(x, kind="stable")
    x = x[order]
    weight = np.asarray(n, float)[keep][order]
    rate = np.asarray(positives, float)[keep][order] / weight
    fitted = pool_adjacent_violators(rate, weight)
    return np.interp(grid, x, fitted)


SHIFT_REASON_SCORE = "score_shift"
SHIFT_REASON_NO_REFERENCE = "segment_not_in_reference"
SHIFT_REASON_SEGMENT = "shift_in_segment"


def _key_text(value) -> str:
    """A key value as stable text: timestamps in ISO form (whatever type carried them), the rest as str."""
    if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "isoformat"):
        return pd.Timestamp(value).isoformat()
    return str(value)


def group_stream(seed: int, keys) -> np.random.Generator:
    """The random stream of one group: seeded by ``seed`` and a 128-bit hash (BLAKE2b) of the group's key values
    (GROUP_KEYS order), so it depends on nothing but the seed and the group's own identity: which other groups
    exist, and in which order they run, cannot move it."""
    text = "\x1f".join(_key_text(value) for value in keys)
    digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
    words = np.frombuffer(digest, dtype="<u4").tolist()
    return np.random.default_rng(np.random.SeedSequence([int(seed), *words]))


def calibration_stream(seed: int, model_id, model_version) -> np.random.Generator:
    """The stream of a model version's calibration replicates: the seed and the version's identity only (two
    entropy words; a group's stream has five, so their entropies differ)."""
    return np.random.default_rng([int(seed), zlib.crc32(f"{model_id}|{model_version}".encode())])


def _overall(reference: pd.DataFrame) -> pd.DataFrame:
    """The reference rows of overall traffic (segment `all`): what the calibration is fitted on."""
    if "segment_dimension" not in reference:
        return reference
    return reference[reference["segment_dimension"] == "all"]


def _reference_arrays(reference: pd.DataFrame, score_bins: int, half: int | None = None):
    ref = _overall(reference)
    ref = ref if half is None else ref[ref["half"] == half]
    counts = np.zeros(score_bins + 1)
    positives = np.zeros(score_bins + 1)
    bins = ref["score_bin"].to_numpy(int)
    np.add.at(counts, bins, ref["n_events"].to_numpy(float))
    np.add.at(positives, bins, ref["n_positive"].to_numpy(float))
    return counts, positives


def calibration_replicates(
    counts: np.ndarray, positives: np.ndarray, n_replicates: int, rng: np.random.Generator
) -> np.ndarray:
    """(n_replicates × bins) calibration maps refitted on Poisson-bootstrap replicates of the reference."""
    score_bins = len(counts) - 1
    grid = np.arange(score_bins + 1)
    negatives = counts - positives
    maps = np.empty((n_replicates, score_bins + 1))
    for r in range(n_replicates):
        pos = rng.poisson(positives)
        neg = rng.poisson(negatives)
        maps[r] = fit_isotonic(grid, pos + neg, pos, score_bins)
    return maps


def decile_edges(counts: np.ndarray, n_bins: int = 10) -> np.ndarray:
    """Reliability/PSI bin of every score bin: equal-frequency bins of the reference's scores."""
    total = counts.sum()
    if total <= 0:
        return np.zeros(len(counts), dtype=int)
    before = np.cumsum(counts) - counts
    return np.minimum((before / total * n_bins).astype(int), n_bins - 1)


def shift_test(reference_counts: np.ndarray, window_counts: np.ndarray) -> float:
    """p-value of the chi-square test that two count vectors (bins) come from one distribution (2 × k table)."""
    r = np.asarray(reference_counts, float)
    w = np.asarray(window_counts, float)
    keep = (r + w) > 0
    r, w = r[keep], w[keep]
    if len(r) < 2 or r.sum() <= 0 or w.sum() <= 0:
        return float("nan")
    total = r.sum() + w.sum()
    column = r + w
    expected_r = column * r.sum() / total
    expected_w = column * w.sum() / total
    stat = float(np.sum((r - expected_r) ** 2 / expected_r + (w - expected_w) ** 2 / expected_w))
    return float(chi2.sf(stat, len(r) - 1))


def population_stability_index(expected: np.ndarray, actual: np.ndarray, floor: float = 1e-4) -> float:
    """PSI = Σ (a - e) ln(a / e) over bins of two count vectors (shares floored at ``floor``)."""
    e = np.maximum(np.asarray(expected, float) / max(np.sum(expected), 1e-300), floor)
    a = np.maximum(np.asarray(actual, float) / max(np.sum(actual), 1e-300), floor)
    return float(np.sum((a - e) * np.log(a / e)))


def _metrics(pos1: np.ndarray, n1: np.ndarray, pos0: np.ndarray, n0: np.ndarray):
    """Metrics from (…, bins) arrays of positives among predicted-positive (1) and predicted-negative (0) events.

    Works on expected (fractional) counts and on simulated counts alike;
    returns a dict of arrays with the leading shape. AUC ranks by score bin,
    events of one bin tied (one half), as corridor's realized AUC does."""
    tp = pos1.sum(-1)
    fp = (n1 - pos1).sum(-1)
    fn = pos0.sum(-1)
    tn = (n0 - pos0).sum(-1)
    total = tp + fp + fn + tn
    with np.errstate(invalid="ignore", divide="ignore"):
        accuracy = (tp + tn) / total
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = 2 * tp / (2 * tp + fp + fn)
        pos = pos1 + pos0
        neg = (n1 + n0) - pos
        neg_below = np.cumsum(neg, -1) - neg
        auc = (pos * (neg_below + 0.5 * neg)).sum(-1) / (pos.sum(-1) * neg.sum(-1))
    return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1, "auc": auc}


def expected_metrics(n: np.ndarray, is_predicted_positive: np.ndarray, p: np.ndarray) -> dict:
    """The five metrics' expected values for events counted per score bin (``n``, ordered by score),
    their predicted class and their calibrated probability ``p``."""
    n = np.asarray(n, float)
    n1 = np.where(is_predicted_positive, n, 0.0)
    n0 = np.where(is_predicted_positive, 0.0, n)
    return _metrics(n1 * p, n1, n0 * p, n0)


def _segment_distributions(reference: pd.DataFrame, score_bins: int) -> dict:
    """{(segment_dimension, segment_value): (decile of every score bin, reference events per decile)}."""
    ref = (
        reference
        if "segment_dimension" in reference
        else reference.assign(segment_dimension="all", segment_value="all")
    )
    weight = "n_scored" if "n_scored" in ref else "n_events"
    out = {}
    for key, part in ref.groupby(["segment_dimension", "segment_value"], sort=True):
        counts = np.zeros(score_bins + 1)
        np.add.at(counts, part["score_bin"].to_numpy(int), part[weight].to_numpy(float))
        if counts.sum() > 0:
            deciles = decile_edges(counts)
            out[key] = (deciles, np.bincount(deciles, weights=counts, minlength=10))
    return out


def order_statistic_ranks(n_draws: int, level: float) -> tuple[int, int]:
    """0-based ranks (lower, upper) of the sorted draws that bound a ``level`` prediction interval.

    A new value exchangeable with ``n_draws`` draws falls between the a-th and b-th smallest of them (1-based) with
    probability (b - a) / (n_draws + 1); a = floor((1 - level) / 2 × (n_draws + 1)) and b = ceil((1 + level) / 2
    × (n_draws + 1)) make that at least ``level``. The draws' interpolated quantiles (np.quantile) cover less
    (0.855 for 90 % at 39 draws; tests/test_label_free.py)."""
    # 1e-9: (1 - 0.9) / 2 × 40 is 1.9999999999999996 in floating point, and is meant as 2
    lower = int(np.floor((1 - level) / 2 * (n_draws + 1) + 1e-9))
    upper = int(np.ceil((1 + level) / 2 * (n_draws + 1) - 1e-9))
    return max(lower, 1) - 1, min(upper, n_draws) - 1


def _draw_summaries(draws: dict, level: float) -> dict:
    """{metric: (standard deviation, interval lower, interval upper)} of a group's finite draws (None where too
    few); the interval's ends are the order statistics of ``order_statistic_ranks``."""
    stack = np.vstack([draws[metric] for metric in METRICS])
    if stack.shape[1] > 1 and np.isfinite(stack).all():
        se = stack.std(axis=1, ddof=1)
        lo, hi = order_statistic_ranks(stack.shape[1], level)
        ordered = np.sort(stack, axis=1)
        return {m: (float(se[i]), float(ordered[i, lo]), float(ordered[i, hi])) for i, m in enumerate(METRICS)}
    out = {}
    for i, metric in enumerate(METRICS):
        values = np.sort(stack[i][np.isfinite(stack[i])])
        if len(values):
            lo, hi = order_statistic_ranks(len(values), level)
            lower, upper = values[lo], values[hi]
        else:
            lower, upper = None, None
        out[metric] = (
            float(values.std(ddof=1)) if len(values) > 1 else None,
            float(lower) if lower is not None else None,
            float(upper) if upper is not None else None,
        )
    return out


def label_free_estimates(
    histograms: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    score_bins: int,
    level: float = 0.95,
    n_draws: int = 400,
    seed: int = 20261130,
    max_psi: float = 0.1,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Expected metrics per group with simulation intervals and the covariate-shift flag.

    ``histograms``: GROUP_KEYS + score_bin, predicted_class, n_events (every
    scored, error-free event, labelled or not). ``reference``: model_id,
    model_version, [segment_dimension, segment_value,] score_bin, half,
    [n_scored,] n_events, n_positive: the reference's scored events and its
    labelled events with their positives; the calibration is fitted on
    segment `all`, and each window is compared with its own segment's
    reference score distribution (deciles of it): ``is_shifted`` when the
    PSI exceeds ``max_psi`` *and* a chi-square test of the two distributions
    rejects at ``alpha`` (so a small window's sampling noise alone does not
    flag it); a segment absent from the reference is flagged too. Overall
    traffic is flagged besides when a segment of its window is
    (``overall_shift_flags``). ``shift_reason`` says why a row is flagged.

    Random streams. A group's Binomial draws come from its own stream
    (``group_stream``: the seed and a hash of the group's key values), so its
    interval is the same whether it runs alone, with other groups, or with
    rolling windows or new segments added. The calibration replicates (the
    map refitted on Poisson-bootstrap replicates of the reference, ``n_draws``
    of them) are shared by the version's groups by design: they are the
    uncertainty of one calibration, fitted once per version, and draw ``i`` of
    every group uses replicate ``i``. Their stream (``calibration_stream``) is
    keyed by the seed and the model version alone and they are drawn from the
    version's reference before any group, so no group can change them either.

    Returns one row per group × metric: GROUP_KEYS, metric, metric_value,
    standard_error, interval_lower, interval_upper, confidence_level,
    sample_size, reference_size, score_psi, shift_p_value, is_shifted,
    shift_reason."""
    columns = [
        *GROUP_KEYS,
        "metric",
        "metric_value",
        "standard_error",
        "interval_lower",
        "interval_upper",
        "confidence_level",
        "sample_size",
        "reference_size",
        "score_psi",
        "shift_p_value",
        "is_shifted",
        "shift_reason",
    ]
    rows: list[dict] = []
    groups: list[dict] = []
    for (model_id, version), ref in reference.groupby(["model_id", "model_version"], sort=True):
        counts, positives = _reference_arrays(ref, score_bins)
        if counts.sum() <= 0:
            continue
        point_map = fit_isotonic(np.arange(score_bins + 1), counts, positives, score_bins)
        maps = calibration_replicates(counts, positives, n_draws, calibration_stream(seed, model_id, version))
        distributions = _segment_distributions(ref, score_bins)
        mine = histograms[(histograms["model_id"] == model_id) & (histograms["model_version"] == version)]
        for keys, group in mine.groupby(GROUP_KEYS, sort=True):
            rng = group_stream(seed, keys)
            bins = group["score_bin"].to_numpy(int)
            order = np.argsort(bins, kind="stable")
            bins = bins[order]
            n = group["n_events"].to_numpy(float)[order]
            is_pos = group["predicted_class"].to_numpy(int)[order] == 1
            n1 = np.where(is_pos, n, 0.0)
            n0 = np.where(is_pos, 0.0, n)
            point = expected_metrics(n, is_pos, point_map[bins])
            # the replicate's deviation from the fitted map, reflected: the fitted map lies on the other side of
            # the truth (basic bootstrap), which also cancels the fit's own bias instead of doubling it
            p_draw = np.clip(2.0 * point_map[bins][None, :] - maps[:, bins], 0.0, 1.0)
            sim1 = rng.binomial(n1.astype(np.int64)[None, :], p_draw)
            sim0 = rng.binomial(n0.astype(np.int64)[None, :], p_draw)
            draws = _metrics(sim1.astype(float), n1[None, :], sim0.astype(float), n0[None, :])
            segment = distributions.get((keys[3], keys[4]))
            if segment is None:
                psi, shift_p = float("nan"), float("nan")
            else:
                psi_bin, ref_deciles = segment
                window_deciles = np.bincount(psi_bin[bins], weights=n, minlength=10)
                psi = population_stability_index(ref_deciles, window_deciles)
                shift_p = shift_test(ref_deciles, window_deciles)
            reason = (
                SHIFT_REASON_NO_REFERENCE
                if segment is None
                else (SHIFT_REASON_SCORE if psi > max_psi and shift_p < alpha else None)
            )
            groups.append(dict(zip(GROUP_KEYS, keys, strict=True), score_psi=psi, shift_p_value=shift_p, reason=reason))
            summaries = _draw_summaries(draws, level)
            for metric in METRICS:
                value = float(point[metric])
                se, lower, upper = summaries[metric]
                row = dict(zip(GROUP_KEYS, keys, strict=True))
                row.update(
                    metric=metric,
                    metric_value=value if np.isfinite(value) else None,
                    standard_error=se,
                    # the expected value is a ratio of expectations; in a tiny, skewed window it can fall just
                    # outside the draws' quantiles: the interval is widened to hold it
                    interval_lower=min(lower, value) if lower is not None else None,
                    interval_upper=max(upper, value) if upper is not None else None,
                    confidence_level=level,
                    sample_size=int(n.sum()),
                    reference_size=int(counts.sum()),
                    score_psi=psi,
                    shift_p_value=shift_p,
                )
                rows.append(row)
    out = pd.DataFrame(rows, columns=columns)
    if len(out):
        flags = overall_shift_flags(pd.DataFrame(groups), max_psi=max_psi, alpha=alpha)
        out = out.drop(columns=["is_shifted", "shift_reason"]).merge(flags, on=GROUP_KEYS, how="left", sort=False)
        out = out[columns]
    for name in ("metric_value", "standard_error", "interval_lower", "interval_upper", "score_psi", "shift_p_value"):
        out[name] = out[name].astype("Float64")  # NaN/None -> NA, so the warehouse gets NULL, never NaN
    out["is_shifted"] = out["is_shifted"].astype(bool)
    return out


def overall_shift_flags(groups: pd.DataFrame, *, max_psi: float, alpha: float) -> pd.DataFrame:
    """``is_shifted`` and ``shift_reason`` per group, overall traffic judged with its window's segments.

    ``groups``: GROUP_KEYS, score_psi, shift_p_value and ``reason`` (the
    group's own flag: ``score_shift`` when PSI > ``max_psi`` and p <
    ``alpha``, ``segment_not_in_reference``, or None). A segment row keeps its
    own flag. The overall row (segment_dimension ``all``) of a model version
    × grain × window is flagged when its own test flags it *or* when any
    segment value of any dimension in that window has PSI > ``max_psi`` and a
    p-value below ``alpha / m``, m the number of segment rows of the window
    with a test (Bonferroni: without a shift, the segments' m tests together
    flag the overall row with probability at most ``alpha``, as its own test
    does, instead of up to m × alpha). Its reason then names them:
    ``shift_in_segment: region=latam`` (sorted, comma-separated; after
    ``score_shift; `` when its own test flags it too). A segment absent from
    the reference is not carried to overall: there is nothing to test it
    against, and its events are in the overall distribution, which the
    overall's own test compares with the reference's."""
    window = ["model_id", "model_version", "window_grain", "window_start"]
    frame = groups.copy()
    is_overall = frame["segment_dimension"] == "all"
    tested = ~is_overall & frame["shift_p_value"].notna()
    frame["_tests"] = tested.astype(int).groupby([frame[k] for k in window], sort=False).transform("sum")
    carried = tested & (frame["score_psi"] > max_psi) & (frame["shift_p_value"] < alpha / frame["_tests"].clip(lower=1))
    named = frame[carried]
    names = (
        (named["segment_dimension"].astype(str) + "=" + named["segment_value"].astype(str))
        .groupby([named[k] for k in window], sort=False)
        .agg(lambda values: ", ".join(sorted(values)))
        .rename("_segments")
    )
    frame = frame.merge(names, left_on=window, right_index=True, how="left", sort=False)
    segments = frame["_segments"].where(is_overall)
    own = frame["reason"]
    carried_reason = SHIFT_REASON_SEGMENT + ": " + segments
    reason = np.where(
        segments.notna(),
        np.where(own.notna(), own.fillna("") + "; " + carried_reason.fillna(""), carried_reason),
        own,
    )
    frame["shift_reason"] = pd.Series(reason, index=frame.index).where(lambda r: r.notna(), None)
    frame["is_shifted"] = frame["shift_reason"].notna()
    return frame[[*GROUP_KEYS, "is_shifted", "shift_reason"]]


def calibration_reliability(reference: pd.DataFrame, *, score_bins: int, alpha: float = 0.05) -> pd.DataFrame:
    """Does the calibration hold on the reference? Fit on half 0, check per reference decile on half 1.

    One row per model version × decile: events and positives of the held-out
    half, the mean calibrated probability there (expected rate), the observed
    rate, z = (observed - expected) / sqrt(expected (1 - expected) / n), the
    two-sided p-value of the exact binomial test of the observed count at the
    expected rate, and ``holds`` (p above alpha / deciles: Bonferroni)."""
    rows: list[dict] = []
    for (model_id, version), ref in reference.groupby(["model_id", "model_version"], sort=True):
        fit_counts, fit_pos = _reference_arrays(ref, score_bins, half=0)
        test_counts, test_pos = _reference_arrays(ref, score_bins, half=1)
        all_counts, _ = _reference_arrays(ref, score_bins)
        if fit_counts.sum() <= 0 or test_counts.sum() <= 0:
            continue
        calibrated = fit_isotonic(np.arange(score_bins + 1), fit_counts, fit_pos, score_bins)
        decile = decile_edges(all_counts)
        n = np.bincount(decile, weights=test_counts, minlength=10)
        observed = np.bincount(decile, weights=test_pos, minlength=10)
        expected = np.bincount(decile, weights=test_counts * calibrated, minlength=10)
        score_sum = np.bincount(decile, weights=test_counts * np.arange(score_bins + 1) / score_bins, minlength=10)
        for d in range(10):
            if n[d] <= 0:
                continue
            rate_expected = expected[d] / n[d]
            rate_observed = observed[d] / n[d]
            se = np.sqrt(max(rate_expected * (1 - rate_expected), 0.25 / n[d]) / n[d])
            z = (rate_observed - rate_expected) / se
            # exact binomial test (rare classes: a handful of positives per decile)
            p_value = float(binomtest(int(observed[d]), int(n[d]), min(max(rate_expected, 1e-12), 1 - 1e-12)).pvalue)
            rows.append(
                dict(
                    model_id=model_id,
                    model_version=version,
                    reliability_bin=d,
                    heldout_events=int(n[d]),
                    heldout_positives=int(observed[d]),
                    mean_score=float(score_sum[d] / n[d]),
                    expected_rate=float(rate_expected),
                    observed_rate=float(rate_observed),
                    z_statistic=float(z),
                    p_value=p_value,
                    holds=bool(p_value > alpha / 10),
                )
            )
    return pd.DataFrame(
        rows,
        columns=[
            "model_id",
            "model_version",
            "reliability_bin",
            "heldout_events",
            "heldout_positives",
            "mean_score",
            "expected_rate",
            "observed_rate",
            "z_statistic",
            "p_value",
            "holds",
        ],
    )


__all__ = [
    "METRICS",
    "calibration_reliability",
    "expected_metrics",
    "fit_isotonic",
    "calibration_stream",
    "group_stream",
    "label_free_estimates",
    "order_statistic_ranks",
    "overall_shift_flags",
    "pool_adjacent_violators",
    "population_stability_index",
]
