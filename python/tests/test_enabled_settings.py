"""A Python model's `enabled:` in YAML agrees with the settings-registry macro its SQL siblings call (issue 18).

A dbt Python model's dbt.config() takes literals only and YAML cannot call macros, so the models
int_corridor__bootstrap_intervals, int_corridor__multivariate_drift and the two label-free Python models write their
condition out in YAML with var() and the setting's default, while every SQL model calls the registry macro in its own
config() (corridor.python_bootstrap_enabled, corridor.multivariate_drift_enabled, corridor.label_free_path_enabled).
This test renders each YAML expression with jinja2 and runs the registry macro itself, loaded from macros/ into a
small stand-in for dbt's context (var, target, project_name, adapter.dispatch, return), over a grid of var sets
and targets, and fails where the two disagree on whether the model is enabled. No dbt run: about a second.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MACRO_DEF = re.compile(r"{%-?\s*macro\s+(\w+)\s*\(")

# Python model -> (YAML file, registry macro call its SQL siblings use in config(enabled=...))
PYTHON_MODELS = {
    "int_corridor__bootstrap_intervals": (
        "models/intermediate/_corridor__intermediate.yml",
        "corridor.python_bootstrap_enabled()",
    ),
    "int_corridor__multivariate_drift": (
        "models/marts/_corridor__multivariate_drift.yml",
        "corridor.multivariate_drift_enabled()",
    ),
    "int_corridor__label_free_estimates": (
        "models/intermediate/label_free/_corridor__label_free.yml",
        "corridor.label_free_path_enabled('python')",
    ),
    "int_corridor__label_free_reliability": (
        "models/intermediate/label_free/_corridor__label_free.yml",
        "corridor.label_free_path_enabled('python')",
    ),
}

# the vars each condition reads, plus the two that decide the demo profile (whose settings a default may come from);
# every value, "absent" (None here: not passed) among them
PROFILE_VARS = {"corridor_load_demo_seeds": [None, True, False], "corridor_profile": [None, "demo", "null"]}
GRIDS = {
    "corridor.python_bootstrap_enabled()": {"corridor_python_bootstrap": [None, True, False]},
    "corridor.multivariate_drift_enabled()": {"corridor_multivariate_drift": [None, True, False]},
    "corridor.label_free_path_enabled('python')": {
        "corridor_label_free_reference": [None, "2026-10-01/2026-10-12", "null"],
        "corridor_label_free_method": [None, "python", "sql", "null"],
    },
}
TARGETS = ["duckdb", "postgres", "spark"]
PROJECTS = ["corridor", "corridor_integration_tests"]


class _Return(Exception):
    def __init__(self, value):
        self.value = value


def _raise_return(value):
    raise _Return(value)


class _CompilerError(Exception):
    pass


class _Exceptions:
    @staticmethod
    def raise_compiler_error(message):
        raise _CompilerError(message)


def _macro_files() -> dict[str, Path]:
    index = {}
    for path in (ROOT / "macros").rglob("*.sql"):
        for name in MACRO_DEF.findall(path.read_text()):
            index.setdefault(name, path)
    return index


MACRO_FILES = _macro_files()


ENV = jinja2.Environment(extensions=["jinja2.ext.do"], undefined=jinja2.StrictUndefined)
_TEMPLATES: dict[str, jinja2.Template] = {}


def _template(source: str) -> jinja2.Template:
    if source not in _TEMPLATES:
        _TEMPLATES[source] = ENV.from_string(source)
    return _TEMPLATES[source]


class _Dbt:
    """The parts of dbt's Jinja context these macros use, for one var set, target and root project."""

    def __init__(self, cli_vars: dict, target_type: str, project_name: str):
        self.cli_vars = cli_vars
        self.target_type = target_type
        self.context = {
            "var": self.var,
            "target": {"type": target_type},
            "project_name": project_name,
            "exceptions": _Exceptions,
            "modules": SimpleNamespace(re=re),
            "zip": zip,
            "corridor": self,
            "adapter": self,
            "return": _raise_return,
        }
        self.modules: dict[Path, dict] = {}

    def var(self, name, default=None):
        return self.cli_vars[name] if name in self.cli_vars else default

    def __getattr__(self, name):
        path = MACRO_FILES.get(name)
        if path is None:
            raise AttributeError(name)
        if path not in self.modules:
            # the file's macros, '_'-prefixed ones too (a jinja2 TemplateModule leaves those out)
            template = _template(path.read_text())
            context = template.new_context(self.context)
            "".join(template.root_render_func(context))
            self.modules[path] = context.vars
        macro = self.modules[path][name]

        def call(*args, **kwargs):
            try:
                return macro(*args, **kwargs)
            except _Return as returned:
                return returned.value

        return call

    def dispatch(self, name, namespace=None):
        specific = f"{self.target_type}__{name}"
        return getattr(self, specific if specific in MACRO_FILES else f"default__{name}")

    def render(self, expression: str):
        # dbt renders a YAML config string and reads the result back as YAML ('True' -> true)
        return yaml.safe_load(_template(expression).render(**self.context))


def _yaml_enabled(model: str, path: str) -> str:
    for entry in yaml.safe_load((ROOT / path).read_text())["models"]:
        if entry["name"] == model:
            return entry["config"]["enabled"]
    raise AssertionError(f"{model} is not in {path}")


def _var_sets(grid: dict):
    grid = {**PROFILE_VARS, **grid}
    for values in itertools.product(*grid.values()):
        yield {n: (None if v == "null" else v) for n, v in zip(grid, values, strict=True) if v is not None}


def test_python_models_yaml_enabled_agrees_with_the_registry_macro():
    checked, disagreements = 0, []
    for model, (path, macro_call) in PYTHON_MODELS.items():
        expression = _yaml_enabled(model, path)
        for cli_vars, target_type, project in itertools.product(list(_var_sets(GRIDS[macro_call])), TARGETS, PROJECTS):
            dbt = _Dbt(cli_vars, target_type, project)
            try:
                registry = bool(dbt.render("{{ " + macro_call + " }}"))
            except _CompilerError:
                continue  # a var set the registry refuses (corridor_label_free_method python off DuckDB): no build
            yaml_side = bool(dbt.render(expression))
            checked += 1
            if registry != yaml_side:
                disagreements.append(
                    f"{model} {target_type} {project} {cli_vars}: YAML {yaml_side}, {macro_call} {registry}"
                )
    assert checked > 400
    assert not disagreements, "YAML enabled: and the registry disagree:\n" + "\n".join(disagreements[:20])


@pytest.mark.parametrize("model", sorted(PYTHON_MODELS))
def test_the_check_sees_a_drifted_default(model):
    # the check itself: a YAML expression whose default drifted from the registry's is caught
    path, macro_call = PYTHON_MODELS[model]
    expression = _yaml_enabled(model, path)
    drifted = expression.replace("true)", "false)").replace("== 'demo'", "== 'other'")
    drifted = drifted.replace("'python' if", "'sql' if")
    assert drifted != expression
    dbt = _Dbt({}, "duckdb", "corridor")
    if model.startswith("int_corridor__label_free"):
        dbt = _Dbt({"corridor_label_free_reference": "2026-10-01/2026-10-12"}, "duckdb", "corridor")
    assert bool(dbt.render(expression)) == bool(dbt.render("{{ " + macro_call + " }}"))
    assert bool(dbt.render(drifted)) != bool(dbt.render("{{ " + macro_call + " }}"))


def test_sql_models_call_the_registry_in_their_config():
    # the SQL models of these features set enabled in their own config(), not in YAML
    enabled_in_yaml = set()
    for path in (ROOT / "models").rglob("*.yml"):
        for entry in (yaml.safe_load(path.read_text()) or {}).get("models", []):
            if "enabled" in (entry.get("config") or {}):
                enabled_in_yaml.add(entry["name"])
    assert enabled_in_yaml == set(PYTHON_MODELS), sorted(enabled_in_yaml ^ set(PYTHON_MODELS))
    for path in (ROOT / "models").rglob("*.sql"):
        text = path.read_text()
        if "enabled=" in text:
            assert re.search(r"config\(enabled=corridor\.\w+\(('\w+')?\)\)", text), path.name
