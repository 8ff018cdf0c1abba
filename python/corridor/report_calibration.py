"""The report's section for issue 17: the rule calibration on the replayed history (corridor_rule_calibration,
docs/replay.md). Per rule, the recommended candidate setting, what it changes and the trade-off it makes against
the current setting, and where the ground truth came from (known incidents, post-mortems, acknowledgements). A
warehouse built before the table existed shows no section; one built before its ground-truth columns shows none."""

from __future__ import annotations

import html
from typing import Any

import duckdb

TABLE = "corridor_rule_calibration"


def _e(value: Any) -> str:
    return "" if value is None else html.escape(str(value))


def _hours(value: Any) -> str:
    if value is None or value != value:  # None or NaN
        return "never"
    return f"{value:.3g} h"


def _known(value: Any) -> str:
    """The known false alerts among the false alerts, when any."""
    if value is None or value != value or not value:
        return ""
    return f", {int(value)} known"


def read_calibration(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]] | None:
    """Per rule, the recommended row with the current setting's figures beside it; None without the table."""
    found = con.execute(
        "select table_schema from information_schema.tables where table_name = ?"
        " order by table_schema = 'main' desc, table_schema limit 1",
        [TABLE],
    ).fetchall()
    if not found:
        return None
    rel = f'"{found[0][0]}"."{TABLE}"'
    columns = {
        row[0]
        for row in con.execute(
            "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
            [found[0][0], TABLE],
        ).fetchall()
    }
    truth = (
        "best.known_false_alerts, best.ground_truth_sources"
        if {"known_false_alerts", "ground_truth_sources"} <= columns
        else "null as known_false_alerts, null as ground_truth_sources"
    )
    cur = con.execute(
        f"""
        select best.rule_id, best.candidate_id, best.is_current, best.alerts, best.false_alerts,
               best.incidents_detected, best.mean_hours_to_detect, best.alerts_per_month, best.trade_off,
               {truth},
               current_setting.alerts as current_alerts, current_setting.false_alerts as current_false_alerts,
               current_setting.incidents_detected as current_incidents_detected,
               current_setting.mean_hours_to_detect as current_mean_hours_to_detect
        from {rel} as best
        inner join {rel} as current_setting
            on best.rule_id = current_setting.rule_id and current_setting.is_current
        where best.is_recommended
        order by best.is_current, best.rule_id
        """
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def calibration_section(rows: list[dict[str, Any]] | None) -> list[str]:
    """The HTML section (none when the table was not built)."""
    if rows is None:
        return []
    changes = [r for r in rows if not r["is_current"]]
    out = [f'<section id="calibration"><h2>Rule calibration ({len(changes)} changes recommended)</h2>']
    out.append(
        '<p class="muted">corridor_rule_calibration: candidate settings per rule (FDR level, consecutive windows,'
        " tolerance and minimum-sample multipliers) replayed over the recorded history as it was known at each"
        " point; known incidents detected, false alerts (of which a post-mortem or acknowledgement called false:"
        " known) and time to detect against the current setting, scored against the ground truth of the rule's"
        " model (known incidents, post-mortems, acknowledgements with a verdict; docs/replay.md).</p>"
    )
    if not rows:
        out.append('<p id="calibration-none">No rule to calibrate.</p></section>')
        return out
    body = "".join(
        f'<tr data-rule-id="{_e(r["rule_id"])}" data-current="{str(bool(r["is_current"])).lower()}">'
        f"<td><b>{_e(r['rule_id'])}</b></td>"
        f"<td>{'keep' if r['is_current'] else _e(r['candidate_id'])}</td>"
        f"<td>{r['incidents_detected']} (now {r['current_incidents_detected']})</td>"
        f"<td>{r['false_alerts']}{_known(r['known_false_alerts'])} (now {r['current_false_alerts']})</td>"
        f"<td>{r['alerts']} (now {r['current_alerts']})</td>"
        f"<td>{_hours(r['mean_hours_to_detect'])} (now {_hours(r['current_mean_hours_to_detect'])})</td>"
        f"<td>{_e(r['ground_truth_sources']) or 'none'}</td></tr>"
        for r in rows
    )
    out.append(
        '<table id="calibration-table"><tr><th>rule</th><th>recommended</th><th>incidents detected</th>'
        f"<th>false alerts</th><th>alerts</th><th>mean time to detect</th><th>ground truth</th></tr>{body}</table>"
        "</section>"
    )
    return out
