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
2. copy it, table by table (``COPY FROM DATABASE``), into a new temporary
   file next to the published one, written in the storage format of DuckDB
   1.4 (``PUBLISH_STORAGE_VERSION``) so that the 1.x CLI and BI clients read
   it whatever format the build file has, and compacted (a build file keeps
   the blocks freed by earlier builds); flush it to disk and check that it
   holds every table of the build file with the same row counts and a
   ``corridor_run_history``;
3. ``os.replace`` the temporary file onto the published name, an atomic
   rename on POSIX and Windows: a new reader sees either the previous copy or
   the new one, never a half-written file; a reader that already had the
   previous copy open keeps reading it (on POSIX, until it closes it).

A failed publish leaves the previous published file untouched and removes its
temporary file.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

PUBLISHED_DIR_NAME = "published"
PUBLISH_STORAGE_VERSION = "v1.4.0"


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


def _table_rows(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[str, int]:
    tables = con.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = ? order by 1, 2", [catalog]
    ).fetchall()
    return {
        f"{schema}.{table}": con.execute(f'select count(*) from "{catalog}"."{schema}"."{table}"').fetchall()[0][0]
        for schema, table in tables
    }


def _copy_compacted(build_file: Path, tmp: Path) -> None:
    """Every schema, table and view of ``build_file`` into the new file ``tmp``, in the published storage format."""
    con = duckdb.connect()
    try:
        try:
            con.execute(f"attach {_literal(str(build_file))} as corridor_build (read_only)")
        except duckdb.IOException as exc:  # a build started since the checkpoint
            raise PublishError(f"cannot publish {build_file}: a build started meanwhile ({exc}); run it again") from exc
        con.execute(
            f"attach {_literal(str(tmp))} as corridor_published (storage_version {_literal(PUBLISH_STORAGE_VERSION)})"
        )
        con.execute("copy from database corridor_build to corridor_published")
        source, copied = _table_rows(con, "corridor_build"), _table_rows(con, "corridor_published")
        if source != copied:
            missing = sorted(set(source) ^ set(copied)) or [t for t in source if source[t] != copied.get(t)]
            differing = ", ".join(missing[:5])
            raise PublishError(f"the copy of {build_file} differs from it ({differing}); nothing published")
        con.execute("detach corridor_published")
    finally:
        con.close()


def _last_run(path: Path) -> tuple[str | None, object]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "select invocation_id, finished_at from corridor_run_history order by finished_at desc limit 1"
        ).fetchall()
    except duckdb.CatalogException as exc:
        raise PublishError(
            f"{path} holds no corridor_run_history table: it is not a corridor build file "
            "(run `dbt build` first)"
        ) from exc
    finally:
        con.close()
    return rows[0] if rows else (None, None)


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
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        _copy_compacted(build_file, tmp)
        _fsync(tmp)
        invocation_id, finished_at = _last_run(tmp)
        # A write-ahead log next to the published name would be replayed into
        # the new copy by the next reader: the published file is read-only, so
        # one can only be left by a client that opened it read-write.
        stale_wal = target.with_name(target.name + ".wal")
        if stale_wal.exists():
            stale_wal.unlink()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
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
