"""The quality gate registries (macros/quality/gates/): corridor_quality_gates over the bad-input suite's tables
with checks switched off by var corridor_quality_gates. A disabled check leaves no row and changes no other
check's row; with every check of a registry off, its model builds with no rows (before the registry, a union
of no select was invalid SQL and the build failed)."""

from __future__ import annotations

import re

import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from test_bad_inputs import KEY, VARS, _inputs, _write_tables

pytestmark = pytest.mark.dbt

WINDOW_GATES = [
    "row_volume", "null_rate", "label_maturity", "duplicate_event_ids", "out_of_range_values", "unparseable_values",
    "unknown_model_versions", "new_segment_values", "future_timestamps", "late_events",
]  # fmt: skip
COLUMNS = "input_name, model_id, window_grain, window_start, check_name, gate_status, measured_value, diagnostic"


def _gates(tmp_path, gates: dict) -> tuple:
    """`dbt run` of the quality checks and everything upstream with `gates` as var corridor_quality_gates, as a
    case of conftest.Dbt.batch on the parse of the bad-input suite's VARS (the file is named as test_bad_inputs.py's
    bad_build, so the parse is the shared one: no full parse per configuration). Faithful: the var decides what the
    gate models render, and no node config reads it."""
    path = tmp_path / "bad.duckdb"
    _write_tables(path, _inputs()[0])
    dbt = Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path), "CORRIDOR_PSEUDONYM_KEY": KEY})
    run = ["run", "--select", "+int_corridor__quality_checks"]
    case = {"args": run, "vars": {**VARS, "corridor_quality_gates": gates}}
    (result,) = dbt.batch([case], base_vars=VARS)
    assert result.ok, result.output[-6000:]
    rows = query(path, f"select {COLUMNS} from int_corridor__quality_checks order by {COLUMNS}")
    return path, rows


@pytest.fixture(scope="module")
def every_gate(tmp_path_factory):
    return _gates(tmp_path_factory.mktemp("gates_all"), {})[1]


def test_disabled_checks_leave_no_rows_and_change_no_other_row(tmp_path, every_gate):
    off = {"late_events", "labels_before_events", "schema_columns_added"}
    _, rows = _gates(tmp_path, {name: {"enabled": False} for name in off})
    assert set(every_gate["check_name"]) >= off  # the full run has them
    assert not set(rows["check_name"]) & off
    kept = every_gate[~every_gate["check_name"].isin(off)].reset_index(drop=True)
    assert len(rows) == len(kept) > 0
    assert _timeless(rows).equals(_timeless(kept))


def _timeless(rows):
    """The rows as text, with the freshness check's age (hours since the newest row, measured at each build's own
    start) blanked: two builds a minute apart differ there and nowhere else."""
    rows = rows.astype(str)
    fresh = rows["check_name"] == "freshness_hours"
    rows.loc[fresh, ["measured_value", "diagnostic"]] = ""
    return rows


def test_every_window_check_off_leaves_the_input_checks(tmp_path, every_gate):
    _, rows = _gates(tmp_path, {name: {"enabled": False} for name in WINDOW_GATES})
    assert set(rows["window_grain"]) == {"input"}
    assert len(rows) == (every_gate["window_grain"] == "input").sum() > 0


def test_every_check_off_builds_with_no_rows(tmp_path):
    gates = _gate_names()
    path, rows = _gates(tmp_path, {name: {"enabled": False} for name in gates})
    assert len(rows) == 0
    assert query(path, "select count(*) as n from int_corridor__window_quality_checks")["n"][0] == 0
    assert query(path, "select count(*) as n from int_corridor__input_quality_checks")["n"][0] == 0


def _gate_names() -> list[str]:
    """Every check key of _corridor_gate_defaults, read from the macro file."""
    text = (REPO_ROOT / "macros/config/_corridor_defaults.sql").read_text()
    body = text[text.index("macro _corridor_gate_defaults") :]
    return re.findall(r"^\s+'(\w+)': \{'category'", body, flags=re.M)
