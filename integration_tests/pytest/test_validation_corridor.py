"""The rules registry is checked rule by rule, and the generic test
corridor.rules_hold turns open alerts into dbt warnings and errors that name
the rule, segment, windows, owner and deviation."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml
from conftest import Dbt, query
from corridor.dbt_runner import INTEGRATION_DIR, REPO_ROOT

pytestmark = pytest.mark.dbt

GOOD = {
    "rule_id": "G1",
    "hypothesis": "overall accuracy close to the backtest",
    "metric": "accuracy",
    "segment_dimension": "all",
    "segment_value": "all",
    "window_grain": "day",
    "comparison_kind": "statistical",
    "direction": "higher_is_better",
    "warn_tolerance": "0.02",
    "fail_tolerance": "0.05",
    "min_sample_size": "100",
    "consecutive_windows": "1",
    "owner": "team-a",
    "escalation_path": "#a",
    "severity": "high",
    "rule_version": "1",
    "valid_from": "2026-09-01 00:00:00",
}


def _rule(**changes):
    return {**GOOD, **changes}


# (rule, the reason code it must be reported with)
BAD_RULES = [
    (_rule(rule_id="B01", metric="acuracy"), "unknown_metric"),
    (_rule(rule_id="B02", owner=None), "missing_owner"),
    (_rule(rule_id="B03", owner="  "), "missing_owner"),
    (_rule(rule_id="B04", warn_tolerance="0.2", fail_tolerance="0.1"), "warn_beyond_fail"),
    (_rule(rule_id="B05", warn_tolerance="-0.1"), "negative_tolerance"),
    (
        _rule(rule_id="B06", warn_tolerance="0.5", fail_tolerance="1.5", comparison_kind="absolute"),
        "impossible_tolerance",
    ),
    (_rule(rule_id="B07", comparison_kind="bayesian-ish"), "unknown_comparison_kind"),
    (_rule(rule_id="B08", direction="up"), "unknown_direction"),
    (_rule(rule_id="B09", window_grain="month"), "unknown_window_grain"),
    (_rule(rule_id="B10", segment_dimension="country"), "unknown_segment_dimension"),
    (_rule(rule_id="B11", severity="urgent"), "unknown_severity"),
    (
        _rule(rule_id="B12", comparison_kind="equivalence", warn_tolerance="0", fail_tolerance="0.05"),
        "zero_equivalence_margin",
    ),
    (_rule(rule_id="B13", fail_tolerance="abc"), "missing_tolerance"),
    (_rule(rule_id="B14", valid_from="next tuesday"), "unparseable_valid_from"),
    (_rule(rule_id="B15", consecutive_windows="0"), "bad_consecutive_windows"),
    (_rule(rule_id="B16", segment_dimension="all", segment_value="latam"), "segment_value_without_dimension"),
    (_rule(rule_id="B17", metric="mae"), "unknown_metric"),  # a regression metric on a binary classifier
]


def _rules_frame(rows):
    return pd.DataFrame(rows, columns=list(GOOD)).astype(object)


# test_bad_rules_are_reported_with_id_and_reason_and_good_ones_still_judge
GOOD_AND_BAD_RULES = [GOOD, _rule(rule_id="G2", rule_version="2", valid_from="2026-10-10 00:00:00")] + [
    r for r, _ in BAD_RULES
]
# G1 v1 and v2: a newer version that is broken must not take over
GOOD_AND_BAD_RULES.append(_rule(rule_id="G1", rule_version="2", valid_from="2026-10-12 00:00:00", owner=None))
# test_rule_versions_split_the_windows_they_judge
VERSIONED_RULES = [
    _rule(rule_id="V", rule_version="1", valid_from="2026-09-01 00:00:00", warn_tolerance="0.02"),
    _rule(rule_id="V", rule_version="2", valid_from="2026-10-08 00:00:00", warn_tolerance="0.03"),
    _rule(rule_id="V", rule_version="10", valid_from="2026-10-15 00:00:00", warn_tolerance="0.04"),
]


@pytest.fixture(scope="module")
def user_rules_build(tmp_path_factory):
    """The demo built with var corridor_rules pointing at a user's rules table that holds the rules of both tests
    below (ids G1, G2, B01-B17 and V: every check of a rule and every window it judges is per rule id and
    version, and each test reads its own ids), into a fresh DuckDB file.

    The build is `@stg_corridor__rules`: every node downstream of the rules and everything those nodes need (the
    seeds they read among them). That holds every node whose SQL reads the rules, by ref or by name
    (stg_corridor__input_columns), so "no compilation error" covers all of them, and both tables the tests read;
    what it leaves out (the bootstrap and exact intervals, the offline-evaluation and metric-history models) reads
    no rule."""
    work = tmp_path_factory.mktemp("user_rules")
    path = work / "corridor.duckdb"
    con = duckdb.connect(str(path))
    con.register("rules_frame", _rules_frame(GOOD_AND_BAD_RULES + VERSIONED_RULES))
    con.execute("create table user_rules as select * from rules_frame")
    con.close()
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    vars = {"corridor_rules": {"relation": "main.user_rules"}}
    return dbt("build", "--select", "@stg_corridor__rules", vars=vars, expect_ok=False), path


def test_bad_rules_are_reported_with_id_and_reason_and_good_ones_still_judge(user_rules_build):
    result, path = user_rules_build
    assert "Compilation Error" not in result.output, result.output[-3000:]
    issues = query(path, "select * from corridor_rule_issues")
    errors = issues[issues["issue_level"] == "error"].set_index("rule_id")
    for rule, code in BAD_RULES:
        assert rule["rule_id"] in errors.index, f"{rule['rule_id']} ({code}) not reported"
        row = errors.loc[rule["rule_id"]]
        assert code in row["problem_codes"].split(", "), (rule["rule_id"], row["problem_codes"])
        assert row["reason"].startswith(f"rule {rule['rule_id']} v"), row["reason"]
    assert errors.loc["B01", "reason"].count("'acuracy' is not a corridor metric") == 1
    assert "missing_owner" in errors.loc["G1", "problem_codes"]
    # no bad rule judged anything; the good ones did
    judged = query(
        path,
        "select rule_id, rule_version, min(window_start) as first, max(window_start) as last, count(*) as n "
        "from corridor_validation_results group by all",
    )
    assert set(judged["rule_id"]) == {"G1", "G2", "V"}  # V: the rule of the next test
    g1 = judged[judged["rule_id"] == "G1"]
    # the broken G1 v2 did not take over: v1 still judges after 2026-10-12
    assert list(g1["rule_version"]) == ["1"] and g1["last"].max() >= pd.Timestamp("2026-10-20")
    g2 = judged[judged["rule_id"] == "G2"].iloc[0]
    assert g2["first"] == pd.Timestamp("2026-10-10"), "a rule version judges from its valid_from on"


def test_rule_versions_split_the_windows_they_judge(user_rules_build):
    _, path = user_rules_build
    got = query(
        path,
        "select rule_version, min(window_start) as first, max(window_start) as last, max(warn_tolerance) as tol "
        "from corridor_validation_results where rule_id = 'V' and model_version = 'v2' group by 1 order by 2",
    )
    assert list(got["rule_version"]) == ["2", "10"]  # v2 starts on 2026-10-08, so v1 judged only v1 windows
    assert got["last"].iloc[0] < pd.Timestamp("2026-10-15") <= got["first"].iloc[1]
    assert list(got["tol"]) == [0.03, 0.04]
    v1 = query(
        path,
        "select max(window_start) as last from corridor_validation_results where rule_id = 'V' and rule_version = '1'",
    )
    assert v1["last"][0] < pd.Timestamp("2026-10-08")


def test_rules_hold_negative_case_in_the_integration_project(tmp_path):
    """A negative case that must fail: the integration project's strict rules
    registry (a seed with corridor.rules_hold attached) holds a rule that
    production cannot meet; pointing var corridor_rules at it fails the build
    with a message naming rule, segment, windows, owner and deviation.

    After `dbt seed` (the project's inputs are seeds its vars name as relations), the build is
    `@stg_corridor__rules`: every node downstream of the rules (the rules_hold tests and corridor_alerts, which
    this test reads, among them) and everything those nodes need."""
    path = tmp_path / "integration.duckdb"  # integration_duckdb's file name: the seed shares its dbt parse
    dbt = Dbt(INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("deps")
    dbt("seed")
    config = yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())["vars"]
    # the offline estimates plus one deliberately wrong projection (mean latency 20 ms) the strict rules compare with
    con = duckdb.connect(str(path))
    con.execute(
        """
        create table offline_strict as
        select * from offline_projections
        union all
        select projection_key || '-mean-strict', model, release, 'latency_mean', dimension, dimension_value, grain,
               20.0, 0.5, 19.0, 21.0, ci_level, how, estimator, dataset, made_at, from_ts, to_ts
        from offline_projections where kpi = 'latency_p95'
        """
    )
    con.close()
    strict_vars = {
        "corridor_rules": {**config["corridor_rules"], "ref": "hypotheses_strict"},
        "corridor_offline_estimates": {
            "relation": "main.offline_strict",
            "columns": config["corridor_offline_estimates"]["columns"],
        },
    }
    build = dbt("build", "--select", "@stg_corridor__rules", vars=strict_vars, expect_ok=False)
    assert not build.ok
    out = build.output
    assert "FAIL" in out and "corridor_rules_hold_hypotheses_strict_hypothesis_id__error" in out, out[-3000:]
    lines = [line for line in out.splitlines() if "corridor rule ERROR:" in line]
    assert lines, out[-3000:]
    assert any(
        "mean-strict" in line
        and "latency_mean overall" in line
        and "owner latency-owners" in line
        and "worst deviation" in line
        and "window(s) breached from" in line
        for line in lines
    ), lines
    # the warn-mapped rule of the same registry only warns
    assert any("corridor rule WARN:" in line and "mean-strict-low" in line for line in out.splitlines()), out[-3000:]
    failures = query(
        path, "select count(*) as n from corridor_alerts where alert_status = 'open' and rule_id like 'mean-strict%'"
    )
    assert failures["n"][0] >= 2


def _last_invocation_log(log_dir: Path) -> list[str]:
    """The lines dbt logged in log_dir for its last invocation: dbt.log with its rolled-over parts (oldest first),
    from the last "Running with dbt=" on."""
    parts = sorted(log_dir.glob("dbt.log.*"), key=lambda p: -int(p.suffix[1:])) + [log_dir / "dbt.log"]
    text = "".join(part.read_text(errors="replace") for part in parts)
    return text[text.rindex("Running with dbt=") :].splitlines()


def test_rules_hold_error_and_warn_paths_on_the_demo(demo_build):
    # the demo's build as `corridor demo` runs it (session fixture demo_build: `dbt build` of the demo, no vars,
    # seeds included, into a fresh file), read from its dbt log and its file. Only the pseudonymization key differs
    # from the tests' (the demo's own): it enters the staged entity pseudonyms and the quarantine's raw columns, which
    # nothing here reads. demo_build also requires `corridor demo` to exit 0, which it does only when the rules tests
    # are all that failed.
    path = demo_build["path"]
    log = _last_invocation_log(demo_build["work"] / "logs")
    assert any("Command `dbt build` failed" in line for line in log)  # dbt build exited non-zero
    assert "dbt build exits non-zero because rules of error severity have open alerts" in demo_build["output"]
    # what dbt printed: its info, warn and error lines
    out = "\n".join(line for line in log if re.search(r"\[(info|warn|error)\s*\]", line))
    assert "FAIL" in out and "corridor_rules_hold_corridor_demo_rules_rule_id__error" in out
    assert "WARN" in out and "corridor_rules_hold_corridor_demo_rules_rule_id__warn" in out
    error_lines = [line for line in out.splitlines() if "corridor rule ERROR:" in line]
    warn_lines = [line for line in out.splitlines() if "corridor rule WARN:" in line]
    assert any(
        "R013" in line and "region=latam" in line and "owner fraud-ml-team" in line and "worst deviation" in line
        for line in error_lines
    ), error_lines
    assert any("R007" in line and "device=android" in line for line in error_lines), error_lines
    assert any("R005" in line and "severity medium" in line for line in warn_lines), warn_lines
    # nothing but the rules tests failed, and the alert history was still recorded by the hook
    history = query(path, "select count(*) as n, count(distinct invocation_id) as runs from corridor_alert_history")
    assert history["runs"][0] == 1 and history["n"][0] >= 5
