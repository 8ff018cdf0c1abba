"""Every public macro file of macros/cross_db (<macro>.sql) has a test model of its own calling it directly,
models/cross_db/test_<macro>.sql, with its expected seed seeds/cross_db/expected_<macro>.csv, as in dbt-utils'
integration_tests; and every engine body (spark__, postgres__, duckdb__) is reached from a test model, so the builds
of the cross-db tests on DuckDB, PostgreSQL and Spark (test_spark.py::test_cross_db_macros_on_spark) compile and check
each (docs/engines.md). Static: reads the files only."""

from __future__ import annotations

import re

from corridor.dbt_runner import INTEGRATION_DIR, REPO_ROOT

CROSS_DB = REPO_ROOT / "macros" / "cross_db"
MODELS = INTEGRATION_DIR / "models" / "cross_db"
SEEDS = INTEGRATION_DIR / "seeds" / "cross_db"
# Dispatched macros no test model reaches, and why. Nothing else may be missing.
NOT_COMPILED_BY_A_TEST_MODEL: set[str] = set()
# Public macro files of macros/cross_db without a test model of their own, and why. None today: the hooks
# (set_based_series_hooks: the model's pre-hooks, read back in its transaction), the statement macros (delete_rows,
# update_rows: post-hooks on the test table), and the key (pseudonym_key_sql: its md5 and length) all have one.
WITHOUT_A_TEST_MODEL_OF_THEIR_OWN: dict[str, str] = {}


def public_macro_files() -> list[str]:
    return sorted(p.stem for p in CROSS_DB.glob("*.sql") if not p.stem.startswith("_"))


def test_every_test_model_has_its_expected_seed():
    models = sorted(p.stem.removeprefix("test_") for p in MODELS.glob("test_*.sql"))
    assert len(models) >= 39
    missing = [m for m in models if not (SEEDS / f"expected_{m}.csv").exists()]
    assert not missing, f"cross-db test models without seeds/cross_db/expected_<macro>.csv: {missing}"
    orphans = sorted(p.stem for p in SEEDS.glob("expected_*.csv") if p.stem.removeprefix("expected_") not in models)
    assert not orphans, f"expected seeds without a test model models/cross_db/test_<macro>.sql: {orphans}"


def test_every_public_cross_db_macro_has_a_test_model_and_seed_of_its_own():
    """One model and one seed per macro file, named after it, calling the macro (not only through another macro),
    and registered with the equality test matches_expected in _cross_db.yml."""
    files = public_macro_files()
    assert len(files) >= 39
    assert not set(WITHOUT_A_TEST_MODEL_OF_THEIR_OWN) - set(files), "an exception names no macro file"
    yml = (MODELS / "_cross_db.yml").read_text()
    problems = []
    for name in files:
        if name in WITHOUT_A_TEST_MODEL_OF_THEIR_OWN:
            continue
        model = MODELS / f"test_{name}.sql"
        if not model.exists():
            problems.append(f"{name}: no models/cross_db/test_{name}.sql")
            continue
        if not (SEEDS / f"expected_{name}.csv").exists():
            problems.append(f"{name}: no seeds/cross_db/expected_{name}.csv")
        if not re.search(rf"corridor\.{name}\(", model.read_text()):
            problems.append(f"{name}: test_{name}.sql does not call corridor.{name}(...)")
        if not re.search(rf"- name: test_{name}\n(?:(?!  - name:).*\n)*?\s+expected: expected_{name}\n", yml):
            problems.append(f"{name}: no matches_expected test of test_{name} against expected_{name} (_cross_db.yml)")
    assert not problems, "\n".join(problems)
    # and every test model is named after a macro file (no test of a group of macros)
    strays = sorted(p.stem for p in MODELS.glob("test_*.sql") if p.stem.removeprefix("test_") not in files)
    assert not strays, f"cross-db test models named after no macro file of macros/cross_db: {strays}"


def test_every_cross_db_macro_and_engine_body_is_reached_from_a_test_model():
    """A macro is reached when a test model calls it, or a reached macro of macros/cross_db calls it."""
    models = "\n".join(p.read_text() for p in sorted(MODELS.glob("test_*.sql")))
    bodies = {}  # macro name -> its text
    for path in sorted(CROSS_DB.glob("*.sql")):
        for name, body in re.findall(r"{%-? macro (\w+)\((.*?){%-? endmacro -?%}", path.read_text(), flags=re.S):
            bodies[name] = body

    def calls(text: str, name: str) -> bool:
        return bool(re.search(rf"corridor\.{name}\(|'{name}', 'corridor'", text))

    reached = {name for name in bodies if calls(models, name)}
    while True:
        more = {
            name
            for name in bodies
            if name not in reached
            and any(calls(bodies[r], name) or calls(bodies[r], name.split("__")[-1]) for r in reached)
        }
        # an engine body of a reached macro is reached (dispatch picks it on its engine)
        more |= {n for n in bodies if "__" in n and n.split("__", 1)[1] in reached and n not in reached}
        if not more:
            break
        reached |= more
    dispatched = {n for n in bodies if not n.startswith("_") and "__" not in n}
    unreached = sorted(n for n in dispatched - reached if n not in NOT_COMPILED_BY_A_TEST_MODEL) + sorted(
        n
        for n in bodies
        if re.match(r"(spark|postgres|duckdb)__", n)
        and n not in reached
        and n.split("__", 1)[1] not in NOT_COMPILED_BY_A_TEST_MODEL
    )
    assert not unreached, f"cross-db macros (or engine bodies) no test model compiles: {unreached}"
