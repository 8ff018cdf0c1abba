"""Multivariate feature drift: PCA reconstruction error fitted on a reference period, with a threshold calibrated
from the spread over the reference's daily chunks (the kernel of the Python model
models/intermediate/int_corridor__multivariate_drift.py; docs/drift.md#multivariate-drift).

Univariate measures miss a change in how features move together (two features whose correlation flips keep both
marginals). The reference rows (every model version of a model in its first `reference_days` days of production:
features are inputs, their joint distribution does not depend on the model version) are standardized, the principal
components explaining `variance` of their variance are kept (at least one direction is always dropped), and each
row's error is the Euclidean distance between the row and its reconstruction from those components. A window's
statistic is the mean error of its (sampled) rows.

Calibration: the reference rows are split in two by the sample's hash rank: one half fits the encoder and the PCA,
the other (never seen by the fit) gives the null distribution of the error. Per segment, its daily chunks give the
error's mean mu, its row-level variance s2 and the between-day variance tau2 (method of moments: the variance of
the chunk means beyond what s2 / n_j explains, floored at 0). A window of n sampled rows over d days has, with no
drift, mean error ~ mu +- sqrt(s2 / n + tau2 / d + s2 / n_calibration); it drifts when its one-sided p-value is at
most `alpha` (threshold mu + z_(1 - alpha) * that standard error).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

NUMERIC_PREFIX = "num__"
CATEGORICAL_PREFIX = "cat__"
SEGMENT_PREFIX = "segment__"
METHOD = "pca_reconstruction_error"

#: the columns of the result, in order (models/marts/corridor_multivariate_drift.sql casts and documents them)
RESULT_COLUMNS = [
    "model_id",
    "model_version",
    "window_grain",
    "window_start",
    "segment_dimension",
    "segment_value",
    "method",
    "n_sampled_rows",
    "n_days",
    "n_features",
    "n_encoded_columns",
    "n_components",
    "reconstruction_error",
    "reference_error_mean",
    "reference_error_sd",
    "error_standard_error",
    "threshold_upper",
    "z_score",
    "p_value",
    "alpha",
    "reference_start",
    "reference_end",
    "n_reference_rows",
    "n_reference_chunks",
    "in_reference_period",
    "status",
    "is_drifted",
]


@dataclass
class Encoder:
    """Standardizes numeric features (nulls imputed by the reference median) and one-hot encodes the reference's
    most frequent categories of each categorical feature (an unseen category or a null: all zeros), every encoded
    column centred and scaled by the reference's mean and standard deviation."""

    numeric: list[str]
    categorical: list[str]
    medians: dict[str, float]
    categories: dict[str, list[str]]
    means: np.ndarray
    sds: np.ndarray

    @classmethod
    def fit(cls, frame: pd.DataFrame, numeric: list[str], categorical: list[str], max_categories: int = 20) -> Encoder:
        medians = {}
        for column in numeric:
            median = pd.to_numeric(frame[column], errors="coerce").median()
            medians[column] = 0.0 if pd.isna(median) else float(median)
        categories = {}
        for column in categorical:
            counts = frame[column].dropna().astype(str).value_counts()
            ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            categories[column] = [k for k, _ in ordered[:max_categories]]
        raw = cls(numeric, categorical, medians, categories, np.zeros(0), np.ones(0))._raw(frame)
        means = raw.mean(axis=0) if len(raw) else np.zeros(raw.shape[1])
        sds = raw.std(axis=0) if len(raw) else np.ones(raw.shape[1])
        sds = np.where(sds > 0, sds, 1.0)
        return cls(numeric, categorical, medians, categories, means, sds)

    def _raw(self, frame: pd.DataFrame) -> np.ndarray:
        blocks = []
        for column in self.numeric:
            values = pd.to_numeric(frame[column], errors="coerce").astype(float).to_numpy()
            blocks.append(np.where(np.isfinite(values), values, self.medians[column])[:, None])
        for column in self.categorical:
            values = frame[column].astype(object).to_numpy()
            for category in self.categories[column]:
                blocks.append((values == category).astype(float)[:, None])
        if not blocks:
            return np.zeros((len(frame), 0))
        return np.hstack(blocks)

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        return (self._raw(frame) - self.means) / self.sds


@dataclass
class PCAModel:
    """Principal components of standardized reference rows (numpy SVD), keeping the fewest explaining `variance` of
    the total, and always dropping at least one direction (else every reconstruction error is zero)."""

    components: np.ndarray  # k x p
    center: np.ndarray

    @classmethod
    def fit(cls, z: np.ndarray, variance: float = 0.65) -> PCAModel:
        if not 0 < variance < 1:
            raise ValueError(f"variance must be in (0, 1); got {variance}")
        # the principal axes from the p x p scatter matrix (the right singular vectors of the centred rows): one
        # pass over the rows, cheaper than an SVD of the n x p matrix on a busy machine
        center = z.mean(axis=0)
        centred = z - center
        eigenvalues, eigenvectors = np.linalg.eigh(centred.T @ centred)
        order = np.argsort(eigenvalues)[::-1]
        eigenvalues, eigenvectors = np.clip(eigenvalues[order], 0, None), eigenvectors[:, order]
        explained = eigenvalues / max(float(eigenvalues.sum()), 1e-300)
        k = int(np.searchsorted(np.cumsum(explained), variance - 1e-12) + 1)
        k = max(1, min(k, z.shape[1] - 1))
        return cls(eigenvectors[:, :k].T.copy(), center)

    def errors(self, z: np.ndarray) -> np.ndarray:
        """Distance of each row to its reconstruction: sqrt(|c|^2 - |c V'|^2), c the centred row (V orthonormal)."""
        centred = z - self.center
        projected = centred @ self.components.T
        return np.sqrt(np.clip((centred**2).sum(axis=1) - (projected**2).sum(axis=1), 0, None))


@dataclass
class Calibration:
    """The null distribution of a window's mean error, from reference rows the fit never saw, chunked by day."""

    mean: float
    within_var: float
    between_var: float
    n_rows: int
    n_chunks: int

    @classmethod
    def from_errors(cls, errors: np.ndarray, chunks: np.ndarray) -> Calibration | None:
        errors = np.asarray(errors, dtype=float)
        if len(errors) < 2:
            return None
        frame = pd.DataFrame({"e": errors, "c": chunks})
        grouped = frame.groupby("c")["e"]
        sizes, means = grouped.size().to_numpy(), grouped.mean().to_numpy()
        within = float(grouped.var(ddof=1).fillna(0).mul(sizes - 1).sum() / max(len(errors) - len(sizes), 1))
        between = 0.0
        if len(sizes) >= 2:
            between = max(0.0, float(np.var(means, ddof=1)) - float(np.mean(within / sizes)))
        return cls(float(errors.mean()), within, between, len(errors), len(sizes))

    def standard_error(self, n_rows: int, n_days: int) -> float:
        return math.sqrt(self.within_var / n_rows + self.between_var / max(n_days, 1) + self.within_var / self.n_rows)


def feature_columns(frame: pd.DataFrame) -> tuple[list[str], list[str]]:
    numeric = [c for c in frame.columns if c.startswith(NUMERIC_PREFIX)]
    categorical = [c for c in frame.columns if c.startswith(CATEGORICAL_PREFIX)]
    return numeric, categorical


def _segments(frame: pd.DataFrame) -> list[tuple[str, str | None]]:
    """('all', None) then one (dimension, column) per segment column."""
    return [("all", None)] + [(c[len(SEGMENT_PREFIX) :], c) for c in frame.columns if c.startswith(SEGMENT_PREFIX)]


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in RESULT_COLUMNS})
    return frame


def multivariate_drift(
    sample: pd.DataFrame,
    grains: list[str],
    reference_days: int = 7,
    alpha: float = 0.01,
    variance: float = 0.65,
    min_rows: int = 100,
    max_categories: int = 20,
) -> pd.DataFrame:
    """Per model version x window (each grain) x segment ('all' and each segment column's values), the mean PCA
    reconstruction error of the window's sampled rows against the model's reference period, and its calibrated test.

    sample: one row per sampled event: model_id, model_version, day_start, <grain>_start per grain, sample_rank
    (the event's rank in its day's hash order: odd ranks of the reference fit the model, even ones calibrate it),
    segment__<dimension> columns, num__<feature> and cat__<feature> columns.
    """
    if not 0 < alpha < 0.5:
        raise ValueError(f"alpha must be in (0, 0.5); got {alpha}")
    numeric, categorical = feature_columns(sample)
    if sample.empty or not (numeric or categorical):
        return _empty()
    z_alpha = float(stats.norm.ppf(1 - alpha))
    rows = []
    for model_id, frame in sample.groupby("model_id", sort=True):
        frame = frame.reset_index(drop=True)
        days = pd.to_datetime(frame["day_start"])
        reference_start = days.min()
        reference_end = reference_start + pd.Timedelta(days=reference_days)
        in_reference = (days < reference_end).to_numpy()
        fit_rows = in_reference & (frame["sample_rank"].to_numpy() % 2 == 1)
        calibration_rows = in_reference & ~fit_rows
        encoder = Encoder.fit(frame[fit_rows], numeric, categorical, max_categories)
        encoded = encoder.transform(frame)
        if encoded.shape[1] < 2 or fit_rows.sum() < max(encoded.shape[1] + 1, 10):
            continue  # no direction to drop, or too few reference rows: no row (docs/drift.md)
        pca = PCAModel.fit(encoded[fit_rows], variance)
        errors = pca.errors(encoded)
        frame = frame.assign(_error=errors, _day=days)
        common = {
            "model_id": model_id,
            "method": METHOD,
            "n_features": len(numeric) + len(categorical),
            "n_encoded_columns": int(encoded.shape[1]),
            "n_components": int(pca.components.shape[0]),
            "alpha": alpha,
            "reference_start": reference_start,
            "reference_end": reference_end,
        }
        for dimension, column in _segments(frame):
            values = (
                [("all", np.ones(len(frame), dtype=bool))]
                if column is None
                else [(str(v), (frame[column] == v).to_numpy()) for v in sorted(frame[column].dropna().unique())]
            )
            for value, members in values:
                calibrated = members & calibration_rows
                calibration = Calibration.from_errors(errors[calibrated], days[calibrated].to_numpy())
                for grain in grains:
                    windows = (
                        frame[members]
                        .groupby(["model_version", f"{grain}_start"], sort=True)
                        .agg(
                            n=("_error", "size"),
                            error=("_error", "mean"),
                            n_days=("_day", "nunique"),
                            last_day=("_day", "max"),
                        )
                    )
                    for (version, start), w in windows.iterrows():
                        rows.append(
                            _window_row(
                                common,
                                calibration,
                                version,
                                grain,
                                start,
                                dimension,
                                value,
                                w,
                                reference_end,
                                z_alpha,
                                alpha,
                                min_rows,
                            )
                        )
    if not rows:
        return _empty()
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def _window_row(
    common, calibration, version, grain, start, dimension, value, w, reference_end, z_alpha, alpha, min_rows
) -> dict:
    row = dict(common)
    row.update(
        {
            "model_version": version,
            "window_grain": grain,
            "window_start": pd.Timestamp(start),
            "segment_dimension": dimension,
            "segment_value": value,
            "n_sampled_rows": int(w["n"]),
            "n_days": int(w["n_days"]),
            "reconstruction_error": float(w["error"]),
            "in_reference_period": bool(pd.Timestamp(w["last_day"]) < reference_end),
            "n_reference_rows": calibration.n_rows if calibration else 0,
            "n_reference_chunks": calibration.n_chunks if calibration else 0,
            "reference_error_mean": None,
            "reference_error_sd": None,
            "error_standard_error": None,
            "threshold_upper": None,
            "z_score": None,
            "p_value": None,
            "is_drifted": False,
        }
    )
    if calibration is None or calibration.n_chunks < 2:
        row["status"] = "no_reference"
        return row
    se = calibration.standard_error(row["n_sampled_rows"], row["n_days"])
    z = (row["reconstruction_error"] - calibration.mean) / se if se > 0 else 0.0
    p_value = float(stats.norm.sf(z))
    row.update(
        {
            "reference_error_mean": calibration.mean,
            "reference_error_sd": math.sqrt(calibration.within_var),
            "error_standard_error": se,
            "threshold_upper": calibration.mean + z_alpha * se,
            "z_score": z,
            "p_value": p_value,
        }
    )
    if row["in_reference_period"]:
        row["status"] = "reference_period"
    elif row["n_sampled_rows"] < min_rows:
        row["status"] = "insufficient_sample"
    else:
        row["is_drifted"] = p_value <= alpha
        row["status"] = "drift" if row["is_drifted"] else "pass"
    return row


_TIMESTAMPS = {"window_start", "reference_start", "reference_end"}
_INTEGERS = {
    "n_sampled_rows",
    "n_days",
    "n_features",
    "n_encoded_columns",
    "n_components",
    "n_reference_rows",
    "n_reference_chunks",
}
_BOOLEANS = {"in_reference_period", "is_drifted"}
_FLOATS = {
    "reconstruction_error",
    "reference_error_mean",
    "reference_error_sd",
    "error_standard_error",
    "threshold_upper",
    "z_score",
    "p_value",
    "alpha",
}


def typed_result(frame: pd.DataFrame) -> pd.DataFrame:
    """The result with one concrete dtype per column (also when empty), so the table dbt writes has the same
    column types whatever the data."""
    out = {}
    for column in RESULT_COLUMNS:
        values = frame[column]
        if column in _TIMESTAMPS:
            out[column] = pd.to_datetime(values).astype("datetime64[us]")
        elif column in _INTEGERS:
            out[column] = values.astype("int64")
        elif column in _BOOLEANS:
            out[column] = values.astype(bool)
        elif column in _FLOATS:
            out[column] = pd.to_numeric(values).astype("float64")
        else:
            out[column] = values.astype(object).where(values.notna(), None).astype("string")
    return pd.DataFrame(out, columns=RESULT_COLUMNS)
