"""`corridor decide --model M --version V`: the decision of corridor_model_decisions for one model version,
printed for a person and returned as an exit code for a deployment pipeline (docs/decisions.md).

Exit codes: 0 promote; 1 hold or investigate_data; 2 rollback; 3 no decision (the database, the table or the
model version is not there: the message says which).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

EXIT_CODES = {"promote": 0, "hold": 1, "investigate_data": 1, "rollback": 2}
NO_DECISION = 3
FIELDS = [
    "decision",
    "decision_reason",
    "missing_evidence",
    "hysteresis",
    "rollback_to_version",
    "traffic_factor_to_settle",
    "evidence_through",
    "evidence_result_ids",
]


class DecisionError(Exception):
    """No decision can be read for the model version asked about."""


def read_decision(database: Path, model: str, version: str) -> dict:
    """The row of corridor_model_decisions for (model, version), read from a corridor DuckDB file (read-only)."""
    if not Path(database).exists():
        raise DecisionError(f"no corridor database at {database}: build first (corridor run, or make demo)")
    con = duckdb.connect(str(database), read_only=True)
    try:
        tables = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
        if "corridor_model_decisions" not in tables:
            raise DecisionError(f"{database} has no corridor_model_decisions table: build it with dbt build")
        rows = con.execute(
            f"select {', '.join(FIELDS)} from corridor_model_decisions where model_id = ? and model_version = ?",
            [model, version],
        ).fetchall()
        if not rows:
            known = con.execute(
                "select model_id || ' ' || model_version from corridor_model_decisions order by 1"
            ).fetchall()
            listed = ", ".join(r[0] for r in known) or "none"
            raise DecisionError(f"no decision for model {model!r} version {version!r}; decided versions: {listed}")
        return dict(zip(FIELDS, rows[0], strict=True))
    finally:
        con.close()


def format_decision(model: str, version: str, row: dict) -> str:
    """A few lines a person reads in a pipeline log."""
    lines = [f"{model} {version}: {row['decision'].upper()}"]
    lines.append(f"  why: {row['decision_reason']}")
    if row["decision"] == "rollback":
        target = row["rollback_to_version"] or "none on record (no earlier version was promoted)"
        lines.append(f"  roll back to: {target}")
    if row["hysteresis"]:
        lines.append(f"  hysteresis: {row['hysteresis']}")
    if row["traffic_factor_to_settle"] is not None:
        lines.append(f"  traffic to settle: about {row['traffic_factor_to_settle']:.3g}x the traffic per window")
    lines.append(f"  evidence through: {row['evidence_through']}")
    ids = [i for i in (row["evidence_result_ids"] or "").split(",") if i]
    if ids:
        shown = ", ".join(ids[:5]) + (f" (+{len(ids) - 5} more)" if len(ids) > 5 else "")
        lines.append(f"  evidence (corridor_validation_results.result_id): {shown}")
    return "\n".join(lines)


def decide(database: Path, model: str, version: str) -> tuple[int, str]:
    """The exit code and the printed text of `corridor decide`."""
    try:
        row = read_decision(database, model, version)
    except DecisionError as exc:
        return NO_DECISION, f"corridor decide: {exc}"
    return EXIT_CODES[row["decision"]], format_decision(model, version, row)
