"""The cross-fitted dispersion diagnostic of the label-free study (corridor_tools.label_free_study) on simulated
periods with known truth (fixed seeds): about 1 where the calibration transfers exactly between periods, well above
1 where every period's P(label | score) is moved by its own random amount (noise the sampling-only standard error
does not carry)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from corridor_tools import label_free_study as study

BINS = 100
PERIODS = 30
EVENTS = 1_000


def _cells(seed: int, logit_noise: float) -> pd.DataFrame:
    """PERIODS periods of EVENTS events each; scores Beta(2, 3), P(label | score) = the score moved on the logit scale
    by the period's own N(0, logit_noise) offset; predicted class 1 from score 0.5."""
    rng = np.random.default_rng(seed)
    frames = []
    for period in range(PERIODS):
        score = np.round(rng.beta(2, 3, EVENTS) * BINS) / BINS
        logit = np.log(np.clip(score, 1e-3, 1 - 1e-3) / np.clip(1 - score, 1e-3, 1)) + rng.normal(0, logit_noise)
        label = rng.random(EVENTS) < 1 / (1 + np.exp(-logit))
        frames.append(
            pd.DataFrame(
                {
                    "period": period,
                    "score_bin": np.round(score * BINS).astype(int),
                    "predicted_class": (score >= 0.5).astype(int),
                    "label": label.astype(int),
                }
            )
        )
    events = pd.concat(frames)
    return (
        events.groupby(["period", "score_bin", "predicted_class"])
        .agg(n_events=("label", "size"), n_positive=("label", "sum"))
        .reset_index()
    )


def _summary(seed: int, logit_noise: float) -> dict:
    zscores = study.cross_fitted_dispersion(_cells(seed, logit_noise), score_bins=BINS, n_draws=100, seed=seed)
    assert len(zscores) == PERIODS * 5 and zscores["z"].notna().all()
    return study.dispersion_summary(zscores)


def test_cross_fitted_spread_is_one_where_calibration_transfers_exactly():
    summary = _summary(seed=7, logit_noise=0.0)
    print(
        {
            m: (round(r["sd_z"], 3), round(r["sd_z_labels"], 3), round(r["label_share_of_variance"], 3))
            for m, r in summary.items()
        }
    )
    for metric, r in summary.items():
        assert r["periods"] == PERIODS
        assert abs(r["sd_z"] - 1) < 3 * r["sd_z_standard_error"], metric


def test_cross_fitted_spread_finds_period_to_period_calibration_noise():
    summary = _summary(seed=7, logit_noise=0.5)
    print(
        {
            m: (round(r["sd_z"], 3), round(r["sd_z_labels"], 3), round(r["label_share_of_variance"], 3))
            for m, r in summary.items()
        }
    )
    for metric in ("accuracy", "precision", "recall"):
        r = summary[metric]
        assert r["sd_z"] > 1 + 3 * r["sd_z_standard_error"], metric
