"""Reuse of stored bootstrap intervals between builds: recompute only the groups whose histograms changed.

A group's bootstrap intervals depend only on its own histogram rows and the kernel's settings (the shared
Poisson weights are read position by position from one seeded matrix, large groups draw from generators
seeded by their own counts, the asymptotic draws from the seed alone: ``corridor.bootstrap``). So a group
whose histogram rows and settings are what they were at the last build has the intervals stored then, bit
for bit, and only new or changed groups need the kernel. On a daily incremental run that is the lookback's
windows (``int_corridor__value_histograms`` rewrites only those), a few percent of the groups.

Each group's rows carry ``histogram_fingerprint``: an order-free hash of its histogram rows (the sum of one
64-bit hash per (family, value, label, n_events, power sums) row, exact in DuckDB's HUGEINT) and the settings and kernel
version (``salt``). The fingerprints are computed in SQL (one aggregate over the histogram rows, no transfer
to Python); only the groups whose fingerprint is not stored are read into the kernel. A stored group that no
longer has histogram rows gets a tombstone row (its keys, ``metric`` null) that replaces its rows under the
model's delete+insert on the group keys and is then removed by the model's post-hook, so a group that
vanished (data removed or quarantined inside the lookback) loses its intervals as on a full build.

A daily run need not even fingerprint every group (``Scope``): when the value histograms' rows before the
earliest window they recomputed are the rows the stored groups were fingerprinted from (and with the same
settings), only the calendar groups from that window on and the rolling windows can be new, changed or vanished;
``plan`` with the scope compares those only and never takes a stored group outside it for vanished.

For the same reason the groups can be computed in batches (``intervals`` with ``batch_rows``): the groups, in
key order, are cut into runs of at most ``batch_rows`` rows read into Python (a group larger than that is a
batch of its own), the histogram rows are materialized once with their batch (and their group's number, not
its keys) in a DuckDB temporary table (which DuckDB spills to disk when it must), and the kernel runs batch
by batch; the concatenated output equals that of one batch bit for bit. Python's memory is bounded by the
batch, not by the events.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from corridor import __version__

# combined_histograms and HISTOGRAM_COLUMNS are the kernel's (the rows it reads), used here by the model
from corridor.bootstrap import (  # noqa: F401
    GROUP_KEYS,
    HISTOGRAM_COLUMNS,
    MOMENT_COLUMNS,
    MOMENT_FAMILIES,
    bootstrap_intervals,
    check_families,
    combined_histograms,
    family_code_sql,
    read_coded,
    read_histograms_with_moments,
)

FINGERPRINT = "histogram_fingerprint"


def settings_salt(settings: dict) -> str:
    """What, besides a group's histogram rows, its intervals depend on: corridor's version and the kernel's
    settings (``bootstrap_intervals``' keyword arguments), as text for ``group_fingerprints``."""
    return f"corridor {__version__}; " + "; ".join(f"{k}={v!r}" for k, v in sorted(settings.items()))


#: the batches' temporary tables (``intervals``); the budget is the setting corridor_bootstrap_batch_rows
BATCH_TABLE = "corridor_bootstrap_batches"


def intervals(histograms, settings: dict, session=None, batch_rows: int | None = None) -> pd.DataFrame:
    """``bootstrap_intervals`` of the groups of ``histograms`` (a relation of ``HISTOGRAM_COLUMNS``), read with
    ``read_histograms_with_moments`` (the large continuous mean groups as their moments).

    With ``batch_rows`` (and ``session``, the DuckDB connection of ``histograms``): at most that many rows are
    read into Python at a time (``batches``); the result is the same, bit for bit."""
    if batch_rows is None:
        return _intervals(histograms, settings)
    groups = group_costs(histograms, settings["asymptotic_events"])
    batch = batches(groups["cost"].to_numpy(np.int64), batch_rows)
    if batch.size == 0 or batch[-1] == 0:  # one batch: no temporary table
        return _intervals(histograms, settings)
    keys = ", ".join(GROUP_KEYS)
    same = " and ".join(f"h.{k} is not distinct from g.{k}" for k in GROUP_KEYS)
    plan_view, group_table = f"{BATCH_TABLE}_plan", f"{BATCH_TABLE}_groups"
    session.register(plan_view, pd.DataFrame({"group_index": np.arange(batch.size), "batch": batch}))
    try:
        # through the relation: it may read a registered frame (the incremental path's changed groups), which no
        # stored view can. The groups, numbered in key order, with their batch; then the histogram rows in one
        # pass, with their group's number instead of its six keys, ordered by batch, so that DuckDB's zone maps
        # skip the other batches' rows
        rows = combined_histograms(histograms)
        check_families(rows)
        # each group's number in its batch (group_code: its row in the batch's key table, as read_coded expects)
        rows.query(
            "h",
            f"create or replace temporary table {group_table} as select g.*, p.batch, "
            f"g.group_index - min(g.group_index) over (partition by p.batch) as group_code from "
            f"(select {keys}, row_number() over (order by {keys}) - 1 as group_index from "
            f"(select distinct {keys} from h)) as g inner join {plan_view} as p using (group_index)",
        )
        rows.query(
            "h",
            f"create or replace temporary table {BATCH_TABLE} as select g.batch, g.group_code, "
            f"{family_code_sql('h.family')} as family_code, h.family, h.value, h.label, h.n_events, "
            f"{', '.join('h.' + c for c in MOMENT_COLUMNS)} "
            f"from h inner join {group_table} as g on {same} order by g.batch",
        )
        # the batches share their Poisson weights (drawn once: the same for every batch of one build)
        shared: dict = {}
        parts = [_batch_intervals(session, group_table, i, settings, shared) for i in range(int(batch[-1]) + 1)]
    finally:
        session.execute(f"drop table if exists {BATCH_TABLE}")
        session.execute(f"drop table if exists {group_table}")
        session.unregister(plan_view)
    # a batch whose key column is all null reads it with another type (e.g. object, not string): the types of
    # every group's keys read at once, as one batch reads them
    types = {k: groups[k].dtype for k in GROUP_KEYS}
    return pd.concat([part.astype(types) for part in parts], ignore_index=True)


def _intervals(histograms, settings: dict, shared_weights: dict | None = None) -> pd.DataFrame:
    rows, key_table, moments = read_histograms_with_moments(histograms, asymptotic_events=settings["asymptotic_events"])
    return bootstrap_intervals(rows, key_table=key_table, moments=moments, shared_weights=shared_weights, **settings)


def _batch_intervals(session, group_table: str, batch: int, settings: dict, shared_weights: dict) -> pd.DataFrame:
    """``bootstrap_intervals`` of the groups of batch ``batch`` of the temporary tables ``intervals`` writes: the
    rows arrive numbered by group and family (no join on the group keys per batch)."""
    keys = ", ".join(GROUP_KEYS)
    key_table = session.sql(f"select {keys} from {group_table} where batch = {batch} order by group_index").df()
    coded = (
        f"with coded as (select group_code, family_code, family, value, label, n_events, {', '.join(MOMENT_COLUMNS)} "
        f"from {BATCH_TABLE} "
        f"where batch = {batch})"
    )
    rows, moments = read_coded(session.sql, coded, settings["asymptotic_events"])
    return bootstrap_intervals(rows, key_table=key_table, moments=moments, shared_weights=shared_weights, **settings)


def group_costs(histograms, asymptotic_events: int) -> pd.DataFrame:
    """The groups of ``histograms`` (a relation of ``HISTOGRAM_COLUMNS``), in key order: ``GROUP_KEYS`` and
    ``cost``, the rows ``read_histograms_with_moments`` reads for the group (its histogram rows, except one
    row of moments for each of its families of ``MOMENT_FAMILIES`` above ``asymptotic_events`` events, all
    finite). One aggregate in SQL."""
    keys = ", ".join(GROUP_KEYS)
    summarized = ", ".join(f"'{name}'" for name in MOMENT_FAMILIES)
    per_family = (
        f"select {keys}, family, count(*) as n_rows, "
        f"sum(case when n_events > 0 and value is not null then n_events else 0 end) as events, "
        f"bool_and(value is null or isfinite(value)) as finite from h group by {keys}, family"
    )
    cost = (
        f"sum(case when family in ({summarized}) and events > {int(asymptotic_events)} and finite then 1 "
        f"else n_rows end)"
    )
    return histograms.query(
        "h", f"select {keys}, cast({cost} as bigint) as cost from ({per_family}) group by {keys} order by {keys}"
    ).df()


def batches(costs: np.ndarray, batch_rows: int) -> np.ndarray:
    """The batch of each group (``costs``: its rows, in key order): consecutive groups fill a batch up to
    ``batch_rows`` rows; a group that would overflow it starts the next one (a group larger than ``batch_rows``
    is a batch of its own). Batches are numbered from 0 in key order."""
    if batch_rows < 1:
        raise ValueError(f"batch_rows must be a positive integer, not {batch_rows!r}")
    out = np.empty(len(costs), dtype=np.int64)
    batch, filled = 0, 0
    for i, cost in enumerate(costs.tolist()):
        if filled and filled + cost > batch_rows:
            batch, filled = batch + 1, 0
        out[i] = batch
        filled += cost
    return out


def group_fingerprints(histograms, salt: str) -> pd.DataFrame:
    """One row per group of ``histograms`` (a DuckDB relation of ``HISTOGRAM_COLUMNS``): ``GROUP_KEYS`` and
    ``histogram_fingerprint``, the sum of the rows' hashes followed by ``salt`` (the settings the kernel runs
    with). Equal fingerprints mean equal histogram rows (up to a 64-bit hash collision) and settings."""
    keys = ", ".join(GROUP_KEYS)
    literal = "'" + salt.replace("'", "''") + "'"
    rows = combined_histograms(histograms)
    row_hash = "hash(family, value, label, n_events, sum_1, sum_2, sum_3)"
    return rows.query(
        "h",
        f"select {keys}, cast(sum(cast({row_hash} as hugeint)) as varchar) || '|' || {literal} as {FINGERPRINT} "
        f"from h group by {keys}",
    ).df()


@dataclass(frozen=True)
class Scope:
    """The groups an incremental run fingerprints (``int_corridor__bootstrap_scope``): the calendar groups
    (``window_grain`` in ``calendar_grains``) whose ``window_start`` is on or after ``since``, and every other
    group (the rolling windows). The calendar groups before ``since`` are the ones the last build fingerprinted,
    with the intervals stored then: neither read nor ever taken for vanished."""

    since: pd.Timestamp
    calendar_grains: tuple[str, ...]

    def sql(self) -> str:
        """The scope as a SQL condition on the columns window_grain and window_start."""
        grains = ", ".join("'" + g.replace("'", "''") + "'" for g in self.calendar_grains) or "null"
        return f"(window_grain not in ({grains}) or window_start >= {self.since_sql()})"

    def since_sql(self) -> str:
        return f"cast('{pd.Timestamp(self.since).isoformat(sep=' ')}' as timestamp)"

    def contains(self, groups: pd.DataFrame) -> pd.Series:
        """Which rows of ``groups`` (with window_grain and window_start) lie in the scope."""
        calendar = groups["window_grain"].isin(self.calendar_grains)
        return ~calendar | (pd.to_datetime(groups["window_start"]) >= pd.Timestamp(self.since))


def read_scope(frame: pd.DataFrame) -> Scope | None:
    """The ``Scope`` of ``int_corridor__bootstrap_scope``'s row (``frame``), or None (fingerprint every group):
    no row, or its fingerprint_since is null."""
    if len(frame) != 1 or pd.isna(frame["fingerprint_since"].iloc[0]):
        return None
    grains = tuple(g for g in str(frame["calendar_grains"].iloc[0]).split(",") if g)
    return Scope(pd.Timestamp(frame["fingerprint_since"].iloc[0]), grains)


def scoped_histograms(relation, scope: Scope | None):
    """The value histograms' rows (a relation of calendar windows) in ``scope``: every row when it is None."""
    return relation if scope is None else relation.filter(f"window_start >= {scope.since_sql()}")


def stored_salt_matches(session, relation_name: str, salt: str) -> bool:
    """Whether every stored group of ``relation_name`` was fingerprinted with ``salt`` (the settings and kernel
    version of this run): only then are the groups outside a ``Scope`` what this run would compute."""
    columns = {row[0] for row in session.sql(f"describe {relation_name}").fetchall()}
    if FINGERPRINT not in columns:
        return False
    literal = "'|" + salt.replace("'", "''") + "'"
    other = session.sql(
        f"select count(*) from {relation_name} where metric is not null "
        f"and ({FINGERPRINT} is null or not ends_with({FINGERPRINT}, {literal}))"
    ).fetchall()
    return other[0][0] == 0


def stored_fingerprints(session, relation_name: str, scope: Scope | None = None) -> pd.DataFrame:
    """The groups and fingerprints stored in ``relation_name`` (the model's own table on an incremental
    run), only those in ``scope`` when given; empty when the table predates the fingerprint column (every
    group is then recomputed)."""
    columns = {row[0] for row in session.sql(f"describe {relation_name}").fetchall()}
    if FINGERPRINT not in columns:
        return pd.DataFrame({c: [] for c in [*GROUP_KEYS, FINGERPRINT]})
    keys = ", ".join(GROUP_KEYS)
    where = "metric is not null" + ("" if scope is None else f" and {scope.sql()}")
    return session.sql(f"select distinct {keys}, {FINGERPRINT} from {relation_name} where {where}").df()


def plan(current: pd.DataFrame, stored: pd.DataFrame, scope: Scope | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(changed, vanished)``: the groups of ``current`` whose fingerprint is not in ``stored`` (new or changed:
    to recompute), and the keys of the ``stored`` groups that ``current`` no longer has (to remove).

    With ``scope``: ``current`` holds the groups in the scope only, so only the stored groups in it are
    compared; a stored group outside it is kept, never vanished (its histogram rows were not read)."""
    if scope is not None:
        current = current[scope.contains(current)]
        stored = stored[scope.contains(stored)]
    stored = stored[[*GROUP_KEYS, FINGERPRINT]].drop_duplicates()
    merged = current.merge(stored, on=[*GROUP_KEYS, FINGERPRINT], how="left", indicator=True)
    changed = merged.loc[merged["_merge"] == "left_only", [*GROUP_KEYS, FINGERPRINT]].reset_index(drop=True)
    gone = stored[[*GROUP_KEYS]].drop_duplicates().merge(current[GROUP_KEYS], on=GROUP_KEYS, how="left", indicator=True)
    vanished = gone.loc[gone["_merge"] == "left_only", GROUP_KEYS].reset_index(drop=True)
    return changed, vanished


def only_groups(session, histograms, groups: pd.DataFrame, view_name: str):
    """The rows of ``histograms`` (a relation) of the groups in ``groups`` (a DataFrame with ``GROUP_KEYS``),
    joined in DuckDB (``groups`` is registered as the view ``view_name`` of ``session``)."""
    session.register(view_name, groups[GROUP_KEYS])
    same = " and ".join(f"h.{k} is not distinct from g.{k}" for k in GROUP_KEYS)
    # the groups' window starts as literal bounds too (the same rows: window_start is a group key), so DuckDB skips
    # the row groups of other windows by their min/max instead of joining every histogram row (a daily run's groups
    # are the lookback's: at 90 days x 1M events 8.9 s instead of 15.3 s for the read and the kernel)
    starts = pd.to_datetime(groups["window_start"]).dropna()
    bounds = ""
    if len(starts) == len(groups) and len(starts) and starts.dt.tz is None:
        low, high = (f"cast('{t.isoformat(sep=' ')}' as timestamp)" for t in (starts.min(), starts.max()))
        bounds = f" where h.window_start between {low} and {high}"
    return histograms.query("h", f"select h.* from h semi join {view_name} as g on {same}{bounds}")


def with_fingerprints(result: pd.DataFrame, fingerprints: pd.DataFrame, vanished: pd.DataFrame) -> pd.DataFrame:
    """``result`` (the kernel's rows) with each group's fingerprint, followed by one tombstone row per vanished
    group (its keys; ``metric`` and every value null)."""
    if not len(result):
        # nothing changed: the kernel's empty frame takes the keys' types (it has no rows to infer them from)
        result = result.astype({k: fingerprints[k].dtype for k in GROUP_KEYS})
        result["metric"] = result["metric"].astype(object)
        result["interval_method"] = result["interval_method"].astype(object)
    out = result.merge(fingerprints[[*GROUP_KEYS, FINGERPRINT]], on=GROUP_KEYS, how="left", validate="many_to_one")
    if len(vanished):
        tombstones = vanished[GROUP_KEYS].reset_index(drop=True)
        for column in out.columns:
            if column in tombstones:
                continue
            kind = out[column].dtype.kind
            dtype = "Int64" if kind in "iu" else "float64" if kind == "f" else object  # integers stay integers
            tombstones[column] = pd.Series([None] * len(tombstones), dtype=dtype)
            if kind in "iu":
                out[column] = out[column].astype("Int64")
        out = pd.concat([out, tombstones[out.columns]], ignore_index=True)
    return out
