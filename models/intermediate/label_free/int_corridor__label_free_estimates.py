"""Label-free expected accuracy, precision, recall, F1 and AUC per window × segment (DuckDB only).

Thin on purpose: SQL counted the events (int_corridor__label_free_histograms,
int_corridor__label_free_reference); the kernel is
corridor.label_free.label_free_estimates (python/corridor/label_free.py, unit
tested). Published as source `label_free_estimate` in
corridor_metric_observations and checked in corridor_estimator_validation.
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
