"""The shape of the dbt code (issue 18) holds: no model over 250 lines (beyond the named legacy ones), one entry
macro per file named after it (every folder, no exceptions), every quality gate check declared in the defaults
has its own gate check macro in a registry, and macros/_corridor__macros.yml documents macros that exist, with
their real arguments. Static checks on the files: no dbt run."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MACRO = re.compile(r"{%-?\s*(macro|test)\s+(\w+)\s*\(([^)]*)\)")
ADAPTER_PREFIXES = ("default__", "duckdb__", "postgres__", "spark__", "databricks__")

# Models over 250 lines allowed: none (the last two, the exact and SQL-bootstrap interval models, were split).
LEGACY_LONG_MODELS: set[str] = set()


def _macros() -> list[tuple[Path, str, str, list[str]]]:
    found = []
    for path in sorted((ROOT / "macros").rglob("*.sql")):
        for kind, name, args in MACRO.findall(path.read_text()):
            found.append((path, kind, name, [a.split("=")[0].strip() for a in args.split(",") if a.strip()]))
    return found


def _entry(name: str) -> bool:
    return not name.startswith(ADAPTER_PREFIXES) and not name.startswith("_")


def test_no_new_model_over_250_lines():
    # physical lines, as written (issue 18): sqlfluff's layout (a blank line after every CTE, LT08; lines wrapped at
    # 140, LT05) counts too, so a long model moves pieces into macros rather than squeezing its layout
    long = {p.name for p in (ROOT / "models").rglob("*.sql") if len(p.read_text().splitlines()) > 250}
    assert long <= LEGACY_LONG_MODELS, f"models over 250 lines: {sorted(long - LEGACY_LONG_MODELS)}"


def test_quality_gate_models_are_small_enough_to_lint():
    # sqlfluff skips files above its large_file_skip_byte_limit (20,000 bytes by default): never these
    for name in ["quality_checks", "window_quality_checks", "input_quality_checks", "input_schema_changes"]:
        path = ROOT / "models" / "intermediate" / f"int_corridor__{name}.sql"
        assert path.stat().st_size < 20_000 and len(path.read_text().splitlines()) <= 250, path.name


def test_one_entry_macro_per_file_named_after_it():
    misplaced = []
    for path, kind, name, _ in _macros():
        rel = path.relative_to(ROOT).as_posix()
        if not _entry(name):
            continue
        # a generic test may keep its deprecated corridor_-prefixed alias in its file
        if path.stem not in (name, name.removeprefix("corridor_")):
            misplaced.append(f"{rel}: {kind} {name}")
    assert not misplaced, "entry macros not in a file of their own name:\n" + "\n".join(misplaced)


def test_every_quality_gate_has_a_gate_check_macro_in_a_registry():
    defaults = (ROOT / "macros/config/_corridor_defaults.sql").read_text()
    body = defaults[defaults.index("macro _corridor_gate_defaults") :]
    gates = re.findall(r"^\s+'(\w+)': \{'category'", body, flags=re.M)
    assert len(gates) >= 22
    gate_dir = ROOT / "macros/quality/gates"
    registries = (gate_dir / "window_gate_checks.sql").read_text() + (gate_dir / "input_gate_checks.sql").read_text()
    specs = {}
    for path in gate_dir.glob("*_gate_check.sql"):
        if not path.stem.startswith("_"):
            assert f"corridor.{path.stem}(" in registries, f"{path.stem} is not listed in a registry"
            specs[path.stem] = path.read_text()
    for gate in gates:
        # each gate is the config of a gate check macro (parameterized ones: null_rate per column, schema per kind)
        assert any(f"'{gate}'" in text or f"'config': '{gate}'" in text for text in specs.values()) or (
            gate.startswith("schema_") and "schema_change_gate_check" in specs
        ), f"quality gate {gate} has no gate check macro under macros/quality/gates/"


def test_macro_docs_name_existing_macros_with_their_arguments():
    signatures = {}
    for _, kind, name, args in _macros():
        signatures["test_" + name if kind == "test" else name] = args
    documented = yaml.safe_load((ROOT / "macros/_corridor__macros.yml").read_text())["macros"]
    assert len(documented) >= 30
    for entry in documented:
        assert entry["name"] in signatures, f"_corridor__macros.yml documents an unknown macro {entry['name']}"
        assert entry["description"].strip()
        args = [a["name"] for a in entry.get("arguments", [])]
        defined = signatures[entry["name"]]
        assert args == defined, f"{entry['name']}: documented arguments {args}, defined {defined}"
    names = [e["name"] for e in documented]
    assert len(names) == len(set(names)), f"documented twice: {sorted({n for n in names if names.count(n) > 1})}"
    names = set(names)
    # every generic test, the registries and the setting entry points are documented
    tests = {"test_" + n for _, k, n, _ in _macros() if k == "test" and not n.startswith("corridor_")}
    assert tests <= names, sorted(tests - names)
    registries = {"window_gate_checks", "input_gate_checks"}
    registries |= {"comparison_kinds", "comparison_kind", "comparison_kind_case"}
    assert {"setting", "gate_config"} | registries <= names


def test_every_comparison_kind_has_its_macro_in_the_registry():
    # the kinds rules may name (rule_vocabulary, less drift: corridor_feature_drift judges those) are exactly the
    # registry's, each a dispatched macro compare_<kind> of its own file taking the registry's arguments
    vocabulary = (ROOT / "macros/validation/rule_vocabulary.sql").read_text()
    listed = re.search(r"'comparison_kind':\s*\[([^\]]*)\]", vocabulary).group(1)
    named = set(re.findall(r"'(\w+)'", listed))
    registry = (ROOT / "macros/validation/comparison_kinds.sql").read_text()
    registered = re.findall(r"'(\w+)': corridor\.compare_(\w+),", registry)
    assert registered and all(k == m for k, m in registered)
    assert {k for k, _ in registered} == named - {"drift"}
    signature = ["production_se", "tolerance", "se_at_tolerance", "se_at_expected", "production_se_at_detectable"]
    for kind, _ in registered:
        text = (ROOT / "macros/validation/kinds" / f"compare_{kind}.sql").read_text()
        assert f"adapter.dispatch('compare_{kind}', 'corridor')" in text, kind
        args = re.search(rf"macro compare_{kind}\(([^)]*)\)", text).group(1)
        assert [a.strip() for a in args.split(",")] == signature, kind


def test_models_do_not_rewrite_sql_text():
    # SQL is built by macros taking the columns as arguments, never by string replacement inside a model
    rewriting = [p.name for p in (ROOT / "models").rglob("*.sql") if ".replace(" in p.read_text()]
    assert not rewriting, rewriting


def test_no_line_over_140_characters():
    # sqlfluff's LT05 (max_line_length 140) lints models and analyses as it measures them (it stops counting at a
    # newline inside a Jinja tag and counts some rendered text, docs/development.md); a macro file renders to nothing
    # under the dbt templater. So every source line of macros/, models/ and analyses/ is measured here too. Long
    # strings are split into adjacent Jinja literals, which Jinja joins, and SQL is wrapped outside its quotes: the
    # compiled SQL changes in whitespace only.
    long = [
        f"{path.relative_to(ROOT)}:{i}"
        for folder in ["macros", "models", "analyses"]
        for path in sorted((ROOT / folder).rglob("*.sql"))
        for i, line in enumerate(path.read_text().splitlines(), 1)
        if len(line) > 140
    ]
    assert not long, "lines over 140 characters:\n" + "\n".join(long)
