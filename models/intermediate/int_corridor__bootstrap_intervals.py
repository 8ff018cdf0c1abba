"""Percentile and BCa bootstrap intervals of every production metric (DuckDB only).

Thin on purpose: SQL reduced the events to per-group histograms
(int_corridor__value_histograms); the vectorized kernel is
corridor.bootstrap.bootstrap_intervals (python/corridor/bootstrap.py, unit
tested against scipy.stats.bootstrap). The enforced contract is on the SQL
model downstream, corridor_bootstrap_intervals.

Incremental: a group's intervals depend only on its histogram rows and the
settings, so a run recomputes only the groups whose histogram fingerprint is
not stored (new or changed: the lookback's windows on a daily run) and
replaces their rows (delete+insert on the group keys); a stored group without
histogram rows any more is removed (corridor.bootstrap_reuse). A full refresh
recomputes every group. A daily run fingerprints only the calendar windows the
value histograms recomputed, and every rolling window, when their older rows
are provably those the stored groups came from (int_corridor__bootstrap_scope,
corridor.bootstrap_scope); only those groups can then be new, changed or
vanished. The groups are computed in batches of at most
corridor_bootstrap_batch_rows histogram rows (the same results), so Python's
memory is bounded by the batch, not by the events.
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
    dbt.config(
        materialized="incremental",
        incremental_strategy="delete+insert",
        unique_key=["model_id", "model_version", "window_grain", "window_start", "segment_dimension", "segment_value"],
        on_schema_change="append_new_columns",
    )
    reuse = import_kernel("corridor.bootstrap_reuse", requires=("numpy", "scipy"), needs=NEEDS)
    settings = dbt.ref("int_corridor__interval_settings").df().iloc[0]
    run = dict(
        n_resamples=int(settings["n_resamples"]),
        level=float(settings["confidence_level"]),
        seed=int(settings["seed"]),
        max_shared_events=int(settings["max_shared_events"]),
        asymptotic_events=int(settings["asymptotic_events"]),
    )
    salt = reuse.settings_salt(run)
    # on a daily run, only the calendar windows the value histograms recomputed (and every rolling window) are
    # fingerprinted, when the older ones are provably those the stored groups were fingerprinted from and with
    # these settings (int_corridor__bootstrap_scope); else every group
    scope = reuse.read_scope(dbt.ref("int_corridor__bootstrap_scope").df()) if dbt.is_incremental else None
    if scope is not None and not reuse.stored_salt_matches(session, repr(dbt.this), salt):
        scope = None
    # calendar windows, then the rolling windows (summed from day histograms; empty when none are configured)
    histograms = reuse.combined_histograms(
        reuse.scoped_histograms(dbt.ref("int_corridor__value_histograms"), scope),
        dbt.ref("int_corridor__rolling_value_histograms"),
    )
    fingerprints = reuse.group_fingerprints(histograms, salt)
    vanished = fingerprints.iloc[:0]
    if dbt.is_incremental:
        stored = reuse.stored_fingerprints(session, repr(dbt.this), scope)
        fingerprints, vanished = reuse.plan(fingerprints, stored, scope)
        histograms = reuse.only_groups(session, histograms, fingerprints, "corridor_bootstrap_changed_groups")
    # the groups of continuous mean families above the asymptotic threshold arrive as their moments
    # in batches of at most batch_rows rows (not a setting of the kernel: the results are the same, bit for bit)
    result = reuse.intervals(histograms, run, session=session, batch_rows=int(settings["batch_rows"]))
    return reuse.with_fingerprints(result, fingerprints, vanished)
