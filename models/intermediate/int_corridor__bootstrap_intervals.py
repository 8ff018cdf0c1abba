"""Percentile and BCa bootstrap intervals of every production metric (DuckDB only).

Thin on purpose: SQL reduced the events to per-group histograms
(int_corridor__value_histograms); the vectorized kernel is
corridor.bootstrap.bootstrap_intervals (python/corridor/bootstrap.py, unit
tested against scipy.stats.bootstrap). The enforced contract is on the SQL
model downstream, corridor_bootstrap_intervals.
"""

import importlib
import importlib.util
import os
import sys
from pathlib import Path


NEEDS = (
    "corridor's Python bootstrap (var corridor_python_bootstrap) needs numpy and scipy in the Python environment "
    "dbt runs in ({missing} is missing): `pip install numpy scipy` next to dbt-duckdb, or set "
    "corridor_python_bootstrap: false in your vars (everything else builds, and the SQL intervals remain in "
    "corridor_metric_intervals)."
)


def _require_numerics():
    """Fail with a message naming the fix, not `No module named 'numpy'` deep in a traceback."""
    for name in ("numpy", "scipy"):
        if importlib.util.find_spec(name) is None:
            raise ImportError(NEEDS.format(missing=name))


def _import_kernels():
    """corridor's kernels: an installed/importable `corridor` package (profile
    module_paths, PYTHONPATH, pip install), else the python/ folder shipped with
    the dbt package (dbt_packages/corridor/python or this repository's python/)."""
    _require_numerics()
    try:
        return importlib.import_module("corridor.bootstrap")
    except ModuleNotFoundError as exc:
        if exc.name not in ("corridor", "corridor.bootstrap"):
            raise
    candidates = []
    if os.environ.get("CORRIDOR_PYTHON_PATH"):
        candidates.append(Path(os.environ["CORRIDOR_PYTHON_PATH"]))
    roots = [Path.cwd(), *Path.cwd().parents]
    if os.environ.get("DBT_PROJECT_DIR"):
        roots.insert(0, Path(os.environ["DBT_PROJECT_DIR"]))
    for root in roots:
        candidates += [root / "dbt_packages" / "corridor" / "python", root / "python"]
    for candidate in candidates:
        if (candidate / "corridor" / "bootstrap.py").exists():
            sys.path.insert(0, str(candidate))
            importlib.invalidate_caches()
            return importlib.import_module("corridor.bootstrap")
    raise ImportError(
        "corridor: cannot import the bootstrap kernels (corridor.bootstrap). Add the package's python/ folder to "
        "the profile's module_paths (e.g. module_paths: ['dbt_packages/corridor/python']), or set "
        "CORRIDOR_PYTHON_PATH to it."
    )


def model(dbt, session):
    dbt.config(materialized="table")
    kernels = _import_kernels()
    settings = dbt.ref("int_corridor__interval_settings").df().iloc[0]
    # calendar windows, then the rolling windows (summed from day histograms; empty when none are configured)
    histograms, key_table = kernels.read_histograms(
        dbt.ref("int_corridor__value_histograms"), dbt.ref("int_corridor__rolling_value_histograms")
    )
    return kernels.bootstrap_intervals(
        histograms,
        key_table=key_table,
        n_resamples=int(settings["n_resamples"]),
        level=float(settings["confidence_level"]),
        seed=int(settings["seed"]),
        max_shared_events=int(settings["max_shared_events"]),
        asymptotic_events=int(settings["asymptotic_events"]),
    )
