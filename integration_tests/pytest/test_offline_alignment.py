"""Offline estimates are aligned to exactly the windows they apply to, with
their uncertainty completed both ways at their own confidence level."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import query
from scipy.stats import norm

pytestmark = pytest.mark.dbt


@pytest.fixture(scope="module")
def offline(integration_duckdb):
    return query(
        integration_duckdb["path"],
        "select * from corridor_metric_observations where source = 'offline' order by estimate_id, window_start",
    )


def test_each_estimate_covers_the_windows_inside_its_validity(offline):
    # Production spans 2026-03-02 .. 2026-03-07 (day windows); r1 estimates are valid from 03-02
    # open-ended, r2 from 03-05, and the US accuracy estimate from 03-02 to 03-05 (exclusive).
    days = offline[offline.window_grain == "day"].groupby("estimate_id")["window_start"].agg(["min", "max", "count"])
    assert days.loc["r1-accuracy"].tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-07"), 6]
    assert days.loc["r2-auc"].tolist() == [pd.Timestamp("2026-03-05"), pd.Timestamp("2026-03-07"), 3]
    assert days.loc["r1-accuracy-US"].tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-04"), 3]
    # day estimates never leak into other grains
    assert set(offline.window_grain) == {"day"}


def test_empty_production_window_still_gets_its_offline_row(offline):
    # 2026-03-04 has no production events at all; the expectation is still there,
    # so a comparison can say "missing" instead of staying silent.
    assert (offline.window_start == pd.Timestamp("2026-03-04")).sum() > 0


def test_standard_error_from_an_interval_uses_the_estimates_own_level(offline):
    auc = offline[offline.estimate_id == "r1-auc"].iloc[0]
    z90 = norm.ppf(0.95)
    assert auc.standard_error == pytest.approx((0.82 - 0.74) / (2 * z90), rel=1e-8)
    assert (auc.interval_lower, auc.interval_upper, auc.confidence_level) == (0.74, 0.82, 0.9)


def test_interval_from_a_standard_error_uses_the_package_level_when_none_is_stated(offline):
    acc = offline[offline.estimate_id == "r1-accuracy"].iloc[0]
    z95 = norm.ppf(0.975)
    assert acc.confidence_level == 0.95
    assert acc.interval_lower == pytest.approx(0.80 - z95 * 0.015, rel=1e-8)
    assert acc.interval_upper == pytest.approx(0.80 + z95 * 0.015, rel=1e-8)


def test_segment_estimates_keep_their_segment_and_lineage(offline):
    us = offline[offline.estimate_id == "r1-accuracy-US"].iloc[0]
    assert (us.segment_dimension, us.segment_value) == ("country", "US")
    assert (us.method, us.estimator_version, us.evaluation_dataset_id) == ("backtest", "bt-1.0", "holdout-2026-02")
    assert us.input_relation.endswith('"offline_projections"')
    overall = offline[offline.estimate_id == "r1-accuracy"].iloc[0]
    assert (overall.segment_dimension, overall.segment_value) == ("all", "all")


def test_production_and_offline_rows_share_keys(integration_duckdb):
    joined = query(
        integration_duckdb["path"],
        """
        select count(*) as n
        from corridor_metric_observations as o
        inner join corridor_metric_observations as p
            on p.source = 'production' and o.source = 'offline'
            and p.model_id = o.model_id and p.model_version = o.model_version and p.metric = o.metric
            and p.segment_dimension = o.segment_dimension and p.segment_value = o.segment_value
            and p.window_grain = o.window_grain and p.window_start = o.window_start
        """,
    )
    # r1: 6 days x (accuracy, auc, latency_p95, error_rate) + 3 US days; r2: 3 days x 4
    assert joined["n"][0] == 6 * 4 + 3 + 3 * 4


def test_observation_ids_are_unique(integration_duckdb):
    df = query(
        integration_duckdb["path"],
        "select count(*) as n, count(distinct observation_id) as d from corridor_metric_observations",
    )
    assert df["n"][0] == df["d"][0]
