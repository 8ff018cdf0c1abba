"""The settings registry (macros/config/_corridor_settings.sql, issue 18): every setting is declared once with its
default, its check and its one-line meaning; corridor.setting validates every value against that check, so a bad
value fails with a message naming the var and the expected value (the same words as the docs' "expected" column);
no macro or model reads a corridor_ var around it."""

from __future__ import annotations

import re

import pytest
from corridor.dbt_runner import REPO_ROOT
from corridor.scaffold import _call_macro

REGISTRY = REPO_ROOT / "macros/config/_corridor_settings.sql"
VALIDATORS = REPO_ROOT / "macros/config/settings/_run_setting_validator.sql"
TYPES = {"number", "integer", "boolean", "string", "list", "mapping", "one_of", "grains", "timestamp", "any"}


def _registry() -> dict:
    return _call_macro(REGISTRY.read_text(), "_corridor_settings")


def test_every_setting_is_declared_once_with_default_check_and_meaning():
    registry = _registry()
    assert len(registry) >= 55
    routed = set(re.findall(r"validator == '(\w+)'", VALIDATORS.read_text()))
    for name, spec in registry.items():
        assert name.startswith("corridor_"), name
        assert {"default", "check", "description"} <= set(spec), name
        assert spec["description"].strip(), name
        assert spec["check"].get("type") in TYPES, name
        if spec["check"].get("validate"):
            assert spec["check"]["validate"] in routed, f"{name}: validator not routed in _run_setting_validator"
        if spec["check"]["type"] == "any":
            # an unchecked setting still tells the reader what it expects (its own validator or a hint)
            assert spec["check"].get("validate") or spec["check"].get("hint"), name
    # the run-steering vars once read around corridor.setting now go through it
    assert {
        "corridor_load_demo_seeds",
        "corridor_profile",
        "corridor_schema",
        "corridor_run_history_enabled",
        "corridor_allow_history_full_refresh",
        "corridor_run_summary",
    } <= {n for n, s in registry.items() if s.get("scope") == "run"}
    # the old scattered declarations are gone
    assert not (REPO_ROOT / "macros/config/_corridor_setting_descriptions.sql").exists()
    assert "macro _corridor_setting_defaults" not in (REPO_ROOT / "macros/config/_corridor_defaults.sql").read_text()


def test_no_macro_or_model_reads_a_corridor_var_around_the_registry():
    allowed = {"macros/config/setting.sql", "macros/config/settings/_validate_decision_severities.sql"}
    bypass = []
    for path in [*(REPO_ROOT / "macros").rglob("*.sql"), *(REPO_ROOT / "models").rglob("*.sql")]:
        rel = path.relative_to(REPO_ROOT).as_posix()
        if rel not in allowed and re.search(r"""var\(\s*['"]corridor_""", path.read_text()):
            bypass.append(rel)
    assert not bypass, f"read corridor_ vars with var() instead of corridor.setting(): {bypass}"


# Each bad value, with the message corridor.setting gives for it. All are refused in one dbt process on one parse
# (conftest.Dbt.batch, the `refused_settings` fixture): `run-operation corridor.setting` reads the case's --vars when
# the macro runs, so the one parse with the default vars serves every case; the first is also refused by a real dbt
# process (a full parse with the bad vars), which must give the batch's message.
BAD_VALUES = [
    ("corridor_test_alpha", 1.5, "var 'corridor_test_alpha' must be a number strictly between 0 and 1; got 1.5"),
    ("corridor_feature_bins", 2.5, "var 'corridor_feature_bins' must be an integer of at least 2; got 2.5"),
    ("corridor_bootstrap_seed", -1, "var 'corridor_bootstrap_seed' must be an integer from 0 to 4294967295"),
    ("corridor_prior_max_events", 0, "var 'corridor_prior_max_events' must be a number greater than 0 or null"),
    ("corridor_run_summary", "yes", "var 'corridor_run_summary' must be true or false; got yes"),
    ("corridor_profile", "prod", "var 'corridor_profile' is 'prod'; expected one of demo or null"),
    ("corridor_feature_drift_grains", [], "var 'corridor_feature_drift_grains' must be a non-empty list drawn"),
    (
        "corridor_multivariate_alpha",
        0.5,
        "var 'corridor_multivariate_alpha' must be a number strictly between 0 and 0.5; got 0.5",
    ),
    ("corridor_score_bins", 15, "var 'corridor_score_bins' (15) must be a multiple of 'corridor_calibration_bins'"),
]


def _setting_args(name: str) -> list[str]:
    return ["run-operation", "corridor.setting", "--args", f"{{name: {name}}}"]


@pytest.fixture(scope="module")
def refused_settings(tmp_path_factory):
    """Every bad value of BAD_VALUES in one dbt process on one parse of the demo project (conftest.Dbt.batch)."""
    from conftest import Dbt

    work = tmp_path_factory.mktemp("settings_registry")
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(work / "corridor.duckdb")})
    return dbt.batch([{"args": _setting_args(name), "vars": {name: value}} for name, value, _ in BAD_VALUES])


@pytest.mark.dbt
@pytest.mark.parametrize("case", range(len(BAD_VALUES)), ids=[name for name, _, _ in BAD_VALUES])
def test_a_bad_value_fails_with_the_registry_message(refused_settings, case):
    message = BAD_VALUES[case][2]
    result = refused_settings[case]
    assert not result.ok
    assert message in result.output, result.output[-2000:]


@pytest.mark.dbt
def test_a_real_dbt_refuses_a_bad_value_with_the_message_of_the_batch(root_dbt, refused_settings):
    """The first bad value as a separate dbt process (a full parse with the bad vars): it fails with the registry
    message, as its batch case did (so the batch technique, conftest.Dbt.batch, is checked on this file's refusal)."""
    dbt, _ = root_dbt
    name, value, message = BAD_VALUES[0]
    result = dbt(*_setting_args(name), vars={name: value}, expect_ok=False)
    assert not result.ok
    assert message in result.output, result.output[-2000:]
    assert message in refused_settings[0].output
