"""Package-level checks: versions agree, sqlfluff (dbt templater) passes on the models."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import corridor
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_versions_agree():
    project = yaml.safe_load((ROOT / "dbt_project.yml").read_text())
    macro = (ROOT / "macros" / "audit" / "corridor_version.sql").read_text()
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert project["version"] == corridor.__version__
    assert f"return('{corridor.__version__}')" in macro
    assert re.search(rf'^version = "{re.escape(corridor.__version__)}"', pyproject, re.M)


@pytest.mark.slow  # about 7 minutes: the interval models expand the beta quadrature into large SQL
def test_sqlfluff_passes_on_models_and_analyses(tmp_path):
    env = dict(os.environ, CORRIDOR_DUCKDB_PATH=str(tmp_path / "lint.duckdb"), DBT_PROFILES_DIR=str(ROOT))
    sqlfluff = Path(sys.executable).with_name("sqlfluff")
    proc = subprocess.run(
        # the dbt templater renders in this process; parsing and linting (the large interval models) run in workers
        [str(sqlfluff), "lint", "--processes", "2", "models", "analyses"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]
    assert "All Finished" in proc.stdout
