"""The report's sections for issue 16: decisions per model version, what drives the gaps (attribution), the change
log of rules and offline estimates, the open governance items and the review rotation. Each table is optional: a
warehouse built before these models existed shows no section for it."""

from __future__ import annotations

import html
from typing import Any

import duckdb

TABLES = [
    "corridor_model_decisions",
    "corridor_discrepancy_attribution",
    "corridor_change_log",
    "corridor_governance_items",
    "corridor_review_assignments",
]
DECISION_CSS = {"promote": "pass", "hold": "warn", "investigate_data": "warn", "rollback": "fail"}
MAX_ROWS = 50


def _e(value: Any) -> str:
    return "" if value is None else html.escape(str(value))


def _f(value: Any, digits: int = 4) -> str:
    if value is None or value != value:  # None or NaN
        return "n/a"
    return f"{value:.{digits}g}"


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def read_decision_tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """The rows the sections show, from whichever of TABLES the warehouse has (in main first)."""
    rel: dict[str, str] = {}
    for schema, name in con.execute(
        "select table_schema, table_name from information_schema.tables"
        f" where table_name in ({', '.join('?' * len(TABLES))})"
        " order by table_schema = 'main' desc, table_schema",
        TABLES,
    ).fetchall():
        rel.setdefault(name, f'"{schema}"."{name}"')
    out: dict[str, list[dict[str, Any]]] = {}
    if "corridor_model_decisions" in rel:
        out["decisions"] = _rows(
            con,
            "select model_id, model_version, decision, decision_reason, rollback_to_version, hysteresis,"
            " traffic_factor_to_settle, evidence_through"
            f" from {rel['corridor_model_decisions']} order by model_id, first_window_start, model_version",
        )
    if "corridor_discrepancy_attribution" in rel:
        # per model version, metric and dimension: the window with the largest gap, and its top contributor
        out["attribution"] = _rows(
            con,
            f"""
            with ranked as (
                select *, row_number() over (
                    partition by model_id, model_version, metric, segment_dimension, window_grain
                    order by abs(overall_gap) desc nulls last, window_start desc
                ) as gap_rank
                from {rel["corridor_discrepancy_attribution"]}
                where contribution_rank = 1 and (is_rate_effect_significant or is_mix_effect_significant)
            )
            select model_id, model_version, metric, segment_dimension, window_grain, window_start, overall_gap,
                   rate_effect, rate_effect_se, mix_effect, mix_effect_se, dominant_effect, segment_value,
                   contribution, contribution_se
            from ranked where gap_rank = 1
            order by abs(overall_gap) / nullif(greatest(rate_effect_se, mix_effect_se), 0) desc nulls last
            limit {MAX_ROWS}
            """,
        )
    if "corridor_change_log" in rel:
        out["changes"] = _rows(
            con,
            f"""
            select entity_kind, entity_key, change_kind, changed_by, old_warn_tolerance, new_warn_tolerance,
                   old_fail_tolerance, new_fail_tolerance, old_expected_value, new_expected_value,
                   is_tolerance_change, is_after_failure, detected_at,
                   detected_at = max(detected_at) over () as is_latest_run,
                   min(detected_at) over () = detected_at as is_baseline
            from {rel["corridor_change_log"]}
            order by detected_at desc, entity_kind, entity_key
            """,
        )
    if "corridor_governance_items" in rel:
        out["governance"] = _rows(
            con,
            "select reason_code, subject_kind, subject_id, rule_id, rule_version, model_id, model_version, severity,"
            " responsible, detail, hours_overdue, due_at, as_of"
            f" from {rel['corridor_governance_items']} order by hours_overdue desc nulls last, reason_code, subject_id",
        )
    if "corridor_review_assignments" in rel:
        out["reviews"] = _rows(
            con,
            "select review_period, period_start, period_end, reviewer, n_results, n_fail, n_warn"
            f" from {rel['corridor_review_assignments']} order by period_start desc limit {MAX_ROWS}",
        )
    return out


def _decisions_section(rows: list[dict[str, Any]]) -> list[str]:
    out = [f'<section id="decisions"><h2>Decisions per model version ({len(rows)})</h2>']
    out.append(
        '<p class="muted">corridor_model_decisions: promote, hold, rollback or investigate_data from the rules of'
        " deciding severity (docs/decisions.md); <code>corridor decide --model M --version V</code> exits 0 / 1 / 2."
        "</p>"
    )
    if not rows:
        out.append('<p id="decisions-none">No model version decided.</p></section>')
        return out
    body = "".join(
        f'<tr data-model-version="{_e(r["model_version"])}" data-decision="{_e(r["decision"])}">'
        f"<td><b>{_e(r['model_id'])} {_e(r['model_version'])}</b></td>"
        f'<td><span class="pill {DECISION_CSS.get(r["decision"], "")}">{_e(r["decision"])}</span></td>'
        f'<td class="diag">{_e(r["decision_reason"])}'
        + (f"<br><i>hysteresis:</i> {_e(r['hysteresis'])}" if r["hysteresis"] else "")
        + f"</td><td>{_e(r['rollback_to_version']) or '&ndash;'}</td><td>{_e(r['evidence_through'])}</td></tr>"
        for r in rows
    )
    out.append(
        '<table id="decisions-table"><tr><th>version</th><th>decision</th><th>why</th><th>roll back to</th>'
        f"<th>evidence through</th></tr>{body}</table></section>"
    )
    return out


def _attribution_section(rows: list[dict[str, Any]]) -> list[str]:
    out = [f'<section id="attribution"><h2>What drives the gaps ({len(rows)})</h2>']
    out.append(
        '<p class="muted">corridor_discrepancy_attribution: per model version, metric and dimension, the window'
        " with the largest significant gap between production and the offline estimate, split into rate"
        " (segments perform differently) and mix (traffic shares differ from the offline evaluation's), and the"
        " segment that contributes most (docs/decisions.md).</p>"
    )
    if not rows:
        out.append('<p id="attribution-none">No significant rate or mix effect.</p></section>')
        return out
    body = "".join(
        f'<tr data-metric="{_e(r["metric"])}" data-dimension="{_e(r["segment_dimension"])}"'
        f' data-effect="{_e(r["dominant_effect"])}">'
        f"<td>{_e(r['model_id'])} {_e(r['model_version'])}</td><td>{_e(r['metric'])}</td>"
        f"<td>{_e(r['window_grain'])} {_e(r['window_start'])}</td><td>{_f(r['overall_gap'])}</td>"
        f"<td>{_f(r['rate_effect'])} &plusmn; {_f(r['rate_effect_se'], 2)}</td>"
        f"<td>{_f(r['mix_effect'])} &plusmn; {_f(r['mix_effect_se'], 2)}</td>"
        f"<td><b>{_e(r['dominant_effect'])}</b></td>"
        f"<td>{_e(r['segment_dimension'])}={_e(r['segment_value'])} {_f(r['contribution'])}"
        f" &plusmn; {_f(r['contribution_se'], 2)}</td></tr>"
        for r in rows
    )
    out.append(
        '<table id="attribution-table"><tr><th>version</th><th>metric</th><th>window</th><th>gap</th><th>rate</th>'
        f"<th>mix</th><th>mostly</th><th>top contributor</th></tr>{body}</table></section>"
    )
    return out


def _change_cell(r: dict[str, Any]) -> str:
    if r["entity_kind"] == "rule" and r["change_kind"] != "added":
        return (
            f"warn {_f(r['old_warn_tolerance'])} &rarr; {_f(r['new_warn_tolerance'])},"
            f" fail {_f(r['old_fail_tolerance'])} &rarr; {_f(r['new_fail_tolerance'])}"
        )
    if r["entity_kind"] == "offline_estimate" and r["change_kind"] != "added":
        return f"expected {_f(r['old_expected_value'])} &rarr; {_f(r['new_expected_value'])}"
    return ""


def _change_log_section(rows: list[dict[str, Any]]) -> list[str]:
    changes = [r for r in rows if not r["is_baseline"]]
    out = [f'<section id="change-log"><h2>Change log ({len(changes)} changes since the baseline)</h2>']
    out.append(
        '<p class="muted">corridor_change_log: every change to the rules registry and the offline estimates between'
        f" runs (the first run records the baseline, {len(rows) - len(changes)} rows). Latest first, at most"
        f" {MAX_ROWS}.</p>"
    )
    if not changes:
        out.append('<p id="change-log-none">No change since the baseline.</p></section>')
        return out
    body = "".join(
        f'<tr data-entity-key="{_e(r["entity_key"])}" data-change-kind="{_e(r["change_kind"])}">'
        f"<td>{_e(r['detected_at'])}</td><td>{_e(r['entity_kind'])} <b>{_e(r['entity_key'])}</b></td>"
        f"<td>{_e(r['change_kind'])}</td><td>{_e(r['changed_by']) or '&ndash;'}</td><td>{_change_cell(r)}</td></tr>"
        for r in changes[:MAX_ROWS]
    )
    out.append(
        '<table id="change-log-table"><tr><th>seen</th><th>what</th><th>change</th><th>by</th><th>values</th></tr>'
        f"{body}</table></section>"
    )
    return out


def _governance_section(rows: list[dict[str, Any]]) -> list[str]:
    flagged = [r for r in rows if r["is_tolerance_change"] and r["is_after_failure"]]
    out = [f'<section id="governance"><h2>Open governance items ({len(flagged)})</h2>']
    out.append(
        '<p class="muted">Tolerances changed on a rule after it failed (corridor_change_log: is_tolerance_change and'
        " is_after_failure): review that the change was approved and the failure explained.</p>"
    )
    if not flagged:
        out.append('<p id="governance-none">No open governance item.</p></section>')
        return out
    body = "".join(
        f'<tr data-entity-key="{_e(r["entity_key"])}"><td>{_e(r["detected_at"])}</td><td><b>{_e(r["entity_key"])}'
        f"</b></td><td>{_e(r['changed_by']) or '&ndash;'}</td><td>{_change_cell(r)}</td></tr>"
        for r in flagged
    )
    out.append(
        '<table id="governance-table"><tr><th>seen</th><th>rule version</th><th>by</th><th>tolerances</th></tr>'
        f"{body}</table></section>"
    )
    return out


def _governance_items_section(items: list[dict[str, Any]], reviews: list[dict[str, Any]] | None) -> list[str]:
    out = [f'<section id="governance"><h2>Open governance items ({len(items)})</h2>']
    out.append(
        '<p class="muted">corridor_governance_items: tolerances changed without approval, high-severity alerts'
        " unacknowledged past their escalation time, closed significant alerts without a post-mortem, and rows of the"
        " governance inputs naming something corridor never recorded (docs/governance.md). Most overdue first.</p>"
    )
    if not items:
        out.append('<p id="governance-none">No open governance item.</p>')
    else:
        body = "".join(
            f'<tr data-reason-code="{_e(r["reason_code"])}" data-subject-id="{_e(r["subject_id"])}">'
            f"<td>{_e(r['reason_code'])}</td><td>{_e(r['detail'])}</td><td>{_e(r['responsible']) or '&ndash;'}</td>"
            f"<td>{_e(r['due_at'])}</td><td>{_f(r['hours_overdue'], 3)}</td></tr>"
            for r in items[:MAX_ROWS]
        )
        out.append(
            '<table id="governance-table"><tr><th>reason</th><th>what</th><th>who</th><th>due</th>'
            f"<th>hours overdue</th></tr>{body}</table>"
        )
    if reviews:
        body = "".join(
            f'<tr data-period-start="{_e(r["period_start"])}"><td>{_e(r["review_period"])} of'
            f" {_e(r['period_start'])}</td><td>{_e(r['reviewer']) or 'unassigned'}</td><td>{_e(r['n_results'])}"
            f"</td><td>{_e(r['n_fail'])}</td><td>{_e(r['n_warn'])}</td></tr>"
            for r in reviews
        )
        out.append(
            '<h3>Review rotation</h3><table id="review-table"><tr><th>period</th><th>reviewer</th><th>results</th>'
            f"<th>fail</th><th>warn</th></tr>{body}</table>"
        )
    out.append("</section>")
    return out


def decision_sections(tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    """HTML sections for the tables present."""
    out: list[str] = []
    if "decisions" in tables:
        out.extend(_decisions_section(tables["decisions"]))
    if "attribution" in tables:
        out.extend(_attribution_section(tables["attribution"]))
    if "changes" in tables:
        out.extend(_change_log_section(tables["changes"]))
    if "governance" in tables:
        out.extend(_governance_items_section(tables["governance"], tables.get("reviews")))
    elif "changes" in tables:
        # a warehouse built before corridor_governance_items: the tolerance changes that followed a failure
        out.extend(_governance_section(tables["changes"]))
    return out
