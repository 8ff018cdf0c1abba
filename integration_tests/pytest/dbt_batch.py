"""Many dbt invocations on one parse: the runner behind conftest.Dbt.batch (docs/development.md, "Expected failures
run in a batch").

    python dbt_batch.py cases.json results.json

Every dbt command with new `--vars` (or a changed environment) makes dbt drop its partial parse and parse the whole
project again (25-40 s for corridor's projects), even when all it then does is print a configuration error. dbt's
programmatic runner takes a parsed manifest instead (`dbtRunner(manifest=...)`) and then does not parse at all, while
`var()` and `env_var()` evaluated when a node compiles or runs read that invocation's own `--vars` and the current
environment. So this script parses once, with the base vars, and runs each case on a copy of that manifest, about a
second each.

cases.json: {"base_vars": {...} or null, "cases": [{"args": [...], "vars": {...} or null, "env": {...}}, ...]}
(a plain list of cases: base_vars null). A case's vars go to `--vars` (null: the base vars, which the manifest was
parsed with); its env is set in os.environ for that case only (a null value unsets the variable).

results.json: {"parse": {"ok", "output", "seconds"}, "cases": [{"ok", "output", "seconds"}, ...]}; output is every
log message at info level or above (what dbt prints) and the exception's text, if any.

What differs from a separate `dbt` process (choose each case's command and selection with it in mind):
- only the selected nodes are rendered: `parse` renders every node, so an error that a full parse raises from any
  model is raised here only when a node that reads the var is selected (corridor.validate_vars runs inside
  corridor.input_config, so in every staging model; a `parse` case does nothing, the manifest is given);
- node configs (enabled, materialized, schema) stay as parsed with the base vars; a var that changes them
  changes nothing here;
- hooks (on-run-start, on-run-end) run only for run and build, as in dbt.
Each case gets its own copy of the manifest (compiling writes the compiled SQL and ephemeral CTEs into the nodes), and
runs in this one process: conftest.Dbt.batch starts it as a subprocess, so dbt's global state (flags, adapters,
event loggers) never reaches pytest.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import time


def _invoke(runner_args: list[str], manifest=None) -> dict:
    from dbt.cli.main import dbtRunner

    messages: list[str] = []

    def collect(event) -> None:
        try:
            if event.info.level != "debug":
                messages.append(event.info.msg)
        except Exception:  # an event without info: nothing a console would show
            pass

    started = time.monotonic()
    outcome = dbtRunner(manifest=manifest, callbacks=[collect]).invoke(runner_args)
    seconds = time.monotonic() - started
    if outcome.exception is not None:
        messages.append(f"{type(outcome.exception).__name__}: {outcome.exception}")
    return {"ok": bool(outcome.success), "output": "\n".join(messages), "seconds": seconds, "result": outcome.result}


def _with_vars(args: list[str], vars: dict | None) -> list[str]:
    return [*args, "--vars", json.dumps(vars)] if vars is not None else list(args)


def run_batch(base_vars: dict | None, cases: list[dict]) -> dict:
    parsed = _invoke(_with_vars(["parse"], base_vars))
    manifest = parsed.pop("result")
    report: dict = {"parse": parsed, "cases": []}
    if not parsed["ok"] or manifest is None:
        report["parse"]["ok"] = False
        return report
    frozen = pickle.dumps(manifest)
    for case in cases:
        vars = case.get("vars")
        env = case.get("env") or {}
        saved = {name: os.environ.get(name) for name in env}
        try:
            _set_env(env)
            outcome = _invoke(_with_vars(case["args"], base_vars if vars is None else vars), pickle.loads(frozen))
        finally:
            _set_env(saved)
        outcome.pop("result")
        report["cases"].append(outcome)
    return report


def _set_env(values: dict) -> None:
    """Set each variable to its value; a None value unsets it."""
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    spec = json.loads(open(argv[1]).read())
    if isinstance(spec, list):
        spec = {"base_vars": None, "cases": spec}
    report = run_batch(spec.get("base_vars"), spec["cases"])
    with open(argv[2] + ".tmp", "w") as handle:
        json.dump(report, handle)
    os.replace(argv[2] + ".tmp", argv[2])
    return 0 if report["parse"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
