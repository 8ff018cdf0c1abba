"""The label-free estimate calibrated on offline evaluation data (issue 17, docs/label-free.md#turning-it-on):
`corridor_label_free_reference: offline_evaluation` fits the calibration on the accepted backtest rows of the
offline evaluation input instead of a period of production. Known answer: when the backtest rows are the very
events of a reference period (row_id = event_id, so each row falls in its event's half), the reference, the
estimates and the calibration check equal those of the period build, value for value; a row of weight w counts w
times; a quarantined backtest row is not read; and the setting without the input is refused at compile time."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from test_label_free_rolling import REFERENCE_DAYS, START, _events, project_vars, write_tables

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

SELECT = ["+int_corridor__label_free_estimates", "+int_corridor__label_free_reliability"]
KEYS = ["model_id", "model_version", "segment_dimension", "segment_value", "score_bin", "half"]


def _backtest(events: pd.DataFrame) -> pd.DataFrame:
    """The reference period's scored, error-free events as backtest rows (every one labelled), plus one row
    that must be quarantined (no label) and must not reach the reference."""
    ref = events[(events["day"] < REFERENCE_DAYS) & ~events["is_error"]]
    rows = ref[["event_id", "model_id", "model_version", "region", "predicted_score", "predicted_class", "label"]]
    rows = rows.rename(columns={"event_id": "row_id"}).assign(weight=1.0)
    bad = rows.iloc[[0]].assign(row_id="no-label", label=np.nan)
    return pd.concat([rows, bad], ignore_index=True)


def _build(work, events, reference, backtest=None):
    path = work / "corridor.duckdb"
    outcomes = write_tables(path, events, {"lf_backtest": backtest} if backtest is not None else None)
    vars = project_vars(events, outcomes, reference)
    if backtest is not None:
        columns = {column: column for column in backtest.columns if column != "region"}
        vars["corridor_offline_evaluation"] = {"relation": "main.lf_backtest", "columns": columns}
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("build", "--select", *SELECT, "--exclude", "resource_type:seed", "test_type:singular", vars=vars)
    return {"path": path, "dbt": dbt, "vars": vars}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    events = _events()
    end = START + pd.Timedelta(days=REFERENCE_DAYS)
    period = _build(tmp_path_factory.mktemp("lf_period"), events, {"start": str(START.date()), "end": str(end.date())})
    backtest = _backtest(events)
    offline = _build(tmp_path_factory.mktemp("lf_offline"), events, "offline_evaluation", backtest)
    return {"period": period, "offline": offline, "events": events, "backtest": backtest}


def _table(build, name, keys):
    return query(build["path"], f"select * from {name}").sort_values(keys).reset_index(drop=True)


def test_backtest_reference_equals_the_period_reference(builds):
    period = _table(builds["period"], "int_corridor__label_free_reference", KEYS)
    offline = _table(builds["offline"], "int_corridor__label_free_reference", KEYS)
    assert len(period) > 300
    pd.testing.assert_frame_equal(period, offline)
    # the quarantined row (no label) is not read: every accepted row once, on overall traffic
    overall = offline[offline.segment_dimension == "all"]
    assert overall.n_events.sum() == len(builds["backtest"]) - 1


def test_estimates_and_calibration_check_equal_the_period_build(builds):
    keys = ["model_id", "model_version", "window_grain", "window_start", "segment_dimension", "segment_value", "metric"]
    period = _table(builds["period"], "int_corridor__label_free_estimates", keys)
    offline = _table(builds["offline"], "int_corridor__label_free_estimates", keys)
    assert len(period) > 100 and period.metric.nunique() == 5
    pd.testing.assert_frame_equal(period, offline, check_exact=False, rtol=1e-12, atol=1e-12)
    check = list(query(builds["period"]["path"], "select * from int_corridor__label_free_reliability").columns)
    sort = [c for c in check if c in ("model_id", "model_version", "decile", "metric")]
    pd.testing.assert_frame_equal(
        _table(builds["period"], "int_corridor__label_free_reliability", sort),
        _table(builds["offline"], "int_corridor__label_free_reliability", sort),
        check_exact=False,
        rtol=1e-12,
        atol=1e-12,
    )


def test_weights_count_and_the_setting_needs_the_input(builds, tmp_path):
    offline = builds["offline"]
    con = duckdb.connect(str(offline["path"]))
    con.execute(
        "update lf_backtest set weight = 3 where row_id = (select min(row_id) from lf_backtest where label = 1)"
    )
    con.close()
    offline["dbt"]("build", "--select", *SELECT, "--exclude", "resource_type:seed", "test_type:singular",
                   vars=offline["vars"])  # fmt: skip
    reference = query(
        offline["path"], "select * from int_corridor__label_free_reference where segment_dimension = 'all'"
    )
    assert reference.n_events.sum() == len(builds["backtest"]) - 1 + 2
    assert reference.n_positive.sum() == builds["backtest"].label.sum() + 2
    # offline_evaluation as the reference without the backtest input: refused, naming both vars
    vars = dict(offline["vars"], corridor_offline_evaluation=None)
    result = offline["dbt"]("compile", "--select", "int_corridor__label_free_reference", vars=vars, expect_ok=False)
    assert "corridor_label_free_reference" in result.output and "corridor_offline_evaluation" in result.output
