"""Drift and performance together in the demo (docs/drift.md#drift-and-performance-together): the latam
performance alerts name txn_amount (the planted cents drift that causes the drop) first in their drift diagnostic,
above the harmless iOS payment-channel drift and the clean feature; across windows, txn_amount's drift co-moves
most with the latam-driven deviation of the accuracy metrics over regions, and the clean feature ranks last."""

from __future__ import annotations

import re

import pytest
from conftest import query

pytestmark = pytest.mark.dbt

LINE = re.compile(r"([a-z_]+) ([0-9.e+-]+) \(([0-9.e+-]+|n/a)\)")


@pytest.fixture(scope="module")
def alerts(demo_build):
    return query(demo_build["path"], "select * from corridor_alerts")


def _ranked(diagnostic: str) -> list[str]:
    return [m.group(1) for m in LINE.finditer(diagnostic.split(": ", 1)[1])]


def test_latam_alerts_rank_the_planted_cause_first(alerts):
    latam = alerts[(alerts.segment_value == "latam") & (alerts.comparison_kind != "drift")]
    assert len(latam) >= 2  # R005 brier_score and R013 log_loss on v2
    for _, alert in latam.iterrows():
        ranked = _ranked(alert.drift_diagnostic)
        assert ranked[0] == "txn_amount", alert.drift_diagnostic
        assert ranked.index("payment_channel") > 0
        assert ranked[-1] == "account_age_days", alert.drift_diagnostic  # clean: no more drift than before the alert
        assert alert.drift_diagnostic in alert.summary


def test_drift_alerts_carry_no_drift_ranking(alerts):
    drift = alerts[alerts.comparison_kind == "drift"]
    assert len(drift) and drift.drift_diagnostic.isna().all()


def test_co_movement_ranks_the_cause_first_and_the_clean_feature_last(demo_build):
    ranking = query(
        demo_build["path"],
        """
        select metric, feature_name, feature_rank, spearman_correlation, pearson_correlation, co_movement_p_value
        from corridor_drift_performance_ranking
        where window_grain = 'day' and segment_dimension = 'region'
    """,
    )
    for metric in ("log_loss", "brier_score", "accuracy"):
        rows = ranking[ranking.metric == metric].set_index("feature_name")
        assert rows.loc["txn_amount", "feature_rank"] == 1, rows
        assert rows.loc["account_age_days", "feature_rank"] == 3, rows
        assert rows.loc["txn_amount", "co_movement_p_value"] < 0.01
        assert rows.loc["account_age_days", "co_movement_p_value"] > 0.1
        assert rows.loc["txn_amount", "pearson_correlation"] > 0.5
    ranks = ranking.groupby("metric").feature_rank.apply(sorted)
    assert all(r == list(range(1, len(r) + 1)) for r in ranks)
