"""Label-free expected accuracy, precision, recall, F1 and AUC per window × segment (DuckDB only).

Thin on purpose: SQL counted the events (int_corridor__label_free_histograms,
int_corridor__label_free_reference); the kernel is
corridor.label_free.label_free_estimates (python/corridor/label_free.py, unit
tested). Published as source `label_free_estimate` in
corridor_metric_observations and checked in corridor_estimator_validation.
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
    "corridor's label-free estimate (var corridor_label_free_reference) needs numpy, pandas and scipy in the Python "
    "environment dbt runs in ({missing} is missing): `pip install numpy pandas scipy` next to dbt-duckdb, or unset "
    "corridor_label_free_reference in your vars."
)


def model(dbt, session):
    dbt.config(materialized="table")
    kernels = import_kernel("corridor.label_free", requires=("numpy", "pandas", "scipy"), needs=NEEDS)
    settings = dbt.ref("int_corridor__label_free_settings").df().iloc[0]
    return kernels.label_free_estimates(
        dbt.ref("int_corridor__label_free_histograms").df(),
        dbt.ref("int_corridor__label_free_reference").df(),
        score_bins=int(settings["score_bins"]),
        level=float(settings["confidence_level"]),
        n_draws=int(settings["n_draws"]),
        seed=int(settings["seed"]),
        max_psi=float(settings["max_psi"]),
        alpha=float(settings["test_alpha"]),
    )
