"""The report's section for feature-version lineage (issue 15, docs/lineage.md): the offline estimates that
production's feature versions outran (corridor_validation_results.estimate_is_stale), one row per rule series
and estimate. A warehouse built before the column existed, or without the lineage inputs, shows a line saying
no estimate is known to be stale."""

from __future__ import annotations

from typing import Any

import duckdb

from corridor.report_decisions import _e, _rows


def read_stale_estimates(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]] | None:
    """The stale checks grouped per rule series and estimate; None when the results carry no staleness column."""
    found = con.execute(
        "select table_schema from information_schema.columns"
        " where table_name = 'corridor_validation_results' and column_name = 'estimate_is_stale'"
        " order by table_schema = 'main' desc, table_schema"
    ).fetchall()
    if not found:
        return None
    results = f'"{found[0][0]}"."corridor_validation_results"'
    return _rows(
        con,
        f"""
        select rule_id, model_id, model_version, metric, segment_dimension, segment_value, window_grain,
               expected_estimate_id, max(estimate_stale_features) as stale_features, count(*) as stale_windows,
               min(window_start) as first_window_start, max(window_start) as last_window_start
        from {results}
        where estimate_is_stale
        group by rule_id, model_id, model_version, metric, segment_dimension, segment_value, window_grain,
                 expected_estimate_id
        order by model_id, model_version, rule_id, segment_dimension, segment_value, window_grain
        """,
    )


def stale_estimates_section(rows: list[dict[str, Any]] | None) -> list[str]:
    """Stale offline estimates: which checks used them, on which feature versions production outran them."""
    out = [f'<section id="stale-estimates"><h2>Stale offline estimates ({len(rows or [])})</h2>']
    out.append(
        '<p class="muted">Checks whose offline estimate was computed without a feature version production ran on'
        " in the window (corridor_check_lineage has both sides). Their statuses still stand; the estimate's owner"
        " has a stale-estimate alert: the offline estimator needs a refresh.</p>"
    )
    if not rows:
        reason = "not recorded in this warehouse" if rows is None else "none is known to be stale"
        out.append(f"<p>No stale estimate ({reason}).</p></section>")
        return out
    head = (
        "<tr><th>rule</th><th>model</th><th>metric</th><th>segment</th><th>grain</th><th>estimate</th>"
        "<th>feature versions production ran on</th><th>stale windows</th><th>from</th><th>to</th></tr>"
    )
    body = []
    for r in rows:
        segment = "overall" if r["segment_dimension"] == "all" else f"{r['segment_dimension']}={r['segment_value']}"
        body.append(
            f'<tr class="stale-estimate"><td>{_e(r["rule_id"])}</td><td>{_e(r["model_id"])} {_e(r["model_version"])}'
            f"</td><td>{_e(r['metric'])}</td><td>{_e(segment)}</td><td>{_e(r['window_grain'])}</td>"
            f"<td><code>{_e(r['expected_estimate_id'])}</code></td><td>{_e(r['stale_features'])}</td>"
            f"<td>{_e(r['stale_windows'])}</td><td>{_e(r['first_window_start'])}</td>"
            f"<td>{_e(r['last_window_start'])}</td></tr>"
        )
    out.append(f"<table>{head}{''.join(body)}</table></section>")
    return out
