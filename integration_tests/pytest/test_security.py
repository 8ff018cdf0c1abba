"""Security: the pseudonymization key never leaves the engine (no file under target/ or logs/, no view or table
definition, nothing published holds the key or the key derived from it), missing and weak keys are refused outside
the demo, entity ids cannot become a segment, and every configuration value that reaches SQL is quoted or
validated (quotes, semicolons and SQL text in each var: nothing runs, a refused value names its var)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import Dbt, query
from corridor import duckdb_plugin
from corridor import publish as publish_mod
from corridor.dbt_runner import INTEGRATION_DIR

pytestmark = pytest.mark.dbt

TEST_KEY = "corridor-test-key"  # conftest's Dbt passes it to every integration build


def _derived(key: str) -> str:
    return hashlib.md5(f"corridor-pseudonym-v1:{key}".encode()).hexdigest()


def _project_vars() -> dict:
    return yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())["vars"]


def _files_holding(root: Path, needles: list[str]) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path} holds {n!r}" for n in needles if n.encode() in data]
    return found


def _objects_holding(path: Path, needles: list[str]) -> list[str]:
    """Every view and table definition, and every text value of every table, of a DuckDB file, searched."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        found = []
        definitions = con.execute(
            "select view_name, sql from duckdb_views() where not internal"
            " union all select table_name, sql from duckdb_tables()"
        ).fetchall()
        found += [f"definition of {name}" for name, sql in definitions for n in needles if n in (sql or "")]
        columns = con.execute(
            "select schema_name, table_name, column_name from duckdb_columns()"
            " where data_type = 'VARCHAR' and not internal"
        ).fetchall()
        for schema, table, column in columns:
            ident = ".".join('"' + p.replace('"', '""') + '"' for p in (schema, table, column))
            relation = ident.rsplit(".", 1)[0]
            for n in needles:
                hits = con.execute(f"select count(*) from {relation} where contains({ident}, ?)", [n]).fetchall()
                if hits[0][0]:
                    found.append(f"{table}.{column} holds {n!r}")
        return found
    finally:
        con.close()


# ---------------------------------------------------------------- the key never leaves the engine


def test_no_key_material_under_target_or_logs_or_in_the_database(integration_duckdb):
    needles = [TEST_KEY, _derived(TEST_KEY)]
    work = integration_duckdb["work"]
    assert (work / "target" / "partial_parse.msgpack").exists() and (work / "logs" / "dbt.log").exists()
    assert _files_holding(work / "target", needles) == []
    assert _files_holding(work / "logs", needles) == []
    assert _objects_holding(integration_duckdb["path"], needles) == []
    # the pseudonyms are still the documented keyed hash of the raw ids; the staging view reads the key from the
    # session, so a reader without it gets null pseudonyms, never the key
    con = duckdb.connect(str(integration_duckdb["path"]), read_only=True)
    try:
        sql = (
            "select raw.customer_key, stg.entity_pseudonym from stg_corridor__production_events as stg"
            " inner join raw_inference_log as raw on stg.event_id = raw.request_uuid"
            " where raw.customer_key is not null order by 1 limit 1"
        )
        assert con.execute(sql).fetchall()[0][1] is None
        duckdb_plugin.configure(con, {"CORRIDOR_PSEUDONYM_KEY": TEST_KEY})
        raw_id, pseudonym = con.execute(sql).fetchall()[0]
    finally:
        con.close()
    assert pseudonym == hashlib.sha256(f"{_derived(TEST_KEY)}:{raw_id}".encode()).hexdigest()


def test_published_file_holds_no_key_material_views_or_raw_inputs(integration_duckdb, tmp_path):
    build = tmp_path / "build.duckdb"
    shutil.copyfile(integration_duckdb["path"], build)
    published = publish_mod.publish(build, tmp_path / "bi" / "corridor.duckdb").path
    assert _objects_holding(published, [TEST_KEY, _derived(TEST_KEY)]) == []
    con = duckdb.connect(str(published), read_only=True)
    try:
        tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        views = con.execute("select count(*) from duckdb_views() where not internal").fetchall()[0][0]
        raw_ids = con.execute(
            "select count(*) from corridor_quarantine where contains(raw_values, ?)", ['"cust-']
        ).fetchall()[0][0]
    finally:
        con.close()
    assert views == 0
    assert {"corridor_validation_results", "corridor_run_history", "int_corridor__window_gate_status"} <= tables
    unexpected = {t for t in tables if not t.startswith("corridor_") and t != "int_corridor__window_gate_status"}
    assert unexpected == set()  # no stg_, int_ (but the gate status), raw seed or user table
    assert "raw_inference_log" not in tables and "inference_log_clean" not in tables
    assert raw_ids == 0


def test_duckdb_plugin_sets_the_key_as_a_session_variable_only():
    con = duckdb.connect()
    duckdb_plugin.configure(con, {"CORRIDOR_PSEUDONYM_KEY": "k3y-with-'quote\"s;--"})
    assert con.execute("select getvariable('corridor_pseudonym_key')").fetchall() == [("k3y-with-'quote\"s;--",)]
    assert con.execute("select getvariable('corridor_pseudonym_plugin')").fetchall() == [(True,)]
    duckdb_plugin.configure(con, {})
    assert con.execute("select getvariable('corridor_pseudonym_key')").fetchall() == [(None,)]


# ---------------------------------------------------------------- missing, weak and demo keys; entity as segment


@pytest.fixture
def copied(integration_duckdb, tmp_path):
    """A copy of the integration build file and a dbt on it, for runs that must not touch the shared one."""
    path = tmp_path / integration_duckdb["path"].name  # its file name: a run without vars shares its parse
    shutil.copyfile(integration_duckdb["path"], path)

    def make(**env: str) -> Dbt:
        return Dbt(INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path), **env})

    return path, make


WEAK_KEYS = [
    ("short-key", "the pseudonymization key is weak (9 characters"),
    ("a" * 40, "the pseudonymization key is weak (40 characters, about 0 bits"),
    ("abababababababababababab", "the pseudonymization key is weak (24 characters, about 24 bits"),
    ("corridor-public-demo-key", "the pseudonymization key is the public demo key"),
]
RUN_EVENTS = ["run", "--select", "stg_corridor__production_events"]  # the key is checked when the model runs


@pytest.mark.parametrize("demo_seeds", [False, True])
def test_missing_key_outside_the_demo_is_an_error_naming_what_to_set(batched, demo_seeds):
    """All inputs mapped to the user's data: no key is an error even when corridor_load_demo_seeds is left at its
    default (true), never the public demo key."""
    result = batched["results"][f"missing key, demo seeds {demo_seeds}"]
    assert not result.ok
    assert "corridor: no pseudonymization key" in result.output
    assert "Set the environment variable CORRIDOR_PSEUDONYM_KEY" in result.output


@pytest.mark.parametrize(("key", "message"), WEAK_KEYS)
def test_weak_and_public_keys_are_refused(batched, key, message):
    result = batched["results"][f"key {key}"]
    assert not result.ok
    assert message in result.output
    if key != "corridor-public-demo-key":
        assert key not in result.output  # the refusal does not echo the key


def test_a_weak_key_is_refused_by_a_real_dbt_run_with_the_message_of_the_batch(copied, batched):
    """The path end to end in a separate dbt process; the batch (conftest.Dbt.batch) gave the same message."""
    key, message = WEAK_KEYS[0]
    _, make = copied
    result = make(CORRIDOR_PSEUDONYM_KEY=key)(*RUN_EVENTS, expect_ok=False)
    assert not result.ok
    assert message in result.output and key not in result.output
    assert _messages(result.output, message) == _messages(batched["results"][f"key {key}"].output, message) != set()


def test_a_build_without_the_plugin_says_to_add_it(copied, tmp_path):
    path, _ = copied
    profiles = yaml.safe_load((INTEGRATION_DIR / "profiles.yml").read_text())
    profiles["corridor_integration_tests"]["outputs"]["duckdb"].pop("plugins")
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "profiles.yml").write_text(yaml.safe_dump(profiles))
    dbt = Dbt(
        INTEGRATION_DIR, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path), "DBT_PROFILES_DIR": str(tmp_path / "profiles")}
    )
    result = dbt("run", "--select", "stg_corridor__production_events", expect_ok=False)
    assert not result.ok
    assert "plugins: [{module: corridor.duckdb_plugin}]; it is not loaded now" in result.output


ENTITY_SEGMENT = {"country": "country_code", "customer": "CUSTOMER_KEY"}


def test_entity_column_as_a_segment_dimension_is_refused(batched):
    result = batched["results"]["entity segment"]
    assert not result.ok
    assert "maps segment dimension 'customer' to column 'CUSTOMER_KEY', the entity id column" in result.output


# ---------------------------------------------------------------- configuration is data

PAYLOADS = [
    "it's",
    "x'); drop table canary; --",
    'x"; drop table canary; --',
    "' || (select 'PWNED') || '",
]
SELECT = [
    "--select",
    "stg_corridor__production_events",
    "stg_corridor__rules",
    "int_corridor__rules_checked",
    "corridor_rule_issues",
    "int_corridor__event_window_profile",
    "corridor_run_history",
]


def _events_var(**columns) -> dict:
    events = dict(_project_vars()["corridor_production_events"])
    events["columns"] = {**events["columns"], **columns}
    return events


RUN = ["run", *SELECT]


def _compile(node: str) -> list[str]:
    """For a value refused when dbt parses the project: a real run refuses it before any SQL runs (every node renders
    at parse); in the batch only the selected nodes render, so the node that refuses it is compiled, and nothing runs
    either."""
    return ["compile", "--select", node]


# (var name, value builder, text a refusal must contain or None when the value must be accepted as data, the dbt
# args of its batch case: RUN for the accepted values and those refused when a node runs, against the database)
CASES = [
    ("corridor_schema", lambda p: p, "var 'corridor_schema' is", _compile("corridor_run_history")),
    (
        "corridor_production_events",
        lambda p: {**_events_var(), "ref": None, "relation": f"main.{p}"},
        "var 'corridor_production_events.relation' is",
        _compile("corridor_run_history"),
    ),
    (
        "corridor_production_events",
        lambda p: _events_var(latency_ms=p),
        "var 'corridor_production_events.columns",
        RUN,
    ),
    ("corridor_severity_levels", lambda p: {p: "error", "high": "error"}, None, RUN),
    (
        "corridor_segment_columns",
        lambda p: {"country": p},
        "corridor_feature_columns' maps 'segment_country' to column",
        RUN,
    ),
    (
        "corridor_segment_columns",
        lambda p: {p: "country_code"},
        "in var 'corridor_segment_columns' is not a lower",
        _compile("stg_corridor__production_events"),
    ),
    (
        "corridor_feature_columns",
        lambda p: {"basket_size": p},
        "corridor_feature_columns' maps 'feature_basket_size' to column",
        RUN,
    ),
    ("corridor_known_model_versions", lambda p: [p, "basket_risk:r1"], None, RUN),
    ("corridor_model_type", lambda p: p, "var 'corridor_model_type' is", _compile("stg_corridor__production_events")),
    (
        "corridor_window_grains",
        lambda p: ["day", p],
        "var 'corridor_window_grains' contains",
        _compile("int_corridor__event_window_profile"),
    ),
    (
        "corridor_quality_gates",
        lambda p: {p: {"warn": 1}},
        "var 'corridor_quality_gates' names an unknown check",
        _compile("int_corridor__quality_checks"),
    ),
]


def _plant(path: Path) -> None:
    """A canary table and a table whose name is SQL, as an attacker would leave."""
    con = duckdb.connect(str(path))
    con.execute("create table canary as select 42 as alive")
    for payload in PAYLOADS:
        con.execute(f'create table "{payload.replace(chr(34), chr(34) * 2)}" as select * from inference_log_clean')
    con.close()


@pytest.fixture
def canaried(copied):
    """The copied build file with a canary table and a table whose name is SQL, as an attacker would leave."""
    path, make = copied
    _plant(path)
    return path, make


def _tables(path: Path) -> set[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    finally:
        con.close()


# The two attacks, alternating over the cases: a value that closes a quote of either kind and appends a statement,
# and one that splices a subquery into a string.
CONFIG_PAYLOADS = ["x'\"); drop table canary; --", "' || (select 'PWNED') || '"]


@pytest.fixture(scope="module")
def batched(integration_duckdb, tmp_path_factory):
    """The expected failures of this file and the configuration cases, each a dbt invocation in one dbt process on
    one parse (conftest.Dbt.batch), on one copy of the integration build with the canary planted: {"results": {name:
    DbtResult}, "path", "before": its tables before}. The file is named as the integration build's, so the parse is
    the one that build left. A real dbt process refuses a weak key and a payload below, with the same message."""
    work = tmp_path_factory.mktemp("security_batch")
    path = work / integration_duckdb["path"].name
    shutil.copyfile(integration_duckdb["path"], path)
    _plant(path)
    before = _tables(path)
    cases = {
        **{
            f"missing key, demo seeds {seeds}": {
                "args": RUN_EVENTS,
                "vars": {"corridor_load_demo_seeds": seeds},
                "env": {"CORRIDOR_PSEUDONYM_KEY": ""},
            }
            for seeds in (False, True)
        },
        **{f"key {key}": {"args": RUN_EVENTS, "env": {"CORRIDOR_PSEUDONYM_KEY": key}} for key, _ in WEAK_KEYS},
        "entity segment": {
            "args": ["compile", "--select", "stg_corridor__production_events"],
            "vars": {"corridor_segment_columns": ENTITY_SEGMENT},
        },
        **{
            f"config {i}": {"args": args, "vars": {var: build(CONFIG_PAYLOADS[i % 2])}}
            for i, (var, build, _, args) in enumerate(CASES)
        },
    }
    results = Dbt(INTEGRATION_DIR, work, {"CORRIDOR_DUCKDB_PATH": str(path)}).batch(list(cases.values()))
    return {"results": dict(zip(cases, results, strict=True)), "path": path, "before": before}


def _messages(output: str, needle: str) -> set[str]:
    """The lines of corridor's messages in a dbt output, from `corridor:` on, that contain the needle."""
    return {line for line in re.findall(r"corridor: [^\n]*", output) if needle in line}


def _stays_data(result, refusal):
    if refusal is None:
        assert result.ok, result.output[-4000:]
    else:
        assert not result.ok
        assert refusal in result.output, result.output[-4000:]
    assert "Traceback" not in result.output
    assert not any("PWNED" in line and "select 'PWNED'" not in line for line in result.output.splitlines())


@pytest.mark.slow
@pytest.mark.parametrize("case", range(len(CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_config_values_stay_data(batched, case):
    """Each value in the batch: refused with its var named, or run as data (`dbt run` of SELECT); the canary and
    the tables named as SQL survive every case."""
    _, _, refusal, args = CASES[case]
    result = batched["results"][f"config {case}"]
    _stays_data(result, refusal)
    if args == RUN and refusal is None:
        assert f"({len(SELECT) - 1} nodes succeeded, 0 failed" in result.output  # every selected model ran
    assert query(batched["path"], "select alive from canary")["alive"].tolist() == [42]
    assert batched["before"] <= _tables(batched["path"])


@pytest.mark.parametrize("case", [0, 2], ids=["refused at parse", "refused against the database"])
def test_a_payload_is_refused_by_a_real_dbt_run_with_the_message_of_the_batch(canaried, batched, case):
    """The path end to end in a separate dbt process, `dbt run` of SELECT as before the batch: a payload refused at
    parse, before any SQL runs (corridor_schema), and one refused when the staging model checks its mapped column in
    the database (a column named by the payload); each gives its batch case's message."""
    path, make = canaried
    before = _tables(path)
    var, build, refusal, _ = CASES[case]
    result = make()("run", *SELECT, vars={var: build(CONFIG_PAYLOADS[case % 2])}, expect_ok=False)
    _stays_data(result, refusal)
    assert query(path, "select alive from canary")["alive"].tolist() == [42]
    assert before <= _tables(path)
    # a message naming the relation names its database, the DuckDB file's stem (the build's, here and in the batch)
    real = _messages(_database_unnamed(result.output, path), refusal)
    batch = _messages(_database_unnamed(batched["results"][f"config {case}"].output, batched["path"]), refusal)
    assert real == batch != set()


def _database_unnamed(output: str, path: Path) -> str:
    return re.sub(rf'"?{re.escape(path.stem)}"?\.(?="?main"?\.)', "<database>.", output)


def test_severity_names_with_sql_are_written_as_text(canaried):
    """Every payload a severity name at once, in one real dbt run (each is a dbt process with its own vars, so a
    full parse: one run instead of four): the rules keep their text, the canary survives, the names reach the
    messages and the run history as written."""
    path, make = canaried
    severities = {**{payload: "error" for payload in PAYLOADS}, "high": "error"}
    make()("run", *SELECT, vars={"corridor_severity_levels": severities})
    reasons = query(path, "select reason from corridor_rule_issues where contains(problem_codes, 'unknown_severity')")[
        "reason"
    ]
    assert len(reasons) == 4  # the low and medium rules (only the payloads and high are known)
    known = ", ".join(sorted(["high", *PAYLOADS]))
    assert all(f"is not one of {known} (var corridor_severity_levels)" in r for r in reasons), reasons.tolist()
    assert query(path, "select alive from canary")["alive"].tolist() == [42]
    levels = query(path, "select distinct dbt_severity from int_corridor__rules_checked where severity = 'high'")
    assert levels["dbt_severity"].tolist() == ["error"]
    config = json.loads(
        query(path, "select config_json from corridor_run_history order by started_at desc limit 1")["config_json"][0]
    )
    assert set(PAYLOADS) <= set(config["settings"]["corridor_severity_levels"])
