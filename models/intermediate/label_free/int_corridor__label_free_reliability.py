"""Does the label-free calibration hold on the reference? Reliability per reference decile (DuckDB only).

The calibration map is fitted on half of the reference events and checked on
the other half: corridor.label_free.calibration_reliability
(python/corridor/label_free.py, unit tested). Published with an enforced
contract as corridor_label_free_calibration.
"""

import importlib
import os
import sys
from pathlib import Path


def _kernels():
    """corridor.label_free from the installed package, else the python/ folder shipped with the dbt package."""
    try:
        return importlib.import_module("corridor.label_free")
    except ModuleNotFoundError as exc:
        if exc.name not in ("corridor", "corridor.label_free"):
            raise
    roots = [Path(os.environ.get("CORRIDOR_PYTHON_PATH", ".")), Path.cwd(), *Path.cwd().parents]
    for root in roots:
        for candidate in (root, root / "python", root / "dbt_packages" / "corridor" / "python"):
            if (candidate / "corridor" / "label_free.py").exists():
                sys.path.insert(0, str(candidate))
                importlib.invalidate_caches()
                return importlib.import_module("corridor.label_free")
    raise ImportError(
        "corridor: cannot import corridor.label_free (needed while var corridor_label_free_reference is set). "
        "pip install the corridor wheel next to dbt, add the package's python/ folder to the profile's module_paths, "
        "or set CORRIDOR_PYTHON_PATH to it."
    )


def model(dbt, session):
    dbt.config(materialized="table")
    kernels = _kernels()
    settings = dbt.ref("int_corridor__label_free_settings").df().iloc[0]
    return kernels.calibration_reliability(
        dbt.ref("int_corridor__label_free_reference").df(),
        score_bins=int(settings["score_bins"]),
        alpha=float(settings["test_alpha"]),
    )
