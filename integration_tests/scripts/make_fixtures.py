"""Write the integration project's input seeds and its expected-output seed.

The inputs deliberately differ from the demo: other relation and column names,
other segment dimensions (country, platform), another model. They contain the
edge cases every metric must survive: a day with no events at all, a segment
value with a single event, a segment whose labels are all one class, a day
whose labels have all not arrived, duplicated event ids, an outcome for an
unknown event and a corrected (re-delivered) outcome.

The expected production metrics are computed by ``reference_metrics.py``
(pandas / scipy / scikit-learn, row by row), never by corridor's SQL.

    python integration_tests/scripts/make_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
sys.path.insert(0, str(HERE.parent / "pytest"))

from reference_metrics import INTEGRATION_SLOW_REQUEST_MS, expected_production_metrics  # noqa: E402


def build(seed: int = 7) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    rows = []
    start = pd.Timestamp("2026-03-02")  # a Monday: day and week windows line up
    eid = 0
    for day in range(6):
        if day == 2:
            continue  # 2026-03-04: no events at all (an empty window)
        n = 60 + 10 * day
        for _ in range(n):
            eid += 1
            t = start + pd.Timedelta(days=day) + pd.Timedelta(seconds=float(rng.uniform(0, 86400)))
            country = rng.choice(["US", "DE", "BR"], p=[0.6, 0.3, 0.1])
            platform = rng.choice(["ios", "android"], p=[0.7, 0.3])
            release = "r2" if (day >= 3 and rng.random() < 0.5) else "r1"
            rows.append((f"req-{eid:05d}", t, release, country, platform))
    # one event from a country seen nowhere else: a one-event segment
    eid += 1
    rows.append((f"req-{eid:05d}", start + pd.Timedelta(days=1, hours=5, minutes=7), "r1", "MX", "ios"))
    ev = pd.DataFrame(
        rows, columns=["request_uuid", "requested_at", "model_release", "country_code", "client_platform"]
    )
    n = len(ev)
    ev["model_name"] = "basket_risk"
    ev["customer_key"] = [f"cust-{i % 37}" for i in range(n)]
    ev["response_ms"] = np.round(rng.lognormal(4.5, 0.6, n), 2)
    ev["failed"] = rng.random(n) < 0.04
    score = np.round(rng.beta(1.2, 4.0, n), 3)
    ev["fraud_probability"] = np.where(ev["failed"], np.nan, score)
    ev["basket_items"] = rng.integers(1, 12, n)
    ev["ingested_at"] = ev["requested_at"] + pd.to_timedelta(rng.integers(1, 300, n), unit="s")
    ev = ev.sort_values("requested_at").reset_index(drop=True)

    # labels: fraud more likely at high scores
    p = np.clip(ev["fraud_probability"].fillna(0.2).to_numpy() * 1.4, 0, 1)
    label = (rng.random(n) < p).astype(int)
    day_of = ev["requested_at"].dt.floor("D")
    # every android event on day 0 is legitimate: all labels of one class
    android_day0 = (ev["client_platform"] == "android") & (day_of == start)
    label[android_day0.to_numpy()] = 0
    arrived = rng.random(n) < 0.85
    arrived[(day_of == start + pd.Timedelta(days=5)).to_numpy()] = False  # the last day: no labels yet
    outcomes = pd.DataFrame(
        {
            "request_uuid": ev["request_uuid"],
            "is_fraud": label,
            "reported_at": ev["requested_at"] + pd.to_timedelta(rng.integers(600, 3 * 86400, n), unit="s"),
        }
    )[arrived].reset_index(drop=True)

    # a corrected outcome: delivered first wrong, then right (the later one wins)
    corrected = outcomes.iloc[3].copy()
    wrong = corrected.copy()
    wrong["is_fraud"] = 1 - corrected["is_fraud"]
    wrong["reported_at"] = corrected["reported_at"] - pd.Timedelta(hours=1)
    # an outcome for an event that does not exist
    orphan = pd.DataFrame([{"request_uuid": "req-unknown", "is_fraud": 1, "reported_at": start}])
    outcomes = pd.concat([outcomes, wrong.to_frame().T, orphan], ignore_index=True)

    # duplicated events: a second, later-loaded copy of three events
    dups = ev.iloc[[10, 11, 12]].copy()
    dups["ingested_at"] = dups["ingested_at"] + pd.Timedelta(days=2)
    dups["response_ms"] = dups["response_ms"] * 10  # must not count
    raw_events = pd.concat([ev, dups], ignore_index=True)

    truth = ev.merge(
        outcomes.sort_values("reported_at").drop_duplicates("request_uuid", keep="last"),
        on="request_uuid",
        how="left",
    )
    reference_events = pd.DataFrame(
        {
            "model_id": truth["model_name"],
            "model_version": truth["model_release"],
            "event_at": truth["requested_at"],
            "latency_ms": truth["response_ms"],
            "is_error": truth["failed"].astype(bool),
            "predicted_score": truth["fraud_probability"],
            "label": truth["is_fraud"].astype(float),
            "country": truth["country_code"],
            "platform": truth["client_platform"],
        }
    )

    projections = []
    for release in ["r1", "r2"]:
        for metric, value, se, lo, hi, level in [
            ("accuracy", 0.80, 0.015, None, None, None),
            ("auc", 0.78, None, 0.74, 0.82, 0.90),
            ("latency_p95", 190.0, None, 170.0, 210.0, 0.95),
            ("error_rate", 0.04, 0.005, None, None, 0.95),
        ]:
            projections.append(
                {
                    "projection_key": f"{release}-{metric}",
                    "model": "basket_risk",
                    "release": release,
                    "kpi": metric,
                    "dimension": "",
                    "dimension_value": "",
                    "grain": "day",
                    "point": value,
                    "std_err": se,
                    "ci_low": lo,
                    "ci_high": hi,
                    "ci_level": level,
                    "how": "backtest" if metric != "latency_p95" else "load_test",
                    "estimator": "bt-1.0",
                    "dataset": "holdout-2026-02",
                    "made_at": "2026-02-20 00:00:00",
                    "from_ts": "2026-03-02 00:00:00" if release == "r1" else "2026-03-05 00:00:00",
                    "to_ts": "",
                }
            )
    projections.append(
        {
            "projection_key": "r1-accuracy-US",
            "model": "basket_risk",
            "release": "r1",
            "kpi": "accuracy",
            "dimension": "country",
            "dimension_value": "US",
            "grain": "day",
            "point": 0.82,
            "std_err": 0.02,
            "ci_low": None,
            "ci_high": None,
            "ci_level": None,
            "how": "backtest",
            "estimator": "bt-1.0",
            "dataset": "holdout-2026-02",
            "made_at": "2026-02-20 00:00:00",
            "from_ts": "2026-03-02 00:00:00",
            "to_ts": "2026-03-05 00:00:00",
        }
    )
    hypotheses = pd.DataFrame(
        [
            {
                "hypothesis_id": "acc-country",
                "statement": "Accuracy per country stays within 5 points of the backtest",
                "kpi": "accuracy",
                "scope_dimension": "country",
                "scope_value": "*",
                "grain": "day",
                "kind": "statistical",
                "better": "higher_is_better",
                "warn_at": 0.03,
                "fail_at": 0.05,
                "min_n": 30,
                "windows_in_a_row": 2,
                "team": "risk-ml",
                "escalation": "#risk-ml",
                "sev": "high",
                "version": "3",
                "effective_from": "2026-01-01 00:00:00",
            },
            # one rule per remaining comparison kind, so every kind runs on both engines
            *[
                {
                    "hypothesis_id": rid,
                    "statement": text,
                    "kpi": kpi,
                    "scope_dimension": dim,
                    "scope_value": val,
                    "grain": grain,
                    "kind": kind,
                    "better": better,
                    "warn_at": warn,
                    "fail_at": fail,
                    "min_n": 1 if kind == "seasonal" else 20,
                    "windows_in_a_row": 1,
                    "team": "risk-ml",
                    "escalation": "#risk-ml",
                    "sev": sev,
                    "version": "1",
                    "effective_from": "2026-01-01 00:00:00",
                }
                for rid, text, kpi, dim, val, grain, kind, better, warn, fail, sev in [
                    (
                        "err-abs",
                        "Error rate at most 3 points above the canary",
                        "error_rate",
                        None,
                        None,
                        "day",
                        "absolute",
                        "lower_is_better",
                        0.03,
                        0.06,
                        "medium",
                    ),
                    (
                        "p95-rel",
                        "p95 latency within 50% of the load test",
                        "latency_p95",
                        None,
                        None,
                        "day",
                        "relative",
                        "lower_is_better",
                        0.5,
                        1.0,
                        "medium",
                    ),
                    (
                        "auc-eq",
                        "AUC equivalent to the backtest within 0.15",
                        "auc",
                        None,
                        None,
                        "day",
                        "equivalence",
                        "two_sided",
                        0.15,
                        0.25,
                        "low",
                    ),
                    (
                        "thr-seasonal",
                        "Hourly throughput per platform near the same hour on previous days",
                        "throughput_per_hour",
                        "platform",
                        "*",
                        "hour",
                        "seasonal",
                        "two_sided",
                        1.0,
                        3.0,
                        "low",
                    ),
                ]
            ],
        ]
    )
    raw_events_out = raw_events.rename(columns={})[
        [
            "request_uuid",
            "requested_at",
            "ingested_at",
            "model_name",
            "model_release",
            "customer_key",
            "country_code",
            "client_platform",
            "response_ms",
            "failed",
            "fraud_probability",
            "basket_items",
        ]
    ]
    return {
        "raw_inference_log": raw_events_out,
        "raw_chargebacks": outcomes,
        "offline_projections": pd.DataFrame(projections),
        "hypotheses": hypotheses,
        "_reference_events": reference_events,
    }


def main() -> None:
    frames = build()
    SEEDS.mkdir(parents=True, exist_ok=True)
    for name, df in frames.items():
        if name.startswith("_"):
            continue
        df.to_csv(SEEDS / f"{name}.csv", index=False, date_format="%Y-%m-%d %H:%M:%S.%f")
    expected = expected_production_metrics(
        frames["_reference_events"], segments=["country", "platform"], slow_ms=INTEGRATION_SLOW_REQUEST_MS
    )
    # Hourly rows per segment value would make the seed large and slow to load
    # on PostgreSQL; the seed keeps hourly rows for overall traffic only (the
    # pytest suite compares every row on DuckDB).
    expected = expected[(expected["window_grain"] != "hour") | (expected["segment_dimension"] == "all")]
    expected["window_start"] = expected["window_start"].dt.strftime("%Y-%m-%d %H:%M:%S")
    cols = [
        "model_id",
        "model_version",
        "metric",
        "segment_dimension",
        "segment_value",
        "window_grain",
        "window_start",
        "metric_value",
        "sample_size",
        "standard_error",
        "interval_lower",
        "interval_upper",
    ]
    expected[cols].to_csv(SEEDS / "expected_production_metrics.csv", index=False, float_format="%.10g")
    print(f"wrote {len(frames['raw_inference_log'])} events, {len(expected)} expected metric rows to {SEEDS}")


if __name__ == "__main__":
    main()
