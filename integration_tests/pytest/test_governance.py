"""Governance records (issue 16): the optional inputs of approvals, alert acknowledgements, post-mortems and the
review roster (validated, bad rows quarantined with reason codes, every row accounted for), the open governance
items they close (corridor_governance_items) and the review rotation (corridor_review_assignments).

The project of test_decisions (one model ranker, versions v1-v4; ERR_HIGH, severity high, fails on v2 and v3 and
passes again, so both its alerts close; LATENCY_MEDIUM, severity medium, fails every day, so each version has an open
medium alert). Run 1 has no governance input: nothing is flagged and the new tables are empty. Run 2 widens ERR_HIGH's
tolerances in place without approval, gives LATENCY_MEDIUM an approved new version, and adds the inputs with planted
good and bad rows; corridor_escalation_hours makes medium alerts escalate after 1 hour and corridor_governance_as_of
judges the deadlines a month later. Run 3 is the same at the build's own time (the alerts were recorded minutes ago,
so no alert deadline has passed); run 4 reorders the roster and runs --full-refresh: assigned periods keep their
reviewer.
"""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
from conftest import load_frames, query, upstream_of
from test_decisions import VARS, _rules, decisions_project

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

AS_OF = "2027-01-15 00:00:00"


def _names(frame: pd.DataFrame) -> dict[str, str]:
    return {c: c for c in frame.columns}


def _governance_vars(frames: dict[str, pd.DataFrame]) -> dict:
    var = {
        "gov_approvals": "corridor_approvals",
        "gov_acks": "corridor_alert_acknowledgements",
        "gov_post_mortems": "corridor_post_mortems",
        "gov_roster": "corridor_review_roster",
    }
    return {var[name]: {"relation": f"main.{name}", "columns": _names(frame)} for name, frame in frames.items()}


def _inputs(alerts: pd.DataFrame, now: pd.Timestamp) -> dict[str, pd.DataFrame]:
    medium = alerts[alerts["rule_id"] == "LATENCY_MEDIUM"].sort_values("model_version")
    high = alerts[alerts["rule_id"] == "ERR_HIGH"].set_index("model_version")
    stamp = (now + pd.Timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S")
    approvals = pd.DataFrame(
        [
            # approves the new version LATENCY_MEDIUM|2
            {
                "rule_id": "LATENCY_MEDIUM",
                "rule_version": "2",
                "estimate_id": None,
                "approved_by": "carol",
                "approved_at": stamp,
                "note": "latency budget renegotiated",
            },
            # an approval of ERR_HIGH given before its baseline: it approved the old tolerances, not the change
            {
                "rule_id": "ERR_HIGH",
                "rule_version": "1",
                "estimate_id": None,
                "approved_by": "carol",
                "approved_at": "2026-09-01 00:00:00",
                "note": None,
            },
            {
                "rule_id": "NO_SUCH_RULE",
                "rule_version": None,
                "estimate_id": None,
                "approved_by": "dave",
                "approved_at": stamp,
                "note": None,
            },
            {
                "rule_id": "ERR_HIGH",
                "rule_version": None,
                "estimate_id": None,
                "approved_by": " ",
                "approved_at": stamp,
                "note": None,
            },
            {
                "rule_id": None,
                "rule_version": None,
                "estimate_id": None,
                "approved_by": "erin",
                "approved_at": "yesterday",
                "note": None,
            },
            {
                "rule_id": "ERR_HIGH",
                "rule_version": None,
                "estimate_id": "error_rate-v3",
                "approved_by": "erin",
                "approved_at": stamp,
                "note": None,
            },
        ]
    )
    acks = pd.DataFrame(
        [
            {
                "alert_id": medium["alert_id"].iloc[0],
                "acknowledged_by": "oncall",
                "acknowledged_at": stamp,
                "note": "known: latency estimate",
            },
            {
                "alert_id": medium["alert_id"].iloc[1],
                "acknowledged_by": "oncall",
                "acknowledged_at": stamp,
                "note": None,
            },
            {
                "alert_id": medium["alert_id"].iloc[2],
                "acknowledged_by": None,
                "acknowledged_at": stamp,
                "note": "nobody signed",
            },
            {"alert_id": "no-such-alert", "acknowledged_by": "oncall", "acknowledged_at": stamp, "note": None},
        ]
    )
    post_mortems = pd.DataFrame(
        [
            {
                "post_mortem_id": "PM-1",
                "alert_id": high.loc["v2", "alert_id"],
                "author": "alice",
                "written_at": stamp,
                "link": "https://wiki/pm-1",
                "summary": None,
            },
            # no link and no summary: quarantined, so v3's alert still lacks a post-mortem
            {
                "post_mortem_id": "PM-2",
                "alert_id": high.loc["v3", "alert_id"],
                "author": "alice",
                "written_at": stamp,
                "link": None,
                "summary": None,
            },
            {
                "post_mortem_id": "PM-3",
                "alert_id": "no-such-alert",
                "author": "bob",
                "written_at": stamp,
                "link": None,
                "summary": "wrong id",
            },
        ]
    )
    roster = pd.DataFrame(
        [
            {"reviewer": "alice", "rotation_order": "1", "active_from": None, "active_to": None},
            {"reviewer": "bob", "rotation_order": "2", "active_from": None, "active_to": None},
            {"reviewer": "carol", "rotation_order": "3", "active_from": None, "active_to": "2026-10-08"},
            {"reviewer": None, "rotation_order": "4", "active_from": None, "active_to": None},
            {"reviewer": "dave", "rotation_order": "first", "active_from": "soon", "active_to": None},
        ]
    )
    return {"gov_approvals": approvals, "gov_acks": acks, "gov_post_mortems": post_mortems, "gov_roster": roster}


def _changed_rules() -> pd.DataFrame:
    rules = _rules()
    rules["changed_by"] = "alice"
    rules.loc[rules["rule_id"] == "ERR_HIGH", ["warn_tolerance", "fail_tolerance", "changed_by"]] = [0.05, 0.1, "bob"]
    medium_v2 = rules[rules["rule_id"] == "LATENCY_MEDIUM"].copy()
    medium_v2[["rule_version", "warn_tolerance", "valid_from"]] = ["2", 5.0, pd.Timestamp("2026-10-10")]
    return pd.concat([rules, medium_v2], ignore_index=True)


# What the three builds below select (the first is test_decisions.py's whole build, shared): the tables _snapshot
# reads, the audit tables (the run history records the alerts each run believed, which the change log reads: a change
# after a fail alert) and everything upstream (88 of the 125 models, with the governance check on the items). This
# file reads none of the interval, replay, scenario and decision models; leaving them out keeps each build to what its
# claims need (demo_build is the whole demo).
SELECTED = upstream_of(
    "corridor_governance_items",
    "corridor_review_assignments",
    "corridor_quarantine",
    "int_corridor__input_accounting",
    "corridor_alerts",
    audit=True,
    indirect="eager",
)


def _snapshot(path) -> dict[str, pd.DataFrame]:
    return {
        "items": query(path, "select * from corridor_governance_items"),
        "assignments": query(path, "select * from corridor_review_assignments order by period_start"),
        "quarantine": query(path, "select * from corridor_quarantine"),
        "accounting": query(path, "select * from int_corridor__input_accounting"),
        "alerts": query(path, "select * from corridor_alerts"),
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp("governance")
    path = work / "governance.duckdb"
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    # the first build is test_decisions.py's, shared (the same inputs and vars, no governance input; a whole build,
    # of which SELECTED is part), copied before the later builds write to it
    shared, first_output = decisions_project(tmp_path_factory)
    shutil.copyfile(shared, path)
    out = {"first": _snapshot(path), "first_output": first_output}

    now = pd.Timestamp.now(tz="UTC").tz_localize(None)
    inputs = _inputs(out["first"]["alerts"], now)
    changed = _changed_rules()
    load_frames(path, {"dec_rules": changed, **inputs})
    gov_vars = {
        **VARS,
        "corridor_rules": {"relation": "main.dec_rules", "columns": _names(changed)},
        **_governance_vars(inputs),
        "corridor_escalation_hours": {"critical": 4, "high": 24, "medium": 1},
    }
    # run 2 as a case of conftest.Dbt.batch on the parse of gov_vars, which the batch leaves in the shared cache for
    # runs 3 and 4 (one full parse instead of two); faithful: corridor_governance_as_of is read where
    # corridor_governance_items renders, and no node config reads it
    build = ["build", "--exclude", "resource_type:seed", *SELECTED]
    (second,) = dbt.batch([{"args": build, "vars": {**gov_vars, "corridor_governance_as_of": AS_OF}}], gov_vars)
    out["second"] = _snapshot(path)
    out["second_output"] = second.output
    out["inputs"] = inputs

    dbt("build", "--exclude", "resource_type:seed", *SELECTED, vars=gov_vars, expect_ok=False)
    out["third"] = _snapshot(path)

    reordered = inputs["gov_roster"].copy()
    reordered["rotation_order"] = ["3", "2", "1", "4", "first"]
    load_frames(path, {"gov_roster": reordered})
    dbt("build", "--exclude", "resource_type:seed", "--full-refresh", *SELECTED, vars=gov_vars, expect_ok=False)
    out["refreshed"] = _snapshot(path)
    return out


def _codes(items: pd.DataFrame) -> list[tuple]:
    frame = items[["reason_code", "rule_id", "model_version"]].astype(object)
    frame = frame.where(frame.notna(), None)
    return sorted(frame.itertuples(index=False, name=None), key=str)


def test_every_build_succeeds_and_the_check_warns_on_the_open_items(runs):
    for key in ("first_output", "second_output"):
        assert "ERROR=0" in runs[key], [line for line in runs[key].splitlines() if "ERROR" in line]
    assert "WARN 7 corridor_check_governance_items" in runs["second_output"]
    assert "PASS corridor_check_governance_items" in runs["first_output"]


def test_without_the_inputs_nothing_is_flagged_and_the_new_tables_are_empty(runs):
    first = runs["first"]
    assert first["items"].empty
    assert first["assignments"].empty
    assert set(first["quarantine"]["input_name"]) <= {"production_events", "outcomes", "offline_estimates"}
    assert set(first["accounting"]["input_name"]) == {"production_events", "outcomes", "offline_estimates"}
    # the project's alerts: ERR_HIGH closed on v2 and v3, LATENCY_MEDIUM open on every version
    alerts = first["alerts"]
    assert sorted(
        alerts.loc[alerts["rule_id"] == "ERR_HIGH", ["model_version", "alert_status"]].itertuples(
            index=False, name=None
        )
    ) == [("v2", "closed"), ("v3", "closed")]
    assert set(alerts.loc[alerts["rule_id"] == "LATENCY_MEDIUM", "alert_status"]) == {"open"}


def test_bad_rows_of_the_inputs_are_quarantined_with_reason_codes_and_every_row_is_accounted_for(runs):
    second = runs["second"]
    q = second["quarantine"]
    got = sorted(
        q.loc[
            ~q["input_name"].isin(["production_events", "outcomes", "offline_estimates"]),
            ["input_name", "reason_codes"],
        ].itertuples(index=False, name=None)
    )
    assert got == [
        ("alert_acknowledgements", "missing_acknowledged_by"),
        ("approvals", "ambiguous_subject"),
        ("approvals", "missing_approved_by"),
        ("approvals", "unparseable_approved_at,missing_subject"),
        ("post_mortems", "missing_link_and_summary"),
        ("review_roster", "missing_reviewer"),
        ("review_roster", "unparseable_active_from,unparseable_rotation_order"),
    ]
    accounting = second["accounting"].set_index("input_name")
    expected = {
        "approvals": (6, 3, 3),
        "alert_acknowledgements": (4, 3, 1),
        "post_mortems": (3, 2, 1),
        "review_roster": (5, 3, 2),
    }
    for name, (read, accepted, quarantined) in expected.items():
        row = accounting.loc[name]
        assert (row["rows_read"], row["rows_accepted"], row["rows_quarantined"]) == (read, accepted, quarantined)
        assert bool(row["is_balanced"])


def test_planted_governance_items_are_flagged_and_the_rest_are_quiet(runs):
    items = runs["second"]["items"]
    assert _codes(items) == sorted(
        [
            # widened in place, the only approval predates the baseline
            ("tolerance_change_without_approval", "ERR_HIGH", None),
            # two of the four open medium alerts are acknowledged (the third ack was quarantined)
            ("unacknowledged_past_escalation", "LATENCY_MEDIUM", "v3"),
            ("unacknowledged_past_escalation", "LATENCY_MEDIUM", "v4"),
            # v2's closed high fail alert has its post-mortem, v3's only a quarantined one
            ("missing_post_mortem", "ERR_HIGH", "v3"),
            ("approval_of_unknown_rule", "NO_SUCH_RULE", None),
            ("acknowledgement_of_unknown_alert", None, None),
            ("post_mortem_of_unknown_alert", None, None),
        ],
        key=str,
    )
    tolerance = items[items["reason_code"] == "tolerance_change_without_approval"].iloc[0]
    assert tolerance["rule_version"] == "1" and tolerance["responsible"] == "bob"
    assert "after a fail alert" in tolerance["detail"]
    late = items[items["reason_code"] == "unacknowledged_past_escalation"].iloc[0]
    assert late["responsible"] == "ranking-team -> #ranking"
    # escalation after 1 hour of the first recording, judged at AS_OF
    assert late["due_at"] == late["opened_at"] + pd.Timedelta(hours=1)
    expected_hours = (pd.Timestamp(AS_OF) - late["due_at"]).total_seconds() / 3600
    assert late["hours_overdue"] == pytest.approx(expected_hours, abs=1 / 60)
    pm = items[items["reason_code"] == "missing_post_mortem"].iloc[0]
    assert pm["due_at"] == pm["opened_at"] + pd.Timedelta(days=7)
    assert set(items["as_of"]) == {pd.Timestamp(AS_OF)}


def test_deadlines_not_yet_passed_are_quiet(runs):
    """At the build's own time the alerts were recorded minutes ago: only the unapproved change and the dangling
    rows remain."""
    assert {code for code, _, _ in _codes(runs["third"]["items"])} == {
        "tolerance_change_without_approval",
        "approval_of_unknown_rule",
        "acknowledgement_of_unknown_alert",
        "post_mortem_of_unknown_alert",
    }


def _expected_rotation(period_starts: list[pd.Timestamp]) -> list[str]:
    """By hand: the active reviewers at each week's start in rotation order, position = weeks since 1900-01-01 mod n."""
    out = []
    for start in period_starts:
        active = ["alice", "bob"] + (["carol"] if start < pd.Timestamp("2026-10-08") else [])
        weeks = (start - pd.Timestamp("1900-01-01")).days // 7
        out.append(active[weeks % len(active)])
    return out


def test_review_periods_go_round_the_roster_and_keep_their_reviewer(runs):
    second = runs["second"]["assignments"]
    starts = list(second["period_start"])
    # events on 2026-10-01 .. 10-14: three ISO weeks
    assert starts == [pd.Timestamp("2026-09-28"), pd.Timestamp("2026-10-05"), pd.Timestamp("2026-10-12")]
    assert list(second["reviewer"]) == _expected_rotation(starts)
    assert list(second["n_reviewers"]) == [3, 3, 2]
    assert second["n_results"].sum() > 0
    third, refreshed = runs["third"]["assignments"], runs["refreshed"]["assignments"]
    for later in (third, refreshed):
        assert list(later["reviewer"]) == list(second["reviewer"])
        assert list(later["assignment_id"]) == list(second["assignment_id"])
        assert list(later["assigned_at"]) == list(second["assigned_at"])


def test_the_demo_has_no_open_governance_item(demo_build):
    """The demo leaves the governance inputs off: its alerts were recorded by this very build, so no deadline has
    passed, its rules have no tolerance change yet, and nothing is quarantined from a governance input."""
    path = demo_build["path"]
    assert query(path, "select count(*) as n from corridor_governance_items")["n"].iloc[0] == 0
    assert query(path, "select count(*) as n from corridor_review_assignments")["n"].iloc[0] == 0
    names = set(query(path, "select distinct input_name from corridor_quarantine")["input_name"])
    assert names <= {"production_events", "outcomes", "offline_estimates"}


# (vars, the refusal's text); each compiled with the nodes that read the governance settings selected
BAD_GOVERNANCE_SETTINGS = [
    ({"corridor_escalation_hours": {"hihg": 4}}, "var 'corridor_escalation_hours' names 'hihg'"),
    ({"corridor_escalation_hours": {"high": -1}}, "var 'corridor_escalation_hours.high' must be a number of hours"),
    ({"corridor_escalation_hours": 24}, "var 'corridor_escalation_hours' must be a mapping"),
    ({"corridor_post_mortem_days": "a week"}, "var 'corridor_post_mortem_days' must be a number of days >= 0"),
    ({"corridor_post_mortem_severities": "high"}, "var 'corridor_post_mortem_severities' must be a list"),
    ({"corridor_governance_as_of": "next monday"}, "var 'corridor_governance_as_of' must be null or a UTC"),
    ({"corridor_review_period": "quarter"}, "var 'corridor_review_period' is 'quarter'; expected day, week or month"),
    ({"corridor_check_severity": {"governance_item": "error"}}, "Did you mean 'governance_items'"),
    ({"corridor_approvals": {"ref": "approvals", "columns": {"approver": "x"}}}, "maps an unknown corridor column"),
]
GOVERNANCE_NODES = (
    "corridor_governance_items corridor_review_assignments corridor_check_governance_items stg_corridor__approvals"
    " int_corridor__governance_alert_states"
)
REFUSED_AT = ["compile", "--select", GOVERNANCE_NODES]


@pytest.fixture(scope="module")
def refused_governance_settings(tmp_path_factory):
    """Every bad setting compiled in one dbt process on one parse of the demo project (conftest.Dbt.batch)."""
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp("governance_settings")
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(work / "corridor.duckdb")})
    cases = [{"args": REFUSED_AT, "vars": vars} for vars, _ in BAD_GOVERNANCE_SETTINGS]
    return dbt.batch(cases)


@pytest.mark.parametrize("case", range(len(BAD_GOVERNANCE_SETTINGS)), ids=[n for _, n in BAD_GOVERNANCE_SETTINGS])
def test_bad_governance_settings_fail_with_a_message_naming_the_var(refused_governance_settings, case):
    needle = BAD_GOVERNANCE_SETTINGS[case][1]
    result = refused_governance_settings[case]
    assert not result.ok and needle in result.output, result.output[-3000:]


def test_a_real_dbt_compile_refuses_a_bad_governance_setting_as_the_batch_does(root_dbt, refused_governance_settings):
    """The first bad setting (read by int_corridor__governance_alert_states) as a separate dbt process, a full parse
    with the bad vars: the same corridor message as its batch case (conftest.Dbt.batch)."""
    dbt, _ = root_dbt
    vars, needle = BAD_GOVERNANCE_SETTINGS[0]
    result = dbt(*REFUSED_AT, vars=vars, expect_ok=False)
    assert not result.ok and needle in result.output, result.output[-3000:]

    def messages(output: str) -> set[str]:
        return {line for line in re.findall(r"corridor: [^\n]*", output) if needle in line}

    assert messages(result.output) == messages(refused_governance_settings[0].output) != set()
