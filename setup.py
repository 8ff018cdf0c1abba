"""Build the ``corridor`` wheel: the product package, plus the dbt project as package data.

Everything else is declared in pyproject.toml, which packages ``python/corridor`` only (what users run:
``corridor init|demo|report|publish``, the kernels the Python models import, the demo data generator that
``corridor demo`` runs to generate the demo's 5.7 MB event seed instead of shipping it). Development tooling
(benchmarks, peer comparisons, calibration and simulation studies) is the package ``python/corridor_tools``
beside it, imported from the checkout and never shipped (python/tests/test_package.py and
integration_tests/pytest/test_wheel.py check both). One thing needs code: the dbt project
(``dbt_project.yml``, macros, models, analyses, singular tests, the demo seeds and the demo profile) is copied
into the wheel as ``corridor/dbt_project/``, for ``corridor init`` (a consumer project installs it by local
path) and ``corridor demo``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DBT_PROJECT_FILES = ["dbt_project.yml", "profiles.yml"]
DBT_PROJECT_DIRS = ["macros", "models", "analyses", "tests", "seeds"]
GENERATED = {"seeds/demo/corridor_demo_production_events.csv"}
DOCS_SHIPPED = ["docs/configuration.md"]  # the meaning of each setting, read by `corridor init`


class BuildPyWithProject(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "corridor" / "dbt_project"
        if target.exists():
            shutil.rmtree(target)
        for name in DBT_PROJECT_FILES + DOCS_SHIPPED:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
        for folder in DBT_PROJECT_DIRS:
            source = ROOT / folder
            if not source.is_dir():
                continue
            for path in sorted(source.rglob("*")):
                rel = path.relative_to(ROOT).as_posix()
                if path.is_dir() or rel in GENERATED or "__pycache__" in rel:
                    continue
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / rel)


setup(cmdclass={"build_py": BuildPyWithProject})
