"""Multivariate feature drift (DuckDB only): PCA reconstruction error per model version x window x segment.

Thin on purpose: SQL sampled at most corridor_multivariate_rows_per_day events per model version and day
(int_corridor__multivariate_sample); the kernel is corridor.drift_multivariate.multivariate_drift
(python/corridor/drift_multivariate.py, unit tested by simulation). The enforced contract is on the SQL model
downstream, corridor_multivariate_drift.
"""

import importlib
import importlib.util
import os
import sys
from pathlib import Path

NEEDS = (
    "corridor's multivariate drift (var corridor_multivariate_drift) needs numpy, pandas and scipy in the Python "
    "environment dbt runs in ({missing} is missing): `pip install numpy pandas scipy` next to dbt-duckdb, or set "
    "corridor_multivariate_drift: false in your vars (the univariate corridor_feature_drift still builds)."
)
KERNEL = "corridor.drift_multivariate"


def _import_kernel():
    """The kernel from an importable `corridor` package (profile module_paths, PYTHONPATH, pip install), else the
    python/ folder shipped with the dbt package (dbt_packages/corridor/python or this repository's python/)."""
    for name in ("numpy", "pandas", "scipy"):
        if importlib.util.find_spec(name) is None:
            raise ImportError(NEEDS.format(missing=name))
    try:
        return importlib.import_module(KERNEL)
    except ModuleNotFoundError as exc:
        if exc.name not in ("corridor", KERNEL):
            raise
    roots = [Path(os.environ[v]) for v in ("DBT_PROJECT_DIR",) if os.environ.get(v)] + [Path.cwd(), *Path.cwd().parents]
    candidates = [Path(os.environ["CORRIDOR_PYTHON_PATH"])] if os.environ.get("CORRIDOR_PYTHON_PATH") else []
    candidates += [p for root in roots for p in (root / "dbt_packages" / "corridor" / "python", root / "python")]
    for candidate in candidates:
        if (candidate / "corridor" / "drift_multivariate.py").exists():
            sys.path.insert(0, str(candidate))
            importlib.invalidate_caches()
            return importlib.import_module(KERNEL)
    raise ImportError(
        "corridor: cannot import the multivariate drift kernel (corridor.drift_multivariate). Add the package's "
        "python/ folder to the profile's module_paths (e.g. module_paths: ['dbt_packages/corridor/python']), or set "
        "CORRIDOR_PYTHON_PATH to it."
    )


def model(dbt, session):
    dbt.config(materialized="table")
    kernel = _import_kernel()
    settings = dbt.ref("int_corridor__multivariate_settings").df().iloc[0]
    result = kernel.multivariate_drift(
        dbt.ref("int_corridor__multivariate_sample").df(),
        grains=str(settings["window_grains"]).split(","),
        reference_days=int(settings["reference_days"]),
        alpha=float(settings["alpha"]),
        variance=float(settings["explained_variance"]),
        min_rows=int(settings["min_rows"]),
    )
    return kernel.typed_result(result)
