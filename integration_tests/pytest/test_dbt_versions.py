"""corridor on more than one dbt minor: the integration project built with dbt-core 1.10 (its own venv,
`make venv-dbt1.10`, pinned in requirements-dbt1.10.lock) passes its tests and gives the same results,
row for row, as the session's dbt 1.11 build."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import duckdb
import pytest
from conftest import query, run_deps
from corridor.dbt_runner import INTEGRATION_DIR, REPO_ROOT

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

OTHER_VENV = Path(os.environ.get("CORRIDOR_DBT_OTHER_VENV", REPO_ROOT / ".venv-dbt1.10"))
# Tables compared row for row (doubles to 12 decimals: iterative and summed doubles such as a Clopper-Pearson
# bound can move in the last bit between any two builds), and what differs between any two builds: the file
# name in input_relation, and freshness, measured against the clock.
TABLES = {
    "corridor_metric_observations": ["input_relation"],
    "corridor_validation_results": [],
    "corridor_alerts": [],
    "corridor_quality_gates": ["measured_value", "diagnostic"],
    "corridor_quarantine": ["input_relation"],
    "corridor_metric_intervals": [],
    "corridor_rule_issues": [],
}


def _select(con, table: str, drop: list[str]) -> str:
    columns = con.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_catalog = 'v111' and table_name = ? order by ordinal_position",
        [table],
    ).fetchall()
    parts = [f'round("{c}", 12)' if t in ("DOUBLE", "FLOAT") else f'"{c}"' for c, t in columns if c not in drop]
    if table == "corridor_quality_gates":
        parts.append("case when check_name = 'freshness_hours' then null else round(measured_value, 12) end")
    return ", ".join(parts)


def _dbt(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(OTHER_VENV / "bin" / "dbt"), *args],
        cwd=INTEGRATION_DIR,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=1800,
    )


@pytest.mark.skipif(not (OTHER_VENV / "bin" / "dbt").exists(), reason=f"no second dbt venv at {OTHER_VENV}")
def test_dbt_1_10_builds_the_integration_project_like_1_11(integration_duckdb, tmp_path):
    version = _dbt(["--version"], {}).stdout
    assert re.search(r"installed:\s+1\.10\.", version), version
    path = tmp_path / "it110.duckdb"
    env = {
        "DBT_PROFILES_DIR": str(INTEGRATION_DIR),
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
        "CORRIDOR_DUCKDB_PATH": str(path),
        "CORRIDOR_PSEUDONYM_KEY": "corridor-test-key",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    deps = run_deps(INTEGRATION_DIR, lambda: _dbt(["deps"], env))
    assert deps is None or deps.returncode == 0, deps.stdout[-4000:]
    for step in (["seed"], ["build"]):
        done = _dbt(step, env)
        assert done.returncode == 0, done.stdout[-4000:]
    # the same warnings as the 1.11 build (the data contract sees the log's replayed copies; corridor's checks)
    warnings = re.search(r"WARN=(\d+)", integration_duckdb["build_output"]).group(1)
    assert "ERROR=0" in done.stdout and f"WARN={warnings}" in done.stdout, done.stdout[-2000:]
    history = query(path, "select dbt_version from corridor_run_history")
    assert history["dbt_version"].str.startswith("1.10.").all()

    con = duckdb.connect()
    con.execute(f"attach '{path}' as v110 (read_only)")
    con.execute(f"attach '{integration_duckdb['path']}' as v111 (read_only)")
    for table, drop in TABLES.items():
        columns = _select(con, table, drop)
        rows = con.execute(f"select count(*) from v111.main.{table}").fetchall()[0][0]
        assert rows == con.execute(f"select count(*) from v110.main.{table}").fetchall()[0][0], table
        for one, other in (("v110", "v111"), ("v111", "v110")):
            extra = con.execute(
                f"select {columns} from {one}.main.{table} except all select {columns} from {other}.main.{table}"
            ).df()
            # the rows themselves in the message: a difference seen once in CI (4 quality-gate rows) did not recur
            assert extra.empty, f"{table}: {len(extra)} of {rows} rows of {one} are not in {other}:\n{extra.head(10)}"
    con.close()
