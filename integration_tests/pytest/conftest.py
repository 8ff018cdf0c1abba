"""Fixtures that drive dbt end to end: throwaway DuckDB files, a private
PostgreSQL server on loopback, and the integration project built once per
session on each engine."""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "scripts"))

from corridor.dbt_runner import INTEGRATION_DIR, REPO_ROOT, DbtResult, run_dbt  # noqa: E402

# The longest test files, longest first (seconds on a fresh clone, `make test` of 5f57bd1 with other work running).
# pytest-xdist's loadfile hands files to workers in collection order (make test passes --no-loadscope-reorder;
# by default xdist would put the files with the most tests first), so these start first and the short files
# fill in around them: a long file collected last would run on one worker while the other sits idle.
LONGEST_FIRST = [
    "test_spark.py",  # a whole Spark build and a run of the public tables, one Spark session: 9-11 min (2026-12-03)
    "test_incremental.py",  # 8 demo-project builds (test_late_data's merged in), 3 of them whole
    "test_governance.py",  # 600 s
    "test_security.py",  # 930 s before its config cases went from 22 dbt runs to 11
    "test_package.py",  # sqlfluff with the dbt templater over every model: 3-4 min on both cores
    "test_configuration.py",  # 450 s
    "test_wheel.py",  # venvs and pip installs
    "test_validation_corridor.py",
    "test_intervals.py",  # 430 s
    "test_validation_statistics.py",  # 330 s
    "test_crash_safety.py",
    "test_rolling_windows.py",  # 280 s
    "test_bi.py",  # 265 s
    "test_postgres.py",  # 255 s
]


def pytest_collection_modifyitems(session, config, items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order


def pytest_terminal_summary(terminalreporter):
    """Seconds per test file (setup, call and teardown summed) and per xdist worker: the figures LONGEST_FIRST and
    the 45-minute budget of `make test` are kept by. A worker's total near the session's wall time is the critical
    path; a file far down LONGEST_FIRST with a large total should move up."""
    files: dict[str, float] = {}
    workers: dict[str, float] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            duration = getattr(report, "duration", None)
            if not isinstance(duration, float) or not hasattr(report, "nodeid"):
                continue
            name = report.nodeid.split("::")[0].rsplit("/", 1)[-1]
            files[name] = files.get(name, 0.0) + duration
            worker = getattr(report, "worker_id", None) or "main"
            workers[worker] = workers.get(worker, 0.0) + duration
    if not files:
        return
    terminalreporter.write_sep("=", "seconds per test file (setup + call + teardown), longest 20")
    for name, seconds in sorted(files.items(), key=lambda pair: -pair[1])[:20]:
        terminalreporter.write_line(f"{seconds:9.1f}  {name}")
    terminalreporter.write_line(
        "per worker: " + ", ".join(f"{worker} {seconds:.0f} s" for worker, seconds in sorted(workers.items()))
    )


@contextlib.contextmanager
def deps_lock(project_dir: Path):
    """Hold an exclusive lock on one project's `dbt deps` across pytest-xdist workers."""
    key = hashlib.sha1(str(Path(project_dir).resolve()).encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"corridor-deps-{key}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def deps_linked(project_dir: Path) -> bool:
    """True once a project whose only package is corridor itself (`local: ../`) has it linked."""
    project_dir = Path(project_dir)
    packages = project_dir / "packages.yml"
    link = project_dir / "dbt_packages" / "corridor"
    return (
        packages.exists()
        and packages.read_text().split() == ["packages:", "-", "local:", "../"]
        and link.is_symlink()
        and link.resolve() == project_dir.parent.resolve()
    )


def run_deps(project_dir: Path, run):
    """`dbt deps` once per project across parallel workers: deps replaces dbt_packages/corridor, and another
    worker's build reading it mid-replace would fail, so it runs under a lock and is skipped when already linked.
    `run()` runs the real deps and returns its result; a skipped deps returns None."""
    with deps_lock(project_dir):
        if deps_linked(project_dir):
            return None
        return run()


class Dbt:
    """dbt in one project with private target/log paths, so concurrent runs never collide.

    Parsing is shared across the session: every invocation would otherwise parse the whole project (30-60 s for the
    integration project), since each test has its own target path. dbt keys its partial parse state
    (target/partial_parse.msgpack) on the cli vars, the target and the profile's connection fields, the DuckDB path
    among them, and checks every file's checksum itself. So dbt runs in the working directory with the DuckDB file
    named relative to it (the same name in every test), and the first invocation of each (project, target, vars,
    environment) leaves its parse state in a session cache that later invocations start from (`parse_cache`, set
    by the session fixture below; None: no sharing)."""

    parse_cache: Path | None = None

    def __init__(self, project_dir: Path, workdir: Path, env: dict[str, str]):
        self.project_dir = project_dir
        self.workdir = Path(workdir)
        self.env = {
            "DBT_TARGET_PATH": str(workdir / "target"),
            "DBT_LOG_PATH": str(workdir / "logs"),
            # outside the demo corridor refuses to build without a pseudonymization key
            "CORRIDOR_PSEUDONYM_KEY": "corridor-test-key",
            **env,
        }
        # PostgreSQL reads the key from its setting corridor.pseudonym_key (docs/security.md); libpq passes
        # PGOPTIONS to the server, so dbt never sees the key
        if self.env["CORRIDOR_PSEUDONYM_KEY"]:
            self.env.setdefault("PGOPTIONS", f"-c corridor.pseudonym_key={self.env['CORRIDOR_PSEUDONYM_KEY']}")
        database = self.env.get("CORRIDOR_DUCKDB_PATH")
        self.cwd = None
        if database and Path(database).is_absolute() and Path(database).parent == self.workdir:
            self.env["CORRIDOR_DUCKDB_PATH"] = Path(database).name
            self.cwd = self.workdir
        elif not database:  # another engine (PostgreSQL): nothing relative to the working directory
            self.cwd = self.workdir

    def _parse_key(self, args: tuple[str, ...], vars: dict | None, env: dict) -> str:
        """What decides whether dbt can reuse a saved parse: the project, the target, the cli vars (and the dbt
        that parsed) and the DuckDB file's name: dbt keys its saved parse on the profile's connection fields, the
        `path` (relative here) and the `database` DuckDB derives from the file's name among them, so a parse saved
        with another file name is thrown away ("profile has changed") and the invocation parses from scratch. A
        file that wants the shared parse of another's build uses that build's file name. The rest of the environment
        is left out: dbt itself re-parses what an env_var it read changed, and the variables corridor's plugin reads
        (the pseudonymization key) never reach dbt's parse."""
        target = next((args[i + 1] for i, a in enumerate(args[:-1]) if a in ("--target", "-t")), "")
        database = env.get("CORRIDOR_DUCKDB_PATH", "") if self.cwd is not None else ""
        material = [str(self.project_dir), str(self.cwd is not None), target, vars, sys.executable, database]
        return hashlib.sha1(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()

    def _start_from_shared_parse(self, args, vars, env) -> tuple[bool, Path | None, str, float | None]:
        """Put the cached parse of this invocation's key into its target path, unless the target already holds the
        parse of that key (partial_parse.key says which key the saved parse belongs to: after an invocation with
        other vars it belongs to those). Returns whether dbt starts from a saved parse, the cache file of the key
        (None: no sharing), the key and the saved parse's modification time before the run."""
        state = Path(env["DBT_TARGET_PATH"]) / "partial_parse.msgpack"
        if self.parse_cache is None or self.cwd is None:
            return state.exists(), None, "", None
        key = self._parse_key(args, vars, env)
        cached = self.parse_cache / f"{key}.msgpack"
        owner = state.with_suffix(".key")
        held = owner.read_text() if owner.exists() and state.exists() else None
        if cached.exists() and held != key:
            state.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, state)
            owner.write_text(key)
        return state.exists(), cached, key, (state.stat().st_mtime_ns if state.exists() else None)

    def _share_parse(self, cached, key, before, result: DbtResult, env: dict, hit: bool, seconds: float, args):
        """Log the invocation (invocations.tsv, docs/development.md); note which key the target's saved parse now
        belongs to (dbt rewrote it: this invocation's); keep it in the cache for the key's first success."""
        if self.parse_cache is None:
            return
        test = os.environ.get("PYTEST_CURRENT_TEST", "")
        with open(self.parse_cache / "invocations.tsv", "a") as log:
            log.write(f"{time.time():.0f}\t{seconds:.1f}\t{int(hit)}\t{result.returncode}")
            log.write(f"\t{self.project_dir.name}\t{' '.join(args)}\t{test}\n")
        state = Path(env["DBT_TARGET_PATH"]) / "partial_parse.msgpack"
        if cached is None or not state.exists():
            return
        if state.stat().st_mtime_ns != before:
            state.with_suffix(".key").write_text(key)
        if result.ok and not cached.exists() and state.with_suffix(".key").read_text() == key:
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            shutil.copyfile(state, partial)
            os.replace(partial, cached)

    def __call__(self, *args: str, vars: dict | None = None, expect_ok: bool = True, env: dict | None = None):
        full_env = {**self.env, **(env or {})}

        def run():
            return run_dbt(list(args), project_dir=self.project_dir, env=full_env, vars=vars, cwd=self.cwd)

        if args[:1] == ("deps",):
            result = run_deps(self.project_dir, run) or DbtResult(0, "deps: corridor already linked")
        else:
            hit, cached, key, before = self._start_from_shared_parse(args, vars, full_env)
            started = time.monotonic()
            result = run()
            self._share_parse(cached, key, before, result, full_env, hit, time.monotonic() - started, args)
        if expect_ok and not result.ok:
            raise AssertionError(f"dbt {' '.join(args)} failed:\n{result.output[-6000:]}")
        return result

    def batch(self, cases: list[dict], base_vars: dict | None = None) -> list[DbtResult]:
        """Run many dbt invocations in one process on one parse (dbt_batch.py; docs/development.md, "Expected
        failures run in a batch"): parse once with `base_vars`, then each case {"args": [...], "vars": {...} or None
        (the base vars), "env": {...} (over this Dbt's env)} on that manifest, about a second each instead of a
        full parse. Only the selected nodes render and node configs keep the base vars: select the nodes that read
        the var. The process runs like __call__'s dbt (env, working directory, shared parse); each case is logged in
        invocations.tsv as `batch <args>`. Returns one result per case, output = dbt's messages and the error."""
        env = {**self.env}
        hit, cached, key, before = self._start_from_shared_parse(("parse",), base_vars, env)
        full_env = {"DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DO_NOT_TRACK": "1", **os.environ}
        full_env.update({"DBT_PROFILES_DIR": str(self.project_dir), **env})  # as run_dbt sets them
        if self.cwd is not None:
            full_env["DBT_PROJECT_DIR"] = str(self.project_dir)
        with tempfile.TemporaryDirectory(prefix="dbt-batch-") as tmp:
            spec, report = Path(tmp) / "cases.json", Path(tmp) / "results.json"
            spec.write_text(json.dumps({"base_vars": base_vars, "cases": cases}, default=str))
            proc = subprocess.run(
                [sys.executable, str(HERE / "dbt_batch.py"), str(spec), str(report)],
                cwd=self.cwd or self.project_dir, env=full_env, capture_output=True, text=True, timeout=1800,
            )  # fmt: skip
            if not report.exists():
                raise AssertionError(f"dbt_batch.py failed ({proc.returncode}):\n{(proc.stdout + proc.stderr)[-6000:]}")
            results = json.loads(report.read_text())
        parse = results["parse"]
        parsed = DbtResult(0 if parse["ok"] else 1, parse["output"])
        self._share_parse(cached, key, before, parsed, env, hit, parse["seconds"], ("batch", "parse"))
        if not parse["ok"]:
            raise AssertionError(f"dbt parse (batch, base vars) failed:\n{parse['output'][-6000:]}")
        out = []
        for case, outcome in zip(cases, results["cases"], strict=True):
            result = DbtResult(0 if outcome["ok"] else 1, outcome["output"])
            self._share_parse(None, key, None, result, env, True, outcome["seconds"], ("batch", *case["args"]))
            out.append(result)
        return out


@pytest.fixture(scope="session", autouse=True)
def shared_parse_cache(tmp_path_factory):
    """The session's cache of dbt parse states (Dbt.parse_cache), shared by the pytest-xdist workers of one run:
    their base temp directories (popen-gwN) sit side by side in the run's directory."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    cache = root / "dbt-parse-cache"
    cache.mkdir(exist_ok=True)
    if os.environ.get("CORRIDOR_TEST_PARSE_CACHE", "1") != "0":
        Dbt.parse_cache = cache
    yield cache


def load_frames(path: Path, frames: dict) -> None:
    """Write pandas frames as tables of a DuckDB file (the inputs of a hand-built project), replacing them."""
    con = duckdb.connect(str(path))
    try:
        for name, frame in frames.items():
            con.register("frame", frame)
            con.execute(f"create or replace table {name} as select * from frame")
            con.unregister("frame")
    finally:
        con.close()


def upstream_of(*models: str, audit: bool = False, indirect: str = "cautious") -> list[str]:
    """The arguments of a build of `models` and everything upstream, with the audit tables and theirs when `audit`
    (a run is recorded, and its alert history read later, only when they are built), for a fixture whose tests
    read a few tables (docs/development.md#what-a-fixture-builds). Cautious indirect selection runs a data test only
    when every model it reads is selected (corridor's invariant tests read several marts)."""
    selectors = [f"+{model}" for model in models] + (["+corridor.audit"] if audit else [])
    return ["--select", *selectors, "--indirect-selection", indirect]


def query(path: Path, sql: str, params=None):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).df()
    finally:
        con.close()


def replay_cells_from(path: Path):
    """Per replay point (the build's now excluded) and model version with labels still arriving then, computed
    here from int_corridor__replay_label_arrivals: ``first_open``, its first hour whose labels were incomplete
    at that point, beside the ``cells_from`` int_corridor__replay_label_cutoffs holds (an outer join: a row on
    one side only has nulls on the other)."""
    import pandas as pd

    points = query(path, "select as_of from int_corridor__replay_points where not is_build_now")
    arrivals = query(path, "select model_id, model_version, event_hour, labels_complete_at from "
                     "int_corridor__replay_label_arrivals")  # fmt: skip
    pairs = points.merge(arrivals, how="cross")
    pending = pairs[(pairs["as_of"] < pairs["labels_complete_at"]) & (pairs["as_of"] > pairs["event_hour"])]
    keys = ["as_of", "model_id", "model_version"]
    first = pending.groupby(keys, as_index=False)["event_hour"].min().rename(columns={"event_hour": "first_open"})
    cutoffs = query(path, "select as_of, model_id, model_version, cells_from from int_corridor__replay_label_cutoffs")
    return pd.merge(first, cutoffs, on=keys, how="outer", validate="one_to_one")


def build_once_per_run(tmp_path_factory, name: str, build) -> tuple[Path, dict]:
    """Build `name` once per pytest run, however many pytest-xdist workers need it (a session fixture runs once per
    worker): the first worker to ask builds it into `<run>/<name>` (the run's directory, which holds the workers'
    base temp directories, as for shared_parse_cache) under an exclusive lock and writes the marker
    `<run>/<name>.json` with what `build(work)` returned (JSON) or how it failed; the others wait on the lock and
    reuse the build, or fail with the same message (never rebuild). Every outcome is a line of
    `<run>/shared-builds.tsv` (time, worker, name, built/reused/failed/failed-before, seconds). What was built is
    shared: tests read it (DuckDB read-only) and one that writes works on a copy."""
    base = tmp_path_factory.getbasetemp()
    run = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    work, marker = run / name, run / f"{name}.json"
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")

    def log(action: str, seconds: float) -> None:
        with open(run / "shared-builds.tsv", "a") as out:
            out.write(f"{time.time():.0f}\t{worker}\t{name}\t{action}\t{seconds:.1f}\n")

    started = time.monotonic()
    with open(run / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if marker.exists():
                state = json.loads(marker.read_text())
                log("reused" if state["ok"] else "failed-before", time.monotonic() - started)
            else:
                if work.exists():  # a worker died while building it (no marker): start again
                    shutil.rmtree(work)
                work.mkdir()
                try:
                    state = {"ok": True, "worker": worker, "result": build(work)}
                except BaseException as exc:
                    error = str(exc) if isinstance(exc, AssertionError) else f"{type(exc).__name__}: {exc}"
                    state = {"ok": False, "worker": worker, "error": error}
                    raise
                finally:
                    partial = marker.with_suffix(f".{os.getpid()}.tmp")
                    partial.write_text(json.dumps(state))
                    os.replace(partial, marker)
                    log("built" if state["ok"] else "failed", time.monotonic() - started)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if not state["ok"]:
        raise AssertionError(f"{state['error']}\n[{name}: built once per run by {state['worker']}, which failed]")
    return work, state["result"]


@pytest.fixture(scope="session")
def integration_duckdb(tmp_path_factory):
    """The integration project (a consumer of corridor) built on a fresh DuckDB file, once per run
    (build_once_per_run). Tests only read it; a test that writes (more builds, other vars) takes
    integration_duckdb_copy."""

    def build(work: Path) -> dict:
        dbt = Dbt(INTEGRATION_DIR, work, {"CORRIDOR_DUCKDB_PATH": str(work / "integration.duckdb")})
        dbt("deps")
        dbt("seed")
        return {"build_output": dbt("build").output}

    work, built = build_once_per_run(tmp_path_factory, "it_duckdb", build)
    return {"path": work / "integration.duckdb", "build_output": built["build_output"], "work": work}


@pytest.fixture
def integration_duckdb_copy(integration_duckdb, tmp_path):
    """A private copy of the integration build in the test's directory and dbt on it, for a test that writes: the
    shared file stays as built (another worker may be reading it, and DuckDB locks a file opened read-write)."""
    path = tmp_path / integration_duckdb["path"].name
    shutil.copyfile(integration_duckdb["path"], path)
    return {"path": path, "dbt": Dbt(INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)})}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@pytest.fixture(scope="session")
def postgres_server():
    """A private PostgreSQL server on 127.0.0.1, started for this session and stopped after."""
    if os.environ.get("CORRIDOR_SKIP_POSTGRES") == "1":
        pytest.skip("CORRIDOR_SKIP_POSTGRES=1")
    pg_bin = _pg_bin()
    if pg_bin is None:
        pytest.fail(
            "PostgreSQL binaries (initdb, pg_ctl) not found; install PostgreSQL 15 or set CORRIDOR_SKIP_POSTGRES=1"
        )
    root = Path(tempfile.mkdtemp(prefix="corridor_pg_"))
    data = root / "data"
    port = _free_port()
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(root, user="postgres")
    subprocess.run(
        [*prefix, str(pg_bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    subprocess.run(
        [*prefix, str(pg_bin / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "server.log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield {"CORRIDOR_PG_HOST": "127.0.0.1", "CORRIDOR_PG_PORT": str(port), "CORRIDOR_PG_USER": "postgres"}
    finally:
        subprocess.run(
            [*prefix, str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def integration_postgres(postgres_server, tmp_path_factory):
    """The integration project built on the private PostgreSQL server (SQL models only)."""
    work = tmp_path_factory.mktemp("it_postgres")
    dbt = Dbt(INTEGRATION_DIR, work, postgres_server)
    dbt("deps")
    dbt("seed", "--target", "postgres")
    build = dbt("build", "--target", "postgres")
    return {"dbt": dbt, "env": postgres_server, "build_output": build.output}


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory):
    """`corridor demo` (as `make demo` runs it) into a fresh DuckDB file, once per run (build_once_per_run):
    test_demo.py checks the build, test_report.py the report written from it. Tests only read the file and its
    directory; one that runs dbt or writes works on a copy."""

    def environment(work: Path) -> dict:
        env = dict(
            os.environ,
            CORRIDOR_DUCKDB_PATH=str(work / "corridor.duckdb"),
            DBT_TARGET_PATH=str(work / "target"),
            DBT_LOG_PATH=str(work / "logs"),
        )
        env.pop("CORRIDOR_PUBLISH_PATH", None)
        return env

    def build(work: Path) -> dict:
        corridor = Path(sys.executable).with_name("corridor")
        proc = subprocess.run(
            [str(corridor), "demo"], cwd=REPO_ROOT, env=environment(work), capture_output=True, text=True, timeout=900
        )
        assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
        return {"output": proc.stdout}

    work, built = build_once_per_run(tmp_path_factory, "demo", build)
    path = work / "corridor.duckdb"
    return {
        "path": path,
        "output": built["output"],
        "work": work,
        "env": environment(work),
        "published": work / "published" / path.name,
    }


@pytest.fixture
def root_dbt(tmp_path):
    """dbt in the corridor project itself (the demo project) on a throwaway DuckDB file."""
    path = tmp_path / "corridor.duckdb"
    return Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)}), path
