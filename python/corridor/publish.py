"""Publish the DuckDB file dbt builds into as a copy for BI readers.

DuckDB lets one process write a file, and a reader holding it open blocks the
next ``dbt build`` ("Conflicting lock"); a reader opening it during a build
would meet tables half-rebuilt. So dbt builds into its own file (the
*build file*, ``CORRIDOR_DUCKDB_PATH``) and, after each build,
``corridor publish`` puts a consistent copy where BI tools look (the
*published file*):

1. open the build file read-write for a moment: this fails with a clear
   message while a build holds it, and ``CHECKPOINT`` folds the write-ahead
   log into the file, so the file alone is the whole database;
2. refuse unless the build file's last run completed: its row in
   ``corridor_run_history`` (the latest by start time) has a run status in
   ``PUBLISHABLE_STATUSES``. A build killed mid-way leaves its row
   ``running`` (written by the on-run-start hook), so its half-rebuilt tables
   are never published under the previous run's id; a run whose models failed
   (``partial_failure``) mixes its tables with older ones and is refused too;
3. copy what BI readers need (``published_tables``: corridor's result and
   audit tables, plus the gate status the report reads), table by table,
   into a new temporary file next to the published one, written in the
   storage format of DuckDB 1.4 (``PUBLISH_STORAGE_VERSION``) so that the 1.x
   CLI and BI clients read it whatever format the build file has, and
   compacted (a build file keeps the blocks freed by earlier builds); flush
   it to disk and check that it holds every such table of the build file with
   the same row counts. Staging views (their SQL names the pseudonymization
   key's setting), intermediate tables and raw inputs (the demo seeds, a
   user's own tables) stay in the build file;
4. ``os.replace`` the temporary file onto the published name, an atomic
   rename on POSIX and Windows: a new reader sees either the previous copy or
   the new one, never a half-written file; a reader that already had the
   previous copy open keeps reading it (on POSIX, until it closes it).

A failed publish leaves the previous published file untouched and removes its
temporary file; the temporary files of a publish that was killed (and so
could not remove them) are removed by the next publish.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

PUBLISHED_DIR_NAME = "published"
PUBLISH_STORAGE_VERSION = "v1.4.0"
# run_status values of corridor_run_history whose build file may be published: every model built
# (a failing dbt test, e.g. an open alert of error severity, is a finding, not a broken build).
PUBLISHABLE_STATUSES = ("success", "tests_failed")
# Tables outside the corridor_ prefix that readers need (the HTML report reads the gate status).
PUBLISHED_EXTRA_TABLES = ("int_corridor__window_gate_status",)


class PublishError(RuntimeError):
    """The build file could not be published; the message says why and what to do."""


@dataclass(frozen=True)
class Published:
    path: Path
    invocation_id: str | None
    run_finished_at: object
    size_bytes: int
    seconds: float


def default_publish_path(build_file: Path) -> Path:
    """$CORRIDOR_PUBLISH_PATH, else ``published/<name>`` next to the build file."""
    configured = os.environ.get("CORRIDOR_PUBLISH_PATH")
    if configured:
        return Path(configured)
    return build_file.parent / PUBLISHED_DIR_NAME / build_file.name


def _checkpoint(build_file: Path) -> None:
    try:
        con = duckdb.connect(str(build_file))
    except duckdb.IOException as exc:  # another process holds the file
        raise PublishError(
            f"cannot publish {build_file}: another process has it open ({exc}). "
            "Wait for the running dbt build (or close the client holding the build file) and run "
            "`corridor publish` again; BI tools should read the published copy, never the build file."
        ) from exc
    try:
        con.execute("checkpoint")
    finally:
        con.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def published_tables(con: duckdb.DuckDBPyConnection, catalog: str) -> list[tuple[str, str]]:
    """(schema, table) of what a BI reader gets: corridor's result and audit tables (``corridor_*`` but not
    the demo's input seeds ``corridor_demo_*``) and ``PUBLISHED_EXTRA_TABLES``; no views, no raw inputs."""
    return con.execute(
        """
        select schema_name, table_name from duckdb_tables()
        where database_name = ?
          and ((starts_with(table_name, 'corridor_') and not starts_with(table_name, 'corridor_demo_'))
               or list_contains(?, table_name))
        order by 1, 2
        """,
        [catalog, list(PUBLISHED_EXTRA_TABLES)],
    ).fetchall()


def _table_rows(con: duckdb.DuckDBPyConnection, catalog: str, tables: list[tuple[str, str]]) -> dict[str, int]:
    return {
        f"{schema}.{table}": con.execute(f"select count(*) from {_ident(catalog, schema, table)}").fetchall()[0][0]
        for schema, table in tables
    }


def _ident(*parts: str) -> str:
    return ".".join('"' + part.replace('"', '""') + '"' for part in parts)


def _copy_compacted(build_file: Path, tmp: Path) -> None:
    """The published tables of ``build_file`` into the new file ``tmp``, in the published storage format."""
    con = duckdb.connect()
    try:
        try:
            con.execute(f"attach {_literal(str(build_file))} as corridor_build (read_only)")
        except duckdb.IOException as exc:  # a build started since the checkpoint
            raise PublishError(f"cannot publish {build_file}: a build started meanwhile ({exc}); run it again") from exc
        con.execute(
            f"attach {_literal(str(tmp))} as corridor_published (storage_version {_literal(PUBLISH_STORAGE_VERSION)})"
        )
        tables = published_tables(con, "corridor_build")
        for schema in sorted({schema for schema, _ in tables}):
            con.execute(f"create schema if not exists {_ident('corridor_published', schema)}")
        for schema, table in tables:
            con.execute(
                f"create table {_ident('corridor_published', schema, table)} as "
                f"select * from {_ident('corridor_build', schema, table)}"
            )
        source = _table_rows(con, "corridor_build", tables)
        copied = _table_rows(con, "corridor_published", published_tables(con, "corridor_published"))
        if source != copied:
            missing = sorted(set(source) ^ set(copied)) or [t for t in source if source[t] != copied.get(t)]
            differing = ", ".join(missing[:5])
            raise PublishError(f"the copy of {build_file} differs from it ({differing}); nothing published")
        con.execute("detach corridor_published")
    finally:
        con.close()


def last_run(path: Path) -> tuple[str | None, str | None, object]:
    """(invocation_id, run_status, finished_at) of the latest run recorded in a corridor DuckDB file."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "select invocation_id, run_status, finished_at from corridor_run_history"
            " order by coalesce(started_at, finished_at) desc nulls last, finished_at desc nulls first limit 1"
        ).fetchall()
    except duckdb.CatalogException as exc:
        raise PublishError(
            f"{path} holds no corridor_run_history table: it is not a corridor build file (run `dbt build` first)"
        ) from exc
    finally:
        con.close()
    return rows[0] if rows else (None, None, None)


def check_run_completed(build_file: Path) -> tuple[str, object]:
    """The last run's (invocation_id, finished_at); PublishError unless it completed (PUBLISHABLE_STATUSES)."""
    invocation_id, status, finished_at = last_run(build_file)
    if invocation_id is None:
        raise PublishError(
            f"{build_file} records no completed run in corridor_run_history (a first build that was interrupted, "
            "or run history switched off with corridor_run_history_enabled: false); run `dbt build` to completion"
        )
    if status not in PUBLISHABLE_STATUSES:
        why = {
            "running": "did not complete (it is still running, or was killed: the next dbt run marks it "
            "'interrupted' and removes its partial audit rows)",
            "interrupted": "was interrupted",
            "partial_failure": "had failing models, so its tables mix this run's results with older ones",
        }.get(status, f"ended with run_status '{status}'")
        raise PublishError(
            f"not publishing {build_file}: its last run {invocation_id} {why}. The published file keeps the last "
            "completed run; fix the build and run it again"
        )
    return invocation_id, finished_at


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files (``.<name>.<pid>.tmp`` and their ``.wal``) that killed publishes left next to
    ``target``; those of a publish still running (its process alive) are kept. Returns what was removed."""
    removed = []
    for path in target.parent.glob(f".{target.name}.*.tmp*"):
        pid_text = path.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and _alive(int(pid_text)):
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def publish(build_file: Path, published: Path | None = None) -> Published:
    """Copy ``build_file`` to ``published`` atomically; returns what was published."""
    started = time.perf_counter()
    build_file = Path(build_file)
    if not build_file.exists():
        raise PublishError(f"no build file at {build_file}: run `dbt build` (or `corridor demo`) first")
    target = Path(published) if published is not None else default_publish_path(build_file)
    if target.resolve() == build_file.resolve():
        raise PublishError(f"the published file must differ from the build file ({target})")
    _checkpoint(build_file)
    invocation_id, finished_at = check_run_completed(build_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        _copy_compacted(build_file, tmp)
        _fsync(tmp)
        if last_run(tmp)[0] != invocation_id:
            raise PublishError(f"the copy of {build_file} does not end with run {invocation_id}; nothing published")
        # A write-ahead log next to the published name would be replayed into
        # the new copy by the next reader: the published file is read-only, so
        # one can only be left by a client that opened it read-write.
        stale_wal = target.with_name(target.name + ".wal")
        if stale_wal.exists():
            stale_wal.unlink()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
        raise
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return Published(
        path=target,
        invocation_id=invocation_id,
        run_finished_at=finished_at,
        size_bytes=target.stat().st_size,
        seconds=time.perf_counter() - started,
    )
