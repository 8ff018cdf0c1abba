"""Every cross-db macro is called by a test model (models/cross_db/test_<macro>.sql, with its expected seed
seeds/cross_db/expected_<macro>.csv), so the builds of the cross-db tests on DuckDB, PostgreSQL and Spark
(test_spark.py::test_cross_db_macros_on_spark) compile and check every engine body (spark__, postgres__, duckdb__)
of macros/cross_db (docs/engines.md). Static: reads the files only."""

from __future__ import annotations

import re

from corridor.dbt_runner import INTEGRATION_DIR, REPO_ROOT

CROSS_DB = REPO_ROOT / "macros" / "cross_db"
MODELS = INTEGRATION_DIR / "models" / "cross_db"
SEEDS = INTEGRATION_DIR / "seeds" / "cross_db"
# Dispatched macros no test model reaches, and why. Nothing else may be missing.
NOT_COMPILED_BY_A_TEST_MODEL: set[str] = set()


def test_every_test_model_has_its_expected_seed():
    models = sorted(p.stem.removeprefix("test_") for p in MODELS.glob("test_*.sql"))
    assert len(models) >= 23
    missing = [m for m in models if not (SEEDS / f"expected_{m}.csv").exists()]
    assert not missing, f"cross-db test models without seeds/cross_db/expected_<macro>.csv: {missing}"


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
