"""The report's scenarios section (corridor.report_scenarios), from a corridor_scenario_results written by hand."""

from __future__ import annotations

import html.parser

import duckdb
from corridor.report_scenarios import read_scenarios, scenarios_section

# the table's contract (models/scenarios/_corridor__scenarios.yml)
COLUMNS = (
    "scenario_id varchar, rule_id varchar, kind varchar, model_id varchar, segment_dimension varchar,"
    " segment_value varchar, metric varchar, scenario_status varchar, invalid_reason varchar, tolerance_unit varchar,"
    " size double, duration_hours double, seeds integer, seeds_detected integer, power double,"
    " mean_hours_to_detect double, min_hours_to_detect double, max_hours_to_detect double, false_alerts double,"
    " new_false_alerts double, current_warn_tolerance double, recommended_warn_tolerance double, target_power double,"
    " is_detected boolean, starts_at timestamp, ends_at timestamp"
)


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"create table corridor_scenario_results ({COLUMNS})")
    con.execute(
        """
        insert into corridor_scenario_results values
            ('S2_outage', 'R10', 'error_rate_points', 'm', 'all', 'all', 'error_rate', 'judged', null, 'absolute',
             30.0, 3.0, 10, 7, 0.7, 2.5, 1.0, 6.0, 3.0, 0.4, 0.01, 0.2451, 0.8, true,
             timestamp '2026-10-04 12:00:00', timestamp '2026-10-04 15:00:00'),
            ('S1_latency', 'R07', 'latency_multiplier', 'm', 'device', 'ios', 'latency_p95', 'judged', null,
             'relative', 1.3, 24.0, 10, 0, 0.0, null, null, null, 1.0, 0.0, 0.25, null, 0.8, false,
             timestamp '2026-10-03', timestamp '2026-10-04'),
            ('S1_latency', 'R09', 'latency_multiplier', 'm', 'device', 'ios', 'latency_p50', 'judged', null,
             'absolute', 1.3, 24.0, 10, 10, 1.0, 24.0, 24.0, 24.0, 0.0, 0.0, 10.0, 4.248, 0.8, true,
             timestamp '2026-10-03', timestamp '2026-10-04'),
            ('S9_bad', null, 'latency_multiplier', null, 'all', 'all', null, 'invalid',
             'size of a latency_multiplier scenario must be > 0; got -1', null, -1.0, 1.0, 10, null, null, null,
             null, null, null, null, null, null, 0.8, null, timestamp '2026-10-03', timestamp '2026-10-03 01:00:00')
        """
    )
    return con


class _Rows(html.parser.HTMLParser):
    """The judged rows of the table: their data-* attributes and their cells' text."""

    def __init__(self):
        super().__init__()
        self.rows: list[dict] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-scenario-id" in attrs:
            self.rows.append({**attrs, "cells": []})
        elif tag == "td" and self.rows:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1]["cells"].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def test_the_section_shows_every_scenario_and_rule_as_the_table_says():
    con = _warehouse()
    page = "".join(scenarios_section(read_scenarios(con)))
    # two judged scenarios, one caught by at least one rule
    assert '<section id="scenarios"><h2>Scenarios (2 of 2 detected)</h2>' in page
    parser = _Rows()
    parser.feed(page)
    rows = {(r["data-scenario-id"], r["data-rule-id"]): r for r in parser.rows}
    # judged rows in scenario order, then rule
    assert list(rows) == [("S1_latency", "R07"), ("S1_latency", "R09"), ("S2_outage", "R10")]
    outage = rows[("S2_outage", "R10")]
    assert outage["data-detected"] == "true" and float(outage["data-power"]) == 0.7
    assert outage["cells"] == [
        "S2_outage",
        "error_rate_points 30, all traffic, 3 h from 2026-10-04 12:00:00",
        "R10 (error_rate)",
        "yes (7/10 seeds)",
        "0.7",
        "2.5 h (1\u20136)",
        "3 (0.4 new)",
        "0.01 \u2192 0.2451 for 80% power (absolute)",
    ]
    missed = rows[("S1_latency", "R07")]
    assert missed["data-detected"] == "false" and missed["data-recommended-warn-tolerance"] == ""
    assert missed["cells"][1].startswith("latency_multiplier 1.3, device=ios, 24 h")
    assert missed["cells"][3:] == ["no (0/10 seeds)", "0", "not detected", "1 (0 new)",
                                   "0.25 \u2192 none for 80% power (relative)"]  # fmt: skip
    assert rows[("S1_latency", "R09")]["cells"][5] == "24 h"  # every seed at the same hour: no spread
    # the invalid declaration is listed with its reason, not dropped
    assert '<li data-scenario-id="S9_bad" data-scenario-status="invalid">' in page
    assert "size of a latency_multiplier scenario must be &gt; 0; got -1" in page


def test_a_warehouse_without_scenarios_shows_no_section_and_an_empty_library_says_so():
    assert read_scenarios(duckdb.connect()) is None and scenarios_section(None) == []
    con = _warehouse()
    con.execute("delete from corridor_scenario_results")
    page = "".join(scenarios_section(read_scenarios(con)))
    assert "Scenarios (0 of 0 detected)" in page and 'id="scenarios-none"' in page
