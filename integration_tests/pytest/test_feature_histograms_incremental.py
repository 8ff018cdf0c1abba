"""int_corridor__feature_histograms is incremental (docs/incremental.md, docs/drift.md#performance): a daily run
recomputes the lookback's windows and, whole, every model version x feature whose reference changed; the result
equals a full refresh of the same inputs, and so do the drift tables built from it.

Two deliveries of the demo (demo_deliveries.py, the split of test_incremental.py, with the demo's reference
features as an input table); between them the reference of v2's txn_amount changes (every value x 1.05: new bin
edges, min and max), v1's does not."""

from __future__ import annotations

import shutil

import duckdb
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from demo_deliveries import CUT, SEEDS, VARS, _demo, _load
from test_incremental import _assert_same, _rows

pytestmark = pytest.mark.dbt

RUN_VARS = {**VARS, "corridor_reference_features": {"relation": "main.reference_in"}}
OLD = "window_start < '2026-10-12'"  # before the second run's lookback start (test_incremental)


def _load_reference(path, scale_v2_amount: float) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute(
            "create or replace table main.reference_in as select model_id, model_version, feature_name, "
            "case when model_version = 'v2' and feature_name = 'txn_amount' "
            f"then cast(cast(feature_value as double) * {scale_v2_amount} as varchar) "
            "else cast(feature_value as varchar) end as feature_value "
            f"from read_csv('{SEEDS}/corridor_demo_reference_features.csv', all_varchar = true)"
        )
    finally:
        con.close()


def _build(dbt, *extra):
    result = dbt("build", "--exclude", "resource_type:seed", *extra, vars=RUN_VARS, expect_ok=False)
    # the demo's rules of error severity fail their dbt tests by design; every model must build
    assert "ERROR creating" not in result.output and "Compilation Error" not in result.output, result.output[-4000:]
    return result


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    events, outcomes = _demo()
    inc = tmp_path_factory.mktemp("feature_inc")
    db = inc / "db.duckdb"
    dbt = Dbt(REPO_ROOT, inc, {"CORRIDOR_DUCKDB_PATH": str(db)})
    _load(db, events[events["loaded_at"] < CUT], outcomes[outcomes["label_arrived_at"] < CUT])
    _load_reference(db, 1.0)
    _build(dbt)
    first = query(db, f"select * from int_corridor__feature_histograms where {OLD}")
    _load(db, events, outcomes)
    _load_reference(db, 1.05)
    second = _build(dbt)
    full_dir = tmp_path_factory.mktemp("feature_full")
    full_db = full_dir / "db.duckdb"
    shutil.copy(db, full_db)
    _build(Dbt(REPO_ROOT, full_dir, {"CORRIDOR_DUCKDB_PATH": str(full_db)}), "--full-refresh")
    return {"inc": db, "full": full_db, "first": first, "second_output": second.output}


def test_second_run_is_incremental(runs):
    assert "incremental model main.int_corridor__feature_histograms" in runs["second_output"]


@pytest.mark.parametrize("model", [
    "int_corridor__feature_histograms", "corridor_feature_drift", "corridor_multivariate_drift",
    "corridor_drift_performance_ranking",
])
def test_incremental_equals_a_full_refresh(runs, model):
    a, b = _rows(runs["inc"], model), _rows(runs["full"], model)
    assert len(a) > 20
    _assert_same(a, b, model)


def test_only_the_changed_reference_is_recomputed_before_the_lookback(runs):
    def old(frame, version, feature):
        part = frame[(frame.model_version == version) & (frame.feature_name == feature)]
        return part.sort_values(list(part.columns)).reset_index(drop=True)

    second = query(runs["inc"], f"select * from int_corridor__feature_histograms where {OLD}")
    first = runs["first"]
    # unchanged references: the old windows are kept as they were
    for version, feature in [("v1", "txn_amount"), ("v2", "account_age_days"), ("v2", "payment_channel")]:
        a, b = old(first, version, feature), old(second, version, feature)
        assert len(a) > 0 and a.equals(b), (version, feature)
    # the changed one: rebinned with the new reference (new fingerprint, other counts per bin)
    a, b = old(first, "v2", "txn_amount"), old(second, "v2", "txn_amount")
    assert set(a.reference_fingerprint) != set(b.reference_fingerprint)
    assert len(set(b.reference_fingerprint)) == 1
