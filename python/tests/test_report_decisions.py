"""The report's decision, attribution, change-log and governance sections, from tables written by hand."""

from __future__ import annotations

import duckdb
from corridor.report_decisions import decision_sections, read_decision_tables


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(
        """
        create table corridor_model_decisions as select * from (values
            ('m', 'v1', 'promote', 'every deciding rule passed', null, null, null, timestamp '2026-10-05',
             timestamp '2026-10-01'),
            ('m', 'v2', 'rollback', 'R1 overall (day) failed 2 consecutive windows', 'v1',
             'R1 overall (day): 1 passing window(s) since, 2 needed to clear', null, timestamp '2026-10-09',
             timestamp '2026-10-06')
        ) as t(model_id, model_version, decision, decision_reason, rollback_to_version, hysteresis,
               traffic_factor_to_settle, evidence_through, first_window_start)
        """
    )
    con.execute(
        """
        create table corridor_discrepancy_attribution as select * from (values
            ('m', 'v2', 'error_rate', 'region', 'day', timestamp '2026-10-07', 0.048, 0.048, 0.004, 0.0, 0.001,
             'rate', 'A', 0.048, 0.004, 1, true, false),
            ('m', 'v2', 'error_rate', 'region', 'day', timestamp '2026-10-07', 0.048, 0.048, 0.004, 0.0, 0.001,
             'rate', 'B', 0.0, 0.003, 2, true, false),
            ('m', 'v2', 'error_rate', 'region', 'day', timestamp '2026-10-08', 0.001, 0.001, 0.004, 0.0, 0.001,
             'rate', 'A', 0.001, 0.004, 1, false, false)
        ) as t(model_id, model_version, metric, segment_dimension, window_grain, window_start, overall_gap,
               rate_effect, rate_effect_se, mix_effect, mix_effect_se, dominant_effect, segment_value,
               contribution, contribution_se, contribution_rank, is_rate_effect_significant,
               is_mix_effect_significant)
        """
    )
    con.execute(
        """
        create table corridor_change_log as select * from (values
            ('rule', 'R1|1', 'added', 'alice', null, 0.01, null, 0.02, null, null, false, false,
             timestamp '2026-10-01'),
            ('rule', 'R1|1', 'changed', 'bob', 0.01, 0.05, 0.02, 0.1, null, null, true, true,
             timestamp '2026-10-02'),
            ('offline_estimate', 'e1', 'changed', null, null, null, null, null, 0.02, 0.03, false, false,
             timestamp '2026-10-02')
        ) as t(entity_kind, entity_key, change_kind, changed_by, old_warn_tolerance, new_warn_tolerance,
               old_fail_tolerance, new_fail_tolerance, old_expected_value, new_expected_value,
               is_tolerance_change, is_after_failure, detected_at)
        """
    )
    return con


def test_sections_show_each_table():
    tables = read_decision_tables(_warehouse())
    page = "".join(decision_sections(tables))
    assert '<tr data-model-version="v2" data-decision="rollback">' in page
    assert "<td>v1</td>" in page  # roll back to
    assert "1 passing window(s) since, 2 needed to clear" in page
    # attribution: only the significant window, with its top contributor
    assert len(tables["attribution"]) == 1 and "region=A 0.048" in page
    # change log: the baseline row is not a change; the tolerance change after a failure is a governance item
    assert "Change log (2 changes since the baseline)" in page
    assert "warn 0.01 &rarr; 0.05, fail 0.02 &rarr; 0.1" in page
    assert "expected 0.02 &rarr; 0.03" in page
    assert "Open governance items (1)" in page


def test_a_warehouse_without_the_tables_shows_no_section():
    tables = read_decision_tables(duckdb.connect())
    assert tables == {} and decision_sections(tables) == []


def test_governance_items_and_the_review_rotation_are_shown_most_overdue_first():
    con = _warehouse()
    con.execute(
        """
        create table corridor_governance_items as select * from (values
            ('missing_post_mortem', 'alert', 'a1', 'R1', '1', 'm', 'v2', 'high', 'team',
             'closed high fail alert of rule R1 has no post-mortem', 10.0, timestamp '2026-10-09',
             timestamp '2026-10-10'),
            ('unacknowledged_past_escalation', 'alert', 'a2', 'R1', '1', 'm', 'v3', 'high', 'team -> #ch',
             'open high alert not acknowledged', 30.0, timestamp '2026-10-09', timestamp '2026-10-10')
        ) as t(reason_code, subject_kind, subject_id, rule_id, rule_version, model_id, model_version, severity,
               responsible, detail, hours_overdue, due_at, as_of)
        """
    )
    con.execute(
        """
        create table corridor_review_assignments as select * from (values
            ('week', timestamp '2026-09-28', timestamp '2026-10-05', 'alice', 12, 1, 0),
            ('week', timestamp '2026-10-05', timestamp '2026-10-12', null, 5, 0, 2)
        ) as t(review_period, period_start, period_end, reviewer, n_results, n_fail, n_warn)
        """
    )
    page = "".join(decision_sections(read_decision_tables(con)))
    # the table replaces the change-log-derived list: two items, the most overdue first
    assert "Open governance items (2)" in page
    assert page.index('data-reason-code="unacknowledged_past_escalation"') < page.index(
        'data-reason-code="missing_post_mortem"'
    )
    assert "team -&gt; #ch" in page
    assert "<td>alice</td><td>12</td>" in page and "<td>unassigned</td>" in page
