"""Feature drift (issue 15): corridor_feature_drift on a small synthetic data set with one numeric and one
categorical feature, checked against scipy on the same raw data (ks_2samp, wasserstein_distance, jensenshannon,
chi2_contingency) within the binning's documented error, against an independent numpy binning exactly, and on
PostgreSQL against the DuckDB build."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from scipy import special, stats
from scipy.spatial.distance import jensenshannon

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

BINS = 20
DAYS = [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-03")]
CATEGORIES = ["card", "wallet", "transfer", "cash"]
REF_SHARES = [0.4, 0.3, 0.2, 0.1]


def _reference(rng) -> pd.DataFrame:
    x = rng.normal(10.0, 2.0, 3000)
    c = rng.choice(CATEGORIES, 2500, p=REF_SHARES)
    rows = [("amount", repr(float(v))) for v in x] + [("amount", None)] * 60
    rows += [("channel", v) for v in c] + [("channel", None)] * 25
    frame = pd.DataFrame(rows, columns=["feature_name", "feature_value"])
    return frame.assign(model_id="m", model_version="v1")[
        ["model_id", "model_version", "feature_name", "feature_value"]
    ]


def _events(rng) -> pd.DataFrame:
    parts = []
    for day in DAYS:
        for region in ["north", "south"]:
            n = 900
            drifted = day == DAYS[1] and region == "south"
            amount = rng.normal(11.0, 2.6, n) if drifted else rng.normal(10.0, 2.0, n)
            amount[rng.uniform(0, 1, n) < 0.05] = np.nan
            shares = [0.25, 0.25, 0.2, 0.1, 0.2] if drifted else REF_SHARES + [0.0]
            channel = rng.choice(CATEGORIES + ["crypto"], n, p=shares).astype(object)
            channel[rng.uniform(0, 1, n) < 0.02] = None
            parts.append(
                pd.DataFrame(
                    {
                        "event_at": day + pd.to_timedelta(rng.integers(0, 86400, n), unit="s"),
                        "region": region,
                        "amount_raw": amount,
                        "channel_raw": channel,
                    }
                )
            )
    events = pd.concat(parts, ignore_index=True)
    n = len(events)
    events.insert(0, "event_id", [f"d{i:06d}" for i in range(n)])
    events["loaded_at"] = events["event_at"] + pd.Timedelta(seconds=5)
    events["model_id"] = "m"
    events["model_version"] = "v1"
    events["predicted_score"] = rng.uniform(0, 1, n).round(3)
    events["predicted_class"] = (events["predicted_score"] >= 0.5).astype(int)
    events["is_error"] = False
    events["latency_ms"] = 50.0
    return events


RULES = pd.DataFrame(
    [
        {
            "rule_id": "ERRORS",
            "metric": "error_rate",
            "window_grain": "day",
            "comparison_kind": "absolute",
            "direction": "lower_is_better",
            "warn_tolerance": 0.02,
            "fail_tolerance": 0.05,
            "owner": "t",
            "severity": "low",
        }
    ]
)


def _same_names(frame, drop=()):
    return {column: column for column in frame.columns if column not in drop}


@pytest.fixture(scope="module")
def drift(tmp_path_factory):
    work = tmp_path_factory.mktemp("feature_drift")
    path = work / "drift.duckdb"
    rng = np.random.default_rng(15)
    reference = _reference(rng)
    events = _events(rng)
    outcomes = events[["event_id"]].assign(label=0, label_arrived_at=events["event_at"] + pd.Timedelta(minutes=1))
    estimates = pd.DataFrame(
        [
            {
                "model_id": "m",
                "model_version": "v1",
                "metric": "error_rate",
                "expected_value": 0.0,
                "standard_error": 0.01,
            }
        ]
    )
    con = duckdb.connect(str(path))
    frames = {"d_events": events, "d_outcomes": outcomes, "d_estimates": estimates, "d_rules": RULES}
    frames["d_reference"] = reference
    for name, frame in frames.items():
        con.register("frame", frame)
        con.execute(f"create or replace table {name} as select * from frame")
        con.unregister("frame")
    con.close()
    vars = {
        "corridor_production_events": {
            "relation": "main.d_events",
            "columns": _same_names(events, ["region", "amount_raw", "channel_raw"]),
        },
        "corridor_outcomes": {"relation": "main.d_outcomes", "columns": _same_names(outcomes)},
        "corridor_offline_estimates": {"relation": "main.d_estimates", "columns": _same_names(estimates)},
        "corridor_rules": {"relation": "main.d_rules", "columns": _same_names(RULES)},
        "corridor_reference_features": {"relation": "main.d_reference", "columns": _same_names(reference)},
        "corridor_load_demo_seeds": False,
        "corridor_segment_columns": ["region"],
        "corridor_feature_columns": {
            "amount": {"column": "amount_raw", "type": "numeric"},
            "channel": {"column": "channel_raw", "type": "categorical"},
        },
        "corridor_window_grains": ["day", "week"],
        "corridor_histogram_metric_grains": ["week"],
        "corridor_bootstrap_grains": ["week"],
        "corridor_feature_drift_grains": ["day", "week"],
    }
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("build", "--select", "+corridor_feature_drift", "--exclude", "resource_type:seed", vars=vars)
    return {"path": path, "events": events, "reference": reference, "vars": vars, "dbt": dbt}


def _edges(ref: np.ndarray, bins: int) -> np.ndarray:
    """Lower edges of the reference's quantile bins, independently of corridor: the smallest value of each of
    `bins` equal-count rank groups after the first, ties merged."""
    v = np.sort(ref)
    group = (np.arange(len(v)) * bins) // len(v)
    return np.unique([v[group == g].min() for g in range(1, bins) if (group == g).any()])


def _groups(drift):
    events = drift["events"]
    week = pd.Timestamp("2026-03-02")  # a Monday
    for day in DAYS:
        for region in ["north", "south", "all"]:
            rows = events[events["event_at"].dt.normalize() == day]
            if region != "all":
                rows = rows[rows["region"] == region]
            yield "day", day, region, rows
    yield "week", week, "all", events
    for region in ["north", "south"]:
        yield "week", week, region, events[events["region"] == region]


def _row(drift, grain, start, region, feature):
    dimension = "all" if region == "all" else "region"
    frame = query(
        drift["path"],
        "select * from corridor_feature_drift where window_grain = ? and window_start = ? and segment_dimension = ? "
        "and segment_value = ? and feature_name = ?",
        [grain, start.to_pydatetime(), dimension, region, feature],
    )
    assert len(frame) == 1, (grain, start, region, feature)
    return frame.iloc[0]


def test_numeric_measures_equal_scipy_within_the_binning_error(drift):
    ref_raw = drift["reference"].query("feature_name == 'amount'")["feature_value"]
    ref = ref_raw.dropna().astype(float).to_numpy()
    edges = _edges(ref, BINS)
    ref_bins = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=len(edges) + 1)
    r = ref_bins / ref_bins.sum()
    checked = 0
    for grain, start, region, rows in _groups(drift):
        row = _row(drift, grain, start, region, "amount")
        prod_all = rows["amount_raw"].to_numpy()
        prod = prod_all[~np.isnan(prod_all)]
        idx = np.searchsorted(edges, prod, side="right")
        p = np.bincount(idx, minlength=len(edges) + 1) / len(prod)
        assert row["n_events"] == len(prod_all) and row["n_values"] == len(prod)
        assert row["n_bins"] == len(edges) + 1 == BINS
        assert row["null_rate"] == pytest.approx(np.isnan(prod_all).mean(), abs=1e-12)
        assert row["availability"] == pytest.approx(1 - np.isnan(prod_all).mean(), abs=1e-12)
        assert row["reference_null_rate"] == pytest.approx(60 / 3060, abs=1e-12)
        assert row["out_of_reference_range_share"] == pytest.approx(
            ((prod < ref.min()) | (prod > ref.max())).mean(), abs=1e-12
        )
        # bin measures: exactly the numpy binning's
        pf, rf = np.maximum(p, 1e-4), np.maximum(r, 1e-4)
        assert row["psi"] == pytest.approx(np.sum((pf - rf) * np.log(pf / rf)), rel=1e-9)
        assert row["jensen_shannon"] == pytest.approx(jensenshannon(p, r, base=2), rel=1e-9, abs=1e-12)
        assert row["hellinger"] == pytest.approx(np.sqrt(max(0.0, 1 - np.sum(np.sqrt(p * r)))), rel=1e-9, abs=1e-9)
        binned_ks = np.max(np.abs(np.cumsum(p) - np.cumsum(r)))
        assert row["ks_statistic"] == pytest.approx(binned_ks, abs=1e-12)
        # KS against scipy on the raw values: never above it, short by at most the largest bin share
        ks = stats.ks_2samp(prod, ref)
        assert ks.statistic - np.max(np.maximum(p, r)) - 1e-12 <= row["ks_statistic"] <= ks.statistic + 1e-12
        en = len(prod) * len(ref) / (len(prod) + len(ref))
        expected_p = special.kolmogorov((np.sqrt(en) + 0.12 + 0.11 / np.sqrt(en)) * row["ks_statistic"])
        assert row["ks_p_value"] == pytest.approx(expected_p, rel=1e-7, abs=1e-10)
        # Wasserstein against scipy: off by at most the within-bin spread around each bin's mean (both sides)
        spread = 0.0
        ref_idx = np.searchsorted(edges, ref, side="right")
        for k in range(len(edges) + 1):
            for values, n in ((prod[idx == k], len(prod)), (ref[ref_idx == k], len(ref))):
                if len(values):
                    spread += np.abs(values - values.mean()).sum() / n
        w = stats.wasserstein_distance(prod, ref)
        assert abs(row["wasserstein"] - w) <= spread + 1e-9
        assert row["wasserstein_normed"] == pytest.approx(row["wasserstein"] / ref.std(), rel=1e-9)
        assert pd.isna(row["chi_square"]) and pd.isna(row["new_category_share"])
        checked += 1
    assert checked == 9


def test_categorical_measures_equal_chi2_contingency(drift):
    ref = drift["reference"].query("feature_name == 'channel'")["feature_value"].dropna()
    ref_counts = ref.value_counts()
    for grain, start, region, rows in _groups(drift):
        row = _row(drift, grain, start, region, "channel")
        prod = rows["channel_raw"].dropna()
        prod_counts = prod.value_counts()
        categories = sorted(set(ref_counts.index) | set(prod_counts.index))
        table = np.array([[prod_counts.get(c, 0) for c in categories], [ref_counts.get(c, 0) for c in categories]])
        chi2, p_value, dof, _ = stats.chi2_contingency(table, correction=False)
        assert row["chi_square"] == pytest.approx(chi2, rel=1e-9)
        assert row["chi_square_df"] == dof
        assert row["chi_square_p_value"] == pytest.approx(p_value, rel=1e-6, abs=1e-12)
        p, r = table[0] / table[0].sum(), table[1] / table[1].sum()
        assert row["jensen_shannon"] == pytest.approx(jensenshannon(p, r, base=2), rel=1e-9, abs=1e-12)
        new = [c for c in categories if c not in ref_counts.index]
        assert row["n_new_categories"] == len(new)
        assert row["new_category_share"] == pytest.approx(sum(prod_counts.get(c, 0) for c in new) / len(prod))
        assert row["n_vanished_categories"] == 0
        assert pd.isna(row["ks_statistic"]) and pd.isna(row["wasserstein_normed"])


def test_the_drifted_window_stands_out_and_clean_ones_do_not(drift):
    frame = query(drift["path"], "select * from corridor_feature_drift where window_grain = 'day'")
    frame["drifted"] = (frame["window_start"] == DAYS[1]) & (frame["segment_value"] == "south")
    numeric = frame[frame["feature_name"] == "amount"]
    assert numeric.loc[numeric["drifted"], "ks_p_value"].max() < 1e-6
    assert numeric.loc[~numeric["drifted"] & (frame["segment_dimension"] == "region"), "ks_p_value"].min() > 0.01
    categorical = frame[frame["feature_name"] == "channel"]
    assert (categorical.loc[categorical["drifted"], "n_new_categories"] == 1).all()
    assert (
        categorical.loc[~categorical["drifted"] & (frame["segment_dimension"] == "region"), "n_new_categories"] == 0
    ).all()


def test_a_feature_type_other_than_numeric_or_categorical_is_refused(drift):
    """Compiled on the build's parse (conftest.Dbt.batch, no full parse for the new vars): the selected staging model
    reads the var when it renders, and no node config depends on it. A bad setting compiled the same way is refused
    by a real dbt process with the batch's message in test_configuration.py ("model type")."""
    vars = {**drift["vars"], "corridor_feature_columns": {"amount": {"column": "amount_raw", "type": "float"}}}
    case = {"args": ["compile", "--select", "stg_corridor__production_events"], "vars": vars}
    (result,) = drift["dbt"].batch([case], base_vars=drift["vars"])
    assert not result.ok
    assert "corridor_feature_columns.amount.type" in result.output and "numeric or categorical" in result.output


def _pg_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "timestamp"
    if pd.api.types.is_integer_dtype(series):
        return "bigint"
    if pd.api.types.is_float_dtype(series):
        return "double precision"
    return "text"


@pytest.mark.postgres
def test_postgres_computes_the_same_feature_drift(drift, postgres_server, tmp_path):
    """The same inputs built on PostgreSQL (the integration project, corridor's SQL models only, in a database of
    its own): every row and measure of corridor_feature_drift equals the DuckDB build."""
    import io

    import psycopg2
    from corridor.dbt_runner import INTEGRATION_DIR

    env = {**postgres_server, "CORRIDOR_PG_DATABASE": "corridor_drift"}
    admin = dict(host=env["CORRIDOR_PG_HOST"], port=int(env["CORRIDOR_PG_PORT"]), user="postgres")
    con = psycopg2.connect(**admin, dbname="postgres")
    con.autocommit = True
    con.cursor().execute("drop database if exists corridor_drift")
    con.cursor().execute("create database corridor_drift")
    con.close()
    con = psycopg2.connect(**admin, dbname="corridor_drift")
    src = duckdb.connect(str(drift["path"]), read_only=True)
    names = ["d_events", "d_outcomes", "d_estimates", "d_rules", "d_reference"]
    with con, con.cursor() as cur:
        cur.execute("create schema corridor_it")
        for name in names:
            frame = src.execute(f"select * from {name}").df()
            columns = ", ".join(f'"{c}" {_pg_type(frame[c])}' for c in frame.columns)
            cur.execute(f"create table corridor_it.{name} ({columns})")
            buffer = io.StringIO()
            frame.to_csv(buffer, index=False, header=False, na_rep="\\N", float_format="%.17g")
            buffer.seek(0)
            cur.copy_expert(f"copy corridor_it.{name} from stdin with (format csv, null '\\N')", buffer)
    src.close()
    con.close()
    inputs = [f"corridor_{k}" for k in ["production_events", "outcomes", "offline_estimates", "rules"]]
    inputs.append("corridor_reference_features")
    vars = {
        **drift["vars"],
        **{
            key: {**drift["vars"][key], "relation": drift["vars"][key]["relation"].replace("main.", "corridor_it.")}
            for key in inputs
        },
    }
    dbt = Dbt(INTEGRATION_DIR, tmp_path, env)
    dbt("deps")
    dbt(
        "run",
        "--target",
        "postgres",
        "--select",
        "+corridor_feature_drift",
        "--exclude",
        "resource_type:seed",
        "tag:corridor_demo",
        vars=vars,
    )
    pg_con = psycopg2.connect(**admin, dbname="corridor_drift")
    with pg_con.cursor() as cur:
        cur.execute("select * from corridor_it.corridor_feature_drift")
        pg = pd.DataFrame(cur.fetchall(), columns=[d.name for d in cur.description])
    pg_con.close()
    duck = query(drift["path"], "select * from corridor_feature_drift")
    keys = ["model_version", "window_grain", "window_start", "segment_dimension", "segment_value", "feature_name"]
    assert len(pg) == len(duck) >= 18
    both = duck.merge(pg, on=keys, how="outer", suffixes=("_duck", "_pg"), indicator=True)
    assert (both["_merge"] == "both").all()
    assert (both["drift_id_duck"] == both["drift_id_pg"]).all()
    for column in duck.columns:
        if column in keys or column in ("model_id", "drift_id", "feature_type", "has_reference"):
            continue
        a = pd.to_numeric(both[f"{column}_duck"], errors="coerce").to_numpy(dtype=float)
        b = pd.to_numeric(both[f"{column}_pg"], errors="coerce").to_numpy(dtype=float)
        assert (np.isnan(a) == np.isnan(b)).all(), column
        np.testing.assert_allclose(b[~np.isnan(a)], a[~np.isnan(a)], rtol=1e-9, atol=1e-12, err_msg=column)
