"""Vectorized Poisson bootstrap of many groups at once, from sufficient statistics.

corridor's SQL reduces production events to per-group *histograms*: for each
model version × window × segment (a "group") and each family of per-event
values (latency, error flag, correctness, log-loss term, ...), the distinct
values and how many events carry each. Score histograms split by label are
the sufficient statistics of AUC. This module turns those histograms into
percentile and BCa bootstrap intervals for every group in one pass.

How it stays fast
-----------------
*Poisson bootstrap.* Each event gets an independent Poisson(1) weight per
replicate instead of a multinomial draw; the weights of the events of one
histogram bin add up to a Poisson(count) draw, so the histogram is all the
bootstrap needs (exactly, not approximately).

*One shared weight matrix.* The events of a group are laid out in a fixed
order (values ascending, bins contiguous). One matrix ``W`` of Poisson(1)
weights (replicates × positions) is drawn once for all groups, and its prefix
sums ``P`` (``P[:, j]`` = total weight of positions ``< j``) give the
resampled count of any bin as ``P[:, end] - P[:, start]``. Every group reads
the first ``n`` columns of the same matrix, which is a valid bootstrap for each
group (the weights are independent of the values). Linear statistics (means,
rates) are then one sparse matrix product; quantiles read the inverse of the
prefix sums (``units[t, b]``: the position holding resampled unit ``t``), so a
replicate quantile is two gathers, no search; AUC is a weighted Mann-Whitney
sum over the bins that hold positives, in exact integer arithmetic. Groups
larger than ``max_shared_events`` draw Poisson(count) per bin directly.

*Intervals.* Each metric's (groups × B) replicate matrix is sorted in place,
row by row, once; percentile and BCa endpoints, z0 and the bootstrap standard
error are read from the sorted rows.

*Closed-form jackknife.* BCa's acceleration needs the leave-one-out values of
the statistic. Events of one bin give the same leave-one-out value, so the
jackknife is computed per bin with multiplicities, in closed form for means,
root means, linear-interpolation quantiles and the Mann-Whitney AUC.

Definitions follow scipy.stats.bootstrap: percentile intervals at
``(1 - level) / 2`` and ``(1 + level) / 2`` with linear interpolation; BCa as in
Efron & Tibshirani (1993) eq. 14.10 with z0 from the "mean" percentile of the
estimate among the replicates and the jackknife acceleration. Replicates whose
statistic is undefined (e.g. zero resampled events) are left out.

Degenerate groups get degenerate or null intervals, by definition and without
invalid floating-point operations (no RuntimeWarning): a constant sample gives
the interval [value, value] for both methods (z0 = 0, acceleration 0); a group
of one or two events has no jackknife acceleration, so a null BCa interval; a
group with no valid replicate (no events, or AUC without both labels) has a
null estimate and null intervals. See ``intervals_from_replicates``.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import ndtr, ndtri

GROUP_KEYS = ["model_id", "model_version", "window_grain", "window_start", "segment_dimension", "segment_value"]

#: family of per-event values -> [(metric, statistic, parameter)]
FAMILY_METRICS: dict[str, list[tuple[str, str, float | None]]] = {
    "latency": [
        ("latency_mean", "mean", None),
        ("latency_p50", "quantile", 0.5),
        ("latency_p95", "quantile", 0.95),
        ("latency_p99", "quantile", 0.99),
    ],
    "error": [("error_rate", "mean", None)],
    "correct": [("accuracy", "mean", None)],
    "precision_hit": [("precision", "mean", None)],
    "recall_hit": [("recall", "mean", None)],
    "log_loss": [("log_loss", "mean", None)],
    "brier": [("brier_score", "mean", None)],
    "abs_error": [("mae", "mean", None)],
    "squared_error": [("rmse", "root_mean", None)],
    "score": [("auc", "auc", None)],
}

#: families whose every statistic is a mean of a continuous per-event value: a group above the asymptotic
#: threshold needs only its moments (``read_histograms_with_moments``), not one histogram row per distinct value
MOMENT_FAMILIES = ("abs_error", "brier", "log_loss")

DEFAULT_MAX_SHARED_EVENTS = 20_000
#: groups with more events than this get the asymptotic form of the bootstrap (means, root means, quantiles)
DEFAULT_ASYMPTOTIC_EVENTS = 20_000
_CHUNK_COLUMNS = 16_384
#: sparse products with fewer nonzeros than this run on one thread (starting threads costs more than they save)
_THREADED_NONZEROS = 100_000


# --------------------------------------------------------------------------- #
# Shared weights
# --------------------------------------------------------------------------- #
def _shared_weights(n_resamples: int, n_positions: int, seed: int, cache: dict | None) -> SharedWeights:
    """``SharedWeights(n_resamples, n_positions, seed)``, from ``cache`` when it holds that one (then kept there)."""
    if cache is None:
        return SharedWeights(n_resamples, n_positions, seed)
    key = (n_resamples, n_positions, seed)
    if key not in cache:
        cache.clear()  # one at a time: a batch reads one, and each holds (positions x resamples) integers twice
        cache[key] = SharedWeights(n_resamples, n_positions, seed)
    return cache[key]


class SharedWeights:
    """Prefix sums of one (positions × replicates) matrix of Poisson(1) weights.

    ``prefix[j]`` is the vector (one entry per replicate) of the total weight of
    positions ``< j``. Drawn position by position, so the first ``n`` positions
    are the same whatever the total: a group's replicates depend only on the
    seed, the number of resamples and its own data.
    """

    def __init__(self, n_resamples: int, n_positions: int, seed: int):
        rng = np.random.default_rng([seed, 0])
        n_positions = max(n_positions, 1)
        weights = rng.poisson(1.0, size=(n_positions, n_resamples)).astype(np.int32)
        self.prefix = np.zeros((n_positions + 1, n_resamples), dtype=np.int32)
        np.cumsum(weights, axis=0, out=self.prefix[1:])
        self.n_positions = n_positions
        self.n_resamples = n_resamples
        self._prefix_blocks: dict[int, list[np.ndarray]] = {}
        self._units = None

    @property
    def units(self) -> np.ndarray:
        """``units[t, b]``: the position holding resampled unit ``t`` (0-based) in replicate ``b``.

        The inverse of the prefix sums: position ``p`` holds units ``prefix[p, b] .. prefix[p + 1, b] - 1``.
        Because a group reads the first ``n`` positions, its resampled units are the first
        ``prefix[n, b]`` units of the whole replicate, so the event of rank ``t`` of a group's resample
        is at position ``units[t, b]`` whatever the group: a quantile replicate is two gathers, no search.
        Rows past a replicate's total hold the last position (never read: ranks stay below the total).
        """
        if self._units is None:
            totals = self.prefix[-1]
            depth = max(int(totals.max()), 1)
            dtype = np.int16 if self.n_positions <= np.iinfo(np.int16).max else np.int32
            positions = np.arange(self.n_positions, dtype=dtype)
            weights = np.diff(self.prefix, axis=0)
            by_replicate = np.full((self.n_resamples, depth), self.n_positions - 1, dtype=dtype)
            for b in range(self.n_resamples):
                by_replicate[b, : totals[b]] = np.repeat(positions, weights[:, b])
            # unit-major: a group's ranks lie in a narrow band, so its gathers touch few cache lines
            self._units = np.ascontiguousarray(by_replicate.T)
        return self._units

    def prefix_blocks(self, columns: int) -> list[np.ndarray]:
        """The prefix sums as float64, cut into contiguous blocks of ``columns`` replicates (the last may be
        narrower): made once, then read by every batch of groups (``_sparse_times_prefix``)."""
        if columns not in self._prefix_blocks:
            self._prefix_blocks[columns] = [
                np.ascontiguousarray(self.prefix[:, first : first + columns], dtype=np.float64)
                for first in range(0, self.n_resamples, columns)
            ]
        return self._prefix_blocks[columns]


# --------------------------------------------------------------------------- #
# Small helpers
# --------------------------------------------------------------------------- #
def _segment_starts(group: np.ndarray) -> np.ndarray:
    """Start index of each run of equal values in a sorted group-index array."""
    if group.size == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, group[1:] != group[:-1]])


def _within_group_cumsum(counts: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Inclusive cumulative sum of counts restarting at each group start."""
    total = np.cumsum(counts, dtype=np.int64)
    before = np.r_[0, total[:-1]][starts]
    lengths = np.diff(np.r_[starts, counts.size])
    return total - np.repeat(before, lengths)


def _linear_quantile_sorted(sorted_values: np.ndarray, valid: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """Row-wise linear-interpolation quantiles (numpy's default) of pre-sorted rows.

    ``sorted_values`` is (G, B) with invalid entries (NaN) sorted last; ``valid``
    is the number of valid entries per row; ``probs`` is (G,) or (G, k). Rows
    without a valid entry, and NaN probabilities, give NaN.
    """
    probs = np.asarray(probs, dtype=float)
    squeeze = probs.ndim == 1
    if squeeze:
        probs = probs[:, None]
    ok = (valid > 0)[:, None] & np.isfinite(probs)
    h = np.where(ok, probs, 0.0) * np.maximum(valid[:, None] - 1, 0)
    lo = np.floor(h).astype(np.int64)
    hi = np.minimum(lo + 1, np.maximum(valid[:, None] - 1, 0))
    rows = np.arange(sorted_values.shape[0])[:, None]
    a = sorted_values[rows, lo]
    b = sorted_values[rows, hi]
    out = np.where(ok, a + (h - lo) * (b - a), np.nan)
    return out[:, 0] if squeeze else out


def _value_at_rank(cum_counts: np.ndarray, values: np.ndarray, group_offset: np.ndarray, rank: np.ndarray):
    """Value of the element of (0-based) rank ``rank`` of each group's expanded histogram.

    ``cum_counts`` are global inclusive cumulative counts over all bins (groups
    contiguous); ``group_offset`` is the number of events before each group.
    """
    idx = np.searchsorted(cum_counts, group_offset + rank, side="right")
    return values[np.minimum(idx, values.size - 1)]


# --------------------------------------------------------------------------- #
# Replicate counts per bin
# --------------------------------------------------------------------------- #
@dataclass
class _Chunk:
    groups: np.ndarray  # group ids in this chunk
    bin_slice: slice  # bins of these groups (contiguous)


def _chunks(bin_group_start: np.ndarray, bins_per_group: np.ndarray, group_ids: np.ndarray, max_columns: int):
    """Split consecutive groups into chunks of at most ~max_columns bins."""
    chunks: list[_Chunk] = []
    i = 0
    while i < group_ids.size:
        j, width = i, 0
        while j < group_ids.size and (
            j == i or (group_ids[j] == group_ids[j - 1] + 1 and width + bins_per_group[group_ids[j]] <= max_columns)
        ):
            width += bins_per_group[group_ids[j]]
            j += 1
        g = group_ids[i:j]
        start = bin_group_start[g[0]]
        stop = bin_group_start[g[-1]] + bins_per_group[g[-1]]
        chunks.append(_Chunk(g, slice(start, stop)))
        i = j
    return chunks


def _replicate_bin_counts(
    counts: np.ndarray,
    local_ends: np.ndarray,
    local_bin_group: np.ndarray,
    shared: SharedWeights | None,
    n_resamples: int,
    seed: int,
    position_offset: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Resampled counts (B × bins) and their within-group inclusive cumulative sums.

    With ``shared``: bins are read from the shared prefix sums at their layout
    positions (``position_offset`` shifts a bin's positions, e.g. positives after
    negatives). Without: Poisson(count) per bin from one generator per group,
    seeded by the seed and the group's bin counts, so that a group's draws do not
    depend on the other groups of its chunk, nor on the groups computed with it
    (corridor.bootstrap_reuse computes the changed groups alone, and in batches).
    """
    starts_local = _segment_starts(local_bin_group)
    if shared is not None:
        ends = local_ends if position_offset is None else local_ends + position_offset
        starts = ends - counts
        draws = (shared.prefix[ends] - shared.prefix[starts]).T
    else:
        draws = np.empty((n_resamples, counts.size), dtype=np.int32)
        bounds = np.r_[starts_local, counts.size].tolist()
        for start, stop in zip(bounds[:-1], bounds[1:], strict=False):
            own = counts[start:stop]
            rng = np.random.default_rng([seed, 2, int(own.sum()), int(own.size)])
            draws[:, start:stop] = rng.poisson(own.astype(float), size=(n_resamples, own.size))
    cum = np.cumsum(draws, axis=1, dtype=np.int64)
    before = np.concatenate([np.zeros((draws.shape[0], 1), dtype=np.int64), cum[:, :-1]], axis=1)[:, starts_local]
    lengths = np.diff(np.r_[starts_local, counts.size])
    cum -= np.repeat(before, lengths, axis=1)
    return draws, cum


def _batched_first_reaching(cum: np.ndarray, local_bin_group: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """For each replicate b and group g: index (into the chunk's bins) of the first bin of g
    whose cumulative resampled count reaches ``targets[b, g]`` (an int ≥ 1)."""
    n_b, n_bins = cum.shape
    n_g = targets.shape[1]
    span = int(cum.max(initial=0)) + int(targets.max(initial=0)) + 2
    group_of_col = local_bin_group.astype(np.int64)
    keyed = cum + group_of_col[None, :] * span + (np.arange(n_b, dtype=np.int64) * n_g * span)[:, None]
    flat = keyed.ravel()
    t = (
        targets
        + np.arange(n_g, dtype=np.int64)[None, :] * span
        + (np.arange(n_b, dtype=np.int64) * n_g * span)[:, None]
    )
    idx = np.searchsorted(flat, t.ravel(), side="left").reshape(n_b, n_g)
    return idx - (np.arange(n_b, dtype=np.int64) * n_bins)[:, None]


# --------------------------------------------------------------------------- #
# Statistics of value histograms
# --------------------------------------------------------------------------- #
def _value_family(
    group: np.ndarray,
    values: np.ndarray,
    counts: np.ndarray,
    stats: list[tuple[str, float | None]],
    n_resamples: int,
    seed: int,
    shared: SharedWeights | None,
    max_shared_events: int,
    asymptotic_events: int | None = None,
):
    """Estimates, replicates (G × B) and jackknife accelerations for each statistic.

    ``group`` (dense ids 0..G-1), ``values`` and ``counts`` are per bin, sorted by
    group then value.
    """
    n_groups = int(group.max()) + 1 if group.size else 0
    starts = _segment_starts(group)
    bins_per_group = np.diff(np.r_[starts, group.size])
    n = np.bincount(group, weights=counts, minlength=n_groups).astype(np.int64)
    # means are computed about each group's smallest value (its first bin): exact for a constant sample
    # (its estimate, leave-one-out values and replicates are that value, not a rounding of it)
    low = values[starts] if group.size else np.zeros(0)
    centred = values - low[group]
    s = np.bincount(group, weights=counts * centred, minlength=n_groups)
    cum_global = np.cumsum(counts, dtype=np.int64)
    group_offset = np.r_[0, np.cumsum(n)[:-1]].astype(np.int64)
    local_ends = _within_group_cumsum(counts, starts)

    results = {}
    for stat, q in stats:
        results[(stat, q)] = {"estimate": np.full(n_groups, np.nan), "replicates": None, "acceleration": None}

    # point estimates and jackknife accelerations (closed form, per bin)
    bin_n = n[group]
    for stat, q in stats:
        res = results[(stat, q)]
        if stat in ("mean", "root_mean"):
            mean = np.divide(s, n, out=np.full(n_groups, np.nan), where=n > 0) + low
            loo = np.divide(s[group] - centred, bin_n - 1, out=np.full(group.size, np.nan), where=bin_n > 1)
            loo += low[group]
            if stat == "root_mean":
                mean, loo = np.sqrt(mean), np.sqrt(np.maximum(loo, 0.0))
            res["estimate"] = mean
            res["acceleration"] = _acceleration(group, loo, counts, n_groups)
        else:
            res["estimate"] = _quantile_from_histogram(cum_global, values, group_offset, n, q)
            res["acceleration"] = _quantile_acceleration(cum_global, values, group_offset, n, q)

    # replicates
    reps = {key: np.empty((n_groups, n_resamples)) for key in results}  # every row is written below
    for key in reps:
        reps[key][n == 0] = np.nan
    ids = np.arange(n_groups)
    asymptotic = ids[n > asymptotic_events] if asymptotic_events is not None else ids[:0]
    small = ids[(n <= max_shared_events) & (n > 0)] if shared is not None else ids[:0]
    small = np.setdiff1d(small, asymptotic)
    large = np.setdiff1d(ids[n > 0], np.union1d(small, asymptotic))
    if asymptotic.size:
        _asymptotic_value_replicates(
            group, centred, low, counts, cum_global, values, group_offset, n, asymptotic, stats, reps, n_resamples, seed
        )
    if small.size:
        _shared_value_replicates(shared, group, values, centred, low, counts, local_ends, n, small, stats, reps)
    for chunk in _chunks(starts, bins_per_group, large, _CHUNK_COLUMNS):
        sl = chunk.bin_slice
        uniq, g_local = np.unique(group[sl], return_inverse=True)
        draws, cum = _replicate_bin_counts(counts[sl], local_ends[sl], g_local, None, n_resamples, seed)
        local_starts = _segment_starts(g_local)
        last = np.r_[local_starts[1:], g_local.size] - 1
        n_star = cum[:, last].astype(float)  # B × Gc
        for stat, q in stats:
            if stat in ("mean", "root_mean"):
                sums = np.add.reduceat(draws * centred[sl][None, :], local_starts, axis=1)
                theta = np.divide(sums, n_star, out=np.full(sums.shape, np.nan), where=n_star > 0)
                theta += low[uniq][None, :]
                if stat == "root_mean":
                    theta = np.sqrt(theta)
            else:
                theta = _replicate_quantiles(cum, g_local, values[sl], n_star, q)
            theta[n_star == 0] = np.nan
            reps[(stat, q)][uniq] = theta.T
    for key in results:
        results[key]["replicates"] = reps[key]
    return n, results


def asymptotic_normal_draws(n_resamples: int, seed: int) -> np.ndarray:
    """The B standard normal draws every asymptotic group shares (a group's replicates then depend only
    on the seed, the number of resamples and its own data, as with the shared Poisson weights)."""
    return np.random.default_rng([seed, 3]).standard_normal(n_resamples)


def _asymptotic_value_replicates(
    group, centred, low, counts, cum_global, values, group_offset, n, members, stats, reps, n_resamples, seed
):
    """Replicates of the large groups ``members`` from the bootstrap distribution's asymptotic form.

    Cost O(bins + B) per group instead of O(bins × B): the Poisson bootstrap of a group of n events
    (n above ``asymptotic_events``) is replaced by draws from the distribution it converges to,
    computed from the same histogram (sufficient statistics):

    * mean: x̄* - x̄ = T / N* with T = sum_b P_b (v_b - x̄), P_b ~ Poisson(c_b), N* = sum_b P_b.
      T has mean 0, variance n m2 and third cumulant n m3 (every cumulant of a Poisson is its mean),
      and Cov(T, N*) = 0, so x̄* - x̄ = T / n (1 + O(n^-1/2)) with cumulants m2 / n and m3 / n^2 up to
      O(n^-1) relative terms. Its replicates are the one-term Cornish-Fisher expansion
      x̄ + se (z + γ (z² - 1) / 6), se = sqrt(m2 / n), γ = m3 / (m2^1.5 sqrt(n)), z ~ N(0, 1);
      root means (RMSE) are the square roots of those replicates.
    * q-quantile: the resampled share of events at or below x is asymptotically normal with mean F(x)
      and variance F(1 - F) / n (same Poisson argument), so the replicate quantile is the sample's own
      linear-interpolation quantile function at q + sqrt(q (1 - q) / n) z (clipped to [0, 1]): no
      density estimate, and ties behave as in the bootstrap (the replicates stay on the sample's values).

    Estimates and jackknife accelerations are the exact ones (computed by the caller), so the
    percentile and BCa intervals are read from these replicates like any others. Their coverage equals
    the Poisson bootstrap's within simulation error (python/tests/test_bootstrap.py,
    test_asymptotic_large_groups_cover_like_the_bootstrap).
    """
    z = asymptotic_normal_draws(n_resamples, seed)
    n_groups = n.size
    member = np.zeros(n_groups, dtype=bool)
    member[members] = True
    in_bins = member[group]
    g, c, v = group[in_bins], counts[in_bins].astype(float), centred[in_bins]
    size = n[members].astype(float)
    group_mean = np.bincount(g, weights=c * v, minlength=n_groups) / np.maximum(n, 1)
    mean = group_mean[members]
    d = v - group_mean[g]
    m2 = np.bincount(g, weights=c * d * d, minlength=n_groups)[members] / size
    m3 = np.bincount(g, weights=c * d * d * d, minlength=n_groups)[members] / size
    for stat, q in stats:
        if stat in ("mean", "root_mean"):
            theta = _cornish_fisher_replicates(low[members] + mean, m2, m3, size, z)
            if stat == "root_mean":
                theta = np.sqrt(np.maximum(theta, 0.0))
        else:
            p = np.clip(q + np.sqrt(q * (1 - q) / size)[:, None] * z[None, :], 0.0, 1.0)
            h = p * (size - 1)[:, None]
            lo = np.floor(h)
            frac = h - lo
            lo = lo.astype(np.int64)
            hi = np.minimum(lo + 1, (n[members] - 1)[:, None])
            offset = group_offset[members][:, None]
            a = _value_at_rank(cum_global, values, offset, lo)
            b = _value_at_rank(cum_global, values, offset, hi)
            theta = a + frac * (b - a)
        reps[(stat, q)][members] = theta


def _cornish_fisher_replicates(mean, m2, m3, n, z):
    """The asymptotic replicates of a mean (G × B): mean + se (z + γ (z² - 1) / 6), se = sqrt(m2 / n),
    γ = m3 / (m2^1.5 sqrt(n)) (0 for a constant sample), for the groups' means, second and third central
    moments and sizes (each of length G) and the B shared normal draws ``z``."""
    se = np.sqrt(m2 / n)
    skew = np.divide(m3, m2**1.5 * np.sqrt(n), out=np.zeros(np.shape(n)), where=m2 > 0)
    return mean[:, None] + se[:, None] * (z[None, :] + skew[:, None] * (z[None, :] ** 2 - 1) / 6)


def _shared_value_replicates(shared, group, values, centred, low, counts, local_ends, n, members, stats, reps):
    """Replicates of the groups ``members`` read from the shared prefix sums.

    Linear statistics, about the group's smallest value m (``centred`` = v - m, ``low`` = m):
    sum* = sum_b v_b (P[end_b] - P[start_b]) = sum_b P[end_b] (v_b - v_{b+1}) (bins of a group are
    contiguous), i.e. one sparse matrix (groups × positions) times the dense prefix matrix.
    Quantiles: the event of rank t of a group's resample sits at position ``shared.units[t, b]`` (the
    inverse of the prefix sums), so each replicate quantile is two gathers, computed for all quantiles of
    a block of groups in one pass over the block's resampled sizes.
    """
    from scipy import sparse

    member = np.zeros(n.size, dtype=bool)
    member[members] = True
    sizes = n[members]
    n_b = shared.n_resamples
    every = members.size == n.size  # then write the replicate arrays directly, without a copy
    quantiles = [(stat, q) for stat, q in stats if stat == "quantile"]
    for stat, q in stats:
        if stat not in ("mean", "root_mean"):
            continue
        in_bins = member[group]
        g_b, v_b, e_b = group[in_bins], centred[in_bins], local_ends[in_bins]
        row_of = np.full(n.size, -1, dtype=np.int64)
        row_of[members] = np.arange(members.size)
        last_of_group = np.r_[g_b[1:] != g_b[:-1], True]
        v_next = np.where(last_of_group, 0.0, np.r_[v_b[1:], 0.0])
        coef = sparse.csr_matrix((v_b - v_next, (row_of[g_b], e_b)), shape=(members.size, shared.prefix.shape[0]))
        theta = _sparse_times_prefix(coef, shared)
        n_star = shared.prefix[sizes]
        np.divide(theta, n_star, out=theta, where=n_star > 0)
        theta += low[members][:, None]
        theta[n_star == 0] = np.nan
        if stat == "root_mean":
            np.sqrt(theta, out=theta)
        if every:
            reps[(stat, q)] = theta
        else:
            reps[(stat, q)][members] = theta
    if not quantiles:
        return
    units = shared.units.ravel()  # unit-major: index t * B + b
    # the value at every event position of the member groups only (the others, e.g. the large groups of the
    # asymptotic form, can hold most of the batch's events); padded, because a replicate without events (n* = 0,
    # set to NaN below) reads the position of unit 0 of the whole replicate, which may lie past its group
    in_members = member[group]
    expanded = np.concatenate([np.repeat(values[in_members], counts[in_members]), np.zeros(shared.n_positions)])
    # each member's first event position in `expanded` (members ascend, and a group's bins are contiguous)
    member_offset = np.zeros(n.size, dtype=np.int64)
    member_offset[members] = np.r_[0, np.cumsum(sizes)[:-1]]
    small_index = units.size < 2**31 and expanded.size < 2**31
    index = np.int32 if small_index else np.int64
    columns = np.arange(n_b, dtype=index)[None, :]
    block = max(1, 256_000 // n_b)  # groups per block: the block's (groups × B) arrays stay in cache
    out = {key: reps[key] if every else np.empty((members.size, n_b)) for key in quantiles}
    for first in range(0, members.size, block):
        part = slice(first, first + block)
        n_star = shared.prefix[sizes[part]]  # g × B resampled sizes
        top = n_star - 1
        np.maximum(top, 0, out=top)
        top_float = top.astype(np.float64)
        empty = n_star == 0
        base = member_offset[members[part]].astype(index)[:, None]
        for key in quantiles:
            h = top_float * key[1]
            lo = h.astype(index)  # floor: h >= 0
            frac = h
            frac -= lo
            hi = lo + 1
            np.minimum(hi, top, out=hi)
            lo *= n_b
            lo += columns
            hi *= n_b
            hi += columns
            at = units.take(lo).astype(index)
            at += base
            a = expanded.take(at)
            theta = out[key][part]
            at = units.take(hi).astype(index)
            at += base
            expanded.take(at, out=theta)
            theta -= a
            theta *= frac
            theta += a
            theta[empty] = np.nan
    if not every:
        for key in quantiles:
            reps[key][members] = out[key]


def _available_cores() -> int:
    """The cores this process may run on (its CPU affinity, which containers and taskset narrow; the machine's
    count where the platform has no affinity)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def _sparse_times_prefix(coef, shared, columns: int = 128) -> np.ndarray:
    """``coef @ prefix`` (groups × B, float64), by blocks of replicates: a block of the prefix matrix
    stays in cache while every group reads it. The blocks are shared among threads (scipy's sparse
    product releases the GIL; each block's product is the same whichever thread computes it)."""
    out = np.empty((coef.shape[0], shared.n_resamples))
    blocks = shared.prefix_blocks(columns)

    def product(index: int) -> None:
        block = blocks[index]
        out[:, index * columns : index * columns + block.shape[1]] = coef @ block

    threads = min(len(blocks), _available_cores())
    if threads < 2 or coef.nnz < _THREADED_NONZEROS:
        for index in range(len(blocks)):
            product(index)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(product, range(len(blocks))))
    return out


def _quantile_from_histogram(cum_global, values, group_offset, n, q):
    h = np.maximum(n - 1, 0) * q
    lo = np.floor(h).astype(np.int64)
    hi = np.minimum(lo + 1, np.maximum(n - 1, 0))
    a = _value_at_rank(cum_global, values, group_offset, lo)
    b = _value_at_rank(cum_global, values, group_offset, hi)
    out = a + (h - lo) * (b - a)
    return np.where(n > 0, out, np.nan)


def _replicate_quantiles(cum, g_local, values, n_star, q):
    h = np.maximum(n_star - 1, 0) * q
    lo = np.floor(h)
    frac = h - lo
    lo = lo.astype(np.int64)
    hi = np.minimum(lo + 1, np.maximum(n_star.astype(np.int64) - 1, 0))
    idx_lo = _batched_first_reaching(cum, g_local, lo + 1)
    idx_hi = _batched_first_reaching(cum, g_local, hi + 1)
    idx_lo = np.clip(idx_lo, 0, values.size - 1)
    idx_hi = np.clip(idx_hi, 0, values.size - 1)
    a, b = values[idx_lo], values[idx_hi]
    return a + frac * (b - a)


def _quantile_acceleration(cum_global, values, group_offset, n, q):
    """Jackknife acceleration of the linear-interpolation q-quantile, in closed form.

    Removing the element of rank r from n sorted values leaves m = n - 1 values;
    with h = (m - 1) q, k = floor(h), f = h - k the leave-one-out quantile is
    x'_k + f (x'_{k+1} - x'_k), where x'_i = x_i for i < r and x_{i+1} otherwise.
    It takes three values: r <= k (k + 1 ranks), r = k + 1 (1 rank), r >= k + 2.
    """
    m = np.maximum(n - 1, 1)
    h = (m - 1) * q
    k = np.floor(h).astype(np.int64)
    f = h - k

    def x(rank):
        return _value_at_rank(cum_global, values, group_offset, np.clip(rank, 0, np.maximum(n - 1, 0)))

    def combo(i, j):
        # value with x'_k = x_i and x'_{k+1} = x_j (x'_{k+1} only matters when f > 0)
        return x(i) + f * (x(j) - x(i))

    t_low = combo(k + 1, k + 2)
    t_mid = combo(k, k + 2)
    t_high = combo(k, k + 1)
    w_low = (k + 1).astype(float)
    w_mid = np.ones_like(w_low)
    w_high = np.maximum(n - k - 2, 0).astype(float)
    w_total = w_low + w_mid + w_high
    mean = (w_low * t_low + w_mid * t_mid + w_high * t_high) / w_total
    d = np.stack([mean - t_low, mean - t_mid, mean - t_high])
    w = np.stack([w_low, w_mid, w_high])
    num = (w * d * d * d).sum(axis=0)
    den = (w * d * d).sum(axis=0)
    # a = 0 when the leave-one-out values do not vary (the three are exact data values: den is then 0)
    a = np.divide(num, 6.0 * den**1.5, out=np.zeros(n.size), where=np.isfinite(den) & (den > 0))
    return np.where(n > 2, a, np.nan)


def _acceleration(group, loo, multiplicity, n_groups):
    """a = sum m d^3 / (6 (sum m d^2)^1.5), d = mean(loo) - loo, per group.

    Null below 3 events; 0 when the leave-one-out values do not vary (relative spread
    under 1e-9: what is left is rounding, e.g. a constant sample).
    """
    ok = np.isfinite(loo)
    g, v, m = (group, loo, multiplicity) if ok.all() else (group[ok], loo[ok], multiplicity[ok])
    m = m.astype(float)
    total = np.bincount(g, weights=m, minlength=n_groups)
    mean = np.divide(np.bincount(g, weights=m * v, minlength=n_groups), total, out=np.zeros(n_groups), where=total > 0)
    d = mean[g] - v
    md2 = m * d * d
    den = np.bincount(g, weights=md2, minlength=n_groups)
    md2 *= d
    num = np.bincount(g, weights=md2, minlength=n_groups)
    varies = den > 1e-18 * total * mean * mean
    a = np.divide(num, 6.0 * den**1.5, out=np.zeros(n_groups), where=varies & (den > 0))
    return np.where(total > 2, a, np.nan)


# --------------------------------------------------------------------------- #
# AUC from score histograms
# --------------------------------------------------------------------------- #
def _auc_family(group, score_bin, n_pos, n_neg, n_resamples, seed, shared, max_shared_events, asymptotic_events=None):
    """Mann-Whitney AUC (ties count 1/2) of each group's score histogram, its
    Poisson-bootstrap replicates (G × B) and jackknife acceleration.

    Groups above ``asymptotic_events`` get the bootstrap's asymptotic (normal) form instead of
    resampling: AUC + sqrt(S10 / n_pos + S01 / n_neg) z, with S10 and S01 the plug-in variances of the
    positives' and negatives' placements (DeLong's structural components; the Poisson bootstrap's
    variance of the Mann-Whitney statistic converges to it), from the histogram in O(bins)."""
    n_groups = int(group.max()) + 1 if group.size else 0
    starts = _segment_starts(group)
    bins_per_group = np.diff(np.r_[starts, group.size])
    tot_pos = np.bincount(group, weights=n_pos, minlength=n_groups)
    tot_neg = np.bincount(group, weights=n_neg, minlength=n_groups)
    cum_neg = _within_group_cumsum(n_neg, starts)  # inclusive
    cum_pos = _within_group_cumsum(n_pos, starts)
    neg_below = cum_neg - n_neg
    pos_above = tot_pos[group] - cum_pos
    u = np.bincount(group, weights=n_pos * (neg_below + 0.5 * n_neg), minlength=n_groups)
    pairs = tot_pos * tot_neg
    estimate = np.divide(u, pairs, out=np.full(n_groups, np.nan), where=pairs > 0)

    # jackknife: drop one positive of bin b, or one negative of bin b
    pg, ng = tot_pos[group], tot_neg[group]
    pairs_pos, pairs_neg = (pg - 1) * ng, pg * (ng - 1)  # pairs left without one positive / negative
    loo_pos = np.divide(
        u[group] - (neg_below + 0.5 * n_neg), pairs_pos, out=np.full(group.size, np.nan), where=pairs_pos > 0
    )
    loo_neg = np.divide(
        u[group] - (pos_above + 0.5 * n_pos), pairs_neg, out=np.full(group.size, np.nan), where=pairs_neg > 0
    )
    loo = np.r_[loo_pos, loo_neg]
    mult = np.r_[n_pos, n_neg].astype(float)
    gg = np.r_[group, group]
    keep = (mult > 0) & np.isfinite(loo)
    acceleration = _acceleration(gg[keep], loo[keep], mult[keep], n_groups)

    n = (tot_pos + tot_neg).astype(np.int64)
    ids = np.arange(n_groups)
    valid = pairs > 0
    reps = np.empty((n_groups, n_resamples))  # rows of valid groups are written below
    reps[~valid] = np.nan
    asymptotic = ids[valid & (n > asymptotic_events)] if asymptotic_events is not None else ids[:0]
    small = ids[valid & (n <= max_shared_events)] if shared is not None else ids[:0]
    small = np.setdiff1d(small, asymptotic)
    large = np.setdiff1d(ids[valid], np.union1d(small, asymptotic))
    if asymptotic.size:
        place_pos = (neg_below + 0.5 * n_neg) / np.maximum(tot_neg[group], 1)  # a positive's share of negatives below
        place_neg = (pos_above + 0.5 * n_pos) / np.maximum(tot_pos[group], 1)  # a negative's share of positives above
        est = np.nan_to_num(estimate)
        s10 = np.bincount(group, weights=n_pos * (place_pos - est[group]) ** 2, minlength=n_groups)
        s01 = np.bincount(group, weights=n_neg * (place_neg - est[group]) ** 2, minlength=n_groups)
        a_pos, a_neg = tot_pos[asymptotic], tot_neg[asymptotic]
        se = np.sqrt(s10[asymptotic] / a_pos**2 + s01[asymptotic] / a_neg**2)
        reps[asymptotic] = estimate[asymptotic][:, None] + se[:, None] * asymptotic_normal_draws(n_resamples, seed)
    if small.size:
        _shared_auc_replicates(shared, group, n_pos, n_neg, cum_pos, cum_neg, tot_pos, tot_neg, small, reps)
    for use_shared, members in ((False, large),):
        for chunk in _chunks(starts, bins_per_group, members, _CHUNK_COLUMNS // 2):
            sl = chunk.bin_slice
            uniq, g_local = np.unique(group[sl], return_inverse=True)
            ends_neg = cum_neg[sl]
            # negatives occupy positions [0, n_neg); positives follow them
            neg_draws, neg_cum = _replicate_bin_counts(
                n_neg[sl], ends_neg, g_local, shared if use_shared else None, n_resamples, seed
            )
            pos_draws, pos_cum = _replicate_bin_counts(
                n_pos[sl],
                cum_pos[sl],
                g_local,
                shared if use_shared else None,
                n_resamples,
                seed + 7919,
                position_offset=tot_neg[group[sl]].astype(np.int64),
            )
            local_starts = _segment_starts(g_local)
            last = np.r_[local_starts[1:], g_local.size] - 1
            neg_star = neg_cum[:, last].astype(float)
            pos_star = pos_cum[:, last].astype(float)
            twice_u = np.add.reduceat(pos_draws * (2 * neg_cum - neg_draws), local_starts, axis=1)
            pairs = pos_star * neg_star
            theta = np.divide(0.5 * twice_u, pairs, out=np.full(pairs.shape, np.nan), where=pairs > 0)
            reps[uniq] = theta.T
    return n, estimate, reps, acceleration


def _shared_auc_replicates(shared, group, n_pos, n_neg, cum_pos, cum_neg, tot_pos, tot_neg, members, reps):
    """AUC replicates of the groups ``members`` from the shared prefix sums.

    Layout: a group's negatives occupy positions [0, n_neg) by score bin, its positives follow. Only bins
    holding positives contribute: 2 U* = sum_b pos_b* (P[neg start_b] + P[neg end_b]), with
    pos_b* = P[n_neg + pos end_b] - P[n_neg + pos start_b]; all are row gathers of the prefix matrix.
    """
    member = np.zeros(tot_pos.size, dtype=bool)
    member[members] = True
    sel = np.flatnonzero(member[group] & (n_pos > 0))
    g = group[sel]
    offset = tot_neg[g].astype(np.int64)
    prefix = shared.prefix
    neg_end = cum_neg[sel]
    neg_start = neg_end - n_neg[sel]
    pos_end = offset + cum_pos[sel]
    pos_start = pos_end - n_pos[sel]
    # exact integer arithmetic: a product is at most total × 2 total (int32 while that fits), sums in int64
    total = int(prefix[-1].max())
    work = np.int32 if 2 * total * total < np.iinfo(np.int32).max else np.int64
    twice_u = np.zeros((members.size, prefix.shape[1]), dtype=np.int64)
    row_of = np.full(tot_pos.size, -1, dtype=np.int64)
    row_of[members] = np.arange(members.size)
    block = max(1, 4_000_000 // prefix.shape[1])
    for start in range(0, sel.size, block):
        part = slice(start, start + block)
        contrib = prefix[pos_end[part]].astype(work)
        contrib -= prefix[pos_start[part]]
        neg = prefix[neg_start[part]].astype(work)
        neg += prefix[neg_end[part]]
        contrib *= neg
        rows = row_of[g[part]]
        run_starts = _segment_starts(rows)
        twice_u[rows[run_starts]] += np.add.reduceat(contrib, run_starts, axis=0, dtype=np.int64)
    n_neg_star = prefix[tot_neg[members].astype(np.int64)].astype(np.float64)
    n_pos_star = prefix[(tot_neg + tot_pos)[members].astype(np.int64)] - n_neg_star
    pairs = n_pos_star * n_neg_star
    reps[members] = np.divide(0.5 * twice_u, pairs, out=np.full(pairs.shape, np.nan), where=pairs > 0)


# --------------------------------------------------------------------------- #
# Intervals from replicates
# --------------------------------------------------------------------------- #
def intervals_from_replicates(
    estimate: np.ndarray, replicates: np.ndarray, acceleration: np.ndarray, level: float, overwrite: bool = False
) -> dict[str, np.ndarray]:
    """Percentile and BCa intervals for each row of ``replicates`` (G × B).

    Undefined replicates (NaN) are left out. Degenerate rows get degenerate or null
    intervals, computed without invalid arithmetic (no RuntimeWarning):

    * no valid replicate: every output null (``valid_resamples`` 0);
    * one valid replicate: the percentile interval is that value, the standard error is null;
    * all replicates equal (e.g. a constant sample): the percentile interval is that
      value twice; BCa too (z0 = 0, acceleration 0) when the acceleration is defined;
    * BCa is null where the estimate is null, z0 is infinite (the estimate lies
      outside every replicate), or the acceleration is undefined (n < 3).

    With ``overwrite`` the rows of ``replicates`` are sorted in place (no copy).
    """
    alpha = (1 - level) / 2
    n_rows, n_b = replicates.shape
    ordered = replicates if overwrite else replicates.copy()
    ordered.sort(axis=1)  # NaN (undefined replicates) last
    partial = np.isnan(ordered[:, -1])  # NaN sorts last: a row holds an undefined replicate iff its last does
    valid = np.full(n_rows, n_b, dtype=np.int64)
    if partial.any():
        valid[partial] = n_b - np.count_nonzero(np.isnan(ordered[partial]), axis=1)
    some = valid > 0
    pct = _linear_quantile_sorted(ordered, valid, np.tile([alpha, 1 - alpha], (n_rows, 1)))

    # BCa: z0 from the "mean" percentile of the estimate among the replicates (ties count 1/2)
    below = np.count_nonzero(ordered < estimate[:, None], axis=1) + np.count_nonzero(
        ordered <= estimate[:, None], axis=1
    )
    frac = np.divide(below, 2.0 * valid, out=np.full(n_rows, np.nan), where=some)
    z0 = ndtri(frac)  # -inf / +inf at 0 / 1 (scipy.special: no warning)
    ok = np.isfinite(z0) & np.isfinite(acceleration)
    z = ndtri(np.array([alpha, 1 - alpha]))
    num = np.where(ok, z0, 0.0)[:, None] + z[None, :]
    denominator = 1 - np.where(ok, acceleration, 0.0)[:, None] * num
    shift = np.divide(num, denominator, out=np.full(num.shape, np.nan), where=ok[:, None] & (denominator != 0))
    adj = ndtr(np.where(ok, z0, 0.0)[:, None] + shift)  # NaN stays NaN
    bca = _linear_quantile_sorted(ordered, valid, adj)

    # bootstrap standard error (ddof 1) over the valid replicates, about each row's smallest replicate (so a
    # constant row gives exactly 0); NaN entries (the last ``B - valid`` of a sorted row) add nothing.
    # The sorted rows are not needed any more: the deviations take their place.
    deviations = ordered
    deviations -= np.where(some, ordered[:, 0], 0.0)[:, None]
    total = deviations.sum(axis=1)
    if partial.any():
        total[partial] = np.nansum(deviations[partial], axis=1)
    deviations -= np.divide(total, valid, out=np.zeros(n_rows), where=some)[:, None]
    if partial.any():
        deviations[np.isnan(deviations)] = 0.0
    squares = np.einsum("ij,ij->i", deviations, deviations)
    sd = np.sqrt(np.divide(squares, valid - 1, out=np.full(n_rows, np.nan), where=valid > 1))
    return {
        "percentile_lower": pct[:, 0],
        "percentile_upper": pct[:, 1],
        "bca_lower": bca[:, 0],
        "bca_upper": bca[:, 1],
        "bias_correction": z0,
        "acceleration": acceleration,
        "standard_error": sd,
        "valid_resamples": valid,
    }


# --------------------------------------------------------------------------- #
# Public entry point
# --------------------------------------------------------------------------- #
def bootstrap_intervals(
    histograms: pd.DataFrame,
    n_resamples: int = 1000,
    level: float = 0.95,
    seed: int = 20261127,
    max_shared_events: int = DEFAULT_MAX_SHARED_EVENTS,
    return_replicates: bool = False,
    asymptotic_events: int | None = DEFAULT_ASYMPTOTIC_EVENTS,
    key_table: pd.DataFrame | None = None,
    moments: pd.DataFrame | None = None,
    shared_weights: dict | None = None,
):
    """Percentile and BCa bootstrap intervals for every group × metric of ``histograms``.

    ``histograms`` has the group keys (``GROUP_KEYS``; any subset works, at least
    one), ``family`` (a key of ``FAMILY_METRICS``), ``value`` (the per-event value,
    or the score bin for family ``score``), ``label`` (0/1 for ``score``, else
    ignored) and ``n_events`` (events carrying that value). Returns one row per
    group × metric × method (``bootstrap_percentile``, ``bootstrap_bca``) with
    the estimate, bounds, bootstrap standard error, z0, acceleration, sample size,
    resamples used, level and seed.

    Groups with more than ``asymptotic_events`` events (None: never) get the asymptotic form of the
    bootstrap for means, root means and quantiles (``_asymptotic_value_replicates``) and AUC (normal,
    with DeLong's variance: ``_auc_family``). With ``key_table`` (the distinct
    group keys, sorted), ``histograms`` holds ``group_code`` (a row of ``key_table``) instead of the
    key columns: see ``read_histograms``.

    ``moments`` (with ``key_table``; see ``read_histograms_with_moments``): groups of a family of
    ``MOMENT_FAMILIES`` given by their exact power sums instead of histogram rows, each above
    ``asymptotic_events``; they get the same asymptotic form, from the same moments.

    ``shared_weights``: a dict the caller keeps across calls (the batches of one build): the
    ``SharedWeights`` of each (resamples, positions, seed) is drawn once and reused from it. It is a
    deterministic function of those three, so the results are the same bit for bit; a batch then skips
    redrawing the Poisson matrix and rebuilding its inverse (``SharedWeights.units``).
    """
    keys = [k for k in GROUP_KEYS if k in (histograms.columns if key_table is None else key_table.columns)]
    if not keys:
        raise ValueError("histograms need at least one group key column")
    if moments is not None and len(moments) and (key_table is None or asymptotic_events is None):
        raise ValueError("moments need a key_table and an asymptotic_events threshold")
    families = _prepare_families(histograms, keys, key_table)
    key_table = families.pop(None)
    moment_families = _moment_families(moments, asymptotic_events) if moments is not None else {}
    n_max = max((int(f["n"].max()) for f in families.values() if f["n"].size), default=0)
    shared = _shared_weights(n_resamples, min(n_max, max_shared_events), seed, shared_weights) if n_max else None

    names = sorted({name for family in [*families, *moment_families] for name, _, _ in FAMILY_METRICS[family]})
    methods = ["bootstrap_bca", "bootstrap_percentile"]  # sorted, as the output is
    pieces = []
    replicate_store = {}
    work = [(family, f) for family, f in families.items()] + [(family, m) for family, m in moment_families.items()]
    for family, f in work:
        metrics = FAMILY_METRICS[family]
        if "moments" in f:
            n, est, reps, acc = _moment_family(f, n_resamples, seed)
            per_metric = {metrics[0][0]: (est, reps, acc)}
        elif family == "score":
            n, est, reps, acc = _auc_family(
                f["group"],
                f["value"],
                f["pos"],
                f["neg"],
                n_resamples,
                seed,
                shared,
                max_shared_events,
                asymptotic_events,
            )
            per_metric = {metrics[0][0]: (est, reps, acc)}
        else:
            n, res = _value_family(
                f["group"],
                f["value"],
                f["count"],
                [(stat, q) for _, stat, q in metrics],
                n_resamples,
                seed,
                shared,
                max_shared_events,
                asymptotic_events,
            )
            per_metric = {
                name: (res[(stat, q)]["estimate"], res[(stat, q)]["replicates"], res[(stat, q)]["acceleration"])
                for name, stat, q in metrics
            }
        for name, (est, reps, acc) in per_metric.items():
            if return_replicates:
                kept = (key_table.iloc[f["codes"]].reset_index(drop=True), reps.copy())
                if name in replicate_store:  # the same metric from histograms and from moments
                    before = replicate_store[name]
                    kept = (pd.concat([before[0], kept[0]], ignore_index=True), np.vstack([before[1], kept[1]]))
                replicate_store[name] = kept
            iv = intervals_from_replicates(est, reps, acc, level, overwrite=True)
            del reps
            nothing = np.full(est.size, np.nan)
            for method, lo, hi in (
                ("bootstrap_percentile", iv["percentile_lower"], iv["percentile_upper"]),
                ("bootstrap_bca", iv["bca_lower"], iv["bca_upper"]),
            ):
                bca = method == "bootstrap_bca"
                pieces.append(
                    {
                        "code": f["codes"],
                        "metric": np.full(est.size, names.index(name)),
                        "interval_method": np.full(est.size, methods.index(method)),
                        "metric_value": est,
                        "sample_size": n.astype(np.int64),
                        "interval_lower": lo,
                        "interval_upper": hi,
                        "bootstrap_standard_error": iv["standard_error"],
                        "bias_correction": iv["bias_correction"] if bca else nothing,
                        "acceleration": iv["acceleration"] if bca else nothing,
                        "valid_resamples": iv["valid_resamples"],
                    }
                )
    columns = {c: np.concatenate([p[c] for p in pieces]) for c in pieces[0]} if pieces else None
    if columns is None:
        result = pd.DataFrame({c: [] for c in [*keys, "metric", "interval_method", *_VALUE_COLUMNS]})
    else:
        # groups are numbered in key order, so (group, metric, method) is the output order
        order = np.lexsort((columns["interval_method"], columns["metric"], columns["code"]))
        result = key_table.iloc[columns["code"][order]].reset_index(drop=True)
        result["metric"] = np.asarray(names, dtype=object)[columns["metric"][order]]
        result["interval_method"] = np.asarray(methods, dtype=object)[columns["interval_method"][order]]
        for c in _VALUE_COLUMNS:
            result[c] = columns[c][order]
    result["n_resamples"] = n_resamples
    result["confidence_level"] = level
    result["seed"] = seed
    if return_replicates:
        return result, replicate_store
    return result


_VALUE_COLUMNS = [
    "metric_value",
    "sample_size",
    "interval_lower",
    "interval_upper",
    "bootstrap_standard_error",
    "bias_correction",
    "acceleration",
    "valid_resamples",
]


def _moment_families(moments: pd.DataFrame, asymptotic_events: int | None) -> dict:
    """Per family of ``moments``: the group codes, sizes and central moments (float) of its groups.

    ``moments`` has ``group_code``, ``family``, ``n_events`` and the exact power sums ``sum_1``, ``sum_2``,
    ``sum_3`` of ``(value - low) / scale`` (decimal text, as ``read_histograms_with_moments`` gives them)
    with ``low`` and ``scale`` (a power of two). The central moments are computed in 60-digit decimal
    arithmetic from the exact sums, then scaled: the same on every build; summing about the group's
    smallest value keeps the cancellation of power sums to the ratio of its range to its spread.
    """
    from decimal import Decimal, localcontext

    out: dict = {}
    if moments is None or not len(moments):
        return out
    unknown = sorted(set(map(str, moments["family"])) - set(MOMENT_FAMILIES))
    if unknown:
        raise ValueError(f"moments of family {unknown[0]!r}; only {list(MOMENT_FAMILIES)} are summarized by moments")
    for family, rows in moments.groupby("family", sort=True, observed=True):
        rows = rows.sort_values("group_code")
        n = rows["n_events"].to_numpy(np.int64)
        if asymptotic_events is not None and (n <= asymptotic_events).any():
            raise ValueError(f"moments of a {family} group of {int(n.min())} events: only groups above "
                             f"asymptotic_events ({asymptotic_events}) are summarized by moments")  # fmt: skip
        mean, m2, m3 = (np.empty(n.size) for _ in range(3))
        with localcontext() as ctx:
            ctx.prec = 60
            for i, (count, s1, s2, s3, low, scale) in enumerate(
                zip(n, rows["sum_1"], rows["sum_2"], rows["sum_3"], rows["low"], rows["scale"], strict=True)
            ):
                size = Decimal(int(count))
                e1, e2, e3 = Decimal(str(s1)) / size, Decimal(str(s2)) / size, Decimal(str(s3)) / size
                c2 = e2 - e1 * e1
                c3 = e3 - 3 * e1 * e2 + 2 * e1 * e1 * e1
                unit = float(scale)
                mean[i] = float(low) + float(e1) * unit
                m2[i] = max(float(c2), 0.0) * unit * unit
                m3[i] = float(c3) * unit * unit * unit
        out[str(family)] = {"moments": True, "codes": rows["group_code"].to_numpy(np.int64), "n": n,
                            "mean": mean, "m2": m2, "m3": m3}  # fmt: skip
    return out


def _moment_family(f: dict, n_resamples: int, seed: int):
    """Sizes, estimates, replicates (G × B) and jackknife accelerations of the mean, for groups given by
    their moments: the same asymptotic form as ``_asymptotic_value_replicates`` (one-term Cornish-Fisher
    expansion), and the mean's jackknife acceleration in closed form, m3 / (6 sqrt(n) m2^1.5) (the
    leave-one-out means are x̄ - (x_i - x̄) / (n - 1)), with ``_acceleration``'s rules (null below 3
    events, 0 when they do not vary)."""
    n = f["n"].astype(float)
    mean, m2, m3 = f["mean"], f["m2"], f["m3"]
    reps = _cornish_fisher_replicates(mean, m2, m3, n, asymptotic_normal_draws(n_resamples, seed))
    spread = m2 / np.maximum(n - 1, 1) ** 2  # the leave-one-out values' variance, as _acceleration tests it
    varies = (spread > 1e-18 * mean * mean) & (m2 > 0)
    acc = np.divide(m3, 6.0 * np.sqrt(n) * m2**1.5, out=np.zeros(n.size), where=varies)
    acc = np.where(n > 2, acc, np.nan)
    return f["n"], mean.copy(), reps, acc


def _prepare_families(histograms: pd.DataFrame, keys: list[str], key_table: pd.DataFrame | None = None) -> dict:
    """Per family: bins sorted by group then value, equal (group, value) bins merged, dense group ids.

    Groups are numbered once for all families in key order (``codes``: each family's groups as rows
    of the key table, returned under the key ``None``); with ``key_table`` (sorted by the keys) the
    histograms carry the row of their group in it as ``group_code`` instead of the key columns. Rows
    without events or without a value are left out. Input already sorted by group and value (as the
    benchmark's, or an ordered query) is not sorted again.
    """
    if key_table is None:
        grouped = histograms.groupby(keys, sort=True, dropna=False, observed=True)
        codes_all = grouped.ngroup().to_numpy(np.int64)
        key_table = grouped.size().index.to_frame(index=False)
    else:
        codes_all = histograms["group_code"].to_numpy(np.int64)
    counts_all = histograms["n_events"].to_numpy()
    values_all = histograms["value"].to_numpy(dtype=float, na_value=np.nan)
    keep = (counts_all > 0) & ~np.isnan(values_all)
    family_codes, family_names = pd.factorize(histograms["family"], sort=True)
    unknown = sorted(set(map(str, family_names)) - set(FAMILY_METRICS))
    if unknown:
        raise ValueError(f"unknown histogram family {unknown[0]!r}; expected one of {sorted(FAMILY_METRICS)}")
    out: dict = {None: key_table}
    for index, family in enumerate(family_names):
        rows = np.flatnonzero(keep & (family_codes == index))
        if rows.size == 0:
            continue
        g, v, c = codes_all[rows], values_all[rows], counts_all[rows].astype(np.int64)
        columns = [c]
        if family == "score":
            is_pos = histograms["label"].to_numpy()[rows] == 1
            columns = [np.where(is_pos, c, 0), np.where(is_pos, 0, c)]
        step_g, step_v = np.diff(g), np.diff(v)
        if not np.all((step_g > 0) | ((step_g == 0) & (step_v >= 0))):
            # np.lexsort((v, g)) in two stable passes, value then group: the same permutation, somewhat faster
            # (41M rows of the 10M bench: 19.6 s instead of 21.6 s for the whole preparation)
            by_value = np.argsort(v, kind="stable")
            order = by_value[np.argsort(g[by_value], kind="stable")]
            g, v, columns = g[order], v[order], [col[order] for col in columns]
            step_g, step_v = np.diff(g), np.diff(v)
        if not np.all((step_g != 0) | (step_v != 0)):  # equal (group, value) rows: add their counts
            starts = np.flatnonzero(np.r_[True, (step_g != 0) | (step_v != 0)])
            g, v = g[starts], v[starts]
            columns = [np.add.reduceat(col, starts) for col in columns]
        new_group = np.r_[True, g[1:] != g[:-1]]
        dense = np.cumsum(new_group) - 1
        f = {"codes": g[new_group], "group": dense, "value": v}
        if family == "score":
            f["pos"], f["neg"] = columns
            f["n"] = np.bincount(dense, weights=f["pos"] + f["neg"])
        else:
            f["count"] = columns[0]
            f["n"] = np.bincount(dense, weights=f["count"])
        out[str(family)] = f
    return out


def read_histograms(relation, *more) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(histograms, key_table)`` for ``bootstrap_intervals(histograms, key_table=key_table)`` from a
    DuckDB relation shaped like int_corridor__value_histograms (and the rows of any ``more`` relations of
    the same columns, in any column order: e.g. the rolling windows' histograms).

    The group keys (six text/time columns) are numbered in SQL and fetched once per group rather than
    once per histogram row, and the family arrives as a category: converting millions of rows of text
    to pandas costs more than the bootstrap itself.
    """
    histograms, key_table, _ = _read(relation, more, None)
    return histograms, key_table


def read_histograms_with_moments(relation, *more, asymptotic_events: int) -> tuple[pd.DataFrame, ...]:
    """``(histograms, key_table, moments)`` for ``bootstrap_intervals(histograms, key_table=key_table,
    moments=moments, asymptotic_events=asymptotic_events)``: as ``read_histograms``, except that a group
    of a family of ``MOMENT_FAMILIES`` (continuous values whose statistics are all means: log-loss, Brier
    and absolute-error terms) with more than ``asymptotic_events`` events, all finite, arrives as one row
    of exact power sums instead of one row per distinct value. Such a group gets the asymptotic form of
    the bootstrap, which needs only its size and first three moments; the histogram rows of the
    continuous mean families grow with events, their moments with groups.

    ``moments``: ``group_code``, ``family``, ``n_events``, ``low`` (the group's smallest value), ``scale`` (a
    power of two at least the group's range, so ``(value - low) / scale`` lies in [0, 1]) and ``sum_1``,
    ``sum_2``, ``sum_3``: the sums of ``n_events * ((value - low) / scale) ** k``, each term rounded to
    18 decimals and summed exactly as a decimal (as decimal text; the same on every build).
    """
    return _read(relation, more, int(asymptotic_events))


HISTOGRAM_COLUMNS = [*GROUP_KEYS, "family", "value", "label", "n_events"]
#: a moment row's columns (int_corridor__value_histograms: a large group of a bounded mean family as the exact
#: power sums of value / scale; null on a value row): optional in a relation read here, null when absent
MOMENT_COLUMNS = ["scale", "sum_1", "sum_2", "sum_3"]
_MOMENT_TYPES = {"scale": "double", "sum_1": "decimal(38, 18)", "sum_2": "decimal(38, 18)", "sum_3": "decimal(38, 18)"}


def combined_histograms(relation, *more):
    """The histogram rows (``HISTOGRAM_COLUMNS`` and ``MOMENT_COLUMNS``, null where a relation has none) of
    ``relation`` and of every relation in ``more``: each projected to the same columns in the same order, then
    UNION ALL (DuckDB's relation union is by position)."""

    def projected(rel):
        have = set(rel.columns)
        moments = [c if c in have else f"cast(null as {_MOMENT_TYPES[c]}) as {c}" for c in MOMENT_COLUMNS]
        return rel.project(", ".join([*HISTOGRAM_COLUMNS, *moments]))

    combined = projected(relation)
    for other in more:
        combined = combined.union(projected(other))
    return combined


def _read(relation, more, asymptotic_events: int | None):
    keys = ", ".join(GROUP_KEYS)
    relation = combined_histograms(relation, *more)
    check_families(relation)
    key_table = relation.query("h", f"select distinct {keys} from h order by {keys}").df()
    # numbered by a join on the (few) distinct keys (a window over every row costs 7x more); the kernel
    # sorts them (an ORDER BY here costs more than it saves)
    same = " and ".join(f"h.{k} is not distinct from k.{k}" for k in GROUP_KEYS)
    coded = (
        f"with k as (select {keys}, row_number() over (order by {keys}) - 1 as group_code "
        f"from (select distinct {keys} from h)), "
        f"coded as (select k.group_code, {family_code_sql('h.family')} as family_code, h.family, "
        f"h.value, h.label, h.n_events, {', '.join('h.' + c for c in MOMENT_COLUMNS)} from h inner join k on {same})"
    )
    histograms, moments = read_coded(lambda sql: relation.query("h", sql), coded, asymptotic_events)
    return histograms, key_table, moments


def check_families(relation) -> None:
    """Raise ``ValueError`` when a row of ``relation`` (histogram rows) has a family the kernel does not know."""
    found = [row[0] for row in relation.query("h", "select distinct family from h").fetchall()]
    unknown = sorted(str(f) for f in found if f not in FAMILY_METRICS)
    if unknown:
        raise ValueError(f"unknown histogram family {unknown[0]!r}; expected one of {sorted(FAMILY_METRICS)}")


def family_code_sql(family: str) -> str:
    """SQL numbering the histogram family ``family`` (a column) 0, 1, ... in the sorted order of ``FAMILY_METRICS``,
    as ``read_coded`` expects it."""
    listed = ", ".join(f"'{name}'" for name in sorted(FAMILY_METRICS))
    return f"list_position([{listed}], {family}) - 1"


#: the order ``_prepare_families`` needs, sorted by the engine (in parallel) rather than by numpy (it checks it)
_KERNEL_ORDER = "order by family_code, group_code, value"


def read_coded(run, coded: str, asymptotic_events: int | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """``(histograms, moments)`` as ``read_histograms_with_moments`` returns them (``moments`` None without
    ``asymptotic_events``), from ``coded``: SQL defining the CTE ``coded`` (a ``with`` clause) of the histogram
    rows with their ``group_code`` (their group's row in the key table) and ``family_code``
    (``family_code_sql``), ``family``, ``value``, ``label``, ``n_events`` and ``MOMENT_COLUMNS``. ``run(sql)`` runs
    a query and returns its relation.

    A moment row (``sum_1`` not null: int_corridor__value_histograms summed a large group of a bounded mean
    family in SQL) is passed on as the group's moments (``low`` 0); the value rows of a large group of a family
    of ``MOMENT_FAMILIES`` are summed into moments here, with the same exact arithmetic about the group's
    smallest value."""
    names = sorted(FAMILY_METRICS)
    moments = None
    values = "coded_values as (select * from coded where sum_1 is null)"
    if asymptotic_events is None:
        stray = run(f"{coded} select count(*) from coded where sum_1 is not null").fetchall()[0][0]
        if stray:
            raise ValueError(f"{stray} histogram rows are moments (sum_1 not null): read them with asymptotic_events")
        rows = run(f"{coded} select group_code, family_code, value, label, n_events from coded {_KERNEL_ORDER}")
    else:
        summarized = ", ".join(f"'{name}'" for name in MOMENT_FAMILIES)
        large = (
            f"{coded}, {values}, large as (select group_code, family_code from coded_values where family in "
            f"({summarized}) group by group_code, family_code having sum(case when n_events > 0 and value is not "
            f"null then n_events else 0 end) > {asymptotic_events} and bool_and(value is null or isfinite(value)))"
        )
        rows = run(
            f"{large} select group_code, family_code, value, label, n_events from coded_values "
            f"anti join large using (group_code, family_code) {_KERNEL_ORDER}",
        )
        # ((value - low) / scale)^k is multiplied out in double (exact when it can be; power() is not), rounded to
        # 18 decimals (10^18 is exact in double; 10^24 is not) and summed exactly: the same on every build;
        # |sum| < 10^20 events. The SQL moment rows are the same sums about 0 (corridor.moment_power_term).
        unit = "((kept.value - scales.low) / scales.scale)"
        power = "cast({product} as decimal(38, 18)) * kept.n_events"
        sums = ", ".join(f"cast(sum_{k} as varchar) as sum_{k}" for k in (1, 2, 3))
        moments = run(
            f"{large}, kept as (select coded_values.* from coded_values semi join large using (group_code, "
            f"family_code) where coded_values.n_events > 0 and coded_values.value is not null), "
            f"scales as (select group_code, family_code, min(value) as low, case when max(value) > min(value) "
            f"then power(2.0, ceil(log2(max(value) - min(value)))) else 1.0 end as scale "
            f"from kept group by group_code, family_code), "
            "summed as (select kept.group_code, kept.family_code, any_value(kept.family) as family, "
            "cast(sum(kept.n_events) as bigint) as n_events, "
            f"any_value(scales.low) as low, any_value(scales.scale) as scale, "
            + ", ".join(f"sum({power.format(product=' * '.join([unit] * k))}) as sum_{k}" for k in (1, 2, 3))
            + " from kept inner join scales using (group_code, family_code) "
            "group by kept.group_code, kept.family_code "
            "union all select group_code, family_code, family, cast(n_events as bigint), 0.0, scale, sum_1, sum_2, "
            "sum_3 from coded where sum_1 is not null) "
            f"select group_code, family, n_events, low, scale, {sums} from summed order by family_code, group_code",
        ).df()
        # the value rows' moments are of groups above the threshold by construction: a smaller group's are SQL's
        stale = moments[moments["n_events"] <= asymptotic_events]
        if len(stale):
            raise ValueError(
                f"int_corridor__value_histograms holds the power sums of a {stale['family'].iloc[0]} group of "
                f"{int(stale['n_events'].min())} events, not above corridor_bootstrap_asymptotic_events "
                f"({asymptotic_events}): they were built under a lower setting. After changing it, run `dbt build "
                f"--full-refresh --select int_corridor__value_histograms+` (docs/incremental.md)."
            )
    coded_rows = rows.fetchnumpy()
    histograms = pd.DataFrame(
        {
            "group_code": np.asarray(coded_rows["group_code"], dtype=np.int64),
            "family": pd.Categorical.from_codes(
                np.asarray(coded_rows["family_code"], dtype=np.int64), categories=names
            ),
            "value": np.ma.filled(np.ma.asarray(coded_rows["value"], dtype=float), np.nan),
            "label": np.ma.filled(np.ma.asarray(coded_rows["label"], dtype=float), np.nan),
            "n_events": np.asarray(coded_rows["n_events"], dtype=np.int64),
        }
    )
    return histograms, moments


def histograms_from_samples(samples: dict, family: str, score_bins: int | None = None) -> pd.DataFrame:
    """Histograms of raw per-group samples (a helper for tests, calibration and the benchmark).

    ``samples`` maps a group key (str) to an array of values (or, for ``score``,
    a pair (scores, labels)); returns the frame ``bootstrap_intervals`` expects,
    keyed by ``segment_value``.
    """
    rows = []
    for key, data in samples.items():
        if family == "score":
            scores, labels = data
            bins = np.round(np.asarray(scores) * score_bins).astype(np.int64) if score_bins else np.asarray(scores)
            for lab in (0, 1):
                v, c = np.unique(bins[np.asarray(labels) == lab], return_counts=True)
                rows.append(
                    pd.DataFrame({"segment_value": key, "family": family, "value": v, "label": lab, "n_events": c})
                )
        else:
            v, c = np.unique(np.asarray(data, dtype=float), return_counts=True)
            rows.append(pd.DataFrame({"segment_value": key, "family": family, "value": v, "label": 0, "n_events": c}))
    return pd.concat(rows, ignore_index=True)
