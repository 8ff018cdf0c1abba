"""BI-ready: a documented catalogue, exposures, example BI queries with answers
computed independently, and a published DuckDB file that BI readers can hold
open without blocking the next build or ever seeing a half-written file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import query
from corridor import publish as publish_mod
from corridor.dbt_runner import REPO_ROOT, run_dbt

pytestmark = pytest.mark.dbt

PUBLIC_FOLDERS = ("models/marts/", "models/audit/")
ANALYSES = ["breach_rate_by_owner_weekly", "time_to_detect", "open_alerts_by_severity", "widening_intervals"]
GRAIN_HOURS = {"hour": 1, "day": 24, "week": 168}


@pytest.fixture(scope="module")
def docs(demo_build, tmp_path_factory):
    """dbt docs generate and dbt compile of the analyses, against a copy of the demo build in a directory of this
    worker's: dbt opens its database read-write, and the shared build may be read by another worker meanwhile."""
    work = tmp_path_factory.mktemp("docs")
    path = work / demo_build["path"].name
    shutil.copyfile(demo_build["path"], path)
    env = {
        "CORRIDOR_DUCKDB_PATH": str(path),
        "DBT_TARGET_PATH": str(work / "target"),
        "DBT_LOG_PATH": str(work / "logs"),
    }
    generated = run_dbt(["docs", "generate"], project_dir=REPO_ROOT, env=env)
    assert generated.ok, generated.output[-4000:]
    compiled = run_dbt(["compile", "--select", "resource_type:analysis"], project_dir=REPO_ROOT, env=env)
    assert compiled.ok, compiled.output[-4000:]
    target = work / "target"
    return {
        "manifest": json.loads((target / "manifest.json").read_text()),
        "catalog": json.loads((target / "catalog.json").read_text()),
        "compiled": target / "compiled" / "corridor" / "analyses",
    }


# --- the catalogue -----------------------------------------------------------------------------


def _corridor_models(manifest):
    return {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["package_name"] == "corridor"
    }


def test_every_public_table_and_column_is_documented(docs):
    models = _corridor_models(docs["manifest"])
    public = {uid: n for uid, n in models.items() if n["original_file_path"].startswith(PUBLIC_FOLDERS)}
    assert len(public) >= 14, sorted(n["name"] for n in public.values())
    problems = []
    for uid, node in public.items():
        if len(node["description"].strip()) < 40:
            problems.append(f"{node['name']}: no real table description")
        actual = {c.lower() for c in docs["catalog"]["nodes"][uid]["columns"]}
        documented = {c.lower(): v for c, v in node["columns"].items()}
        for column in sorted(actual):
            if len(documented.get(column, {}).get("description", "").strip()) < 10:
                problems.append(f"{node['name']}.{column}: undocumented")
        for column in sorted(set(documented) - actual):
            problems.append(f"{node['name']}.{column}: documented but not in the table")
    assert not problems, "\n".join(problems)


def test_every_model_says_what_it_is_and_the_package_has_an_overview(docs):
    undescribed = [n["name"] for n in _corridor_models(docs["manifest"]).values() if not n["description"].strip()]
    assert not undescribed
    overview = docs["manifest"]["docs"].get("doc.corridor.__corridor__")
    assert overview and "corridor_validation_results" in overview["block_contents"]


def test_exposures_declare_the_report_and_each_example_query(docs):
    manifest = docs["manifest"]
    exposures = {e["name"]: e for e in manifest["exposures"].values() if e["package_name"] == "corridor"}
    assert set(exposures) == {
        "corridor_validation_report",
        "corridor_breach_rate_by_owner_weekly",
        "corridor_time_to_detect",
        "corridor_open_alerts_by_severity",
        "corridor_widening_intervals",
    }
    assert exposures["corridor_validation_report"]["type"] == "application"
    # the report's exposure lists every table the report reads
    report_source = "".join(
        (REPO_ROOT / "python" / "corridor" / name).read_text()
        for name in ("report.py", "report_decisions.py", "report_calibration.py")
    )
    models = {n["name"]: uid for uid, n in _corridor_models(manifest).items()}
    read_by_report = {uid for name, uid in models.items() if f"{name}" in report_source}
    assert read_by_report == set(exposures["corridor_validation_report"]["depends_on"]["nodes"])
    for exposure in exposures.values():
        assert exposure["depends_on"]["nodes"], exposure["name"]
        assert all(uid in manifest["nodes"] for uid in exposure["depends_on"]["nodes"])
        query_file = exposure["meta"].get("query")
        if query_file:
            # the exposure lists exactly what its query reads
            analysis = manifest["nodes"][f"analysis.corridor.{Path(query_file).stem}"]
            assert (REPO_ROOT / query_file).exists()
            assert set(analysis["depends_on"]["nodes"]) == set(exposure["depends_on"]["nodes"]), exposure["name"]


# --- the example BI queries, against answers computed in pandas -----------------------------------


def _analysis(docs, demo_build, name) -> pd.DataFrame:
    sql = (docs["compiled"] / f"{name}.sql").read_text()
    return query(demo_build["path"], sql)


def test_breach_rate_by_owner_weekly(docs, demo_build):
    got = _analysis(docs, demo_build, "breach_rate_by_owner_weekly")
    r = query(demo_build["path"], "select * from corridor_validation_results")
    starts = pd.to_datetime(r["window_start"])
    r["week_start"] = (starts - pd.to_timedelta(starts.dt.day_of_week, unit="D")).dt.normalize()
    expected = (
        r.groupby(["owner", "week_start"])
        .agg(
            checks=("result_id", "size"),
            checks_tested=("is_tested", "sum"),
            confirmed_breaches=("is_confirmed_breach", "sum"),
            checks_blocked=("status", lambda s: (s == "blocked").sum()),
        )
        .reset_index()
    )
    expected["breach_rate"] = expected["confirmed_breaches"] / expected["checks_tested"].replace(0, np.nan)
    got["week_start"] = pd.to_datetime(got["week_start"])
    merged = expected.merge(got, on=["owner", "week_start"], suffixes=("", "_sql"), how="outer", indicator=True)
    assert (merged["_merge"] == "both").all()
    for column in ["checks", "checks_tested", "confirmed_breaches", "checks_blocked"]:
        assert (merged[column].astype(int) == merged[f"{column}_sql"].astype(int)).all(), column
    np.testing.assert_allclose(merged["breach_rate_sql"], merged["breach_rate"], rtol=1e-12)
    # weeks start on Monday, and the demo's confirmed breaches all fall in the weeks of its incidents
    assert (got["week_start"].dt.day_of_week == 0).all()
    assert got["confirmed_breaches"].sum() == r["is_confirmed_breach"].sum() > 0


def test_time_to_detect(docs, demo_build):
    got = _analysis(docs, demo_build, "time_to_detect").set_index("alert_id")
    alerts = query(demo_build["path"], "select * from corridor_alerts").set_index("alert_id")
    assert set(got.index) == set(alerts.index)
    grain = pd.to_timedelta(alerts["window_grain"].map(GRAIN_HOURS), unit="h")
    expected = (alerts["opened_window_start"] + grain - alerts["first_seen_window_start"]).dt.total_seconds() / 3600
    np.testing.assert_allclose(got.loc[expected.index, "time_to_detect_hours"], expected, rtol=1e-12)
    # known answers of the demo: a one-window rule detects at the end of the first breached window,
    # the latam rules need two consecutive days
    by_rule = got.groupby("rule_id")["time_to_detect_hours"].agg(["min", "max"])
    assert by_rule.loc["R010"].tolist() == [1.0, 1.0]
    assert by_rule.loc["R008"].tolist() == [24.0, 24.0]
    assert by_rule.loc["R007"].tolist() == [24.0, 24.0]
    assert by_rule.loc["R013"].tolist() == [48.0, 48.0]
    assert by_rule.loc["R005"].tolist() == [48.0, 48.0]


def test_open_alerts_by_severity(docs, demo_build):
    got = _analysis(docs, demo_build, "open_alerts_by_severity")
    alerts = query(demo_build["path"], "select * from corridor_alerts where alert_status = 'open'")
    expected = alerts.groupby(["severity", "dbt_severity"]).agg(
        open_alerts=("alert_id", "size"), rules=("rule_id", "nunique"), owners=("owner", "nunique")
    )
    got_indexed = got.set_index(["severity", "dbt_severity"])
    assert set(got_indexed.index) == set(expected.index)
    for column in ["open_alerts", "rules", "owners"]:
        assert (got_indexed.loc[expected.index, column].astype(int) == expected[column]).all(), column
    # the demo: R007, R013 and the drift rule R014 on two versions (high -> error) open; R005 and the drift
    # rule R015 on two versions (medium -> warn) open; errors first; the stale-estimate alerts of R002 (high),
    # R003 (critical) and R004 (medium) keep their rule's severity and are warn (docs/lineage.md)
    assert got[["severity", "dbt_severity", "open_alerts"]].values.tolist() == [
        ["high", "error", 4],
        ["medium", "warn", 4],
        ["critical", "warn", 1],
        ["high", "warn", 1],
    ]
    # R013 and R014 (v2) span the blocked day 10-19
    by_level = got.set_index(["severity", "dbt_severity"])
    assert int(by_level.loc[("high", "error"), "alerts_with_failed_data_gates"]) == 2


def test_widening_intervals(docs, demo_build):
    got = _analysis(docs, demo_build, "widening_intervals")
    obs = query(
        demo_build["path"],
        """
        select model_id, model_version, metric, segment_dimension, segment_value, window_start, sample_size,
               interval_upper - interval_lower as width
        from corridor_metric_observations
        where source = 'production' and window_grain = 'day' and interval_lower is not null
          and interval_upper is not null and sample_size > 0
        """,
    )
    windows = sorted(obs["window_start"].unique(), reverse=True)
    recent, prior = set(windows[:7]), set(windows[7:14])
    obs = obs[obs["window_start"].isin(recent | prior)].copy()
    obs["period"] = np.where(obs["window_start"].isin(recent), "recent", "prior")
    keys = ["model_id", "model_version", "metric", "segment_dimension", "segment_value"]
    stats = obs.pivot_table(index=keys, columns="period", values=["width", "sample_size"], aggfunc=["mean", "count"])
    width_recent, width_prior = stats[("mean", "width", "recent")], stats[("mean", "width", "prior")]
    n_recent, n_prior = stats[("count", "width", "recent")], stats[("count", "width", "prior")]
    ratio = width_recent / width_prior
    keep = (n_recent >= 4) & (n_prior >= 4) & (width_prior > 0) & (ratio >= 1.25)
    expected = ratio[keep].sort_values(ascending=False)
    assert len(expected) > 0, "the demo has series whose intervals widen (v2 latency tails after the android incident)"
    got_indexed = got.set_index(keys)
    assert set(got_indexed.index) == set(expected.index)
    np.testing.assert_allclose(got_indexed.loc[expected.index, "width_ratio"], expected, rtol=1e-9)
    traffic = np.sqrt(stats[("mean", "sample_size", "prior")] / stats[("mean", "sample_size", "recent")])[keep]
    np.testing.assert_allclose(
        got_indexed.loc[expected.index, "traffic_explained_ratio"], traffic.loc[expected.index], rtol=1e-9
    )
    assert (got["width_ratio"].diff().dropna() <= 0).all()  # widest first


# --- the published file -------------------------------------------------------------------------


def test_demo_publishes_a_copy_for_bi_readers(demo_build):
    published = demo_build["published"]
    assert published.exists()
    assert f"-> {published}" in demo_build["output"]
    for table in ["corridor_validation_results", "corridor_alerts", "corridor_run_history"]:
        sql = f"select count(*) as n from {table}"
        assert query(published, sql)["n"][0] == query(demo_build["path"], sql)["n"][0]


def test_published_file_opens_read_only_in_the_duckdb_1x_cli(demo_build, tmp_path):
    """The DuckDB command-line shell of the 1.x line (PyPI duckdb-cli ships its binary) reads the published file,
    also when the build file was written in DuckDB 2.0's own storage format (a profile without
    storage_compatibility_version): publishing writes the 1.4 format whatever the build file has."""
    target = tmp_path / "duckdb_cli"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps"]
        + ["--target", str(target), "duckdb-cli==1.5.6"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    cli = target / "duckdb_cli" / "duckdb"
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1.")
    proc = subprocess.run(
        [str(cli), "-readonly", str(demo_build["published"]), "-csv", "-noheader", "-c"]
        + ["select alert_status, count(*) from corridor_alerts group by 1 order by 1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["closed,5", "open,10"]

    # a build file in DuckDB 2.0's default format: the 1.x CLI cannot open it, its published copy it can
    native = tmp_path / "native" / "corridor.duckdb"
    native.parent.mkdir()
    con = duckdb.connect(str(native))
    try:
        con.execute(f"attach '{demo_build['path']}' as demo (read_only)")
        con.execute("copy from database demo to corridor")
        version = con.execute("select tags from duckdb_databases() where database_name = 'corridor'").fetchall()
    finally:
        con.close()
    assert not str(version[0][0]["storage_version"]).startswith("v1.")
    refused = subprocess.run([str(cli), "-readonly", str(native), "-c", "select 1"], capture_output=True, text=True)
    assert refused.returncode != 0
    published = publish_mod.publish(native, tmp_path / "native_published" / "corridor.duckdb").path
    proc = subprocess.run(
        [str(cli), "-readonly", str(published), "-csv", "-noheader", "-c", "select count(*) from corridor_alerts"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["15"]


def test_published_copy_holds_every_table_of_the_build(demo_build):
    def tables(path):
        con = duckdb.connect(str(path), read_only=True)
        try:
            names = con.execute("select schema_name, table_name from duckdb_tables() order by 1, 2").fetchall()
            return {n: con.execute(f'select count(*) from "{n[0]}"."{n[1]}"').fetchall()[0][0] for n in names}
        finally:
            con.close()

    built, published = tables(demo_build["path"]), tables(demo_build["published"])
    # readers get corridor's result and audit tables (and the gate status the report reads), nothing else:
    # no staging views, intermediate tables or raw inputs (the demo seeds); docs/security.md
    readers = {
        name: n
        for name, n in built.items()
        if (name[1].startswith("corridor_") and not name[1].startswith("corridor_demo_"))
        or name[1] == "int_corridor__window_gate_status"
    }
    assert published == readers and len(published) >= 15
    assert not any(name[1].startswith(("stg_", "corridor_demo_")) for name in published)
    results = "select * from corridor_validation_results order by result_id"
    pd.testing.assert_frame_equal(query(demo_build["published"], results), query(demo_build["path"], results))
    tags = query(demo_build["published"], "select tags from duckdb_databases() where database_name = 'corridor'")
    assert str(tags["tags"][0]["storage_version"]).startswith("v1.4")


READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
sql = "select count(*), max(invocation_id) from corridor_run_history"
print(*con.execute(sql).fetchall()[0], flush=True)
sys.stdin.readline()
print(*con.execute(sql).fetchall()[0], flush=True)
"""


def _reader(path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", READER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )


def test_a_reader_of_the_published_file_blocks_nothing_and_sees_one_consistent_run(demo_build, tmp_path):
    build_file = tmp_path / "corridor.duckdb"
    shutil.copyfile(demo_build["path"], build_file)
    published = tmp_path / "bi" / "corridor.duckdb"
    publish_mod.publish(build_file, published)
    before = query(published, "select count(*) as n from corridor_run_history")["n"][0]

    reader = _reader(published)
    first = reader.stdout.readline().split()
    assert int(first[0]) == before
    # while the reader holds the published file, dbt builds into the build file and publishes again
    env = {
        "CORRIDOR_DUCKDB_PATH": str(build_file),
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
    }
    run = run_dbt(["run", "--select", "corridor_rule_issues"], project_dir=REPO_ROOT, env=env)
    assert run.ok, run.output[-3000:]
    done = publish_mod.publish(build_file, published)
    reader.stdin.write("\n")
    reader.stdin.flush()
    second = reader.stdout.readline()
    reader.wait(timeout=60)
    # the open reader still sees the copy it opened, whole; a new reader sees the new run
    assert second.split() == first
    after = query(published, "select count(*) as n, max(invocation_id) as last from corridor_run_history")
    assert after["n"][0] == before + 1
    assert done.invocation_id is not None
    assert not list(published.parent.glob(".*.tmp"))


def test_publish_refuses_while_a_build_holds_the_build_file(demo_build, tmp_path):
    build_file = tmp_path / "corridor.duckdb"
    shutil.copyfile(demo_build["path"], build_file)
    published = tmp_path / "bi" / "corridor.duckdb"
    publish_mod.publish(build_file, published)
    inode = published.stat().st_ino
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('held', flush=True); sys.stdin.readline()",
            str(build_file),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(publish_mod.PublishError, match="another process has it open"):
            publish_mod.publish(build_file, published)
    finally:
        holder.communicate("\n", timeout=60)
    assert published.stat().st_ino == inode


def test_a_failed_publish_leaves_the_previous_copy_whole(demo_build, tmp_path, monkeypatch):
    build_file = tmp_path / "corridor.duckdb"
    shutil.copyfile(demo_build["path"], build_file)
    published = tmp_path / "bi" / "corridor.duckdb"
    publish_mod.publish(build_file, published)
    inode, size = published.stat().st_ino, published.stat().st_size

    def copy_half_then_fail(src, dst):
        with open(src, "rb") as s, open(dst, "wb") as d:
            d.write(s.read(os.path.getsize(src) // 2))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish_mod, "_copy_compacted", copy_half_then_fail)
    with pytest.raises(OSError, match="No space left"):
        publish_mod.publish(build_file, published)
    assert (published.stat().st_ino, published.stat().st_size) == (inode, size)
    assert not list(published.parent.glob(".*.tmp"))
    assert query(published, "select count(*) as n from corridor_alerts")["n"][0] == 15


def test_publish_errors_are_actionable(tmp_path):
    with pytest.raises(publish_mod.PublishError, match="run `dbt build`"):
        publish_mod.publish(tmp_path / "missing.duckdb", tmp_path / "out.duckdb")
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(publish_mod.PublishError, match="not a corridor build file"):
        publish_mod.publish(empty, tmp_path / "out.duckdb")
    assert not (tmp_path / "out.duckdb").exists()
    with pytest.raises(publish_mod.PublishError, match="must differ"):
        publish_mod.publish(empty, empty)
