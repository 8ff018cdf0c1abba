"""Multivariate feature drift (DuckDB only): PCA reconstruction error per model version x window x segment.

Thin on purpose: SQL sampled at most corridor_multivariate_rows_per_day events per model version and day
(int_corridor__multivariate_sample); the kernel is corridor.drift_multivariate.multivariate_drift
(python/corridor/drift_multivariate.py, unit tested by simulation). The enforced contract is on the SQL model
downstream, corridor_multivariate_drift.
"""

import importlib.util
import os
import sys
from pathlib import Path

# corridor's kernels come through corridor.kernel_import (python/corridor/kernel_import.py). When corridor is not
# installed in dbt's environment, these lines put the python/ folder shipped with the dbt package on sys.path.
if importlib.util.find_spec("corridor") is None:
    _roots = [Path(os.environ.get(v) or ".") for v in ("CORRIDOR_PYTHON_PATH", "DBT_PROJECT_DIR")]
    _found = [
        root / sub
        for root in [*_roots, Path.cwd(), *Path.cwd().parents]
        for sub in ("", "python", "dbt_packages/corridor/python")
        if (root / sub / "corridor" / "kernel_import.py").is_file()
    ]
    if not _found:
        raise ImportError(
            "corridor: cannot import its Python kernels. pip install the corridor wheel next to dbt, add the "
            "package's python/ folder to the DuckDB profile's module_paths (e.g. module_paths: "
            "['dbt_packages/corridor/python']), or set CORRIDOR_PYTHON_PATH to it."
        )
    sys.path.insert(0, str(_found[0]))

from corridor.kernel_import import import_kernel  # noqa: E402

NEEDS = (
    "corridor's multivariate drift (var corridor_multivariate_drift) needs numpy, pandas and scipy in the Python "
    "environment dbt runs in ({missing} is missing): `pip install numpy pandas scipy` next to dbt-duckdb, or set "
    "corridor_multivariate_drift: false in your vars (the univariate corridor_feature_drift still builds)."
)


def model(dbt, session):
    dbt.config(materialized="table")
    kernel = import_kernel("corridor.drift_multivariate", requires=("numpy", "pandas", "scipy"), needs=NEEDS)
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
