"""corridor's label-free estimate against NannyML's CBPE on NannyML's car-loan data (``make label-free-study``).

Development tooling (not run by users). Steps:

1. ``corridor_tools.peers_cbpe`` runs in NannyML's virtualenv (``--nannyml-python``):
   it exports the bundled car-loan reference and analysis predictions with
   their labels, and CBPE's monthly estimates with the realized values.
2. The predictions are loaded into a throwaway DuckDB file as corridor's
   inputs (one model version; every label arrived at its event time), and
   corridor is built with ``corridor_window_grains: [month]`` and the
   reference period as ``corridor_label_free_reference``.
3. Per analysis month, the same eleven chunks as CBPE's (``period`` is a
   segment column, so segment ``period = analysis`` holds exactly CBPE's
   chunks, October 2018's 207 analysis rows included), it prints and writes
   (``OUT/label_free_study.json``): the mean absolute error of corridor's
   estimate and of CBPE's against the realized value (all eleven months, and
   the ten full months), the coverage of both methods' intervals in the
   full months before the shift (April 2019) and after it, corridor's
   coverage over the 21 full weeks before the shift (a larger sample of
   windows), and which full months of overall traffic corridor flags
   ``is_shifted`` (segment ``analysis`` itself is always flagged: it has no
   reference events to compare with).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
from corridor.dbt_runner import REPO_ROOT, run_dbt

SHIFT_STARTS = pd.Timestamp("2019-04-01")
FIRST_FULL_MONTH = pd.Timestamp("2018-11-01")
FIRST_FULL_WEEK = pd.Timestamp("2018-11-05")  # the first Monday after the reference ends
REFERENCE = {"start": "2018-01-01 00:00:00", "end": "2018-10-30 18:00:00"}
METRICS = ["accuracy", "auc", "precision", "recall", "f1"]


def _vars() -> dict:
    return {
        "corridor_load_demo_seeds": False,
        "corridor_production_events": {
            "relation": "main.car_loan_events",
            "columns": {"latency_ms": None, "is_error": "is_error", "predicted_score": "predicted_score"}
            | {"predicted_class": "predicted_class"},
        },
        "corridor_outcomes": {
            "relation": "main.car_loan_outcomes",
            "columns": {"label_arrived_at": "label_arrived_at"},
        },
        "corridor_offline_estimates": {"relation": "main.car_loan_offline_estimates"},
        "corridor_rules": {"relation": "main.car_loan_rules"},
        "corridor_reference_features": None,
        "corridor_segment_columns": {"period": "period"},
        "corridor_window_grains": ["week", "month"],
        "corridor_histogram_metric_grains": ["week", "month"],
        "corridor_score_bins": 100,
        "corridor_label_free_reference": REFERENCE,
    }


def load_inputs(db: Path, events_parquet: Path) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute(
            f"""
            create or replace table car_loan_events as
            select cast(id as varchar) as event_id, cast(timestamp as timestamp) as event_at,
                   'car_loan' as model_id, 'v1' as model_version, false as is_error,
                   y_pred_proba as predicted_score, cast(y_pred as integer) as predicted_class,
                   case when is_reference then 'reference' else 'analysis' end as period
            from read_parquet('{events_parquet}');
            create or replace table car_loan_outcomes as
            select cast(id as varchar) as event_id, cast(label as integer) as label,
                   cast(timestamp as timestamp) as label_arrived_at
            from read_parquet('{events_parquet}');
            create or replace table car_loan_offline_estimates as
            select 'car_loan' as model_id, 'v1' as model_version, 'accuracy' as metric, 0.94 as expected_value,
                   0.005 as standard_error, 'month' as window_grain;
            create or replace table car_loan_rules as
            select 'CL01' as rule_id, 'accuracy' as metric, 'statistical' as comparison_kind,
                   'higher_is_better' as direction, 0.02 as warn_tolerance, 0.04 as fail_tolerance,
                   'month' as window_grain, 'study' as owner;
            """
        )
    finally:
        con.close()


def summary_has_nan(frame: pd.DataFrame) -> bool:
    return bool(frame[["estimated_value", "realized_value"]].isna().any().any())


def compare(db: Path, cbpe: pd.DataFrame) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        validation = con.execute("select * from corridor_estimator_validation").df()
        calibration = con.execute("select * from corridor_label_free_calibration order by reliability_bin").df()
    finally:
        con.close()
    validation["window_start"] = pd.to_datetime(validation["window_start"])
    monthly = validation[validation.window_grain == "month"]
    ours = monthly[(monthly.segment_dimension == "period") & (monthly.segment_value == "analysis")]
    overall = monthly[(monthly.segment_dimension == "all") & (monthly.window_start >= FIRST_FULL_MONTH)]
    weeks = validation[
        (validation.window_grain == "week")
        & (validation.segment_dimension == "all")
        & (validation.window_start >= FIRST_FULL_WEEK)
        & (validation.window_start + pd.Timedelta(days=7) <= SHIFT_STARTS)
    ]
    cbpe = cbpe.assign(chunk_start=pd.to_datetime(cbpe["chunk_start"]))
    merged = ours.merge(
        cbpe, left_on=["window_start", "metric"], right_on=["chunk_start", "metric"], suffixes=("", "_nannyml")
    )
    full_months = merged[merged.window_start >= FIRST_FULL_MONTH]
    before = full_months[full_months.window_start < SHIFT_STARTS]
    after = merged[merged.window_start >= SHIFT_STARTS]
    result: dict = {"months": int(merged.window_start.nunique()), "metrics": {}}
    for metric in METRICS:
        m, b, a = (x[x.metric == metric] for x in (merged, before, after))
        result["metrics"][metric] = {
            "corridor_mae": float((m.estimated_value - m.realized_value).abs().mean()),
            "cbpe_mae": float((m.cbpe_value - m.realized_value_nannyml).abs().mean()),
            "corridor_mae_full_months": float(
                (m.estimated_value - m.realized_value)[m.window_start >= FIRST_FULL_MONTH].abs().mean()
            ),
            "cbpe_mae_full_months": float(
                (m.cbpe_value - m.realized_value_nannyml)[m.window_start >= FIRST_FULL_MONTH].abs().mean()
            ),
            "corridor_max_realized_difference": float((m.realized_value - m.realized_value_nannyml).abs().max()),
            "corridor_coverage_before_shift": float(b.is_covered.mean()),
            "cbpe_coverage_before_shift": float(
                ((b.realized_value_nannyml >= b.cbpe_lower) & (b.realized_value_nannyml <= b.cbpe_upper)).mean()
            ),
            "corridor_coverage_after_shift": float(a.is_covered.mean()),
            "corridor_weekly_coverage_before_shift": float(weeks[weeks.metric == metric].is_covered.mean()),
            "weeks_before_shift": int((weeks.metric == metric).sum()),
            "corridor_mean_standardized_error_after_shift": float(a.standardized_error.mean()),
        }
    if summary_has_nan(merged):
        raise SystemExit("corridor_estimator_validation has months without an estimate or a realized value")
    result["shift_flags"] = {
        str(r.window_start.date()): {"is_shifted": bool(r.is_shifted), "score_psi": float(r.score_psi)}
        for r in overall[overall.metric == "accuracy"].sort_values("window_start").itertuples()
    }
    result["weekly_shift_flags_before_shift"] = int(weeks[weeks.metric == "accuracy"].is_shifted.sum())
    result["calibration_holds"] = bool(calibration.is_calibration_holding.all())
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nannyml-python", required=True, help="python of a virtualenv with nannyml installed")
    parser.add_argument("--out", default=str(REPO_ROOT / "build" / "label_free_study"))
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    peer = subprocess.run(
        [args.nannyml_python, str(Path(__file__).with_name("peers_cbpe.py")), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "NML_DISABLE_USAGE_LOGGING": "1"},
    )
    if peer.returncode != 0:
        print(peer.stdout[-3000:], peer.stderr[-3000:], file=sys.stderr)
        return 1
    print(next(line for line in peer.stdout.splitlines() if line.startswith("RESULT ")), flush=True)
    db = out / "car_loan.duckdb"
    db.unlink(missing_ok=True)
    load_inputs(db, out / "car_loan_events.parquet")
    env = {
        "CORRIDOR_DUCKDB_PATH": str(db),
        "DBT_TARGET_PATH": str(out / "target"),
        "DBT_LOG_PATH": str(out / "logs"),
        "CORRIDOR_PSEUDONYM_KEY": secrets.token_hex(16),
    }
    select = ["--select", "+corridor_estimator_validation", "+corridor_label_free_calibration"]
    result = run_dbt(["build", *select], env=env, vars=_vars())
    if not result.ok:
        print(result.output[-6000:], file=sys.stderr)
        return 1
    summary = compare(db, pd.read_parquet(out / "cbpe_monthly.parquet"))
    (out / "label_free_study.json").write_text(json.dumps(summary, indent=2))
    header = ["metric", "corridor MAE", "CBPE MAE", "cover<shift", "CBPE cover", "weekly cover<shift", "cover>=shift"]
    print(" ".join(f"{h:>13}" for h in header))
    for metric, r in summary["metrics"].items():
        values = [
            r["corridor_mae"],
            r["cbpe_mae"],
            r["corridor_coverage_before_shift"],
            r["cbpe_coverage_before_shift"],
            r["corridor_weekly_coverage_before_shift"],
            r["corridor_coverage_after_shift"],
        ]
        print(f"{metric:>13} " + " ".join(f"{v:>13.4f}" for v in values))
    print("shift flags (accuracy rows):", json.dumps(summary["shift_flags"]))
    print("calibration holds on the reference:", summary["calibration_holds"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
