"""The label-free estimate's SQL path (var corridor_label_free_method sql, docs/label-free.md#engines) against its
Python path on one DuckDB build: the SQL models (and the marts reading them) are built on a copy of a file the Python
path built, so both sit on the same inputs. Shared by test_label_free_estimate_demo.py and test_label_free_rolling.py.

Point estimates, PSI and shift p-values agree to a relative 1e-9 (absolute 1e-15 for p-values that small), sizes,
flags, shift reasons and the calibration check (its exact binomial p-values against scipy's binomtest) exactly; the
intervals differ by design (analytic against simulated) and are compared by their widths."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from engine_compare import assert_numbers_agree

SQL_MODELS = [
    "int_corridor__label_free_isotonic_fit_sql",
    "int_corridor__label_free_calibration_map_sql",
    "int_corridor__label_free_reference_deciles_sql",
    "int_corridor__label_free_shift_sql",
    "int_corridor__label_free_cells_sql",
    "int_corridor__label_free_estimates_sql",
    "int_corridor__label_free_reliability_sql",
]
GROUP_KEYS = ["model_id", "model_version", "window_grain", "segment_dimension", "segment_value", "window_start"]


def build_sql_path(path: Path, vars: dict, workdir: Path, marts: tuple[str, ...] = ()) -> Path:
    """A copy of the DuckDB file at `path` with the SQL path's models (and `marts`, which then read it) built on it
    with `vars` and corridor_label_free_method sql; returns the copy's path."""
    workdir.mkdir(parents=True, exist_ok=True)
    copy = workdir / Path(path).name
    shutil.copyfile(path, copy)
    dbt = Dbt(REPO_ROOT, workdir, {"CORRIDOR_DUCKDB_PATH": str(copy)})
    dbt("run", "--select", *SQL_MODELS, *marts, vars={**vars, "corridor_label_free_method": "sql"})
    return copy


def compare_paths(path: Path) -> dict:
    """Assert the SQL path equals the Python path in `path` (both built); returns the median ratio of interval
    widths (SQL / Python) per metric."""
    keys = [*GROUP_KEYS, "metric"]
    python = query(path, "select * from int_corridor__label_free_estimates")
    sql = query(path, "select * from int_corridor__label_free_estimates_sql")
    assert list(sql.columns) == list(python.columns)
    both = python.merge(sql, on=keys, how="outer", suffixes=("_py", "_sql"), indicator=True)
    assert (both["_merge"] == "both").all() and len(both) == len(python) > 0
    for column in ["metric_value", "score_psi", "shift_p_value", "confidence_level"]:
        assert_numbers_agree(both[f"{column}_py"], both[f"{column}_sql"], column, rtol=1e-9, atol=1e-15)
    for column in ["sample_size", "reference_size", "is_shifted"]:
        assert (both[f"{column}_py"] == both[f"{column}_sql"]).all(), column
    assert (both["shift_reason_py"].fillna("-") == both["shift_reason_sql"].fillna("-")).all()
    python = query(path, "select * from int_corridor__label_free_reliability")
    sql = query(path, "select * from int_corridor__label_free_reliability_sql")
    assert list(sql.columns) == list(python.columns)
    checks = python.merge(sql, on=["model_id", "model_version", "reliability_bin"], suffixes=("_py", "_sql"))
    assert len(checks) == len(python) == len(sql) > 0
    for column in ["heldout_events", "heldout_positives", "mean_score", "expected_rate", "observed_rate", "z_statistic",
                   "p_value"]:  # fmt: skip
        assert_numbers_agree(checks[f"{column}_py"], checks[f"{column}_sql"], column, rtol=1e-9, atol=1e-15)
    assert (checks["holds_py"] == checks["holds_sql"]).all()
    width = (both["interval_upper_sql"] - both["interval_lower_sql"]) / (
        both["interval_upper_py"] - both["interval_lower_py"]
    )
    width = pd.to_numeric(width, errors="coerce").replace([np.inf, -np.inf], np.nan)
    return width.groupby(both["metric"]).median().to_dict()
