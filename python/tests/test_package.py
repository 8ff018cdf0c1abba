"""Package-level checks: versions agree, the wheel's product modules import no tooling module, sqlfluff (dbt
templater) passes on the models."""

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


# What the wheel ships (setup.py leaves setup.TOOLING_MODULES out): the command, the kernels the Python models
# import, the report, publish, the scaffold and the demo generator (`corridor demo` generates its event seed).
PRODUCT_MODULES = {
    "__init__",
    "__main__",
    "beta_udf",
    "bootstrap",
    "cli",
    "dbt_runner",
    "decide",
    "demo_data",
    "drift",
    "drift_multivariate",
    "duckdb_plugin",
    "label_free",
    "publish",
    "report",
    "report_calibration",
    "report_decisions",
    "report_lineage",
    "report_scenarios",
    "scaffold",
}


def _tooling_modules() -> set[str]:
    tree = ast.parse((ROOT / "setup.py").read_text())
    (node,) = [n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "TOOLING_MODULES"]
    return set(ast.literal_eval(node.value))


def test_every_module_is_product_or_tooling_and_the_product_imports_no_tooling():
    tooling = _tooling_modules()
    modules = {p.stem for p in (ROOT / "python" / "corridor").glob("*.py")}
    assert not tooling & PRODUCT_MODULES
    unclassified = modules - tooling - PRODUCT_MODULES
    assert not unclassified, f"list these modules in PRODUCT_MODULES or setup.py's TOOLING_MODULES: {unclassified}"
    assert not (tooling | PRODUCT_MODULES) - modules, "a listed module no longer exists"
    for name in PRODUCT_MODULES:
        tree = ast.parse((ROOT / "python" / "corridor" / f"{name}.py").read_text())
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {
            f"{n.module}.{a.name}" if n.module == "corridor" else n.module
            for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom) and n.module
            for a in n.names
        }
        leaked = {m for m in imported if m.startswith("corridor.") and m.split(".")[1] in tooling}
        assert not leaked, f"corridor.{name} (shipped) imports tooling the wheel leaves out: {leaked}"


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
