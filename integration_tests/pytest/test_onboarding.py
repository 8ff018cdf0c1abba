"""The first hour: `corridor init` scaffolds a consumer project that builds green on a stranger's data,
and the README's copy-paste example builds as written.

The stranger's data is a regression model (trip ETAs) with other table and column names, no latency
column and no segments; its events and labels are tables in a schema of the DuckDB file, as a
warehouse's would be.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
import yaml
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from corridor.scaffold import init_project, read_declarations

README = REPO_ROOT / "README.md"


# ---------------------------------------------------------------------------------------------------
# The vars block is generated from the package's declarations


def _vars_used_by_package() -> set[str]:
    """Every corridor_* var the package reads, found independently of the scaffold's own scan."""
    names = set()
    for path in [*REPO_ROOT.glob("macros/**/*.sql"), *REPO_ROOT.glob("models/**/*.sql"), REPO_ROOT / "dbt_project.yml"]:
        text = path.read_text()
        names |= set(re.findall(r"""var\(\s*['"](corridor_[a-z0-9_]+)['"]""", text))
        names |= set(re.findall(r"""setting\(\s*['"](corridor_[a-z0-9_]+)['"]""", text))
    return names


def test_init_lists_every_var_with_its_default_and_meaning(tmp_path):
    decl = read_declarations(REPO_ROOT)
    init_project(tmp_path / "proj", model_type="regression")
    text = (tmp_path / "proj" / "dbt_project.yml").read_text()
    used = _vars_used_by_package()
    assert used, "the scan found no vars"
    missing = sorted(v for v in used if not re.search(rf"^\s*#? ?{v}:", text, re.M))
    assert not missing, f"vars the package reads but the scaffold does not list: {missing}"
    undocumented = sorted(v for v in used | set(decl.var_names) if v not in decl.meanings)
    assert not undocumented, f"vars without a meaning in docs/configuration.md: {undocumented}"
    # Each commented setting shows the declared default, e.g. the FDR level and the seasonal baselines.
    assert "# corridor_fdr_level: 0.05" in text
    assert f"# corridor_bootstrap_seed: {decl.settings['corridor_bootstrap_seed']}" in text
    assert "#   late_events: {warn: 0.05, fail: 0.2, enabled: true}" in text
    # The scaffold describes no dataset: the model type asked for, no demo segments or features.
    project = yaml.safe_load(text)
    assert project["vars"]["corridor_model_type"] == "regression"
    assert project["vars"]["corridor_segment_columns"] == {}
    assert project["vars"]["corridor_feature_columns"] == {}
    events = project["vars"]["corridor_production_events"]["columns"]
    assert events["predicted_value"] == "predicted_value" and events["predicted_score"] is None
    assert events["entity_id"] is None and events["loaded_at"] is None
    required = decl.inputs["production_events"]["required_columns"]
    assert all(events[c] == c for c in required)


def test_init_refuses_to_overwrite(tmp_path):
    init_project(tmp_path / "p")
    with pytest.raises(FileExistsError, match="dbt_project.yml"):
        init_project(tmp_path / "p")
    init_project(tmp_path / "p", force=True)


def test_init_git_revision_defaults_to_this_release(tmp_path):
    import corridor

    init_project(tmp_path / "p", git="https://example.org/corridor.git")
    assert (tmp_path / "p" / "packages.yml").read_text() == (
        f'packages:\n  - git: "https://example.org/corridor.git"\n    revision: v{corridor.__version__}\n'
    )


def test_readme_git_install_form_names_a_placeholder_and_this_release():
    """No public remote exists: the git form is a commented alternative with a placeholder nobody mistakes for a
    real address, pinned to this release's tag."""
    import corridor

    text = readme_example_files()["packages.yml"]
    assert '# - git: "<YOUR_TEAM_CORRIDOR_GIT_URL>"' in text
    assert f"#   revision: v{corridor.__version__}" in text
    assert "github.com" not in text


@pytest.mark.dbt
def test_git_install_of_the_release_tag_resolves(tmp_path):
    """The git form, with the placeholder replaced by a git URL (this repository, by file://): `dbt deps` checks
    out the release tag the README pins."""
    import corridor

    tag = f"v{corridor.__version__}"
    tags = subprocess.run(["git", "tag", "--list", tag], cwd=REPO_ROOT, capture_output=True, text=True).stdout
    if tag not in tags.split():
        pytest.skip(f"this clone has no tag {tag} (a shallow or tag-less clone): fetch tags to test the git form")
    files = readme_example_files()
    project_dir = tmp_path / "churn_monitoring"
    project_dir.mkdir()
    (project_dir / "dbt_project.yml").write_text(files["dbt_project.yml"])
    packages = files["packages.yml"].replace('# - git: "<YOUR_TEAM_CORRIDOR_GIT_URL>"', f'- git: "file://{REPO_ROOT}"')
    packages = packages.replace("#   revision:", "  revision:").replace("  - local: ../corridor", "")
    (project_dir / "packages.yml").write_text(packages)
    dbt = Dbt(project_dir, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(tmp_path / "unused.duckdb")})
    dbt("deps")
    installed = yaml.safe_load((project_dir / "dbt_packages" / "corridor" / "dbt_project.yml").read_text())
    assert installed["version"] == corridor.__version__


# ---------------------------------------------------------------------------------------------------
# A stranger's regression model builds green on the first `dbt build`


def _trip_data(seed: int = 7):
    """Three days of ETA predictions (minutes) and their actuals; 1 % errors; no latency, no segments."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2026-03-02 00:00:00")
    n = 3 * 24 * 40
    at = start + pd.to_timedelta(np.sort(rng.uniform(0, 3 * 24 * 3600, n)), unit="s")
    truth = rng.gamma(4.0, 6.0, n)
    predicted = truth + rng.normal(0, 5.264, n)  # MAE ~ 4.2, RMSE ~ 5.26: within the example estimates
    events = pd.DataFrame(
        {
            "trip_uuid": [f"t{i:06d}" for i in range(n)],
            "predicted_at": at,
            "model": "eta_model",
            "release": "2026.1",
            "eta_minutes": predicted,
            "failed": rng.random(n) < 0.01,
        }
    )
    actuals = pd.DataFrame(
        {"trip_uuid": events["trip_uuid"], "actual_minutes": truth, "arrived_at": at + pd.to_timedelta(truth, "m")}
    )
    return events, actuals


def load_tables(path: Path, schema: str, tables: dict[str, pd.DataFrame]) -> None:
    """Create ``schema.name`` tables in a DuckDB file, as a warehouse holds a team's data."""
    con = duckdb.connect(str(path))
    con.execute(f"create schema if not exists {schema}")
    for name, frame in tables.items():
        con.register("frame", frame)
        con.execute(f"create or replace table {schema}.{name} as select * from frame")
        con.unregister("frame")
    con.close()


def map_trip_inputs(project_vars: dict, latency_ms: str | None) -> None:
    """What a user does in the scaffold's vars: point the two inputs at their tables, map their columns."""
    events, outcomes = project_vars["corridor_production_events"], project_vars["corridor_outcomes"]
    events["relation"] = "ops.trip_predictions"
    events["columns"].update(
        event_id="trip_uuid",
        event_at="predicted_at",
        model_id="model",
        model_version="release",
        predicted_value="eta_minutes",
        is_error="failed",
        latency_ms=latency_ms,
    )
    outcomes["relation"] = "ops.trip_actuals"
    outcomes["columns"].update(event_id="trip_uuid", label="actual_minutes", label_arrived_at="arrived_at")


@pytest.mark.dbt
def test_scaffolded_regression_project_builds_green_first_time(tmp_path):
    project_dir = tmp_path / "eta_monitoring"
    init_project(
        project_dir,
        model_type="regression",
        model_id="eta_model",
        model_version="2026.1",
        valid_from="2026-03-01 00:00:00",
    )
    database = tmp_path / "eta.duckdb"
    events, actuals = _trip_data()
    load_tables(database, "ops", {"trip_predictions": events, "trip_actuals": actuals})

    project_file = project_dir / "dbt_project.yml"
    project = yaml.safe_load(project_file.read_text())
    v = project["vars"]
    map_trip_inputs(v, latency_ms=None)
    v["corridor_as_of"] = "2026-03-05 06:00:00"  # historical data: freshness judged at its end, not today
    # No latency column: the latency rule and its estimate go (the example rows are templates).
    for seed in ("monitoring_rules.csv", "offline_estimates.csv"):
        path = project_dir / "seeds" / seed
        path.write_text("".join(line for line in path.read_text().splitlines(True) if "latency" not in line))

    decl = read_declarations(REPO_ROOT)
    assert "latency_ms" not in decl.inputs["production_events"]["required_columns"]
    dbt = Dbt(project_dir, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(database)})
    project_file.write_text(yaml.safe_dump(project, sort_keys=False))
    dbt("deps")
    build = dbt("build")
    assert "ERROR=0" in build.output and "WARN=0" in build.output, build.output[-3000:]

    results = query(database, "select rule_id, status, count(*) as n from corridor_validation_results group by all")
    by_rule = {r: set(g["status"]) for r, g in results.groupby("rule_id")}
    assert set(by_rule) == {"R001", "R002", "R003"}
    assert by_rule["R001"] <= {"pass", "inconclusive"} and "pass" in by_rule["R001"]
    issues = query(database, "select * from corridor_rule_issues")
    assert issues.empty, issues.to_string()

    # The daily MAE corridor reports equals the MAE of that day's rows, computed here.
    day = pd.Timestamp("2026-03-03")
    in_day = (events["predicted_at"] >= day) & (events["predicted_at"] < day + pd.Timedelta(days=1)) & ~events["failed"]
    joined = events[in_day].merge(actuals, on="trip_uuid")
    expected_mae = float(np.mean(np.abs(joined["eta_minutes"] - joined["actual_minutes"])))
    got = query(
        database,
        "select metric_value, sample_size from corridor_metric_observations where source = 'production'"
        " and metric = 'mae' and window_grain = 'day' and window_start = ? and segment_dimension = 'all'",
        [day.to_pydatetime()],
    )
    assert len(got) == 1
    assert got["sample_size"][0] == len(joined)
    assert got["metric_value"][0] == pytest.approx(expected_mae, rel=1e-9)


# ---------------------------------------------------------------------------------------------------
# The README's example, file by file, as written


def readme_example_files() -> dict[str, str]:
    """The code blocks of the README that start with '# file: NAME'."""
    files = {}
    for block in re.findall(r"```[a-z]*\n(.*?)```", README.read_text(), re.S):
        first, _, rest = block.partition("\n")
        match = re.fullmatch(r"# file: (\S+)", first.strip())
        if match:
            files[match.group(1)] = rest
    return files


def _churn_data(seed: int = 11):
    rng = np.random.default_rng(seed)
    n = 4 * 24 * 60
    start = pd.Timestamp("2026-02-02 00:00:00")
    at = start + pd.to_timedelta(np.sort(rng.uniform(0, 4 * 24 * 3600, n)), unit="s")
    country = rng.choice(["DE", "FR"], n, p=[0.6, 0.4])
    churned = rng.random(n) < 0.3
    # A score that gives about 87 % accuracy at 0.5 (88 % DE, 85 % FR), as the README's estimates say.
    correct = rng.random(n) < np.where(country == "DE", 0.88, 0.85)
    predicted = np.where(correct, churned, ~churned)
    score = np.where(predicted, rng.uniform(0.5, 1.0, n), rng.uniform(0.0, 0.5, n))
    events = pd.DataFrame(
        {
            "request_id": [f"r{i:06d}" for i in range(n)],
            "scored_at": at,
            "model_name": "churn_model",
            "model_release": "v3",
            "response_ms": rng.lognormal(np.log(150), 0.1, n),
            "failed": rng.random(n) < 0.005,
            "churn_probability": score,
            "country_code": country,
        }
    )
    labels = pd.DataFrame(
        {"request_id": events["request_id"], "churned": churned.astype(int), "labelled_at": at + pd.Timedelta(hours=2)}
    )
    return events, labels


@pytest.mark.dbt
def test_readme_example_builds_as_written(tmp_path):
    files = readme_example_files()
    assert set(files) == {
        "packages.yml",
        "dbt_project.yml",
        "seeds/schema.yml",
        "seeds/corridor_rules.csv",
        "seeds/offline_estimates.csv",
        "profiles.yml",
    }
    assert "{...}" not in README.read_text()
    project_dir = tmp_path / "churn_monitoring"
    for name, text in files.items():
        (project_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (project_dir / name).write_text(text)
    # packages.yml as written: `local: ../corridor`, this checkout next to the project
    assert yaml.safe_load(files["packages.yml"]) == {"packages": [{"local": "../corridor"}]}
    (tmp_path / "corridor").symlink_to(REPO_ROOT, target_is_directory=True)
    events, labels = _churn_data()
    database = project_dir / "monitoring.duckdb"
    load_tables(database, "ml_logs", {"predictions": events, "churn_labels": labels})
    # dbt runs in the project directory, as a user runs it: the profile's `path: monitoring.duckdb` resolves there
    # (Dbt runs dbt in its work directory when CORRIDOR_DUCKDB_PATH sits in it; here the work directory is the project)
    dbt = Dbt(project_dir, project_dir, {"CORRIDOR_DUCKDB_PATH": str(tmp_path / "unused.duckdb")})
    assert dbt.cwd is None
    dbt("deps")
    build = dbt("build")
    assert "ERROR=0" in build.output, build.output[-3000:]
    results = query(database, "select rule_id, status from corridor_validation_results")
    assert set(results["rule_id"]) == {"CH01", "CH02", "CH03", "CH04"}
    assert not results["status"].isin(["fail"]).any(), results.value_counts().to_string()
    shutil.rmtree(project_dir / "dbt_packages", ignore_errors=True)
