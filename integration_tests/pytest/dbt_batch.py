"""Many dbt invocations on one parse: the runner behind conftest.Dbt.batch (docs/development.md, "Expected failures
run in a batch").

    python dbt_batch.py cases.json results.json
    python dbt_batch.py --serve FD          (Served below: one invocation at a time, the caller looks in between)

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

import dataclasses
import json
import os
import pickle
import select
import subprocess
import sys
import time
from pathlib import Path


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


def _freeze(manifest) -> bytes:
    return pickle.dumps((manifest, manifest.fixtures))


def _thaw(frozen: bytes):
    """A fresh copy of the parsed manifest. dbt-core's Manifest.__reduce_ex__ (1.10, 1.11) leaves `fixtures` out of
    its positional arguments, so every later one lands one field early: `fixtures` gets the doc lookup, the source
    lookup gets the ref lookup (a source() call then fails with "RefableLookup.find() missing 1 required positional
    argument"). The fixtures are pickled beside it and put back, and every cached lookup is dropped: dbt rebuilds
    each from the nodes on first use."""
    manifest, fixtures = pickle.loads(frozen)
    manifest.fixtures = fixtures
    for field in dataclasses.fields(manifest):
        if field.name.startswith("_") and field.name.endswith("_lookup"):
            setattr(manifest, field.name, None)
    return manifest


def run_batch(base_vars: dict | None, cases: list[dict]) -> dict:
    parsed = _invoke(_with_vars(["parse"], base_vars))
    manifest = parsed.pop("result")
    report: dict = {"parse": parsed, "cases": []}
    if not parsed["ok"] or manifest is None:
        report["parse"]["ok"] = False
        return report
    frozen = _freeze(manifest)
    for case in cases:
        outcome = _run_case(case, base_vars, frozen)
        outcome.pop("result")
        report["cases"].append(outcome)
    return report


def _run_case(case: dict, base_vars: dict | None, frozen: bytes) -> dict:
    """One case on a fresh copy of the manifest: its vars (None: the base vars), its env for its duration only."""
    vars = case.get("vars")
    env = case.get("env") or {}
    saved = {name: os.environ.get(name) for name in env}
    try:
        _set_env(env)
        return _invoke(_with_vars(case["args"], base_vars if vars is None else vars), _thaw(frozen))
    finally:
        _set_env(saved)


def _set_env(values: dict) -> None:
    """Set each variable to its value; a None value unsets it."""
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def serve(answers_fd: int) -> int:
    """Answer requests read from stdin, one JSON object a line, on the file descriptor given: the first request is
    {"base_vars", "parse_args"} and parses; each later one is a case ({"args", "vars", "env"}) run on a copy of
    that manifest. dbt's own console output goes to this process's stdout (the caller's log file)."""
    with os.fdopen(answers_fd, "w") as answers:

        def answer(outcome: dict) -> None:
            outcome.pop("result", None)
            answers.write(json.dumps(outcome) + "\n")
            answers.flush()

        first = json.loads(sys.stdin.readline() or "null")
        if first is None:
            return 1
        parsed = _invoke(_with_vars(["parse", *first.get("parse_args", [])], first.get("base_vars")))
        manifest = parsed.pop("result")
        parsed["ok"] = parsed["ok"] and manifest is not None
        answer(parsed)
        if not parsed["ok"]:
            return 1
        frozen = _freeze(manifest)
        for line in sys.stdin:
            answer(_run_case(json.loads(line), first.get("base_vars"), frozen))
    return 0


class Served:
    """dbt invocations one at a time in one long-lived process on one parse, the caller free to look at the
    warehouse between them: what a Spark build needs, where every new process starts a Spark session (about 50 s)
    and parses again (test_spark.py). `python` is the interpreter of the venv with the adapter; each invoke returns
    {"ok", "output", "seconds"} as a batch case does (same rules: node configs as parsed with the base vars, the
    invocation's own --vars and env read when nodes compile and run)."""

    def __init__(self, python, cwd, env: dict, log: Path, base_vars=None, parse_args=(), timeout: float = 3600):
        self.timeout, self.log = timeout, Path(log)
        read_fd, write_fd = os.pipe()
        with open(self.log, "w") as out:
            self.proc = subprocess.Popen(
                [str(python), __file__, "--serve", str(write_fd)], cwd=cwd, env=env, stdin=subprocess.PIPE,
                stdout=out, stderr=subprocess.STDOUT, pass_fds=(write_fd,), text=True,
            )  # fmt: skip
        os.close(write_fd)
        self.answers = os.fdopen(read_fd)
        self.parse = self._ask({"base_vars": base_vars, "parse_args": list(parse_args)})
        if not self.parse["ok"]:
            self.close()
            raise AssertionError(f"dbt parse failed:\n{self.parse['output'][-6000:]}")

    def _ask(self, request: dict) -> dict:
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            ready, _, _ = select.select([self.answers], [], [], self.timeout)
            line = self.answers.readline() if ready else ""
        except BrokenPipeError:  # the process has ended
            line = ""
        if not line:
            self.close()
            tail = self.log.read_text()[-6000:] if self.log.exists() else ""
            raise AssertionError(f"dbt_batch.py --serve gave no answer to {request} in {self.timeout} s:\n{tail}")
        return json.loads(line)

    def invoke(self, *args: str, vars: dict | None = None, env: dict | None = None) -> dict:
        return self._ask({"args": list(args), "vars": vars, "env": env or {}})

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.answers.close()

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--serve":
        return serve(int(argv[2]))
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
