"""Simulations of the validation corridor through its real SQL.

The comparison kinds, the seasonal baselines, the validation checks, the
Benjamini-Hochberg q-values and the alerts are corridor's compiled dbt models
(``dbt compile`` of the project at the repository root), run here in DuckDB
over simulated ``corridor_metric_observations`` and a simulated rules
registry. The expected values, standard errors and sample sizes come from the
demo seeds (``seeds/demo``: 40k events over 21 days), so "the demo's sample
sizes" are the real ones.

* ``null_simulation``: production drawn from exactly what the offline
  estimates say; measures false confirmed breaches, false alerts and the
  share of families (one run of the corridor each) with at least one.
* ``power_simulation``: for each comparison kind, the shift it detects at
  90 % power (the detectable_deviation the model reports) and the verdict
  rate at that true shift.

``make validation-sim`` (``python -m corridor_tools.validation_sim``) reruns both and rewrites
``docs/validation_simulations.md``; integration_tests/pytest/test_validation_statistics.py runs the same
simulations as tests.
"""

from __future__ import annotations

import functools
import math
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from scipy import stats

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT / "seeds" / "demo"
DOC_PATH = REPO_ROOT / "docs" / "validation_simulations.md"

Z95 = stats.norm.ppf(0.975)  # production intervals are 95 % (corridor_confidence_level)
ALPHA = 0.05  # corridor_test_alpha (default)
FDR = 0.05  # corridor_fdr_level (default)
POWER = 0.9  # corridor_power (default)
T0 = pd.Timestamp("2026-10-01")

# the compiled models, in build order: (folder under models/, name)
MODELS = [
    ("staging", "stg_corridor__rules"),
    ("intermediate", "int_corridor__rules_checked"),
    ("intermediate", "int_corridor__seasonal_baselines"),
    ("intermediate", "int_corridor__validation_pairs"),
    ("intermediate", "int_corridor__validation_deviations"),
    ("intermediate", "int_corridor__validation_checks"),
    ("marts", "corridor_validation_results"),
    ("intermediate", "int_corridor__alert_episodes"),
    ("intermediate", "int_corridor__alert_diagnostics"),
    ("intermediate", "int_corridor__stale_estimate_episodes"),
    ("intermediate", "int_corridor__stale_estimate_alerts"),
    ("marts", "corridor_alerts"),
]

RULE_COLUMNS = {
    "rule_id": "varchar",
    "hypothesis": "varchar",
    "metric": "varchar",
    "segment_dimension": "varchar",
    "segment_value": "varchar",
    "window_grain": "varchar",
    "comparison_kind": "varchar",
    "direction": "varchar",
    "tolerance_unit": "varchar",
    "warn_tolerance": "double",
    "fail_tolerance": "double",
    "min_sample_size": "bigint",
    "consecutive_windows": "bigint",
    "owner": "varchar",
    "escalation_path": "varchar",
    "severity": "varchar",
    "rule_version": "varchar",
    "valid_from": "timestamp",
    "power": "double",
    "model_id": "varchar",
}

OBSERVATION_COLUMNS = {
    "observation_id": "varchar",
    "source": "varchar",
    "model_id": "varchar",
    "model_version": "varchar",
    "metric": "varchar",
    "segment_dimension": "varchar",
    "segment_value": "varchar",
    "window_grain": "varchar",
    "method": "varchar",
    "interval_method": "varchar",
    "estimate_id": "varchar",
    "estimator_version": "varchar",
    "evaluation_dataset_id": "varchar",
    "input_relation": "varchar",
    "metric_value": "double",
    "sample_size": "bigint",
    "standard_error": "double",
    "interval_lower": "double",
    "interval_upper": "double",
    "confidence_level": "double",
    "label_maturity": "double",
    "window_start": "timestamp",
    "window_end": "timestamp",
    "estimate_produced_at": "timestamp",
    "shift_reason": "varchar",
}


# --------------------------------------------------------------------------------------------
# The real SQL
# --------------------------------------------------------------------------------------------


def _typed_frame(df: pd.DataFrame, columns: dict[str, str]) -> str:
    """A select over the registered frame `df` with every column of `columns`, cast to its type."""
    parts = []
    for name, typ in columns.items():
        parts.append(f"cast({name if name in df.columns else 'null'} as {typ}) as {name}")
    return "select " + ", ".join(parts) + " from df"


class CorridorSQL:
    """corridor's compiled models, runnable over any rules / observations frames in DuckDB."""

    def __init__(self, sql: dict[str, str]):
        self.sql = sql

    @classmethod
    def compile(cls, workdir: Path | None = None) -> CorridorSQL:
        from corridor.dbt_runner import run_dbt

        workdir = Path(workdir or tempfile.mkdtemp(prefix="corridor_sim_"))
        workdir.mkdir(parents=True, exist_ok=True)
        db = workdir / "sim.duckdb"
        con = duckdb.connect(str(db))
        con.register("df", pd.DataFrame({"rule_id": ["x"]}))
        con.execute(
            "create or replace table main.sim_rules as " + _typed_frame(pd.DataFrame({"rule_id": ["x"]}), RULE_COLUMNS)
        )
        con.close()
        vars = {
            "corridor_rules": {
                "relation": "main.sim_rules",
                "columns": {"tolerance_unit": "tolerance_unit", "power": "power", "model_id": "model_id"},
            },
            # families are model versions, each standing for a separate run: no baseline may span them
            "corridor_seasonal_baseline_across_versions": False,
        }
        result = run_dbt(
            ["compile", "--select", *[name for _, name in MODELS]],
            env={
                "CORRIDOR_DUCKDB_PATH": str(db),
                "DBT_TARGET_PATH": str(workdir / "target"),
                "DBT_LOG_PATH": str(workdir / "logs"),
            },
            vars=vars,
        )
        if not result.ok:
            raise RuntimeError("dbt compile failed:\n" + result.output[-4000:])
        sql = {}
        for folder, name in MODELS:
            text = (workdir / "target" / "compiled" / "corridor" / "models" / folder / f"{name}.sql").read_text()
            # three-part names of the compile database -> bare names in the simulation connection
            sql[name] = re.sub(r'"[^"]+"\."main"\.', "", text)
        return cls(sql)

    def _materialize(self, con, name: str) -> None:
        con.execute(f'create or replace table "{name}" as {self.sql[name]}')

    def checks(self, rules: pd.DataFrame, observations: pd.DataFrame) -> duckdb.DuckDBPyConnection:
        """A fresh connection holding the rules, observations, baselines and validation checks."""
        con = duckdb.connect()
        con.execute("set preserve_insertion_order = false")
        con.register("df", rules)
        con.execute("create table sim_rules as " + _typed_frame(rules, RULE_COLUMNS))
        con.unregister("df")
        con.register("df", observations)
        con.execute("create table corridor_metric_observations as " + _typed_frame(observations, OBSERVATION_COLUMNS))
        con.unregister("df")
        con.execute(f"create view stg_corridor__rules as {self.sql['stg_corridor__rules']}")
        # the simulated data passes every quality gate, and the Bayesian columns are not simulated here
        con.execute(
            "create table int_corridor__window_gate_status (model_id varchar, window_grain varchar,"
            " window_start timestamp, gate_status varchar, failing_checks varchar, gate_diagnostic varchar)"
        )
        con.execute(
            "create table int_corridor__bayesian_checks (rule_id varchar, rule_version varchar, model_id varchar,"
            " model_version varchar, segment_dimension varchar, segment_value varchar, window_grain varchar,"
            " window_start timestamp, method varchar, posterior_mean double, credible_lower double,"
            " credible_upper double, prob_worse_than_warn double, prob_worse_than_fail double)"
        )
        for name in [
            "int_corridor__rules_checked",
            "int_corridor__seasonal_baselines",
            "int_corridor__validation_pairs",
            "int_corridor__validation_deviations",
            "int_corridor__validation_checks",
        ]:
            self._materialize(con, name)
        return con

    @staticmethod
    def _all_checks(con) -> None:
        """int_corridor__checks unions the metric checks with the drift rules' checks; the simulations judge
        metric rules only, so it is the metric checks themselves."""
        con.execute("create or replace view int_corridor__checks as select * from int_corridor__validation_checks")
        # the alerts' attribution line needs offline segment sample sizes, which the simulations do not carry
        con.execute(
            "create table if not exists int_corridor__alert_attribution"
            " (alert_id varchar, attribution_diagnostic varchar)"
        )
        # no feature lineage and no feature drift in the simulations: no estimate is stale, no alert names a feature
        con.execute(
            "create table if not exists int_corridor__estimate_staleness (rule_id varchar, rule_version varchar,"
            " model_id varchar, model_version varchar, segment_dimension varchar, segment_value varchar,"
            " window_grain varchar, window_start timestamp, estimate_is_stale boolean, stale_features varchar)"
        )
        con.execute(
            "create table if not exists int_corridor__alert_feature_drift (alert_id varchar, drift_diagnostic varchar)"
        )
        con.execute(
            "create table if not exists stg_corridor__offline_estimates"
            " (estimate_id varchar, owner varchar, changed_by varchar)"
        )

    def results(self, con, alerts: bool = False) -> pd.DataFrame:
        self._all_checks(con)
        self._materialize(con, "corridor_validation_results")
        if alerts:
            for name in [
                "int_corridor__alert_episodes",
                "int_corridor__alert_diagnostics",
                "int_corridor__stale_estimate_episodes",
                "int_corridor__stale_estimate_alerts",
                "corridor_alerts",
            ]:
                self._materialize(con, name)
        return con.execute("select * from corridor_validation_results").df()

    def run(self, rules: pd.DataFrame, observations: pd.DataFrame, alerts: bool = False):
        con = self.checks(rules, observations)
        try:
            res = self.results(con, alerts)
            al = con.execute("select * from corridor_alerts").df() if alerts else None
        finally:
            con.close()
        return res, al

    def run_families(self, rules: pd.DataFrame, observations: pd.DataFrame, family_column: str = "model_version"):
        """One corridor run per family (BH over that family only), the per-row models computed once.

        Families are told apart by model_version, which every check carries
        and which no per-row model mixes; the q-values and alerts of each
        family come from running corridor_validation_results (and the alert
        models) over that family's checks alone, as a separate dbt run would.
        """
        con = self.checks(rules, observations)
        try:
            con.execute("alter table int_corridor__validation_checks rename to all_checks")
            families = [
                r[0] for r in con.execute(f"select distinct {family_column} from all_checks order by 1").fetchall()
            ]
            out_results, out_alerts = [], []
            for fam in families:
                con.execute(
                    "create or replace view int_corridor__validation_checks as select * from all_checks "
                    f"where {family_column} = '{fam}'"
                )
                self._all_checks(con)
                for name in [
                    "corridor_validation_results",
                    "int_corridor__alert_episodes",
                    "int_corridor__alert_diagnostics",
                    "int_corridor__stale_estimate_episodes",
                    "int_corridor__stale_estimate_alerts",
                    "corridor_alerts",
                ]:
                    self._materialize(con, name)
                out_results.append(
                    con.execute(
                        "select model_version, rule_id, comparison_kind, segment_value, window_start, status, is_tested,"  # noqa: E501
                        " is_breach, is_confirmed_breach, p_value, q_value from corridor_validation_results"
                    ).df()
                )
                out_alerts.append(con.execute("select * from corridor_alerts").df())
        finally:
            con.close()
        return pd.concat(out_results, ignore_index=True), pd.concat(out_alerts, ignore_index=True)


# --------------------------------------------------------------------------------------------
# The demo's numbers
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def demo_profile() -> dict:
    """Sample sizes per window, per-event spreads and offline estimates from the demo seeds."""
    ev = pd.read_csv(SEEDS / "corridor_demo_production_events.csv", parse_dates=["event_at"])
    oc = pd.read_csv(SEEDS / "corridor_demo_outcomes.csv")
    off = pd.read_csv(SEEDS / "corridor_demo_offline_estimates.csv")
    ev = ev.drop_duplicates("event_id").merge(oc[["event_id", "label"]], on="event_id", how="left")
    ev["day"] = ev["event_at"].dt.floor("D")
    ev["hour"] = ev["event_at"].dt.floor("h")
    labelled = ev[ev["label"].notna() & ev["predicted_class"].notna()]
    days = pd.date_range(T0, periods=21, freq="D")
    hours = pd.date_range(T0, periods=21 * 24, freq="h")

    def grid(frame, keys, index):
        counts = frame.groupby(keys).size()
        if len(keys) == 1:
            return counts.reindex(index, fill_value=0).to_numpy()
        return {k: counts.xs(k, level=0).reindex(index, fill_value=0).to_numpy() for k in counts.index.levels[0]}

    p = labelled["predicted_score"].clip(1e-15, 1 - 1e-15)
    y = labelled["label"]
    log_loss = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    brier = (p - y) ** 2
    # latency density at the quantiles (Siddiqui-Bloch-Gastwirth), from the days before any planted incident
    calm = ev.loc[ev["day"] < T0 + pd.Timedelta(days=5), "latency_ms"].to_numpy()
    dens = {}
    for q in (0.5, 0.95):
        lo, hi = np.quantile(calm, [q - 0.01, q + 0.01])
        dens[q] = 0.02 / (hi - lo)
    v1 = off[(off["model_version"] == "v1")].drop_duplicates(
        ["metric", "segment_dimension", "segment_value", "window_grain"]
    )
    offline = {
        (r.metric, r.segment_dimension, r.segment_value): (float(r.expected_value), float(r.standard_error))
        for r in v1.itertuples()
        if r.window_grain == "day"
    }
    return {
        "days": days,
        "hours": hours,
        "n_labelled_region_day": grid(labelled, ["region", "day"], days),
        "n_labelled_tier_day": grid(labelled, ["tier", "day"], days),
        "n_labelled_day": grid(labelled, ["day"], days),
        "n_events_hour": grid(ev, ["hour"], hours),
        "n_events_device_day": grid(ev, ["device", "day"], days),
        "n_events_day": grid(ev, ["day"], days),
        "fraud_rate": float(y.mean()),
        "sd_log_loss": float(log_loss.std()),
        "sd_brier": float(brier.std()),
        "latency_density": dens,
        "hourly_p95_profile": ev.groupby(ev["event_at"].dt.hour)["latency_ms"].quantile(0.95).to_numpy(),
        "offline": offline,
    }


# --------------------------------------------------------------------------------------------
# Observation generators (what corridor_metric_observations holds for one window)
# --------------------------------------------------------------------------------------------


def rate_rows(rng, theta, n):
    """A proportion over n events: Wald standard error and a 95 % Wilson interval, as corridor computes them."""
    theta = np.clip(np.asarray(theta, float), 0.0, 1.0)
    n = np.asarray(n)
    x = rng.binomial(n, theta)
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.where(n > 0, x / np.maximum(n, 1), np.nan)
        se = np.sqrt(v * (1 - v) / n)
        z2 = Z95 * Z95
        centre = (x + z2 / 2) / (n + z2)
        half = Z95 / (n + z2) * np.sqrt(x * (n - x) / np.maximum(n, 1) + z2 / 4)
    lower = np.where(n > 0, np.maximum(0.0, centre - half), np.nan)
    upper = np.where(n > 0, np.minimum(1.0, centre + half), np.nan)
    return {
        "metric_value": v,
        "standard_error": se,
        "interval_lower": lower,
        "interval_upper": upper,
        "confidence_level": 0.95,
    }


def rate_check_se(theta, n):
    """The production standard error corridor uses for a rate whose observed value is theta: max(Wald, Wilson / z)."""
    x = theta * n
    z2 = Z95 * Z95
    wald = math.sqrt(theta * (1 - theta) / n)
    wilson = math.sqrt(x * (n - x) / n + z2 / 4) / (n + z2)
    return max(wald, wilson)


def normal_rows(rng, theta, se, n, se_noise_df=None):
    """A statistic that is normal around theta with standard error se; the reported se is estimated
    (chi-square with se_noise_df degrees of freedom) or exact (None)."""
    theta = np.asarray(theta, float)
    se = np.broadcast_to(np.asarray(se, float), theta.shape)
    v = theta + rng.normal(0.0, 1.0, theta.shape) * se
    if se_noise_df is not None:
        df = np.maximum(np.asarray(se_noise_df, float), 2)
        se = se * np.sqrt(rng.chisquare(df) / df)
    return {
        "metric_value": v,
        "standard_error": se,
        "interval_lower": v - Z95 * se,
        "interval_upper": v + Z95 * se,
        "confidence_level": 0.95,
    }


def hanley_mcneil_se(auc, n_pos, n_neg):
    q1 = auc / (2 - auc)
    q2 = 2 * auc * auc / (1 + auc)
    return np.sqrt(
        (auc * (1 - auc) + (n_pos - 1) * (q1 - auc * auc) + (n_neg - 1) * (q2 - auc * auc)) / (n_pos * n_neg)
    )


def quantile_se(q: float, n):
    return np.sqrt(q * (1 - q) / np.asarray(n, float)) / demo_profile()["latency_density"][q]


def production_rows(rng, metric, theta, n):
    prof = demo_profile()
    n = np.asarray(n)
    if metric in ("accuracy", "error_rate"):
        cols = rate_rows(rng, theta, n)
    elif metric in ("log_loss", "brier_score"):
        sd = prof["sd_log_loss" if metric == "log_loss" else "sd_brier"]
        cols = normal_rows(rng, theta, sd / np.sqrt(np.maximum(n, 1)), n, se_noise_df=n - 1)
    elif metric == "auc":
        n_pos = np.maximum(1, np.round(n * prof["fraud_rate"]))
        cols = normal_rows(rng, theta, hanley_mcneil_se(np.asarray(theta, float), n_pos, n - n_pos), n)
        cols["standard_error"] = hanley_mcneil_se(np.clip(cols["metric_value"], 0.5, 0.999), n_pos, n - n_pos)
        cols["interval_lower"] = cols["metric_value"] - Z95 * cols["standard_error"]
        cols["interval_upper"] = cols["metric_value"] + Z95 * cols["standard_error"]
    elif metric in ("latency_p50", "latency_p95"):
        q = 0.5 if metric == "latency_p50" else 0.95
        cols = normal_rows(rng, theta, quantile_se(q, np.maximum(n, 1)), n)
        cols["interval_lower"] = np.nan
        cols["interval_upper"] = np.nan
        cols["confidence_level"] = np.nan
    else:
        raise ValueError(metric)
    cols["metric_value"] = np.where(n > 0, cols["metric_value"], np.nan)
    return cols


# --------------------------------------------------------------------------------------------
# Rules and frames
# --------------------------------------------------------------------------------------------


def rule(
    rule_id, metric, dimension, value, grain, kind, direction, warn, fail, min_n=0, consecutive=1, unit=None, power=None
):
    return {
        "rule_id": rule_id,
        "hypothesis": f"{rule_id}: {metric} {kind}",
        "metric": metric,
        "segment_dimension": dimension,
        "segment_value": value,
        "window_grain": grain,
        "comparison_kind": kind,
        "direction": direction,
        "tolerance_unit": unit,
        "warn_tolerance": warn,
        "fail_tolerance": fail,
        "min_sample_size": min_n,
        "consecutive_windows": consecutive,
        "owner": "sim-team",
        "escalation_path": "#sim",
        "severity": "medium",
        "rule_version": "1",
        "valid_from": None,
        "power": power,
        "model_id": None,
    }


# The demo's rules (seeds/demo/corridor_demo_rules.csv, the kinds and tolerances that judge it)
DEMO_RULES = [
    rule("R001", "accuracy", "region", "*", "day", "statistical", "higher_is_better", 0.02, 0.05, 100, 2),
    rule("R003", "auc", "all", "all", "day", "equivalence", "two_sided", 0.05, 0.08, 500, 1),
    rule("R005", "brier_score", "region", "*", "day", "absolute", "lower_is_better", 0.01, 0.02, 50, 2),
    rule("R006", "log_loss", "tier", "*", "day", "relative", "lower_is_better", 0.25, 0.5, 200, 2),
    rule("R007", "latency_p95", "device", "*", "day", "relative", "lower_is_better", 0.25, 0.5, 100, 1),
    rule("R009", "latency_p50", "all", "all", "day", "equivalence", "two_sided", 10, 20, 500, 2),
    rule("R010", "error_rate", "all", "all", "hour", "absolute", "lower_is_better", 0.01, 0.05, 15, 1),
    rule("R011", "error_rate", "device", "*", "day", "absolute", "lower_is_better", 0.01, 0.02, 100, 1),
    rule("R012", "latency_p95", "all", "all", "hour", "seasonal", "lower_is_better", 0.5, 1, 50, 2),
    rule("R013", "log_loss", "region", "*", "day", "statistical", "lower_is_better", 0.05, 0.1, 50, 2),
]


def zero_tolerance_rules():
    """The demo's rules with every tolerance at 0 (the least favourable null: each p-value is exactly
    uniform when the standard errors are right), equivalence rules left out (a 0 margin is invalid),
    plus a two-sided rule."""
    out = []
    for r in DEMO_RULES:
        if r["comparison_kind"] == "equivalence":
            continue
        out.append({**r, "rule_id": r["rule_id"] + "z", "warn_tolerance": 0.0, "fail_tolerance": 0.0})
    out.append(rule("Z014z", "accuracy", "tier", "*", "day", "absolute", "two_sided", 0.0, 0.0, 100, 1))
    return out


def _frame(rows: dict, **const) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for k, v in const.items():
        df[k] = v
    return df


def _window_frame(metric, dimension, value, grain, starts, family, **cols):
    step = pd.Timedelta(hours=1) if grain == "hour" else pd.Timedelta(days=1)
    starts = pd.DatetimeIndex(starts)
    return _frame(
        {
            "window_start": starts,
            "window_end": starts + step,
            **{k: np.asarray(v) if not np.isscalar(v) else v for k, v in cols.items()},
        },
        model_id="sim_model",
        model_version=family,
        metric=metric,
        segment_dimension=dimension,
        segment_value=value,
        window_grain=grain,
    )


def offline_rows(metric, dimension, value, grain, starts, family, expected, se):
    return _window_frame(
        metric,
        dimension,
        value,
        grain,
        starts,
        family,
        source="offline",
        metric_value=expected,
        standard_error=se,
        interval_lower=expected - Z95 * se,
        interval_upper=expected + Z95 * se,
        confidence_level=0.95,
        estimate_id=f"est_{metric}_{dimension}_{value}_{grain}",
    )


# --------------------------------------------------------------------------------------------
# Null simulation
# --------------------------------------------------------------------------------------------


def _segments(prof, dimension):
    return {
        "region": ["na", "eu", "apac", "latam", "mea"],
        "tier": ["standard", "premium", "enterprise"],
        "device": ["web", "ios", "android"],
        "all": ["all"],
    }[dimension]


def _null_series(rng, prof, r, family):
    """Production and offline rows of one rule in one family: production drawn from what the offline
    estimate says (true value ~ N(expected, offline se) per segment, then the window's sampling noise)."""
    metric, dim, grain = r["metric"], r["segment_dimension"], r["window_grain"]
    frames = []
    starts = prof["hours"] if grain == "hour" else prof["days"]
    for seg in _segments(prof, dim):
        if grain == "hour":
            n = prof["n_events_hour"]
        elif metric in ("accuracy", "log_loss", "brier_score", "auc"):
            n = (
                {"region": prof["n_labelled_region_day"], "tier": prof["n_labelled_tier_day"]}.get(dim, {}).get(seg)
                if dim != "all"
                else prof["n_labelled_day"]
            )
        else:
            n = prof["n_events_device_day"][seg] if dim == "device" else prof["n_events_day"]
        if r["comparison_kind"] == "seasonal":
            # a diurnal profile (the demo's hourly p95), constant from day to day; the window's p95 noise
            profile = prof["hourly_p95_profile"][starts.hour]
            cols = production_rows(rng, metric, profile, n)
            frames.append(
                _window_frame(metric, dim, seg, grain, starts, family, source="production", sample_size=n, **cols)
            )
            continue
        key = (metric, dim, seg) if (metric, dim, seg) in prof["offline"] else (metric, "all", "all")
        expected, se_off = prof["offline"][key]
        theta = expected + rng.normal() * se_off
        cols = production_rows(rng, metric, np.full(len(starts), theta), n)
        frames.append(
            _window_frame(metric, dim, seg, grain, starts, family, source="production", sample_size=n, **cols)
        )
        frames.append(offline_rows(metric, dim, seg, grain, starts, family, expected, se_off))
    return frames


def null_families(seed: int, families: int, rules: list[dict]):
    rng = np.random.default_rng(seed)
    prof = demo_profile()
    frames = []
    for f in range(families):
        fam = f"f{f:04d}"
        for r in rules:
            frames.extend(_null_series(rng, prof, r, fam))
    obs = pd.concat(frames, ignore_index=True)
    # one offline series per rule id is enough; identical rows from two rules would duplicate the pairing
    obs = obs.drop_duplicates(
        ["source", "model_version", "metric", "segment_dimension", "segment_value", "window_grain", "window_start"]
    )
    return pd.DataFrame(rules), obs


@dataclass
class NullSummary:
    scenario: str
    families: int
    checks: int
    tested: int
    breaches: int
    confirmed: int
    alerts: int
    series: int
    families_with_false_alert: int
    by_kind: pd.DataFrame
    seconds: float

    @property
    def confirmed_rate(self):
        return self.confirmed / self.tested

    @property
    def familywise(self):
        return self.families_with_false_alert / self.families

    @property
    def familywise_ci(self):
        lo, hi = stats.binomtest(self.families_with_false_alert, self.families).proportion_ci(0.95, "exact")
        return lo, hi


def null_simulation(corridor: CorridorSQL, scenario: str, families: int, seed: int) -> NullSummary:
    t = time.time()
    rules = DEMO_RULES if scenario == "demo" else zero_tolerance_rules()
    rules_df, obs = null_families(seed, families, rules)
    res, alerts = corridor.run_families(rules_df, obs)
    per_family = res.groupby("model_version")["is_confirmed_breach"].any()
    alert_families = set(alerts["model_version"]) if len(alerts) else set()
    by_kind = (
        res.groupby("comparison_kind")
        .agg(
            checks=("status", "size"),
            tested=("is_tested", "sum"),
            breaches=("is_breach", "sum"),
            confirmed=("is_confirmed_breach", "sum"),
        )
        .reset_index()
        .merge(per_kind_familywise(res), on="comparison_kind", how="left")
    )
    series = res[res["is_tested"]].groupby(["model_version", "rule_id", "segment_value"]).ngroups
    return NullSummary(
        scenario=scenario,
        families=families,
        checks=len(res),
        tested=int(res["is_tested"].sum()),
        breaches=int(res["is_breach"].sum()),
        confirmed=int(res["is_confirmed_breach"].sum()),
        alerts=len(alerts),
        series=series,
        families_with_false_alert=len(set(per_family[per_family].index) | alert_families),
        by_kind=by_kind,
        seconds=time.time() - t,
    )


# --------------------------------------------------------------------------------------------
# Power simulation
# --------------------------------------------------------------------------------------------

Z_ALPHA = stats.norm.ppf(1 - ALPHA)
Z_POWER = stats.norm.ppf(POWER)


@dataclass
class PowerCase:
    kind: str
    rule: dict
    n: int
    expected: float
    se_off: float
    shift: float = 0.0  # the true bad deviation simulated
    detectable: float = 0.0  # the model's formula at the true values
    target: str = "warn or worse"


def power_cases() -> list[PowerCase]:
    """One demo rule per kind at the median sample size of its windows in the demo."""
    prof = demo_profile()
    med = lambda a: int(np.median(np.concatenate(list(a.values())) if isinstance(a, dict) else a))  # noqa: E731
    cases = []

    # absolute: R010, hourly error rate (lower is better), n = median events per hour
    n = med(prof["n_events_hour"])
    e, se_off = (
        prof["offline"][("error_rate", "all", "all")]
        if ("error_rate", "all", "all") in prof["offline"]
        else (0.0049, 0.0004)
    )
    r = next(x for x in DEMO_RULES if x["rule_id"] == "R010")
    d = r["warn_tolerance"]
    for _ in range(50):  # fixed point: the detectable deviation uses the se at the shifted value
        d = r["warn_tolerance"] + Z_POWER * rate_check_se(e + d, n)
    cases.append(PowerCase("absolute", r, n, e, se_off, d, d))

    # relative: R007, daily p95 latency per device (lower is better)
    n = med(prof["n_events_device_day"])
    e, se_off = prof["offline"].get(("latency_p95", "all", "all"), (174.5, 0.88))
    r = next(x for x in DEMO_RULES if x["rule_id"] == "R007")
    d = r["warn_tolerance"] * e + Z_POWER * float(quantile_se(0.95, n))
    cases.append(PowerCase("relative", r, n, e, se_off, d, d))

    # statistical: R001, daily accuracy per region (higher is better)
    n = med(prof["n_labelled_region_day"])
    e, se_off = prof["offline"][("accuracy", "region", "na")]
    r = next(x for x in DEMO_RULES if x["rule_id"] == "R001")
    d = r["warn_tolerance"]
    for _ in range(50):
        d = r["warn_tolerance"] + (Z_ALPHA + Z_POWER) * math.sqrt(rate_check_se(e - d, n) ** 2 + se_off**2)
    cases.append(PowerCase("statistical", r, n, e, se_off, d, d))

    # equivalence: R003, daily AUC overall (two-sided); the margin is the detectable one, the true shift 0
    n = med(prof["n_labelled_day"])
    e, se_off = prof["offline"][("auc", "all", "all")]
    n_pos = max(1, round(n * prof["fraud_rate"]))
    se = math.sqrt(float(hanley_mcneil_se(e, n_pos, n - n_pos)) ** 2 + se_off**2)
    margin = (Z_ALPHA + stats.norm.ppf((1 + POWER) / 2)) * se
    r = {
        **next(x for x in DEMO_RULES if x["rule_id"] == "R003"),
        "warn_tolerance": margin,
        "fail_tolerance": 2 * margin,
    }
    cases.append(PowerCase("equivalence", r, n, e, se_off, 0.0, margin, target="pass"))

    # seasonal: R012, hourly p95 latency against the same hour of the previous 7 days (relative tolerance)
    n = med(prof["n_events_hour"])
    e = float(np.median(prof["hourly_p95_profile"]))
    r = next(x for x in DEMO_RULES if x["rule_id"] == "R012")
    k = 7
    pred_se = float(quantile_se(0.95, n)) * math.sqrt(1 + math.pi / (2 * k))
    d = r["warn_tolerance"] * e + Z_POWER * pred_se
    cases.append(PowerCase("seasonal", r, n, e, 0.0, d, d))
    return cases


def power_frames(seed: int, cases: list[PowerCase], windows: int):
    """Independent windows: each in its own segment, the truth shifted by the case's shift in the bad direction."""
    rng = np.random.default_rng(seed)
    rules, frames = [], []
    day = pd.DatetimeIndex([T0 + pd.Timedelta(days=7)])
    for c in cases:
        r = {
            **c.rule,
            "rule_id": f"P_{c.kind}",
            "segment_dimension": "region",
            "segment_value": "*",
            "min_sample_size": 0,
        }
        if c.kind != "seasonal":
            r["window_grain"] = "day"
        rules.append(r)
        sign = {"higher_is_better": -1.0, "lower_is_better": 1.0, "two_sided": 1.0}[r["direction"]]
        segs = [f"{c.kind[:3]}{i:05d}" for i in range(windows)]
        metric = r["metric"]
        if c.kind == "seasonal":
            # segments x 24 hours; 7 unshifted days of history, the 8th day shifted
            per_seg = 24
            nseg = math.ceil(windows / per_seg)
            hours = pd.date_range(T0, periods=8 * 24, freq="h")
            for s in range(nseg):
                truth = np.full(len(hours), c.expected)
                truth[7 * 24 :] += sign * c.shift
                cols = production_rows(rng, metric, truth, np.full(len(hours), c.n))
                frames.append(
                    _window_frame(
                        metric,
                        "region",
                        f"sea{s:05d}",
                        "hour",
                        hours,
                        "v",
                        source="production",
                        sample_size=c.n,
                        **cols,
                    )
                )
            continue
        off_true = np.full(windows, c.expected)
        off_est = off_true + rng.normal(size=windows) * c.se_off
        cols = production_rows(rng, metric, off_true + sign * c.shift, np.full(windows, c.n))
        prod = pd.DataFrame({"segment_value": segs, "sample_size": c.n, **{k: v for k, v in cols.items()}})
        prod = prod.assign(source="production")
        off = pd.DataFrame(
            {
                "segment_value": segs,
                "metric_value": off_est,
                "standard_error": c.se_off,
                "interval_lower": off_est - Z95 * c.se_off,
                "interval_upper": off_est + Z95 * c.se_off,
                "confidence_level": 0.95,
                "source": "offline",
                "estimate_id": [f"est_{s}" for s in segs],
            }
        )
        for part in (prod, off):
            part["window_start"] = day[0]
            part["window_end"] = day[0] + pd.Timedelta(days=1)
            part["model_id"], part["model_version"], part["metric"] = "sim_model", "v", metric
            part["segment_dimension"], part["window_grain"] = "region", "day"
            frames.append(part)
    return pd.DataFrame(rules), pd.concat(frames, ignore_index=True)


def _power_rows(res, cases):
    res = res[res["status"] != "missing"]
    out = {}
    for c in cases:
        part = res[res["rule_id"] == f"P_{c.kind}"]
        if c.kind == "seasonal":
            part = part[part["window_start"] >= T0 + pd.Timedelta(days=7)]
        hit = part["status"].eq("pass") if c.target == "pass" else part["status"].isin(["warn", "fail"])
        out[c.kind] = {
            "windows": len(part),
            "rate": float(hit.mean()),
            "detectable_median": float(part["detectable_deviation"].median()),
            "test_se_median": float(part["test_standard_error"].median()),
            "statuses": part["status"].value_counts().to_dict(),
        }
    return out


def power_simulation(corridor: CorridorSQL, seed: int, windows: int = 2000) -> pd.DataFrame:
    """Three runs over the same kinds: healthy windows (no shift: the detectable deviation corridor
    reports in normal operation, and the equivalence pass rate), the true shift equal to that reported
    deviation, and the true shift equal to the detectable formula evaluated at the shifted truth."""
    cases = power_cases()
    healthy = [PowerCase(**{**c.__dict__, "shift": 0.0}) for c in cases]
    res0, _ = corridor.run(*power_frames(seed, healthy, windows))
    h = _power_rows(res0, healthy)
    reported = [
        PowerCase(**{**c.__dict__, "shift": 0.0 if c.target == "pass" else h[c.kind]["detectable_median"]})
        for c in cases
    ]
    r1 = _power_rows(corridor.run(*power_frames(seed + 1, reported, windows))[0], reported)
    r2 = _power_rows(corridor.run(*power_frames(seed + 2, cases, windows))[0], cases)
    rows = []
    for c, rc in zip(cases, reported, strict=True):
        at_reported = h[c.kind] if c.target == "pass" else r1[c.kind]
        rows.append(
            {
                "kind": c.kind,
                "rule": c.rule["rule_id"],
                "metric": c.rule["metric"],
                "scope": {
                    "absolute": "all, hour",
                    "relative": "per device, day",
                    "statistical": "per region, day",
                    "equivalence": "all, day",
                    "seasonal": "all, hour",
                }[c.kind],
                "direction": c.rule["direction"],
                "n": c.n,
                "expected": c.expected,
                "warn_tolerance": c.rule["warn_tolerance"],
                "target": c.target,
                "detectable_reported": h[c.kind]["detectable_median"],
                "test_se_healthy": h[c.kind]["test_se_median"],
                "true_shift": rc.shift,
                "windows": at_reported["windows"],
                "rate": at_reported["rate"],
                "mc_se": math.sqrt(at_reported["rate"] * (1 - at_reported["rate"]) / max(at_reported["windows"], 1)),
                "statuses": at_reported["statuses"],
                "detectable_at_truth": c.detectable,
                "rate_at_truth": h[c.kind]["rate"] if c.target == "pass" else r2[c.kind]["rate"],
                "detectable_reported_at_truth": r2[c.kind]["detectable_median"],
            }
        )
    return pd.DataFrame(rows)


def per_kind_familywise(res: pd.DataFrame, q: float = FDR) -> pd.DataFrame:
    """Diagnostic: the family-wise false-alert rate of each kind as if its checks were a family of their
    own (BH by scipy over the p-values corridor computed; a check counts when its status is warn/fail)."""
    rows = []
    for kind, g in res[res["is_tested"]].groupby("comparison_kind"):
        hits = []
        for _, fam in g.groupby("model_version"):
            qv = stats.false_discovery_control(fam["p_value"].to_numpy(), method="bh")
            hits.append(bool(((qv <= q) & fam["is_breach"].to_numpy()).any()))
        rows.append({"comparison_kind": kind, "families": len(hits), "familywise": float(np.mean(hits))})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# The results document
# --------------------------------------------------------------------------------------------


def _g(x, digits=4):
    return f"{x:.{digits}g}"


def write_doc(nulls: list[NullSummary], power: pd.DataFrame, path: Path = DOC_PATH) -> None:
    prof = demo_profile()
    lines = [
        "# Validation corridor: simulations",
        "",
        "Regenerate with `make validation-sim` (`python -m corridor_tools.validation_sim`, 3-5 minutes on 2 cores);",
        "the same simulations are asserted by `integration_tests/pytest/test_validation_statistics.py`.",
        "Everything runs corridor's real SQL: `dbt compile` of the rules check, seasonal baselines,",
        "validation checks, validation results (Benjamini-Hochberg q-values) and alerts, executed in DuckDB",
        "over simulated `corridor_metric_observations`. Expected values, offline standard errors, per-event",
        "spreads and window sample sizes are the demo's (`seeds/demo`, 40k events over 21 days).",
        f"Settings: corridor_test_alpha {ALPHA}, corridor_fdr_level {FDR}, corridor_power {POWER}.",
        "",
        "## Null simulation: false alerts when nothing changed",
        "",
        "Each family is one corridor run over 21 days with the demo's rules (one rule per demo hypothesis,",
        "every segment and window of its scope). Production is drawn from exactly what the offline estimates",
        "say: per segment a true value ~ N(offline estimate, offline standard error), then each window's",
        "sampling noise at the demo's sample size for that segment and window (seasonal rule: a diurnal p95",
        "profile, the same every day). A confirmed breach or an alert in such a family is false by construction.",
        "",
        "* **demo tolerances**: the demo's rules as shipped.",
        "* **zero tolerances**: the same rules with every tolerance at 0 (equivalence rules left out, one",
        "  two-sided rule added). This is the least favourable null: each check's p-value is exactly uniform",
        "  when its standard error is right, so Benjamini-Hochberg should confirm a breach in about",
        f"  {FDR:.0%} of families (under the complete null FDR = family-wise rate <= q).",
        "",
        "| scenario | families | checks | tested | breaches (status warn/fail) | confirmed breaches | per tested check | alerts | families with >= 1 false confirmed breach or alert | 95 % CI |",  # noqa: E501
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for s in nulls:
        lo, hi = s.familywise_ci
        lines.append(
            f"| {s.scenario} | {s.families} | {s.checks} | {s.tested} | {s.breaches} | {s.confirmed} | {s.confirmed_rate:.2e} | {s.alerts} | "  # noqa: E501
            f"{s.families_with_false_alert} ({s.familywise:.3f}) | {lo:.3f}-{hi:.3f} |"
        )
    lines += ["", "Per comparison kind (all families of the scenario):", ""]
    for s in nulls:
        lines += [
            f"*{s.scenario}* (last column: share of families with a confirmed breach if the kind's checks were a family of their own, BH by scipy over corridor's p-values)",  # noqa: E501
            "",
            "| kind | checks | tested | breaches | confirmed | family-wise rate, kind alone |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in s.by_kind.itertuples():
            lines.append(
                f"| {r.comparison_kind} | {r.checks} | {r.tested} | {r.breaches} | {r.confirmed} | {r.familywise:.3f} |"
            )
        lines.append("")
    lines += [
        "## Power: the shift each kind detects at 90 % power",
        "",
        "One demo rule per kind at the median sample size of its windows in the demo, 2,000+ independent",
        "windows per run (offline estimate redrawn per window from its standard error). The shift is the",
        "`detectable_deviation` corridor reports on healthy windows (median over the windows of a run with",
        "no shift), i.e. what a reader of corridor_validation_results is told; the windows are then simulated",
        "with that true bad deviation, and the verdict should reach warn or worse in 90 % of them.",
        "Equivalence: the true deviation is 0 and the warn margin is the smallest demonstrable margin; the",
        "verdict should be pass in 90 %. The last columns evaluate the same formula at the shifted truth",
        "(for rates the standard error grows with the shift) and the rate reached at that shift.",
        "",
        "| kind | rule | metric, scope | n | expected | warn tolerance | detectable deviation reported (healthy windows) | test se | windows | rate at that shift | MC se | formula at the shifted truth | rate there |",  # noqa: E501
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in power.itertuples():
        tol = r.warn_tolerance
        tol_s = f"{_g(tol)} x expected = {_g(tol * r.expected)}" if r.kind in ("relative", "seasonal") else _g(tol)
        lines.append(
            f"| {r.kind} | {r.rule} | {r.metric}, {r.scope} | {r.n} | {_g(r.expected)} | {tol_s} | {_g(r.detectable_reported)} "  # noqa: E501
            f"({_g(100 * r.detectable_reported / abs(r.expected), 3)} % of expected) | {_g(r.test_se_healthy)} | {r.windows} | "  # noqa: E501
            f"**{r.rate:.3f}** ({r.target}) | {r.mc_se:.3f} | {_g(r.detectable_at_truth)} | {r.rate_at_truth:.3f} |"
        )
    lines += [
        "",
        "Demo sample sizes used (median per window): "
        f"labelled events per region-day {int(np.median(np.concatenate(list(prof['n_labelled_region_day'].values()))))}, "  # noqa: E501
        f"events per hour {int(np.median(prof['n_events_hour']))}, "
        f"events per device-day {int(np.median(np.concatenate(list(prof['n_events_device_day'].values()))))}, "
        f"labelled events per day {int(np.median(prof['n_labelled_day']))} (fraud rate {prof['fraud_rate']:.3f}).",
        "",
    ]
    pw = power.set_index("kind")
    zero = next((x for x in nulls if x.scenario.startswith("zero")), None)
    fw = dict(zip(zero.by_kind.comparison_kind, zero.by_kind.familywise, strict=True)) if zero is not None else {}
    lines += [
        "## What these simulations found, and what changed",
        "",
        "The first run of these simulations (2026-11-27) found five calibration problems; all are fixed",
        "in the SQL and the figures above are after the fixes (the tests assert them):",
        "",
        "1. **Seasonal p-values were anti-conservative** (1.4826 x MAD of k <= 7 windows with t on k - 1 df:",
        "   p <= 0.001 about 10x too often; seasonal checks alone confirmed a false breach in 0.75 of",
        "   zero-tolerance null families). Now: Croux-Rousseeuw small-sample factor b_k on the MAD and",
        f"   (k - 1) / 2 degrees of freedom; measured now: {fw.get('seasonal', float('nan')):.2f}.",
        "2. **Seasonal min_history was not enforced** (medians of 1-4 windows were judged); now such",
        "   windows are `missing`.",
        "3. **Rates were tested with the standard error at the observed value** (accuracy 279/279 against",
        "   0.981 got se 0.0035 and p = 5e-8; zero-tolerance absolute rules on rates confirmed a false breach",
        "   in 0.70 of null families once the boundary se alone was used, because the normal approximation",
        "   fails for rare events). Now: binomial tails at the tolerance boundary (Peizer-Pratt); measured",
        f"   now: absolute {fw.get('absolute', float('nan')):.2f},"
        f" statistical {fw.get('statistical', float('nan')):.2f}.",
        "   The detectable deviation of a rate is solved at the shifted truth (fixed point, six steps) and,",
        "   for point kinds, at the continuity-corrected count boundary: power at the reported shift is now",
        f"   {pw.loc['absolute', 'rate']:.3f} (absolute) and {pw.loc['statistical', 'rate']:.3f} (statistical).",
        "4. **Seasonal detectable deviation ignored the relative threshold moving with the median**; the",
        f"   test error now includes it: power at the reported shift {pw.loc['seasonal', 'rate']:.3f}.",
        "5. **Demo rule R003** (AUC equivalent within 0.05, daily) could never pass: the smallest margin a",
        "   day of demo traffic can demonstrate is"
        f" {pw.loc['equivalence', 'detectable_reported']:.3f}; the demo rule now",
        "   uses a margin of 0.12.",
        "",
        "Status `warn`/`fail` without FDR confirmation is common under the null with the demo's rules",
        "(see the breaches column); only confirmed breaches open alerts.",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))


NULL_SEED, POWER_SEED = 20261001, 20261002
NULL_FAMILIES = 100


def main() -> None:
    t = time.time()
    corridor = CorridorSQL.compile()
    print(f"compiled in {time.time() - t:.1f}s", flush=True)
    nulls = []
    for scenario, seed in [("demo tolerances", NULL_SEED), ("zero tolerances", NULL_SEED + 1)]:
        s = null_simulation(corridor, "demo" if scenario.startswith("demo") else "zero", NULL_FAMILIES, seed)
        s.scenario = scenario
        print(s.scenario, s.tested, s.confirmed, s.alerts, s.familywise, f"{s.seconds:.1f}s", flush=True)
        print(s.by_kind.to_string(), flush=True)
        nulls.append(s)
    power = power_simulation(corridor, POWER_SEED)
    print(power.drop(columns=["statuses"]).to_string(), flush=True)
    print(power[["kind", "statuses"]].to_string(), flush=True)
    write_doc(nulls, power)
    print(f"wrote {DOC_PATH} in {time.time() - t:.1f}s")


if __name__ == "__main__":
    main()
