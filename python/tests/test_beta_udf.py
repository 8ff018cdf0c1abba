"""corridor.beta_udf: the scipy beta functions corridor's dbt-duckdb plugin registers (docs/intervals.md)."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa
from corridor import beta_udf
from corridor.duckdb_plugin import Plugin, configure
from scipy import stats


def _grid():
    rng = np.random.default_rng(20261201)
    n = np.concatenate([[1, 2, 7, 50, 333, 4000, 120000, 1e6, 1e8], rng.integers(1, 10**7, 200)]).astype(float)
    k = np.floor(n * np.concatenate([[0.003, 0.1, 0.5, 0.97, 0.999, 0.5, 0.1, 0.3, 0.7], rng.uniform(0, 1, 200)]))
    a = np.maximum(k, 1) + 0.37
    b = np.maximum(n - k, 1) + 0.5
    p = np.concatenate([[0.025, 0.975, 0.3, 1e-9, 1 - 1e-9, 0.5, 0.1, 0.9, 0.5], rng.uniform(0, 1, 200)])
    return p, a, b


def test_quantile_and_cdf_equal_scipy_stats_beta_to_1e_12():
    p, a, b = _grid()
    q = beta_udf.beta_quantile(p, a, b)
    ref = stats.beta.ppf(p, a, b)
    np.testing.assert_allclose(q, ref, rtol=1e-12, atol=0)
    x = np.clip(ref * np.linspace(0.9, 1.1, len(ref)), 1e-300, 1 - 1e-16)
    np.testing.assert_allclose(beta_udf.beta_cdf(x, a, b), stats.beta.cdf(x, a, b), rtol=1e-12, atol=1e-300)
    # a quantile's CDF is its probability (scipy's inverse is accurate, not merely consistent)
    np.testing.assert_allclose(beta_udf.beta_cdf(q, a, b), p, rtol=1e-9)


def test_invalid_inputs_give_null_and_cdf_is_clamped_outside_0_1():
    nan = float("nan")
    q = beta_udf.beta_quantile(
        [0.0, 1.0, -0.1, 1.5, nan, 0.5, 0.5, 0.5, 0.5], [2, 2, 2, 2, 2, 0, -1, np.inf, 2], [3] * 8 + [nan]
    )
    assert np.isnan(q).all()
    c = beta_udf.beta_cdf([-1.0, 0.0, 1.0, 7.0, nan, 0.5, 0.5], [2, 2, 2, 2, 2, 0, 2], [3, 3, 3, 3, 3, 3, -2])
    np.testing.assert_array_equal(c[:4], [0.0, 0.0, 1.0, 1.0])
    assert np.isnan(c[4:]).all()


def test_plugin_registers_null_safe_functions_on_connections_and_cursors():
    con = duckdb.connect()
    configure(con, environ={})
    configure(con, environ={})  # idempotent: a second configure (dbt reconfigures) does not fail
    cursor = con.cursor()
    Plugin.__new__(Plugin).configure_cursor(cursor)  # as dbt-duckdb configures a cursor: no registration of its own
    rows = cursor.execute(
        "select corridor_beta_quantile(p, a, b), corridor_beta_cdf(p, a, b) from (values"
        " (0.025, 3.0, 5.0), (null, 3.0, 5.0), (0.5, null, 5.0), (0.0, 3.0, 5.0), (1.0, 3.0, 5.0),"
        " (0.5, -1.0, 5.0)) as t(p, a, b)"
    ).fetchall()
    assert rows[0] == (stats.beta.ppf(0.025, 3, 5), stats.beta.cdf(0.025, 3, 5))
    assert rows[1:] == [(None, None), (None, None), (None, 0.0), (None, 1.0), (None, None)]
    # vectorized over Arrow batches larger than one DuckDB vector, with nulls inside
    got = con.execute(
        "select corridor_beta_quantile(case when i % 7 = 0 then null else 0.025 end, i, 5000 - i)"
        " from range(1, 5000) as t(i) order by i"
    ).fetchall()
    values = np.array([np.nan if row[0] is None else row[0] for row in got])
    i = np.arange(1, 5000)
    expected = np.where(i % 7 == 0, np.nan, stats.beta.ppf(0.025, i, 5000 - i))
    np.testing.assert_allclose(values, expected, rtol=1e-12)


def test_arrow_wrappers_accept_chunked_and_null_arrays():
    chunked = pa.chunked_array([[0.1, None], [0.9]])
    out = beta_udf._arrow_quantile(chunked, pa.array([2.0, 2.0, 2.0]), pa.array([3.0, 3.0, 3.0]))
    assert out.null_count == 1 and out[0].as_py() == stats.beta.ppf(0.1, 2, 3)


def _ranks_by_summing_every_term(n: int, q: float, alpha: float) -> tuple[int, int]:
    """Order-statistic ranks (corridor.order_statistic_ranks_query's definition) from the full binomial CDF."""
    cdf = stats.binom.cdf(np.arange(n + 1), n, q)
    below = np.flatnonzero(cdf <= alpha)
    above = np.flatnonzero(cdf >= 1 - alpha)
    return (int(below.max()) + 1 if len(below) else 0), (int(above.min()) + 1 if len(above) else n + 1)


def test_binomial_functions_give_the_order_statistic_ranks_of_the_full_cdf():
    """What the DuckDB path of corridor.order_statistic_ranks_query computes (lower: the alpha quantile m*, plus 1
    when P(B <= m*) <= alpha; upper: the 1 - alpha quantile plus 1) equals the ranks read off the whole CDF, at the
    sizes where p99's upper bound first exists (n = 368) and far beyond."""
    alpha = 0.025
    cases = [(n, q) for n in (1, 2, 5, 20, 59, 367, 368, 1000, 20011, 250000) for q in (0.5, 0.95, 0.99)]
    for n, q in cases:
        lower_m = beta_udf.binomial_quantile([alpha], [n], [q])[0]
        lower = int(lower_m) + int(beta_udf.binomial_cdf([lower_m], [n], [q])[0] <= alpha)
        upper = int(beta_udf.binomial_quantile([1 - alpha], [n], [q])[0]) + 1
        assert (lower, upper) == _ranks_by_summing_every_term(n, q, alpha), (n, q)
    # p99's upper bound needs n >= 368 (the README's example): below it the upper rank is n + 1 (no bound)
    assert beta_udf.binomial_quantile([0.975], [367], [0.99])[0] + 1 == 368
    assert beta_udf.binomial_quantile([0.975], [368], [0.99])[0] + 1 <= 368


def test_binomial_functions_reject_invalid_inputs():
    nan = float("nan")
    assert np.isnan(
        beta_udf.binomial_quantile([0.0, 1.0, 0.5, 0.5, 0.5, 0.5], [10, 10, 0, 2.5, 10, 10], [0.5] * 4 + [1.5, nan])
    ).all()
    c = beta_udf.binomial_cdf([-1, 10, 12, 3.7, nan, 1], [10, 10, 10, 10, 10, -3], [0.3] * 6)
    np.testing.assert_array_equal(c[:3], [0.0, 1.0, 1.0])
    assert c[3] == stats.binom.cdf(3, 10, 0.3)
    assert np.isnan(c[4:]).all()
    con = duckdb.connect()
    configure(con, environ={})
    row = con.execute(
        "select corridor_binomial_quantile(0.975, 1000.0, 0.95), corridor_binomial_cdf(940.0, 1000.0, 0.95)"
    ).fetchone()
    assert row == (stats.binom.ppf(0.975, 1000, 0.95), stats.binom.cdf(940, 1000, 0.95))
