"""An independent reference implementation of corridor's production metrics.

Written directly from the metric definitions with pandas, numpy, scipy and
scikit-learn, row by row per window (no sufficient statistics, no SQL), so the
dbt models can be checked against it. Used by the pytest suite and by
``integration_tests/scripts/make_fixtures.py`` to write the expected-output seed.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

GRAIN_HOURS = {"hour": 1, "day": 24, "week": 168}
# the integration project's corridor_slow_request_ms (integration_tests/dbt_project.yml)
INTEGRATION_SLOW_REQUEST_MS = 200.0
LABEL_METRICS_BINARY = [
    "accuracy",
    "precision",
    "recall",
    "log_loss",
    "brier_score",
    "auc",
    "expected_calibration_error",
]


def window_start(ts: pd.Series, grain: str) -> pd.Series:
    if grain == "hour":
        return ts.dt.floor("h")
    if grain == "day":
        return ts.dt.floor("D")
    days = ts.dt.floor("D")
    return days - pd.to_timedelta(days.dt.day_of_week, unit="D")


def _wilson(k: int, n: int, level: float) -> tuple[float, float]:
    ci = stats.binomtest(int(k), int(n)).proportion_ci(confidence_level=level, method="wilson")
    return float(ci.low), float(ci.high)


def _metrics_for_window(
    g: pd.DataFrame,
    grain: str,
    model_type: str,
    level: float,
    threshold: float,
    calibration_bins: int,
    histogram_grain: bool,
    slow_ms: float = 10_000.0,
) -> list[dict]:
    z = stats.norm.ppf(1 - (1 - level) / 2)
    rows: list[dict] = []

    def add(metric, value, n, se=None, lo=None, hi=None):
        rows.append(
            {
                "metric": metric,
                "metric_value": None if value is None or (isinstance(value, float) and math.isnan(value)) else value,
                "sample_size": int(n),
                "standard_error": se,
                "interval_lower": lo,
                "interval_upper": hi,
            }
        )

    def proportion(metric, k, n):
        if n == 0:
            add(metric, None, 0)
            return
        p = k / n
        lo, hi = _wilson(k, n, level)
        add(metric, p, n, math.sqrt(p * (1 - p) / n), lo, hi)

    def f1(tp, fp, fn, tn):
        # F1 = 2 TP / (2 TP + FP + FN). Standard error: the delta method over the multinomial of the four confusion
        # cells (p = counts / N, Var = (sum p_i g_i^2 - (sum p_i g_i)^2) / N, g the gradient of F1 in p). Interval:
        # the Wilson interval of J = TP / (TP + FP + FN) (scipy) mapped through F1 = 2J / (1 + J).
        m = tp + fp + fn
        if m == 0:
            add("f1", None, 0)
            return
        counts = np.array([tp, fp, fn, tn], dtype=float)
        total = counts.sum()
        p = counts / total
        d = 2 * p[0] + p[1] + p[2]
        grad = np.array([2 * (p[1] + p[2]) / d**2, -2 * p[0] / d**2, -2 * p[0] / d**2, 0.0])
        var = (float(np.sum(p * grad**2)) - float(np.sum(p * grad)) ** 2) / total
        lo, hi = _wilson(tp, m, level)
        add("f1", 2 * tp / (2 * tp + fp + fn), m, math.sqrt(max(var, 0.0)), 2 * lo / (1 + lo), 2 * hi / (1 + hi))

    def mean(metric, values):
        values = np.asarray(values, dtype=float)
        n = len(values)
        if n == 0:
            add(metric, None, 0)
            return
        m = float(values.mean())
        if n > 1:
            se = float(stats.sem(values))
            add(metric, m, n, se, m - z * se, m + z * se)
        else:
            add(metric, m, n)

    n = len(g)
    add("request_count", float(n), n)
    add("throughput_per_hour", n / GRAIN_HOURS[grain], n)
    proportion("error_rate", int(g["is_error"].sum()), n)
    lat = g["latency_ms"].dropna().to_numpy(dtype=float)
    mean("latency_mean", lat)
    for name, q, h in [("latency_p50", 0.5, 0.05), ("latency_p95", 0.95, 0.02), ("latency_p99", 0.99, 0.005)]:
        if len(lat) >= 2:
            # Siddiqui-Bloch-Gastwirth: density at the quantile from the neighbouring sample quantiles
            value = float(np.quantile(lat, q))
            se = math.sqrt(q * (1 - q) / len(lat)) * float(np.quantile(lat, q + h) - np.quantile(lat, q - h)) / (2 * h)
            add(name, value, len(lat), se, max(0.0, value - z * se), value + z * se)
        else:
            add(name, float(np.quantile(lat, q)) if len(lat) else None, len(lat))
    # the share of the requests with a latency strictly slower than the threshold (corridor_slow_request_ms)
    proportion("slow_request_rate", int((lat > slow_ms).sum()), len(lat))
    proportion("label_maturity", int(g["label"].notna().sum()), n)

    ev = g[g["label"].notna() & ~g["is_error"]]
    if model_type == "binary_classifier":
        ev = ev[ev["predicted_score"].notna()]
        y = ev["label"].to_numpy(dtype=int)
        s = ev["predicted_score"].to_numpy(dtype=float)
        if "predicted_class" in ev and ev["predicted_class"].notna().all() and len(ev):
            yhat = ev["predicted_class"].to_numpy(dtype=int)
        else:
            yhat = (s >= threshold).astype(int)
        tp = int(((y == 1) & (yhat == 1)).sum())
        fp = int(((y == 0) & (yhat == 1)).sum())
        tn = int(((y == 0) & (yhat == 0)).sum())
        fn = int(((y == 1) & (yhat == 0)).sum())
        proportion("accuracy", tp + tn, len(y))
        proportion("precision", tp, tp + fp)
        proportion("recall", tp, tp + fn)
        f1(tp, fp, fn, tn)
        if len(y):
            clipped = np.clip(s, 1e-15, 1 - 1e-15)
            terms = -(y * np.log(clipped) + (1 - y) * np.log(1 - clipped))
            ll = log_loss(y, clipped, labels=[0, 1]) if len(y) else None
            assert abs(ll - terms.mean()) < 1e-9
            mean("log_loss", terms)
            b = (s - y) ** 2
            assert abs(brier_score_loss(y, s) - b.mean()) < 1e-12 if len(set(y)) > 1 else True
            mean("brier_score", b)
        else:
            add("log_loss", None, 0)
            add("brier_score", None, 0)
        if histogram_grain:
            npos, nneg = int(y.sum()), int(len(y) - y.sum())
            if npos > 0 and nneg > 0:
                a = float(roc_auc_score(y, s))
                q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
                se = math.sqrt(
                    max((a * (1 - a) + (npos - 1) * (q1 - a * a) + (nneg - 1) * (q2 - a * a)) / (npos * nneg), 0)
                )
                add("auc", a, len(y), se, max(0.0, a - z * se), min(1.0, a + z * se))
            else:
                add("auc", None, len(y))
            if len(y):
                bins = np.minimum(np.floor(s * calibration_bins), calibration_bins - 1).astype(int)
                ece = 0.0
                for b_ in np.unique(bins):
                    m = bins == b_
                    ece += m.sum() / len(y) * abs(s[m].mean() - y[m].mean())
                add("expected_calibration_error", float(ece), len(y))
            else:
                add("expected_calibration_error", None, 0)
        else:
            add("auc", None, 0)
            add("expected_calibration_error", None, 0)
    else:
        ev = ev[ev["predicted_value"].notna()]
        err = ev["predicted_value"].to_numpy(dtype=float) - ev["label"].to_numpy(dtype=float)
        mean("mae", np.abs(err))
        if len(err):
            mse = float(np.mean(err**2))
            rmse = math.sqrt(mse)
            se = float(stats.sem(err**2)) / (2 * rmse) if len(err) > 1 and rmse > 0 else None
            add(
                "rmse", rmse, len(err), se, None if se is None else rmse - z * se, None if se is None else rmse + z * se
            )
        else:
            add("rmse", None, 0)
    return rows


def expected_production_metrics(
    events: pd.DataFrame,
    segments: list[str],
    grains: tuple[str, ...] = ("hour", "day", "week"),
    histogram_grains: tuple[str, ...] = ("day", "week"),
    model_type: str = "binary_classifier",
    level: float = 0.95,
    threshold: float = 0.5,
    calibration_bins: int = 10,
    slow_ms: float = 10_000.0,
) -> pd.DataFrame:
    """Expected production rows of corridor_metric_observations.

    ``events`` has one row per distinct event with columns model_id,
    model_version, event_at, latency_ms, is_error, predicted_score,
    predicted_class (optional), predicted_value (regression), label (NaN when
    no outcome arrived) and one column per segment dimension.
    The window grid: for each version and grain, every window between the
    version's first and last event, for each segment value the version has
    at that grain; windows without events get request_count 0 and null metrics.
    """
    out = []
    for (model_id, version), ver in events.groupby(["model_id", "model_version"]):
        for grain in grains:
            ws = window_start(ver["event_at"], grain)
            ver = ver.assign(_ws=ws)
            grid = pd.date_range(ws.min(), ws.max(), freq=f"{GRAIN_HOURS[grain]}h")
            slices = [("all", "all", ver)]
            for dim in segments:
                for value, seg in ver.groupby(dim):
                    slices.append((dim, value, seg))
            for dim, value, seg in slices:
                by_window = dict(tuple(seg.groupby("_ws")))
                for w in grid:
                    g = by_window.get(w, seg.iloc[0:0])
                    rows = _metrics_for_window(
                        g, grain, model_type, level, threshold, calibration_bins, grain in histogram_grains, slow_ms
                    )
                    for r in rows:
                        r.update(
                            model_id=model_id,
                            model_version=version,
                            segment_dimension=dim,
                            segment_value=str(value),
                            window_grain=grain,
                            window_start=w,
                        )
                    out.extend(rows)
    return pd.DataFrame(out)
