"""`corridor report` on the demo build: the page renders in headless Chromium (Debian's package, installed by
`make browser`) with no console error and no request beyond the file itself; what it shows, in its text,
its embedded figures and its plotted data, equals fresh SQL on the tables; reports are kept per run with an
index linking them.

Set CORRIDOR_TEST_DEMO_DATABASE=build/corridor.duckdb to run these against an existing demo build instead of
building one (the file is only read)."""

from __future__ import annotations

import html.parser
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from corridor.dbt_runner import REPO_ROOT
from corridor.report import DATA_ELEMENT_ID, write_report

pytestmark = pytest.mark.dbt

CHROMIUM = os.environ.get("CORRIDOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STATUSES = ["pass", "warn", "fail", "inconclusive", "blocked", "missing"]
ALL_PLOTS_DRAWN = """
() => {
  const divs = [...document.querySelectorAll('div.plotly-graph-div')];
  return divs.length > 0 && divs.every(d => d._fullLayout && d.querySelector('svg.main-svg'));
}
"""
PLOTTED = """
() => Object.fromEntries([...document.querySelectorAll('div.plotly-graph-div[id^="corridor-"]')].map(gd => [
  gd.id,
  gd.data.map(t => ({name: t.name, x: t.x ? Array.from(t.x) : [], y: t.y ? Array.from(t.y) : [],
                     customdata: t.customdata || null}))
]))
"""


def sql(path: Path, statement: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(statement, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def database(request) -> Path:
    reuse = os.environ.get("CORRIDOR_TEST_DEMO_DATABASE")
    if reuse:
        return Path(reuse).resolve()
    return request.getfixturevalue("demo_build")["path"]


@pytest.fixture(scope="module")
def report(database, tmp_path_factory):
    """`corridor report` as make demo runs it, into a private folder."""
    out = tmp_path_factory.mktemp("reports")
    corridor = Path(sys.executable).with_name("corridor")
    started = time.perf_counter()
    proc = subprocess.run(
        [str(corridor), "report", "--database", str(database), "--out", str(out)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    seconds = time.perf_counter() - started
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pages = sorted(out.glob("*/index.html"))
    assert len(pages) == 1, pages
    print(f"\ncorridor report: {seconds:.1f} s, {pages[0].stat().st_size / 1024:,.0f} KB -> {pages[0]}")
    return {"out": out, "page": pages[0], "stdout": proc.stdout, "html": pages[0].read_text(encoding="utf-8")}


@pytest.fixture(scope="module")
def browser_view(report, tmp_path_factory):
    """Load the report and the index in headless Chromium; collect errors, requests, text, data and plots."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: `make browser` installs Debian's chromium (make test does it)")
    shots = tmp_path_factory.mktemp("screenshots")
    errors: list[str] = []
    requests: list[str] = []
    view: dict = {"errors": errors, "requests": requests, "shots": shots}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            page.on("request", lambda r: requests.append(r.url))
            started = time.perf_counter()
            page.goto(report["page"].as_uri(), wait_until="load")
            page.wait_for_function(ALL_PLOTS_DRAWN, timeout=120_000)
            view["render_seconds"] = time.perf_counter() - started
            view["figures"] = page.evaluate("document.querySelectorAll('div.plotly-graph-div').length")
            page.screenshot(path=str(shots / "report_top.png"))
            page.locator("#rule-R013").screenshot(path=str(shots / "report_R013.png"))
            if os.environ.get("CORRIDOR_UPDATE_SCREENSHOT") == "1":
                shutil.copyfile(shots / "report_R013.png", REPO_ROOT / "docs" / "report_screenshot.png")
            view["text"] = page.inner_text("body")
            view["summary_text"] = page.inner_text("#summary-text")
            view["open_alerts_text"] = page.inner_text("#open-alerts")
            view["closed_alerts_text"] = page.inner_text("#closed-alerts")
            view["blocked_text"] = page.inner_text("#blocked-windows")
            view["data"] = json.loads(page.evaluate(f"document.getElementById('{DATA_ELEMENT_ID}').textContent"))
            view["cards"] = page.evaluate(
                "Object.fromEntries([...document.querySelectorAll('.card')].map(c => "
                "[c.dataset.key, [Number(c.dataset.value), c.querySelector('.n').innerText]]))"
            )
            view["alert_rows"] = page.evaluate(
                "[...document.querySelectorAll('tr[data-alert-id]')].map(r => ({...r.dataset, text: r.innerText}))"
            )
            view["plotted"] = page.evaluate(PLOTTED)
            view["scenario_rows"] = page.evaluate(
                "[...document.querySelectorAll('#scenarios-table tr[data-scenario-id]')].map(r => "
                "({...r.dataset, cells: [...r.cells].map(c => c.innerText)}))"
            )
            view["scenarios_heading"] = page.evaluate(
                "(document.querySelector('#scenarios h2') || {innerText: null}).innerText"
            )
            view["nav_links"] = page.evaluate("[...document.querySelectorAll('nav#contents a')].map(a => a.hash)")
            view["sections"] = page.evaluate("[...document.querySelectorAll('main > section')].map(s => s.id)")
            index = browser.new_page()
            index.on(
                "console", lambda m: errors.append(f"index console.{m.type}: {m.text}") if m.type == "error" else None
            )
            index.on("pageerror", lambda e: errors.append(f"index pageerror: {e}"))
            index.goto((report["out"] / "index.html").as_uri(), wait_until="load")
            view["index_links"] = index.evaluate("[...document.querySelectorAll('#reports a')].map(a => a.href)")
        finally:
            browser.close()
    print(f"\nChromium: {view['figures']} figures drawn in {view['render_seconds']:.1f} s; screenshots in {shots}")
    return view


@pytest.fixture(scope="module")
def tables(database):
    """The figures, queried afresh from the tables."""
    run = sql(
        database,
        """
        select h.invocation_id, h.config_fingerprint, h.rules_fingerprint, h.started_at
        from corridor_run_history as h
        where h.invocation_id in (
            select invocation_id from corridor_run_model_history
            where node_name = 'corridor_validation_results' and node_status = 'success'
        )
        order by h.started_at desc limit 1
        """,
    )[0]
    return {
        "run": run,
        "status": dict(sql(database, "select status, count(*) from corridor_validation_results group by 1")),
        "total": sql(database, "select count(*) from corridor_validation_results")[0][0],
        "confirmed": sql(database, "select count(*) from corridor_validation_results where is_confirmed_breach")[0][0],
        "alerts": {
            r[0]: r
            for r in sql(
                database,
                "select alert_id, rule_id, alert_status, owner, escalation_path, worst_bad_deviation"
                " from corridor_alerts",
            )
        },
        "blocked": sql(
            database,
            "select distinct window_grain, window_start from corridor_validation_results where status = 'blocked'",
        ),
        "results": {
            r[0]: r
            for r in sql(
                database,
                """
                select result_id, strftime(window_start, '%Y-%m-%d %H:%M:%S'), status, production_value,
                       production_lower, production_upper, expected_value, is_breach, is_confirmed_breach
                from corridor_validation_results
                """,
            )
        },
    }


def test_report_renders_offline_in_chromium_without_errors(report, browser_view):
    assert browser_view["errors"] == []
    # self-contained: nothing is fetched but the page itself (plotly.js and styles are embedded)
    assert set(browser_view["requests"]) == {report["page"].as_uri()}
    # plotly.js once per page, not once per figure
    assert report["html"].count("* plotly.js v") == 1
    assert browser_view["figures"] >= 14  # the status overview, one corridor per rule, the gate timelines
    for name in ("report_top.png", "report_R013.png"):
        shot = browser_view["shots"] / name
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    assert "Index of reports" in report["stdout"] and str(report["page"]) in report["stdout"]


def test_report_is_stamped_with_its_run_and_configuration(report, browser_view, tables):
    run_id, config_fingerprint, rules_fingerprint, started_at = tables["run"]
    data = browser_view["data"]["run"]
    assert (data["invocation_id"], data["config_fingerprint"], data["rules_fingerprint"]) == (
        run_id,
        config_fingerprint,
        rules_fingerprint,
    )
    for value in (run_id, config_fingerprint, rules_fingerprint):
        assert value in browser_view["text"]
    assert report["page"].parent.name == f"{started_at:%Y%m%dT%H%M%SZ}_{run_id[:8]}"


def test_page_shows_the_planted_incidents(browser_view):
    open_text, closed_text = browser_view["open_alerts_text"], browser_view["closed_alerts_text"]
    for rule in ("R005", "R007", "R013"):
        assert rule in open_text and rule not in closed_text
    for rule in ("R008", "R010"):
        assert rule in closed_text and rule not in open_text
    # the late and duplicated day is blocked, not blamed on the model
    assert "day: 2026-10-19 (1 window)" in browser_view["blocked_text"]
    assert "2026-10-19 00:00:00 (duplicate_event_ids,late_events)" in open_text  # R013's data-gate diagnostic
    # the segments behind the breaches
    assert "confined to region=latam" in open_text and "confined to device=android" in open_text
    assert "excess carried by tier=standard" in closed_text


def test_counts_on_the_page_equal_the_tables(browser_view, tables):
    data, cards, summary = browser_view["data"], browser_view["cards"], browser_view["summary_text"]
    status = {s: tables["status"].get(s, 0) for s in STATUSES}
    assert sum(status.values()) == tables["total"] == data["checks"]["total"] == cards["checks.total"][0]
    assert data["checks"]["by_status"] == status
    assert data["checks"]["confirmed_breaches"] == tables["confirmed"]
    for s, n in status.items():
        assert cards[f"status.{s}"] == [n, f"{n:,}"]
        assert f"{s} {n:,}" in summary
    n_open = sum(1 for a in tables["alerts"].values() if a[2] == "open")
    n_closed = len(tables["alerts"]) - n_open
    # 3 performance alerts, 4 drift alerts (R014 latam, R015 iOS, v1 and v2) and 3 stale-estimate alerts
    # (R002-R004 on v1, docs/lineage.md) open; 5 closed (issue 15)
    assert (n_open, n_closed) == (10, 5)
    assert (data["alerts"]["open"], data["alerts"]["closed"]) == (n_open, n_closed)
    assert cards["alerts.open"] == [n_open, str(n_open)] and cards["alerts.closed"] == [n_closed, str(n_closed)]
    assert f"Alerts: {n_open} open, {n_closed} closed" in summary
    n_blocked = len(tables["blocked"])
    assert data["blocked_windows"]["count"] == n_blocked == cards["blocked_windows.count"][0]
    assert f"Blocked windows: {n_blocked} " in summary
    assert data["blocked_windows"]["checks"] == status["blocked"]


def test_alerts_on_the_page_equal_the_tables(browser_view, tables):
    rows = {r["alertId"]: r for r in browser_view["alert_rows"]}
    items = {a["alert_id"]: a for a in browser_view["data"]["alerts"]["items"]}
    assert set(rows) == set(items) == set(tables["alerts"])
    for alert_id, (_, rule_id, status, owner, escalation, deviation) in tables["alerts"].items():
        row, item = rows[alert_id], items[alert_id]
        assert (row["ruleId"], row["alertStatus"], row["owner"], row["escalationPath"]) == (
            rule_id,
            status,
            owner,
            escalation,
        )
        if deviation is None:  # a stale-estimate alert measures no deviation (docs/lineage.md)
            assert row["worstBadDeviation"] == ""
        else:
            assert float(row["worstBadDeviation"]) == deviation  # repr of a float round-trips exactly
        assert (item["owner"], item["escalation_path"], item["worst_bad_deviation"]) == (owner, escalation, deviation)
        assert owner in row["text"] and escalation in row["text"]
        assert deviation is None or f"{deviation:.4g}" in row["text"]


def test_plotted_corridors_equal_the_tables(browser_view, tables):
    """Every production marker drawn is a row of corridor_validation_results at its exact values; every
    breach is drawn, and the rings mark exactly the breaches confirmed after FDR."""
    results = tables["results"]
    drawn: dict[str, str] = {}
    rings: set[str] = set()
    intervals: set[tuple] = set()
    expected_lines: set[tuple] = set()
    for figure in browser_view["plotted"].values():
        for trace in figure:
            if trace["name"] in STATUSES:
                for x, y, custom in zip(trace["x"], trace["y"], trace["customdata"], strict=True):
                    result_id, status, lower, upper, expected = custom[:5]
                    _, window, t_status, value, t_lower, t_upper, t_expected, _, _ = results[result_id]
                    assert (x, status, trace["name"]) == (window, t_status, t_status)
                    assert (y, lower, upper, expected) == (value, t_lower, t_upper, t_expected)
                    drawn[result_id] = status
            elif trace["name"] == "confirmed after FDR":
                rings |= {c[0] for c in trace["customdata"]}
            elif trace["name"] == "production interval":
                xs, ys = trace["x"], trace["y"]
                intervals |= {(xs[i], ys[i], ys[i + 1]) for i in range(0, len(xs), 3)}
            elif trace["name"] in ("offline expectation", "seasonal baseline"):
                expected_lines |= {(x, y) for x, y in zip(trace["x"], trace["y"], strict=True) if y is not None}
    breaches = {rid for rid, r in results.items() if r[7]}
    confirmed = {rid for rid, r in results.items() if r[8]}
    assert breaches <= set(drawn)
    assert rings == confirmed
    assert len(drawn) >= 1000  # the overall series and every breached segment
    for result_id in drawn:
        _, window, _, _, lower, upper, expected, _, _ = results[result_id]
        if lower is not None and upper is not None:
            assert (window, lower, upper) in intervals
        if expected is not None:
            assert (window, expected) in expected_lines


def test_index_links_resolve_and_reports_are_kept_per_run(report, browser_view, database, tmp_path):
    # the index of the module's report folder links its one report
    links = browser_view["index_links"]
    assert links == [report["page"].as_uri()]
    # a second run: the same tables, recorded as a later invocation in a copy of the file
    second = tmp_path / "second.duckdb"
    shutil.copyfile(database, second)
    con = duckdb.connect(str(second))
    try:
        run_id = con.execute(
            """
            select invocation_id from corridor_run_history
            where invocation_id in (select invocation_id from corridor_run_model_history
                                    where node_name = 'corridor_validation_results')
            order by started_at desc limit 1
            """
        ).fetchall()[0][0]
        con.execute(
            "insert into corridor_run_history select * replace ('later-run-0001' as invocation_id,"
            " started_at + interval 1 day as started_at, finished_at + interval 1 day as finished_at)"
            " from corridor_run_history where invocation_id = ?",
            [run_id],
        )
        con.execute(
            "insert into corridor_run_model_history select * replace ('later-run-0001' as invocation_id)"
            " from corridor_run_model_history where invocation_id = ?",
            [run_id],
        )
    finally:
        con.close()
    out = tmp_path / "reports"
    first_page, _, first = write_report(database, out)
    second_page, index, later = write_report(second, out)
    assert (first["run"]["invocation_id"], later["run"]["invocation_id"]) == (run_id, "later-run-0001")
    assert first_page != second_page and first_page.exists() and second_page.exists()
    # the index lists both, newest run first, and every link resolves to a report of that run
    hrefs = _links(index)
    assert hrefs == [f"{second_page.parent.name}/index.html", f"{first_page.parent.name}/index.html"]
    for href, run in zip(hrefs, ("later-run-0001", run_id), strict=True):
        meta = json.loads((index.parent / href).with_name("report.json").read_text())
        assert meta["run"]["invocation_id"] == run and (index.parent / href).exists()
    # regenerating one run's report rewrites that report only
    before = second_page.stat().st_mtime_ns, second_page.read_bytes()
    first_before = first_page.stat().st_mtime_ns
    time.sleep(0.01)
    again, _, _ = write_report(database, out)
    assert again == first_page and first_page.stat().st_mtime_ns > first_before
    assert (second_page.stat().st_mtime_ns, second_page.read_bytes()) == before
    assert sorted(p.parent.name for p in out.glob("*/index.html")) == sorted(
        [first_page.parent.name, second_page.parent.name]
    )
    assert _links(index) == hrefs


def _links(index: Path) -> list[str]:
    class Links(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.hrefs: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                self.hrefs.append(dict(attrs)["href"])

    parser = Links()
    parser.feed(index.read_text(encoding="utf-8"))
    return parser.hrefs


def test_rule_issues_on_the_page_equal_the_table(browser_view, database):
    n = sql(database, "select count(*) from corridor_rule_issues")[0][0]
    assert browser_view["data"]["rule_issues"]["count"] == n == browser_view["cards"]["rule_issues.count"][0]
    assert ("No rule issue." in browser_view["text"]) == (n == 0)


def test_scenarios_on_the_page_equal_the_table(browser_view, database):
    """The scenarios section (issue 17): one row per judged scenario x rule of corridor_scenario_results, in
    scenario and rule order, with its detection, power, time to detect, false alerts and tolerances."""
    rows = sql(
        database,
        "select scenario_id, rule_id, metric, is_detected, seeds_detected, seeds, power, mean_hours_to_detect,"
        " false_alerts, new_false_alerts, current_warn_tolerance, recommended_warn_tolerance"
        " from corridor_scenario_results where scenario_status = 'judged' order by scenario_id, rule_id",
    )
    shown = browser_view["scenario_rows"]
    assert len(rows) >= 10 and [(r["scenarioId"], r["ruleId"]) for r in shown] == [(r[0], r[1]) for r in rows]
    for row, (scenario, rule, metric, detected, hits, seeds, power, hours, false, new, now, recommended) in zip(
        shown, rows, strict=True
    ):
        assert row["detected"] == str(bool(detected)).lower() and float(row["power"]) == pytest.approx(power)
        cells = row["cells"]
        assert cells[0] == scenario and cells[2] == f"{rule} ({metric})"
        assert cells[3] == f"{'yes' if detected else 'no'} ({hits}/{seeds} seeds)"
        if hits:
            assert cells[5].startswith(f"{hours:.3g} h")
        else:
            assert cells[5] == "not detected"
        assert cells[6] == f"{false:.3g} ({new:.3g} new)"
        assert cells[7].startswith(f"{now:.4g} \u2192 {'none' if recommended is None else f'{recommended:.4g}'}")
    scenarios = {r[0] for r in rows}
    caught = {r[0] for r in rows if r[3]}
    assert browser_view["scenarios_heading"] == f"Scenarios ({len(caught)} of {len(scenarios)} detected)"
    # the demo's large outage is caught by every seed, its zero-size control by none (docs/scenarios.md)
    assert "S05_error_rate_plus30_3h" in caught and "S06_null_error_rate" not in caught


def test_navigation_links_every_section_in_page_order(browser_view):
    """The table of contents (issue 16): one link per section of the page, in page order, each resolving."""
    sections = browser_view["sections"]
    expected = {"summary", "alerts", "decisions", "attribution", "change-log", "governance", "scenarios", "runs"}
    assert expected <= set(sections)
    assert browser_view["nav_links"] == [f"#{s}" for s in sections]
