"""The report's section for the scenarios of issue 17 (corridor_scenario_results, docs/scenarios.md): per declared
scenario and rule on a metric it changes, whether the rule caught it, its power over the seeds, the time to detect,
the false alerts it raised elsewhere and the warn tolerance that would catch it at the target power. Scenarios that
could not be judged (invalid declarations, no rule on their metrics) are listed with their reason. A warehouse
built without scenarios shows no section."""

from __future__ import annotations

from typing import Any

import duckdb

from corridor.report_decisions import _e, _f, _rows

TABLE = "corridor_scenario_results"


def read_scenarios(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]] | None:
    """Every row of corridor_scenario_results, judged ones first, by scenario and rule; None without the table."""
    found = con.execute(
        "select table_schema from information_schema.tables where table_name = ?"
        " order by table_schema = 'main' desc, table_schema limit 1",
        [TABLE],
    ).fetchall()
    if not found:
        return None
    return _rows(
        con,
        f"""
        select scenario_id, rule_id, kind, model_id, segment_dimension, segment_value, metric, scenario_status,
               invalid_reason, tolerance_unit, size, duration_hours, seeds, seeds_detected, power,
               mean_hours_to_detect, min_hours_to_detect, max_hours_to_detect, false_alerts, new_false_alerts,
               current_warn_tolerance, recommended_warn_tolerance, target_power, is_detected, starts_at
        from "{found[0][0]}"."{TABLE}"
        order by scenario_status <> 'judged', scenario_id, rule_id
        """,
    )


def _segment(row: dict[str, Any]) -> str:
    if row["segment_dimension"] in (None, "all"):
        return "all traffic"
    return f"{row['segment_dimension']}={row['segment_value']}"


def _hours_to_detect(row: dict[str, Any]) -> str:
    if not row["seeds_detected"]:
        return "not detected"
    mean, low, high = (row[f"{k}_hours_to_detect"] for k in ("mean", "min", "max"))
    spread = "" if low == high else f" ({_f(low, 3)}&ndash;{_f(high, 3)})"
    return f"{_f(mean, 3)} h{spread}"


def _tolerance(row: dict[str, Any]) -> str:
    recommended = row["recommended_warn_tolerance"]
    target = "" if row["target_power"] is None else f" for {row['target_power']:.0%} power"
    return f"{_f(row['current_warn_tolerance'])} &rarr; {'none' if recommended is None else _f(recommended)}{target}"


def _judged_row(row: dict[str, Any]) -> str:
    detected = bool(row["is_detected"])
    return (
        f'<tr data-scenario-id="{_e(row["scenario_id"])}" data-rule-id="{_e(row["rule_id"])}"'
        f' data-detected="{str(detected).lower()}" data-power="{_e(row["power"])}"'
        f' data-false-alerts="{_e(row["false_alerts"])}"'
        f' data-recommended-warn-tolerance="{_e(row["recommended_warn_tolerance"])}">'
        f"<td><b>{_e(row['scenario_id'])}</b></td>"
        f"<td>{_e(row['kind'])} {_f(row['size'])}, {_e(_segment(row))}, {_f(row['duration_hours'], 3)} h"
        f" from {_e(row['starts_at'])}</td>"
        f"<td>{_e(row['rule_id'])} ({_e(row['metric'])})</td>"
        f"<td>{'yes' if detected else 'no'}"
        f" ({row['seeds_detected']}/{row['seeds']} seeds)</td>"
        f"<td>{_f(row['power'], 3)}</td>"
        f"<td>{_hours_to_detect(row)}</td>"
        f"<td>{_f(row['false_alerts'], 3)} ({_f(row['new_false_alerts'], 3)} new)</td>"
        f"<td>{_tolerance(row)} ({_e(row['tolerance_unit'])})</td></tr>"
    )


def scenarios_section(rows: list[dict[str, Any]] | None) -> list[str]:
    """The HTML section (none when the table was not built)."""
    if rows is None:
        return []
    judged = [r for r in rows if r["scenario_status"] == "judged"]
    unjudged = [r for r in rows if r["scenario_status"] != "judged"]
    scenarios = {r["scenario_id"] for r in judged}
    caught = {r["scenario_id"] for r in judged if r["is_detected"]}
    out = [
        f'<section id="scenarios"><h2>Scenarios ({len(caught)} of {len(scenarios)} detected)</h2>',
        '<p class="muted">corridor_scenario_results: declared perturbations injected into the recorded production'
        " events and judged by the real validation, FDR and alert logic, over independent seeds: per scenario and"
        " rule, detected (an alert of the rule matching the scenario in any seed), power (share of seeds"
        " detecting it), hours from its start to detection (mean, fastest&ndash;slowest), false alerts per run"
        " elsewhere (those the live build does not raise: new), and the rule's warn tolerance now &rarr; the"
        " largest one that makes a window of the scenario significant at the target power (docs/scenarios.md).</p>",
    ]
    if not rows:
        out.append('<p id="scenarios-none">No scenario declared (input corridor_scenarios).</p></section>')
        return out
    if judged:
        out.append(
            '<table id="scenarios-table"><tr><th>scenario</th><th>perturbation</th><th>rule</th><th>detected</th>'
            "<th>power</th><th>time to detect</th><th>false alerts</th><th>warn tolerance</th></tr>"
            + "".join(_judged_row(r) for r in judged)
            + "</table>"
        )
    if unjudged:
        items = "".join(
            f'<li data-scenario-id="{_e(r["scenario_id"])}" data-scenario-status="{_e(r["scenario_status"])}">'
            f"<b>{_e(r['scenario_id'])}</b> ({_e(r['scenario_status'])}): {_e(r['invalid_reason'])}</li>"
            for r in unjudged
        )
        out.append(f'<p>Not judged ({len(unjudged)}):</p><ul id="scenarios-unjudged">{items}</ul>')
    out.append("</section>")
    return out
