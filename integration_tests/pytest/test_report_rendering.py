"""The report's drawing, checked in headless Chromium on a small warehouse made here (no dbt build):

- one very wide production interval does not stretch the y-axis: the breach stays visible, and the
  clipped interval is marked at the axis;
- equivalence edges of a bounded metric (AUC) are never drawn above 1;
- an hourly panel of 504 windows is drawn as a line with small pass dots, findings as large markers;
- a long rule id is shown whole in the checks-by-rule figure;
- rule issues are listed;
- the run status is the one recorded, with its failed nodes, never an assumed success.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from corridor.report import Warehouse, render_html

CHROMIUM = os.environ.get("CORRIDOR_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
LONG_RULE = "R_AUC_EQUIVALENCE_DAILY_checkout_fraud_model_all_regions_against_backtest_2026q3"
TS = "%Y-%m-%d %H:%M:%S"


def _result(rule_id, metric, kind, direction, grain, start, status, value, lower, upper, expected, warn, fail, i):
    step = dt.timedelta(days=1) if grain == "day" else dt.timedelta(hours=1)
    return {
        "result_id": f"{rule_id}-{i}", "rule_id": rule_id, "rule_version": 1, "hypothesis": "h", "metric": metric,
        "comparison_kind": kind, "direction": direction, "model_id": "m", "model_version": "v1",
        "segment_dimension": "all", "segment_value": "all", "window_grain": grain,
        "window_start": start.strftime(TS), "window_end": (start + step).strftime(TS), "status": status,
        "production_value": value, "production_lower": lower, "production_upper": upper, "sample_size": 100,
        "expected_source": "offline", "expected_value": expected, "expected_lower": expected - 0.004,
        "expected_upper": expected + 0.004, "bad_deviation": abs(expected - value), "tolerance_unit": "absolute",
        "warn_tolerance": warn, "fail_tolerance": fail, "warn_threshold": warn, "fail_threshold": fail,
        "q_value": 0.01 if status == "fail" else 0.5, "gate_status": "pass", "gate_failing_checks": "",
        "is_breach": status in ("warn", "fail"), "is_confirmed_breach": status == "fail", "owner": "ml-team",
        "escalation_path": "#oncall", "severity": "high", "reason": "r",
    }  # fmt: skip


def _warehouse(run_status: str, nodes_failed: int) -> Warehouse:
    results = []
    day0 = dt.datetime(2026, 10, 1)
    for i in range(30):
        value, lower, upper, status = 0.97, 0.96, 0.98, "pass"
        if i == 11:  # 20 events: an interval from 0.2 to 1.0
            value, lower, upper, status = 0.95, 0.2, 1.0, "inconclusive"
        if i == 20:  # the breach
            value, lower, upper, status = 0.85, 0.83, 0.87, "fail"
        results.append(
            _result(LONG_RULE, "auc", "equivalence", "two_sided", "day", day0 + dt.timedelta(days=i), status,
                    value, lower, upper, 0.97, 0.05, 0.1, i)
        )  # fmt: skip
    for i in range(504):
        status, value = ("fail", 0.25) if i in (100, 101, 400) else ("pass", 0.01 + 0.002 * (i % 5))
        results.append(
            _result("R_ERR", "error_rate", "absolute", "lower_is_better", "hour", day0 + dt.timedelta(hours=i),
                    status, value, max(0.0, value - 0.01), value + 0.01, 0.01, 0.02, 0.05, i)
        )  # fmt: skip
    run = {
        "invocation_id": "run-1", "run_status": run_status, "dbt_command": "build", "dbt_version": "1.11.16",
        "corridor_version": "0.2.0", "target_name": "dev", "target_type": "duckdb", "config_fingerprint": "c",
        "rules_fingerprint": "r", "model_versions": "m:v1", "nodes_succeeded": 90, "nodes_failed": nodes_failed,
        "rows_read": 1, "rows_written": 1, "started_at": "2026-11-30 10:00:00", "finished_at": "2026-11-30 10:01:00",
    }  # fmt: skip
    issues = [
        {"rule_id": "R_BAD", "rule_version": 1, "issue_level": "error", "problem_codes": "unknown_metric",
         "reason": "rule R_BAD v1 names metric 'acuracy', which corridor does not compute"},
        {"rule_id": "R_SEG", "rule_version": 2, "issue_level": "warn", "problem_codes": "no_offline_estimate",
         "reason": "rule R_SEG v2 has no offline estimate for region=eu"},
    ]  # fmt: skip
    return Warehouse(Path("synthetic.duckdb"), run, [run], results, [], [], [], issues)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: `make browser` installs Debian's chromium (make test does it)")
    out = tmp_path_factory.mktemp("rendering")
    html, data = render_html(_warehouse("success", 2))
    (out / "index.html").write_text(html, encoding="utf-8")
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            tab.goto((out / "index.html").as_uri(), wait_until="load")
            tab.wait_for_function(
                "() => [...document.querySelectorAll('div.plotly-graph-div')].every(d => d._fullLayout)"
            )
            view = {
                "errors": errors,
                "data": data,
                "header": tab.inner_text("header"),
                "issues": tab.evaluate(
                    "[...document.querySelectorAll('#rule-issues-table tr[data-rule-id]')]"
                    ".map(r => [r.dataset.ruleId, r.dataset.issueLevel, r.innerText])"
                ),
                "auc": tab.evaluate(
                    """() => {
                      const gd = document.getElementById('corridor-RULE');
                      const ya = gd._fullLayout.yaxis;
                      const pix = y => ya.d2p(y);
                      const trace = n => gd.data.filter(t => t.name === n);
                      return {range: ya.range.slice(), length: ya._length,
                              fail: trace('fail').flatMap(t => Array.from(t.y)).map(pix),
                              clipped: trace('interval clipped').flatMap(t => Array.from(t.customdata)),
                              edges: trace('warn edge').concat(trace('fail edge'))
                                       .flatMap(t => Array.from(t.y)).filter(v => v !== null)};
                    }""".replace("RULE", LONG_RULE)
                ),
                "hourly": tab.evaluate(
                    """() => {
                      const gd = document.getElementById('corridor-R_ERR');
                      return gd._fullData.filter(t => ['pass', 'fail'].includes(t.name))
                        .map(t => ({name: t.name, mode: t.mode, size: t.marker.size, n: t.x.length}));
                    }"""
                ),
                "ticks": tab.evaluate(
                    """() => {
                      const gd = document.getElementById('status-by-rule');
                      const box = gd.getBoundingClientRect();
                      return [...gd.querySelectorAll('.ytick text')].map(t => {
                        const r = t.getBoundingClientRect();
                        return {text: t.textContent, left: r.left - box.left, right: r.right - box.left};
                      });
                    }"""
                ),
            }
        finally:
            browser.close()
    return view


def test_page_renders_without_errors(page):
    assert page["errors"] == []


def test_one_wide_interval_does_not_hide_the_breach(page):
    auc = page["auc"]
    lo, hi = auc["range"]
    assert lo > 0.7 and lo < 0.83, "the axis spans the values, not the 0.2 of one wide interval"
    assert len(auc["fail"]) == 1
    fail_px = auc["fail"][0]
    assert 0 <= fail_px <= auc["length"]
    # the breach at 0.85 sits well apart from the passing values at 0.97: over a quarter of the panel's height
    # (with the axis stretched to 0.2 it would be 0.12 / 0.8 = 15 %)
    assert (0.97 - 0.85) / (hi - lo) > 0.25
    assert [c[0] for c in auc["clipped"]] == [f"{LONG_RULE}-11"]
    assert auc["clipped"][0][1:] == [0.2, 1.0], "the hover gives the interval's true bounds"


def test_equivalence_edges_of_auc_stay_at_or_below_one(page):
    edges = page["auc"]["edges"]
    assert edges, "the lower edges are drawn"
    assert max(edges) <= 1.0
    assert min(edges) == pytest.approx(0.87)  # 0.97 - fail tolerance 0.1
    assert page["auc"]["range"][1] <= 1.0 + 1e-9


def test_dense_hourly_panel_draws_passes_small_and_findings_large(page):
    traces = {t["name"]: t for t in page["hourly"]}
    assert traces["pass"]["n"] == 501 and traces["pass"]["mode"] == "lines+markers" and traces["pass"]["size"] == 3
    assert traces["fail"]["n"] == 3 and traces["fail"]["mode"] == "markers" and traces["fail"]["size"] == 9


def test_long_rule_id_is_shown_whole(page):
    ticks = {t["text"]: t for t in page["ticks"]}
    assert LONG_RULE in ticks, list(ticks)
    assert ticks[LONG_RULE]["left"] >= 0, "the label starts inside the figure"


def test_rule_issues_are_listed(page):
    assert [(i[0], i[1]) for i in page["issues"]] == [("R_BAD", "error"), ("R_SEG", "warn")]
    assert "acuracy" in page["issues"][0][2]
    assert page["data"]["rule_issues"] == {"count": 2, "by_level": {"error": 1, "warn": 1}}


def test_run_status_is_shown_as_recorded_with_failed_nodes(page):
    assert "status success as recorded, 2 nodes failed" in page["header"]
    html, _ = render_html(_warehouse("error", 3))
    assert "status error as recorded, 3 nodes failed" in html
    unrecorded = _warehouse("success", 0)
    unrecorded.run = {"invocation_id": "unrecorded", "started_at": None, "config_fingerprint": None,
                      "rules_fingerprint": None}  # fmt: skip
    html, _ = render_html(unrecorded)
    header = html[html.index("<header") : html.index("</header>")]
    assert "status not recorded" in header and "success" not in header
