"""corridor's checks and invariants (the singular tests in tests/) run in a consumer's `dbt build`: quiet on a
clean build where nothing is wrong, each firing on a violation planted in a copy of the built tables, at
severity warn by default and error when asked, and the run summary printed at the end of the build."""

from __future__ import annotations

import re
import shutil

import duckdb
import pytest
from conftest import Dbt
from corridor.dbt_runner import INTEGRATION_DIR

pytestmark = pytest.mark.dbt

ANSI = re.compile(r"\x1b\[[0-9;]*m")
INVARIANTS = [
    "corridor_invariant_input_rows_conserved",
    "corridor_invariant_results_name_rule_versions",
    "corridor_invariant_intervals_contain_estimates",
    "corridor_invariant_q_values_not_below_p_values",
]
CHECKS = [
    "corridor_check_rule_issues",
    "corridor_check_unjudgeable_rules",
    "corridor_check_estimate_issues",
    "corridor_check_quality_gates",
    "corridor_check_quarantine",
]

PLANTED = [
    # one row read but neither accepted nor quarantined
    "update int_corridor__input_accounting set rows_read = rows_read + 1 where input_name = 'outcomes'",
    # a result naming a rule version the registry does not have
    "update corridor_validation_results set rule_version = 'ghost'"
    " where result_id = (select min(result_id) from corridor_validation_results)",
    # a production interval that excludes its own point value
    "update corridor_metric_observations set interval_lower = metric_value + 1 where observation_id = ("
    " select min(observation_id) from corridor_metric_observations where source = 'production'"
    " and interval_lower is not null)",
    # a q-value below its p-value
    "update corridor_validation_results set q_value = p_value / 2 where result_id = ("
    " select min(result_id) from corridor_validation_results where p_value > 0.001)",
    # an invalid rule and a rule that can never judge
    "insert into corridor_rule_issues (rule_id, rule_version, issue_level, problem_codes, reason) values"
    " ('planted', '1', 'error', 'unknown_metric', 'planted'),"
    " ('planted', '2', 'warn', 'no_offline_estimate', 'planted')",
    # a quarantined offline estimate (moved from the events' quarantine: the accounting of both inputs breaks too)
    "update corridor_quarantine set input_name = 'offline_estimates' where quarantine_id = ("
    " select min(quarantine_id) from corridor_quarantine where input_name = 'production_events')",
    # one more failing gate
    "update corridor_quality_gates set gate_status = 'fail'"
    " where gate_id = (select min(gate_id) from corridor_quality_gates where gate_status = 'pass')",
]


def _counts(output: str) -> dict[str, tuple[str, int]]:
    """{test name: (status, failing rows)} from dbt's per-node lines."""
    found = {}
    for line in ANSI.sub("", output).splitlines():
        m = re.search(r"\d+ of \d+ (PASS|WARN|FAIL|ERROR)( \d+)? (corridor_(?:check|invariant)_\w+)", line)
        if m:
            found[m.group(3)] = (m.group(1), int(m.group(2) or 0))
    return found


@pytest.fixture(scope="module")
def planted(integration_duckdb, tmp_path_factory):
    work = tmp_path_factory.mktemp("planted")
    path = work / integration_duckdb["path"].name  # its file name: the runs without vars share its dbt parse
    shutil.copy(integration_duckdb["path"], path)
    con = duckdb.connect(str(path))
    for statement in PLANTED:
        con.execute(statement)
    con.close()
    return Dbt(INTEGRATION_DIR, work, {"CORRIDOR_DUCKDB_PATH": str(path)})


def test_clean_build_runs_every_check_and_no_invariant_fires(integration_duckdb):
    clean = _counts(integration_duckdb["build_output"])
    assert set(INVARIANTS + CHECKS) <= set(clean), sorted(clean)
    for name in INVARIANTS:
        assert clean[name] == ("PASS", 0), (name, clean[name])
    # the integration project's rules and estimates are valid and judge
    for name in ["corridor_check_rule_issues", "corridor_check_unjudgeable_rules", "corridor_check_estimate_issues"]:
        assert clean[name] == ("PASS", 0), (name, clean[name])
    assert "corridor run summary" in integration_duckdb["build_output"]


def test_each_invariant_and_check_fires_on_its_planted_violation(integration_duckdb, planted):
    clean = _counts(integration_duckdb["build_output"])
    result = planted("test", "--select", "tag:corridor_invariants", "tag:corridor_checks")
    assert result.ok, "at the default severity the checks warn and the build exits 0"
    after = _counts(result.output)
    for name in INVARIANTS + CHECKS:
        # one planted row each, except: the quarantine check already fires on the real replayed copies
        # (threshold 0), and the conservation invariant sees outcomes, production events and offline estimates
        planted_rows = {"corridor_check_quarantine": 0, "corridor_invariant_input_rows_conserved": 3}.get(name, 1)
        assert after[name] == ("WARN", clean[name][1] + planted_rows), (name, clean[name], after[name])


def test_severity_error_when_asked(planted):
    result = planted(
        "test",
        "--select",
        "tag:corridor_invariants",
        "corridor_check_rule_issues",
        vars={"corridor_check_severity": {"invariants": "error", "rule_issues": "error"}},
        expect_ok=False,
    )
    assert not result.ok
    after = _counts(result.output)
    assert all(after[name][0] == "FAIL" for name in [*INVARIANTS, "corridor_check_rule_issues"]), after


def test_quarantine_threshold(integration_duckdb, planted):
    """The integration data quarantines replayed copies: any quarantined row warns at threshold 0; a threshold
    above the quarantined share of every input keeps the check quiet."""
    con = duckdb.connect(str(integration_duckdb["path"]), read_only=True)
    share = con.execute("select max(rows_quarantined * 1.0 / rows_read) from int_corridor__input_accounting").fetchall()
    con.close()
    assert share[0][0] > 0
    quiet = planted(
        "test", "--select", "corridor_check_quarantine", vars={"corridor_quarantine_threshold": share[0][0] + 0.01}
    )
    assert _counts(quiet.output)["corridor_check_quarantine"] == ("PASS", 0)
