"""Seeded demo data for corridor: a binary fraud scorer in production.

One model, ``checkout_fraud``, scores checkout transactions.  The generator
produces six inputs that match corridor's input contracts:

* production events (one row per prediction, plus planted duplicates),
* delayed outcomes (labels with their arrival time),
* offline estimates (backtest / load test / canary, with uncertainty),
* a rules registry (hypotheses and tolerances),
* reference feature values (offline training distribution),
* the planted incidents, with their windows and segments (the answer key).

Everything is vectorized numpy and deterministic for a given seed.

Conventions
-----------
* All timestamps are UTC, stored without a time-zone suffix (CSV) or as
  time-zone-naive ``timestamp[us]`` (Parquet).  ``generate``/``write_seeds``
  floor timestamps to whole seconds; ``write_parquet`` keeps microseconds.
* "Day d" is 1-indexed: day 1 starts at ``start``.  The schedule below is for
  the default 21-day window and is scaled proportionally for other lengths.
* The snapshot time (when the data set was extracted) is ``start + days``.
  No ``loaded_at`` and no ``label_arrived_at`` is later than the snapshot.
* ``predicted_class`` is an integer 0/1 (``predicted_score >= 0.5``) so that it
  compares directly with ``label``; both are NULL on erroring events.
* Latency estimates (load test) describe all requests, erroring ones included
  (they time out at 2000-3000 ms, at the base error rate of ~0.5 %), like the
  production latency metrics computed over every event.
* ``expected_calibration_error`` uses 10 equal-width score bins:
  ``sum_b n_b / n * |mean(score_b) - mean(label_b)|``.

Default schedule (21 days from 2026-10-01)
-------------------------------------------
* v2 rollout: 10 % of entities from day 8, 50 % from day 11, 100 % from day 14
  (routing is sticky per entity).
* error bursts: day 6 14:15-15:00 and day 10 19:30-20:20 (error rate ~25 %).
* accuracy drop (feature source change): region = latam from day 12 to the end.
* p95 latency regression: device = android from day 16 to the end.
* late and duplicated events: the whole of day 19.

CLI::

    python -m corridor.demo_data seeds --out seeds/demo
    python -m corridor.demo_data parquet --events 10000000 --out bench_data/
"""

from __future__ import annotations

import argparse
import functools
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from scipy import stats

MODEL_ID = "checkout_fraud"
VERSIONS = ("v1", "v2")

EVENT_COLUMNS = [
    "event_id",
    "event_at",
    "loaded_at",
    "model_id",
    "model_version",
    "entity_id",
    "region",
    "device",
    "tier",
    "latency_ms",
    "is_error",
    "predicted_score",
    "predicted_class",
    "feature_txn_amount",
    "feature_account_age_days",
    "feature_payment_channel",
]
OUTCOME_COLUMNS = ["event_id", "label", "label_arrived_at"]
ESTIMATE_COLUMNS = [
    "estimate_id",
    "model_id",
    "model_version",
    "metric",
    "segment_dimension",
    "segment_value",
    "window_grain",
    "expected_value",
    "standard_error",
    "interval_lower",
    "interval_upper",
    "confidence_level",
    "sample_size",
    "method",
    "estimator_version",
    "evaluation_dataset_id",
    "produced_at",
    "valid_from",
    "valid_to",
    "owner",
]
RULE_COLUMNS = [
    "rule_id",
    "hypothesis",
    "metric",
    "segment_dimension",
    "segment_value",
    "window_grain",
    "comparison_kind",
    "direction",
    "warn_tolerance",
    "fail_tolerance",
    "min_sample_size",
    "consecutive_windows",
    "owner",
    "escalation_path",
    "severity",
    "rule_version",
    "valid_from",
    "feature",
]
REFERENCE_COLUMNS = ["model_id", "model_version", "feature_name", "feature_value"]
FEATURE_VERSION_COLUMNS = ["feature_name", "feature_version", "valid_from", "upstream_source"]
ESTIMATE_FEATURE_VERSION_COLUMNS = ["estimate_id", "feature_name", "feature_version"]
# Who owns the offline estimates of each method (stale-estimate alerts go to them, docs/lineage.md).
ESTIMATE_OWNERS = {"backtest": "fraud-offline-eval-team", "load_test": "ml-platform-team", "canary": "ml-platform-team"}
INCIDENT_COLUMNS = [
    "incident_id",
    "incident_kind",
    "metric",
    "model_id",
    "segment_dimension",
    "segment_value",
    "starts_at",
    "ends_at",
    "description",
]

SEED_FILES = {
    "production_events": "corridor_demo_production_events.csv",
    "outcomes": "corridor_demo_outcomes.csv",
    "offline_estimates": "corridor_demo_offline_estimates.csv",
    "rules": "corridor_demo_rules.csv",
    "reference_features": "corridor_demo_reference_features.csv",
    "planted_incidents": "corridor_demo_planted_incidents.csv",
    "feature_versions": "corridor_demo_feature_versions.csv",
    "estimate_feature_versions": "corridor_demo_estimate_feature_versions.csv",
    "offline_evaluation": "corridor_demo_offline_evaluation.csv",
}
DEFAULT_SEED_EVENTS = 40_000

# --------------------------------------------------------------------------
# Generative process
# --------------------------------------------------------------------------
REGIONS = ("na", "eu", "apac", "latam", "mea")
REGION_SHARE = (0.45, 0.30, 0.15, 0.07, 0.03)
DEVICES = ("web", "ios", "android")
DEVICE_SHARE = (0.55, 0.25, 0.20)
TIERS = ("standard", "premium", "enterprise")
TIER_SHARE = (0.80, 0.17, 0.03)
DIMENSIONS = {"region": REGIONS, "device": DEVICES, "tier": TIERS}
LATAM = REGIONS.index("latam")
ANDROID = DEVICES.index("android")
IOS = DEVICES.index("ios")

# A categorical feature the model does not use (issue 15): its planted drift (inc_06, iOS from the demo's 8th
# day: wallets up, a new channel "bnpl") must be found by the drift rules and cause no performance alert. Drawn
# from a generator of its own, so every other column of the demo is unchanged by it.
CHANNELS = ("card", "wallet", "bank_transfer", "bnpl")
CHANNEL_SHARE = (0.62, 0.25, 0.13, 0.0)
CHANNEL_SHARE_DRIFTED = (0.35, 0.40, 0.10, 0.15)
CHANNEL_DRIFT_DAY = 8

# Relative traffic by hour of day (UTC) and day of week (Mon..Sun).
_HOUR = np.array(
    [
        0.45,
        0.38,
        0.33,
        0.30,
        0.30,
        0.33,
        0.42,
        0.55,
        0.70,
        0.82,
        0.90,
        0.97,
        1.03,
        1.08,
        1.12,
        1.15,
        1.20,
        1.28,
        1.38,
        1.45,
        1.42,
        1.25,
        0.95,
        0.65,
    ]
)
HOUR_PROFILE = _HOUR / _HOUR.mean()
DOW_PROFILE = np.array([0.97, 0.95, 0.96, 0.98, 1.06, 1.12, 1.02])

ENTITY_EVENTS = 6.0  # mean requests per entity
ENTITY_ACTIVITY_SD = 0.6  # lognormal spread of entity activity
DEVICE_SWITCH = 0.2  # share of requests not on the entity's usual device

# Fraud risk (logit scale).
FRAUD_INTERCEPT = -5.0
REGION_RISK = np.array([0.0, -0.15, 0.35, 0.75, 0.55])
DEVICE_RISK = np.array([-0.10, 0.0, 0.30])
TIER_RISK = np.array([0.0, -0.30, -0.80])
AMOUNT_MEDIAN = np.array([45.0, 90.0, 400.0])  # by tier
AMOUNT_SIGMA = 1.0
AMOUNT_COEF = 0.8
AGE_COEF = -0.6
AGE_LOG_MEAN = 5.4
AGE_LOG_SD = 1.55
NEW_ACCOUNT_SHARE = 0.12
ENTITY_RISK_SD = 0.8
FRAUDSTER_SHARE = 0.012  # entities that are fraud rings: much riskier, mostly new accounts
FRAUDSTER_RISK = 5.5
EVENT_RISK_SD = 1.0
MODEL_NOISE_SD = {"v1": 0.8, "v2": 0.6}
DEGRADED_RHO = 0.15  # latam after the feature source change
DEGRADED_NOISE_SD = 1.2
DEGRADED_SHIFT = 2.8
SCORE_DECIMALS = 5

# Latency (ms) of successful requests.
REGION_LATENCY_MS = np.array([68.0, 74.0, 96.0, 88.0, 112.0])
DEVICE_LATENCY = np.array([1.0, 1.04, 1.07])
TIER_LATENCY = np.array([1.0, 1.03, 1.12])
VERSION_LATENCY = np.array([1.0, 0.99])
LATENCY_SIGMA = 0.33
LATENCY_LOAD_GAIN = 0.12
TAIL_PROB = 0.04
TAIL_MEDIAN = 3.0
TAIL_SIGMA = 0.45
REGRESSED_SIGMA = 0.45  # android after the regression
REGRESSED_TAIL_PROB = 0.09
REGRESSED_TAIL_MEDIAN = 3.6
TIMEOUT_MS = (2000.0, 3000.0)

BASE_ERROR_RATE = 0.005
# a request slower than this is slow (metric slow_request_rate; corridor_slow_request_ms's default)
SLOW_REQUEST_MS = 10_000.0
BURST_ERROR_RATE = 0.25

LABEL_DELAY_MEDIAN_H = 3.0
LABEL_DELAY_SIGMA = 1.6
LABEL_NEVER_SHARE = 0.06
LOAD_DELAY_MEDIAN_S = 20.0
LATE_SHARE = 0.85  # share of the late day's events loaded 1-3 days late
DUPLICATE_SHARE = 0.20

_NS_PER_S = 1_000_000_000
_NS_PER_H = 3600 * _NS_PER_S
_NS_PER_D = 24 * _NS_PER_H


@dataclass(frozen=True)
class Scenario:
    """The time line of the demo: rollout, incidents, snapshot (ns since epoch)."""

    start: int
    days: int
    rollout: tuple[tuple[int, float], ...]
    bursts: tuple[tuple[int, int], ...]
    latam_from: int
    android_from: int
    late_day: tuple[int, int]

    @property
    def end(self) -> int:
        return self.start + self.days * _NS_PER_D

    @property
    def snapshot(self) -> int:
        return self.end


def _to_ns(ts: str | pd.Timestamp) -> int:
    t = pd.Timestamp(ts)
    if t.tzinfo is not None:
        t = t.tz_convert("UTC").tz_localize(None)
    return int(t.as_unit("ns").value)


def _ts(ns: int) -> pd.Timestamp:
    return pd.Timestamp(ns, unit="ns")


def make_scenario(start: str = "2026-10-01", days: int = 21) -> Scenario:
    """Place rollout and incidents; positions are defined on a 21-day window and scaled."""
    if days < 7:
        raise ValueError("days must be >= 7 so that rollout and incidents fit")
    s = _to_ns(pd.Timestamp(start).normalize())

    def day(d21: int) -> int:  # start of (1-indexed) day d21 of a 21-day window
        return s + int(round((d21 - 1) * days / 21)) * _NS_PER_D

    rollout = ((day(8), 0.10), (day(11), 0.50), (day(14), 1.0))
    bursts = (
        (day(6) + 14 * _NS_PER_H + 15 * 60 * _NS_PER_S, day(6) + 15 * _NS_PER_H),
        (day(10) + 19 * _NS_PER_H + 30 * 60 * _NS_PER_S, day(10) + 20 * _NS_PER_H + 20 * 60 * _NS_PER_S),
    )
    late = day(19)
    return Scenario(s, days, rollout, bursts, day(12), day(16), (late, late + _NS_PER_D))


def _hour_weights(sc: Scenario) -> np.ndarray:
    hours = np.arange(sc.days * 24)
    weekday0 = _ts(sc.start).weekday()
    w = HOUR_PROFILE[hours % 24] * DOW_PROFILE[(weekday0 + hours // 24) % 7]
    return w / w.sum()


def _hour_counts(n_events: int, sc: Scenario, seed: int) -> np.ndarray:
    rng = np.random.default_rng([seed, 0, 1])
    return rng.multinomial(n_events, _hour_weights(sc))


def _splitmix64(x: np.ndarray) -> np.ndarray:
    z = x.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _draw_cat(rng: np.random.Generator, n: int, shares) -> np.ndarray:
    cum = np.cumsum(shares)
    idx = np.searchsorted(cum / cum[-1], rng.random(n), side="right")
    return np.minimum(idx, len(cum) - 1).astype(np.int8)


@dataclass(frozen=True)
class _Pool:
    region: np.ndarray
    tier: np.ndarray
    device: np.ndarray
    age0: np.ndarray  # account age (days) at the scenario start
    risk: np.ndarray  # entity random effect on the fraud logit
    key: np.ndarray  # uint64 hash: entity id and sticky routing
    slots: np.ndarray  # entity index repeated in proportion to its activity

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return self.slots[rng.integers(0, self.slots.size, n)]


def _make_pool(seed: int, n_entities: int, stream: int = 0) -> _Pool:
    rng = np.random.default_rng([seed, stream, 7])
    n = max(int(n_entities), 50)
    activity = rng.lognormal(0.0, ENTITY_ACTIVITY_SD, n)
    fraudster = rng.random(n) < FRAUDSTER_SHARE
    new = (rng.random(n) < NEW_ACCOUNT_SHARE) | (fraudster & (rng.random(n) < 0.7))
    age0 = np.where(new, rng.exponential(8.0, n), rng.lognormal(math.log(420.0), 0.9, n))
    risk = rng.normal(0.0, ENTITY_RISK_SD, n) + FRAUDSTER_RISK * fraudster
    salt = np.uint64((seed * 1_000_003 + stream * 7919) % (2**63))
    return _Pool(
        region=_draw_cat(rng, n, REGION_SHARE),
        tier=_draw_cat(rng, n, TIER_SHARE),
        device=_draw_cat(rng, n, DEVICE_SHARE),
        age0=age0.astype(np.float32),
        risk=risk.astype(np.float32),
        key=_splitmix64(np.arange(n, dtype=np.uint64) ^ _splitmix64(np.array([salt]))[0]),
        slots=np.repeat(
            np.arange(n, dtype=np.int32), np.maximum(np.rint(4.0 * activity / activity.mean()), 1).astype(np.int64)
        ),
    )


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _times(
    rng: np.random.Generator, sc: Scenario, counts: np.ndarray, first_hour: int, resolution_ns: int
) -> np.ndarray:
    """Event times (int64 ns, sorted) for consecutive hour bins with the given counts."""
    bins = np.repeat(np.arange(first_hour, first_hour + len(counts), dtype=np.int64), counts)
    t = sc.start + bins * _NS_PER_H + (rng.random(bins.size) * _NS_PER_H).astype(np.int64)
    t.sort()
    return t - t % resolution_ns


def _simulate(
    rng: np.random.Generator,
    t: np.ndarray,
    pool: _Pool,
    sc: Scenario,
    *,
    version: int | None = None,
    incidents: bool = True,
    error_rate: float = BASE_ERROR_RATE,
    resolution_ns: int = 1000,
    raw: bool = False,
) -> dict[str, np.ndarray]:
    """Simulate one block of events at times ``t`` (sorted int64 ns)."""
    n = t.size
    ent = pool.sample(rng, n)
    region, tier = pool.region[ent], pool.tier[ent]
    device = pool.device[ent]
    switch = rng.random(n) < DEVICE_SWITCH
    device[switch] = _draw_cat(rng, int(switch.sum()), DEVICE_SHARE)
    key = pool.key[ent]
    hour = (t // _NS_PER_H) % 24
    load = HOUR_PROFILE[hour]

    # Model version: sticky per entity, by rollout stage.
    if version is None:
        share = np.zeros(n)
        for since, s in sc.rollout:
            share[t >= since] = s
        bucket = ((key >> np.uint64(17)) % np.uint64(10_000)).astype(np.float64) / 10_000.0
        ver = (bucket < share).astype(np.int8)
    else:
        ver = np.full(n, version, dtype=np.int8)

    # Errors, with bursts.
    p_err = np.full(n, error_rate)
    if incidents:
        for b0, b1 in sc.bursts:
            lo, hi = np.searchsorted(t, [b0, b1])
            p_err[lo:hi] = BURST_ERROR_RATE
    is_error = rng.random(n) < p_err

    # Latency: lognormal body, lognormal tail component, slower at peak load.
    mu = np.log(
        REGION_LATENCY_MS[region]
        * DEVICE_LATENCY[device]
        * TIER_LATENCY[tier]
        * VERSION_LATENCY[ver]
        * (1.0 + LATENCY_LOAD_GAIN * (load - 1.0))
    )
    sigma = np.full(n, LATENCY_SIGMA)
    tail_p = np.full(n, TAIL_PROB)
    tail_mu = np.full(n, math.log(TAIL_MEDIAN))
    if incidents:
        reg = (device == ANDROID) & (t >= sc.android_from)
        sigma[reg] = REGRESSED_SIGMA
        tail_p[reg] = REGRESSED_TAIL_PROB
        tail_mu[reg] = math.log(REGRESSED_TAIL_MEDIAN)
    log_lat = mu + sigma * rng.standard_normal(n)
    tail = rng.random(n) < tail_p
    log_lat[tail] += tail_mu[tail] + TAIL_SIGMA * rng.standard_normal(int(tail.sum()))
    latency = np.exp(log_lat)
    latency[is_error] = rng.uniform(*TIMEOUT_MS, int(is_error.sum()))
    latency = np.round(latency, 1)

    # Features and the true fraud process.
    xa = rng.standard_normal(n)
    amount = np.round(AMOUNT_MEDIAN[tier] * np.exp(AMOUNT_SIGMA * xa), 2)
    age = pool.age0[ent] + (t - sc.start) / _NS_PER_D
    xg = (np.log1p(np.maximum(age, 0.0)) - AGE_LOG_MEAN) / AGE_LOG_SD
    seg = FRAUD_INTERCEPT + REGION_RISK[region] + DEVICE_RISK[device] + TIER_RISK[tier]
    resid = AMOUNT_COEF * xa + AGE_COEF * xg + pool.risk[ent] + EVENT_RISK_SD * rng.standard_normal(n)
    label = (rng.random(n) < _sigmoid(seg + resid)).astype(np.int8)

    # The model sees the risk with noise; its output is calibrated offline (see _calibration).
    noise_sd = np.array([MODEL_NOISE_SD[v] for v in VERSIONS])[ver]
    seen = seg + resid + noise_sd * rng.standard_normal(n)
    if incidents:
        bad = (region == LATAM) & (t >= sc.latam_from)
        nb = int(bad.sum())
        seen[bad] = seg[bad] + DEGRADED_RHO * resid[bad] + DEGRADED_NOISE_SD * rng.standard_normal(nb) + DEGRADED_SHIFT
        amount[bad] = np.round(amount[bad] * 100.0, 2)  # the new source reports cents
    if raw:
        return {"seen": seen, "label": label, "ver": ver}
    crng = np.random.default_rng([15, n, int(t[0]) if n else 0])
    channel = _draw_cat(crng, n, CHANNEL_SHARE)
    if incidents:
        moved = (device == IOS) & (t >= sc.start + (CHANNEL_DRIFT_DAY - 1) * _NS_PER_D)
        channel[moved] = _draw_cat(crng, int(moved.sum()), CHANNEL_SHARE_DRIFTED)
    score = np.empty(n)
    for vi in range(len(VERSIONS)):
        m = ver == vi
        xs, ls = _calibration(vi)
        score[m] = _sigmoid(np.interp(seen[m], xs, ls))
    score = np.round(score, SCORE_DECIMALS)
    score[is_error] = np.nan

    # Labels arrive late; some never arrive.
    delay = np.exp(math.log(LABEL_DELAY_MEDIAN_H) + LABEL_DELAY_SIGMA * rng.standard_normal(n))
    arrived = t + (np.minimum(delay, 24.0 * 365) * _NS_PER_H).astype(np.int64)
    arrived -= arrived % resolution_ns
    has_label = (rng.random(n) >= LABEL_NEVER_SHARE) & (arrived <= sc.snapshot)

    # Loading: seconds to minutes, except on the late day; duplicates on the late day.
    load_s = np.exp(math.log(LOAD_DELAY_MEDIAN_S) + rng.standard_normal(n))
    loaded = t + (load_s * _NS_PER_S).astype(np.int64)
    dup = np.zeros(n, dtype=bool)
    dup_loaded = np.zeros(0, dtype=np.int64)
    if incidents:
        lo, hi = np.searchsorted(t, list(sc.late_day))
        if hi > lo:
            m = hi - lo
            late = rng.random(m) < LATE_SHARE
            late_at = t[lo:hi] + (rng.uniform(1.0, 3.0, m) * _NS_PER_D).astype(np.int64)
            cap = sc.snapshot - (rng.random(m) * 1800 * _NS_PER_S).astype(np.int64)
            loaded[lo:hi] = np.where(late, np.minimum(late_at, cap), loaded[lo:hi])
            dup[lo:hi] = rng.random(m) < DUPLICATE_SHARE
            gap = (rng.uniform(300.0, 6 * 3600.0, int(dup.sum())) * _NS_PER_S).astype(np.int64)
            dup_loaded = loaded[dup] + gap
    loaded = np.minimum(loaded, sc.snapshot)
    dup_loaded = np.minimum(dup_loaded, sc.snapshot)
    loaded -= loaded % resolution_ns
    dup_loaded -= dup_loaded % resolution_ns

    return {
        "t": t,
        "loaded": loaded,
        "ver": ver,
        "entity_key": key,
        "region": region,
        "device": device,
        "tier": tier,
        "latency": latency,
        "is_error": is_error,
        "score": score,
        "amount": amount,
        "age": np.floor(np.maximum(age, 0.0)).astype(np.int32),
        "channel": channel,
        "label": label,
        "arrived": arrived,
        "has_label": has_label,
        "dup": dup,
        "dup_loaded": dup_loaded,
    }


@functools.cache
def _calibration(version: int, n: int = 1_000_000, bins: int = 250) -> tuple[np.ndarray, np.ndarray]:
    """The model's score map: isotonic fit of P(fraud | model signal) on training data.

    Fixed seed: the model is the same whatever seed the demo data uses.
    Returns knots (signal, logit) for linear interpolation.
    """
    sc = make_scenario("2026-01-05", 21)
    rng = np.random.default_rng([20260101, version])
    pool = _make_pool(20260101, n / ENTITY_EVENTS, stream=99)
    t = _times(rng, sc, rng.multinomial(n, _hour_weights(sc)), 0, _NS_PER_S)
    sim = _simulate(rng, t, pool, sc, version=version, incidents=False, error_rate=0.0, raw=True)
    order = np.argsort(sim["seen"], kind="stable")
    x = sim["seen"][order].reshape(bins, -1).mean(axis=1)
    y = sim["label"][order].astype(np.float64).reshape(bins, -1).mean(axis=1)
    y = _isotonic(y)
    y = np.clip(y, 0.5 / (n / bins), 1 - 0.5 / (n / bins))
    return x, np.log(y / (1 - y))


def _isotonic(y: np.ndarray) -> np.ndarray:
    """Pool-adjacent-violators for equal weights (non-decreasing fit)."""
    vals: list[float] = []
    cnts: list[int] = []
    for v in y:
        vals.append(float(v))
        cnts.append(1)
        while len(vals) > 1 and vals[-2] > vals[-1]:
            c = cnts[-2] + cnts[-1]
            vals[-2] = (vals[-2] * cnts[-2] + vals[-1] * cnts[-1]) / c
            cnts[-2] = c
            vals.pop()
            cnts.pop()
    return np.repeat(vals, cnts)


# --------------------------------------------------------------------------
# Arrow tables
# --------------------------------------------------------------------------
_TRIPLES = np.array([list(f"{i:03d}".encode()) for i in range(1000)], dtype=np.uint8)
_HEXPAIRS = np.array([list(f"{i:02x}".encode()) for i in range(256)], dtype=np.uint8)


def _fixed_strings(prefix: str, chars: np.ndarray) -> pa.Array:
    """Build a string array from a (n, w) uint8 matrix of ASCII chars, with a prefix."""
    n, w = chars.shape
    p = np.frombuffer(prefix.encode(), dtype=np.uint8)
    width = p.size + w
    buf = np.empty((n, width), dtype=np.uint8)
    buf[:, : p.size] = p
    buf[:, p.size :] = chars
    if n * width < 2**31 - 1:
        typ, offsets = pa.string(), np.arange(0, (n + 1) * width, width, dtype=np.int32)
    else:
        typ, offsets = pa.large_string(), np.arange(0, (n + 1) * width, width, dtype=np.int64)
    return pa.Array.from_buffers(typ, n, [None, pa.py_buffer(offsets), pa.py_buffer(buf)])


def _id_chars(ids: np.ndarray) -> np.ndarray:
    """12 zero-padded decimal digits per id, as a (n, 12) uint8 matrix."""
    ids = ids.astype(np.int64)
    out = np.empty((ids.size, 12), dtype=np.uint8)
    for j in range(4):
        out[:, 3 * j : 3 * j + 3] = _TRIPLES[(ids // 10 ** (9 - 3 * j)) % 1000]
    return out


def _event_ids(ids: np.ndarray) -> pa.Array:
    return _fixed_strings("evt_", _id_chars(ids))


def _entity_ids(keys: np.ndarray) -> pa.Array:
    """``ent_`` + 12 hex chars of the entity's 64-bit key (its low 6 bytes)."""
    b = np.ascontiguousarray(keys.astype("<u8")).view(np.uint8).reshape(-1, 8)[:, :6]
    return _fixed_strings("ent_", _HEXPAIRS[b].reshape(-1, 12))


def _dict(codes: np.ndarray, values) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int8)), pa.array(list(values)))


def _timestamps(ns: np.ndarray) -> pa.Array:
    return pa.array(ns.view("datetime64[ns]").astype("datetime64[us]"))


def _tables(sim: dict[str, np.ndarray], id_offset: int) -> tuple[pa.Table, pa.Table]:
    """Events (with duplicate copies) and observed outcomes as Arrow tables."""
    n = sim["t"].size
    chars = _id_chars(id_offset + np.arange(n, dtype=np.int64))
    dup_idx = np.flatnonzero(sim["dup"])
    # Each duplicate copy goes right after its original (times are sorted).
    rows = np.insert(np.arange(n), dup_idx + 1, dup_idx)
    loaded = np.insert(sim["loaded"], dup_idx + 1, sim["dup_loaded"])
    err = sim["is_error"][rows]
    score = sim["score"][rows]
    pred = (np.nan_to_num(score) >= 0.5).astype(np.int32)
    events = pa.table(
        {
            "event_id": _fixed_strings("evt_", chars[rows]),
            "event_at": _timestamps(sim["t"][rows]),
            "loaded_at": _timestamps(loaded),
            "model_id": _dict(np.zeros(rows.size, dtype=np.int8), [MODEL_ID]),
            "model_version": _dict(sim["ver"][rows], VERSIONS),
            "entity_id": _entity_ids(sim["entity_key"][rows]),
            "region": _dict(sim["region"][rows], REGIONS),
            "device": _dict(sim["device"][rows], DEVICES),
            "tier": _dict(sim["tier"][rows], TIERS),
            "latency_ms": pa.array(sim["latency"][rows]),
            "is_error": pa.array(err),
            "predicted_score": pa.array(score, mask=err),
            "predicted_class": pa.array(pred, mask=err),
            "feature_txn_amount": pa.array(sim["amount"][rows]),
            "feature_account_age_days": pa.array(sim["age"][rows]),
            "feature_payment_channel": _dict(sim["channel"][rows], CHANNELS),
        }
    )
    lab = np.flatnonzero(sim["has_label"])
    outcomes = pa.table(
        {
            "event_id": _fixed_strings("evt_", chars[lab]),
            "label": pa.array(sim["label"][lab].astype(np.int32)),
            "label_arrived_at": _timestamps(sim["arrived"][lab]),
        }
    )
    return events, outcomes


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    cols = {}
    for name in table.column_names:
        col = table[name]
        if pa.types.is_dictionary(col.type) or pa.types.is_large_string(col.type):
            col = pc.cast(col, pa.string())
        cols[name] = col
    df = pa.table(cols).to_pandas(types_mapper={pa.int32(): pd.Int32Dtype()}.get)
    for name in df.columns:
        if pd.api.types.is_string_dtype(df[name].dtype):
            df[name] = df[name].astype(object)
    return df


# --------------------------------------------------------------------------
# Offline side: estimates, reference features, rules, incidents
# --------------------------------------------------------------------------
def _offline_sample(
    seed: int, stream: int, n: int, sc: Scenario, version: int, error_rate: float
) -> dict[str, np.ndarray]:
    """Events from the pre-incident process (independent entities) for one version."""
    rng = np.random.default_rng([seed, 100 + stream, version])
    pool = _make_pool(seed, max(n / ENTITY_EVENTS, 50), stream=100 + stream)
    counts = rng.multinomial(n, _hour_weights(sc))
    t = _times(rng, sc, counts, 0, _NS_PER_S)
    return _simulate(rng, t, pool, sc, version=version, incidents=False, error_rate=error_rate, resolution_ns=_NS_PER_S)


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    n1 = int(y.sum())
    n0 = y.size - n1
    if n1 == 0 or n0 == 0:
        return float("nan")
    r = stats.rankdata(s)
    return float((r[y == 1].sum() - n1 * (n1 + 1) / 2.0) / (n1 * n0))


def _ece(y: np.ndarray, s: np.ndarray, bins: int = 10) -> float:
    b = np.minimum((s * bins).astype(np.intp), bins - 1)
    return float(np.abs(np.bincount(b, weights=s - y, minlength=bins)).sum() / s.size)


def classification_metrics(
    y: np.ndarray, s: np.ndarray, rng: np.random.Generator | None = None, n_boot: int = 2000
) -> dict[str, tuple[float, float]]:
    """Point estimate and standard error of each classification metric.

    Closed-form SEs (Agresti-Coull binomial, Hanley-McNeil for AUC, CLT for mean
    losses); a bootstrap of the per-bin sums for the expected calibration error.
    """
    y = y.astype(np.float64)
    n = y.size
    pred = s >= 0.5
    tp = float((pred & (y == 1)).sum())
    fp = float((pred & (y == 0)).sum())
    fn = float((~pred & (y == 1)).sum())
    out: dict[str, tuple[float, float]] = {}

    def prop(k: float, m: float) -> tuple[float, float]:
        if m == 0:
            return float("nan"), float("nan")
        pt = (k + 2.0) / (m + 4.0)  # Agresti-Coull: never a zero SE
        return k / m, math.sqrt(pt * (1 - pt) / (m + 4.0))

    out["accuracy"] = prop(float((pred == (y == 1)).sum()), n)
    out["precision"] = prop(tp, tp + fp)
    out["recall"] = prop(tp, tp + fn)
    a = _auc(y, s)
    n1, n0 = y.sum(), n - y.sum()
    q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
    out["auc"] = (a, math.sqrt((a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * n0)))
    sc = np.clip(s, 1e-15, 1 - 1e-15)
    ll = -(y * np.log(sc) + (1 - y) * np.log1p(-sc))
    out["log_loss"] = (float(ll.mean()), float(ll.std(ddof=1) / math.sqrt(n)))
    br = (s - y) ** 2
    out["brier_score"] = (float(br.mean()), float(br.std(ddof=1) / math.sqrt(n)))
    # ECE = sum_b |D_b| / n with D_b = sum over bin b of (score - label).  Bootstrap the
    # bin sums with their normal approximation (bins are independent under resampling).
    rng = rng or np.random.default_rng(0)
    b = np.minimum((s * 10).astype(np.intp), 9)
    d = np.bincount(b, weights=s - y, minlength=10)
    v = np.bincount(b, weights=(s - y) ** 2, minlength=10)
    boots = np.abs(d + np.sqrt(v) * rng.standard_normal((n_boot, 10))).sum(axis=1) / n
    out["expected_calibration_error"] = (_ece(y, s), float(np.std(boots, ddof=1)))
    return out


def _metric_sample_sizes(y: np.ndarray, s: np.ndarray) -> dict[str, int]:
    """The rows each classification metric of classification_metrics rests on (its denominator):
    the shares of these counts across a dimension's segments are the offline evaluation's mix."""
    pred = s >= 0.5
    n = int(y.size)
    tp = int((pred & (y == 1)).sum())
    sizes = dict.fromkeys(("accuracy", "auc", "log_loss", "brier_score", "expected_calibration_error"), n)
    sizes["precision"] = int(pred.sum())
    sizes["recall"] = tp + int((~pred & (y == 1)).sum())
    return sizes


def _quantile_interval(x_sorted: np.ndarray, q: float, conf: float) -> tuple[float, float]:
    """Distribution-free interval for a quantile from binomial order statistics."""
    n = x_sorted.size
    alpha = (1 - conf) / 2
    lo = int(stats.binom.ppf(alpha, n, q))
    hi = int(stats.binom.ppf(1 - alpha, n, q))
    return float(x_sorted[max(lo - 1, 0)]), float(x_sorted[min(hi, n - 1)])


def _wilson(k: float, n: float, conf: float = 0.95) -> tuple[float, float]:
    z = stats.norm.ppf(0.5 + conf / 2)
    p = k / n
    den = 1 + z * z / n
    c = (p + z * z / (2 * n)) / den
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return max(c - h, 0.0), min(c + h, 1.0)


def _segments(sim: dict[str, np.ndarray]):
    yield "all", "all", np.ones(sim["t"].size, dtype=bool)
    for dim, values in DIMENSIONS.items():
        for code, value in enumerate(values):
            yield dim, value, sim[dim] == code


def _fmt_ts(ns: int | None) -> str | None:
    return None if ns is None else _ts(ns).strftime("%Y-%m-%d %H:%M:%S")


def offline_estimates(
    sc: Scenario, seed: int = 42, n_eval: int = 250_000, n_load: int = 100_000, n_canary: int = 30_000
) -> pd.DataFrame:
    """Backtest, load-test and canary estimates for v1 and v2, per segment."""
    rows: list[dict] = []
    day = _NS_PER_D
    quarter = _ts(sc.start - 20 * day)
    qtag = f"{quarter.year}q{(quarter.month - 1) // 3 + 1}"
    v2_first = sc.rollout[0][0]
    v2_full = sc.rollout[-1][0]
    meta = {
        "v1": {
            "valid_from": sc.start - 45 * day,
            "valid_to": v2_full,
            "backtest": sc.start - 52 * day,
            "load": sc.start - 50 * day,
            "canary": sc.start - 46 * day,
        },
        "v2": {
            "valid_from": v2_first,
            "valid_to": None,
            "backtest": v2_first - 9 * day,
            "load": v2_first - 6 * day,
            "canary": v2_first - 2 * day,
        },
    }

    def add(
        v,
        metric,
        dim,
        value,
        grain,
        est,
        se=None,
        lo=None,
        hi=None,
        conf=None,
        *,
        n,
        method,
        estimator,
        dataset,
        produced,
    ):
        rows.append(
            {
                "estimate_id": f"est_{v}_{metric}_{dim}_{value}_{grain}",
                "model_id": MODEL_ID,
                "model_version": v,
                "metric": metric,
                "segment_dimension": dim,
                "segment_value": value,
                "window_grain": grain,
                "expected_value": est,
                "standard_error": se,
                "interval_lower": lo,
                "interval_upper": hi,
                "confidence_level": conf,
                "sample_size": n,
                "method": method,
                "estimator_version": estimator,
                "evaluation_dataset_id": dataset,
                "produced_at": _fmt_ts(produced),
                "valid_from": _fmt_ts(meta[v]["valid_from"]),
                "valid_to": _fmt_ts(meta[v]["valid_to"]),
                "owner": ESTIMATE_OWNERS[method],
            }
        )

    for vi, v in enumerate(VERSIONS):
        m = meta[v]
        rng = np.random.default_rng([seed, 200, vi])
        # Backtest on a labelled offline evaluation set (no serving errors offline).
        ev = _offline_sample(seed, 10, n_eval, sc, vi, error_rate=0.0)
        bt = {
            "method": "backtest",
            "estimator": "backtest-2.3.0",
            "dataset": f"eval_{qtag}_{v}",
            "produced": m["backtest"],
        }
        for dim, value, mask in _segments(ev):
            res = classification_metrics(ev["label"][mask], ev["score"][mask], rng)
            sizes = _metric_sample_sizes(ev["label"][mask], ev["score"][mask])
            for metric, (est, se) in res.items():
                if dim == "all" and metric in ("accuracy", "auc", "recall", "precision"):
                    lo, hi = max(est - 1.96 * se, 0.0), min(est + 1.96 * se, 1.0)
                    add(v, metric, dim, value, "day", est, se, lo, hi, 0.95, n=sizes[metric], **bt)
                else:
                    add(v, metric, dim, value, "day", est, se, n=sizes[metric], **bt)
        # Load test: latency of all requests (timeouts included), with production's hourly mix.
        lt = _offline_sample(seed, 20, n_load, sc, vi, error_rate=BASE_ERROR_RATE)
        lk = {
            "method": "load_test",
            "estimator": "loadtest-1.4.2",
            "dataset": f"loadtest_{_ts(m['load']).strftime('%Y%m%d')}_{v}",
            "produced": m["load"],
        }
        for dim, value, mask in _segments(lt):
            x = np.sort(lt["latency"][mask])
            nn = x.size
            se_mean = float(x.std(ddof=1) / math.sqrt(nn))
            add(v, "latency_mean", dim, value, "day", float(x.mean()), se_mean, n=nn, **lk)
            for metric, q in (("latency_p50", 0.50), ("latency_p95", 0.95), ("latency_p99", 0.99)):
                est = float(np.quantile(x, q))
                lo, hi = _quantile_interval(x, q, 0.90)
                se = (hi - lo) / (2 * 1.6449)
                grains = ["day", "hour"] if dim == "all" and metric != "latency_p99" else ["day"]
                for grain in grains:
                    if metric == "latency_p50":
                        add(v, metric, dim, value, grain, est, se, n=nn, **lk)
                    elif dim == "all":
                        add(v, metric, dim, value, grain, est, se, lo, hi, 0.90, n=nn, **lk)
                    else:
                        add(v, metric, dim, value, grain, est, None, lo, hi, 0.90, n=nn, **lk)
            if dim == "all":
                # the share of requests slower than corridor_slow_request_ms (R017): none in the load test
                k = float((x > SLOW_REQUEST_MS).sum())
                lo, hi = _wilson(k, float(nn))
                pt = (k + 2) / (nn + 4)
                se = math.sqrt(pt * (1 - pt) / (nn + 4))
                add(v, "slow_request_rate", dim, value, "day", k / nn, se, lo, hi, 0.95, n=nn, **lk)
        # Canary: error rate on a slice of live traffic before the rollout.
        cn = _offline_sample(seed, 30, n_canary, sc, vi, error_rate=BASE_ERROR_RATE)
        ck = {
            "method": "canary",
            "estimator": "canary-0.9.1",
            "dataset": f"canary_{_ts(m['canary']).strftime('%Y%m%d')}_{v}",
            "produced": m["canary"],
        }
        for dim, value, mask in _segments(cn):
            k, nn = float(cn["is_error"][mask].sum()), float(mask.sum())
            lo, hi = _wilson(k, nn)
            pt = (k + 2) / (nn + 4)
            se = math.sqrt(pt * (1 - pt) / (nn + 4))
            for grain in ["day", "hour"] if dim == "all" else ["day"]:
                add(v, "error_rate", dim, value, grain, k / nn, se, lo, hi, 0.95, n=int(nn), **ck)
    df = pd.DataFrame(rows, columns=ESTIMATE_COLUMNS)
    for c in ("expected_value", "standard_error", "interval_lower", "interval_upper", "confidence_level"):
        df[c] = df[c].astype(float)
    df["sample_size"] = df["sample_size"].astype("int64")
    return df


def reference_features(sc: Scenario, seed: int = 42, n_per_version: int = 2000) -> pd.DataFrame:
    """Values of the features sampled from each version's offline training data, as text (the numeric ones
    written as the seed always wrote them; the categorical payment channel as its category)."""
    parts = []
    for vi, v in enumerate(VERSIONS):
        tr = _offline_sample(seed, 40, n_per_version, sc, vi, error_rate=0.0)
        for feat, values in (("txn_amount", tr["amount"]), ("account_age_days", tr["age"].astype(np.float64))):
            text = [f"{x:.6f}".rstrip("0").rstrip(".") or "0" for x in values]
            parts.append(
                pd.DataFrame({"model_id": MODEL_ID, "model_version": v, "feature_name": feat, "feature_value": text})
            )
        channel = np.asarray(CHANNELS, dtype=object)[tr["channel"]]
        parts.append(
            pd.DataFrame(
                {"model_id": MODEL_ID, "model_version": v, "feature_name": "payment_channel", "feature_value": channel}
            )
        )
    return pd.DataFrame(pd.concat(parts, ignore_index=True), columns=REFERENCE_COLUMNS)


def offline_evaluation(sc: Scenario, seed: int = 42, n_per_version: int = 10_000) -> pd.DataFrame:
    """The backtest row by row (the optional input corridor_offline_evaluation): labelled rows of each version's
    offline evaluation set, drawn by the same generator and stream as the backtest estimates (a smaller sample), with
    the production events' segment and feature columns, so corridor computes the offline_evaluation and
    offline_feature_adjusted sources itself (docs/offline-evaluation.md)."""
    quarter = _ts(sc.start - 20 * _NS_PER_D)
    qtag = f"{quarter.year}q{(quarter.month - 1) // 3 + 1}"
    parts = []
    for vi, v in enumerate(VERSIONS):
        ev = _offline_sample(seed, 10, n_per_version, sc, vi, error_rate=0.0)
        n = ev["t"].size
        parts.append(
            pd.DataFrame(
                {
                    "evaluation_id": f"eval_{qtag}_{v}",
                    "row_id": [f"bt_{v}_{k:06d}" for k in range(n)],
                    "model_id": MODEL_ID,
                    "model_version": v,
                    "region": np.asarray(REGIONS, dtype=object)[ev["region"]],
                    "device": np.asarray(DEVICES, dtype=object)[ev["device"]],
                    "tier": np.asarray(TIERS, dtype=object)[ev["tier"]],
                    "predicted_score": ev["score"],
                    "predicted_class": (ev["score"] >= 0.5).astype(np.int32),
                    "label": ev["label"].astype(np.int32),
                    "feature_txn_amount": ev["amount"],
                    "feature_account_age_days": ev["age"].astype(np.float64),
                    "feature_payment_channel": np.asarray(CHANNELS, dtype=object)[ev["channel"]],
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def account_age_transform_change(sc: Scenario) -> int:
    """When the online pipeline switched feature account_age_days to transform v2 (day 6 of 21, 2026-10-06)."""
    return sc.start + int(round(5 * sc.days / 21)) * _NS_PER_D


def feature_versions(sc: Scenario) -> pd.DataFrame:
    """The feature versions production ran on (docs/lineage.md). Planted: account_age_days moves to transform v2
    (age counted from the first verified purchase) mid-period; model v2 was trained and backtested on v2, v1's
    backtest predates it. Metadata only: the events' values are not altered (the drift rules see no change)."""
    since = _fmt_ts(sc.start - 90 * _NS_PER_D)
    change = _fmt_ts(account_age_transform_change(sc))
    rows = [
        ("txn_amount", "v1", since, "payments_db.transactions.amount"),
        ("account_age_days", "v1", since, "crm.accounts.created_at"),
        ("account_age_days", "v2", change, "crm.accounts.first_verified_purchase_at"),
        ("payment_channel", "v1", since, "checkout_events.channel"),
    ]
    return pd.DataFrame(rows, columns=FEATURE_VERSION_COLUMNS)


def estimate_feature_versions(est: pd.DataFrame) -> pd.DataFrame:
    """The feature versions each overall backtest estimate was computed with (the segment backtests, load tests and
    canaries record none, so they are never judged stale). v1's saw account_age_days v1, v2's saw v2."""
    overall = est[(est["method"] == "backtest") & (est["segment_dimension"] == "all")]
    rows = []
    for estimate_id, version in zip(overall["estimate_id"], overall["model_version"], strict=True):
        rows.append((estimate_id, "txn_amount", "v1"))
        rows.append((estimate_id, "account_age_days", version))
    return pd.DataFrame(rows, columns=ESTIMATE_FEATURE_VERSION_COLUMNS)


def rules(sc: Scenario) -> pd.DataFrame:
    """The hypotheses registry: what production must satisfy, and who to call.

    Each planted incident has a rule that must catch it (and open an alert
    after its configured number of windows); the other rules must stay quiet
    or at most warn. R007 has two versions: v2 (tighter) takes over on the
    demo's 10th day, so results name the version that judged them.
    """
    owner, esc = "fraud-ml-team", "#fraud-oncall -> pagerduty:fraud-ml"
    plat, pesc = "ml-platform-team", "#ml-platform -> pagerduty:ml-platform"
    early = _fmt_ts(sc.start - 30 * _NS_PER_D)
    v2_from = _fmt_ts(sc.start + 9 * _NS_PER_D)
    # rule_id, hypothesis, metric, dimension, value, grain, kind, direction, warn, fail,
    # min n, consecutive windows, owner, escalation, severity, version, valid_from
    r = [
        (
            "R001",
            "Accuracy in every region stays within 2 points of the backtest",
            "accuracy",
            "region",
            "*",
            "day",
            "statistical",
            "higher_is_better",
            0.02,
            0.05,
            100,
            2,
            owner,
            esc,
            "medium",
            2,
            early,
        ),
        (
            "R002",
            "Overall recall on fraud is not materially below the backtest",
            "recall",
            "all",
            "all",
            "day",
            "statistical",
            "higher_is_better",
            0.08,
            0.15,
            30,
            2,
            owner,
            esc,
            "high",
            1,
            early,
        ),
        (
            "R003",
            "Daily AUC is equivalent to the backtest within 0.12 (a day of traffic cannot show less)",
            "auc",
            "all",
            "all",
            "day",
            "equivalence",
            "two_sided",
            0.12,
            0.20,
            500,
            1,
            owner,
            esc,
            "critical",
            1,
            early,
        ),
        (
            "R004",
            "Overall precision does not fall far below the backtest",
            "precision",
            "all",
            "all",
            "day",
            "statistical",
            "higher_is_better",
            0.05,
            0.10,
            100,
            1,
            owner,
            esc,
            "medium",
            1,
            early,
        ),
        (
            "R005",
            "Brier score in every region is at most 0.01 above the backtest",
            "brier_score",
            "region",
            "*",
            "day",
            "absolute",
            "lower_is_better",
            0.01,
            0.02,
            50,
            2,
            owner,
            esc,
            "medium",
            1,
            early,
        ),
        (
            "R006",
            "Log loss per tier is no more than 25% worse than the backtest",
            "log_loss",
            "tier",
            "*",
            "day",
            "relative",
            "lower_is_better",
            0.25,
            0.50,
            200,
            2,
            owner,
            esc,
            "low",
            1,
            early,
        ),
        (
            "R007",
            "p95 latency on every device is within 30% of the load test",
            "latency_p95",
            "device",
            "*",
            "day",
            "relative",
            "lower_is_better",
            0.30,
            0.60,
            100,
            1,
            plat,
            pesc,
            "high",
            1,
            early,
        ),
        (
            "R007",
            "p95 latency on every device is within 25% of the load test",
            "latency_p95",
            "device",
            "*",
            "day",
            "relative",
            "lower_is_better",
            0.25,
            0.50,
            100,
            1,
            plat,
            pesc,
            "high",
            2,
            v2_from,
        ),
        (
            "R008",
            "Overall p99 latency is within 25% of the load test",
            "latency_p99",
            "all",
            "all",
            "day",
            "relative",
            "lower_is_better",
            0.25,
            0.50,
            500,
            1,
            plat,
            pesc,
            "medium",
            1,
            early,
        ),
        (
            "R009",
            "Median latency is equivalent to the load test within 10 ms",
            "latency_p50",
            "all",
            "all",
            "day",
            "equivalence",
            "two_sided",
            10,
            20,
            500,
            2,
            plat,
            pesc,
            "low",
            1,
            early,
        ),
        (
            "R010",
            "Hourly error rate stays near the canary rate",
            "error_rate",
            "all",
            "all",
            "hour",
            "absolute",
            "lower_is_better",
            0.01,
            0.05,
            15,
            1,
            plat,
            pesc,
            "critical",
            2,
            early,
        ),
        (
            "R011",
            "Daily error rate per device stays near the canary rate",
            "error_rate",
            "device",
            "*",
            "day",
            "absolute",
            "lower_is_better",
            0.01,
            0.02,
            100,
            1,
            plat,
            pesc,
            "high",
            1,
            early,
        ),
        (
            "R012",
            "Hourly p95 latency stays within 50% of the same hour on previous days",
            "latency_p95",
            "all",
            "all",
            "hour",
            "seasonal",
            "lower_is_better",
            0.50,
            1.00,
            50,
            2,
            plat,
            pesc,
            "high",
            1,
            early,
        ),
        (
            "R013",
            "Log loss in every region is at most 0.05 above the backtest",
            "log_loss",
            "region",
            "*",
            "day",
            "statistical",
            "lower_is_better",
            0.05,
            0.10,
            50,
            2,
            owner,
            esc,
            "high",
            1,
            early,
        ),
        (
            "R017",
            "At most 1 request in 100,000 takes over 10 s (the load test had none)",
            "slow_request_rate",
            "all",
            "all",
            "day",
            "absolute",
            "lower_is_better",
            0.00001,
            0.0001,
            500,
            1,
            plat,
            pesc,
            "high",
            1,
            early,
        ),
    ]
    r = [(*row, None) for row in r]
    # drift rules (comparison_kind drift, issue 15): the measure is the metric, the feature its own column,
    # tolerances in the measure's units (docs/drift.md)
    feat, fesc = "feature-platform-team", "#feature-platform -> pagerduty:features"
    r += [
        (
            "R014",
            "Transaction amounts in every region keep their training distribution (Hellinger within 0.1)",
            "hellinger",
            "region",
            "*",
            "day",
            "drift",
            "two_sided",
            0.10,
            0.20,
            50,
            1,
            feat,
            fesc,
            "high",
            1,
            early,
            "txn_amount",
        ),
        (
            "R015",
            "The payment-channel mix on every device stays near training (Jensen-Shannon within 0.1)",
            "jensen_shannon",
            "device",
            "*",
            "day",
            "drift",
            "two_sided",
            0.10,
            0.20,
            100,
            2,
            feat,
            fesc,
            "medium",
            1,
            early,
            "payment_channel",
        ),
        (
            "R016",
            "Account ages overall keep their training distribution (KS within 0.1)",
            "ks_statistic",
            "all",
            "all",
            "day",
            "drift",
            "two_sided",
            0.10,
            0.20,
            100,
            1,
            feat,
            fesc,
            "low",
            1,
            early,
            "account_age_days",
        ),
    ]
    return pd.DataFrame(r, columns=RULE_COLUMNS)


def planted_incidents(sc: Scenario) -> pd.DataFrame:
    """The answer key: what was planted, where and when."""
    (b1s, b1e), (b2s, b2e) = sc.bursts
    late_s, late_e = sc.late_day
    rows = [
        (
            "inc_01_error_burst",
            "error_burst",
            "error_rate",
            "all",
            "all",
            b1s,
            b1e,
            "Dependency outage: ~25% of requests time out (2-3 s latency, no score) for 45 minutes.",
        ),
        (
            "inc_02_error_burst",
            "error_burst",
            "error_rate",
            "all",
            "all",
            b2s,
            b2e,
            "Second outage: ~25% of requests time out (2-3 s latency, no score) for 50 minutes.",
        ),
        (
            "inc_03_latam_accuracy",
            "accuracy_drop_feature_source_change",
            "accuracy",
            "region",
            "latam",
            sc.latam_from,
            sc.end,
            "Feature source change for latam: feature_txn_amount reported in cents (x100) and scores "
            "barely informative; accuracy, recall, precision and AUC drop (AUC ~0.9 -> ~0.65), scores "
            "inflate, calibration breaks. Affects v1 and v2.",
        ),
        (
            "inc_04_android_p95",
            "latency_p95_regression",
            "latency_p95",
            "device",
            "android",
            sc.android_from,
            sc.end,
            "Android path latency regression: heavier tail, p95 up ~70% (>= 40%); other devices unchanged.",
        ),
        (
            "inc_05_late_duplicates",
            "late_and_duplicated_events",
            "duplicate_rate",
            "all",
            "all",
            late_s,
            late_e,
            "Pipeline replay: ~20% of the day's events are loaded twice (same event_id) and ~85% "
            "have loaded_at 1-3 days after event_at.",
        ),
        (
            "inc_06_ios_channel_mix",
            "feature_drift_no_performance_effect",
            "jensen_shannon:payment_channel",
            "device",
            "ios",
            sc.start + (CHANNEL_DRIFT_DAY - 1) * _NS_PER_D,
            sc.end,
            "Payment-channel mix on iOS shifts (wallets 25% -> 40%, a new channel bnpl at 15%); the model does "
            "not use the feature, so no performance metric moves. The latam source change (inc_03) is the "
            "drift that does cause a drop: feature txn_amount in cents.",
        ),
    ]
    return pd.DataFrame(
        [(i, k, m, MODEL_ID, d, v, _fmt_ts(s), _fmt_ts(e), desc) for i, k, m, d, v, s, e, desc in rows],
        columns=INCIDENT_COLUMNS,
    )


def _static_frames(sc: Scenario, seed: int) -> dict[str, pd.DataFrame]:
    estimates = offline_estimates(sc, seed)
    return {
        "offline_estimates": estimates,
        "rules": rules(sc),
        "reference_features": reference_features(sc, seed),
        "planted_incidents": planted_incidents(sc),
        "feature_versions": feature_versions(sc),
        "estimate_feature_versions": estimate_feature_versions(estimates),
        "offline_evaluation": offline_evaluation(sc, seed),
    }


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------
def _n_entities(n_events: int) -> int:
    return max(int(n_events / ENTITY_EVENTS), 50)


def generate(
    n_events: int = DEFAULT_SEED_EVENTS,
    start: str = "2026-10-01",
    days: int = 21,
    seed: int = 42,
    include_offline: bool = True,
) -> dict[str, pd.DataFrame]:
    """Generate the demo data in memory (timestamps floored to whole seconds).

    Returns frames keyed like ``SEED_FILES``: production_events, outcomes,
    offline_estimates, rules, reference_features, planted_incidents.
    """
    sc = make_scenario(start, days)
    counts = _hour_counts(n_events, sc, seed)
    pool = _make_pool(seed, _n_entities(n_events))
    rng = np.random.default_rng([seed, 1, 0])
    t = _times(rng, sc, counts, 0, _NS_PER_S)
    sim = _simulate(rng, t, pool, sc, resolution_ns=_NS_PER_S)
    events, outcomes = _tables(sim, 0)
    out = {"production_events": _to_pandas(events), "outcomes": _to_pandas(outcomes)}
    if include_offline:
        out.update(_static_frames(sc, seed))
    return out


_FLOAT_DECIMALS = {"latency_ms": 1, "predicted_score": SCORE_DECIMALS, "feature_txn_amount": 2}


def _csv_ready(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if pd.api.types.is_bool_dtype(s.dtype):
            out[c] = np.where(s.to_numpy(), "true", "false")
        elif pd.api.types.is_datetime64_any_dtype(s.dtype):
            out[c] = s.dt.strftime("%Y-%m-%d %H:%M:%S")
        elif pd.api.types.is_float_dtype(s.dtype):
            d = _FLOAT_DECIMALS.get(c, 6)
            out[c] = ["" if v != v else (f"{v:.{d}f}".rstrip("0").rstrip(".") or "0") for v in s.to_numpy()]
    return out


def write_seeds(
    out_dir: str | Path = "seeds/demo",
    n_events: int = DEFAULT_SEED_EVENTS,
    start: str = "2026-10-01",
    days: int = 21,
    seed: int = 42,
) -> dict[str, Path]:
    """Write the six demo CSVs (dbt seeds) to ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames = generate(n_events, start=start, days=days, seed=seed)
    paths = {}
    for key, fname in SEED_FILES.items():
        p = out / fname
        _csv_ready(frames[key]).to_csv(p, index=False, lineterminator="\n")
        paths[key] = p
    return paths


_DICT_COLUMNS = ["model_id", "model_version", "region", "device", "tier"]
_JOB: dict = {}  # shared with forked workers (copy-on-write)


def _write_chunk(ci: int) -> tuple[int, int, int]:
    """Simulate and write part ``ci``; returns (distinct events, event rows, outcome rows)."""
    job = _JOB
    a, b = job["chunks"][ci]
    sc, out = job["scenario"], job["out"]
    rng = np.random.default_rng([job["seed"], 1, ci])
    t = _times(rng, sc, job["counts"][a:b], a, 1000)
    sim = _simulate(rng, t, job["pool"], sc, resolution_ns=1000)
    events, outcomes = _tables(sim, job["offsets"][ci])
    del sim
    pq.write_table(
        events, out / "events" / f"part-{ci:05d}.parquet", compression=job["compression"], use_dictionary=_DICT_COLUMNS
    )
    pq.write_table(
        outcomes, out / "outcomes" / f"part-{ci:05d}.parquet", compression=job["compression"], use_dictionary=False
    )
    return t.size, events.num_rows, outcomes.num_rows


def write_parquet(
    out_dir: str | Path,
    n_events: int,
    chunk_events: int = 5_000_000,
    start: str = "2026-10-01",
    days: int = 21,
    seed: int = 42,
    compression: str = "snappy",
    workers: int = 1,
    verbose: bool = True,
) -> dict[str, object]:
    """Scalable path: ``events/part-*.parquet`` and ``outcomes/part-*.parquet`` in chunks.

    Chunks are contiguous runs of hours, so event ids increase with time across
    parts; memory is bounded by ``chunk_events`` (about 2 GB per 5M-event chunk
    and worker).  The output does not depend on ``workers``.  The offline
    estimates, rules, reference features and incidents are written as CSVs
    alongside.
    """
    out = Path(out_dir)
    sc = make_scenario(start, days)
    t0 = time.perf_counter()
    counts = _hour_counts(n_events, sc, seed)
    chunks: list[tuple[int, int]] = []
    h0, acc = 0, 0
    for h, c in enumerate(counts):
        acc += int(c)
        if acc >= chunk_events:
            chunks.append((h0, h + 1))
            h0, acc = h + 1, 0
    if h0 < counts.size:
        chunks.append((h0, counts.size))
    offsets = [int(counts[:a].sum()) for a, _ in chunks]
    for sub in ("events", "outcomes"):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for old in (out / sub).glob("part-*.parquet"):
            old.unlink()
    for vi in range(len(VERSIONS)):
        _calibration(vi)  # before forking, so workers share it
    _JOB.update(
        chunks=chunks,
        offsets=offsets,
        counts=counts,
        scenario=sc,
        out=out,
        seed=seed,
        compression=compression,
        pool=_make_pool(seed, _n_entities(n_events)),
    )
    done, n_rows, n_outcomes = 0, 0, 0
    try:
        if workers > 1 and len(chunks) > 1:
            import multiprocessing as mp

            with mp.get_context("fork").Pool(min(workers, len(chunks))) as procs:
                results = procs.imap_unordered(_write_chunk, range(len(chunks)))
                for k, (ne, nr, no) in enumerate(results):
                    done, n_rows, n_outcomes = done + ne, n_rows + nr, n_outcomes + no
                    if verbose:
                        el = time.perf_counter() - t0
                        print(
                            f"chunk {k + 1}/{len(chunks)}: {done:,} events in {el:.1f}s ({done / el:,.0f} events/s)",
                            flush=True,
                        )
        else:
            for ci in range(len(chunks)):
                ne, nr, no = _write_chunk(ci)
                done, n_rows, n_outcomes = done + ne, n_rows + nr, n_outcomes + no
                if verbose:
                    el = time.perf_counter() - t0
                    print(
                        f"chunk {ci + 1}/{len(chunks)}: {done:,} events in {el:.1f}s ({done / el:,.0f} events/s)",
                        flush=True,
                    )
    finally:
        _JOB.clear()
    gen_s = time.perf_counter() - t0
    for key, frame in _static_frames(sc, seed).items():
        _csv_ready(frame).to_csv(out / SEED_FILES[key], index=False, lineterminator="\n")
    total_s = time.perf_counter() - t0
    if verbose:
        print(
            f"wrote {n_rows:,} event rows ({done:,} distinct events) and {n_outcomes:,} outcomes "
            f"in {gen_s:.1f}s: {done / gen_s:,.0f} events/s; total with offline files {total_s:.1f}s"
        )
    return {
        "events": done,
        "event_rows": n_rows,
        "outcomes": n_outcomes,
        "chunks": len(chunks),
        "seconds": gen_s,
        "events_per_second": done / gen_s,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m corridor.demo_data", description="Generate corridor's seeded demo data (model checkout_fraud)."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    common.add_argument("--days", type=int, default=21, help="window length in days (default 21)")
    common.add_argument("--start", default="2026-10-01", help="first day, UTC (default 2026-10-01)")
    s = sub.add_parser("seeds", parents=[common], help="write the six demo CSVs (dbt seeds)")
    s.add_argument("--out", default="seeds/demo", help="output directory (default seeds/demo)")
    s.add_argument(
        "--events",
        type=int,
        default=DEFAULT_SEED_EVENTS,
        help=f"number of distinct events (default {DEFAULT_SEED_EVENTS})",
    )
    p = sub.add_parser("parquet", parents=[common], help="write chunked Parquet for benchmarks")
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--events", type=int, required=True, help="number of distinct events")
    p.add_argument("--chunk-events", type=int, default=5_000_000, help="events per part (default 5M)")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="parallel processes (default 1; ~2 GB of memory each at 5M events per part)",
    )
    args = parser.parse_args(argv)
    if args.command == "seeds":
        t0 = time.perf_counter()
        paths = write_seeds(args.out, n_events=args.events, start=args.start, days=args.days, seed=args.seed)
        total = 0
        for p_ in paths.values():
            size = p_.stat().st_size
            total += size
            print(f"{p_}  {size / 1e6:.2f} MB")
        print(f"total {total / 1e6:.2f} MB in {time.perf_counter() - t0:.1f}s")
    else:
        write_parquet(
            args.out,
            args.events,
            chunk_events=args.chunk_events,
            start=args.start,
            days=args.days,
            seed=args.seed,
            workers=args.workers,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
