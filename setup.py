"""Build the ``corridor`` wheel: the product, not the tooling, plus the dbt project as package data.

Everything else is declared in pyproject.toml. Two things need code:

- Development tooling (benchmarks, calibration studies) lives in ``python/corridor`` beside the product
  so ``make bench`` and the tests import it from the checkout, but it is not shipped: users run
  ``corridor init|demo|report|publish`` and the bootstrap kernels. The demo data generator is shipped
  because ``corridor demo`` generates the demo's 5.7 MB event seed instead of shipping it.
- The dbt project (``dbt_project.yml``, macros, models, analyses, singular tests, the demo seeds and
  the demo profile) is copied into the wheel as ``corridor/dbt_project/``, for ``corridor init``
  (a consumer project installs it by local path) and ``corridor demo``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# Modules of python/corridor that only we run (benchmarks, peers, calibration and label-free studies): left out of
# the wheel. python/tests/test_package.py classifies every module as product or tooling, so a new one must be listed.
TOOLING_MODULES = {
    "bench",
    "bench_incremental",
    "bench_intervals",
    "bench_peers",
    "bench_spark",
    "calibration",
    "drift_bench",
    "label_free_study",
    "peers_cbpe",
    "peers_nannyml",
}
DBT_PROJECT_FILES = ["dbt_project.yml", "profiles.yml"]
DBT_PROJECT_DIRS = ["macros", "models", "analyses", "tests", "seeds"]
GENERATED = {"seeds/demo/corridor_demo_production_events.csv"}
DOCS_SHIPPED = ["docs/configuration.md"]  # the meaning of each setting, read by `corridor init`


class BuildPyWithProject(build_py):
    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        if package != "corridor":
            return modules
        return [(pkg, mod, path) for pkg, mod, path in modules if mod not in TOOLING_MODULES]

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
