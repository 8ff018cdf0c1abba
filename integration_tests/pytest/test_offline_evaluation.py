"""The row-level offline evaluation input: corridor's own offline estimates and their feature reweighting (issue 16).

A hand-built backtest where every answer is known. One numeric feature f1 takes two values, 0.2 (bin "low") and
0.8 (bin "high"); the model is right on 90 % of low rows and 60 % of high rows, whatever the region.

  backtest   low:  region A 60 rows (54 right), region B 40 rows (36 right)
             high: region A 40 rows (24 right), region B 60 rows (36 right), each high-B row of weight 2
  production one day, 1000 events: 200 low (180 right), 800 high (480 right): accuracy 0.66
             region A 150 low / 50 high: 0.75 x 0.9 + 0.25 x 0.6 = 0.825
             region B 50 low / 750 high: 0.0625 x 0.9 + 0.9375 x 0.6 = 0.61875

The backtest's own accuracy is 0.715 (its weighted mix is low 100 / high 160), but on production's feature mix
(0.2 / 0.8) it promises 0.2 x 0.9 + 0.8 x 0.6 = 0.66: a rule against the feature-adjusted source passes where a rule
against the plain backtest fails. Per region, the segment's backtest rows reweighted to the segment's production mix
promise 0.825 and 0.61875, where the plain backtest of region B promises 108 / 160 = 0.675. Scores spread over
(0.05, 0.48) and (0.55, 0.97) finer than the 1,000 AUC score bins, so binning matters to AUC. Expected values are
computed here with pandas and sklearn from the rows (frequency weights: a row of weight 2 is two rows), never read
back from corridor. Planted bad rows must be quarantined with their reason codes.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from conftest import load_frames, query, upstream_of
from sklearn.metrics import roc_auc_score

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

DAY0 = pd.Timestamp("2026-10-01")
CELLS = [  # (f1, region, rows, right, weight)
    (0.2, "A", 60, 54, 1.0),
    (0.2, "B", 40, 36, 1.0),
    (0.8, "A", 40, 24, 1.0),
    (0.8, "B", 60, 36, 2.0),
]


def _rows(cells, prefix):
    out = []
    for f1, region, n, right, weight in cells:
        for k in range(n):
            predicted = 1 if k % 2 == 0 else 0
            label = predicted if k < right else 1 - predicted
            # finer than the 1,000 score bins (some scores share a bin), a little higher for positives
            score = (0.55 if predicted else 0.05) + 0.4 * ((len(out) * 37) % 401) / 401 + 0.03 * label
            out.append((f"{prefix}{len(out):05d}", f1, region, score, predicted, label, weight))
    return pd.DataFrame(out, columns=["row_id", "f1", "region", "score", "predicted_class", "label", "weight"])


def _backtest() -> pd.DataFrame:
    good = _rows(CELLS, "r")
    frame = pd.DataFrame(
        {
            "evaluation_id": "holdout-2026-09",
            "row_id": good["row_id"],
            "model_id": "scorer",
            "model_version": "v1",
            "region": good["region"],
            "f1": good["f1"],
            "predicted_score": good["score"].map(lambda v: f"{v}"),
            "label": good["label"].astype(float),
            "weight": good["weight"],
        }
    )
    bad = [
        # (row_id, model_version, score, label, weight) -> reason code
        ("bad1", "v1", "0.8", None, 1.0),  # missing_label
        ("bad2", "v1", "1.5", 1.0, 1.0),  # predicted_score_out_of_range
        ("bad3", "v1", "abc", 1.0, 1.0),  # unparseable_predicted_score
        ("bad4", "v1", "0.8", 1.0, -1.0),  # invalid_weight
        ("bad5", None, "0.8", 1.0, 1.0),  # missing_model_version
        ("bad6", "v1", "0.8", 2.0, 1.0),  # unknown_label_class
        ("r00000", "v1", "0.8", 1.0, 1.0),  # duplicate_row_id (a second copy of a good row id)
    ]
    extra = pd.DataFrame(
        [
            {
                "evaluation_id": "holdout-2026-09",
                "row_id": r,
                "model_id": "scorer",
                "model_version": v,
                "region": "A",
                "f1": 0.2,
                "predicted_score": s,
                "label": lab,
                "weight": w,
            }
            for r, v, s, lab, w in bad
        ]
    )
    return pd.concat([frame, extra], ignore_index=True)


EXPECTED_BAD = {
    "bad1": "missing_label",
    "bad2": "predicted_score_out_of_range",
    "bad3": "unparseable_predicted_score",
    "bad4": "invalid_weight",
    "bad5": "missing_model_version",
    "bad6": "unknown_label_class",
}


def _events() -> pd.DataFrame:
    prod = _rows(
        [(0.2, "A", 150, 135, 1.0), (0.8, "A", 50, 30, 1.0), (0.2, "B", 50, 45, 1.0), (0.8, "B", 750, 450, 1.0)], "e"
    )
    n = len(prod)
    prod["event_id"] = prod["row_id"]
    prod["event_at"] = [DAY0 + pd.Timedelta(seconds=int(k * 86_000 / n)) for k in range(n)]
    prod["loaded_at"] = prod["event_at"] + pd.Timedelta(seconds=30)
    prod["model_id"] = "scorer"
    prod["model_version"] = "v1"
    prod["entity_id"] = [f"c{j % 300}" for j in range(n)]
    prod["latency_ms"] = 50.0
    prod["predicted_score"] = prod["score"]
    return prod


def _rule(rule_id, expected_source, dimension="all", value="all", metric="accuracy"):
    return {
        "rule_id": rule_id,
        "metric": metric,
        "segment_dimension": dimension,
        "segment_value": value,
        "window_grain": "day",
        "comparison_kind": "absolute",
        "direction": "higher_is_better",
        "warn_tolerance": 0.02,
        "fail_tolerance": 0.05,
        "min_sample_size": 100,
        "consecutive_windows": 1,
        "owner": "scoring-team",
        "severity": "high",
        "rule_version": "1",
        "expected_source": expected_source,
    }


RULES = pd.DataFrame(
    [
        _rule("ACC_PLAIN", None),
        _rule("ACC_BACKTEST", "offline_evaluation"),
        _rule("ACC_FEATURES", "offline_feature_adjusted"),
        _rule("ACC_REGION", "offline_evaluation", "region", "*"),
        _rule("ACC_FEATURES_REGION", "offline_feature_adjusted", "region", "*"),
        _rule("AUC_BACKTEST", "offline_evaluation", metric="auc"),
    ]
)
ESTIMATES = pd.DataFrame(
    [
        {
            "estimate_id": "acc",
            "model_id": "scorer",
            "model_version": "v1",
            "metric": "accuracy",
            "expected_value": 0.75,
            "standard_error": 0.01,
        }
    ]
)


def _vars(evaluation_on: bool) -> dict:
    events = _events()
    out = {
        "corridor_production_events": {
            "relation": "main.bt_events",
            "columns": {
                c: c
                for c in [
                    "event_id",
                    "event_at",
                    "loaded_at",
                    "model_id",
                    "model_version",
                    "entity_id",
                    "latency_ms",
                    "predicted_score",
                    "predicted_class",
                ]
            },
        },
        "corridor_outcomes": {"relation": "main.bt_outcomes"},
        "corridor_offline_estimates": {"relation": "main.bt_estimates"},
        "corridor_rules": {"relation": "main.bt_rules"},
        "corridor_reference_features": {"relation": "main.bt_reference"},
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": ["region"],
        "corridor_feature_columns": ["f1"],
        "corridor_window_grains": ["day"],
        "corridor_histogram_metric_grains": ["day"],
    }
    del events
    if evaluation_on:
        out["corridor_offline_evaluation"] = {"relation": "main.bt_backtest", "columns": {"weight": "weight"}}
    return out


# what the tests read and everything upstream (docs/development.md#what-a-fixture-builds)
READ = upstream_of(
    "corridor_metric_observations",
    "corridor_quarantine",
    "corridor_validation_results",
    "int_corridor__offline_feature_weights",
    "int_corridor__input_accounting",
)


@pytest.fixture(scope="module")
def backtest_build(tmp_path_factory):
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp("offline_evaluation")
    path = work / "offline_evaluation.duckdb"
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    events = _events()
    backtest = _backtest()
    good = backtest[backtest["row_id"].str.startswith("r") & ~backtest.duplicated("row_id", keep="first")]
    frames = {
        "bt_events": events.drop(columns=["row_id", "score", "label", "weight", "f1", "region"]).assign(
            f1=events["f1"], region=events["region"]
        ),
        "bt_outcomes": pd.DataFrame(
            {
                "event_id": events["event_id"],
                "label": events["label"],
                "label_arrived_at": events["event_at"] + pd.Timedelta(minutes=5),
            }
        ),
        "bt_estimates": ESTIMATES,
        "bt_rules": RULES,
        "bt_reference": pd.DataFrame(
            {"model_id": "scorer", "model_version": "v1", "feature_name": "f1", "feature_value": good["f1"]}
        ),
        "bt_backtest": backtest,
    }
    load_frames(path, frames)
    dbt("build", "--exclude", "resource_type:seed", *READ, vars=_vars(True))
    return path


def _good_rows() -> pd.DataFrame:
    """The accepted backtest rows, each repeated by its (frequency) weight."""
    rows = _rows(CELLS, "r")
    return rows.loc[rows.index.repeat(rows["weight"].astype(int))].reset_index(drop=True)


def _metrics(rows: pd.DataFrame) -> dict:
    n = len(rows)
    right = (rows["predicted_class"] == rows["label"]).mean()
    clipped = rows["score"].clip(1e-15, 1 - 1e-15)
    ll = -(rows["label"] * np.log(clipped) + (1 - rows["label"]) * np.log(1 - clipped))
    tp = ((rows["predicted_class"] == 1) & (rows["label"] == 1)).sum()
    return {
        "accuracy": (right, math.sqrt(right * (1 - right) / n), n),
        "log_loss": (ll.mean(), ll.std(ddof=1) / math.sqrt(n), n),
        "precision": (tp / (rows["predicted_class"] == 1).sum(), None, None),
        "recall": (tp / (rows["label"] == 1).sum(), None, None),
    }


def test_offline_evaluation_source_per_segment(backtest_build):
    obs = query(
        backtest_build,
        "select metric, segment_dimension, segment_value, metric_value, standard_error, sample_size, "
        "evaluation_dataset_id from corridor_metric_observations where source = 'offline_evaluation' "
        "and window_grain = 'day'",
    ).set_index(["metric", "segment_dimension", "segment_value"])
    rows = _good_rows()
    cases = {("all", "all"): rows}
    cases.update({("region", r): rows[rows["region"] == r] for r in ("A", "B")})
    for (dimension, value), subset in cases.items():
        for metric, (want, se, n) in _metrics(subset).items():
            got = obs.loc[(metric, dimension, value)]
            assert got["metric_value"] == pytest.approx(want, abs=1e-9), (metric, dimension, value)
            if se is not None:
                assert got["standard_error"] == pytest.approx(se, rel=1e-6), (metric, dimension, value)
                assert got["sample_size"] == n
    # by hand: overall accuracy (54 + 36 + 24 + 2 x 36) / (60 + 40 + 40 + 2 x 60) = 186 / 260
    assert obs.loc[("accuracy", "all", "all"), "metric_value"] == pytest.approx(186 / 260, abs=1e-12)
    assert set(obs["evaluation_dataset_id"]) == {"holdout-2026-09"}


def test_feature_adjusted_source_known_answer(backtest_build):
    obs = query(
        backtest_build,
        "select metric_value, standard_error, sample_size from corridor_metric_observations "
        "where source = 'offline_feature_adjusted' and metric = 'accuracy' and window_grain = 'day' "
        "and segment_dimension = 'all'",
    )
    assert len(obs) == 1
    row = obs.iloc[0]
    # production's feature mix is low 0.2 / high 0.8: 0.2 x 0.9 + 0.8 x 0.6
    assert row["metric_value"] == pytest.approx(0.66, abs=1e-12)
    rows = _good_rows()
    low = rows["f1"] < 0.5
    w = np.where(low, 0.2 / low.mean(), 0.8 / (~low).mean())  # importance weights p_c / q_c
    y = (rows["predicted_class"] == rows["label"]).astype(float).to_numpy()
    r = (w * y).sum() / w.sum()
    se = math.sqrt((w**2 * (y - r) ** 2).sum()) / w.sum()
    assert r == pytest.approx(0.66, abs=1e-12)
    assert row["standard_error"] == pytest.approx(se, rel=1e-9)
    assert row["sample_size"] == round(w.sum() ** 2 / (w**2).sum())
    weights = query(
        backtest_build,
        "select cell_key, weight, production_share, offline_share, is_capped, uncovered_share "
        "from int_corridor__offline_feature_weights where window_grain = 'day' and segment_dimension = 'all'",
    ).set_index("cell_key")
    assert weights.loc["f1=1", "weight"] == pytest.approx(0.2 / (100 / 260), rel=1e-12)
    assert weights.loc["f1=2", "weight"] == pytest.approx(0.8 / (160 / 260), rel=1e-12)
    assert not weights["is_capped"].any() and (weights["uncovered_share"] == 0).all()


def _score_bins(scores: pd.Series) -> np.ndarray:
    """Production's AUC score bins (round(score x 1000), half away from zero), independently of corridor."""
    return np.floor(scores.to_numpy() * 1000 + 0.5)


def _segments(rows: pd.DataFrame) -> dict:
    cases = {("all", "all"): rows}
    cases.update({("region", r): rows[rows["region"] == r] for r in ("A", "B")})
    return cases


def test_offline_auc_and_calibration_from_backtest_rows(backtest_build):
    """AUC (Mann-Whitney over the 1,000 score bins, Hanley-McNeil error) and ECE per segment, weights honoured:
    against sklearn's roc_auc_score on the same rows binned the same way with the weights as sample weights."""
    obs = query(
        backtest_build,
        "select metric, segment_dimension, segment_value, metric_value, standard_error, sample_size, method, "
        "interval_method, interval_lower, interval_upper from corridor_metric_observations "
        "where source = 'offline_evaluation' and window_grain = 'day' "
        "and metric in ('auc', 'expected_calibration_error')",
    ).set_index(["metric", "segment_dimension", "segment_value"])
    assert len(obs) == 2 * 3
    unbinned = {}
    for (dimension, value), rows in _segments(_rows(CELLS, "r")).items():
        y, w, s = rows["label"].to_numpy(), rows["weight"].to_numpy(), rows["score"].to_numpy()
        auc = roc_auc_score(y, _score_bins(rows["score"]), sample_weight=w)
        # a weight is a frequency: the rows repeated by their weight give the same AUC
        repeated = rows.loc[rows.index.repeat(rows["weight"].astype(int))]
        assert roc_auc_score(repeated["label"], _score_bins(repeated["score"])) == pytest.approx(auc, abs=1e-12)
        unbinned[(dimension, value)] = abs(roc_auc_score(y, s, sample_weight=w) - auc)
        n1, n0 = w[y == 1].sum(), w[y == 0].sum()
        q1, q2 = auc / (2 - auc), 2 * auc**2 / (1 + auc)
        se = math.sqrt((auc * (1 - auc) + (n1 - 1) * (q1 - auc**2) + (n0 - 1) * (q2 - auc**2)) / (n1 * n0))
        got = obs.loc[("auc", dimension, value)]
        assert got["metric_value"] == pytest.approx(auc, abs=1e-9), (dimension, value)
        assert got["standard_error"] == pytest.approx(se, rel=1e-9), (dimension, value)
        assert got["sample_size"] == round(n1 + n0)
        assert (got["method"], got["interval_method"]) == ("mann_whitney", "normal_hanley_mcneil")
        assert got["interval_lower"] == pytest.approx(auc - 1.959963984540054 * se, abs=1e-9)
        bins = np.minimum(np.floor(s * 10), 9)
        gaps = pd.DataFrame({"b": bins, "ws": w * s, "wy": w * y}).groupby("b").sum()
        ece = (gaps["ws"] - gaps["wy"]).abs().sum() / w.sum()
        got = obs.loc[("expected_calibration_error", dimension, value)]
        assert got["metric_value"] == pytest.approx(ece, abs=1e-9), (dimension, value)
        assert got["sample_size"] == round(w.sum())
    # binning matters: unbinned scores give another AUC overall and in region A (a score bin holds a positive and a
    # negative), so the check tells the definitions apart
    assert unbinned[("all", "all")] > 1e-5 and unbinned[("region", "A")] > 1e-5


def _reweighted_accuracy(rows: pd.DataFrame, low_share: float) -> tuple[float, float, int]:
    """Rows (repeated by weight) reweighted to a production share of the low bin: value, sandwich error, Kish n."""
    low = (rows["f1"] < 0.5).to_numpy()
    w = np.where(low, low_share / low.mean(), (1 - low_share) / (~low).mean())
    y = (rows["predicted_class"] == rows["label"]).astype(float).to_numpy()
    r = (w * y).sum() / w.sum()
    return r, math.sqrt((w**2 * (y - r) ** 2).sum()) / w.sum(), round(w.sum() ** 2 / (w**2).sum())


def test_feature_adjusted_source_per_segment(backtest_build):
    """Each region's backtest rows reweighted to that region's production feature mix (known answers)."""
    obs = query(
        backtest_build,
        "select segment_dimension, segment_value, metric_value, standard_error, sample_size "
        "from corridor_metric_observations where source = 'offline_feature_adjusted' and metric = 'accuracy' "
        "and window_grain = 'day'",
    ).set_index(["segment_dimension", "segment_value"])
    assert len(obs) == 3
    rows = _good_rows()
    # production's low share: all 200 / 1000, region A 150 / 200, region B 50 / 800
    cases = {("all", "all"): (0.2, 0.66), ("region", "A"): (0.75, 0.825), ("region", "B"): (0.0625, 0.61875)}
    for (dimension, value), (low_share, promise) in cases.items():
        subset = rows if dimension == "all" else rows[rows["region"] == value]
        r, se, n = _reweighted_accuracy(subset, low_share)
        assert r == pytest.approx(promise, abs=1e-12)
        got = obs.loc[(dimension, value)]
        assert got["metric_value"] == pytest.approx(promise, abs=1e-9), (dimension, value)
        assert got["standard_error"] == pytest.approx(se, rel=1e-9), (dimension, value)
        assert got["sample_size"] == n
    weights = query(
        backtest_build,
        "select segment_value, cell_key, weight, effective_sample_size from int_corridor__offline_feature_weights "
        "where window_grain = 'day' and segment_dimension = 'region'",
    ).set_index(["segment_value", "cell_key"])
    # p_c / q_c: region A backtest 60 low / 40 high, region B 40 low / 120 high (weight 2)
    expected = {
        ("A", "f1=1"): 0.75 / 0.6,
        ("A", "f1=2"): 0.25 / 0.4,
        ("B", "f1=1"): 0.0625 / 0.25,
        ("B", "f1=2"): 0.9375 / 0.75,
    }
    for key, weight in expected.items():
        assert weights.loc[key, "weight"] == pytest.approx(weight, rel=1e-12), key


def test_rules_read_the_backtest_sources(backtest_build):
    results = query(
        backtest_build,
        "select rule_id, segment_value, status, expected_source, expected_value from corridor_validation_results "
        "where window_grain = 'day'",
    )
    by_rule = results.set_index(["rule_id", "segment_value"])
    # production 0.66 against the backtest's 186/260 = 0.715: worse by 0.055, beyond the fail tolerance
    assert by_rule.loc[("ACC_BACKTEST", "all"), "status"] == "fail"
    assert by_rule.loc[("ACC_BACKTEST", "all"), "expected_source"] == "offline_evaluation"
    # against the feature-adjusted promise (0.66) production is on target
    assert by_rule.loc[("ACC_FEATURES", "all"), "status"] == "pass"
    assert by_rule.loc[("ACC_FEATURES", "all"), "expected_source"] == "offline_feature_adjusted"
    assert by_rule.loc[("ACC_REGION", "A"), "expected_value"] == pytest.approx(78 / 100, abs=1e-12)
    # region B: production 0.61875 against its backtest's 108 / 160 = 0.675 fails; reweighted to region B's
    # production mix the backtest promises 0.61875, and region A's 0.825, which production delivers in both
    assert by_rule.loc[("ACC_REGION", "B"), "status"] == "fail"
    for region, promise in [("A", 0.825), ("B", 0.61875)]:
        assert by_rule.loc[("ACC_FEATURES_REGION", region), "status"] == "pass"
        assert by_rule.loc[("ACC_FEATURES_REGION", region), "expected_value"] == pytest.approx(promise, abs=1e-12)
    rows = _rows(CELLS, "r")
    auc = roc_auc_score(rows["label"], _score_bins(rows["score"]), sample_weight=rows["weight"])
    assert by_rule.loc[("AUC_BACKTEST", "all"), "expected_value"] == pytest.approx(auc, abs=1e-9)
    assert by_rule.loc[("AUC_BACKTEST", "all"), "expected_source"] == "offline_evaluation"


def test_bad_rows_quarantined_and_accounted(backtest_build):
    quarantine = query(
        backtest_build,
        "select raw_values, reason_codes from corridor_quarantine where input_name = 'offline_evaluation'",
    )
    codes = {}
    for row in quarantine.itertuples():
        row_id = next(k for k in [*EXPECTED_BAD, "r00000"] if f'"{k}"' in row.raw_values)
        codes[row_id] = row.reason_codes
    assert codes == {**EXPECTED_BAD, "r00000": "duplicate_row_id"}
    accounting = query(
        backtest_build, "select * from int_corridor__input_accounting where input_name = 'offline_evaluation'"
    ).iloc[0]
    assert accounting["rows_read"] == 200 + 7
    assert accounting["rows_accepted"] == 200 and accounting["rows_quarantined"] == 7
    assert bool(accounting["is_balanced"])


def test_input_off_leaves_the_other_sources_unchanged(backtest_build, tmp_path_factory):
    """The same project without the input: every observation of the other sources is identical."""
    from conftest import Dbt
    from corridor.dbt_runner import REPO_ROOT

    work = tmp_path_factory.mktemp("offline_evaluation_off")
    path = work / "offline_evaluation.duckdb"  # backtest_build's file name: the batch below starts from its parse
    con_tables = ["bt_events", "bt_outcomes", "bt_estimates", "bt_reference"]
    frames = {t: query(backtest_build, f"select * from {t}") for t in con_tables}
    frames["bt_rules"] = RULES[RULES["expected_source"].isna()]
    load_frames(path, frames)
    # a case of conftest.Dbt.batch on backtest_build's parse (its vars, shared): no full parse for the input off,
    # which is read where the models render (the staging model is then an empty relation; no node config reads it)
    case = {"args": ["build", "--exclude", "resource_type:seed", *READ], "vars": _vars(False)}
    (off_build,) = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)}).batch([case], base_vars=_vars(True))
    assert off_build.ok, off_build.output[-6000:]
    sql = (
        "select * exclude (observation_id) from corridor_metric_observations "
        "where source in ('production', 'offline', 'offline_mix_adjusted') order by all"
    )
    on, off = query(backtest_build, sql), query(path, sql)
    pd.testing.assert_frame_equal(on, off)
    assert len(query(path, "select * from corridor_quarantine where input_name = 'offline_evaluation'")) == 0


# importance weights p_c / q_c of the low / high f1 cell per segment (see the module docstring)
CELL_WEIGHTS = {
    ("all", "all"): (0.2 / (100 / 260), 0.8 / (160 / 260)),
    ("region", "A"): (0.75 / 0.6, 0.25 / 0.4),
    ("region", "B"): (0.0625 / 0.25, 0.9375 / 0.75),
}


def _pairwise_auc(y: np.ndarray, b: np.ndarray, w: np.ndarray) -> float:
    """By the definition: every (positive, negative) pair weighted w_i w_j, 1 if the positive's bin is higher,
    one half if equal."""
    pos, neg = y == 1, y == 0
    higher = np.sign(b[pos][:, None] - b[neg][None, :])
    pair_w = w[pos][:, None] * w[neg][None, :]
    return float((pair_w * (higher > 0) + 0.5 * pair_w * (higher == 0)).sum() / pair_w.sum())


def test_feature_adjusted_auc_and_calibration(backtest_build):
    """AUC and ECE of the backtest reweighted to production's feature mix: each row weighted by its cell's
    importance weight (times its frequency weight), against sklearn's roc_auc_score with those sample weights on the
    binned scores and the pair-by-pair definition; Hanley-McNeil's error on the Kish effective counts per class."""
    obs = query(
        backtest_build,
        "select metric, segment_dimension, segment_value, metric_value, standard_error, sample_size, method, "
        "interval_method, interval_lower, interval_upper from corridor_metric_observations "
        "where source = 'offline_feature_adjusted' and window_grain = 'day' "
        "and metric in ('auc', 'expected_calibration_error')",
    ).set_index(["metric", "segment_dimension", "segment_value"])
    assert len(obs) == 2 * 3
    plain = query(
        backtest_build,
        "select segment_dimension, segment_value, metric_value from corridor_metric_observations "
        "where source = 'offline_evaluation' and window_grain = 'day' and metric = 'auc'",
    ).set_index(["segment_dimension", "segment_value"])["metric_value"]
    for (dimension, value), rows in _segments(_rows(CELLS, "r")).items():
        low_w, high_w = CELL_WEIGHTS[(dimension, value)]
        cell_w = np.where(rows["f1"].to_numpy() < 0.5, low_w, high_w)
        freq = rows["weight"].to_numpy()
        w = cell_w * freq
        y, s, b = rows["label"].to_numpy(), rows["score"].to_numpy(), _score_bins(rows["score"])
        auc = roc_auc_score(y, b, sample_weight=w)
        assert _pairwise_auc(y, b, w) == pytest.approx(auc, abs=1e-12)
        # effective counts: a row of frequency weight k is k rows of weight w_c
        n1 = w[y == 1].sum() ** 2 / (cell_w**2 * freq)[y == 1].sum()
        n0 = w[y == 0].sum() ** 2 / (cell_w**2 * freq)[y == 0].sum()
        q1, q2 = auc / (2 - auc), 2 * auc**2 / (1 + auc)
        se = math.sqrt((auc * (1 - auc) + (n1 - 1) * (q1 - auc**2) + (n0 - 1) * (q2 - auc**2)) / (n1 * n0))
        kish = round(w.sum() ** 2 / (cell_w**2 * freq).sum())
        got = obs.loc[("auc", dimension, value)]
        assert got["metric_value"] == pytest.approx(auc, abs=1e-9), (dimension, value)
        assert got["standard_error"] == pytest.approx(se, rel=1e-9), (dimension, value)
        assert got["sample_size"] == kish
        assert (got["method"], got["interval_method"]) == ("mann_whitney", "normal_hanley_mcneil")
        assert got["interval_lower"] == pytest.approx(auc - 1.959963984540054 * se, abs=1e-9)
        # reweighting moves the promise: the plain backtest's AUC is another number
        assert abs(plain.loc[(dimension, value)] - auc) > 1e-4, (dimension, value)
        bins = np.minimum(np.floor(s * 10), 9)
        gaps = pd.DataFrame({"b": bins, "ws": w * s, "wy": w * y}).groupby("b").sum()
        ece = (gaps["ws"] - gaps["wy"]).abs().sum() / w.sum()
        got = obs.loc[("expected_calibration_error", dimension, value)]
        assert got["metric_value"] == pytest.approx(ece, abs=1e-9), (dimension, value)
        assert got["sample_size"] == kish
