"""The report's pure parts: corridor edges, window merging, which series are plotted, folder names, the index.
(The page itself is tested on the demo build in integration_tests/pytest/test_report.py.)"""

from __future__ import annotations

import json

import pytest
from corridor.report import (
    corridor_edges,
    merge_windows,
    metric_bounds,
    report_dirname,
    robust_y_range,
    select_panels,
    write_index,
)


def test_corridor_edges_follow_the_direction():
    assert corridor_edges(0.9, 0.02, "higher_is_better") == (pytest.approx(0.88), None)
    assert corridor_edges(120.0, 30.0, "lower_is_better") == (None, 150.0)
    assert corridor_edges(0.5, 0.1, "two_sided") == (0.4, 0.6)
    assert corridor_edges(None, 0.1, "two_sided") == (None, None)
    assert corridor_edges(0.5, None, "lower_is_better") == (None, None)


def test_edges_beyond_a_bounded_metric_are_not_drawn():
    # AUC 0.97 with an equivalence margin of 0.05: the upper edge would be 1.02, where no AUC can be
    assert metric_bounds("auc") == (0.0, 1.0) and metric_bounds("latency_p95") == (0.0, None)
    assert corridor_edges(0.97, 0.05, "two_sided", metric_bounds("auc")) == (pytest.approx(0.92), None)
    assert corridor_edges(0.03, 0.05, "two_sided", (0.0, 1.0)) == (None, pytest.approx(0.08))
    assert corridor_edges(0.03, 0.05, "two_sided") == (pytest.approx(-0.02), pytest.approx(0.08))


def test_robust_range_clips_one_wide_interval_and_keeps_every_value():
    values = [0.96, 0.97, 0.975, 0.85]  # 0.85: the breach
    intervals = [(0.95, 0.97), (0.96, 0.98), (0.2, 1.0), (0.83, 0.87)]  # one interval from 20 events
    lo, hi = robust_y_range([*values, 0.92, 0.87], intervals, (0.0, 1.0))
    # every value inside; the wide interval's lower bound 0.2 is far below (spread 0.125, median width 0.02)
    assert lo < 0.83 and hi > 0.98
    assert lo > 0.7, "one wide interval must not stretch the axis"
    assert hi <= 1.0 + 1e-9, "the axis never extends past what an AUC can be when no value sits at 1"
    # an ordinary interval just beyond the values stays whole
    lo2, hi2 = robust_y_range([10.0, 12.0], [(9.0, 13.0), (11.0, 12.5)])
    assert lo2 < 9.0 and hi2 > 13.0
    assert robust_y_range([None], [(None, None)]) is None
    # a value at the bound keeps half a margin beyond it so its marker is not cut in half
    lo3, hi3 = robust_y_range([0.0, 0.01], [(0.0, 0.02)], (0.0, 1.0))
    assert lo3 < 0.0 and lo3 > -0.01


def test_merge_windows_joins_contiguous_windows_only():
    hours = [(f"2026-10-19 {h:02d}:00:00", f"2026-10-19 {h + 1:02d}:00:00") for h in range(3)]
    lone = ("2026-10-19 05:00:00", "2026-10-19 06:00:00")
    assert merge_windows([lone, *reversed(hours), hours[0]]) == [
        ("2026-10-19 00:00:00", "2026-10-19 03:00:00", 3),
        (lone[0], lone[1], 1),
    ]
    assert merge_windows([]) == []


def _row(version, segment, status, bad=0.0, warn=1.0, dim="region"):
    return {
        "model_id": "m",
        "model_version": version,
        "segment_dimension": "all" if segment == "all" else dim,
        "segment_value": segment,
        "window_grain": "day",
        "is_breach": status in ("warn", "fail"),
        "bad_deviation": bad,
        "warn_threshold": warn,
    }


def test_select_panels_plots_overall_breached_and_else_the_closest_segment():
    rows = [
        _row("v1", "eu", "pass", bad=0.1),
        _row("v1", "na", "fail", bad=2.0),
        _row("v1", "all", "pass"),
        _row("v2", "eu", "pass", bad=0.2),
        _row("v2", "na", "pass", bad=0.7),  # closest to the edge, no breach anywhere in v2
        _row("v2", "apac", "inconclusive", bad=None),
    ]
    plotted, others = select_panels(rows)
    assert [(k[1], k[3]) for k in plotted] == [("v1", "all"), ("v1", "na"), ("v2", "na")]
    assert [(k[1], k[3]) for k in others] == [("v1", "eu"), ("v2", "apac"), ("v2", "eu")]


def test_report_dirname_sorts_by_run_time_and_names_the_run():
    run = {"invocation_id": "ae64f921-63b1-4223-a7ba-030f606bc083", "started_at": "2026-11-27 11:46:38.524319"}
    assert report_dirname(run) == "20261127T114638Z_ae64f921"
    assert report_dirname({"invocation_id": "../x y", "started_at": None}) == "unrecorded_xy"


def _fake_report(out, name, run_id, started_at, open_alerts):
    folder = out / name
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("<html></html>")
    meta = {
        "run": {"invocation_id": run_id, "started_at": started_at, "run_status": "success"},
        "checks": {"total": 10, "by_status": {"fail": 1, "pass": 9}},
        "alerts": {"open": open_alerts, "closed": 0},
        "blocked_windows": {"count": 1},
        "generated_at": "2026-11-27 12:00:00",
    }
    (folder / "report.json").write_text(json.dumps(meta))


def test_index_lists_reports_newest_run_first(tmp_path):
    _fake_report(tmp_path, "20261001T000000Z_aaaa", "aaaa", "2026-10-01 00:00:00", 1)
    _fake_report(tmp_path, "20261003T000000Z_cccc", "cccc", "2026-10-03 00:00:00", 3)
    _fake_report(tmp_path, "20261002T000000Z_bbbb", "bbbb", "2026-10-02 00:00:00", 2)
    (tmp_path / "stray").mkdir()  # a folder without a report is not listed
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "report.json").write_text("{")
    page = write_index(tmp_path).read_text()
    positions = [page.index(f'href="{n}/index.html"') for n in ("20261003T000000Z_cccc", "20261002T000000Z_bbbb")]
    positions.append(page.index('href="20261001T000000Z_aaaa/index.html"'))
    assert positions == sorted(positions)
    assert "3 reports" in page and "stray" not in page and "broken" not in page
    assert "pass 9, fail 1" in page


def test_section_nav_links_each_section_by_its_heading_without_the_count():
    from corridor.report import section_nav

    sections = [
        '<section id="summary"><h2>Summary</h2><p>x</p></section>',
        '<section id="alerts"><h2>Open alerts (3)</h2><section id="nested">',
        '<section id="governance"><h2>Open governance items (0)</h2></section>',
    ]
    assert section_nav(sections) == (
        '<nav id="contents" aria-label="Sections"><a href="#summary">Summary</a><a href="#alerts">Open alerts</a>'
        '<a href="#governance">Open governance items</a></nav>'
    )
