"""corridor's command line.

corridor init DIR           scaffold a dbt project that runs corridor on your data
corridor demo               build the demo on embedded DuckDB and summarise it
corridor publish            copy the build file atomically to where BI tools read it (only a completed run)
corridor run [DBT ARGS]     dbt build, then publish when the run completed (for schedules; exit codes below)
corridor report [--database PATH] [--out DIR]
                            write the HTML report of the tables (default: the demo's file) and the index of reports
corridor demo-data ...      (re)generate demo data (see python -m corridor.demo_data --help)
corridor decide --model M --version V [--database PATH]
                            print the decision of corridor_model_decisions (docs/decisions.md); exit 0 promote,
                            1 hold or investigate_data, 2 rollback, 3 no decision for that version

Exit codes of `corridor run`: 0 built and published; 1 built and published, but dbt tests failed (e.g. an
open alert of error severity: a finding, the published file shows it); 2 not published: the run did not
complete every model (a model failed, dbt stopped, or the run was killed); 3 not published: publishing failed
(the build file is held by another process, or the copy did not check out).
Exit codes of `corridor publish`: 0 published; 2 nothing published (see the message).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from corridor import __version__
from corridor.dbt_runner import REPO_ROOT, dbt_executable, duckdb_path, run_dbt
from corridor.publish import PublishError, default_publish_path, last_run, publish


def _summarise(path: Path) -> str:
    con = duckdb.connect(str(path), read_only=True)
    try:
        lines = []
        tables = con.execute(
            """
            select table_schema, table_name
            from information_schema.tables
            where table_name like 'corridor\\_%' escape '\\' and table_name not like 'corridor\\_demo\\_%' escape '\\'
            order by table_name
            """
        ).fetchall()
        lines.append(f"DuckDB file: {path}")
        lines.append("Result tables (open read-only while no build runs, e.g. duckdb -readonly <file>):")
        for schema, name in tables:
            n = con.execute(f'select count(*) from "{schema}"."{name}"').fetchall()[0][0]
            lines.append(f"  {schema}.{name:<34} {n:>10,} rows")
        obs = con.execute(
            """
            select source, count(*), count(distinct metric), min(window_start), max(window_end)
            from corridor_metric_observations group by source order by source
            """
        ).fetchall()
        lines.append("Metric observations:")
        for source, n, metrics, first, last in obs:
            lines.append(f"  {source:<10} {n:>8,} rows, {metrics} metrics, {first} .. {last}")
        lines.append("")
        statuses = con.execute(
            "select status, count(*), sum(case when is_confirmed_breach then 1 else 0 end)"
            " from corridor_validation_results group by status order by status"
        ).fetchall()
        lines.append(
            "Validation results: "
            + ", ".join(f"{status} {n:,}" for status, n, _ in statuses)
            + f" ({sum(c or 0 for _, _, c in statuses):,} breaches confirmed after FDR control)"
        )
        alerts = con.execute(
            "select alert_status, summary from corridor_alerts"
            " order by alert_status desc, rule_id, first_seen_window_start"
        ).fetchall()
        n_open = sum(1 for a in alerts if a[0] == "open")
        lines.append(f"Alerts ({n_open} open, {len(alerts) - n_open} closed):")
        for _, summary in alerts:
            lines.append(f"  {summary}")
        issues = con.execute("select reason from corridor_rule_issues order by rule_id").fetchall()
        if issues:
            lines.append("Rules registry issues:")
            for (reason,) in issues:
                lines.append(f"  {reason}")
        lines.append("")
        lines.append("Planted incidents (corridor_demo_planted_incidents) and what production shows:")
        incidents = con.execute(
            """
            select incident_id, incident_kind, metric, segment_dimension, segment_value, starts_at, ends_at
            from corridor_demo_planted_incidents order by starts_at
            """
        ).fetchall()
        for inc_id, kind, metric, dim, value, starts, ends in incidents:
            grain = "hour" if (ends - starts).total_seconds() <= 6 * 3600 else "day"
            row = (
                con.execute(
                    """
                with o as (
                    select window_start, window_end, metric_value, sample_size
                    from corridor_metric_observations
                    where source = 'production' and metric = ? and segment_dimension = ?
                      and segment_value = ? and window_grain = ? and sample_size > 0
                )
                select
                    avg(metric_value) filter (where window_end <= ?),
                    avg(metric_value) filter (where window_start < ? and window_end > ?),
                    min(metric_value) filter (where window_start < ? and window_end > ?),
                    max(metric_value) filter (where window_start < ? and window_end > ?)
                from o
                """,
                    [metric, dim, value, grain, starts, ends, starts, ends, starts, ends, starts],
                ).fetchall()[0]
                if metric not in (None, "duplicate_rate")
                else (None, None, None, None)
            )
            before, during, low, high = row
            evidence = ""
            if before is not None and during is not None:
                evidence = (
                    f"    {metric}: {before:.4g} before -> {during:.4g} during"
                    f" ({grain} windows range {low:.4g} .. {high:.4g})"
                )
            if kind == "late_and_duplicated_events":
                dup, late, total = con.execute(
                    """
                    select count(*) - count(distinct event_id),
                           count(*) filter (where loaded_at > event_at + interval 1 hour),
                           count(*)
                    from stg_corridor__production_events
                    where event_at >= ? and event_at < ?
                    """,
                    [starts, ends],
                ).fetchall()[0]
                evidence = (
                    f"    {dup:,} duplicated event ids and {late:,} events loaded over an hour late"
                    f" out of {total:,} rows delivered"
                )
            lines.append(f"  {inc_id} [{kind}] {dim}={value} {starts} .. {ends}")
            if evidence:
                lines.append(evidence)
        lines.extend(_gates_summary(con))
        return "\n".join(lines)
    finally:
        con.close()


def _gates_summary(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The windows whose data-quality gates do not pass (a data problem, not a model problem)."""
    lines = ["", "Data-quality gates (int_corridor__window_gate_status, details in corridor_quality_gates):"]
    counts = con.execute(
        "select window_grain, gate_status, count(*) from int_corridor__window_gate_status group by 1, 2 order by 1, 2"
    ).fetchall()
    lines.append("  " + ", ".join(f"{grain} {status}: {n}" for grain, status, n in counts))
    for grain, start, checks, diagnostic in con.execute(
        "select window_grain, window_start, failing_checks, gate_diagnostic from int_corridor__window_gate_status "
        "where gate_status = 'fail' and window_grain in ('day', 'week') order by window_grain, window_start"
    ).fetchall():
        lines.append(f"  {grain} {start}: fail [{checks}]")
        lines.append(f"    {diagnostic}")
    quarantined = con.execute(
        "select input_name, reason_codes, count(*) from corridor_quarantine group by 1, 2 order by 1, 2"
    ).fetchall()
    counts_text = ", ".join(f"{i} {r}: {n:,}" for i, r, n in quarantined) or "empty"
    lines.append("Quarantine (corridor_quarantine): " + counts_text)
    return lines


def _demo_project(args: argparse.Namespace) -> tuple[Path, Path]:
    """The demo's dbt project and DuckDB file: this checkout, or (installed from the wheel) a working copy
    of the bundled project in --dir, with the demo's event seed generated there on first use."""
    from corridor.scaffold import package_project_dir

    project = package_project_dir()
    if project == REPO_ROOT and args.dir is None:
        return project, duckdb_path()
    work = Path(args.dir or "corridor-demo").resolve()
    if not (work / "dbt_project.yml").exists():
        shutil.copytree(project, work, dirs_exist_ok=True, ignore=shutil.ignore_patterns("target", "logs", "build"))
    events = work / "seeds" / "demo" / "corridor_demo_production_events.csv"
    if not events.exists():
        from corridor import demo_data

        print(f"generating the demo data into {events.parent} ...", flush=True)
        demo_data.main(["seeds", "--out", str(events.parent)])
    database = Path(os.environ.get("CORRIDOR_DUCKDB_PATH", work / "build" / "corridor.duckdb"))
    return work, database


def cmd_demo(args: argparse.Namespace) -> int:
    project, path = _demo_project(args)
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"corridor {__version__}: building the demo into {path} ...", flush=True)
    build_args = ["build"]
    if args.full_refresh:
        build_args.append("--full-refresh")
    result = run_dbt(build_args, project_dir=project, env={"CORRIDOR_DUCKDB_PATH": str(path)})
    lines = result.output.strip().splitlines()
    rule_lines = [line for line in lines if "corridor rule " in line]
    tail = "\n".join(line for line in lines[-15:] if line not in rule_lines)
    print(tail)
    if not result.ok and not _only_rule_tests_failed(project):
        print("dbt build failed; full log in logs/dbt.log", file=sys.stderr)
        return result.returncode
    if rule_lines:
        print()
        print("Rules enforced by dbt tests (corridor.rules_hold on corridor_demo_rules.rule_id):")
        for line in rule_lines:
            print("  " + line.split("corridor rule ", 1)[1])
        if not result.ok:
            print(
                "  -> dbt build exits non-zero because rules of error severity have open alerts: the demo's error path."
            )
    print()
    print(_summarise(path))
    print()
    return _publish(path, default_publish_path(path))


def _publish(build_file: Path, target: Path) -> int:
    try:
        done = publish(build_file, target)
    except PublishError as exc:
        print(f"corridor publish: {exc}", file=sys.stderr)
        return 2
    print(
        f"Published {build_file} -> {done.path} ({done.size_bytes / 1e6:.1f} MB, run {done.invocation_id},"
        f" {done.seconds:.2f} s). Point BI tools at the published file, read-only:\n"
        f"  duckdb -readonly {done.path}"
    )
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    build_file = Path(args.database) if args.database else duckdb_path()
    target = Path(args.to) if args.to else default_publish_path(build_file)
    return _publish(build_file, target)


RUN_PUBLISHED, RUN_PUBLISHED_TESTS_FAILED, RUN_NOT_COMPLETED, RUN_PUBLISH_FAILED = 0, 1, 2, 3


def _last_run_or_none(build_file: Path) -> tuple[str | None, str | None]:
    if not build_file.exists():
        return None, None
    try:
        invocation_id, status, _ = last_run(build_file)
    except (PublishError, duckdb.Error):
        return None, None
    return invocation_id, status


def cmd_run(args: argparse.Namespace) -> int:
    """`dbt build` in the current project, then `corridor publish` when that build completed.

    A schedule runs this instead of `dbt build && corridor publish` (which never publishes while an alert of
    error severity is open, since dbt then exits 1 by design)."""
    build_file = Path(args.database) if args.database else duckdb_path()
    target = Path(args.to) if args.to else default_publish_path(build_file)
    before, _ = _last_run_or_none(build_file)
    dbt_args = [a for a in args.dbt_args if a != "--"]
    returncode = subprocess.call([dbt_executable(), "build", *dbt_args])
    invocation_id, status = _last_run_or_none(build_file)
    if invocation_id is None or invocation_id == before:
        print(
            f"corridor run: dbt build (exit {returncode}) recorded no run in {build_file}: nothing published",
            file=sys.stderr,
        )
        return RUN_NOT_COMPLETED
    if status not in ("success", "tests_failed"):
        print(f"corridor run: run {invocation_id} ended '{status}': nothing published", file=sys.stderr)
        return RUN_NOT_COMPLETED
    if _publish(build_file, target) != 0:
        return RUN_PUBLISH_FAILED
    if status == "tests_failed":
        print(f"corridor run: run {invocation_id} published; some dbt tests failed (see the dbt output above)")
        return RUN_PUBLISHED_TESTS_FAILED
    return RUN_PUBLISHED


def cmd_report(args: argparse.Namespace) -> int:
    from corridor.report import ReportError, write_report

    database = args.database or duckdb_path()
    try:
        report, index, data = write_report(database, args.out)
    except ReportError as exc:
        print(f"corridor report: {exc}", file=sys.stderr)
        return 1
    checks, alerts = data["checks"], data["alerts"]
    print(
        f"Report of run {data['run']['invocation_id']} ({checks['total']:,} checks,"
        f" {alerts['open']} open alerts, {data['blocked_windows']['count']} blocked windows): {report}"
    )
    print(f"Index of reports: {index}")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from corridor.decide import decide

    code, text = decide(args.database or duckdb_path(), args.model, args.version)
    print(text, file=sys.stderr if code == 3 else sys.stdout)
    return code


def _only_rule_tests_failed(project: Path = REPO_ROOT) -> bool:
    """True when every failing node of the last build is a corridor.rules_hold test (an expected finding)."""
    target = Path(os.environ.get("DBT_TARGET_PATH", project / "target"))
    try:
        results = json.loads((target / "run_results.json").read_text())["results"]
    except (OSError, ValueError, KeyError):
        return False
    failed = [r for r in results if r.get("status") in ("fail", "error", "runtime error", "skipped")]
    return bool(failed) and all(r["status"] == "fail" and ".corridor_rules_hold_" in r["unique_id"] for r in failed)


def cmd_init(args: argparse.Namespace) -> int:
    from corridor.scaffold import init_project

    try:
        written = init_project(
            args.directory,
            name=args.name,
            model_type=args.model_type,
            model_id=args.model_id,
            model_version=args.model_version,
            package_path=args.package_path,
            git=args.git,
            revision=args.revision,
            force=args.force,
        )
    except (ValueError, FileExistsError, FileNotFoundError) as exc:
        print(f"corridor init: {exc}", file=sys.stderr)
        return 2
    print(f"corridor {__version__}: wrote a dbt project in {args.directory}:")
    for path in written:
        print(f"  {path}")
    print(f"Next: map your tables in {args.directory}/dbt_project.yml, replace the example seed rows, then")
    print(f"  cd {args.directory} && DBT_PROFILES_DIR=. dbt deps && DBT_PROFILES_DIR=. dbt build")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="corridor", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"corridor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser(
        "init",
        help="scaffold a dbt project that runs corridor on your own data",
        description=(
            "Write packages.yml, dbt_project.yml (every corridor var with its default and meaning), a DuckDB "
            "profile, and rules and offline-estimate seeds with example rows into DIRECTORY."
        ),
    )
    init.add_argument("directory", type=Path, help="the new project's folder (created if missing)")
    init.add_argument("--name", help="dbt project and profile name (default: from the folder name)")
    init.add_argument("--model-type", choices=["binary_classifier", "regression"], default="binary_classifier")
    init.add_argument("--model-id", default="my_model", help="model id in the example seed rows")
    init.add_argument("--model-version", default="v1", help="model version in the example seed rows")
    source = init.add_mutually_exclusive_group()
    source.add_argument(
        "--package-path",
        type=Path,
        help="install corridor from this local path (default: the corridor project this command came with)",
    )
    source.add_argument("--git", help="install corridor from this git URL instead (with --revision)")
    init.add_argument("--revision", help=f"git tag or commit for --git (default: v{__version__})")
    init.add_argument("--force", action="store_true", help="overwrite files that exist")
    init.set_defaults(func=cmd_init)
    demo = sub.add_parser("demo", help="build the demo end to end on embedded DuckDB")
    demo.add_argument("--full-refresh", action="store_true", help="rebuild tables (run history is kept)")
    demo.add_argument(
        "--dir",
        type=Path,
        help="working copy of the demo project (default: this checkout; installed from a wheel: ./corridor-demo)",
    )
    demo.set_defaults(func=cmd_demo)
    pub = sub.add_parser(
        "publish",
        help="copy the build file atomically to where BI tools read it (run after each dbt build)",
        description=(
            "Copy the DuckDB file dbt builds into to a published file for BI readers, atomically: "
            "readers never see a half-written file and never block the next build."
        ),
    )
    pub.add_argument("--database", help="the build file (default: $CORRIDOR_DUCKDB_PATH or build/corridor.duckdb)")
    pub.add_argument(
        "--to", help="the published file (default: $CORRIDOR_PUBLISH_PATH or published/<name> next to the build file)"
    )
    pub.set_defaults(func=cmd_publish)
    run = sub.add_parser(
        "run",
        help="dbt build, then publish when the run completed (for schedules; see exit codes above)",
        description="Run `dbt build [DBT ARGS]` in the current dbt project, then publish the build file when the "
        "run completed every model, even when dbt tests failed (open alerts of error severity).",
    )
    run.add_argument("--database", help="the build file (default: $CORRIDOR_DUCKDB_PATH or build/corridor.duckdb)")
    run.add_argument("--to", help="the published file (default: $CORRIDOR_PUBLISH_PATH or published/<name>)")
    run.add_argument("dbt_args", nargs=argparse.REMAINDER, help="arguments passed to dbt build, after --")
    run.set_defaults(func=cmd_run)
    report = sub.add_parser("report", help="write the HTML validation report of a corridor DuckDB file")
    report.add_argument(
        "--database",
        type=Path,
        help="DuckDB file to read, opened read-only (default: $CORRIDOR_DUCKDB_PATH or build/corridor.duckdb)",
    )
    report.add_argument(
        "--out",
        type=Path,
        help="reports folder: one sub-folder per run plus index.html (default: reports/ next to the database)",
    )
    report.set_defaults(func=cmd_report)
    decide = sub.add_parser(
        "decide", help="print a model version's decision (promote/hold/rollback/investigate_data) as an exit code"
    )
    decide.add_argument("--model", required=True, help="model id")
    decide.add_argument("--version", required=True, help="model version")
    decide.add_argument(
        "--database",
        type=Path,
        help="DuckDB file to read, opened read-only (default: $CORRIDOR_DUCKDB_PATH or build/corridor.duckdb)",
    )
    decide.set_defaults(func=cmd_decide)
    data = sub.add_parser("demo-data", help="generate demo data (seeds or parquet)", add_help=False)
    data.add_argument("rest", nargs=argparse.REMAINDER)
    data.set_defaults(func=lambda a: __import__("corridor.demo_data", fromlist=["main"]).main(a.rest) or 0)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
