"""The Python bootstrap in batches (corridor.bootstrap_reuse.intervals with batch_rows): the groups computed
batch by batch equal, bit for bit, those computed in one go (every path of the kernel: shared weights, direct
Poisson draws, quantiles, asymptotic groups, moments, AUC; null segment keys), on a full build and on the
changed groups of an incremental one; no batch reads more rows into Python than the budget unless it is one
group larger than the budget; and the temporary table is dropped afterwards."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from corridor import bootstrap as bs
from corridor import bootstrap_reuse as reuse

RNG = np.random.default_rng(20261203)
SETTINGS = dict(n_resamples=200, level=0.9, seed=11, max_shared_events=400, asymptotic_events=900)
#: the budget of the batched runs: far below the rows (about 12,000), above most groups' rows
BUDGET = 700


def _group(window: str, dimension: str | None, segment: str | None, family: str, data, score_bins=None):
    h = bs.histograms_from_samples({"x": data}, family, score_bins=score_bins)
    h["segment_value"] = segment
    h.insert(0, "model_id", "m")
    h.insert(1, "model_version", "v1")
    h.insert(2, "window_grain", "day")
    h.insert(3, "window_start", pd.Timestamp(window))
    h.insert(4, "segment_dimension", dimension)
    return h[reuse.HISTOGRAM_COLUMNS]


def _histograms() -> pd.DataFrame:
    """About 30 groups over two windows (and the overall group, with null segment keys) of every family path:
    latency (mean and quantiles; above asymptotic_events: the asymptotic form), 0/1 errors, log loss (above
    asymptotic_events: moments), squared errors, scores (AUC); one latency group of 2,600 events with more
    histogram rows than the budget."""
    frames = []
    for window in ("2026-10-01", "2026-10-02"):
        for i, n in enumerate([15, 60, 300, 450, 1200, 2600, 0]):
            dimension, segment = ("region", f"r{i}") if n else (None, None)
            n = n or 800
            if n == 2600 and window == "2026-10-02":
                n = 500
            latency = np.round(RNG.lognormal(4.5, 0.6, n), 1 if n == 2600 else 0)
            frames.append(_group(window, dimension, segment, "latency", latency))
            frames.append(_group(window, dimension, segment, "error", (RNG.random(n) < 0.1).astype(float)))
            frames.append(_group(window, dimension, segment, "log_loss", RNG.exponential(0.4, n)))
            frames.append(_group(window, dimension, segment, "squared_error", np.round(RNG.normal(0, 3, n) ** 2, 1)))
            scores = np.round(RNG.beta(2, 5, n), 2)
            labels = (RNG.random(n) < 0.2 + 0.6 * scores).astype(int)
            frames.append(_group(window, dimension, segment, "score", (scores, labels), 100))
    return pd.concat(frames, ignore_index=True)


@pytest.fixture()
def con(tmp_path):
    # a database file, as dbt's: no stored view may read a registered frame (the incremental path's changed groups)
    con = duckdb.connect(str(tmp_path / "batches.duckdb"))
    con.register("histogram_frame", _histograms())
    con.execute("create table histograms as select * from histogram_frame")
    con.unregister("histogram_frame")
    yield con
    con.close()


@pytest.fixture()
def reads(monkeypatch):
    """The (groups, rows) each call of the kernel read into Python: histogram rows plus rows of moments."""
    seen = []
    real = reuse.bootstrap_intervals

    def recording(rows, *, key_table, moments, **settings):
        seen.append((len(key_table), len(rows) + (0 if moments is None else len(moments))))
        return real(rows, key_table=key_table, moments=moments, **settings)

    monkeypatch.setattr(reuse, "bootstrap_intervals", recording)
    return seen


def _tables(con) -> list[str]:
    return sorted(r[0] for r in con.sql("select table_name from duckdb_tables() where not internal").fetchall())


def test_batches_fill_up_to_the_budget_in_key_order_and_a_larger_group_is_alone():
    costs = np.array([3, 4, 2, 10, 1, 1, 5, 6, 6])
    assert reuse.batches(costs, 6).tolist() == [0, 1, 1, 2, 3, 3, 4, 5, 6]
    assert reuse.batches(costs, 1).tolist() == list(range(9))
    assert reuse.batches(costs, 1000).tolist() == [0] * 9
    assert reuse.batches(costs[:0], 6).size == 0
    with pytest.raises(ValueError, match="positive integer"):
        reuse.batches(costs, 0)


def test_group_costs_are_the_rows_the_kernel_reads(con):
    relation = con.table("histograms")
    groups = reuse.group_costs(relation, SETTINGS["asymptotic_events"])
    costs = groups["cost"].to_numpy()
    rows, key_table, moments = bs.read_histograms_with_moments(
        relation, asymptotic_events=SETTINGS["asymptotic_events"]
    )
    assert len(moments) > 0 and len(costs) == len(key_table) == 14
    pd.testing.assert_frame_equal(groups[bs.GROUP_KEYS], key_table)  # in key order
    read = np.bincount(rows["group_code"], minlength=len(key_table)) + np.bincount(
        moments["group_code"], minlength=len(key_table)
    )
    assert costs.tolist() == read.tolist()
    assert costs.max() > BUDGET  # the 2,600-event latency group: a batch of its own
    assert costs.sum() > 5 * BUDGET


def test_batched_intervals_equal_one_batch_bit_for_bit_and_respect_the_budget(con, reads):
    relation = con.table("histograms")
    whole = reuse.intervals(relation, SETTINGS)
    assert reads == [(14, reuse.group_costs(relation, SETTINGS["asymptotic_events"])["cost"].sum())]
    assert {"latency_p99", "latency_mean", "error_rate", "log_loss", "rmse", "auc"} <= set(whole["metric"])
    assert whole["segment_value"].isna().any() and len(whole) == 14 * 16  # 8 metrics x 2 methods per group
    reads.clear()
    batched = reuse.intervals(relation, SETTINGS, session=con, batch_rows=BUDGET)
    pd.testing.assert_frame_equal(batched, whole, check_exact=True)
    assert len(reads) >= 6 and sum(groups for groups, _ in reads) == 14
    assert all(rows <= BUDGET or groups == 1 for groups, rows in reads), reads
    assert any(rows > BUDGET and groups == 1 for groups, rows in reads), reads
    assert _tables(con) == ["histograms"]  # the temporary tables are gone
    # one group per batch, and a budget that holds everything (no temporary table)
    pd.testing.assert_frame_equal(
        reuse.intervals(relation, SETTINGS, session=con, batch_rows=1), whole, check_exact=True
    )
    reads.clear()
    pd.testing.assert_frame_equal(
        reuse.intervals(relation, SETTINGS, session=con, batch_rows=10**9), whole, check_exact=True
    )
    assert len(reads) == 1


def test_the_changed_groups_of_an_incremental_run_batch_too(con, reads):
    relation = con.table("histograms")
    whole = reuse.intervals(relation, SETTINGS)
    groups = con.sql("select distinct * exclude (family, value, label, n_events) from histograms").df()
    changed = groups[(groups["window_start"] == pd.Timestamp("2026-10-02")) | groups["segment_value"].isna()]
    part = reuse.only_groups(con, relation, changed, "changed_groups")
    reads.clear()
    batched = reuse.intervals(part, SETTINGS, session=con, batch_rows=BUDGET)
    expected = whole.merge(changed, on=bs.GROUP_KEYS).reset_index(drop=True)
    assert len(expected) == 8 * 16
    pd.testing.assert_frame_equal(batched, expected, check_exact=True)
    assert len(reads) >= 3 and all(rows <= BUDGET or groups == 1 for groups, rows in reads), reads


def test_empty_histograms_give_the_empty_frame(con):
    empty = con.sql("select * from histograms where false")
    pd.testing.assert_frame_equal(
        reuse.intervals(empty, SETTINGS, session=con, batch_rows=BUDGET), reuse.intervals(empty, SETTINGS)
    )


def test_batches_draw_their_shared_weights_once_per_size(con, monkeypatch):
    """The batches of one build keep one SharedWeights (bootstrap_intervals' shared_weights): a batch whose shared
    positions (min(largest group, max_shared_events)) equal the previous batch's reuses its Poisson weights instead
    of redrawing them; the intervals are the same bit for bit (test above)."""
    relation = con.table("histograms")
    drawn, asked = [], []
    real_init, real_get = bs.SharedWeights.__init__, bs._shared_weights

    def counting_init(self, n_resamples, n_positions, seed):
        drawn.append(n_positions)
        real_init(self, n_resamples, n_positions, seed)

    def recording_get(n_resamples, n_positions, seed, cache):
        asked.append(n_positions)
        return real_get(n_resamples, n_positions, seed, cache)

    monkeypatch.setattr(bs.SharedWeights, "__init__", counting_init)
    monkeypatch.setattr(bs, "_shared_weights", recording_get)
    batched = reuse.intervals(relation, SETTINGS, session=con, batch_rows=BUDGET)
    # one draw per run of equal sizes in batch order, fewer than the batches that asked
    runs = 1 + sum(a != b for a, b in zip(asked, asked[1:], strict=False))
    assert drawn == [a for i, a in enumerate(asked) if i == 0 or asked[i - 1] != a] and len(drawn) == runs
    assert len(drawn) < len(asked)
    monkeypatch.undo()
    pd.testing.assert_frame_equal(batched, reuse.intervals(relation, SETTINGS), check_exact=True)
