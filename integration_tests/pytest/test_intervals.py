"""Intervals and Bayesian checks built by dbt, against independent answers:
scipy's beta quantiles and CDF, Wilson's closed form, binomial order-statistic
ranks, the numpy mirror of the SQL Poisson weights, Beta-Binomial posteriors.
The same checks on PostgreSQL, and PostgreSQL equal to DuckDB for every
SQL-computed interval, are in test_postgres.py (with the other tests of the
PostgreSQL build, so one pytest worker builds it)."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from corridor_tools import calibration
from scipy import stats

pytestmark = [pytest.mark.dbt]

KEYS = ["model_id", "model_version", "metric", "segment_dimension", "segment_value", "window_grain", "window_start"]


def _check_beta(frame):
    frame = frame.astype({c: float for c in ["p", "a", "b", "beta_quantile", "x", "beta_cdf"]})
    ref = stats.beta.ppf(frame.p, frame.a, frame.b)
    scale = np.minimum(ref, 1 - ref)
    np.testing.assert_array_less(np.abs(frame.beta_quantile - ref), 1e-8 * scale + 1e-300)
    # absolute accuracy ~1e-10 at a + b ~ 1e5 (lgamma differences), see corridor.beta_cdf_query
    np.testing.assert_allclose(frame.beta_cdf, stats.beta.cdf(frame.x, frame.a, frame.b), rtol=1e-7, atol=1e-9)


def test_beta_quantiles_and_cdf_match_scipy_on_duckdb(integration_duckdb):
    frame = query(integration_duckdb["path"], "select * from interval_check_beta_quantiles")
    assert len(frame) > 80 and frame.a.max() > 100_000
    _check_beta(frame)


def test_beta_quantiles_and_cdf_match_scipy_from_n_1_to_1e8_on_duckdb(integration_duckdb):
    frame = query(integration_duckdb["path"], "select * from interval_check_beta_large_n")
    # quadrature rows (a, b > 1000) and series rows both present, up to a + b = 1e8
    assert len(frame) > 150 and frame.n.max() == 1e8
    assert ((frame.a > 1000) & (frame.b > 1000) & (frame.n >= 1e6)).sum() > 20
    _check_beta(frame)


def _check_weights(frame):
    w = frame.pivot(index="id", columns="bootstrap_replicate", values="bootstrap_weight").to_numpy(float)
    assert w.shape == (4000, 50)
    assert w.mean() == pytest.approx(1.0, abs=0.01)  # sd of the mean: 0.0022
    assert w.var() == pytest.approx(1.0, abs=0.03)
    # the Poisson(1) pmf, bin by bin (chi-square with 5 bins)
    counts = np.bincount(np.minimum(w.ravel().astype(int), 4), minlength=5)
    pmf = stats.poisson.pmf(np.arange(4), 1.0)
    expected = np.r_[pmf, 1 - pmf.sum()] * w.size
    assert stats.chisquare(counts, expected).pvalue > 0.001
    # independent across replicates (for the same rows) and across neighbouring ids
    corr = np.corrcoef(w.T)[np.triu_indices(50, 1)]
    assert abs(corr.mean()) < 0.005 and np.abs(corr).max() < 0.08
    assert abs(np.corrcoef(w[:-1].ravel(), w[1:].ravel())[0, 1]) < 0.02
    # bit for bit the numpy mirror the calibration report simulates
    keys = frame.drop_duplicates("id").sort_values("id").event_key.to_numpy()
    mirror = calibration.sql_poisson_weights(keys, np.arange(1, 51), 20261127)
    np.testing.assert_array_equal(mirror, w.astype(int))


def test_sql_poisson_weights_are_poisson_one_and_independent(integration_duckdb):
    _check_weights(query(integration_duckdb["path"], "select * from interval_check_poisson_weights"))


def _intervals(integration_duckdb, method):
    return query(
        integration_duckdb["path"], f"select * from corridor_metric_intervals where interval_method = '{method}'"
    )


def test_clopper_pearson_and_wilson_known_answers(integration_duckdb):
    for method in ["clopper_pearson", "wilson"]:
        rows = _intervals(integration_duckdb, method)
        assert set(rows.metric) >= {"error_rate", "accuracy", "precision", "recall", "label_maturity"}
        n = rows.sample_size.to_numpy(float)
        k = np.round(rows.metric_value.to_numpy(float) * n)
        if method == "clopper_pearson":
            lo = np.where(k > 0, stats.beta.ppf(0.025, np.maximum(k, 1), n - k + 1), 0.0)
            hi = np.where(k < n, stats.beta.ppf(0.975, k + 1, np.maximum(n - k, 1)), 1.0)
        else:
            ci = [
                stats.binomtest(int(a), int(b)).proportion_ci(0.95, method="wilson") for a, b in zip(k, n, strict=True)
            ]
            lo, hi = np.array([c.low for c in ci]), np.array([c.high for c in ci])
        np.testing.assert_allclose(rows.interval_lower, lo, rtol=1e-7, atol=1e-12, err_msg=method)
        np.testing.assert_allclose(rows.interval_upper, hi, rtol=1e-7, atol=1e-12, err_msg=method)
        assert (rows.interval_lower <= rows.metric_value + 1e-12).all()
        assert (rows.interval_upper >= rows.metric_value - 1e-12).all()


def test_order_statistic_intervals_from_binomial_ranks(integration_duckdb):
    path = integration_duckdb["path"]
    hist = query(path, "select * from int_corridor__value_histograms where family = 'latency'")
    rows = _intervals(integration_duckdb, "order_statistic")
    assert set(rows.metric) == {"latency_p50", "latency_p95", "latency_p99"}
    groups = {
        key: np.repeat(g.value.to_numpy(), g.n_events.to_numpy())
        for key, g in hist.sort_values("value").groupby(
            ["model_id", "model_version", "window_grain", "window_start", "segment_dimension", "segment_value"]
        )
    }
    checked = 0
    for r in rows.itertuples():
        x = groups[(r.model_id, r.model_version, r.window_grain, r.window_start, r.segment_dimension, r.segment_value)]
        q = {"latency_p50": 0.5, "latency_p95": 0.95, "latency_p99": 0.99}[r.metric]
        lo_rank, hi_rank = calibration.order_statistic_ranks(len(x), q)
        assert r.sample_size == len(x)
        exp_lo = x[lo_rank - 1] if lo_rank >= 1 else None
        exp_hi = x[hi_rank - 1] if hi_rank <= len(x) else None
        assert np.isnan(r.interval_lower) if exp_lo is None else r.interval_lower == exp_lo, r
        assert np.isnan(r.interval_upper) if exp_hi is None else r.interval_upper == exp_hi, r
        checked += 1
    assert checked > 100


def test_bootstrap_intervals_on_duckdb(integration_duckdb):
    path = integration_duckdb["path"]
    boot = query(path, "select * from corridor_bootstrap_intervals")
    obs = query(path, "select * from corridor_metric_observations where source = 'production'")
    assert set(boot.metric) >= {
        "latency_mean",
        "latency_p95",
        "latency_p99",
        "error_rate",
        "accuracy",
        "auc",
        "log_loss",
    }
    assert set(boot.interval_method) == {"bootstrap_percentile", "bootstrap_bca"}
    assert (boot.n_resamples == 1000).all() and (boot.seed == 20261127).all() and (boot.confidence_level == 0.95).all()
    merged = boot.merge(obs, on=KEYS, suffixes=("", "_obs"))
    assert len(merged) == len(boot)
    # the histograms the kernels read reproduce the SQL metrics exactly
    np.testing.assert_allclose(merged.metric_value, merged.metric_value_obs, rtol=1e-9, atol=1e-12)
    assert (merged.sample_size == merged.sample_size_obs).all()
    ok = merged.interval_lower.notna()
    assert (merged.interval_lower[ok] <= merged.interval_upper[ok]).all()
    # the percentile interval brackets the estimate (up to its discreteness) in most windows
    pct = merged[(merged.interval_method == "bootstrap_percentile") & ok]
    inside = (pct.interval_lower <= pct.metric_value + 1e-9) & (pct.metric_value - 1e-9 <= pct.interval_upper)
    assert inside.mean() > 0.97


def test_metric_intervals_side_by_side(integration_duckdb):
    methods = query(
        integration_duckdb["path"], "select distinct metric, interval_method from corridor_metric_intervals"
    )
    by_metric = methods.groupby("metric").interval_method.apply(set).to_dict()
    assert by_metric["error_rate"] >= {
        "wilson",
        "clopper_pearson",
        "sql_poisson_bootstrap_percentile",
        "bootstrap_percentile",
        "bootstrap_bca",
    }
    assert by_metric["latency_mean"] >= {"normal", "sql_poisson_bootstrap_percentile", "bootstrap_bca"}
    assert by_metric["latency_p99"] >= {"order_statistic", "bootstrap_percentile"}


def test_bayesian_checks_known_answers(integration_duckdb):
    path = integration_duckdb["path"]
    rows = query(path, "select * from int_corridor__bayesian_checks")
    rules = query(path, "select * from int_corridor__rules_checked where is_valid")
    rate_rules = rules[rules.metric.isin(["error_rate", "label_maturity", "accuracy", "precision", "recall"])]
    assert set(rows.rule_id) >= {"acc-country"} and set(rows.rule_id) <= set(rate_rules.rule_id)
    assert set(rows.method) == {"beta_binomial"}
    assert set(rows.direction) == {"higher_is_better", "lower_is_better"}
    offline = query(path, "select * from int_corridor__offline_estimates_aligned")
    keys = ["model_id", "model_version", "metric", "segment_dimension", "segment_value", "window_grain", "window_start"]
    merged = rows.merge(offline, on=keys, suffixes=("", "_offline")).merge(
        rules[["rule_id", "rule_version", "warn_tolerance", "fail_tolerance", "tolerance_unit"]],
        on=["rule_id", "rule_version"],
    )
    assert len(merged) == len(rows) > 5
    m, se = merged.expected_value_offline.to_numpy(), merged.standard_error.to_numpy()
    nu = m * (1 - m) / se**2 - 1
    np.testing.assert_allclose(merged.prior_alpha, m * nu, rtol=1e-9)
    np.testing.assert_allclose(merged.prior_beta, (1 - m) * nu, rtol=1e-9)
    n = merged.sample_size.to_numpy(float)
    k = np.round(merged.production_value.to_numpy() * n)
    a, b = m * nu + k, (1 - m) * nu + n - k
    np.testing.assert_allclose(merged.posterior_mean, a / (a + b), rtol=1e-9)
    np.testing.assert_allclose(merged.credible_lower, stats.beta.ppf(0.025, a, b), rtol=1e-8)
    np.testing.assert_allclose(merged.credible_upper, stats.beta.ppf(0.975, a, b), rtol=1e-8)
    relative = (merged.tolerance_unit == "relative").to_numpy()
    lower_better = (merged.direction == "lower_is_better").to_numpy()
    for column, tolerance in [("prob_worse_than_warn", "warn_tolerance"), ("prob_worse_than_fail", "fail_tolerance")]:
        margin = np.abs(np.where(relative, merged[tolerance] * m, merged[tolerance]))
        expected = np.where(lower_better, stats.beta.sf(m + margin, a, b), stats.beta.cdf(m - margin, a, b))
        # beta CDFs are accurate to ~1e-10 absolute (corridor.beta_cdf_query), so tiny tail probabilities
        # are compared absolutely
        np.testing.assert_allclose(merged[column], expected, rtol=1e-6, atol=1e-9, err_msg=column)
    assert (merged.prob_worse_than_fail <= merged.prob_worse_than_warn + 1e-15).all()


WIDENED_PRIOR_EVENTS = 20
_LATAM_RULES_SQL = """
    select b.*, o.standard_error as offline_se, p.standard_error as production_se
    from int_corridor__bayesian_checks as b
    inner join int_corridor__offline_estimates_aligned as o
        using (model_id, model_version, metric, segment_dimension, segment_value, window_grain, window_start)
    inner join int_corridor__production_metrics as p
        using (model_id, model_version, metric, segment_dimension, segment_value, window_grain, window_start)
    where b.window_grain = 'day' and b.rule_id in ('R001', 'R005', 'R013')
"""


def test_widened_prior_finds_the_demo_latam_drop(demo_build, tmp_path):
    """The offline backtests of the demo are very precise (log-loss SE 0.004 from a large evaluation set), so
    with the default prior (the stated uncertainty) a day of production cannot move the posterior:
    prob_worse ~ 0 even in the planted latam drop. corridor_prior_max_events caps the prior at 20 production
    events: the drop (model v2, region=latam, from 2026-10-14) is then near certain, clean windows stay low.

    The default prior is the demo build's (`corridor demo`: the demo seeds, no vars), read from the shared file.
    The widened one is computed on a copy of that file: of int_corridor__bayesian_checks and all its ancestors,
    only it and its ephemeral parent int_corridor__bayesian_rate_posteriors read corridor_prior_max_events (the
    one other model that reads it, int_corridor__interval_settings, is not upstream), so rebuilding that model
    with the var gives the rows a build of +int_corridor__bayesian_checks with the var would; the offline and
    production metrics it is joined with are the same tables either way."""
    default = query(demo_build["path"], _LATAM_RULES_SQL)
    path = tmp_path / "corridor.duckdb"
    shutil.copyfile(demo_build["path"], path)
    dbt = Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("run", "-s", "int_corridor__bayesian_checks", vars={"corridor_prior_max_events": WIDENED_PRIOR_EVENTS})
    widened = query(path, _LATAM_RULES_SQL)

    def split(frame):
        latam = frame.segment_value == "latam"
        drop = latam & (frame.model_version == "v2") & (frame.window_start >= pd.Timestamp("2026-10-14"))
        clean = ~latam | (frame.window_start < pd.Timestamp("2026-10-12"))
        return frame[drop], frame[clean]

    drop, clean = split(widened)
    assert set(drop.rule_id) == {"R001", "R005", "R013"} and len(drop) == 24  # 8 days x 3 rules
    worse = drop.groupby("rule_id").prob_worse_than_warn
    assert (worse.min()[["R005", "R013"]] > 0.99).all(), worse.min()  # brier score, log loss
    assert worse.min()["R001"] > 0.85 and worse.median()["R001"] > 0.95, worse.describe()  # accuracy
    assert len(clean) > 300
    assert clean.prob_worse_than_warn.median() < 0.05
    assert (clean.prob_worse_than_warn > 0.5).mean() < 0.15
    assert clean.prob_worse_than_warn.max() < 0.95
    # the cap: at most 20 events' worth of prior; means: prior precision N / (n se^2) when that is the smaller
    assert (widened.prior_effective_events <= WIDENED_PRIOR_EVENTS * (1 + 1e-12)).all()
    means = widened[widened.method == "normal_normal"]
    per_event_variance = means.production_se**2 * means.sample_size
    prior_precision = np.minimum(1 / means.offline_se**2, WIDENED_PRIOR_EVENTS / per_event_variance)
    data_precision = 1 / means.production_se**2
    np.testing.assert_allclose(
        means.posterior_mean,
        (prior_precision * means.expected_value + data_precision * means.production_value)
        / (prior_precision + data_precision),
        rtol=1e-12,
    )
    np.testing.assert_allclose(means.prior_sd, 1 / np.sqrt(prior_precision), rtol=1e-12)
    rates = widened[widened.method == "beta_binomial"]
    np.testing.assert_allclose(rates.prior_alpha + rates.prior_beta, WIDENED_PRIOR_EVENTS, rtol=1e-12)

    # the default keeps the offline estimate's stated uncertainty: the backtest dominates a day of production
    default_drop, _ = split(default)
    assert (default_drop.prob_worse_than_warn < 0.01).all()
    assert (default.prior_effective_events > 1_000).mean() > 0.9


# --- DuckDB fast path: the plugin's scipy beta functions (issue 11) ---------------------------------------------


@pytest.mark.slow
def test_duckdb_udf_path_equals_the_sql_kernel(integration_duckdb, tmp_path):
    """The integration build (profile with corridor's plugin: corridor_duckdb_udfs auto) computes beta quantiles
    and CDFs with the plugin's scipy functions; the same models rebuilt with corridor_duckdb_udfs: off (the SQL
    kernel every other engine runs) agree to 1e-9 relative, so PostgreSQL and Spark, compared with DuckDB, still
    agree. The large-n grid (a + b up to 1e8) is the SQL kernel's documented limit: 1e-8 there."""
    import shutil

    from conftest import INTEGRATION_DIR, Dbt

    compiled = integration_duckdb["work"] / "target" / "compiled" / "corridor_integration_tests" / "models"
    assert "corridor_beta_quantile(" in (compiled / "interval_checks" / "interval_check_beta_quantiles.sql").read_text()
    sql_path = tmp_path / integration_duckdb["path"].name  # its file name: the batch starts from its dbt parse
    shutil.copy(integration_duckdb["path"], sql_path)
    models = [
        "interval_check_beta_quantiles",
        "interval_check_beta_large_n",
        "int_corridor__exact_intervals",
        "int_corridor__bayesian_checks",
    ]
    dbt = Dbt(INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(sql_path)})
    # on the integration build's parse (conftest.Dbt.batch: a partial parse, not a full one for the new vars); the
    # setting is read when the models render and no node config depends on it (the compiled SQL is checked below)
    case = {"args": ["run", "--full-refresh", "--select", *models], "vars": {"corridor_duckdb_udfs": "off"}}
    (rebuilt,) = dbt.batch([case])
    assert rebuilt.ok, rebuilt.output[-6000:]
    assert (
        "corridor_beta_quantile("
        not in (
            tmp_path
            / "target"
            / "compiled"
            / "corridor_integration_tests"
            / "models"
            / "interval_checks"
            / "interval_check_beta_quantiles.sql"
        ).read_text()
    )
    checks = {
        "interval_check_beta_quantiles": (["n", "k", "p", "a", "b"], ["beta_quantile", "beta_cdf"], 1e-9),
        "interval_check_beta_large_n": (["n", "k", "p", "a", "b"], ["beta_quantile"], 1e-8),
        "int_corridor__exact_intervals": ([*KEYS, "interval_method"], ["interval_lower", "interval_upper"], 1e-9),
        "int_corridor__bayesian_checks": (
            ["rule_id", "rule_version", *KEYS],
            ["credible_lower", "credible_upper", "prob_worse_than_warn"],
            1e-9,
        ),
    }
    for model, (keys, columns, rtol) in checks.items():
        # the grids repeat some cases (same inputs, so the same outputs on each path)
        udf = query(integration_duckdb["path"], f"select * from {model}").drop_duplicates(subset=keys)
        sql = query(sql_path, f"select * from {model}").drop_duplicates(subset=keys)
        assert len(udf) == len(sql) > 5, model
        both = udf.merge(sql, on=keys, suffixes=("_udf", "_sql"))
        assert len(both) == len(udf), model
        for column in columns:
            a = pd.to_numeric(both[f"{column}_udf"]).to_numpy(float)
            b = pd.to_numeric(both[f"{column}_sql"]).to_numpy(float)
            assert (np.isnan(a) == np.isnan(b)).all(), f"{model}.{column}"
            # CDFs: the series is accurate to ~1e-10 absolute (tails below that are compared absolutely)
            atol = 1e-9 if "cdf" in column or "prob" in column else 0
            np.testing.assert_allclose(
                b[~np.isnan(a)], a[~np.isnan(a)], rtol=rtol, atol=atol, err_msg=f"{model}.{column}"
            )


def test_duckdb_udfs_setting_is_validated(integration_duckdb_copy):
    """Compiled on the integration build's parse (conftest.Dbt.batch): the selected model reads the setting when it
    renders. A bad setting keeps its real-process cross-check in test_configuration.py and test_settings_registry.py."""
    case = {"args": ["compile", "--select", "interval_check_beta_quantiles"], "vars": {"corridor_duckdb_udfs": "yes"}}
    (result,) = integration_duckdb_copy["dbt"].batch([case])
    assert not result.ok
    assert "var 'corridor_duckdb_udfs' is 'yes'; expected one of auto, on, off" in result.output
