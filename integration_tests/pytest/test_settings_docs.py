"""docs/configuration.md's settings table is generated from the settings' declarations and kept in step:
every var corridor reads has a default and a description, and the page shows exactly that table."""

from __future__ import annotations

import re

import pytest
from corridor.dbt_runner import REPO_ROOT

pytestmark = pytest.mark.dbt

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_settings_table_in_docs_matches_the_declarations(root_dbt):
    dbt, _ = root_dbt
    result = dbt("run-operation", "corridor.print_settings_reference", "--quiet")
    generated = ANSI.sub("", result.output).strip()
    assert generated.startswith("| var | default | expected | meaning |"), generated[:500]
    assert "(undocumented)" not in generated, (
        "a setting lacks a description in the settings registry (_corridor_settings)"
    )
    page = (REPO_ROOT / "docs" / "configuration.md").read_text()
    documented = page.split("<!-- settings:begin -->\n", 1)[1].split("\n<!-- settings:end -->", 1)[0].strip()
    assert documented == generated, (
        "docs/configuration.md is out of date: regenerate its table with "
        "`dbt run-operation corridor.print_settings_reference --quiet`"
    )
    for name in ["corridor_segment_columns", "corridor_python_bootstrap", "corridor_check_severity"]:
        assert f"| `{name}` |" in documented
