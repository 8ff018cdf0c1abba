"""Bad inputs that used to take a build down or make it lie (issue 12).

- Values beyond what a sum can hold: a latency of 1e300 is quarantined
  (latency_ms_out_of_range); a latency of 1e14 ms and regression errors of
  4e6 (whose squared squares, ~2.6e26, overflowed decimal(38, 12)) build,
  with known answers.
- Time: an event dated 1900 is quarantined (event_at_before_earliest); one
  event a year early adds one window, not a year of empty ones; a short
  outage still gives explicit empty windows.
- Ties: two outcomes of one event arriving at the same time resolve the same
  way on every build.
- Named time zones are converted or quarantined, never read as UTC.
- An empty outcomes table fails its gates, and results say "no labels", not
  "no production data".
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from test_bad_inputs import (
    ESTIMATE_COLUMNS,
    EVENT_COLUMNS,
    KEY,
    RULE_COLUMNS,
    VARS,
    _clean_stream,
    _event,
    _write_tables,
)
from test_bad_inputs_rules import _rule

pytestmark = pytest.mark.dbt


def _estimate(estimate_id, metric, value, model="m1"):
    row = dict.fromkeys(ESTIMATE_COLUMNS)
    row.update(
        estimate_id=estimate_id,
        model_id=model,
        model_version="v1",
        metric=metric,
        window_grain="day",
        expected_value=value,
        standard_error="0.01",
    )
    return row


def _frames(events, outcomes, estimates, rules, event_columns=EVENT_COLUMNS):
    rule_columns = [*RULE_COLUMNS, "model_id", "power"]
    return {
        "bad_events": pd.DataFrame(events, columns=event_columns),
        "bad_outcomes": pd.DataFrame(outcomes, columns=["event_id", "label", "label_arrived_at"]),
        "bad_estimates": pd.DataFrame(estimates, columns=ESTIMATE_COLUMNS),
        "bad_rules": pd.DataFrame(rules, columns=rule_columns),
    }


def _build(tmp_path_factory, name, frames, variables=None):
    work = tmp_path_factory.mktemp(name)
    path = work / "hardening.duckdb"
    _write_tables(path, frames)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path), "CORRIDOR_PSEUDONYM_KEY": KEY})
    variables = {
        **VARS,
        # the optional rule columns model_id and power, mapped
        "corridor_rules": {"relation": "main.bad_rules", "columns": {"model_id": "model_id", "power": "power"}},
        **(variables or {}),
    }
    result = dbt("build", "--exclude", "resource_type:seed", vars=variables, expect_ok=False)
    return {"path": path, "dbt": dbt, "result": result, "frames": frames, "vars": variables}


def _q(build, sql):
    return query(build["path"], sql)


def _reasons(build, input_name="production_events"):
    q = _q(build, f"select record_id, reason_codes from corridor_quarantine where input_name = '{input_name}'")
    return dict(zip(q["record_id"], q["reason_codes"], strict=True))


def _gate(build, check, model_id="all", grain="input", input_name=None):
    where = f"check_name = '{check}' and model_id = '{model_id}' and window_grain = '{grain}'"
    if input_name:
        where += f" and input_name = '{input_name}'"
    rows = _q(build, f"select * from corridor_quality_gates where {where}")
    assert len(rows) == 1, (check, model_id, rows)
    return rows.iloc[0]


# ---------------------------------------------------------------- one build: binary classifier


def _classifier_inputs():
    events, outcomes = _clean_stream("m1", ["2026-10-01", "2026-10-02", "2026-10-03"])
    specials = [
        _event("huge-lat", "2026-10-02 05:10", latency="1e300"),
        _event("big-lat", "2026-10-02 06:10", latency="1e14"),
        _event("ancient", "1900-01-01 00:00"),
        _event("lab-early", "2026-10-02 07:10"),
        # two copies of one event that tie on every ordering column but the segment: 'eu' < 'na' counts
        _event("dup-tie", "2026-10-03 05:10", region="na"),
        _event("dup-tie", "2026-10-03 05:10", region="eu"),
        # named zones: 12:14 in Berlin (CEST, +02:00) is 10:14 UTC; 12:16 EST (-05:00) is 17:16 UTC
        _event("tz-berlin", "2026-10-03 10:14", model="m_tz", event_at="2026-10-03 12:14 Europe/Berlin"),
        _event("tz-est", "2026-10-03 17:16", model="m_tz", event_at="2026-10-03 12:16 EST"),
        _event("tz-unknown", "2026-10-03 12:18", model="m_tz", event_at="2026-10-03 12:18 Mars/Olympus"),
    ]
    # one event a year before the model's two days of data
    e_early, o_early = _clean_stream("m_early", ["2026-10-01", "2026-10-02"], per_hour=2)
    e_early.append(_event("early-1", "2025-10-01 12:00", model="m_early"))
    # a three-day outage (shorter than corridor_max_gap_days): its windows stay explicit
    e_gap, o_gap = _clean_stream("m_gap", ["2026-10-01", "2026-10-05"], per_hour=2)
    # every event of m_tie has two contradicting outcomes that arrive at the same time
    e_tie, _ = _clean_stream("m_tie", ["2026-10-01"], labels="none")
    o_tie = []
    for e in e_tie:
        arrived = (pd.Timestamp(e["event_at"]) + pd.Timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S")
        o_tie += [
            {"event_id": e["event_id"], "label": "0", "label_arrived_at": arrived},
            {"event_id": e["event_id"], "label": "1", "label_arrived_at": arrived},
        ]
    events = events + specials + e_early + e_gap + e_tie
    outcomes = outcomes + o_early + o_gap + o_tie
    # a label that arrived a day before its event
    outcomes.append({"event_id": "lab-early", "label": "1", "label_arrived_at": "2026-10-01 07:10:00"})
    estimates = [_estimate("est-acc", "accuracy", "0.8"), _estimate("est-orphan", "accuracy", "0.8", model="m_ghost")]
    for estimate_id, (metric, value, fields, _) in BAD_ESTIMATES.items():
        row = _estimate(estimate_id, metric, value)
        row.update(fields)
        estimates.append(row)
    rules = [_rule("acc", "accuracy"), _rule("ghost-model", "accuracy", model_id="m_ghost")]
    rules += [_rule(rule_id, "accuracy", **fields) for rule_id, (fields, _) in BAD_RULES.items()]
    return _frames(estimates=estimates, rules=rules, events=events, outcomes=outcomes)


# offline estimates: id -> (metric, expected value, other fields, the reason codes it is quarantined with)
BAD_ESTIMATES = {
    "est-prob-high": ("accuracy", "1.3", {}, {"expected_value_out_of_range"}),
    "est-auc-neg": ("auc", "-0.1", {}, {"expected_value_out_of_range"}),
    "est-count-neg": ("request_count", "-5", {}, {"expected_value_out_of_range"}),
    "est-metric": ("acuracy", "0.8", {}, {"unknown_metric"}),
    "est-se-text": ("accuracy", "0.8", {"standard_error": "abc"}, {"unparseable_standard_error"}),
    "est-se-inf": ("accuracy", "0.8", {"standard_error": "inf"}, {"non_finite_standard_error"}),
    "est-from-text": ("accuracy", "0.8", {"valid_from": "next tuesday"}, {"unparseable_valid_from"}),
    "est-to-text": ("accuracy", "0.8", {"valid_to": "2026-13-45"}, {"unparseable_valid_to"}),
    "est-produced-text": ("accuracy", "0.8", {"produced_at": "yesterday"}, {"unparseable_produced_at"}),
    "est-level-text": ("accuracy", "0.8", {"confidence_level": "high"}, {"unparseable_confidence_level"}),
    "est-lower-text": (
        "accuracy",
        "0.8",
        {"interval_lower": "x", "interval_upper": "0.9"},
        {"unparseable_interval_lower"},
    ),
    "est-upper-text": (
        "accuracy",
        "0.8",
        {"interval_lower": "0.7", "interval_upper": "?"},
        {"unparseable_interval_upper"},
    ),
    "est-inverted": (
        "accuracy",
        "0.85",
        {"interval_lower": "0.9", "interval_upper": "0.8"},
        {"interval_lower_above_upper"},
    ),
    "est-outside": (
        "accuracy",
        "0.5",
        {"interval_lower": "0.7", "interval_upper": "0.9"},
        {"interval_excludes_expected_value"},
    ),
}

# rules: id -> (fields, the problem codes corridor_rule_issues reports)
BAD_RULES = {
    "r-warn-text": ({"warn_tolerance": "abc"}, {"unparseable_warn_tolerance", "missing_tolerance"}),
    "r-fail-inf": ({"fail_tolerance": "inf"}, {"non_finite_fail_tolerance", "impossible_tolerance"}),
    "r-min-frac": ({"min_sample_size": "2.5"}, {"non_integer_min_sample_size"}),
    "r-min-huge": ({"min_sample_size": "1e300"}, {"min_sample_size_out_of_range"}),
    "r-min-text": ({"min_sample_size": "many"}, {"unparseable_min_sample_size"}),
    "r-windows-text": ({"consecutive_windows": "two"}, {"unparseable_consecutive_windows"}),
    "r-windows-frac": ({"consecutive_windows": "1.5"}, {"non_integer_consecutive_windows"}),
    "r-power-text": ({"power": "strong"}, {"unparseable_power"}),
    "r-warn-beyond": ({"warn_tolerance": "0.5", "fail_tolerance": "0.1"}, {"warn_beyond_fail"}),
    "r-date": ({"valid_from": "yesterday"}, {"unparseable_valid_from"}),
}


@pytest.fixture(scope="module")
def classifier_build(tmp_path_factory):
    return _build(tmp_path_factory, "hardening", _classifier_inputs())


def _no_model_failed(build):
    # rule tests may fail by design (a breach); no model may fail on the data
    out = build["result"].output
    for error in ("Could not cast", "Database Error", "Runtime Error", "Compilation Error", "Out of Memory"):
        assert error not in out, out[-4000:]


def test_build_survives_every_row(classifier_build):
    _no_model_failed(classifier_build)
    assert _q(classifier_build, "select count(*) as n from corridor_metric_observations")["n"][0] > 0


def test_absurd_latency_is_quarantined_and_a_large_one_is_summed_exactly(classifier_build):
    reasons = _reasons(classifier_build)
    assert reasons["huge-lat"] == "latency_ms_out_of_range"
    assert "big-lat" not in reasons
    hour = _q(
        classifier_build,
        "select n_events, latency_sum, latency_sum_squares from int_corridor__production_window_stats "
        "where model_id = 'm1' and window_grain = 'hour' and segment_dimension = 'all' "
        "and window_start = timestamp '2026-10-02 06:00:00'",
    ).iloc[0]
    clean = [100.0 + k for k in range(20)]
    assert hour["n_events"] == 21
    # the decimal sum is exact; DuckDB's decimal-to-double conversion is good to about 1e-16 relative
    assert hour["latency_sum"] == pytest.approx(1e14 + sum(clean), rel=1e-15)
    assert hour["latency_sum_squares"] == pytest.approx(1e28 + sum(x * x for x in clean), rel=1e-15)
    day = _q(
        classifier_build,
        "select metric_value from corridor_metric_observations where model_id = 'm1' and metric = 'latency_mean' "
        "and window_grain = 'day' and segment_dimension = 'all' and window_start = timestamp '2026-10-02' "
        "and source = 'production'",
    )
    # 24 clean hours, big-lat and lab-early (latency 100)
    assert day["metric_value"].iloc[0] == pytest.approx((1e14 + 24 * sum(clean) + 100) / 482, rel=1e-14)


def test_event_before_the_earliest_time_is_quarantined_and_gated(classifier_build):
    assert _reasons(classifier_build)["ancient"] == "event_at_before_earliest"
    gate = _gate(classifier_build, "unwindowable_rows")
    # ancient (before the earliest time) and tz-unknown (an unknown zone: no usable time)
    assert gate["rows_affected"] == 2 and gate["gate_status"] == "warn"
    assert "event_at_before_earliest" in gate["diagnostic"]
    first = _q(classifier_build, "select min(window_start) as w from int_corridor__production_windows")["w"][0]
    assert pd.Timestamp(first) >= pd.Timestamp("2025-01-01")


def test_an_event_a_year_early_adds_one_window_not_a_year(classifier_build):
    rows = _q(
        classifier_build,
        "select window_grain, count(*) as n from int_corridor__production_windows "
        "where model_id = 'm_early' and segment_dimension = 'all' group by 1",
    ).set_index("window_grain")["n"]
    # 48 hours of data + the stray hour; 2 days + 1; the week of 2026-09-28 + the week of 2025-09-29
    assert rows.to_dict() == {"hour": 49, "day": 3, "week": 2}
    obs = _q(
        classifier_build,
        "select count(*) as n from corridor_metric_observations where model_id = 'm_early' "
        "and metric = 'request_count' and window_grain = 'hour' and segment_dimension = 'all'",
    )["n"][0]
    assert obs == 49


def test_a_short_outage_still_gives_explicit_empty_windows(classifier_build):
    rows = _q(
        classifier_build,
        "select metric_value from corridor_metric_observations where model_id = 'm_gap' "
        "and metric = 'request_count' and window_grain = 'day' and segment_dimension = 'all' "
        "and source = 'production' order by window_start",
    )
    assert list(rows["metric_value"]) == [48.0, 0.0, 0.0, 0.0, 48.0]


def test_named_time_zones_are_converted_or_quarantined(classifier_build):
    rows = _q(
        classifier_build,
        "select window_start, metric_value from corridor_metric_observations where model_id = 'm_tz' "
        "and metric = 'request_count' and window_grain = 'hour' and segment_dimension = 'all' "
        "and metric_value > 0 order by window_start",
    )
    assert list(rows["window_start"].astype(str)) == ["2026-10-03 10:00:00", "2026-10-03 17:00:00"]
    assert _reasons(classifier_build)["tz-unknown"] == "unparseable_event_at"


def test_label_arriving_before_its_event_is_gated(classifier_build):
    gate = _gate(classifier_build, "labels_before_events")
    assert gate["gate_status"] == "warn" and gate["rows_affected"] == 1
    assert "event lab-early" in gate["diagnostic"]


def _positive_labels(build):
    return int(
        _q(
            build,
            "select sum(n_positive) as n from int_corridor__production_window_stats where model_id = 'm_tie' "
            "and window_grain = 'day' and segment_dimension = 'all'",
        )["n"][0]
    )


def _tied_copy_regions(build):
    rows = _q(
        build,
        "select segment_value, n_events from int_corridor__production_window_stats where model_id = 'm1' "
        "and window_grain = 'hour' and segment_dimension = 'region' "
        "and window_start = timestamp '2026-10-03 05:00:00' order by 1",
    )
    return dict(zip(rows["segment_value"], rows["n_events"], strict=True))


def test_tied_outcomes_and_copies_resolve_the_same_way_on_every_build(classifier_build):
    # of two outcomes arriving at the same time the higher label wins: all 480 events are positive
    counts = [_positive_labels(classifier_build)]
    regions = [_tied_copy_regions(classifier_build)]
    for _ in range(2):
        classifier_build["dbt"](
            "run",
            "--full-refresh",
            "--select",
            "int_corridor__events_enriched",
            "int_corridor__production_window_stats",
            vars=classifier_build["vars"],
        )
        counts.append(_positive_labels(classifier_build))
        regions.append(_tied_copy_regions(classifier_build))
    assert counts == [480, 480, 480]
    # 13 clean events in eu and 7 in na, plus the counted copy of dup-tie (eu); the na copy is quarantined
    assert regions == [{"eu": 14, "na": 7}] * 3
    dup = _q(classifier_build, "select raw_values, reason_codes from corridor_quarantine where record_id = 'dup-tie'")
    assert list(dup["reason_codes"]) == ["duplicate_event_id"] and '"na"' in dup["raw_values"].iloc[0]


@pytest.mark.parametrize("estimate_id", sorted(BAD_ESTIMATES))
def test_bad_offline_estimate_is_quarantined_with_its_reasons(classifier_build, estimate_id):
    reasons = _reasons(classifier_build, "offline_estimates")
    assert set(reasons[estimate_id].split(",")) == BAD_ESTIMATES[estimate_id][3]


def test_offline_estimate_for_a_model_that_never_ran_is_gated(classifier_build):
    assert "est-orphan" not in _reasons(classifier_build, "offline_estimates")
    gate = _gate(classifier_build, "offline_estimates_without_production")
    assert gate["gate_status"] == "warn" and gate["rows_affected"] == 1 and "m_ghost" in gate["diagnostic"]
    invalid = _gate(classifier_build, "invalid_offline_estimates")
    assert invalid["rows_affected"] == len(BAD_ESTIMATES)


@pytest.mark.parametrize("rule_id", sorted(BAD_RULES))
def test_bad_rule_field_is_a_rule_issue(classifier_build, rule_id):
    issues = _q(
        classifier_build,
        f"select issue_level as level, problem_codes from corridor_rule_issues where rule_id = '{rule_id}'",
    )
    assert list(issues["level"]) == ["error"]
    assert set(issues["problem_codes"].iloc[0].split(", ")) == BAD_RULES[rule_id][1]


def test_rule_for_a_model_that_never_ran_is_a_rule_issue(classifier_build):
    issues = _q(
        classifier_build,
        "select issue_level as level, problem_codes, reason as problem from corridor_rule_issues "
        "where rule_id = 'ghost-model'",
    )
    assert list(issues["problem_codes"]) == ["no_production_data"] and "m_ghost" in issues["problem"].iloc[0]
    assert list(issues["level"]) == ["warn"]


def test_accounting_balances_with_the_new_reasons(classifier_build):
    acc = _q(classifier_build, "select * from int_corridor__input_accounting").set_index("input_name")
    assert acc["is_balanced"].all()
    assert acc.loc["production_events", "rows_read"] == len(classifier_build["frames"]["bad_events"])


# ---------------------------------------------------------------- one build: regression with large errors


def _regression_inputs():
    events, outcomes, errors = [], [], []
    start = pd.Timestamp("2026-10-01")
    for i in range(240):
        at = start + pd.Timedelta(minutes=6 * i)
        predicted = 1e7 + 12345.678 * i
        err = 4e6 * (1 + 0.1 * (i % 7)) * (-1) ** i
        label = predicted - err
        eid = f"reg-{i}"
        events.append(_event(eid, at, model="m_reg", predicted_value=repr(predicted)))
        outcomes.append({"event_id": eid, "label": repr(label), "label_arrived_at": str(at + pd.Timedelta(hours=1))})
        errors.append(float(predicted) - float(label))
    events.append(_event("reg-huge-pred", "2026-10-01 03:33", model="m_reg", predicted_value="-3e10"))
    events.append(_event("reg-huge-label", "2026-10-01 03:34", model="m_reg", predicted_value="5"))
    outcomes.append({"event_id": "reg-huge-label", "label": "2e10", "label_arrived_at": "2026-10-01 05:00:00"})
    frames = _frames(
        events,
        outcomes,
        [_estimate("est-mae", "mae", "4000000", model="m_reg")],
        [_rule("mae", "mae", warn_tolerance="1000000", fail_tolerance="2000000")],
        event_columns=[*EVENT_COLUMNS, "predicted_value"],
    )
    return frames, np.array(errors)


@pytest.fixture(scope="module")
def regression_build(tmp_path_factory):
    frames, errors = _regression_inputs()
    variables = {
        "corridor_model_type": "regression",
        "corridor_production_events": {
            "relation": "main.bad_events",
            "columns": {"predicted_value": "predicted_value"},
        },
    }
    build = _build(tmp_path_factory, "hardening_regression", frames, variables)
    build["errors"] = errors
    return build


def test_regression_with_errors_of_millions_builds_with_known_answers(regression_build):
    _no_model_failed(regression_build)
    errors = regression_build["errors"]
    assert (errors**4).max() > 1e26  # beyond what decimal(38, 12) holds
    day = _q(
        regression_build,
        "select metric, metric_value, sample_size from corridor_metric_observations where model_id = 'm_reg' "
        "and window_grain = 'day' and segment_dimension = 'all' and source = 'production' "
        "and metric in ('mae', 'rmse')",
    ).set_index("metric")
    assert day.loc["mae", "sample_size"] == 240
    assert day.loc["mae", "metric_value"] == pytest.approx(np.abs(errors).mean(), rel=1e-12)
    assert day.loc["rmse", "metric_value"] == pytest.approx(np.sqrt((errors**2).mean()), rel=1e-12)
    stats = _q(
        regression_build,
        "select squared_error_sum_squares from int_corridor__production_window_stats where model_id = 'm_reg' "
        "and window_grain = 'day' and segment_dimension = 'all'",
    ).iloc[0]
    assert stats["squared_error_sum_squares"] == pytest.approx((errors**4).sum(), rel=1e-12)


def test_regression_values_beyond_the_domain_are_quarantined(regression_build):
    assert _reasons(regression_build)["reg-huge-pred"] == "predicted_value_out_of_range"
    assert _reasons(regression_build, "outcomes")["reg-huge-label"] == "label_out_of_range"


# ---------------------------------------------------------------- one build: events but an empty outcomes table


@pytest.fixture(scope="module")
def no_outcomes_build(tmp_path_factory):
    events, _ = _clean_stream("m1", ["2026-10-01", "2026-10-02"], labels="none")
    frames = _frames(events, [], [_estimate("est-acc", "accuracy", "0.8")], [_rule("acc", "accuracy")])
    return _build(tmp_path_factory, "hardening_no_outcomes", frames)


def test_empty_outcomes_fail_their_gates(no_outcomes_build):
    empty = _gate(no_outcomes_build, "empty_input", input_name="outcomes")
    assert empty["gate_status"] == "fail" and "has no rows" in empty["diagnostic"]
    fresh = _gate(no_outcomes_build, "freshness_hours", input_name="outcomes")
    assert fresh["gate_status"] == "fail" and "has ever arrived" in fresh["diagnostic"]
    single = _gate(no_outcomes_build, "label_single_class", model_id="m1")
    assert single["gate_status"] == "warn" and single["diagnostic"].startswith("no accepted event of this model")
    assert single["diagnostic"] != "both classes present"


def test_results_say_no_labels_not_no_production_data(no_outcomes_build):
    results = _q(
        no_outcomes_build,
        "select status, gate_reason from int_corridor__validation_checks where rule_id = 'acc'",
    )
    assert len(results) == 2
    assert set(results["status"]) == {"missing"}
    for reason in results["gate_reason"]:
        assert "no production data" not in reason
        assert reason.startswith("no accuracy in this window: none of its 480 events")


def test_the_cheap_blank_and_lateness_conditions_agree_with_their_plain_forms(root_dbt):
    """corridor.is_blank on DuckDB trims only the strings that can be blank (a byte-order prefilter before trim):
    the same answer as `x is null or trim(x) = ''` for every space separator DuckDB's trim removes, alone, doubled,
    around text and mixed with a tab; corridor.later_by_more_than on DuckDB (hugeint microseconds) answers at the
    ends of the timestamp range, where a bigint difference would overflow and fail the build."""
    dbt, _ = root_dbt
    separators = [32, 160, 5760, *range(8192, 8203), 8239, 8287, 12288]
    texts = ["''", "'a'", "' a '", "'!'", "' !'", "'é'", "chr(9)", "chr(9) || ' '", "null"]
    for code in separators:
        texts += [f"chr({code})", f"chr({code}) || chr({code})", f"chr({code}) || 'x'", f"'x' || chr({code})"]
    values = " union all ".join(f"select {i} as i, cast({t} as varchar) as x" for i, t in enumerate(texts))
    inline = (
        f"select i, {{{{ corridor.is_blank('x') }}}} as fast, (x is null or trim(x) = '') as plain from ({values}) as t"
        " union all select -1, {{ corridor.later_by_more_than(\"cast('294000-01-01' as timestamp)\","
        " \"cast('290000-01-01 (BC)' as timestamp)\", 5) }}, true"
    )
    output = dbt("show", "--inline", inline, "--output", "json", "--limit", "1000").output
    rows = json.loads(output[output.index("{") : output.rindex("}") + 1])["show"]
    assert len(rows) == len(texts) + 1
    assert [r["i"] for r in rows if r["fast"] != r["plain"]] == []
    assert sum(r["plain"] for r in rows if r["i"] >= 0) == 2 + 2 * len(separators)  # null, empty, each alone, doubled


def test_the_cheap_unparseable_condition_agrees_with_its_plain_form(root_dbt):
    """corridor.is_unparseable on DuckDB is a `case` that trims only the values that did not parse: the same answer
    as the plain `x is not null and trim(x) <> '' and parsed is null` (the default__ form) for blank, spaced,
    parseable and unparseable text, for a number and a timestamp."""
    dbt, _ = root_dbt
    texts = ["null", "''", "' '", "chr(160)", "'1.5'", "' 2 '", "'x'", "'1e400'", "'nan'"]
    texts += ["'2026-01-02 03:04:05'", "'2026-13-40'"]
    values = " union all ".join(f"select {i} as i, cast({t} as varchar) as x" for i, t in enumerate(texts))
    parsed = {"number": "try_cast(x as double)", "timestamp": "try_cast(x as timestamp)"}
    inline = " union all ".join(
        f"select i, '{kind}' as kind, {{{{ corridor.is_unparseable('x', '{expr}') }}}} as fast,"
        f" {{{{ corridor.default__is_unparseable('x', '{expr}') }}}} as plain from ({values}) as t"
        for kind, expr in parsed.items()
    )
    output = dbt("show", "--inline", inline, "--output", "json", "--limit", "1000").output
    rows = json.loads(output[output.index("{") : output.rindex("}") + 1])["show"]
    assert len(rows) == 2 * len(texts)
    assert [(r["kind"], r["i"]) for r in rows if r["fast"] != r["plain"]] == []
    unparseable = {(r["kind"], texts[r["i"]]) for r in rows if r["plain"]}
    assert ("number", "'x'") in unparseable and ("timestamp", "'2026-13-40'") in unparseable
    assert ("number", "' 2 '") not in unparseable and ("number", "' '") not in unparseable
