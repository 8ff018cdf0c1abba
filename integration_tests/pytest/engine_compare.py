"""Row-for-row comparison of a table built on two engines (DuckDB, the reference, against PostgreSQL or Spark):
the rows are matched on their key columns; numbers agree to a relative 1e-9, everything else (statuses, q-values
rounded the same way, alerts, names, timestamps) exactly. Shared by test_postgres.py and test_spark.py."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

# Public tables and their keys, with the columns that differ between any two builds by design: the engine's name
# of an input relation, and freshness (measured against the clock).
PUBLIC_TABLES = {
    "corridor_metric_observations": (
        [
            "source",
            "model_id",
            "model_version",
            "metric",
            "segment_dimension",
            "segment_value",
            "window_grain",
            "window_start",
        ],
        ["input_relation"],
    ),
    "corridor_validation_results": (
        [
            "rule_id",
            "rule_version",
            "model_id",
            "model_version",
            "segment_dimension",
            "segment_value",
            "window_grain",
            "window_start",
        ],
        [],
    ),
    "corridor_alerts": (["alert_id"], []),
    "corridor_quality_gates": (None, ["input_relation", "diagnostic"]),
    "corridor_quarantine": (None, ["input_relation"]),
    "corridor_rule_issues": (None, []),
}

# The offline evaluation input (docs/offline-evaluation.md) on the integration project: its backtest seed and the
# reference features its feature-adjusted estimate needs (seeds backtest_predictions, reference_baskets). The engine
# tests build OFFLINE_EVALUATION_SELECT with these vars on both engines and compare OFFLINE_EVALUATION_TABLES.
OFFLINE_EVALUATION_VARS = {
    "corridor_offline_evaluation": {
        "ref": "backtest_predictions",
        "columns": {
            "row_id": "eval_key",
            "model_id": "model_name",
            "model_version": "model_release",
            "predicted_score": "risk_score",
            "label": "fraud_label",
            "weight": "row_weight",
        },
    },
    "corridor_reference_features": {
        "ref": "reference_baskets",
        "columns": {
            "model_id": "model_name",
            "model_version": "model_release",
            "feature_name": "feature",
            "feature_value": "value",
        },
    },
}
OFFLINE_EVALUATION_SELECT = [
    "--select",
    "stg_corridor__reference_features+,+int_corridor__feature_reference_bins",
    "stg_corridor__offline_evaluation+,+corridor_metric_observations",
    "stg_corridor__offline_evaluation+,+corridor_quarantine",
    "--exclude",
    "test_type:singular",
]
# The label-free estimate (docs/label-free.md) on the integration project: its first five days as the labelled
# reference. Off DuckDB it is the SQL path (var corridor_label_free_method sql); the engine tests build
# LABEL_FREE_SELECT with these vars on both engines (DuckDB with the method sql) and compare LABEL_FREE_TABLES.
LABEL_FREE_VARS = {"corridor_label_free_reference": {"start": "2026-03-02", "end": "2026-03-07"}}
LABEL_FREE_SELECT = [
    "--select",
    "int_corridor__label_free_histograms",
    "int_corridor__label_free_reference",
    "int_corridor__label_free_settings",
    "int_corridor__label_free_reference+,+corridor_estimator_validation",
    "int_corridor__label_free_reference+,+corridor_label_free_calibration",
    "int_corridor__label_free_reference+,+corridor_metric_observations",
    "--exclude",
    "test_type:singular",
]
LABEL_FREE_TABLES = {
    "int_corridor__label_free_estimates_sql": [
        "model_id", "model_version", "window_grain", "segment_dimension", "segment_value", "window_start", "metric",
    ],
    "int_corridor__label_free_reliability_sql": ["model_id", "model_version", "reliability_bin"],
    "corridor_estimator_validation": [
        "model_id", "model_version", "window_grain", "segment_dimension", "segment_value", "window_start", "metric",
    ],
    "corridor_label_free_calibration": ["model_id", "model_version", "reliability_bin"],
}  # fmt: skip
# the offline models' tables, keyed (none: matched on every non-numeric column), and the public outputs they feed
OFFLINE_EVALUATION_TABLES = {
    "int_corridor__offline_evaluation_metrics": None,
    "int_corridor__offline_feature_cells": None,
    "int_corridor__offline_feature_weights": None,
    "int_corridor__offline_feature_histograms": None,
    "int_corridor__offline_feature_histogram_metrics": None,
    "int_corridor__offline_feature_adjusted": None,
    "corridor_metric_observations": PUBLIC_TABLES["corridor_metric_observations"][0],
    "corridor_quarantine": None,
}


def _is_time(series: pd.Series, name: str) -> bool:
    return pd.api.types.is_datetime64_any_dtype(series) or name.endswith(("_start", "_end", "_at", "_from", "_to"))


def _normalized(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if _is_time(out[column], column):
            out[column] = pd.to_datetime(out[column], errors="coerce", utc=False)
            if getattr(out[column].dt, "tz", None) is not None:
                out[column] = out[column].dt.tz_localize(None)
            out[column] = out[column].astype("datetime64[us]")
    return out


def assert_numbers_agree(a: pd.Series, b: pd.Series, label: str, rtol: float = 1e-9, atol: float = 1e-12) -> None:
    x = pd.to_numeric(a, errors="coerce").to_numpy(dtype=float)
    y = pd.to_numeric(b, errors="coerce").to_numpy(dtype=float)
    assert (np.isnan(x) == np.isnan(y)).all(), f"{label}: nulls differ"
    ok = ~np.isnan(x)
    np.testing.assert_allclose(y[ok], x[ok], rtol=rtol, atol=atol, err_msg=label)


def assert_tables_agree(
    reference: pd.DataFrame,
    other: pd.DataFrame,
    table: str,
    keys: list[str] | None = None,
    ignore: list[str] | tuple[str, ...] = (),
    rtol: float = 1e-9,
    atol: float = 1e-12,
) -> None:
    """Every row of `reference` has one equal row in `other` and the reverse. Without keys, rows are matched by
    sorting on every non-numeric column (tables whose rows have no natural key)."""
    reference, other = _normalized(reference), _normalized(other)
    columns = [c for c in reference.columns if c not in ignore]
    missing = sorted(set(columns) - set(other.columns))
    assert not missing, f"{table}: columns missing on the other engine: {missing}"
    assert len(reference) == len(other), f"{table}: {len(reference)} rows on the reference, {len(other)} on the other"
    numeric = [
        c
        for c in columns
        if pd.api.types.is_numeric_dtype(reference[c]) and not pd.api.types.is_bool_dtype(reference[c])
    ]
    exact = [c for c in columns if c not in numeric]
    if keys is None:
        order = exact + numeric
        left = reference.sort_values(order, na_position="first", kind="mergesort").reset_index(drop=True)
        right = other[columns].sort_values(order, na_position="first", kind="mergesort").reset_index(drop=True)
    else:
        both = reference[columns].merge(other[columns], on=keys, how="outer", suffixes=("", "__other"), indicator=True)
        unmatched = both[both["_merge"] != "both"]
        assert unmatched.empty, f"{table}: rows on one engine only:\n{unmatched[keys].head(10)}"
        left = both[columns]
        right = both[[c if c in keys else f"{c}__other" for c in columns]].set_axis(columns, axis=1)
    for column in numeric:
        assert_numbers_agree(left[column], right[column], f"{table}.{column}", rtol=rtol, atol=atol)
    for column in exact:
        if column in (keys or []):
            continue
        a = left[column].astype(object).where(left[column].notna(), "<null>").astype(str)
        b = right[column].astype(object).where(right[column].notna(), "<null>").astype(str)
        differing = (a != b).to_numpy()
        assert not differing.any(), (
            f"{table}.{column}: {differing.sum()} rows differ,"
            f" e.g. {a[differing].iloc[0]!r} vs {b[differing].iloc[0]!r}"
        )


def warned_tests(output: str) -> set[str]:
    """The nodes a dbt build reported as WARN."""
    lines = re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines()
    return {m.group(1) for line in lines if (m := re.search(r"\d+ of \d+ WARN \d+ (\S+)", line))}
