"""Feature drift measures and the drift rules' test, as corridor computes them in SQL
(models/marts/corridor_feature_drift.sql, macros/drift/drift_p_value_arguments.sql and drift_p_value.sql), for
the simulations that show what a drift rule does at every sample size (docs/drift.md,
integration_tests/pytest/test_drift_rules_simulation.py).

Every function works on histograms (counts per bin of the reference's bins), never on raw events, so the
sampling distribution of a measure at 10 million events per window is simulated by drawing a multinomial
histogram, exactly as the statistic would be computed from it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special, stats

#: measure -> test, as corridor.drift_measures()
DRIFT_MEASURES = {
    "ks_statistic": "distance",
    "hellinger": "distance",
    "jensen_shannon": "distance",
    "null_rate": "rate",
    "out_of_reference_range_share": "rate",
    "new_category_share": "rate",
}
SHARE_FLOOR = 1e-4  # PSI: shares floored so an empty bin has a finite log


def binned_measures(production: np.ndarray, reference: np.ndarray, ordered: bool = True) -> dict[str, float]:
    """PSI, Jensen-Shannon distance (base 2), Hellinger distance and (ordered bins) the KS statistic of two
    histograms over the same bins, as corridor_feature_drift computes them."""
    p = np.asarray(production, dtype=float)
    r = np.asarray(reference, dtype=float)
    p, r = p / p.sum(), r / r.sum()
    pf, rf = np.maximum(p, SHARE_FLOOR), np.maximum(r, SHARE_FLOOR)
    m = (p + r) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        js = 0.5 * (np.where(p > 0, p * np.log(p / m), 0.0) + np.where(r > 0, r * np.log(r / m), 0.0))
    out = {
        "psi": float(np.sum((pf - rf) * np.log(pf / rf))),
        "jensen_shannon": float(math.sqrt(max(js.sum(), 0.0) / math.log(2))),
        "hellinger": float(math.sqrt(max(1.0 - np.sum(np.sqrt(p * r)), 0.0))),
    }
    if ordered:
        out["ks_statistic"] = float(np.max(np.abs(np.cumsum(p) - np.cumsum(r))))
    return out


def drift_p_value(
    measure: str,
    value: float,
    tolerance: float,
    n_values: float,
    n_reference: float,
    n_bins: int,
    baseline: float = 0.0,
    n_trials: float | None = None,
) -> float:
    """P-value of H0 "the true measure is at most `tolerance`" (corridor.drift_p_value_arguments, then drift_p_value).

    distance measures are metrics, so observed - true <= d(production sample, production) + d(reference,
    reference sample); the p-value is the tail of that noise at observed - tolerance:
      ks_statistic: Kolmogorov tail with Stephens' correction at en = n_values n_reference / (n_values + n_reference)
      hellinger: each side's squared distance is chi2(bins - 1) / (8 n); (a + b)^2 <= 2 (a^2 + b^2) gives the
        tail of chi2(2 (bins - 1)) at 4 n_min excess^2
      jensen_shannon (base 2): the same with the squared distance chi2(bins - 1) / (8 n ln 2)
    rates: one-sided z test of share <= baseline + tolerance, with the baseline's own sampling variance.
    """
    if value is None or tolerance is None or (isinstance(value, float) and math.isnan(value)):
        return float("nan")
    excess = value - tolerance
    if excess <= 0:
        return 1.0
    if measure == "ks_statistic":
        en = n_values * n_reference / (n_values + n_reference)
        return float(special.kolmogorov((math.sqrt(en) + 0.12 + 0.11 / math.sqrt(en)) * excess))
    n_min = min(n_values, n_reference)
    if measure == "hellinger":
        return float(stats.chi2.sf(4 * n_min * excess**2, 2 * (n_bins - 1)))
    if measure == "jensen_shannon":
        return float(stats.chi2.sf(4 * math.log(2) * n_min * excess**2, 2 * (n_bins - 1)))
    if measure in ("null_rate", "out_of_reference_range_share", "new_category_share"):
        n = n_trials if n_trials is not None else n_values
        b = min(max(baseline + tolerance, 0.5 / n), 1 - 0.5 / n)
        # the baseline (the reference's null rate) is itself a sample of n_reference
        variance = b * (1 - b) / n + baseline * (1 - baseline) / n_reference
        return float(stats.norm.sf((value - b) / math.sqrt(variance)))
    raise ValueError(f"unknown drift measure {measure!r}; known: {', '.join(DRIFT_MEASURES)}")


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """q-values of a family (as corridor_validation_results: p * m / rank, made monotone, capped at 1)."""
    p = np.asarray(p_values, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    q_sorted = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(q_sorted, 1.0)
    return q


def shifted_distribution(bins: int, measure: str, target: float) -> np.ndarray:
    """Bin probabilities at the given true distance from the uniform reference (quantile bins): a share eps of
    the mass moved from the upper half of the bins to the lower half, eps solved so the measure equals
    `target` (0: no drift)."""
    r = np.full(bins, 1.0 / bins)
    if target <= 0:
        return r
    tilt = np.where(np.arange(bins) < bins // 2, 1.0, -1.0) / bins

    def at(eps: float) -> float:
        return binned_measures(r + eps * tilt, r)[measure] - target

    hi = 1.0
    if at(hi) < 0:
        raise ValueError(f"{measure} {target} is beyond the largest shift this construction reaches")
    from scipy.optimize import brentq

    return r + brentq(at, 0.0, hi, xtol=1e-14) * tilt


@dataclass
class SimulationResult:
    measure: str
    n: int
    n_reference: int
    tolerance: float
    true_value: float
    windows: int
    runs: int
    alert_rate: float  # share of checks confirmed (warn or fail at alpha, and q <= FDR)
    family_alert_rate: float  # share of runs with at least one confirmed check
    mean_observed: float


def simulate_drift_rule(
    measure: str,
    tolerance: float,
    true_value: float,
    n: int,
    n_reference: int,
    *,
    bins: int = 20,
    windows: int = 30,
    drifted_windows: int | None = None,
    runs: int = 200,
    alpha: float = 0.05,
    fdr: float = 0.05,
    seed: int = 15,
) -> SimulationResult:
    """Draw `runs` families of `windows` drift checks from histograms: the reference histogram (n_reference values
    in `bins` quantile bins) and each window's production histogram (n values) with the true measure
    `true_value` in `drifted_windows` of them (all by default) and 0 in the rest; judge them as corridor does
    (p-value against the tolerance, warn at alpha, confirmed at q <= fdr within the family) and report the
    rate of confirmed alerts among the drifted windows."""
    rng = np.random.default_rng(seed)
    drifted_windows = windows if drifted_windows is None else drifted_windows
    confirmed_drifted = 0
    families_with_alert = 0
    observed_sum = 0.0
    if measure == "null_rate":
        base = 0.02
        for _ in range(runs):
            ref_nulls = rng.binomial(n_reference, base)
            rate = np.full(windows, base)
            rate[:drifted_windows] = base + true_value
            obs = rng.binomial(n, rate) / n
            p = np.array(
                [drift_p_value(measure, o, tolerance, n, n_reference, bins, ref_nulls / n_reference, n) for o in obs]
            )
            hit = (p <= alpha) & (benjamini_hochberg(p) <= fdr)
            confirmed_drifted += int(hit[:drifted_windows].sum())
            families_with_alert += int(hit.any())
            observed_sum += float(obs[:drifted_windows].mean() - ref_nulls / n_reference)
    else:
        r_true = np.full(bins, 1.0 / bins)
        p_drift = shifted_distribution(bins, measure, true_value)
        for _ in range(runs):
            ref = rng.multinomial(n_reference, r_true)
            values = np.empty(windows)
            for w in range(windows):
                prod = rng.multinomial(n, p_drift if w < drifted_windows else r_true)
                values[w] = binned_measures(prod, ref)[measure]
            p = np.array([drift_p_value(measure, v, tolerance, n, n_reference, bins) for v in values])
            hit = (p <= alpha) & (benjamini_hochberg(p) <= fdr)
            confirmed_drifted += int(hit[:drifted_windows].sum())
            families_with_alert += int(hit.any())
            observed_sum += float(values[:drifted_windows].mean())
    return SimulationResult(
        measure=measure,
        n=n,
        n_reference=n_reference,
        tolerance=tolerance,
        true_value=true_value,
        windows=windows,
        runs=runs,
        alert_rate=confirmed_drifted / max(drifted_windows * runs, 1),
        family_alert_rate=families_with_alert / runs,
        mean_observed=observed_sum / runs,
    )


def simulation_table(runs: int = 100) -> str:
    """The markdown tables of docs/drift.md: confirmed-alert rates with no drift and with a true drift at half the
    tolerance (n = reference size = 1e3..1e7 per window, 30 windows per run), and detection rates of a stated
    drift (one drifted window among 30, 200 runs)."""
    tolerance = {"hellinger": 0.05, "jensen_shannon": 0.05, "ks_statistic": 0.05, "null_rate": 0.01}
    sizes = [1_000, 10_000, 100_000, 1_000_000, 10_000_000]
    lines = [
        "| measure (tolerance) | true drift | " + " | ".join(f"n = {n:,}" for n in sizes) + " |",
        "|---|---|" + "---|" * len(sizes),
    ]
    for measure, tol in tolerance.items():
        for true_value in (0.0, tol / 2):
            rates = [
                simulate_drift_rule(measure, tol, true_value, n, n, runs=runs, seed=n % 97).alert_rate for n in sizes
            ]
            lines.append(f"| {measure} ({tol}) | {true_value:g} | " + " | ".join(f"{r:.4f}" for r in rates) + " |")
    lines += ["", "| measure (tolerance) | true drift | events per window | detected |", "|---|---|---|---|"]
    for measure, true_value in (
        ("hellinger", 0.10),
        ("jensen_shannon", 0.12),
        ("ks_statistic", 0.10),
        ("null_rate", 0.02),
    ):
        r = simulate_drift_rule(
            measure, tolerance[measure], true_value, 10_000, 10_000, runs=200, drifted_windows=1, seed=7
        )
        lines.append(f"| {measure} ({tolerance[measure]}) | {true_value:g} | 10,000 | {r.alert_rate:.3f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(simulation_table())
