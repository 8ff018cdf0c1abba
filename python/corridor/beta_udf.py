"""Beta- and binomial-distribution scalar functions for DuckDB, vectorized over Arrow.

The SQL kernel in ``macros/stats/beta_cdf_query.sql`` and ``beta_quantile_query.sql`` computes beta CDFs
and quantiles on every engine with a series whose cost grows with the sample
size. On DuckDB, corridor's dbt-duckdb plugin (``corridor.duckdb_plugin``)
registers these two functions instead, and ``corridor.duckdb_udfs_enabled``
makes the beta macros call them:

``corridor_beta_cdf(x, a, b)``
    The regularized incomplete beta function I_x(a, b)
    (``scipy.special.betainc``): 0 for x <= 0, 1 for x >= 1.
``corridor_beta_quantile(p, a, b)``
    Its inverse in x (``scipy.special.betaincinv``, what
    ``scipy.stats.beta.ppf`` computes) for 0 < p < 1.

Both return NULL when an argument is NULL, NaN or infinite, when a or b is
not positive, or (quantile) when p is not strictly between 0 and 1: the SQL
kernel has no row for those inputs either.

The order-statistic intervals of quantiles (``macros/stats/order_statistic_ranks_query.sql``) need
binomial ranks; the SQL kernel sums the binomial pmf over n q +- 12 sd, rows that grow with the square
root of each window's size (38.5M rows for the latency quantiles of a 100M-event build). With the plugin:

``corridor_binomial_cdf(m, n, q)``
    P(B <= m) for B ~ Binomial(n, q) (``scipy.stats.binom.cdf``, as the quantile uses; m is floored):
    0 for m < 0, 1 for m >= n.
``corridor_binomial_quantile(p, n, q)``
    The smallest m with P(B <= m) >= p (``scipy.stats.binom.ppf``) for 0 < p < 1.

Both return NULL when an argument is NULL, NaN or infinite, when n is not a positive whole number or q is
outside [0, 1], or (quantile) when p is not strictly between 0 and 1.
"""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
from scipy import special, stats

CDF_FUNCTION = "corridor_beta_cdf"
QUANTILE_FUNCTION = "corridor_beta_quantile"
BINOMIAL_CDF_FUNCTION = "corridor_binomial_cdf"
BINOMIAL_QUANTILE_FUNCTION = "corridor_binomial_quantile"
# every function register() adds, which corridor.duckdb_udfs_enabled looks for
FUNCTIONS = (CDF_FUNCTION, QUANTILE_FUNCTION, BINOMIAL_CDF_FUNCTION, BINOMIAL_QUANTILE_FUNCTION)


def _as_float(values: Any) -> np.ndarray:
    """A float64 array with NaN for nulls, from an Arrow array or anything array-like."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        values = values.cast(pa.float64()).fill_null(np.nan).to_numpy(zero_copy_only=False)
    return np.asarray(values, dtype=np.float64)


def _valid_shapes(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.isfinite(a) & np.isfinite(b) & (a > 0) & (b > 0)


def beta_cdf(x: Any, a: Any, b: Any) -> np.ndarray:
    """I_x(a, b) per row; NaN where the inputs are invalid (see the module docstring)."""
    x, a, b = _as_float(x), _as_float(a), _as_float(b)
    ok = _valid_shapes(a, b) & ~np.isnan(x)
    out = np.full(x.shape, np.nan)
    inside = ok & (x > 0) & (x < 1)
    out[inside] = special.betainc(a[inside], b[inside], x[inside])
    out[ok & (x <= 0)] = 0.0
    out[ok & (x >= 1)] = 1.0
    return out


def beta_quantile(p: Any, a: Any, b: Any) -> np.ndarray:
    """x with I_x(a, b) = p per row; NaN where the inputs are invalid (see the module docstring)."""
    p, a, b = _as_float(p), _as_float(a), _as_float(b)
    ok = _valid_shapes(a, b) & (p > 0) & (p < 1)
    out = np.full(p.shape, np.nan)
    out[ok] = special.betaincinv(a[ok], b[ok], p[ok])
    return out


def _valid_binomial(n: np.ndarray, q: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.isfinite(n) & (n > 0) & (np.floor(n) == n) & np.isfinite(q) & (q >= 0) & (q <= 1)


def binomial_cdf(m: Any, n: Any, q: Any) -> np.ndarray:
    """P(B <= floor(m)) for B ~ Binomial(n, q) per row; NaN where the inputs are invalid (module docstring)."""
    m, n, q = _as_float(m), _as_float(n), _as_float(q)
    ok = _valid_binomial(n, q) & ~np.isnan(m)
    out = np.full(m.shape, np.nan)
    k = np.floor(m)
    inside = ok & (k >= 0) & (k < n)
    out[inside] = stats.binom.cdf(k[inside], n[inside], q[inside])
    out[ok & (k < 0)] = 0.0
    out[ok & (k >= n)] = 1.0
    return out


def binomial_quantile(p: Any, n: Any, q: Any) -> np.ndarray:
    """The smallest m with P(B <= m) >= p for B ~ Binomial(n, q) per row; NaN where the inputs are invalid."""
    p, n, q = _as_float(p), _as_float(n), _as_float(q)
    ok = _valid_binomial(n, q) & (p > 0) & (p < 1)
    out = np.full(p.shape, np.nan)
    out[ok] = stats.binom.ppf(p[ok], n[ok], q[ok])
    return out


def _to_arrow(values: np.ndarray) -> pa.Array:
    """NaN (an invalid input or a failed evaluation) becomes NULL."""
    return pa.array(values, type=pa.float64(), mask=np.isnan(values))


def _arrow_cdf(x: pa.Array, a: pa.Array, b: pa.Array) -> pa.Array:
    return _to_arrow(beta_cdf(x, a, b))


def _arrow_quantile(p: pa.Array, a: pa.Array, b: pa.Array) -> pa.Array:
    return _to_arrow(beta_quantile(p, a, b))


def _arrow_binomial_cdf(m: pa.Array, n: pa.Array, q: pa.Array) -> pa.Array:
    return _to_arrow(binomial_cdf(m, n, q))


def _arrow_binomial_quantile(p: pa.Array, n: pa.Array, q: pa.Array) -> pa.Array:
    return _to_arrow(binomial_quantile(p, n, q))


def _bound(conn: Any, name: str) -> bool:
    """Whether the connection sees a function `name` taking three doubles: binding a query that never runs it is
    cheap, where listing duckdb_functions() materializes every function of the catalog (dbt-duckdb configures each
    cursor it opens, a few hundred per build: the listing was 5 % of a whole build's time)."""
    try:
        conn.execute(f"select {name}(1.0::double, 1.0::double, 1.0::double) limit 0")
    except duckdb.CatalogException:
        return False
    return True


def register(conn: Any) -> None:
    """Register corridor_beta_cdf, corridor_beta_quantile, corridor_binomial_cdf and corridor_binomial_quantile
    on a DuckDB connection.

    Idempotent: a connection (or a cursor of one) that already sees them is
    left alone. NULL inputs reach the functions (special null handling) so
    that they, not DuckDB, decide the result of every row.
    """
    for name, function in (
        (CDF_FUNCTION, _arrow_cdf),
        (QUANTILE_FUNCTION, _arrow_quantile),
        (BINOMIAL_CDF_FUNCTION, _arrow_binomial_cdf),
        (BINOMIAL_QUANTILE_FUNCTION, _arrow_binomial_quantile),
    ):
        if not _bound(conn, name):
            conn.create_function(
                name,
                function,
                ["DOUBLE", "DOUBLE", "DOUBLE"],
                "DOUBLE",
                type="arrow",
                null_handling="special",
                side_effects=False,
            )
