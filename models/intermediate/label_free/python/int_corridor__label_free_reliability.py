"""Does the label-free calibration hold on the reference? Reliability per reference decile (DuckDB only).

The calibration map is fitted on half of the reference events and checked on
the other half: corridor.label_free.calibration_reliability
(python/corridor/label_free.py, unit tested). Published with an enforced
contract as corridor_label_free_calibration.
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
    return kernels.calibration_reliability(
        dbt.ref("int_corridor__label_free_reference").df(),
        score_bins=int(settings["score_bins"]),
        alpha=float(settings["test_alpha"]),
    )
