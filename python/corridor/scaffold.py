"""``corridor init``: scaffold a dbt project that uses corridor on your own data.

Nothing here is a hand-kept list of settings. The vars block is generated from the package's own
declarations: the settings registry ``macros/config/_corridor_settings.sql`` and the defaults macros in
``macros/config/_corridor_defaults.sql`` (rendered with Jinja,
as dbt would), every other ``var('corridor_...', default)`` the package reads, and the meaning of
each var from the settings reference ``docs/configuration.md``. A setting added to the package shows
up in the next scaffold with its default; one without a documented meaning fails the package tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from corridor import __version__

CHECKOUT_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_PROJECT = Path(__file__).resolve().parent / "dbt_project"
DEFAULTS_MACROS = Path("macros/config/_corridor_defaults.sql")
SETTINGS_MACROS = Path("macros/config/_corridor_settings.sql")
SETTINGS_DOC = Path("docs/configuration.md")
_VAR_CALL = re.compile(r"""var\(\s*['"](corridor_[a-z0-9_]+)['"]\s*,\s*([^)]*?)\s*\)""")


def package_project_dir() -> Path:
    """corridor's dbt project: this checkout when running from one, else the copy shipped in the wheel."""
    for candidate in (CHECKOUT_ROOT, BUNDLED_PROJECT):
        project = candidate / "dbt_project.yml"
        if project.is_file() and re.search(r"^name:\s*corridor\s*$", project.read_text(), re.M):
            return candidate
    raise FileNotFoundError(
        f"corridor's dbt project is neither in a checkout ({CHECKOUT_ROOT}) nor bundled ({BUNDLED_PROJECT}); "
        "reinstall the corridor wheel"
    )


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


def _raise_return(value: Any) -> None:
    raise _Return(value)


def _call_macro(source: str, macro: str) -> Any:
    """The value a dbt macro of ``source`` passes to ``return(...)`` (the declarations are plain literals)."""
    env = jinja2.Environment(extensions=["jinja2.ext.do"], undefined=jinja2.StrictUndefined)
    template = env.from_string(source + "\n{{ " + macro + "() }}")
    try:
        template.render({"return": _raise_return})
    except _Return as done:
        return done.value
    raise ValueError(f"macro {macro} returned nothing")


class Computed(str):
    """A default the package computes when it runs (e.g. from the project's name): shown, not evaluated."""


def _literal(text: str) -> Any:
    """The default of ``var(name, default)``: a Jinja literal (none/true/false, numbers, strings, [] and {}),
    else a Computed holding the expression's text."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    try:
        return env.compile_expression(text, undefined_to_none=False)()
    except (jinja2.TemplateError, TypeError):
        return Computed(text)


@dataclass
class Declarations:
    """Every var corridor reads, with its default and meaning."""

    inputs: dict[str, dict]  # input name -> {var, required_columns, columns, optional}
    settings: dict[str, Any]  # var -> default
    gates: dict[str, dict]  # quality-gate check -> its default thresholds
    meanings: dict[str, str] = field(default_factory=dict)  # var -> meaning (docs/configuration.md)

    @property
    def var_names(self) -> list[str]:
        return [spec["var"] for spec in self.inputs.values()] + list(self.settings)


def _meanings(doc: str) -> dict[str, str]:
    meanings = {}
    for line in doc.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].startswith("`corridor_"):
            continue
        for name in re.findall(r"`(corridor_[a-z0-9_]+)`", cells[0]):
            meanings[name] = cells[-1]
    return meanings


def read_declarations(project: Path | None = None) -> Declarations:
    project = project or package_project_dir()
    source = (project / DEFAULTS_MACROS).read_text()
    inputs = _call_macro(source, "_corridor_input_defaults")
    registry = _call_macro((project / SETTINGS_MACROS).read_text(), "_corridor_settings")
    settings: dict[str, Any] = {
        name: Computed(spec["computed_default"]) if "computed_default" in spec else spec["default"]
        for name, spec in registry.items()
    }
    gates = _call_macro(source, "_corridor_gate_defaults")
    input_vars = {spec["var"] for spec in inputs.values()}
    # Vars read directly with var('corridor_x', default) outside the settings declaration.
    for path in sorted(
        [*project.glob("macros/**/*.sql"), *project.glob("models/**/*.sql"), project / "dbt_project.yml"]
    ):
        for name, default in _VAR_CALL.findall(path.read_text()):
            if name in settings or name in input_vars:
                continue
            value = _literal(default)
            if name not in settings or not isinstance(value, Computed):
                settings[name] = value
    doc = project / SETTINGS_DOC
    meanings = _meanings(doc.read_text()) if doc.is_file() else {}
    # The package's own descriptions of its vars (the settings registry, the inputs) win over the docs.
    meanings.update({name: spec["description"] for name, spec in registry.items()})
    meanings.update({spec["var"]: spec["description"] for spec in inputs.values() if "description" in spec})
    return Declarations(inputs=inputs, settings=settings, gates=gates, meanings=meanings)


def _flow(value: Any) -> str:
    """One-line YAML for a default value."""
    text = yaml.safe_dump(value, default_flow_style=True, width=10_000, sort_keys=False).strip()
    return text[:-4].strip() if text.endswith("\n...") else text.removesuffix("...").strip()


# --------------------------------------------------------------------------------------------------
# The scaffold's files


_INPUT_TEXT = {
    "production_events": ("one row per prediction", "relation", "main.production_events"),
    "outcomes": ("labels joined to events by event id; they may arrive late", "relation", "main.outcomes"),
    "offline_estimates": ("one row per projected metric x segment x window grain", "ref", "offline_estimates"),
    "rules": ("the rules registry: one row per rule version", "ref", "monitoring_rules"),
}
_PREDICTION_COLUMNS = {
    "binary_classifier": {"predicted_score": "predicted_score"},
    "regression": {"predicted_value": "predicted_value"},
}


def vars_block(decl: Declarations, model_type: str) -> str:
    """The ``vars:`` block of a scaffolded dbt_project.yml: inputs mapped, every setting at its default."""
    out = [
        "vars:",
        "  # ---- Inputs: where your data is, and which of your columns is which -------------------------------",
        "  # Each input: exactly one of  relation: schema.table  |  ref: a_model_or_seed  |  source: [src, table];",
        "  # columns: {corridor's name: your column}. Required columns must exist; set an optional one to null",
        "  # when you do not have it. Every column is described in corridor's docs/inputs.md.",
        "  corridor_load_demo_seeds: false",
    ]
    for name, spec in decl.inputs.items():
        var = spec["var"]
        if name not in _INPUT_TEXT:
            meaning = decl.meanings.get(var, "an optional input").replace("`", "")
            out.append(f"  {var}: null  # {meaning}")
            continue
        what, kind, default_relation = _INPUT_TEXT[name]
        out.append(f"  {var}:  # {what}")
        out.append(f"    {kind}: {default_relation}")
        out.append("    columns:")
        required = set(spec["required_columns"])
        in_seed = set(_SEED_HEADERS.get(name, "").split(","))
        width = max(len(c) for c in spec["columns"]) + 2
        for column in spec["columns"]:
            mapped = column if column in required or column in in_seed else None
            if name == "production_events" and column in _PREDICTION_COLUMNS[model_type]:
                mapped = column
            note = "required" if column in required else "optional"
            if name == "production_events" and column == "predicted_class" and model_type == "binary_classifier":
                note = "optional: null derives it as predicted_score >= corridor_classification_threshold"
            out.append(f"      {(column + ':').ljust(width)}{_flow(mapped) if mapped else 'null'}  # {note}")
    out.append("")
    out.append(
        "  # ---- Settings: each at the package default; uncomment a line to change it ---------------------------"
    )
    for var, default in decl.settings.items():
        if var == "corridor_load_demo_seeds":
            continue
        value = model_type if var == "corridor_model_type" else default
        meaning = decl.meanings.get(var, "").replace("`", "")
        out.append(f"  # {meaning}" if meaning else "  #")
        if var in ("corridor_model_type", "corridor_segment_columns", "corridor_feature_columns"):
            # What describes your data is written out: no demo column names inherited by accident.
            value = {"corridor_segment_columns": {}, "corridor_feature_columns": {}}.get(var, value)
            out.append(f"  {var}: {_flow(value)}")
        elif isinstance(value, Computed):
            out.append(f"  # {var}:   (default computed by the package at run time: {value})")
        else:
            out.append(f"  # {var}: {_flow(value)}")
    out.append(
        "  # Quality-gate thresholds, per check (corridor_quality_gates: {check: {warn, fail, enabled, min_rows}}):"
    )
    for check, spec in decl.gates.items():
        shown = {k: v for k, v in spec.items() if k in ("warn", "fail", "min_rows", "enabled")}
        out.append(f"  #   {check}: {_flow(shown)}")
    return "\n".join(out) + "\n"


_RULES_HEADER = (
    "rule_id,hypothesis,metric,segment_dimension,segment_value,window_grain,comparison_kind,direction,"
    "warn_tolerance,fail_tolerance,min_sample_size,consecutive_windows,owner,escalation_path,severity,"
    "rule_version,valid_from"
)
_ESTIMATES_HEADER = (
    "estimate_id,model_id,model_version,metric,segment_dimension,segment_value,window_grain,expected_value,"
    "standard_error,interval_lower,interval_upper,confidence_level,method,estimator_version,"
    "evaluation_dataset_id,produced_at,valid_from,valid_to"
)
# (metric, grain, kind, direction, warn, fail, min n, windows, severity, hypothesis, expected, se, method)
_EXAMPLES = {
    "binary_classifier": [
        (
            "accuracy",
            "day",
            "statistical",
            "higher_is_better",
            0.03,
            0.06,
            200,
            1,
            "high",
            "Daily accuracy stays within 3 points of the backtest",
            0.87,
            0.004,
            "backtest",
        ),
        (
            "auc",
            "day",
            "equivalence",
            "two_sided",
            0.05,
            0.1,
            500,
            1,
            "medium",
            "Daily AUC is equivalent to the backtest within 0.05",
            0.91,
            0.006,
            "backtest",
        ),
    ],
    "regression": [
        (
            "mae",
            "day",
            "statistical",
            "lower_is_better",
            0.5,
            1.0,
            100,
            1,
            "high",
            "Daily mean absolute error stays within 0.5 of the backtest",
            4.2,
            0.08,
            "backtest",
        ),
        (
            "rmse",
            "day",
            "relative",
            "lower_is_better",
            0.15,
            0.3,
            100,
            2,
            "medium",
            "Daily RMSE stays within 15 % of the backtest",
            6.1,
            0.15,
            "backtest",
        ),
    ],
}
_COMMON_EXAMPLES = [
    (
        "error_rate",
        "hour",
        "absolute",
        "lower_is_better",
        0.02,
        0.05,
        50,
        2,
        "high",
        "Hourly error rate stays below the canary's plus 2 points",
        0.01,
        0.002,
        "canary",
    ),
    (
        "latency_p95",
        "day",
        "relative",
        "lower_is_better",
        0.25,
        0.5,
        200,
        1,
        "medium",
        "p95 latency stays within 25 % of the load test",
        180,
        6,
        "load_test",
    ),
]


_SEED_HEADERS = {"rules": _RULES_HEADER, "offline_estimates": _ESTIMATES_HEADER}


def seed_rows(model_type: str, model_id: str, model_version: str, valid_from: str) -> tuple[str, str]:
    """Example rows of the rules and offline-estimate seeds, one estimate per rule."""
    rules, estimates = [_RULES_HEADER], [_ESTIMATES_HEADER]
    for i, ex in enumerate(_EXAMPLES[model_type] + _COMMON_EXAMPLES, start=1):
        metric, grain, kind, direction, warn, fail, n, windows, severity, hypothesis, value, se, method = ex
        rules.append(
            f"R{i:03d},{hypothesis},{metric},all,all,{grain},{kind},{direction},{warn},{fail},{n},{windows},"
            f"ml-team,#ml-oncall,{severity},1,{valid_from}"
        )
        estimates.append(
            f"{method}_{metric}_{grain},{model_id},{model_version},{metric},all,all,{grain},{value},{se},,,0.95,"
            f"{method},{method}-1.0,{method}_dataset_1,{valid_from},{valid_from},"
        )
    return "\n".join(rules) + "\n", "\n".join(estimates) + "\n"


_SEEDS_YML = """\
seeds:
  - name: monitoring_rules
    description: corridor's rules registry (var corridor_rules). One row per rule version; see docs/checks.md.
    config:
      column_types: {warn_tolerance: double, fail_tolerance: double, valid_from: timestamp}
    columns:
      - name: rule_id
        data_tests:  # dbt build fails while a rule of severity high/critical has an open alert, warns for medium/low
          - corridor.rules_hold:
              arguments: {dbt_severity: error}
          - corridor.rules_hold:
              arguments: {dbt_severity: warn}
  - name: offline_estimates
    description: corridor's offline estimates (var corridor_offline_estimates), one row per projected metric.
    config:
      column_types:
        segment_value: varchar
        expected_value: double
        standard_error: double
        interval_lower: double
        interval_upper: double
        confidence_level: double
        produced_at: timestamp
        valid_from: timestamp
        valid_to: timestamp
"""


def _packages_yml(local: Path | None, git: str | None, revision: str | None) -> str:
    if git:
        return f'packages:\n  - git: "{git}"\n    revision: {revision or "v" + __version__}\n'
    return f'packages:\n  - local: "{local}"\n'


def _profile(name: str, database: str) -> str:
    return (
        f"{name}:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
        f"      path: \"{{{{ env_var('CORRIDOR_DUCKDB_PATH', '{database}') }}}}\"\n"
        "      schema: main\n      threads: 2\n"
        "      # hands CORRIDOR_PSEUDONYM_KEY to DuckDB without dbt seeing it (docs/security.md)\n"
        "      plugins:\n        - module: corridor.duckdb_plugin\n"
    )


_NEXT_STEPS = """\
# {name}

A dbt project that runs corridor (version {version}) on your data; written by `corridor init`.

1. In `dbt_project.yml`, point `corridor_production_events` and `corridor_outcomes` at your tables and map
   your column names (required columns must exist; optional ones may stay null).
2. Replace the example rows of `seeds/monitoring_rules.csv` (your hypotheses) and
   `seeds/offline_estimates.csv` (what offline work promised) with yours.
3. `dbt deps && dbt build` (the profile in `profiles.yml` builds into `{database}`; set DBT_PROFILES_DIR=.
   or copy it to ~/.dbt/profiles.yml).
4. `corridor report --database {database}` writes the HTML report.
"""


def init_project(
    dest: Path,
    *,
    name: str | None = None,
    model_type: str = "binary_classifier",
    model_id: str = "my_model",
    model_version: str = "v1",
    valid_from: str = "2026-01-01 00:00:00",
    package_path: Path | None = None,
    git: str | None = None,
    revision: str | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the scaffold into ``dest``; returns the files written. Refuses to overwrite unless ``force``."""
    if model_type not in _EXAMPLES:
        raise ValueError(f"model type must be one of {', '.join(_EXAMPLES)}; got {model_type!r}")
    dest = Path(dest)
    name = name or re.sub(r"[^a-z0-9_]", "_", dest.resolve().name.lower()).strip("_") or "corridor_project"
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise ValueError(f"project name {name!r} must be lowercase letters, digits and underscores")
    project = package_project_dir()
    decl = read_declarations(project)
    rules, estimates = seed_rows(model_type, model_id, model_version, valid_from)
    database = f"{name}.duckdb"
    files = {
        "packages.yml": _packages_yml((package_path or project).resolve(), git, revision),
        "dbt_project.yml": (
            f'name: {name}\nversion: "1.0.0"\nconfig-version: 2\nprofile: {name}\n\n'
            'model-paths: ["models"]\nseed-paths: ["seeds"]\ntest-paths: ["tests"]\n'
            'clean-targets: ["target", "dbt_packages", "logs"]\n\n' + vars_block(decl, model_type)
        ),
        "profiles.yml": _profile(name, database),
        "seeds/monitoring_rules.csv": rules,
        "seeds/offline_estimates.csv": estimates,
        "seeds/_seeds.yml": _SEEDS_YML,
        "models/.gitkeep": "",
        ".gitignore": "target/\ndbt_packages/\nlogs/\npackage-lock.yml\n*.duckdb\n*.duckdb.wal\n",
        "README.md": _NEXT_STEPS.format(name=name, version=__version__, database=database),
    }
    existing = [rel for rel in files if (dest / rel).exists()]
    if existing and not force:
        raise FileExistsError(f"{dest} already has {', '.join(existing)}; use --force to overwrite")
    written = []
    for rel, text in files.items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        written.append(path)
    return written
