"""The bad-input suite: malformed inputs, each with its exact outcome.

Every case ends in one of: a clear error naming the problem, a quarantine
reason, a quality-gate status, or a `missing` window (a row with no data),
and every row read is accounted for (rows read = rows accepted + rows
quarantined). Inputs are tiny DuckDB tables (every column text, as a loader
would deliver them) read through `relation:` vars; independent cases share
one build: each lives in its own event ids, windows or model id.
"""

from __future__ import annotations

import hashlib
import re

import duckdb
import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT

pytestmark = pytest.mark.dbt

KEY = "bad-input-suite-key"
# A segment column whose name is SQL: it must stay a name.
WEIRD_COLUMN = 're"gion; drop table bad_outcomes; --'
INJECTED_VERSION = "v1'; drop table bad_events; --"

EVENT_COLUMNS = [
    "event_id",
    "event_at",
    "loaded_at",
    "model_id",
    "model_version",
    "entity_id",
    WEIRD_COLUMN,
    "latency_ms",
    "is_error",
    "predicted_score",
    "predicted_class",
]
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
    "method",
    "estimator_version",
    "evaluation_dataset_id",
    "produced_at",
    "valid_from",
    "valid_to",
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
]


def _ts(t: pd.Timestamp) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S")


def _event(event_id, at, *, model="m1", version="v1", region="eu", latency="100", score="0.2", cls=None, **kw):
    at_ts = pd.Timestamp(at) if at is not None else None
    row = {
        "event_id": event_id,
        "event_at": _ts(at_ts) if at_ts is not None else None,
        "loaded_at": _ts(at_ts + pd.Timedelta(seconds=30)) if at_ts is not None else "2026-10-04 00:00:00",
        "model_id": model,
        "model_version": version,
        "entity_id": f"user-{event_id}",
        WEIRD_COLUMN: region,
        "latency_ms": latency,
        "is_error": "false",
        "predicted_score": score,
        "predicted_class": cls if cls is not None else ("1" if score not in (None, "") and _num(score) >= 0.5 else "0"),
    }
    row.update(kw)
    return row


def _num(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


def _clean_stream(model, days, labels="alternate", per_hour=20):
    events, outcomes = [], []
    for day in days:
        for hour in range(24):
            for k in range(per_hour):
                at = pd.Timestamp(day) + pd.Timedelta(hours=hour, minutes=3 * k)
                eid = f"{model}-{at:%Y%m%d%H%M}"
                score = "0.8" if k % 2 else "0.2"
                events.append(
                    _event(eid, at, model=model, region="eu" if k % 3 else "na", latency=str(100 + k), score=score)
                )
                if labels == "alternate":
                    label = "1" if (k % 2 and k % 5) else "0"
                elif labels == "zero":
                    label = "0"
                else:
                    continue
                outcomes.append({"event_id": eid, "label": label, "label_arrived_at": _ts(at + pd.Timedelta(hours=1))})
    return events, outcomes


# The malformed production events: id -> (row, reason codes it must be quarantined with, or None if accepted)
def _special_events():
    d = pd.Timestamp
    specials = [
        # null, unparseable, timezone-less, offset and future timestamps
        (_event("null-ts", None), "missing_event_at"),
        (_event("bad-ts", "2026-10-04 07:10", event_at="not a time"), "unparseable_event_at"),
        (_event("tz-naive", "2026-10-03 10:15", model="m_tz"), None),
        (_event("tz-offset", "2026-10-03 10:20", model="m_tz", event_at="2026-10-03T12:20:00+02:00"), None),
        (_event("future-far", "2030-01-01 00:00", loaded_at="2026-10-05 00:00:00"), "future_event_at"),
        (_event("future-local", "2026-10-05 12:30", loaded_at="2026-10-05 11:00:00"), "future_event_at"),
        # impossible and unparseable values
        (_event("neg-lat", "2026-10-04 08:10", latency="-5"), "negative_latency_ms"),
        (_event("str-lat", "2026-10-04 09:10", latency="fast"), "unparseable_latency_ms"),
        (_event("prob-17", "2026-10-04 13:10", score="1.7", cls="1"), "predicted_score_out_of_range"),
        (_event("nan-lat", "2026-10-04 14:10", latency="NaN"), "non_finite_latency_ms"),
        (_event("inf-score", "2026-10-04 15:10", score="inf", cls="1"), "non_finite_predicted_score"),
        (_event("class-3", "2026-10-04 16:10", cls="3"), "unknown_predicted_class"),
        (_event("err-maybe", "2026-10-04 17:10", is_error="maybe"), "unparseable_is_error"),
        # an HTTP status is not an error flag: quarantined, never silently an error (corridor_error_status_min)
        (_event("err-500", "2026-10-04 17:20", is_error="500"), "is_error_not_boolean"),
        # boolean-like spellings are accepted
        (_event("err-yes", "2026-10-04 17:30", is_error="Yes"), None),
        (_event("err-t", "2026-10-04 17:40", is_error=" t "), None),
        (_event("err-0", "2026-10-04 17:50", is_error="0"), None),
        (_event(None, "2026-10-04 18:10"), "missing_event_id"),
        (_event("no-model", "2026-10-04 19:10", model=None), "missing_model_id"),
        (
            _event("multi", None, latency="-1", score="1.7", cls="1"),
            "missing_event_at,negative_latency_ms,predicted_score_out_of_range",
        ),
        # accepted, but the gates speak: an unknown version, a segment value never seen before
        *[(_event(f"v9-{i}", d("2026-10-07 10:01") + pd.Timedelta(minutes=i), version="v9"), None) for i in range(5)],
        *[
            (_event(f"mars-{i}", d("2026-10-08 09:01") + pd.Timedelta(minutes=i), region="mars"), None)
            for i in range(3)
        ],
        # a window whose rows arrive two days late
        *[
            (
                _event(
                    f"late-{i}",
                    d("2026-10-09 15:01") + pd.Timedelta(minutes=i),
                    loaded_at=_ts(d("2026-10-11 15:00") + pd.Timedelta(minutes=i)),
                ),
                None,
            )
            for i in range(10)
        ],
        # events whose outcomes are malformed (the events themselves are fine)
        (_event("lab2-ev", "2026-10-05 03:10"), None),
        (_event("labyes-ev", "2026-10-05 03:11"), None),
        (_event("labnull-ev", "2026-10-05 03:12"), None),
    ]
    # duplicates: three copies, the first loaded counts
    at = d("2026-10-03 11:10")
    for n, (delay, latency) in enumerate(
        [(pd.Timedelta(minutes=1), "111"), (pd.Timedelta(hours=2), "222"), (pd.Timedelta(days=1), "333")]
    ):
        row = _event("dup-1", at, latency=latency, loaded_at=_ts(at + delay))
        specials.append((row, None if n == 0 else "duplicate_event_id"))
    return specials


def _inputs():
    days_m1 = [f"2026-10-{d:02d}" for d in range(1, 11) if d != 6]  # 2026-10-06 is an empty day
    events, outcomes = _clean_stream("m1", days_m1)
    e2, o2 = _clean_stream("m_oneclass", ["2026-10-02", "2026-10-03", "2026-10-04"], labels="zero")
    e3, _ = _clean_stream("m_nolabels", ["2026-10-01", "2026-10-02"], labels="none")
    specials = _special_events()
    events = events + e2 + e3 + [row for row, _ in specials]
    outcomes = outcomes + o2
    outcomes += [
        {"event_id": "ghost-1", "label": "1", "label_arrived_at": "2026-10-05 00:00:00"},
        {"event_id": "neg-lat", "label": "0", "label_arrived_at": "2026-10-05 00:00:00"},
        {"event_id": "lab2-ev", "label": "2", "label_arrived_at": "2026-10-05 05:00:00"},
        {"event_id": "labyes-ev", "label": "yes", "label_arrived_at": "2026-10-05 05:00:00"},
        {"event_id": "labnull-ev", "label": None, "label_arrived_at": "2026-10-05 05:00:00"},
        {"event_id": "tz-naive", "label": "0", "label_arrived_at": "2026-10-03 11:00:00"},
    ]
    estimate = dict.fromkeys(ESTIMATE_COLUMNS)
    estimates = [
        {
            **estimate,
            "estimate_id": "est-ok",
            "model_id": "m1",
            "model_version": "v1",
            "metric": "accuracy",
            "window_grain": "day",
            "expected_value": "0.8",
            "standard_error": "0.01",
        },
        {
            **estimate,
            "estimate_id": "est-inverted",
            "model_id": "m1",
            "model_version": "v1",
            "metric": "error_rate",
            "window_grain": "day",
            "expected_value": "0.01",
            "interval_lower": "0.9",
            "interval_upper": "0.8",
            "confidence_level": "0.95",
        },
        {
            **estimate,
            "estimate_id": "est-grain",
            "model_id": "m1",
            "model_version": "v1",
            "metric": "accuracy",
            "window_grain": "fortnight",
            "expected_value": "0.8",
        },
    ]
    rule = dict.fromkeys(RULE_COLUMNS)
    rules = [
        {
            **rule,
            "rule_id": "r'1; select 1; --",
            "metric": "accuracy",
            "comparison_kind": "absolute",
            "owner": "o'brien\"; drop table bad_rules; --",
        }
    ]
    expected_events = {}
    for row, reasons in specials:
        expected_events.setdefault(row["event_id"], []).append(reasons)
    return {
        "bad_events": pd.DataFrame(events, columns=EVENT_COLUMNS),
        "bad_outcomes": pd.DataFrame(outcomes, columns=["event_id", "label", "label_arrived_at"]),
        "bad_estimates": pd.DataFrame(estimates, columns=ESTIMATE_COLUMNS),
        "bad_rules": pd.DataFrame(rules, columns=RULE_COLUMNS),
    }, expected_events


def _write_tables(path, frames):
    con = duckdb.connect(str(path))
    for name, df in frames.items():
        cols = ", ".join(f'"{c.replace(chr(34), chr(34) * 2)}" varchar' for c in df.columns)
        con.execute(f"create or replace table main.{name} ({cols})")
        if len(df):
            con.register("df", df.astype(object).where(df.notna(), None))
            con.execute(f"insert into main.{name} select * from df")
            con.unregister("df")
    con.close()


VARS = {
    "corridor_load_demo_seeds": False,
    "corridor_profile": "demo",  # demo-shaped tables under their own names: the demo's column mapping
    "corridor_production_events": {"relation": "main.bad_events"},
    "corridor_outcomes": {"relation": "main.bad_outcomes"},
    "corridor_offline_estimates": {"relation": "main.bad_estimates"},
    "corridor_rules": {"relation": "main.bad_rules"},
    "corridor_reference_features": None,
    "corridor_segment_columns": {"region": WEIRD_COLUMN},
    "corridor_feature_columns": [],
    "corridor_known_model_versions": ["v1", INJECTED_VERSION],
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    work = tmp_path_factory.mktemp("bad_inputs")
    path = work / "bad.duckdb"
    frames, expected = _inputs()
    _write_tables(path, frames)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path), "CORRIDOR_PSEUDONYM_KEY": KEY})
    result = dbt("build", "--exclude", "resource_type:seed", vars=VARS)
    return {"path": path, "frames": frames, "expected": expected, "output": result.output, "dbt": dbt, "work": work}


def _q(build, sql):
    return query(build["path"], sql)


def _quarantine(build, input_name="production_events"):
    return _q(build, f"select * from corridor_quarantine where input_name = '{input_name}'")


def _gate(build, check, model_id="m1", grain="hour", start=None):
    where = f"check_name = '{check}' and model_id = '{model_id}' and window_grain = '{grain}'"
    if start is not None:
        where += f" and window_start = timestamp '{start}'"
    rows = _q(build, f"select * from corridor_quality_gates where {where}")
    assert len(rows) == 1, (check, model_id, grain, start, rows)
    return rows.iloc[0]


# ---------------------------------------------------------------- quarantine reasons, one per malformed row


@pytest.mark.parametrize(
    "event_id",
    [
        "null-ts",
        "bad-ts",
        "future-far",
        "future-local",
        "neg-lat",
        "str-lat",
        "prob-17",
        "nan-lat",
        "inf-score",
        "class-3",
        "err-maybe",
        "err-500",
        "no-model",
        "multi",
    ],
)
def test_malformed_event_is_quarantined_with_exactly_its_reasons(bad_build, event_id):
    q = _quarantine(bad_build)
    rows = q[q["record_id"] == event_id]
    expected = [r for r in bad_build["expected"][event_id] if r is not None]
    assert sorted(rows["reason_codes"]) == sorted(expected)


def test_boolean_like_error_flags_are_read(bad_build):
    flags = _q(
        bad_build,
        "select event_id, is_error from stg_corridor__production_events"
        " where event_id in ('err-yes', 'err-t', 'err-0')",
    )
    assert dict(zip(flags["event_id"], flags["is_error"], strict=True)) == {
        "err-yes": True,
        "err-t": True,
        "err-0": False,
    }


def test_null_event_id_is_quarantined(bad_build):
    q = _quarantine(bad_build)
    rows = q[q["record_id"].isna()]
    assert list(rows["reason_codes"]) == ["missing_event_id"]
    assert '"event_at":"2026-10-04 18:10:00"' in rows["raw_values"].iloc[0]


def test_raw_values_are_kept_as_they_arrived(bad_build):
    q = _quarantine(bad_build).set_index("record_id")
    assert '"latency_ms":"fast"' in q.loc["str-lat", "raw_values"]
    assert '"event_at":"not a time"' in q.loc["bad-ts", "raw_values"]
    assert '"predicted_score":"1.7"' in q.loc["prob-17", "raw_values"]
    # the SQL-looking column name is a JSON key like any other
    assert 're\\"gion; drop table bad_outcomes; --":"eu"' in q.loc["neg-lat", "raw_values"]


def test_duplicates_first_loaded_copy_counts_the_others_are_quarantined(bad_build):
    q = _quarantine(bad_build)
    dups = q[q["record_id"] == "dup-1"]
    assert list(dups["reason_codes"]) == ["duplicate_event_id", "duplicate_event_id"]
    assert sorted('"latency_ms":"222"' in r or '"latency_ms":"333"' in r for r in dups["raw_values"]) == [True, True]
    # the counted copy is the first loaded (latency 111): its hour's latency sum sees 111, not 222/333
    hour = _q(
        bad_build,
        "select latency_sum, n_events from int_corridor__production_window_stats where model_id = 'm1' "
        "and window_grain = 'hour' and segment_dimension = 'all' and window_start = timestamp '2026-10-03 11:00:00'",
    )
    clean = sum(100 + k for k in range(20))
    assert int(hour["n_events"].sum()) == 21
    assert float(hour["latency_sum"].sum()) == pytest.approx(clean + 111)
    gate = _gate(bad_build, "duplicate_event_ids", start="2026-10-03 11:00:00")
    assert gate["gate_status"] == "fail" and gate["rows_affected"] == 2 and gate["rows_checked"] == 23


def test_timezone_less_is_utc_and_offsets_are_converted(bad_build):
    q = _quarantine(bad_build)
    assert not q["record_id"].isin(["tz-naive", "tz-offset"]).any()
    rows = _q(
        bad_build,
        "select window_start, metric_value from corridor_metric_observations where model_id = 'm_tz' "
        "and metric = 'request_count' and window_grain = 'hour' and segment_dimension = 'all'",
    )
    # 10:15 (no zone: UTC) and 12:20+02:00 (= 10:20 UTC) fall in the same UTC hour
    assert list(rows["window_start"].astype(str)) == ["2026-10-03 10:00:00"]
    assert list(rows["metric_value"]) == [2.0]


def test_outcome_reasons(bad_build):
    q = _quarantine(bad_build, "outcomes").set_index("record_id")["reason_codes"].to_dict()
    assert q == {
        "ghost-1": "unknown_event",
        "neg-lat": "event_not_accepted",
        "lab2-ev": "unknown_label_class",
        "labyes-ev": "unparseable_label",
        "labnull-ev": "missing_label",
    }


def test_offline_interval_lower_above_upper_is_quarantined_and_never_compared(bad_build):
    q = _quarantine(bad_build, "offline_estimates").set_index("record_id")["reason_codes"].to_dict()
    assert q == {"est-inverted": "interval_lower_above_upper", "est-grain": "unknown_window_grain"}
    offline = _q(bad_build, "select distinct estimate_id from corridor_metric_observations where source = 'offline'")
    assert list(offline["estimate_id"]) == ["est-ok"]
    gate = _gate(bad_build, "invalid_offline_estimates", model_id="all", grain="input")
    assert gate["gate_status"] == "warn" and gate["rows_affected"] == 2


# ---------------------------------------------------------------- gate outcomes


@pytest.mark.parametrize(
    ("check", "start", "status", "affected", "cause"),
    [
        ("out_of_range_values", "2026-10-04 08:00:00", "fail", 1, "producer bug"),
        ("unparseable_values", "2026-10-04 09:00:00", "fail", 1, "type or format change"),
        ("future_timestamps", "2026-10-05 12:00:00", "fail", 1, "clock"),
        ("late_events", "2026-10-09 15:00:00", "fail", 10, "delayed pipeline"),
        ("unknown_model_versions", "2026-10-07 10:00:00", "warn", 5, "v9"),
        ("new_segment_values", "2026-10-08 09:00:00", "warn", 1, "region=mars"),
    ],
)
def test_window_gate_names_the_problem(bad_build, check, start, status, affected, cause):
    gate = _gate(bad_build, check, start=start)
    assert gate["gate_status"] == status
    assert gate["rows_affected"] == affected
    assert cause in gate["diagnostic"]
    verdict = _q(
        bad_build,
        f"select * from int_corridor__window_gate_status where model_id = 'm1' and window_grain = 'hour' "
        f"and window_start = timestamp '{start}'",
    ).iloc[0]
    assert verdict["gate_status"] == status
    assert check in verdict["failing_checks"].split(",")


def test_empty_window_is_an_explicit_row_and_fails_its_volume_gate(bad_build):
    counts = _q(
        bad_build,
        "select metric, metric_value, sample_size from corridor_metric_observations where model_id = 'm1' "
        "and model_version = 'v1' and window_grain = 'day' and segment_dimension = 'all' "
        "and window_start = timestamp '2026-10-06 00:00:00' and source = 'production'",
    ).set_index("metric")
    assert counts.loc["request_count", "metric_value"] == 0
    assert pd.isna(counts.loc["accuracy", "metric_value"])
    gate = _gate(bad_build, "row_volume", grain="day", start="2026-10-06 00:00:00")
    assert gate["gate_status"] == "fail" and gate["measured_value"] == 0
    assert "no data delivered" in gate["diagnostic"]
    hours = _q(
        bad_build,
        "select gate_status, failing_checks from int_corridor__window_gate_status where model_id = 'm1' "
        "and window_grain = 'hour' and window_start >= timestamp '2026-10-06' "
        "and window_start < timestamp '2026-10-07'",
    )
    assert len(hours) == 24 and set(hours["gate_status"]) == {"fail"} and set(hours["failing_checks"]) == {"row_volume"}


def test_all_labels_one_class(bad_build):
    gate = _gate(bad_build, "label_single_class", model_id="m_oneclass", grain="input")
    assert gate["gate_status"] == "warn" and "same class (0)" in gate["diagnostic"]
    assert _gate(bad_build, "label_single_class", model_id="m1", grain="input")["gate_status"] == "pass"
    recall = _q(
        bad_build,
        "select metric, count(*) as n, count(metric_value) as n_valued from corridor_metric_observations "
        "where model_id = 'm_oneclass' and source = 'production' and metric in ('recall', 'auc', 'accuracy') "
        "and segment_dimension = 'all' group by metric",
    ).set_index("metric")
    assert recall.loc["recall", "n_valued"] == 0 and recall.loc["auc", "n_valued"] == 0
    assert recall.loc["accuracy", "n_valued"] == recall.loc["accuracy", "n"]


def test_all_labels_missing_fails_label_maturity(bad_build):
    day = _gate(bad_build, "label_maturity", model_id="m_nolabels", grain="day", start="2026-10-01 00:00:00")
    assert day["gate_status"] == "fail" and day["measured_value"] == 0 and day["rows_affected"] == 480
    assert "outcomes not delivered" in day["diagnostic"]
    # a clean model's mature windows pass, its windows younger than the horizon are not judged
    assert _gate(bad_build, "label_maturity", grain="day", start="2026-10-02 00:00:00")["gate_status"] == "pass"
    young = _gate(bad_build, "label_maturity", grain="day", start="2026-10-09 00:00:00")
    assert young["gate_status"] == "pass" and young["diagnostic"].startswith("not judged: labels still arriving")


def test_input_level_gates(bad_build):
    unwindowable = _gate(bad_build, "unwindowable_rows", model_id="all", grain="input")
    assert (
        unwindowable["gate_status"] == "warn" and unwindowable["rows_affected"] == 4
    )  # null-ts, bad-ts, no-model, multi
    unknown = _gate(bad_build, "outcomes_for_unknown_events", model_id="all", grain="input")
    assert unknown["gate_status"] == "warn" and unknown["rows_affected"] == 1
    labels = _gate(bad_build, "invalid_labels", model_id="all", grain="input")
    assert labels["gate_status"] == "warn" and labels["rows_affected"] == 3


def test_clean_windows_stay_quiet(bad_build):
    verdicts = _q(
        bad_build,
        "select window_start, gate_status from int_corridor__window_gate_status "
        "where model_id = 'm1' and window_grain = 'day'",
    )
    by_day = dict(zip(verdicts["window_start"].astype(str).str[:10], verdicts["gate_status"], strict=True))
    # every day that got only clean rows passes; 10-03 (duplicates), 10-04 (malformed rows), 10-05 (future),
    # 10-06 (empty), 10-07 (unknown version), 10-08 (new segment value) do not
    assert by_day["2026-10-01"] == by_day["2026-10-02"] == by_day["2026-10-09"] == by_day["2026-10-10"] == "pass"
    assert by_day["2026-10-06"] == "fail"


# ---------------------------------------------------------------- row conservation and pseudonymization


def test_every_row_is_accounted_for(bad_build):
    frames = bad_build["frames"]
    acc = _q(bad_build, "select * from int_corridor__input_accounting").set_index("input_name")
    raw = {"production_events": "bad_events", "outcomes": "bad_outcomes", "offline_estimates": "bad_estimates"}
    for input_name, table in raw.items():
        row = acc.loc[input_name]
        assert row["rows_read"] == len(frames[table])
        assert row["rows_read"] == row["rows_accepted"] + row["rows_quarantined"]
        n_quarantined = len(_quarantine(bad_build, input_name))
        assert row["rows_quarantined"] == n_quarantined
    # independently: accepted events = distinct ids of rows that should be accepted
    bad_ids = {eid for eid, reasons in bad_build["expected"].items() if all(r is not None for r in reasons)}
    events = frames["bad_events"]
    accepted = events[events["event_id"].notna() & ~events["event_id"].isin(bad_ids)]["event_id"].nunique()
    assert acc.loc["production_events", "rows_accepted"] == accepted
    # and the run history keeps the counts
    history = _q(bad_build, "select * from corridor_input_accounting").set_index("input_name")
    assert history.loc["production_events", "rows_read"] == len(events)
    assert bool(history["is_balanced"].all())


def test_entity_ids_never_appear_raw_and_are_keyed_hashes(bad_build):
    con = duckdb.connect(str(bad_build["path"]), read_only=True)
    try:
        tables = con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' "
            "and table_name not in ('bad_events', 'bad_outcomes', 'bad_estimates', 'bad_rules')"
        ).fetchall()
        leaks = []
        for (name,) in tables:
            cols = con.execute(
                "select column_name from information_schema.columns where table_name = ? and data_type = 'VARCHAR'",
                [name],
            ).fetchall()
            for (col,) in cols:
                quoted = '"' + col.replace('"', '""') + '"'
                n = con.execute(f"select count(*) from \"{name}\" where {quoted} like '%user-%'").fetchall()[0][0]
                if n:
                    leaks.append((name, col, n))
    finally:
        con.close()
    assert leaks == []
    digest = hashlib.md5(f"corridor-pseudonym-v1:{KEY}".encode()).hexdigest()
    expected = hashlib.sha256(f"{digest}:user-neg-lat".encode()).hexdigest()
    raw = _quarantine(bad_build).set_index("record_id").loc["neg-lat", "raw_values"]
    assert f'"entity_id":"{expected}"' in raw


def test_sql_in_names_and_values_stays_data(bad_build):
    con = duckdb.connect(str(bad_build["path"]), read_only=True)
    try:
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        rules = con.execute("select rule_id, owner from stg_corridor__rules").fetchall()
    finally:
        con.close()
    assert {"bad_events", "bad_outcomes", "bad_rules"} <= tables
    assert rules == [("r'1; select 1; --", "o'brien\"; drop table bad_rules; --")]
    # the segment dimension reads the SQL-named column
    segs = _q(
        bad_build,
        "select distinct segment_value from corridor_metric_observations where model_id = 'm1' "
        "and segment_dimension = 'region' order by 1",
    )
    assert list(segs["segment_value"]) == ["eu", "mars", "na"]


# ---------------------------------------------------------------- builds that must stop with a clear error


def _error_dbt(tmp_path, frames=None, env=None):
    path = tmp_path / "bad.duckdb"  # bad_build's file name: a build with its VARS starts from its dbt parse
    _write_tables(path, frames if frames is not None else _inputs()[0])
    return Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path), "CORRIDOR_PSEUDONYM_KEY": KEY, **(env or {})})


@pytest.fixture(scope="module")
def clear_errors(tmp_path_factory):
    """The builds that must stop, each a `dbt run` of the staging model that reads the var, in one dbt process on one
    parse (conftest.Dbt.batch; its file is named as bad_build's, so the parse is the one bad_build left). A real
    dbt process refuses the missing key below; a bad mapping and an unknown var in test_configuration.py."""
    work = tmp_path_factory.mktemp("bad_inputs_errors")
    path = work / "bad.duckdb"
    _write_tables(path, _inputs()[0])
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path), "CORRIDOR_PSEUDONYM_KEY": KEY})
    events = {"relation": "main.bad_events", "columns": {"latency_ms": "latency_millis"}}
    cases = {
        "missing var": {
            "args": ["run", "--select", "stg_corridor__outcomes"],
            "vars": {k: v for k, v in VARS.items() if k != "corridor_outcomes"},
        },
        "missing column": {
            "args": ["run", "--select", "stg_corridor__production_events"],
            "vars": {**VARS, "corridor_production_events": events},
        },
        "missing key": {
            "args": ["run", "--select", "stg_corridor__production_events"],
            "env": {"CORRIDOR_PSEUDONYM_KEY": ""},
        },
    }
    return dict(zip(cases, dbt.batch(list(cases.values()), base_vars=VARS), strict=True))


def test_missing_var_is_a_clear_error(clear_errors):
    result = clear_errors["missing var"]
    assert not result.ok
    assert "var 'corridor_outcomes' is not set. Map the outcomes input" in result.output


def test_mapped_column_that_does_not_exist_is_a_clear_error(clear_errors):
    result = clear_errors["missing column"]
    assert not result.ok
    assert (
        "var 'corridor_production_events.columns.latency_ms' maps 'latency_ms' to column 'latency_millis'"
        in result.output
    )
    assert "has no such column. Its columns are: event_id, event_at" in result.output


def test_missing_pseudonymization_key_is_a_clear_error(clear_errors):
    result = clear_errors["missing key"]
    assert not result.ok
    assert "corridor: no pseudonymization key" in result.output
    assert "Set the environment variable CORRIDOR_PSEUDONYM_KEY" in result.output


def test_a_real_dbt_run_refuses_a_missing_key_as_the_batch_does(tmp_path, clear_errors):
    """The missing key as a separate dbt process (its file named as bad_build's and the build's vars, so it starts
    from that parse): the same corridor message as its batch case (conftest.Dbt.batch). The other two kinds of
    refusal are checked against a real dbt process in test_configuration.py (a bad mapping, an unknown var)."""
    path = tmp_path / "bad.duckdb"
    _write_tables(path, _inputs()[0])
    dbt = Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path), "CORRIDOR_PSEUDONYM_KEY": ""})
    result = dbt("run", "--select", "stg_corridor__production_events", vars=VARS, expect_ok=False)
    assert not result.ok and "corridor: no pseudonymization key" in result.output, result.output[-3000:]

    def messages(output: str) -> set[str]:
        return {line for line in re.findall(r"corridor: [^\n]*", output) if "no pseudonymization key" in line}

    assert messages(result.output) == messages(clear_errors["missing key"].output) != set()


def test_empty_input_relation_builds_and_fails_its_gate(tmp_path):
    frames = _inputs()[0]
    frames["bad_events"] = frames["bad_events"].iloc[0:0]
    frames["bad_outcomes"] = frames["bad_outcomes"].iloc[0:0]
    dbt = _error_dbt(tmp_path, frames)
    dbt("build", "--exclude", "resource_type:seed", vars=VARS)
    path = tmp_path / "bad.duckdb"
    gate = query(
        path,
        "select * from corridor_quality_gates where check_name = 'empty_input' and input_name = 'production_events'",
    ).iloc[0]
    assert gate["gate_status"] == "fail" and "has no rows" in gate["diagnostic"]
    assert query(path, "select count(*) as n from int_corridor__window_gate_status")["n"][0] == 0
    assert query(path, "select count(*) as n from corridor_metric_observations")["n"][0] == 0
    acc = query(path, "select * from int_corridor__input_accounting").set_index("input_name")
    assert (acc.loc["production_events", ["rows_read", "rows_accepted", "rows_quarantined"]] == 0).all()
    # the offline estimates have no production span to align to: explicitly no rows, not an error
    assert acc.loc["offline_estimates", "rows_read"] == 3
