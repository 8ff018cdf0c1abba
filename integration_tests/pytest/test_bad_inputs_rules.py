"""Bad-input cases that need the rules layer (issue 3): an offline estimate
missing for a rule, a rule naming an unknown metric, and a window whose
quality gates failed reported as `blocked`. They skip cleanly until
corridor_validation_results and corridor_rule_issues exist."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from test_bad_inputs import KEY, RULE_COLUMNS, VARS, _inputs, _write_tables

MARTS = REPO_ROOT / "models" / "marts"
pytestmark = [
    pytest.mark.dbt,
    pytest.mark.skipif(
        not ((MARTS / "corridor_validation_results.sql").exists() and (MARTS / "corridor_rule_issues.sql").exists()),
        reason="needs the rules layer (corridor_validation_results, corridor_rule_issues) of issue 3",
    ),
]


def _rule(rule_id, metric, **kw):
    row = dict.fromkeys(RULE_COLUMNS)
    row.update(
        rule_id=rule_id,
        metric=metric,
        comparison_kind="absolute",
        owner="data-team",
        window_grain="day",
        direction="two_sided",
        warn_tolerance="0.5",
        fail_tolerance="0.9",
        min_sample_size="1",
        consecutive_windows="1",
        severity="high",
        rule_version="1",
        valid_from="2026-09-01 00:00:00",
    )
    row.update(kw)
    return row


@pytest.fixture(scope="module")
def rules_build(tmp_path_factory):
    work = tmp_path_factory.mktemp("bad_rules")
    path = work / "bad.duckdb"
    frames, _ = _inputs()
    frames["bad_rules"] = pd.DataFrame(
        [
            _rule("accuracy-ok", "accuracy"),  # has the offline estimate est-ok
            _rule("latency-no-estimate", "latency_mean"),  # no offline estimate of latency_mean
            _rule("typo-metric", "acuracy"),  # no such metric
        ],
        columns=RULE_COLUMNS,
    )
    _write_tables(path, frames)
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path), "CORRIDOR_PSEUDONYM_KEY": KEY})
    dbt("build", "--exclude", "resource_type:seed", vars=VARS, expect_ok=False)
    return path


def test_offline_estimate_missing_for_a_rule(rules_build):
    results = query(rules_build, "select status from corridor_validation_results where rule_id = 'latency-no-estimate'")
    assert len(results) > 0 and set(results["status"]) == {"missing"}
    issues = query(rules_build, "select problem_codes from corridor_rule_issues where rule_id = 'latency-no-estimate'")
    assert "no_offline_estimate" in issues["problem_codes"].iloc[0]


def test_rule_naming_an_unknown_metric(rules_build):
    issues = query(rules_build, "select problem_codes, reason from corridor_rule_issues where rule_id = 'typo-metric'")
    assert len(issues) == 1 and "unknown_metric" in issues["problem_codes"].iloc[0]
    assert "acuracy" in issues["reason"].iloc[0] or "unknown_metric" in issues["reason"].iloc[0]


def test_window_with_failed_gates_is_blocked_not_failed(rules_build):
    # the empty day 2026-10-06 fails its row_volume gate: its result is blocked or missing, never pass/warn/fail
    results = query(
        rules_build,
        "select status from corridor_validation_results where rule_id = 'accuracy-ok' and segment_dimension = 'all' "
        "and window_start = timestamp '2026-10-06 00:00:00'",
    )
    assert set(results["status"]) <= {"blocked", "missing"} and len(results) > 0
    gates = query(
        rules_build,
        "select gate_status from int_corridor__window_gate_status where model_id = 'm1' and window_grain = 'day' "
        "and window_start = timestamp '2026-10-06 00:00:00'",
    )
    assert list(gates["gate_status"]) == ["fail"]
