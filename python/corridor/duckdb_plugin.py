"""A dbt-duckdb plugin that hands corridor's pseudonymization key to DuckDB
without letting dbt see it.

corridor pseudonymizes entity ids with a keyed hash (``corridor.keyed_hash``).
If the key went through Jinja (``env_var('CORRIDOR_PSEUDONYM_KEY')``), dbt
would store it in ``target/partial_parse.msgpack`` (dbt records the env vars a
project reads) and the compiled SQL holding it in ``target/`` and
``logs/dbt.log``. Instead, this plugin reads the environment variable in
Python and sets it as a DuckDB session variable on every connection and cursor
dbt opens (``SET VARIABLE corridor_pseudonym_key = ?``, a bound parameter, never
SQL text). The SQL corridor renders only names the variable
(``getvariable('corridor_pseudonym_key')``), so no file dbt writes holds the key
or the key derived from it.

Enable it in the DuckDB output of your dbt profile::

    plugins:
      - module: corridor.duckdb_plugin

The variable ``corridor_pseudonym_plugin`` tells corridor the plugin is loaded,
so a build without it fails with a message saying what to add.

It also registers corridor's beta-distribution functions
(``corridor_beta_cdf``, ``corridor_beta_quantile``: ``corridor.beta_udf``,
over scipy) on every connection and cursor. With setting
``corridor_duckdb_udfs`` at ``auto`` (the default) or ``on``, the beta
macros call them instead of the SQL series kernel (docs/intervals.md).
"""

from __future__ import annotations

import os
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin

from corridor import beta_udf

KEY_ENV = "CORRIDOR_PSEUDONYM_KEY"
KEY_VARIABLE = "corridor_pseudonym_key"
PLUGIN_VARIABLE = "corridor_pseudonym_plugin"


def configure(conn: Any, environ: dict[str, str] | None = None, functions: bool = True) -> None:
    """Set corridor's session variables on one DuckDB connection (or cursor) and, unless `functions` is false,
    register the beta functions on it (a cursor sees those of the connection it came from)."""
    key = (os.environ if environ is None else environ).get(KEY_ENV, "")
    conn.execute(f"set variable {PLUGIN_VARIABLE} = true")
    if key:
        conn.execute(f"set variable {KEY_VARIABLE} = ?", [key])
    else:
        conn.execute(f"reset variable {KEY_VARIABLE}")
    if functions:
        beta_udf.register(conn)


class Plugin(BasePlugin):
    def configure_connection(self, conn: Any) -> None:
        configure(conn)

    def configure_cursor(self, cursor: Any) -> None:
        # dbt-duckdb opens every cursor from the connection it configured (configure_connection), whose functions
        # the cursor sees; session variables are per cursor. A build opens a few hundred cursors.
        configure(cursor, functions=False)
