"""Tests for the seeded demo data generator (corridor.demo_data)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corridor import demo_data as dd  # noqa: E402

START = pd.Timestamp("2026-10-01")
SNAPSHOT = START + pd.Timedelta(days=21)


def day(d: int) -> pd.Timestamp:
    """Start of (1-indexed) day d."""
    return START + pd.Timedelta(days=d - 1)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return dd.generate(dd.DEFAULT_SEED_EVENTS, seed=42)


@pytest.fixture(scope="module")
def big() -> pd.DataFrame:
    """A larger sample (events joined to outcomes) for segment-level statistics."""
    f = dd.generate(150_000, seed=42, include_offline=False)
    ev = f["production_events"].drop_duplicates("event_id")
    return ev.merge(f["outcomes"], on="event_id", how="left")


def test_deterministic_for_a_seed():
    a = dd.generate(5_000, seed=3)
    b = dd.generate(5_000, seed=3)
    c = dd.generate(5_000, seed=4)
    for key in dd.SEED_FILES:
        pd.testing.assert_frame_equal(a[key], b[key])
    assert not a["production_events"].equals(c["production_events"])
    assert not a["offline_estimates"]["expected_value"].equals(c["offline_estimates"]["expected_value"])


def test_columns_exact(frames):
    assert list(frames["production_events"].columns) == [
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
    assert list(frames["outcomes"].columns) == ["event_id", "label", "label_arrived_at"]
    assert list(frames["offline_estimates"].columns) == [
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
    assert list(frames["rules"].columns) == [
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
    assert list(frames["reference_features"].columns) == ["model_id", "model_version", "feature_name", "feature_value"]
    assert list(frames["planted_incidents"].columns) == [
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


def test_csv_format(tmp_path):
    paths = dd.write_seeds(tmp_path, n_events=3_000, seed=5)
    assert {p.name for p in paths.values()} == set(dd.SEED_FILES.values())
    ev = pd.read_csv(paths["production_events"], dtype=str, keep_default_na=False)
    assert list(ev.columns) == dd.EVENT_COLUMNS
    ts = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$")
    assert ev["event_at"].str.match(ts).all() and ev["loaded_at"].str.match(ts).all()
    assert set(ev["is_error"]) == {"true", "false"}
    err = ev["is_error"] == "true"
    assert (ev.loc[err, "predicted_score"] == "").all() and (ev.loc[err, "predicted_class"] == "").all()
    assert set(ev.loc[~err, "predicted_class"]) == {"0", "1"}
    assert ev["event_id"].str.match(r"^evt_\d{12}$").all()
    assert ev["entity_id"].str.match(r"^ent_[0-9a-f]{12}$").all()
    assert not ev["predicted_score"].str.contains("e", regex=False).any()
    oc = pd.read_csv(paths["outcomes"], dtype=str)
    assert list(oc.columns) == dd.OUTCOME_COLUMNS and set(oc["label"]) == {"0", "1"}
    assert oc["label_arrived_at"].str.match(ts).all()
    est = pd.read_csv(paths["offline_estimates"])
    assert list(est.columns) == dd.ESTIMATE_COLUMNS
    # the backtest sample has a fixed size (10,000 rows per version, whatever n_events): bounded on its own
    backtest = paths["offline_evaluation"].stat().st_size
    assert backtest < 2_000_000
    total = sum(p.stat().st_size for p in paths.values()) - backtest
    assert total < 2_000_000


def test_traffic_shares(frames):
    ev = frames["production_events"].drop_duplicates("event_id")
    for dim, values, shares in (
        ("region", dd.REGIONS, dd.REGION_SHARE),
        ("device", dd.DEVICES, dd.DEVICE_SHARE),
        ("tier", dd.TIERS, dd.TIER_SHARE),
    ):
        observed = ev[dim].value_counts(normalize=True)
        assert set(observed.index) == set(values)
        for v, s in zip(values, shares, strict=True):
            assert abs(observed[v] - s) < max(0.02, 0.25 * s), (dim, v, observed[v], s)
    assert ev["model_id"].eq("checkout_fraud").all()
    per_entity = ev.groupby("entity_id").size()
    assert per_entity.mean() >= 3 and per_entity.max() >= 10


def test_seasonality(frames):
    ev = frames["production_events"].drop_duplicates("event_id")
    by_hour = ev.groupby(ev["event_at"].dt.hour).size()
    assert len(by_hour) == 24 and by_hour.max() >= 1.5 * by_hour.min()
    ok = ev[~ev["is_error"] & (ev["event_at"] < day(16))]
    hour = ok["event_at"].dt.hour
    peak = ok.loc[hour.between(17, 20), "latency_ms"].median()
    trough = ok.loc[hour.between(2, 5), "latency_ms"].median()
    assert peak > 1.03 * trough


def test_rollout(frames):
    ev = frames["production_events"].drop_duplicates("event_id")
    v2 = ev["model_version"].eq("v2")
    assert set(ev["model_version"]) == {"v1", "v2"}
    assert v2[ev["event_at"] < day(8)].sum() == 0
    assert 0.03 < v2[(ev["event_at"] >= day(8)) & (ev["event_at"] < day(11))].mean() < 0.2
    assert 0.3 < v2[(ev["event_at"] >= day(11)) & (ev["event_at"] < day(14))].mean() < 0.7
    assert v2[ev["event_at"] >= day(14)].all()


def test_classifier_quality(frames):
    ev = frames["production_events"].drop_duplicates("event_id")
    e = ev.merge(frames["outcomes"], on="event_id")
    ok = e[~e["is_error"]]
    assert (ok["predicted_class"] == (ok["predicted_score"] >= 0.5).astype(int)).all()
    assert 0.02 < e["label"].mean() < 0.04
    pre = ok[(ok["event_at"] < day(12)) & (ok["model_version"] == "v1")]
    assert 0.83 < roc_auc_score(pre["label"], pre["predicted_score"]) < 0.94
    assert abs(pre["predicted_score"].mean() - pre["label"].mean()) < 0.006  # calibrated
    rates = e.groupby("region")["label"].mean()
    assert rates.max() > 1.3 * rates.min()  # fraud rate varies by segment


def test_errors_and_bursts(frames):
    ev = frames["production_events"].drop_duplicates("event_id")
    err = ev["is_error"]
    assert ev.loc[err, "predicted_score"].isna().all() and ev.loc[err, "predicted_class"].isna().all()
    assert ev.loc[~err, "predicted_score"].notna().all()
    assert ev.loc[err, "latency_ms"].between(2000, 3000).all()
    inc = frames["planted_incidents"]
    bursts = inc[inc["incident_kind"] == "error_burst"]
    assert len(bursts) == 2
    in_burst = pd.Series(False, index=ev.index)
    for _, b in bursts.iterrows():
        m = (ev["event_at"] >= pd.Timestamp(b["starts_at"])) & (ev["event_at"] < pd.Timestamp(b["ends_at"]))
        assert m.sum() > 20 and err[m].mean() > 0.12
        in_burst |= m
    assert 0.002 < err[~in_burst].mean() < 0.01


def test_label_delay(frames):
    ev = frames["production_events"].drop_duplicates("event_id")
    e = ev.merge(frames["outcomes"], on="event_id", how="left")
    assert frames["outcomes"]["event_id"].is_unique
    lab = e[e["label"].notna()]
    delay_h = (lab["label_arrived_at"] - lab["event_at"]).dt.total_seconds() / 3600
    assert (delay_h >= 0).all() and (lab["label_arrived_at"] <= SNAPSHOT).all()
    assert 1.0 < delay_h.median() < 8.0
    assert (delay_h < 24).mean() > 0.8 and delay_h.max() > 72  # most within a day, long tail
    old = e[e["event_at"] < SNAPSHOT - pd.Timedelta(days=7)]
    assert 0.04 < old["label"].isna().mean() < 0.10  # never arrive
    assert 0.05 < e["label"].isna().mean() < 0.15
    recent = e[e["event_at"] >= SNAPSHOT - pd.Timedelta(hours=6)]
    assert recent["label"].isna().mean() > 0.3  # not arrived yet at the snapshot


def test_latency_regression_android_only(frames):
    ev = frames["production_events"].drop_duplicates("event_id")
    ok = ev[~ev["is_error"]]
    after = ok["event_at"] >= day(16)

    def p95(device, when):
        return ok.loc[(ok["device"] == device) & when, "latency_ms"].quantile(0.95)

    assert p95("android", after) >= 1.4 * p95("android", ~after)
    assert abs(p95("web", after) / p95("web", ~after) - 1) <= 0.10
    assert abs(p95("ios", after) / p95("ios", ~after) - 1) <= 0.15


def test_accuracy_drop_latam_only(big):
    ok = big[~big["is_error"] & big["label"].notna()]
    after = ok["event_at"] >= day(12)

    def auc(mask):
        return roc_auc_score(ok.loc[mask, "label"], ok.loc[mask, "predicted_score"])

    def acc(mask):
        return (ok.loc[mask, "predicted_class"] == ok.loc[mask, "label"]).mean()

    latam = ok["region"] == "latam"
    assert auc(latam & ~after) - auc(latam & after) >= 0.15
    assert acc(latam & ~after) - acc(latam & after) >= 0.02
    for region in ("na", "eu", "apac"):
        r = ok["region"] == region
        assert abs(auc(r & ~after) - auc(r & after)) < 0.05
        assert abs(acc(r & ~after) - acc(r & after)) < 0.01
    amt = big.groupby([big["region"] == "latam", big["event_at"] >= day(12)])["feature_txn_amount"].median()
    assert amt[(True, True)] > 50 * amt[(True, False)]
    assert 0.8 < amt[(False, True)] / amt[(False, False)] < 1.25


def test_late_and_duplicated_day(frames):
    ev = frames["production_events"]
    on_day = (ev["event_at"] >= day(19)) & (ev["event_at"] < day(20))
    d = ev[on_day]
    n_distinct = d["event_id"].nunique()
    assert 0.15 < (len(d) - n_distinct) / n_distinct < 0.25
    assert d.groupby("event_id").size().max() == 2
    lag = ev["loaded_at"] - ev["event_at"]
    assert (lag >= pd.Timedelta(0)).all() and (ev["loaded_at"] <= SNAPSHOT).all()
    assert (lag[on_day] >= pd.Timedelta(days=1)).mean() > 0.7
    rest = ev[~on_day]
    assert rest["event_id"].is_unique
    assert (lag[~on_day] < pd.Timedelta(hours=1)).mean() > 0.999
    first = d.drop_duplicates("event_id", keep="first").set_index("event_id")
    second = d[d.duplicated("event_id", keep="first")].set_index("event_id")
    same_cols = [c for c in dd.EVENT_COLUMNS if c not in ("event_id", "loaded_at")]
    pd.testing.assert_frame_equal(first.loc[second.index, same_cols], second[same_cols])


def test_offline_estimates(frames):
    est = frames["offline_estimates"]
    has_se = est["standard_error"].notna() & (est["standard_error"] > 0)
    has_iv = est[["interval_lower", "interval_upper", "confidence_level"]].notna().all(axis=1)
    assert (has_se | has_iv).all()
    assert (has_iv & ~has_se).any() and (est["confidence_level"] == 0.9).any()
    iv = est[has_iv]
    assert (iv["interval_lower"] <= iv["expected_value"]).all()
    assert (iv["expected_value"] <= iv["interval_upper"]).all()
    assert est["estimate_id"].is_unique
    allowed = {
        "request_count",
        "throughput_per_hour",
        "error_rate",
        "latency_mean",
        "latency_p50",
        "latency_p95",
        "latency_p99",
        "slow_request_rate",
        "accuracy",
        "precision",
        "recall",
        "auc",
        "log_loss",
        "brier_score",
        "expected_calibration_error",
    }
    assert set(est["metric"]) <= allowed
    segments = {("all", "all")} | {(k, v) for k, vals in dd.DIMENSIONS.items() for v in vals}
    for version in ("v1", "v2"):
        for metric in (
            "accuracy",
            "precision",
            "recall",
            "auc",
            "log_loss",
            "brier_score",
            "expected_calibration_error",
            "latency_p50",
            "latency_p95",
            "latency_p99",
            "latency_mean",
            "error_rate",
        ):
            rows = est[(est["model_version"] == version) & (est["metric"] == metric) & (est["window_grain"] == "day")]
            got = set(zip(rows["segment_dimension"], rows["segment_value"], strict=True))
            assert got == segments, (version, metric)
    methods = est.groupby("metric")["method"].agg(set)
    assert methods["auc"] == {"backtest"} and methods["latency_p95"] == {"load_test"}
    assert methods["error_rate"] == {"canary"}
    bt = est[(est["metric"] == "auc") & (est["segment_dimension"] == "all")].set_index("model_version")
    assert 0.83 < bt.loc["v1", "expected_value"] < bt.loc["v2", "expected_value"] < 0.94
    datasets = set(est["evaluation_dataset_id"][est["method"] == "backtest"])
    assert datasets == {"eval_2026q3_v1", "eval_2026q3_v2"}
    assert est.loc[est["model_version"] == "v2", "valid_to"].isna().all()
    v1 = est[est["model_version"] == "v1"].iloc[0]
    assert v1["valid_to"] == "2026-10-14 00:00:00"


def test_rules_references_incidents(frames):
    rules = frames["rules"]
    # 17 rules, one (R007) in two versions: rule id and version are unique together
    assert 8 <= rules["rule_id"].nunique() <= 17
    assert not rules.duplicated(["rule_id", "rule_version"]).any()
    assert (rules.groupby("rule_id")["rule_version"].nunique() > 1).sum() == 1
    assert set(rules["comparison_kind"]) == {"absolute", "relative", "statistical", "equivalence", "seasonal", "drift"}
    # drift rules name their feature; no other rule does
    assert rules["feature"].notna().eq(rules["comparison_kind"] == "drift").all()
    assert set(rules["direction"]) <= {"higher_is_better", "lower_is_better", "two_sided"}
    assert set(rules["severity"]) <= {"critical", "high", "medium", "low"}
    assert (rules["warn_tolerance"] < rules["fail_tolerance"]).all()
    ref = frames["reference_features"]
    counts = ref.groupby(["model_version", "feature_name"]).size()
    assert len(counts) == 6 and (counts == 2000).all()
    channels = ref.loc[ref["feature_name"] == "payment_channel", "feature_value"]
    assert set(channels) == {"card", "wallet", "bank_transfer"}  # bnpl is new in production (inc_06)
    inc = frames["planted_incidents"].set_index("incident_kind")
    assert set(inc.index) == {
        "error_burst",
        "latency_p95_regression",
        "accuracy_drop_feature_source_change",
        "late_and_duplicated_events",
        "feature_drift_no_performance_effect",
    }
    channel = inc.loc["feature_drift_no_performance_effect", ["metric", "segment_value", "starts_at"]]
    assert tuple(channel) == ("jensen_shannon:payment_channel", "ios", "2026-10-08 00:00:00")
    assert tuple(inc.loc["latency_p95_regression", ["segment_dimension", "segment_value", "starts_at"]]) == (
        "device",
        "android",
        "2026-10-16 00:00:00",
    )
    latam = inc.loc["accuracy_drop_feature_source_change", ["segment_value", "starts_at", "ends_at"]]
    assert tuple(latam) == ("latam", "2026-10-12 00:00:00", "2026-10-22 00:00:00")
    assert inc.loc["late_and_duplicated_events", "starts_at"] == "2026-10-19 00:00:00"


def test_other_window_lengths_scale():
    sc = dd.make_scenario("2026-01-05", 28)
    assert pd.Timestamp(sc.latam_from, unit="ns") == pd.Timestamp("2026-01-20")
    f = dd.generate(4_000, start="2026-01-05", days=28, seed=1, include_offline=False)
    ev = f["production_events"]
    assert ev["event_at"].min() >= pd.Timestamp("2026-01-05")
    assert ev["event_at"].max() < pd.Timestamp("2026-02-02")
    with pytest.raises(ValueError):
        dd.make_scenario(days=3)


def test_parquet_matches_schema(tmp_path):
    res = dd.write_parquet(tmp_path, 200_000, chunk_events=100_000, seed=9, verbose=False)
    assert res["chunks"] == 2 and res["events"] == 200_000
    parts = sorted((tmp_path / "events").glob("part-*.parquet"))
    assert len(parts) == 2 and len(sorted((tmp_path / "outcomes").glob("part-*.parquet"))) == 2
    ev = pq.read_table(tmp_path / "events")
    oc = pq.read_table(tmp_path / "outcomes")
    assert ev.column_names == dd.EVENT_COLUMNS and oc.column_names == dd.OUTCOME_COLUMNS
    schema = {f.name: str(f.type) for f in ev.schema}
    assert schema["event_at"] == schema["loaded_at"] == "timestamp[us]"
    assert schema["is_error"] == "bool" and schema["latency_ms"] == "double"
    assert str(oc.schema.field("label_arrived_at").type) == "timestamp[us]"
    df = ev.to_pandas()
    assert df["event_id"].nunique() == 200_000 and len(df) == res["event_rows"] > 200_000
    ids = df["event_id"].drop_duplicates().str[4:].astype(np.int64)
    assert ids.min() == 0 and ids.max() == 199_999
    assert set(df["model_version"].astype(str)) == {"v1", "v2"}
    for name in dd.SEED_FILES.values():
        if "events" not in name and "outcomes" not in name:
            assert (tmp_path / name).exists()


def test_offline_sample_sizes_are_the_metrics_denominators(frames):
    """The backtest's sample sizes (the offline mix of the attribution, docs/decisions.md): per region they add
    up to the overall evaluation set, precision rests on fewer rows (predicted positives) than accuracy."""
    est = frames["offline_estimates"]
    backtest = est[(est["method"] == "backtest") & (est["model_version"] == "v1")]
    for metric in ("accuracy", "precision", "recall"):
        rows = backtest[backtest["metric"] == metric]
        overall = int(rows.loc[rows["segment_dimension"] == "all", "sample_size"].iloc[0])
        for dimension in ("region", "device", "tier"):
            assert rows.loc[rows["segment_dimension"] == dimension, "sample_size"].sum() == overall
    acc = backtest[(backtest["metric"] == "accuracy") & (backtest["segment_dimension"] == "all")]["sample_size"].iloc[0]
    prec = backtest[(backtest["metric"] == "precision") & (backtest["segment_dimension"] == "all")]["sample_size"].iloc[
        0
    ]
    assert acc == 250_000 and 0 < prec < acc
    assert (est["sample_size"] > 0).all()


def test_feature_versions_plant_one_transform_change_seen_only_by_v2s_backtest(frames):
    """docs/lineage.md: account_age_days moves to v2 on day 6 (2026-10-06); the overall backtest estimates record
    their versions (v1's saw v1, v2's v2), every other estimate none; every estimate has an owner."""
    versions = frames["feature_versions"]
    assert list(versions.columns) == dd.FEATURE_VERSION_COLUMNS
    changes = versions[versions.feature_version != "v1"]
    assert changes[["feature_name", "feature_version", "valid_from"]].values.tolist() == [
        ["account_age_days", "v2", "2026-10-06 00:00:00"]
    ]
    est = frames["offline_estimates"]
    lineage = frames["estimate_feature_versions"].merge(est, on="estimate_id", how="left", validate="many_to_one")
    assert lineage.model_version.notna().all()
    assert set(lineage.method) == {"backtest"} and set(lineage.segment_dimension) == {"all"}
    age = lineage[lineage.feature_name == "account_age_days"]
    assert (age.feature_version == age.model_version).all()
    overall_backtests = est[(est.method == "backtest") & (est.segment_dimension == "all")]
    assert set(age.estimate_id) == set(overall_backtests.estimate_id)
    assert est.owner.notna().all() and set(est[est.method == "backtest"].owner) == {"fraud-offline-eval-team"}
