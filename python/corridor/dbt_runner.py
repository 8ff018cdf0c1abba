"""Run dbt for corridor's own projects (the demo at the repository root and
``integration_tests/``) in a subprocess, with the right profiles directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
INTEGRATION_DIR = REPO_ROOT / "integration_tests"
DEFAULT_DUCKDB_PATH = REPO_ROOT / "build" / "corridor.duckdb"


def duckdb_path() -> Path:
    """The demo's DuckDB file: $CORRIDOR_DUCKDB_PATH, else build/corridor.duckdb."""
    return Path(os.environ.get("CORRIDOR_DUCKDB_PATH", DEFAULT_DUCKDB_PATH))


def dbt_executable() -> str:
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


@dataclass
class DbtResult:
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_dbt(
    args: list[str],
    project_dir: Path = REPO_ROOT,
    env: dict[str, str] | None = None,
    vars: dict | None = None,
    echo: bool = False,
    timeout: float | None = 1800,
    cwd: Path | None = None,
) -> DbtResult:
    """Run ``dbt <args>`` in ``project_dir``; profiles come from that directory. With ``cwd``, dbt runs in that
    directory instead (relative paths of the profile, such as a DuckDB file, resolve there) and finds the project
    through DBT_PROJECT_DIR."""
    full_env = dict(os.environ)
    full_env.setdefault("DBT_PROFILES_DIR", str(project_dir))
    full_env["DBT_PROFILES_DIR"] = str(project_dir)
    full_env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    full_env.setdefault("DO_NOT_TRACK", "1")
    if env:
        full_env.update(env)
    if cwd is not None:
        full_env["DBT_PROJECT_DIR"] = str(project_dir)
    cmd = [dbt_executable(), *args]
    if vars is not None:
        cmd += ["--vars", json.dumps(vars)]
    proc = subprocess.run(
        cmd,
        cwd=cwd or project_dir,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
    )
    if echo:
        print(proc.stdout)
    return DbtResult(proc.returncode, proc.stdout)
