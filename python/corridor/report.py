"""The validation report: a self-contained HTML page built from corridor's warehouse tables.

    corridor report [--database PATH] [--out DIR]

reads a DuckDB file read-only and writes ``DIR/<run_started_at>_<run id>/index.html`` for the run
that built ``corridor_validation_results``, plus ``DIR/index.html`` linking every report kept in DIR
(newest first). A report for the same run is overwritten; reports of other runs are kept.

The page works offline: plotly.js and the styles are embedded once per page (no CDN), the figures
are drawn by plotly. The key figures are also embedded as JSON (``<script type="application/json"
id="corridor-report-data">``, and written beside the page as ``report.json``), so tests and other
tools can check the page against the tables.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from statistics import NormalDist
from typing import Any

import duckdb
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs
from plotly.subplots import make_subplots

from corridor import __version__
from corridor.report_calibration import calibration_section, read_calibration
from corridor.report_decisions import decision_sections, read_decision_tables
from corridor.report_lineage import read_stale_estimates, stale_estimates_section
from corridor.report_scenarios import read_scenarios, scenarios_section

REPORT_FORMAT = 1
DATA_ELEMENT_ID = "corridor-report-data"
STATUSES = ["pass", "warn", "fail", "inconclusive", "blocked", "missing"]
STATUS_COLORS = {
    "pass": "#2a9d8f",
    "warn": "#e9a23b",
    "fail": "#d62828",
    "inconclusive": "#8d99ae",
    "blocked": "#495057",
    "missing": "#adb5bd",
}
STATUS_SYMBOLS = {
    "pass": "circle",
    "warn": "triangle-up",
    "fail": "diamond",
    "inconclusive": "circle-open",
    "blocked": "square",
    "missing": "x-thin-open",
}
STATUS_MEANING = {
    "pass": "within the corridor",
    "warn": "beyond the warn tolerance",
    "fail": "beyond the fail tolerance",
    "inconclusive": "too little data or too wide an interval to decide",
    "blocked": "a data-quality gate failed: a data problem, not a model problem",
    "missing": "no production data or no expectation for the window",
}
GATE_CODES = {"pass": 0, "warn": 1, "fail": 2}
# The values a metric can take: an edge beyond them is never drawn, the y-axis never extends past them.
UNIT_METRICS = {
    "error_rate", "label_maturity", "slow_request_rate", "accuracy", "precision", "recall", "f1", "auc", "brier_score",
    "expected_calibration_error",
}  # fmt: skip
# A panel with at least this many windows is dense: small pass markers on a line, thin interval bars.
DENSE_PANEL_WINDOWS = 300
TS = "%Y-%m-%d %H:%M:%S"
REQUIRED = ["corridor_validation_results", "corridor_alerts", "corridor_quality_gates", "corridor_run_history"]
OPTIONAL = [
    "corridor_run_model_history",
    "int_corridor__window_gate_status",
    "corridor_rule_issues",
    "corridor_feature_drift",
]
# a small template of our own: plotly's default one would be embedded again in every figure
TEMPLATE = go.layout.Template(
    layout=dict(
        font=dict(family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size=12, color="#212529"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis=dict(showgrid=True, gridcolor="#eceff1", linecolor="#ced4da", zeroline=False),
        yaxis=dict(showgrid=True, gridcolor="#eceff1", linecolor="#ced4da", zeroline=False),
        hoverlabel=dict(align="left"),
        margin=dict(l=70, r=30, t=50, b=40),
    )
)
PLOT_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


class ReportError(RuntimeError):
    """The database cannot be reported on (missing file, tables not built, locked by a writer)."""


# --------------------------------------------------------------------------------------------
# Reading the warehouse
# --------------------------------------------------------------------------------------------


@dataclass
class Warehouse:
    """What the report shows, read from the tables in one read-only session."""

    database: Path
    run: dict[str, Any]
    runs: list[dict[str, Any]]
    results: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    gates: list[dict[str, Any]]
    window_gates: list[dict[str, Any]] = field(default_factory=list)
    rule_issues: list[dict[str, Any]] = field(default_factory=list)
    drift: list[dict[str, Any]] = field(default_factory=list)
    # decisions, attribution, change log (corridor.report_decisions), when built
    decision_tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # stale offline estimates (corridor.report_lineage); None: the results carry no staleness column
    stale_estimates: list[dict[str, Any]] | None = None
    # the rule calibration on the replayed history (corridor.report_calibration), when built
    calibration: list[dict[str, Any]] | None = None
    # the scenarios and what each rule made of them (corridor.report_scenarios), when built
    scenarios: list[dict[str, Any]] | None = None


def _ts(value: Any) -> str | None:
    return value.strftime(TS) if isinstance(value, dt.datetime) else (None if value is None else str(value))


def _num(value: Any) -> float | int | None:
    """A JSON-safe number: non-finite floats become null."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [
        {k: (_ts(v) if isinstance(v, dt.datetime) else _num(v)) for k, v in zip(names, row, strict=True)}
        for row in cur.fetchall()
    ]


def _relations(con: duckdb.DuckDBPyConnection, database: Path) -> dict[str, str]:
    """Quoted relation names of corridor's tables, wherever the build put them (schema var corridor_schema)."""
    found: dict[str, str] = {}
    for schema, name in con.execute(
        "select table_schema, table_name from information_schema.tables"
        " where table_name in ({}) order by table_schema = 'main' desc, table_schema".format(
            ", ".join("?" for _ in REQUIRED + OPTIONAL)
        ),
        REQUIRED + OPTIONAL,
    ).fetchall():
        found.setdefault(name, f'"{schema}"."{name}"')
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise ReportError(
            f"{database} has no {', '.join(missing)}: not a corridor warehouse, or not built yet"
            " (run `make demo`, or `dbt build` in your project)."
        )
    return found


def read_warehouse(database: Path) -> Warehouse:
    """Read everything the report needs from a corridor DuckDB file, opened read-only."""
    database = Path(database)
    if not database.exists():
        raise ReportError(f"{database} does not exist: build it first (make demo).")
    try:
        con = duckdb.connect(str(database), read_only=True)
    except duckdb.Error as exc:  # e.g. "Conflicting lock": a dbt build is writing the file
        raise ReportError(f"cannot open {database} read-only (is a build writing it?): {exc}") from exc
    try:
        rel = _relations(con, database)
        runs = _rows(
            con,
            f"""
            select invocation_id, run_status, dbt_command, dbt_version, corridor_version, target_name, target_type,
                   config_fingerprint, rules_fingerprint, model_versions, nodes_succeeded, nodes_failed,
                   rows_read, rows_written, started_at, finished_at
            from {rel["corridor_run_history"]}
            order by started_at desc, invocation_id desc
            """,
        )
        run = _reporting_run(con, rel, runs)
        results = _rows(
            con,
            f"""
            select result_id, rule_id, rule_version, hypothesis, metric, comparison_kind, direction, model_id,
                   model_version, segment_dimension, segment_value, window_grain, window_start, window_end, status,
                   production_value, production_lower, production_upper, sample_size, expected_source,
                   expected_value, expected_lower, expected_upper, bad_deviation, tolerance_unit, warn_tolerance,
                   fail_tolerance, warn_threshold, fail_threshold, q_value, gate_status, gate_failing_checks,
                   is_breach, is_confirmed_breach, owner, escalation_path, severity, reason
            from {rel["corridor_validation_results"]}
            order by rule_id, model_id, model_version, segment_dimension, segment_value, window_grain,
                     window_start, rule_version
            """,
        )
        alerts = _rows(
            con,
            f"""
            select alert_id, rule_id, rule_version, model_id, model_version, metric, segment_dimension,
                   segment_value, window_grain, alert_status, breach_level, severity, owner, escalation_path,
                   first_seen_window_start, opened_window_start, last_seen_window_start, last_seen_window_end,
                   closed_window_start, windows_breached, worst_bad_deviation, worst_relative_deviation,
                   worst_window_start, smallest_q_value, last_expected_value, last_production_value,
                   segment_diagnostic, data_gate_diagnostic, data_gates_failed, summary
            from {rel["corridor_alerts"]}
            order by alert_status desc, rule_id, first_seen_window_start, alert_id
            """,
        )
        gates = _rows(
            con,
            f"""
            select input_name, model_id, window_grain, check_category, check_name, gate_status, diagnostic,
                   measured_value, window_start, window_end
            from {rel["corridor_quality_gates"]}
            order by input_name, window_grain, check_category, check_name, window_start
            """,
        )
        window_gates = []
        if "int_corridor__window_gate_status" in rel:
            window_gates = _rows(
                con,
                f"""
                select model_id, window_grain, gate_status, failing_checks, gate_diagnostic, window_start, window_end
                from {rel["int_corridor__window_gate_status"]}
                order by model_id, window_grain, window_start
                """,
            )
        rule_issues = []
        if "corridor_rule_issues" in rel:
            rule_issues = _rows(
                con,
                f"""
                select rule_id, rule_version, issue_level, problem_codes, reason
                from {rel["corridor_rule_issues"]}
                order by case issue_level when 'error' then 0 else 1 end, rule_id, rule_version, problem_codes
                """,
            )
        drift = []
        if "corridor_feature_drift" in rel:
            # the finest drift grain built (day by default), every segment, versions with a reference
            drift = _rows(
                con,
                f"""
                with grains as (
                    select window_grain from {rel["corridor_feature_drift"]}
                    group by window_grain order by case window_grain when 'hour' then 0 when 'day' then 1
                        when 'week' then 2 else 3 end limit 1
                )
                select model_id, model_version, feature_name, feature_type, segment_dimension, segment_value,
                       window_grain, window_start, n_values, n_reference, n_bins, hellinger, null_rate,
                       reference_null_rate
                from {rel["corridor_feature_drift"]}
                where has_reference and window_grain in (select window_grain from grains)
                order by feature_name, model_version, segment_dimension, segment_value, window_start
                """,
            )
        decision_tables = read_decision_tables(con)
        stale_estimates = read_stale_estimates(con)
        calibration = read_calibration(con)
        scenarios = read_scenarios(con)
    finally:
        con.close()
    return Warehouse(
        database,
        run,
        runs,
        results,
        alerts,
        gates,
        window_gates,
        rule_issues,
        drift,
        decision_tables,
        stale_estimates=stale_estimates,
        calibration=calibration,
        scenarios=scenarios,
    )


def _reporting_run(con: duckdb.DuckDBPyConnection, rel: dict[str, str], runs: list[dict]) -> dict[str, Any]:
    """The run that built corridor_validation_results: the latest one whose node history records it."""
    if runs and "corridor_run_model_history" in rel:
        built = _rows(
            con,
            f"""
            select invocation_id from {rel["corridor_run_model_history"]}
            where node_name = 'corridor_validation_results' and node_status = 'success'
            """,
        )
        ids = {r["invocation_id"] for r in built}
        for run in runs:  # newest first
            if run["invocation_id"] in ids:
                return run
    if runs:
        return runs[0]
    return {"invocation_id": "unrecorded", "started_at": None, "config_fingerprint": None, "rules_fingerprint": None}


# --------------------------------------------------------------------------------------------
# Figures: pure functions of rows, unit-tested in python/tests/test_report.py
# --------------------------------------------------------------------------------------------


def report_dirname(run: dict[str, Any]) -> str:
    """Folder of one run's report: sortable by time, unique per run (``20261127T114638Z_ae64f921``)."""
    started = run.get("started_at")
    stamp = dt.datetime.strptime(started[:19], TS).strftime("%Y%m%dT%H%M%SZ") if started else "unrecorded"
    run_id = "".join(c for c in str(run.get("invocation_id") or "unrecorded") if c.isalnum() or c in "-_")
    return f"{stamp}_{run_id[:8]}"


def metric_bounds(metric: str) -> tuple[float | None, float | None]:
    """(lowest, highest) value a metric can take; None where unbounded."""
    if metric in UNIT_METRICS:
        return 0.0, 1.0
    return 0.0, None  # counts, latencies, losses and errors are never negative


def corridor_edges(
    expected: float | None,
    threshold: float | None,
    direction: str,
    bounds: tuple[float | None, float | None] = (None, None),
) -> tuple[float | None, float | None]:
    """(lower edge, upper edge) of the corridor at one tolerance: where a production value starts to breach.

    An edge outside the metric's ``bounds`` cannot be crossed (an AUC never exceeds 1), so it is None:
    not drawn, rather than drawn where no value can be."""
    if expected is None or threshold is None:
        return None, None
    lower = None if direction == "lower_is_better" else expected - threshold
    upper = None if direction == "higher_is_better" else expected + threshold
    low, high = bounds
    if lower is not None and low is not None and lower < low:
        lower = None
    if upper is not None and high is not None and upper > high:
        upper = None
    return lower, upper


def robust_y_range(
    core: list[float | None],
    intervals: list[tuple[float | None, float | None]],
    bounds: tuple[float | None, float | None] = (None, None),
) -> tuple[float, float] | None:
    """The y-axis range of a corridor panel: every value in ``core`` (production values, expectations,
    corridor edges) is inside; an interval bound is inside unless it lies further beyond the core values
    than the larger of their spread and twice the median interval width. Such an interval is drawn
    clipped at the axis (and marked), so one wide interval cannot flatten the panel and hide a breach.
    Never extends past the metric's ``bounds``; None when there is nothing to plot."""
    values = [v for v in core if v is not None and math.isfinite(v)]
    widths = sorted(
        hi - lo for lo, hi in intervals if lo is not None and hi is not None and math.isfinite(hi - lo) and hi >= lo
    )
    if not values:
        values = [v for pair in intervals for v in pair if v is not None and math.isfinite(v)]
        if not values:
            return None
    lo, hi = min(values), max(values)
    allowance = max(hi - lo, 2 * widths[len(widths) // 2] if widths else 0.0)
    for a, b in intervals:
        if a is not None and math.isfinite(a) and a >= lo - allowance:
            lo = min(lo, a)
        if b is not None and math.isfinite(b) and b <= hi + allowance:
            hi = max(hi, b)
    pad = (hi - lo) * 0.06 or (abs(hi) * 0.05 or 0.05)
    lo, hi = lo - pad, hi + pad
    low, high = bounds
    if low is not None:
        lo = max(lo, low - (pad if min(values) <= low else 0.0) * 0.5)
    if high is not None:
        hi = min(hi, high + (pad if max(values) >= high else 0.0) * 0.5)
    return lo, hi


def merge_windows(windows: list[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """Contiguous runs of [start, end) windows as (start, end, number of windows)."""
    merged: list[list] = []
    for start, end in sorted(set(windows)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] += 1
        else:
            merged.append([start, end, 1])
    return [(s, e, n) for s, e, n in merged]


def select_panels(rows: list[dict[str, Any]]) -> tuple[list[tuple], list[tuple]]:
    """For one rule, the (model_id, model_version, segment_dimension, segment_value, grain) series to plot.

    Plotted: every series with a breach (warn or fail), the overall series ('all'), and, for a model
    version whose segments show neither, the segment closest to the corridor's edge (largest bad
    deviation relative to its warn threshold). The others are listed under the figure, not drawn.
    """
    series: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        key = (r["model_id"], r["model_version"], r["segment_dimension"], r["segment_value"], r["window_grain"])
        series[key].append(r)
    chosen = {k for k, rs in series.items() if k[3] == "all" or any(r["is_breach"] for r in rs)}
    for version in sorted({k[:2] for k in series}):
        if not any(k[:2] == version for k in chosen):

            def closeness(key: tuple) -> float:
                ratios = [
                    r["bad_deviation"] / r["warn_threshold"]
                    for r in series[key]
                    if r["bad_deviation"] is not None and r["warn_threshold"]
                ]
                return max(ratios, default=-math.inf)

            candidates = sorted((k for k in series if k[:2] == version), key=lambda k: (-closeness(k), k))
            chosen.add(candidates[0])
    plotted = sorted(chosen)
    return plotted, sorted(set(series) - chosen)


def _status_counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    counts = Counter(r["status"] for r in rows)
    return {s: counts.get(s, 0) for s in STATUSES} | {s: n for s, n in counts.items() if s not in STATUSES}


def _axis_ref(axis: str, row: int) -> str:
    return axis if row == 1 else f"{axis}{row}"


def rule_figure(rule_id: str, rows: list[dict[str, Any]], alerts: list[dict[str, Any]]) -> tuple[go.Figure, dict]:
    """The corridor over time for one rule: one panel per plotted series (see select_panels)."""
    plotted, others = select_panels(rows)
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        by_key[
            (r["model_id"], r["model_version"], r["segment_dimension"], r["segment_value"], r["window_grain"])
        ].append(r)
    titles = []
    for key in plotted:
        rs = by_key[key]
        n_breach = sum(1 for r in rs if r["is_breach"])
        n_conf = sum(1 for r in rs if r["is_confirmed_breach"])
        seg = "overall" if key[3] == "all" else f"{key[2]}={key[3]}"
        titles.append(
            f"{key[0]} {key[1]} · {seg} · {key[4]} windows · {len(rs)} checks, "
            f"{n_breach} breach{'es' if n_breach != 1 else ''} ({n_conf} confirmed after FDR)"
        )
    spacing = 80 / (250 * len(plotted)) if len(plotted) > 1 else 0
    fig = make_subplots(rows=len(plotted), cols=1, subplot_titles=titles, vertical_spacing=spacing)
    shown: set[str] = set()
    panels = []
    metric = rows[0]["metric"]
    bounds = metric_bounds(metric)

    def add(trace: go.Scatter, row: int) -> None:
        trace.legendgroup = trace.name
        trace.showlegend = trace.name not in shown
        shown.add(trace.name)
        fig.add_trace(trace, row=row, col=1)

    for row, key in enumerate(plotted, start=1):
        rs = by_key[key]
        x = [r["window_start"] for r in rs]
        direction = rs[0]["direction"]
        source = {r["expected_source"] for r in rs if r["expected_value"] is not None}
        expected_name = (
            "seasonal baseline"
            if source == {"seasonal"}
            else "overall estimate (fallback)"
            if source == {"overall_fallback"}
            else "offline expectation"
        )
        # the expected value's interval, then the expectation itself
        add(
            go.Scatter(
                x=x,
                y=[r["expected_lower"] for r in rs],
                name="expected interval",
                mode="lines",
                line=dict(width=0, shape="hv"),
                hoverinfo="skip",
                showlegend=False,
            ),
            row,
        )
        add(
            go.Scatter(
                x=x,
                y=[r["expected_upper"] for r in rs],
                name="expected interval",
                mode="lines",
                line=dict(width=0, shape="hv"),
                fill="tonexty",
                fillcolor="rgba(70,130,180,0.18)",
                hoverinfo="skip",
            ),
            row,
        )
        add(
            go.Scatter(
                x=x,
                y=[r["expected_value"] for r in rs],
                name=expected_name,
                mode="lines",
                line=dict(color="steelblue", dash="dash", shape="hv"),
                hovertemplate="expected %{y:.4g}<extra></extra>",
            ),
            row,
        )
        dense = len(rs) >= DENSE_PANEL_WINDOWS
        edge_values: list[float | None] = []
        for level, color in (("warn", STATUS_COLORS["warn"]), ("fail", STATUS_COLORS["fail"])):
            edges = [corridor_edges(r["expected_value"], r[f"{level}_threshold"], direction, bounds) for r in rs]
            edge_values += [e for pair in edges for e in pair]
            ex, ey = [], []
            for side in (0, 1):
                if any(e[side] is not None for e in edges):
                    ex += [*x, None]
                    ey += [e[side] for e in edges] + [None]
            if ex:
                add(
                    go.Scatter(
                        x=ex,
                        y=ey,
                        name=f"{level} edge",
                        mode="lines",
                        line=dict(color=color, dash="dot", width=1.5, shape="hv"),
                        hovertemplate=f"{level} edge %{{y:.4g}}<extra></extra>",
                    ),
                    row,
                )
        # the production interval per window, as vertical segments (exact bounds, not offsets)
        ix, iy = [], []
        for r in rs:
            if r["production_lower"] is not None and r["production_upper"] is not None:
                ix += [r["window_start"], r["window_start"], None]
                iy += [r["production_lower"], r["production_upper"], None]
        if ix:
            add(
                go.Scatter(
                    x=ix,
                    y=iy,
                    name="production interval",
                    mode="lines",
                    line=dict(color="rgba(73,80,87,0.30)" if dense else "rgba(73,80,87,0.45)", width=1 if dense else 2),
                    hoverinfo="skip",
                ),
                row,
            )
        y_range = robust_y_range(
            [r["production_value"] for r in rs] + [r["expected_value"] for r in rs] + edge_values,
            [(r["production_lower"], r["production_upper"]) for r in rs]
            + [(r["expected_lower"], r["expected_upper"]) for r in rs],
            bounds,
        )
        clipped = []
        if y_range is not None:
            fig.update_yaxes(range=list(y_range), row=row, col=1)
            for r in rs:
                low, high = r["production_lower"], r["production_upper"]
                if low is not None and low < y_range[0]:
                    clipped.append((r, y_range[0], "triangle-down"))
                if high is not None and high > y_range[1]:
                    clipped.append((r, y_range[1], "triangle-up"))
        if clipped:
            add(
                go.Scatter(
                    x=[r["window_start"] for r, _, _ in clipped],
                    y=[y for _, y, _ in clipped],
                    name="interval clipped",
                    mode="markers",
                    cliponaxis=False,
                    marker=dict(symbol=[m for _, _, m in clipped], size=8, color="#495057"),
                    customdata=[[r["result_id"], r["production_lower"], r["production_upper"]] for r, _, _ in clipped],
                    hovertemplate=(
                        "interval beyond the axis: [%{customdata[1]:.4g}, %{customdata[2]:.4g}]<extra></extra>"
                    ),
                ),
                row,
            )
        for status in [s for s in STATUSES if any(r["status"] == s for r in rs)]:
            pts = [r for r in rs if r["status"] == status and r["production_value"] is not None]
            if not pts:
                continue
            quiet = dense and status == "pass"  # many passing windows: a line with small dots, findings stand out
            add(
                go.Scatter(
                    x=[r["window_start"] for r in pts],
                    y=[r["production_value"] for r in pts],
                    name=status,
                    mode="lines+markers" if quiet else "markers",
                    line=dict(color=STATUS_COLORS[status], width=1) if quiet else None,
                    marker=dict(
                        color=STATUS_COLORS[status],
                        symbol=STATUS_SYMBOLS[status],
                        size=3 if quiet else (9 if status in ("warn", "fail") else 6),
                        line=dict(width=0 if quiet else 1, color=STATUS_COLORS[status]),
                    ),
                    customdata=[
                        [
                            r["result_id"],
                            r["status"],
                            r["production_lower"],
                            r["production_upper"],
                            r["expected_value"],
                            r["sample_size"],
                            r["q_value"],
                            r["rule_version"],
                        ]
                        for r in pts
                    ],
                    hovertemplate=(
                        "<b>%{customdata[1]}</b> · %{x}<br>production %{y:.4g}"
                        " [%{customdata[2]:.4g}, %{customdata[3]:.4g}], n = %{customdata[5]}"
                        "<br>expected %{customdata[4]:.4g} · q = %{customdata[6]:.3g} · rule v%{customdata[7]}"
                        "<extra></extra>"
                    ),
                ),
                row,
            )
        confirmed = [r for r in rs if r["is_confirmed_breach"] and r["production_value"] is not None]
        if confirmed:
            add(
                go.Scatter(
                    x=[r["window_start"] for r in confirmed],
                    y=[r["production_value"] for r in confirmed],
                    name="confirmed after FDR",
                    mode="markers",
                    marker=dict(symbol="circle-open", size=17, color="black", line=dict(width=2)),
                    customdata=[[r["result_id"]] for r in confirmed],
                    hoverinfo="skip",
                ),
                row,
            )
        xref, yref = _axis_ref("x", row), _axis_ref("y", row) + " domain"
        blocked = merge_windows([(r["window_start"], r["window_end"]) for r in rs if r["status"] == "blocked"])
        for start, end, n in blocked:
            fig.add_shape(
                type="rect", x0=start, x1=end, y0=0, y1=1, xref=xref, yref=yref, layer="below",
                fillcolor="rgba(73,80,87,0.18)", line_width=0,
            )  # fmt: skip
            fig.add_annotation(
                x=start, y=1, xref=xref, yref=yref, text=f"blocked ({n})", showarrow=False, xanchor="left",
                yanchor="bottom", font=dict(size=10, color=STATUS_COLORS["blocked"]),
            )  # fmt: skip
        for alert in alerts:
            if (alert["model_id"], alert["model_version"], alert["segment_dimension"], alert["segment_value"]) != key[
                :4
            ] or alert["window_grain"] != key[4]:
                continue
            fig.add_shape(
                type="rect", x0=alert["first_seen_window_start"], x1=alert["last_seen_window_end"], y0=0, y1=1,
                xref=xref, yref=yref, layer="below", fillcolor="rgba(214,40,40,0.10)",
                line=dict(color="rgba(214,40,40,0.5)", width=1, dash="dot"),
            )  # fmt: skip
            fig.add_annotation(
                x=alert["first_seen_window_start"], y=0, xref=xref, yref=yref, showarrow=False, xanchor="left",
                yanchor="bottom", text=f"alert {alert['alert_status']}", font=dict(size=10, color="#9d0208"),
            )  # fmt: skip
        versions = []
        for r in rs:
            if not versions or versions[-1][1] != r["rule_version"]:
                versions.append((r["window_start"], r["rule_version"]))
        for start, version in versions[1:]:
            fig.add_shape(
                type="line", x0=start, x1=start, y0=0, y1=1, xref=xref, yref=yref,
                line=dict(color="#6c757d", width=1, dash="dashdot"),
            )  # fmt: skip
            fig.add_annotation(
                x=start, y=0.98, xref=xref, yref=yref, text=f"rule v{version}", showarrow=False, xanchor="left",
                yanchor="top", font=dict(size=10, color="#6c757d"),
            )  # fmt: skip
        fig.update_yaxes(title_text=metric, row=row, col=1)
        panels.append(
            {
                "model_id": key[0],
                "model_version": key[1],
                "segment_dimension": key[2],
                "segment_value": key[3],
                "window_grain": key[4],
                "checks": len(rs),
                "breaches": sum(1 for r in rs if r["is_breach"]),
                "confirmed_breaches": sum(1 for r in rs if r["is_confirmed_breach"]),
                "blocked_windows": sum(n for _, _, n in blocked),
                "y_range": list(y_range) if y_range is not None else None,
                "clipped_intervals": sorted({r["result_id"] for r, _, _ in clipped}),
                "dense": dense,
            }
        )
    fig.update_layout(
        template=TEMPLATE,
        height=90 + 250 * len(plotted),
        legend=dict(orientation="h", yanchor="bottom", y=1.0 + 40 / (90 + 250 * len(plotted)), x=0),
        margin=dict(t=80),
        hovermode="closest",
    )
    fig.update_annotations(font_size=11, selector=dict(xref="paper"))
    not_plotted = [
        {
            "model_id": k[0],
            "model_version": k[1],
            "segment_dimension": k[2],
            "segment_value": k[3],
            "window_grain": k[4],
        }
        | {"counts": _status_counts(by_key[k])}
        for k in others
    ]
    return fig, {"rule_id": rule_id, "panels": panels, "not_plotted": not_plotted}


def status_figure(results: list[dict[str, Any]]) -> go.Figure:
    """Checks by rule and status: where the findings are, at a glance."""
    rules = sorted({r["rule_id"] for r in results}, reverse=True)
    counts = Counter((r["rule_id"], r["status"]) for r in results)
    fig = go.Figure()
    for status in STATUSES:
        fig.add_trace(
            go.Bar(
                y=rules,
                x=[counts.get((rule, status), 0) for rule in rules],
                name=status,
                orientation="h",
                marker_color=STATUS_COLORS[status],
                hovertemplate=f"%{{y}}: %{{x}} {status}<extra></extra>",
            )
        )
    fig.update_layout(
        template=TEMPLATE,
        barmode="stack",
        height=120 + 22 * len(rules),
        title=dict(text="Checks by rule and status", x=0),
        xaxis_title="checks (windows × segments × model versions)",
        yaxis=dict(automargin=True, type="category"),  # long rule ids are shown whole, never cut at the margin
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=1, xanchor="right"),
    )
    return fig


def drift_noise_band(n_values: float, n_reference: float, n_bins: int, level: float = 0.95) -> float:
    """The Hellinger distance between a window and its reference that sampling alone reaches with probability
    `level` when nothing drifted: each side's squared distance is about chi2(bins - 1) / (8 n)."""
    if not n_values or not n_reference or not n_bins or n_bins < 2:
        return float("nan")
    k = n_bins - 1
    z = NormalDist().inv_cdf(level)
    quantile = k * (1 - 2 / (9 * k) + z * math.sqrt(2 / (9 * k))) ** 3  # chi2(k) quantile (Wilson-Hilferty)
    return math.sqrt(quantile / 8 * (1 / n_values + 1 / n_reference))


def drift_figure(feature: str, rows: list[dict[str, Any]], tolerances: list[float]) -> go.Figure:
    """One feature's Hellinger distance to its reference per window and segment, over the band sampling noise
    alone reaches with no drift (95 %, at each window's size), with the warn tolerances of its drift rules."""
    fig = go.Figure()
    first_version = min(r["model_version"] for r in rows)
    overall = [r for r in rows if r["segment_dimension"] == "all" and r["model_version"] == first_version]
    if overall:
        xs = [_ts(r["window_start"]) for r in overall]
        band = [drift_noise_band(r["n_values"], r["n_reference"], r["n_bins"]) for r in overall]
        fig.add_trace(
            go.Scatter(
                x=xs + xs[::-1],
                y=band + [0.0] * len(band),
                fill="toself",
                fillcolor="rgba(108,117,125,0.15)",
                line=dict(width=0),
                name=f"no-drift band (95 %, {first_version} overall)",
                hoverinfo="skip",
            )
        )
    series = sorted({(r["model_version"], r["segment_dimension"], r["segment_value"]) for r in rows})
    for version, dimension, value in series:
        pts = [
            r
            for r in rows
            if (r["model_version"], r["segment_dimension"], r["segment_value"]) == (version, dimension, value)
        ]
        label = f"{version} {'overall' if dimension == 'all' else dimension + '=' + value}"
        fig.add_trace(
            go.Scatter(
                x=[_ts(r["window_start"]) for r in pts],
                y=[_num(r["hellinger"]) for r in pts],
                mode="lines+markers",
                name=label,
                line=dict(width=3 if dimension == "all" else 1),
                marker=dict(size=5 if dimension == "all" else 3),
                customdata=[[r["n_values"], _num(r["null_rate"])] for r in pts],
                hovertemplate=f"{_e(label)}<br>%{{x}}<br>Hellinger %{{y:.3f}}<br>values %{{customdata[0]}}"
                "<br>null rate %{customdata[1]:.3f}<extra></extra>",
                visible=True if dimension in ("all", "region") or len(series) <= 8 else "legendonly",
            )
        )
    for tol in sorted(set(tolerances)):
        fig.add_hline(
            y=tol, line=dict(color=STATUS_COLORS["warn"], dash="dash"), annotation_text=f"rule tolerance {tol:g}"
        )
    fig.update_layout(
        template=TEMPLATE,
        height=320,
        title=dict(text=f"{feature}: Hellinger distance to the reference", x=0),
        yaxis=dict(title="Hellinger distance", range=[0, 1]),
        legend=dict(font=dict(size=10)),
    )
    return fig


def gates_figure(input_name: str, rows: list[dict[str, Any]]) -> go.Figure:
    """Quality-gate timeline of one input: one heatmap per window grain, checks by window, pass/warn/fail."""
    grains = [g for g in ("week", "day", "hour") if any(r["window_grain"] == g for r in rows)]
    grains += sorted({r["window_grain"] for r in rows} - set(grains))
    checks_by_grain = {
        g: sorted({(r["check_category"], r["check_name"]) for r in rows if r["window_grain"] == g}, reverse=True)
        for g in grains
    }
    heights = [40 + 18 * len(checks_by_grain[g]) for g in grains]
    gap = 75  # pixels between panels: the next title clears the dates
    plot_area = sum(heights) + gap * (len(grains) - 1)
    fig = make_subplots(
        rows=len(grains),
        cols=1,
        subplot_titles=[f"{g} windows" for g in grains],
        row_heights=heights,
        vertical_spacing=gap / plot_area if len(grains) > 1 else 0,
    )
    scale = [
        [0.0, STATUS_COLORS["pass"]], [1 / 3, STATUS_COLORS["pass"]], [1 / 3, STATUS_COLORS["warn"]],
        [2 / 3, STATUS_COLORS["warn"]], [2 / 3, STATUS_COLORS["fail"]], [1.0, STATUS_COLORS["fail"]],
    ]  # fmt: skip
    for row, grain in enumerate(grains, start=1):
        rs = [r for r in rows if r["window_grain"] == grain]
        checks = checks_by_grain[grain]
        windows = sorted({r["window_start"] for r in rs})
        ends = {r["window_start"]: r["window_end"] for r in rs}
        col = {w: i for i, w in enumerate(windows)}
        line = {c[1]: i for i, c in enumerate(checks)}
        z: list[list] = [[None] * len(windows) for _ in checks]
        text: list[list] = [[""] * len(windows) for _ in checks]
        for r in rs:
            i, j = line[r["check_name"]], col[r["window_start"]]
            z[i][j] = GATE_CODES.get(r["gate_status"], 1)
            if r["gate_status"] == "pass":  # most cells: keep their hover text short
                measured = "" if r["measured_value"] is None else f", measured {_fmt(r['measured_value'])}"
                text[i][j] = f"{r['window_start']}: pass{measured}"
            else:
                text[i][j] = (
                    f"{r['window_start']} – {r['window_end']} ({r['check_category']}):"
                    f" {r['gate_status']}<br>{r['diagnostic'] or ''}"
                )
        fig.add_trace(
            go.Heatmap(
                # cell edges: each window spans [start, end)
                x=[*windows, ends[windows[-1]]],
                y=[c[1] for c in checks],
                z=z,
                customdata=text,
                zmin=0,
                zmax=2,
                colorscale=scale,
                showscale=False,
                xgap=1 if len(windows) <= 60 else 0,
                ygap=1,
                hovertemplate="%{y}: %{customdata}<extra></extra>",
                name=grain,
            ),
            row=row,
            col=1,
        )
    fig.update_layout(
        template=TEMPLATE,
        height=100 + plot_area,
        margin=dict(l=190, t=60),
        title=dict(text=f"{input_name}: gate checks per window (green pass, amber warn, red fail)", x=0),
    )
    return fig


def window_gate_figure(rows: list[dict[str, Any]]) -> go.Figure:
    """The verdict per window that validation applies (all of a model's gate checks): fail blocks the window."""
    models = sorted({r["model_id"] for r in rows})
    grains = [g for g in ("week", "day", "hour") if any(r["window_grain"] == g for r in rows)]
    panel, gap = 30 + 22 * len(models), 70
    fig = make_subplots(
        rows=len(grains),
        cols=1,
        subplot_titles=[f"{g} windows" for g in grains],
        vertical_spacing=gap / (panel * len(grains) + gap * (len(grains) - 1)) if len(grains) > 1 else 0,
    )
    for row, grain in enumerate(grains, start=1):
        rs = [r for r in rows if r["window_grain"] == grain]
        windows = sorted({r["window_start"] for r in rs})
        col = {w: i for i, w in enumerate(windows)}
        ends = {r["window_start"]: r["window_end"] for r in rs}
        z: list[list] = [[None] * len(windows) for _ in models]
        text: list[list] = [[""] * len(windows) for _ in models]
        for r in rs:
            i, j = models.index(r["model_id"]), col[r["window_start"]]
            z[i][j] = GATE_CODES.get(r["gate_status"], 1)
            text[i][j] = f"{r['window_start']} – {r['window_end']}: {r['gate_status']}" + (
                f"<br>{r['gate_diagnostic']}" if r["gate_status"] != "pass" else ""
            )
        fig.add_trace(
            go.Heatmap(
                x=[*windows, ends[windows[-1]]], y=models, z=z, customdata=text, zmin=0, zmax=2, showscale=False,
                xgap=1 if len(windows) <= 60 else 0, ygap=1,
                colorscale=[[0, STATUS_COLORS["pass"]], [0.5, STATUS_COLORS["warn"]], [1, STATUS_COLORS["fail"]]],
                hovertemplate="%{y}: %{customdata}<extra></extra>", name=grain,
            ),
            row=row, col=1,
        )  # fmt: skip
    fig.update_layout(
        template=TEMPLATE,
        height=100 + panel * len(grains) + gap * (len(grains) - 1),
        margin=dict(l=190, t=60),
        title=dict(text="Window gate verdict per model (fail = the window's checks are blocked)", x=0),
    )
    return fig


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------

CSS = """
:root { --fg:#212529; --muted:#6c757d; --line:#dee2e6; --bg:#f8f9fa; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0;
       background: white; font-size: 14px; line-height: 1.45; }
header { background: #1d3557; color: white; padding: 16px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header .meta { font-size: 13px; opacity: .92; }
header code { background: rgba(255,255,255,.14); padding: 1px 5px; border-radius: 3px; color: white; }
header a { color: #a8dadc; }
nav { position: sticky; top: 0; background: white; border-bottom: 1px solid var(--line); padding: 8px 28px;
      z-index: 10; font-size: 13px; }
nav a { margin-right: 16px; color: #1d3557; text-decoration: none; }
main { padding: 8px 28px 40px; max-width: 1500px; }
h2 { border-bottom: 2px solid #1d3557; padding-bottom: 4px; margin-top: 32px; }
h3 { margin: 28px 0 4px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; background: var(--bg); }
.card .n { font-size: 22px; font-weight: 600; }
.card .l { font-size: 12px; color: var(--muted); }
.card.status-warn { border-left: 5px solid #e9a23b; } .card.status-fail { border-left: 5px solid #d62828; }
.card.status-pass { border-left: 5px solid #2a9d8f; } .card.status-blocked { border-left: 5px solid #495057; }
.card.status-inconclusive { border-left: 5px solid #8d99ae; } .card.status-missing { border-left: 5px solid #adb5bd; }
.card.alert-open { border-left: 5px solid #9d0208; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.current td { background: #fff3cd; }
.muted { color: var(--muted); }
.pill { display: inline-block; padding: 0 7px; border-radius: 9px; color: white; font-size: 12px; }
.pill.open { background: #9d0208; } .pill.closed { background: #6c757d; }
.pill.fail { background: #d62828; } .pill.warn { background: #e9a23b; } .pill.pass { background: #2a9d8f; }
.rule-meta { color: var(--muted); font-size: 13px; margin: 0 0 6px; }
ul.tight { margin: 4px 0; padding-left: 20px; }
code { font-size: 12px; }
#runs td { white-space: nowrap; }
.diag { max-width: 520px; }
td.rule-id, h3 { overflow-wrap: anywhere; }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _fmt(value: Any, digits: int = 4) -> str:
    if value is None:
        return "–"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return f"{int(value):,}"
    return f"{value:.{digits}g}"


def _attr(value: Any) -> str:
    """A data-* attribute value: numbers in full precision (repr round-trips), strings escaped."""
    if value is None:
        return ""
    return html.escape(repr(value) if isinstance(value, float) else str(value), quote=True)


def _figure_html(fig: go.Figure, div_id: str) -> str:
    return pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div_id, config=PLOT_CONFIG)


def summarise(wh: Warehouse) -> dict[str, Any]:
    """The key figures of the page, as embedded in it (and in report.json)."""
    results = wh.results
    blocked = sorted(
        {(r["window_grain"], r["window_start"], r["window_end"]) for r in results if r["status"] == "blocked"}
    )
    gate_failed = [r for r in wh.window_gates if r["gate_status"] == "fail"]
    alerts = [
        {
            k: a[k]
            for k in (
                "alert_id", "rule_id", "rule_version", "model_id", "model_version", "metric", "segment_dimension",
                "segment_value", "window_grain", "alert_status", "breach_level", "severity", "owner",
                "escalation_path", "first_seen_window_start", "last_seen_window_start", "closed_window_start",
                "windows_breached", "worst_bad_deviation", "worst_relative_deviation", "smallest_q_value",
                "segment_diagnostic", "data_gate_diagnostic", "data_gates_failed",
            )
        }
        for a in wh.alerts
    ]  # fmt: skip
    run = wh.run
    return {
        "report_format": REPORT_FORMAT,
        "corridor_version": __version__,
        "generated_at": dt.datetime.now(dt.timezone.utc).strftime(TS),
        "database": str(wh.database),
        "run": {
            k: run.get(k)
            for k in (
                "invocation_id",
                "run_status",
                "dbt_command",
                "dbt_version",
                "corridor_version",
                "config_fingerprint",
                "rules_fingerprint",
                "model_versions",
                "started_at",
                "finished_at",
                "nodes_succeeded",
                "nodes_failed",
            )
        },  # fmt: skip
        "checks": {
            "total": len(results),
            "by_status": _status_counts(results),
            "breaches": sum(1 for r in results if r["is_breach"]),
            "confirmed_breaches": sum(1 for r in results if r["is_confirmed_breach"]),
            "rules": len({r["rule_id"] for r in results}),
        },
        "alerts": {
            "open": sum(1 for a in alerts if a["alert_status"] == "open"),
            "closed": sum(1 for a in alerts if a["alert_status"] != "open"),
            "items": alerts,
        },
        "blocked_windows": {
            "count": len(blocked),
            "by_grain": dict(Counter(g for g, _, _ in blocked)),
            "windows": [{"window_grain": g, "window_start": s, "window_end": e} for g, s, e in blocked],
            "checks": sum(1 for r in results if r["status"] == "blocked"),
        },
        "gate_failed_windows": {
            "count": len(gate_failed),
            "by_grain": dict(Counter(r["window_grain"] for r in gate_failed)),
        },
        "rule_issues": {
            "count": len(wh.rule_issues),
            "by_level": dict(Counter(i["issue_level"] for i in wh.rule_issues)),
        },
        "runs_recorded": len(wh.runs),
    }


def render_html(wh: Warehouse) -> tuple[str, dict[str, Any]]:
    """The report page and its key figures."""
    data = summarise(wh)
    run = data["run"]
    parts: list[str] = []
    add = parts.append
    title = f"corridor report · run {run['invocation_id']}"
    add(f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>')
    add('<meta name="viewport" content="width=device-width, initial-scale=1">')
    add(f"<style>{CSS}</style>")
    # plotly.js, once per page; every figure below is drawn with it
    add(f'<script type="text/javascript">{get_plotlyjs()}</script></head><body>')
    add(
        f'<header data-run-id="{_attr(run["invocation_id"])}"'
        f' data-config-fingerprint="{_attr(run["config_fingerprint"])}"'
        f' data-rules-fingerprint="{_attr(run["rules_fingerprint"])}"><h1>corridor validation report</h1>'
        f'<div class="meta">run <code id="run-id">{_e(run["invocation_id"])}</code>'
        f" · {_e(run.get('dbt_command'))} started {_e(run['started_at'])} UTC, finished {_e(run.get('finished_at'))}"
        f" ({_run_status_text(run)})"
        f' · configuration fingerprint <code id="config-fingerprint">{_e(run["config_fingerprint"])}</code>'
        f' · rules fingerprint <code id="rules-fingerprint">{_e(run["rules_fingerprint"])}</code>'
        f" · models {_e(run.get('model_versions'))}</div>"
        f'<div class="meta">from <code>{_e(wh.database)}</code> · generated {_e(data["generated_at"])} UTC'
        f' by corridor {_e(__version__)} · <a href="../index.html">all reports</a></div></header>'
    )
    header_end = len(parts)
    parts.extend(_summary_section(wh, data))
    parts.extend(_alerts_section(wh))
    parts.extend(stale_estimates_section(wh.stale_estimates))
    parts.extend(_rule_issues_section(wh))
    parts.extend(decision_sections(wh.decision_tables))
    parts.extend(calibration_section(wh.calibration))
    parts.extend(scenarios_section(wh.scenarios))
    parts.extend(_corridor_section(wh, data))
    parts.extend(_drift_section(wh))
    parts.extend(_gates_section(wh))
    parts.extend(_runs_section(wh))
    sections = parts[header_end:]
    parts[header_end:] = [section_nav(sections), "<main>", *sections]
    payload = json.dumps(data, sort_keys=True, allow_nan=False).replace("</", "<\\/")
    add(f'</main><script type="application/json" id="{DATA_ELEMENT_ID}">{payload}</script></body></html>\n')
    return "".join(parts), data


SECTION_HEADING = re.compile(r'<section id="([^"]+)"><h2>([^<(]+)')


def section_nav(sections: list[str]) -> str:
    """The table of contents: one link per section of the page (its id and its heading without the count), in
    page order, so that a section added to the report is linked without editing a list."""
    links = [
        f'<a href="#{_attr(anchor)}">{_e(title.strip())}</a>'
        for anchor, title in SECTION_HEADING.findall("".join(sections))
    ]
    return f'<nav id="contents" aria-label="Sections">{"".join(links)}</nav>'


def _run_status_text(run: dict[str, Any]) -> str:
    """The run's status exactly as corridor_run_history recorded it, with its failed nodes; never assumed."""
    status = run.get("run_status")
    text = f"status {_e(status)} as recorded" if status else "status not recorded"
    failed = run.get("nodes_failed")
    if failed:
        text += f", {_e(failed)} node{'s' if failed != 1 else ''} failed"
    return text


def _rule_issues_section(wh: Warehouse) -> list[str]:
    """corridor_rule_issues: rules that judge nothing (error) or cannot do their job (warn)."""
    issues = wh.rule_issues
    out = [f'<section id="rule-issues"><h2>Rule issues ({len(issues)})</h2>']
    out.append(
        '<p class="muted">Problems in the rules registry (corridor_rule_issues): a rule with an <b>error</b> is not'
        " evaluated at all; a <b>warn</b> rule is evaluated but cannot fully do its job (e.g. no offline estimate"
        " or no production data in its scope).</p>"
    )
    if not issues:
        out.append('<p id="rule-issues-none">No rule issue.</p></section>')
        return out
    rows = "".join(
        f'<tr data-rule-id="{_attr(i["rule_id"])}" data-issue-level="{_attr(i["issue_level"])}">'
        f'<td class="rule-id"><b>{_e(i["rule_id"])}</b> v{_e(i["rule_version"])}</td>'
        f'<td><span class="pill {_e("fail" if i["issue_level"] == "error" else "warn")}">{_e(i["issue_level"])}'
        f'</span></td><td><code>{_e(i["problem_codes"])}</code></td><td class="diag">{_e(i["reason"])}</td></tr>'
        for i in issues
    )
    out.append(
        '<table id="rule-issues-table"><tr><th>rule</th><th>level</th><th>problems</th><th>reason</th></tr>'
        f"{rows}</table></section>"
    )
    return out


def _card(key: str, n: int, label: str, css: str = "") -> str:
    return (
        f'<div class="card {css}" data-key="{_attr(key)}" data-value="{n}">'
        f'<div class="n">{n:,}</div><div class="l">{_e(label)}</div></div>'
    )


def _summary_section(wh: Warehouse, data: dict) -> list[str]:
    checks, alerts, blocked = data["checks"], data["alerts"], data["blocked_windows"]
    out = ['<section id="summary"><h2>Summary</h2>']
    out.append(
        f'<p id="summary-text">{checks["total"]:,} checks of {checks["rules"]} rules: '
        + ", ".join(f"{s} {n:,}" for s, n in checks["by_status"].items())
        + f". {checks['breaches']:,} breaches (warn or fail), {checks['confirmed_breaches']:,} confirmed after FDR"
        f" control. Alerts: {alerts['open']} open, {alerts['closed']} closed. Blocked windows: {blocked['count']}"
        + (
            " (" + ", ".join(f"{g} {n}" for g, n in sorted(blocked["by_grain"].items())) + ")"
            if blocked["by_grain"]
            else ""
        )
        + f", {blocked['checks']:,} checks blocked.</p>"
    )
    out.append('<div class="cards">' + _card("checks.total", checks["total"], "checks"))
    for status, n in checks["by_status"].items():
        out.append(_card(f"status.{status}", n, status, f"status-{status}"))
    out.append(_card("checks.confirmed_breaches", checks["confirmed_breaches"], "confirmed breaches (FDR)"))
    out.append(_card("alerts.open", alerts["open"], "open alerts", "alert-open"))
    out.append(_card("alerts.closed", alerts["closed"], "closed alerts"))
    out.append(_card("blocked_windows.count", blocked["count"], "blocked windows", "status-blocked"))
    out.append(_card("rule_issues.count", data["rule_issues"]["count"], "rule issues", "status-warn"))
    out.append("</div>")
    out.append('<p class="muted">' + "; ".join(f"<b>{s}</b>: {STATUS_MEANING[s]}" for s in STATUSES) + ".</p>")
    if blocked["windows"]:
        items = []
        for grain in sorted(blocked["by_grain"]):
            spans = merge_windows(
                [(w["window_start"], w["window_end"]) for w in blocked["windows"] if w["window_grain"] == grain]
            )
            for start, end, n in spans:
                label = start[:10] if grain == "day" and n == 1 else f"{start} – {end}"
                items.append(
                    f'<li data-grain="{_attr(grain)}" data-start="{_attr(start)}" data-windows="{n}">'
                    f"{_e(grain)}: {_e(label)} ({n} window{'s' if n != 1 else ''})</li>"
                )
        gate = data["gate_failed_windows"]
        out.append(
            "<p>Blocked windows (a data-quality gate failed, so no model verdict is given there):</p>"
            f'<ul class="tight" id="blocked-windows">{"".join(items)}</ul>'
            f'<p class="muted">Windows whose gates failed, all grains (int_corridor__window_gate_status): '
            + (", ".join(f"{g} {n}" for g, n in sorted(gate["by_grain"].items())) or "none")
            + ".</p>"
        )
    out.append(_figure_html(status_figure(wh.results), "status-by-rule"))
    out.append("</section>")
    return out


def _alert_rows(alerts: list[dict[str, Any]]) -> str:
    rows = []
    for a in alerts:
        seg = "overall" if a["segment_value"] == "all" else f"{a['segment_dimension']}={a['segment_value']}"
        rel = a["worst_relative_deviation"]
        rows.append(
            f'<tr data-alert-id="{_attr(a["alert_id"])}" data-rule-id="{_attr(a["rule_id"])}"'
            f' data-alert-status="{_attr(a["alert_status"])}" data-owner="{_attr(a["owner"])}"'
            f' data-escalation-path="{_attr(a["escalation_path"])}"'
            f' data-worst-bad-deviation="{_attr(a["worst_bad_deviation"])}">'
            f"<td><b>{_e(a['rule_id'])}</b> v{_e(a['rule_version'])}<br>"
            f'<span class="pill {_e(a["alert_status"])}">{_e(a["alert_status"])}</span> '
            f'<span class="pill {_e(a["breach_level"])}">{_e(a["breach_level"])}</span></td>'
            f"<td>{_e(a['metric'])}<br>{_e(seg)}<br>{_e(a['model_id'])} {_e(a['model_version'])}</td>"
            f"<td>{_e(a['severity'])}</td><td>{_e(a['owner'])}</td><td>{_e(a['escalation_path'])}</td>"
            f"<td>{_e(a['first_seen_window_start'])}<br>→ {_e(a['last_seen_window_start'])}"
            f"<br>{_e(a['windows_breached'])} {_e(a['window_grain'])} window(s)</td>"
            f'<td class="num">{_fmt(a["worst_bad_deviation"])}'
            + (f"<br>({rel * 100:.4g}%)" if rel is not None else "")
            + f'</td><td class="num">{_fmt(a["smallest_q_value"], 3)}</td>'
            f'<td class="diag"><b>segments:</b> {_e(a["segment_diagnostic"])}<br><b>data gates:</b> '
            f"{_e(a['data_gate_diagnostic'])}</td></tr>"
        )
    head = (
        "<tr><th>rule</th><th>metric · segment · model</th><th>severity</th><th>owner</th><th>escalation path</th>"
        "<th>windows</th><th>worst deviation</th><th>smallest q</th><th>diagnostic</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"


def _alerts_section(wh: Warehouse) -> list[str]:
    open_ = [a for a in wh.alerts if a["alert_status"] == "open"]
    closed = [a for a in wh.alerts if a["alert_status"] != "open"]
    out = [f'<section id="alerts"><h2>Open alerts ({len(open_)})</h2>']
    out.append(
        '<p class="muted">An alert opens when a rule\'s breaches confirmed after FDR control run for its'
        " consecutive windows, and closes at the next pass. Worst deviation is in metric units, in the bad direction."
        "</p>"
    )
    out.append(f'<div id="open-alerts">{_alert_rows(open_) if open_ else "<p>No open alert.</p>"}</div>')
    if closed:
        out.append(
            f'<details id="closed-alerts" open><summary><b>Closed alerts ({len(closed)})</b></summary>'
            f"{_alert_rows(closed)}</details>"
        )
    out.append("</section>")
    return out


def _corridor_section(wh: Warehouse, data: dict) -> list[str]:
    out = ['<section id="corridors"><h2>The corridor over time, per rule</h2>']
    out.append(
        '<p class="muted">Each panel is one series (model version × segment × window grain) of a rule: the'
        " production value per window with its interval (grey bar), the expectation (dashed) with its interval"
        " (blue band), and the corridor's edges at the warn (amber) and fail (red) tolerances. Markers give the"
        " status; a black ring marks a breach confirmed after FDR control; grey bands are blocked windows (data"
        " gate failed), red bands the span of an alert. Plotted: the overall series and every segment with a"
        " breach (else the segment closest to the edge); the other segments are counted under the figure.</p>"
    )
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for r in wh.results:
        by_rule[r["rule_id"]].append(r)
    rules_data = []
    for rule_id in sorted(by_rule):
        rows = by_rule[rule_id]
        alerts = [a for a in wh.alerts if a["rule_id"] == rule_id]
        fig, meta = rule_figure(rule_id, rows, alerts)
        meta["div_id"] = f"corridor-{rule_id}"
        rules_data.append(meta)
        counts = _status_counts(rows)
        versions = {}
        for r in rows:
            versions[r["rule_version"]] = r
        last = versions[max(versions)]
        out.append(f'<div class="rule" id="rule-{_attr(rule_id)}" data-rule-id="{_attr(rule_id)}">')
        out.append(
            f"<h3>{_e(rule_id)} · {_e(last['metric'])} · {_e(last['hypothesis'])}</h3>"
            f'<p class="rule-meta">{_e(last["comparison_kind"])} comparison, {_e(last["direction"])},'
            f" {_e(last['window_grain'])} windows by {_e(last['segment_dimension'])}; owner {_e(last['owner'])}"
            f" ({_e(last['escalation_path'])}), severity {_e(last['severity'])}. Versions: "
            + "; ".join(
                f"v{_e(v)}: warn {_fmt(r['warn_tolerance'])} / fail {_fmt(r['fail_tolerance'])}"
                f" ({_e(r['tolerance_unit'])})"
                for v, r in sorted(versions.items())
            )
            + ". Checks: "
            + ", ".join(f"{s} {n:,}" for s, n in counts.items() if n)
            + ".</p>"
        )
        if alerts:
            out.append('<ul class="tight">')
            for a in alerts:
                seg = "overall" if a["segment_value"] == "all" else f"{a['segment_dimension']}={a['segment_value']}"
                out.append(
                    f'<li>alert <span class="pill {_e(a["alert_status"])}">{_e(a["alert_status"])}</span>'
                    f" model {_e(a['model_id'])} {_e(a['model_version'])}, {_e(seg)},"
                    f" {_e(a['first_seen_window_start'])} → {_e(a['last_seen_window_start'])}:"
                    f" segments behind it: {_e(a['segment_diagnostic'])}</li>"
                )
            out.append("</ul>")
        out.append(_figure_html(fig, meta["div_id"]))
        if meta["not_plotted"]:
            items = "; ".join(
                f"{n['model_version']} {n['segment_dimension']}={n['segment_value']}: "
                + ", ".join(f"{s} {c}" for s, c in n["counts"].items() if c)
                for n in meta["not_plotted"]
            )
            out.append(f'<p class="muted">Not plotted (no breach): {_e(items)}.</p>')
        out.append("</div>")
    data["rules"] = rules_data
    out.append("</section>")
    return out


def _drift_section(wh: Warehouse) -> list[str]:
    out = ['<section id="drift"><h2>Feature drift</h2>']
    if not wh.drift:
        out.append(
            '<p id="drift-none" class="muted">No feature drift measured (no features configured, or no'
            " reference distribution: var corridor_reference_features).</p></section>"
        )
        return out
    out.append(
        '<p class="muted">Each feature against its reference distribution (corridor_feature_drift, docs/drift.md):'
        " the grey band is what sampling alone reaches with no drift at each window's size; a drift rule judges"
        " the measure against its tolerance, not against that band.</p>"
    )
    tolerances: dict[str, list[float]] = {}
    for r in wh.results:
        if r["comparison_kind"] == "drift" and r["metric"].startswith("hellinger:") and r["warn_tolerance"] is not None:
            tolerances.setdefault(r["metric"].split(":", 1)[1], []).append(float(r["warn_tolerance"]))
    for feature in sorted({r["feature_name"] for r in wh.drift}):
        rows = [r for r in wh.drift if r["feature_name"] == feature]
        out.append(f'<h3 id="drift-{_attr(feature)}">{_e(feature)} ({_e(rows[0]["feature_type"])})</h3>')
        out.append(_figure_html(drift_figure(feature, rows, tolerances.get(feature, [])), f"drift-plot-{feature}"))
    out.append("</section>")
    return out


def _gates_section(wh: Warehouse) -> list[str]:
    out = ['<section id="gates"><h2>Quality gates</h2>']
    out.append(
        '<p class="muted">Every comparison is gated on the quality of its window\'s data (corridor_quality_gates):'
        " a failed gate blocks the window's checks instead of blaming the model.</p>"
    )
    if wh.window_gates:
        out.append(_figure_html(window_gate_figure(wh.window_gates), "gates-windows"))
    inputs = sorted({r["input_name"] for r in wh.gates})
    for input_name in inputs:
        rows = [r for r in wh.gates if r["input_name"] == input_name]
        windowed = [r for r in rows if r["window_start"] is not None and r["window_grain"] != "input"]
        whole = [r for r in rows if r not in windowed]
        counts = Counter(r["gate_status"] for r in rows)
        out.append(
            f'<h3 id="gates-{_attr(input_name)}">{_e(input_name)}</h3><p class="rule-meta">'
            + ", ".join(f"{s} {n:,}" for s, n in sorted(counts.items()))
            + " gate checks.</p>"
        )
        if windowed:
            out.append(_figure_html(gates_figure(input_name, windowed), f"gates-timeline-{input_name}"))
        if whole:
            cells = "".join(
                f"<tr><td>{_e(r['check_name'])}</td><td>{_e(r['check_category'])}</td><td>{_e(r['model_id'])}</td>"
                f'<td><span class="pill {_e(r["gate_status"])}">{_e(r["gate_status"])}</span></td>'
                f'<td class="num">{_fmt(r["measured_value"])}</td><td class="diag">{_e(r["diagnostic"])}</td></tr>'
                for r in whole
            )
            out.append(
                "<table><tr><th>input-level check</th><th>category</th><th>model</th><th>status</th>"
                f"<th>measured</th><th>diagnostic</th></tr>{cells}</table>"
            )
    out.append("</section>")
    return out


def _runs_section(wh: Warehouse) -> list[str]:
    out = [f'<section id="runs"><h2>Run history ({len(wh.runs)} run{"s" if len(wh.runs) != 1 else ""})</h2>']
    out.append(
        '<p class="muted">corridor_run_history, newest first; the highlighted run built the results shown here.</p>'
    )
    rows = []
    for r in wh.runs:
        current = r["invocation_id"] == wh.run.get("invocation_id")
        duration = ""
        if r["started_at"] and r["finished_at"]:
            seconds = (
                dt.datetime.fromisoformat(r["finished_at"]) - dt.datetime.fromisoformat(r["started_at"])
            ).total_seconds()
            duration = f"{seconds:,.0f} s"
        rows.append(
            f'<tr class="{"current" if current else ""}" data-run-id="{_attr(r["invocation_id"])}">'
            f"<td><code>{_e(r['invocation_id'])}</code></td><td>{_e(r['dbt_command'])}</td><td>{_e(r['run_status'])}</td>"
            f"<td>{_e(r['started_at'])}</td><td class='num'>{duration}</td>"
            f'<td class="num">{_fmt(r["nodes_succeeded"])} / {_fmt(r["nodes_failed"])}</td>'
            f'<td class="num">{_fmt(r["rows_read"])}</td><td class="num">{_fmt(r["rows_written"])}</td>'
            f"<td><code>{_e(r['config_fingerprint'])}</code></td><td><code>{_e(r['rules_fingerprint'])}</code></td>"
            f"<td>{_e(r['dbt_version'])} / {_e(r['corridor_version'])}</td><td>{_e(r['target_name'])}</td></tr>"
        )
    out.append(
        "<table><tr><th>run id</th><th>command</th><th>status</th><th>started (UTC)</th><th>duration</th>"
        "<th>nodes ok / failed</th><th>rows read</th><th>rows written</th><th>config fingerprint</th>"
        f"<th>rules fingerprint</th><th>dbt / corridor</th><th>target</th></tr>{''.join(rows)}</table></section>"
    )
    return out


# --------------------------------------------------------------------------------------------
# Writing: one folder per run, and the index of all of them
# --------------------------------------------------------------------------------------------


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename: a reader never sees half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_index(out_dir: Path) -> Path:
    """(Re)write out_dir/index.html from the report.json of every report kept in out_dir, newest first."""
    out_dir = Path(out_dir)
    entries = []
    for meta_path in out_dir.glob("*/report.json"):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if (meta_path.parent / "index.html").exists():
            entries.append((meta_path.parent.name, meta))
    entries.sort(key=lambda e: (e[1]["run"].get("started_at") or "", e[0]), reverse=True)
    rows = []
    for name, meta in entries:
        run, checks, alerts = meta["run"], meta["checks"], meta["alerts"]
        order = [s for s in STATUSES if s in checks["by_status"]] + sorted(set(checks["by_status"]) - set(STATUSES))
        statuses = ", ".join(f"{s} {checks['by_status'][s]:,}" for s in order if checks["by_status"][s])
        rows.append(
            f'<tr data-run-id="{_attr(run.get("invocation_id"))}" data-started-at="{_attr(run.get("started_at"))}">'
            f'<td><a href="{html.escape(name, quote=True)}/index.html">{_e(run.get("started_at") or name)}</a></td>'
            f"<td><code>{_e(run.get('invocation_id'))}</code></td><td>{_e(run.get('run_status'))}</td>"
            f'<td class="num">{checks["total"]:,}</td><td>{_e(statuses)}</td>'
            f'<td class="num">{alerts["open"]}</td><td class="num">{alerts["closed"]}</td>'
            f'<td class="num">{meta["blocked_windows"]["count"]}</td>'
            f"<td><code>{_e(run.get('config_fingerprint'))}</code></td><td>{_e(meta.get('generated_at'))}</td></tr>"
        )
    page = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>corridor reports</title>'
        f"<style>{CSS}</style></head><body><header><h1>corridor reports</h1>"
        f'<div class="meta">{len(entries)} report{"s" if len(entries) != 1 else ""}, newest run first</div></header>'
        '<main><table id="reports"><tr><th>run started (UTC)</th><th>run id</th><th>run status</th><th>checks</th>'
        "<th>by status</th><th>open alerts</th><th>closed alerts</th><th>blocked windows</th>"
        f"<th>config fingerprint</th><th>generated (UTC)</th></tr>{''.join(rows)}</table></main></body></html>\n"
    )
    index = out_dir / "index.html"
    _write_atomic(index, page)
    return index


def write_report(database: Path, out_dir: Path | None = None) -> tuple[Path, Path, dict[str, Any]]:
    """Write the report of the run that built the tables in ``database``; returns (report, index, key figures)."""
    database = Path(database)
    out_dir = Path(out_dir) if out_dir is not None else default_out_dir(database)
    wh = read_warehouse(database)
    page, data = render_html(wh)
    folder = out_dir / report_dirname(wh.run)
    report = folder / "index.html"
    _write_atomic(report, page)
    _write_atomic(folder / "report.json", json.dumps(data, indent=1, sort_keys=True, allow_nan=False) + "\n")
    return report, write_index(out_dir), data


def default_out_dir(database: Path) -> Path:
    """reports/ next to the database file: build/reports for the demo's build/corridor.duckdb."""
    return Path(database).resolve().parent / "reports"
