"""Reuse of stored bootstrap intervals (corridor.bootstrap_reuse): a group's intervals computed with only the
changed groups equal, bit for bit, those of a build of every group (every path of the kernel: shared weights,
direct Poisson draws, moments, AUC); fingerprints move with a group's rows and with the settings, and nothing
else; the plan recomputes exactly the new and changed groups and removes the vanished ones."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from corridor import bootstrap as bs
from corridor import bootstrap_reuse as reuse

RNG = np.random.default_rng(20261203)
SETTINGS = dict(n_resamples=300, level=0.95, seed=7, max_shared_events=400, asymptotic_events=900)


def _group_frame(segment: str, family: str, data, score_bins=None) -> pd.DataFrame:
    h = bs.histograms_from_samples({segment: data}, family, score_bins=score_bins)
    h.insert(0, "model_id", "m")
    h.insert(1, "model_version", "v1")
    h.insert(2, "window_grain", "day")
    h.insert(3, "window_start", pd.Timestamp("2026-10-01"))
    h.insert(4, "segment_dimension", "region")
    return h[reuse.HISTOGRAM_COLUMNS]


def _histograms() -> pd.DataFrame:
    """Groups that take every path: small (shared weights), above max_shared_events (direct Poisson draws),
    a log-loss group above asymptotic_events (moments), scores (AUC), and 0/1 families."""
    frames = []
    for i, n in enumerate([35, 250, 1500]):
        seg = f"s{i}"
        frames.append(_group_frame(seg, "latency", np.round(RNG.lognormal(4.5, 0.6, n), 1)))
        frames.append(_group_frame(seg, "error", (RNG.random(n) < 0.1).astype(float)))
        frames.append(_group_frame(seg, "log_loss", RNG.exponential(0.4, n)))
        scores = np.round(RNG.beta(2, 5, n), 3)
        frames.append(_group_frame(seg, "score", (scores, (RNG.random(n) < 0.2 + 0.6 * scores).astype(int)), 1000))
    return pd.concat(frames, ignore_index=True)


def _intervals(con, relation) -> pd.DataFrame:
    rows, keys, moments = bs.read_histograms_with_moments(relation, asymptotic_events=SETTINGS["asymptotic_events"])
    result = bs.bootstrap_intervals(rows, key_table=keys, moments=moments, **SETTINGS)
    return result.sort_values([*bs.GROUP_KEYS, "metric", "interval_method"]).reset_index(drop=True)


@pytest.fixture()
def con():
    con = duckdb.connect()
    con.register("histogram_frame", _histograms())
    con.execute("create table histograms as select * from histogram_frame")
    yield con
    con.close()


def test_only_the_changed_groups_recomputed_equal_a_build_of_every_group(con):
    every = _intervals(con, con.table("histograms"))
    assert set(every["metric"]) >= {"latency_p95", "error_rate", "log_loss", "auc"}
    for kept in (["s0"], ["s2"], ["s0", "s2"], ["s1"]):
        groups = pd.DataFrame({"segment_value": kept}).merge(
            con.sql("select distinct * exclude (family, value, label, n_events) from histograms").df()
        )
        part = _intervals(con, reuse.only_groups(con, con.table("histograms"), groups, "changed_groups"))
        expected = every[every["segment_value"].isin(kept)].reset_index(drop=True)
        pd.testing.assert_frame_equal(part, expected, check_exact=True)


def test_the_changed_groups_rows_are_read_within_their_window_starts_and_no_other():
    """only_groups bounds the read by the groups' window starts (for row-group skipping): every row of the chosen
    groups, of several window starts, and none of another group at a start inside the bounds."""
    con = duckdb.connect()
    rows = _histograms()
    frames = [rows.assign(window_start=pd.Timestamp("2026-10-01") + pd.Timedelta(days=d)) for d in range(5)]
    con.register("frames", pd.concat(frames, ignore_index=True))
    con.execute("create table histograms as select * from frames order by window_start")
    groups = con.sql(
        "select distinct * exclude (family, value, label, n_events) from histograms "
        "where (segment_value = 's0' and window_start = '2026-10-02') "
        "or (segment_value = 's2' and window_start = '2026-10-04')"
    ).df()
    assert len(groups) == 2
    got = reuse.only_groups(con, con.table("histograms"), groups, "changed_groups").df()
    expected = con.sql(
        "select * from histograms where (segment_value = 's0' and window_start = '2026-10-02') "
        "or (segment_value = 's2' and window_start = '2026-10-04')"
    ).df()
    order = list(expected.columns)
    pd.testing.assert_frame_equal(
        got.sort_values(order).reset_index(drop=True), expected.sort_values(order).reset_index(drop=True)
    )
    assert reuse.only_groups(con, con.table("histograms"), groups.iloc[:0], "no_groups").df().empty


def test_fingerprints_move_with_a_groups_rows_and_the_settings_only(con):
    before = reuse.group_fingerprints(con.table("histograms"), "salt").set_index("segment_value")
    assert before[reuse.FINGERPRINT].is_unique and len(before) == 3
    again = reuse.group_fingerprints(con.table("histograms"), "salt").set_index("segment_value")
    assert before[reuse.FINGERPRINT].equals(again[reuse.FINGERPRINT].loc[before.index])
    # one more event at one latency value of s1: s1 changes, s0 and s2 do not
    con.execute(
        "update histograms set n_events = n_events + 1 where segment_value = 's1' and family = 'latency' "
        "and value = (select min(value) from histograms where segment_value = 's1' and family = 'latency')"
    )
    after = reuse.group_fingerprints(con.table("histograms"), "salt").set_index("segment_value")
    changed = [s for s in before.index if before.at[s, reuse.FINGERPRINT] != after.at[s, reuse.FINGERPRINT]]
    assert changed == ["s1"]
    other = reuse.group_fingerprints(con.table("histograms"), "n_resamples=301").set_index("segment_value")
    assert (other[reuse.FINGERPRINT] != after[reuse.FINGERPRINT].loc[other.index]).all()


def test_the_plan_recomputes_new_and_changed_groups_and_removes_vanished_ones():
    keys = {k: ["m"] * 4 for k in ("model_id",)} | {
        "model_version": ["v1"] * 4,
        "window_grain": ["day"] * 4,
        "window_start": [pd.Timestamp("2026-10-01")] * 4,
        "segment_dimension": ["region"] * 4,
    }
    stored = pd.DataFrame(keys | {"segment_value": ["a", "b", "c", "d"], reuse.FINGERPRINT: ["1", "2", "3", "4"]})
    current = pd.DataFrame(keys | {"segment_value": ["a", "b", "c", "e"], reuse.FINGERPRINT: ["1", "9", "3", "5"]})
    changed, vanished = reuse.plan(current, stored)
    assert list(changed["segment_value"]) == ["b", "e"] and list(changed[reuse.FINGERPRINT]) == ["9", "5"]
    assert list(vanished["segment_value"]) == ["d"]
    # nothing stored (a table from before the fingerprints): every group is recomputed, none removed
    changed, vanished = reuse.plan(current, stored.iloc[:0])
    assert len(changed) == 4 and vanished.empty


def _groups(grains, starts, segments, prints) -> pd.DataFrame:
    n = len(grains)
    return pd.DataFrame(
        {
            "model_id": ["m"] * n,
            "model_version": ["v1"] * n,
            "window_grain": grains,
            "window_start": pd.to_datetime(starts),
            "segment_dimension": ["region"] * n,
            "segment_value": segments,
            reuse.FINGERPRINT: prints,
        }
    )


SCOPE = reuse.Scope(pd.Timestamp("2026-10-12"), ("hour", "day", "week", "month"))


def test_the_scoped_plan_never_removes_a_group_outside_its_scope():
    # stored: two calendar groups before the scope's start (kept: not fingerprinted this run), two after it and a
    # rolling window (whatever its start: rolling windows are always in the scope)
    stored = _groups(
        ["day", "week", "day", "day", "rolling_7d"],
        ["2026-10-01", "2026-10-05", "2026-10-12", "2026-10-13", "2026-10-01"],
        ["a", "b", "c", "d", "r"],
        ["1", "2", "3", "4", "5"],
    )
    # this run's fingerprints of the groups in the scope: c unchanged, d gone, e new, the rolling window changed
    current = _groups(
        ["day", "day", "rolling_7d"], ["2026-10-12", "2026-10-14", "2026-10-01"], ["c", "e", "r"], ["3", "6", "7"]
    )
    changed, vanished = reuse.plan(current, stored, SCOPE)
    assert list(changed["segment_value"]) == ["e", "r"]
    assert list(vanished["segment_value"]) == ["d"]  # not a nor b: outside the scope, their rows were not read
    # unscoped, the same fingerprints would take a and b for vanished (why the scope must be passed)
    assert list(reuse.plan(current, stored)[1]["segment_value"]) == ["a", "b", "d"]


def test_the_scoped_plan_equals_the_unscoped_one_inside_its_scope():
    # every group's fingerprint, read whole, and read in the scope: the same changed and vanished groups, when the
    # groups outside the scope are the stored ones (what int_corridor__bootstrap_scope establishes)
    stored = _groups(
        ["day", "day", "week", "day", "week", "rolling_7d", "rolling_7d"],
        ["2026-10-01", "2026-10-12", "2026-10-12", "2026-10-13", "2026-10-05", "2026-10-02", "2026-10-03"],
        ["a", "b", "c", "d", "e", "r", "s"],
        ["1", "2", "3", "4", "5", "6", "7"],
    )
    everything = _groups(
        ["day", "day", "week", "day", "week", "rolling_7d"],
        ["2026-10-01", "2026-10-12", "2026-10-12", "2026-10-15", "2026-10-05", "2026-10-02"],
        ["a", "b", "c", "f", "e", "r"],
        ["1", "2", "9", "8", "5", "6"],
    )
    inside = everything[SCOPE.contains(everything)]
    assert set(everything["segment_value"]) - set(inside["segment_value"]) == {"a", "e"}
    whole, scoped = reuse.plan(everything, stored), reuse.plan(inside, stored, SCOPE)
    pd.testing.assert_frame_equal(whole[0], scoped[0])
    pd.testing.assert_frame_equal(whole[1], scoped[1])
    assert list(scoped[0]["segment_value"]) == ["c", "f"] and list(scoped[1]["segment_value"]) == ["d", "s"]
    # passing every group with the scope changes nothing: the plan itself compares only inside it
    pd.testing.assert_frame_equal(reuse.plan(everything, stored, SCOPE)[1], scoped[1])


def test_the_scope_reads_the_histograms_and_stored_groups_inside_it(con):
    con.execute(
        "create table stored as select *, 'x' as metric, 'f|salt' as histogram_fingerprint from ("
        "select 'm' as model_id, 'v1' as model_version, 'day' as window_grain, "
        "cast('2026-10-11' as timestamp) as window_start, 'region' as segment_dimension, 'a' as segment_value "
        "union all select 'm', 'v1', 'day', cast('2026-10-12' as timestamp), 'region', 'b' "
        "union all select 'm', 'v1', 'rolling_7d', cast('2026-10-01' as timestamp), 'region', 'r')"
    )
    read = reuse.stored_fingerprints(con, "stored", SCOPE)
    assert sorted(read["segment_value"]) == ["b", "r"] and len(reuse.stored_fingerprints(con, "stored")) == 3
    assert reuse.stored_salt_matches(con, "stored", "salt") and not reuse.stored_salt_matches(con, "stored", "other")
    # the histograms' rows from the scope's start (all of them start on 2026-10-01 here)
    assert len(reuse.scoped_histograms(con.table("histograms"), SCOPE).df()) == 0
    every = con.sql("select count(*) from histograms").fetchall()[0][0]
    assert len(reuse.scoped_histograms(con.table("histograms"), None).df()) == every > 0
    frame = pd.DataFrame(
        {"fingerprint_since": [pd.Timestamp("2026-10-12")], "calendar_grains": ["hour,day,week,month"]}
    )
    assert reuse.read_scope(frame) == SCOPE
    assert reuse.read_scope(frame.assign(fingerprint_since=pd.NaT)) is None and reuse.read_scope(frame.iloc[:0]) is None


def test_rows_carry_their_groups_fingerprint_and_vanished_groups_a_tombstone(con):
    prints = reuse.group_fingerprints(con.table("histograms"), "salt")
    result = _intervals(con, con.table("histograms"))
    vanished = prints[bs.GROUP_KEYS].iloc[:1].assign(segment_value="gone")
    out = reuse.with_fingerprints(result, prints, vanished)
    assert len(out) == len(result) + 1
    body, tomb = out.iloc[:-1], out.iloc[-1]
    assert body[reuse.FINGERPRINT].notna().all()
    assert (body.groupby("segment_value")[reuse.FINGERPRINT].nunique() == 1).all()
    assert tomb["segment_value"] == "gone" and pd.isna(tomb["metric"]) and pd.isna(tomb["interval_lower"])
    assert str(out["sample_size"].dtype) == "Int64"  # integers stay integers beside the tombstone's nulls
    # nothing changed: an empty frame with the keys' types (the delete+insert joins on them)
    empty = reuse.with_fingerprints(result.iloc[:0], prints.iloc[:0], vanished.iloc[:0])
    assert empty.empty and not pd.api.types.is_numeric_dtype(empty["model_id"])
