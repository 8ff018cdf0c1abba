"""Package-level checks: versions agree, the product package imports no tooling and every tooling module imports
from the source tree, sqlfluff (dbt templater) passes on the models, ruff (check and format) on the Python code."""

from __future__ import annotations

import ast
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


# Product and tooling are two packages side by side: python/corridor (the wheel: the command, the kernels the Python
# models import, the report, publish, the scaffold and the demo generator, which `corridor demo` runs) and
# python/corridor_tools (benchmarks, peers, calibration and simulation studies; run from a checkout, never shipped:
# pyproject.toml packages corridor only, integration_tests/pytest/test_wheel.py checks the wheel's file list).
PRODUCT = ROOT / "python" / "corridor"
TOOLS = ROOT / "python" / "corridor_tools"


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and not n.level}
    return names


def test_the_product_imports_no_tooling():
    assert (PRODUCT / "cli.py").is_file() and (TOOLS / "bench.py").is_file()
    for path in sorted(PRODUCT.glob("*.py")):
        leaked = {m for m in _imported(path) if m.split(".")[0] == "corridor_tools"}
        assert not leaked, f"corridor/{path.name} (shipped in the wheel) imports the tooling package: {leaked}"


def test_every_tooling_module_imports_from_the_source_tree():
    """python -m corridor_tools.<module> works from a checkout: each module imports (corridor from the same tree)."""
    modules = sorted(p.stem for p in TOOLS.glob("*.py") if p.stem != "__init__")
    assert {"bench", "calibration", "drift_bench", "peers_nannyml", "validation_sim"} <= set(modules)
    code = (
        "import importlib, corridor, corridor_tools\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('corridor_tools.' + name)\n"
        "print(corridor.__file__); print(corridor_tools.__file__)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    corridor_file, tools_file = proc.stdout.split()
    assert Path(corridor_file).parent == PRODUCT and Path(tools_file).parent == TOOLS


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


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff_passes_on_the_python_code(command):
    # the rules and the line length are pyproject.toml's [tool.ruff]; `make lint` runs the same check
    ruff = Path(sys.executable).with_name("ruff")
    proc = subprocess.run(
        [str(ruff), *command, "python", "integration_tests", "setup.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]
