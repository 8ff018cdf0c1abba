"""Percentile and BCa bootstrap intervals of every production metric (DuckDB only).

Thin on purpose: SQL reduced the events to per-group histograms
(int_corridor__value_histograms); the vectorized kernel is
corridor.bootstrap.bootstrap_intervals (python/corridor/bootstrap.py, unit
tested against scipy.stats.bootstrap). The enforced contract is on the SQL
model downstream, corridor_bootstrap_intervals.
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
    "corridor's Python bootstrap (var corridor_python_bootstrap) needs numpy and scipy in the Python environment "
    "dbt runs in ({missing} is missing): `pip install numpy scipy` next to dbt-duckdb, or set "
    "corridor_python_bootstrap: false in your vars (everything else builds, and the SQL intervals remain in "
    "corridor_metric_intervals)."
)


def model(dbt, session):
    dbt.config(materialized="table")
    kernels = import_kernel("corridor.bootstrap", requires=("numpy", "scipy"), needs=NEEDS)
    settings = dbt.ref("int_corridor__interval_settings").df().iloc[0]
    asymptotic_events = int(settings["asymptotic_events"])
    # calendar windows, then the rolling windows (summed from day histograms; empty when none are configured);
    # the groups of continuous mean families above the asymptotic threshold as their moments
    histograms, key_table, moments = kernels.read_histograms_with_moments(
        dbt.ref("int_corridor__value_histograms"),
        dbt.ref("int_corridor__rolling_value_histograms"),
        asymptotic_events=asymptotic_events,
    )
    return kernels.bootstrap_intervals(
        histograms,
        key_table=key_table,
        moments=moments,
        n_resamples=int(settings["n_resamples"]),
        level=float(settings["confidence_level"]),
        seed=int(settings["seed"]),
        max_shared_events=int(settings["max_shared_events"]),
        asymptotic_events=asymptotic_events,
    )
