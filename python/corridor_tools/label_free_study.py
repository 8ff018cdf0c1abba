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
4. Cross-fitted dispersion of the reference (``cross_fitted_dispersion``, no
   dbt, corridor's kernel directly): per full week of the reference, the
   calibration is fitted on the other weeks only and the week's realized
   metrics are standardized by the estimate's standard error; the spread of
   those z-scores per metric says whether the sampling-only standard error
   understates week-to-week variability (about 1 when it does not). Reference
   data only: the analysis weeks play no part in it.
5. The weekly design simulated where the intervals hold (``stationary_weekly_coverage``, no dbt, corridor's
   kernel directly): a reference of the reference's size and the 21 analysis weeks at their sizes, drawn from the
   reference's score mix with labels from its own calibration, estimated with the production kernel, many times
   (``--null-simulations``, seed 20261204): the distribution of covered window × metric pairs, and where the
   study's count, its worst metric and its largest spread of z fall in it (``coverage_null_summary``).
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
import numpy as np
import pandas as pd
from corridor import label_free
from corridor.dbt_runner import REPO_ROOT, run_dbt

SHIFT_STARTS = pd.Timestamp("2019-04-01")
FIRST_FULL_MONTH = pd.Timestamp("2018-11-01")
FIRST_FULL_WEEK = pd.Timestamp("2018-11-05")  # the first Monday after the reference ends
REFERENCE = {"start": "2018-01-01 00:00:00", "end": "2018-10-30 18:00:00"}
METRICS = ["accuracy", "auc", "precision", "recall", "f1"]
SCORE_BINS = 100
CROSS_FIT_DRAWS = 400


def reference_week_cells(events: pd.DataFrame, score_bins: int = SCORE_BINS) -> pd.DataFrame:
    """The reference's labelled events per full week (Monday start) × score bin × predicted class: period,
    score_bin, predicted_class, n_events, n_positive. Scores are binned as corridor bins them (round(score ×
    bins)); the last, partial week of the reference (fewer than half a median week's events) is left out."""
    ref = events[events["is_reference"]].copy()
    ref["period"] = pd.to_datetime(ref["timestamp"]).dt.to_period("W-SUN").dt.start_time
    ref["score_bin"] = np.round(ref["y_pred_proba"].to_numpy(float) * score_bins).astype(int)
    ref["predicted_class"] = ref["y_pred"].astype(int)
    ref["label"] = ref["label"].astype(int)
    sizes = ref.groupby("period").size()
    full = sizes[sizes >= 0.5 * sizes.median()].index
    ref = ref[ref["period"].isin(full)]
    return (
        ref.groupby(["period", "score_bin", "predicted_class"])
        .agg(n_events=("label", "size"), n_positive=("label", "sum"))
        .reset_index()
    )


def cross_fitted_dispersion(
    cells: pd.DataFrame, *, score_bins: int, n_draws: int = CROSS_FIT_DRAWS, seed: int = 20261130, level: float = 0.95
) -> pd.DataFrame:
    """Leave-one-period-out z-scores of the label-free estimate on labelled data.

    ``cells``: period, score_bin, predicted_class, n_events, n_positive. For each period the calibration is fitted
    on the *other* periods (corridor.label_free.label_free_estimates, its intervals and standard errors as in
    production), and the period's realized metrics (from its labels, as corridor computes them) are compared with
    the estimate: z = (realized − expected) / standard error, and whether the interval covers the realized value.
    Fitting without the period removes the in-sample optimism of scoring a period with a map fitted on it."""
    rows = []
    for period, own in cells.groupby("period", sort=True):
        rest = cells[cells["period"] != period]
        reference = (
            rest.groupby("score_bin")[["n_events", "n_positive"]]
            .sum()
            .reset_index()
            .assign(model_id="m", model_version="v", segment_dimension="all", segment_value="all", half=0)
        )
        window = own[["score_bin", "predicted_class", "n_events"]].assign(
            model_id="m",
            model_version="v",
            window_grain="period",
            segment_dimension="all",
            segment_value="all",
            window_start=period,
        )
        estimate = label_free.label_free_estimates(
            window, reference, score_bins=score_bins, level=level, n_draws=n_draws, seed=seed
        )
        counts = {}
        for cls in (0, 1):
            part = own[own["predicted_class"] == cls]
            counts[f"n{cls}"] = np.bincount(part["score_bin"], weights=part["n_events"], minlength=score_bins + 1)
            counts[f"pos{cls}"] = np.bincount(part["score_bin"], weights=part["n_positive"], minlength=score_bins + 1)
        realized = label_free._metrics(counts["pos1"], counts["n1"], counts["pos0"], counts["n0"])
        # the labels' share of the standard error alone: Binomial draws per bin at the fitted map, the map held fixed
        # (its error is common to every period, so it does not show in their spread; the estimate's standard error
        # carries it, which is why z's spread sits below 1 when the calibration's uncertainty is not negligible)
        fitted = label_free.fit_isotonic(
            reference["score_bin"].to_numpy(int), reference["n_events"], reference["n_positive"], score_bins
        )
        rng = np.random.default_rng([seed, len(rows)])
        n1, n0 = counts["n1"].astype(np.int64), counts["n0"].astype(np.int64)
        draws = label_free._metrics(
            rng.binomial(n1[None, :], fitted[None, :], (n_draws, score_bins + 1)).astype(float),
            counts["n1"][None, :],
            rng.binomial(n0[None, :], fitted[None, :], (n_draws, score_bins + 1)).astype(float),
            counts["n0"][None, :],
        )
        for row in estimate.itertuples():
            value, se = float(row.metric_value), float(row.standard_error)
            actual = float(realized[row.metric])
            label_se = float(np.std(draws[row.metric], ddof=1))
            rows.append(
                dict(
                    period=period,
                    metric=row.metric,
                    estimated_value=value,
                    realized_value=actual,
                    standard_error=se,
                    z=(actual - value) / se,
                    label_standard_error=label_se,
                    z_labels=(actual - value) / label_se,
                    is_covered=bool(row.interval_lower <= actual <= row.interval_upper),
                )
            )
    return pd.DataFrame(rows)


def dispersion_summary(zscores: pd.DataFrame) -> dict:
    """Per metric: periods, standard deviation of the z-scores and its approximate standard error (sd / √(2(k−1)),
    normal theory), root mean square and mean of z, intervals covering the realized value; the spread of the
    z-scores on the labels' standard error alone (``sd_z_labels``: about 1 without overdispersion, whatever the
    calibration's uncertainty) and the labels' mean share of the estimate's variance."""
    out = {}
    for metric, part in zscores.groupby("metric", sort=False):
        z = part["z"].to_numpy(float)
        k = len(z)
        sd = float(z.std(ddof=1))
        out[metric] = {
            "periods": k,
            "sd_z": sd,
            "sd_z_standard_error": sd / float(np.sqrt(2 * (k - 1))),
            "rms_z": float(np.sqrt(np.mean(z**2))),
            "mean_z": float(z.mean()),
            "covered": int(part["is_covered"].sum()),
            "sd_z_labels": float(part["z_labels"].std(ddof=1)),
            "label_share_of_variance": float(np.mean(part["label_standard_error"] ** 2 / part["standard_error"] ** 2)),
        }
    return out


def analysis_week_sizes(events: pd.DataFrame) -> np.ndarray:
    """Events of each full analysis week before the shift (the study's 21 weekly windows, Monday starts)."""
    analysis = events[~events["is_reference"]]
    week = pd.to_datetime(analysis["timestamp"]).dt.to_period("W-SUN").dt.start_time
    sizes = week.value_counts().sort_index()
    keep = (sizes.index >= FIRST_FULL_WEEK) & (sizes.index + pd.Timedelta(days=7) <= SHIFT_STARTS)
    return sizes[keep].to_numpy(int)


def stationary_weekly_coverage(
    events: pd.DataFrame,
    *,
    n_simulations: int,
    seed: int = 20261204,
    n_draws: int = 400,
    level: float = 0.95,
    score_bins: int = SCORE_BINS,
) -> pd.DataFrame:
    """Covered window × metric pairs of the weekly design under a stream where the intervals' assumptions hold.

    The truth is the car-loan reference's own calibration (the isotonic map fitted on its labelled events, taken as
    P(label | score bin)), and the score bin × predicted class mix is the reference's. Each simulation draws a
    reference of the real reference's size and the analysis weeks before the shift at their real sizes from that
    mix, labels as Bernoulli draws from the map, and runs the production kernel
    (corridor.label_free.label_free_estimates, ``n_draws`` draws, seed ``seed`` + simulation) on them: its
    intervals against the weeks' realized metrics. The five metrics of a week share its labels, so their misses are
    correlated as in the study. One row per simulation × week × metric: simulation, week, metric, is_covered, z."""
    reference = events[events["is_reference"]]
    binned = np.round(reference["y_pred_proba"].to_numpy(float) * score_bins).astype(int)
    cells = (
        pd.DataFrame({"score_bin": binned, "predicted_class": reference["y_pred"].astype(int).to_numpy()})
        .assign(label=reference["label"].astype(int).to_numpy())
        .groupby(["score_bin", "predicted_class"])
        .agg(n_events=("label", "size"), n_positive=("label", "sum"))
        .reset_index()
    )
    per_bin = cells.groupby("score_bin")[["n_events", "n_positive"]].sum()
    truth = label_free.fit_isotonic(per_bin.index.to_numpy(), per_bin["n_events"], per_bin["n_positive"], score_bins)
    cell_bin = cells["score_bin"].to_numpy(int)
    is_positive_class = cells["predicted_class"].to_numpy(int) == 1
    shares = cells["n_events"].to_numpy(float) / cells["n_events"].sum()
    p_cell = truth[cell_bin]
    reference_size = int(len(reference))
    week_sizes = analysis_week_sizes(events)
    keys = dict(model_id="m", model_version="v", window_grain="week", segment_dimension="all", segment_value="all")
    rows = []
    for simulation in range(n_simulations):
        rng = np.random.default_rng([seed, simulation])
        ref_n = rng.multinomial(reference_size, shares)
        ref_pos = rng.binomial(ref_n, p_cell)
        ref = (
            pd.DataFrame({"score_bin": cell_bin, "n_events": ref_n, "n_positive": ref_pos})
            .groupby("score_bin", as_index=False)
            .sum()
            .assign(model_id="m", model_version="v", segment_dimension="all", segment_value="all", half=0)
        )
        histograms, realized = [], {}
        for week, size in enumerate(week_sizes):
            n = rng.multinomial(size, shares)
            pos = rng.binomial(n, p_cell)
            n1, n0 = (
                np.bincount(cell_bin, weights=n * mask, minlength=score_bins + 1)
                for mask in (is_positive_class, ~is_positive_class)
            )
            pos1, pos0 = (
                np.bincount(cell_bin, weights=pos * mask, minlength=score_bins + 1)
                for mask in (is_positive_class, ~is_positive_class)
            )
            realized[week] = label_free._metrics(pos1, n1, pos0, n0)
            keep = n > 0
            histograms.append(
                pd.DataFrame(
                    {
                        "score_bin": cell_bin[keep],
                        "predicted_class": is_positive_class[keep].astype(int),
                        "n_events": n[keep],
                    }
                ).assign(**keys, window_start=pd.Timestamp(FIRST_FULL_WEEK) + pd.Timedelta(weeks=week))
            )
        estimate = label_free.label_free_estimates(
            pd.concat(histograms), ref, score_bins=score_bins, level=level, n_draws=n_draws, seed=seed + simulation
        )
        for row in estimate.itertuples():
            week = int((row.window_start - pd.Timestamp(FIRST_FULL_WEEK)).days // 7)
            actual = float(realized[week][row.metric])
            rows.append(
                dict(
                    simulation=simulation,
                    week=week,
                    metric=row.metric,
                    is_covered=bool(row.interval_lower <= actual <= row.interval_upper),
                    z=(actual - float(row.metric_value)) / float(row.standard_error),
                )
            )
    return pd.DataFrame(rows)


def coverage_null_summary(
    coverage: pd.DataFrame, observed_covered: int, observed_worst_metric: int, observed_largest_sd_z: float
) -> dict:
    """Where the study's covered pairs fall among the simulated designs: the distribution of covered pairs per
    simulation (of weeks × metrics), P(covered ≤ observed) with its Monte Carlo standard error, the same for the
    worst metric's covered weeks (the study's recall), and P(the largest of the five metrics' spreads of z over the
    weeks ≥ the study's largest)."""
    per_simulation = coverage.groupby("simulation")["is_covered"].sum()
    worst = coverage.groupby(["simulation", "metric"])["is_covered"].sum().groupby("simulation").min()
    largest_sd = coverage.groupby(["simulation", "metric"])["z"].std(ddof=1).groupby("simulation").max()
    k = len(per_simulation)
    p_total = float((per_simulation <= observed_covered).mean())
    p_worst = float((worst <= observed_worst_metric).mean())
    return {
        "simulations": k,
        "pairs": int(coverage.groupby("simulation").size().iloc[0]),
        "mean_covered": float(per_simulation.mean()),
        "sd_covered": float(per_simulation.std(ddof=1)),
        "quantiles_covered": {str(q): float(per_simulation.quantile(q)) for q in (0.01, 0.05, 0.1, 0.5)},
        "observed_covered": observed_covered,
        "p_covered_at_most_observed": p_total,
        "p_covered_monte_carlo_se": float(np.sqrt(p_total * (1 - p_total) / k)),
        "observed_worst_metric": observed_worst_metric,
        "p_worst_metric_at_most_observed": p_worst,
        "observed_largest_sd_z": observed_largest_sd_z,
        "p_largest_sd_z_at_least_observed": float((largest_sd >= observed_largest_sd_z).mean()),
        "coverage_by_metric": coverage.groupby("metric")["is_covered"].mean().to_dict(),
        "sd_z_by_metric": coverage.groupby("metric")["z"].std(ddof=1).to_dict(),
    }


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
        "corridor_score_bins": SCORE_BINS,
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
    result["weekly_covered_pairs_before_shift"] = int(weeks.is_covered.sum())
    result["weekly_worst_metric_covered_before_shift"] = int(weeks.groupby("metric").is_covered.sum().min())
    result["weekly_largest_sd_z_before_shift"] = float(weeks.groupby("metric").standardized_error.std(ddof=1).max())
    result["calibration_holds"] = bool(calibration.is_calibration_holding.all())
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nannyml-python", required=True, help="python of a virtualenv with nannyml installed")
    parser.add_argument("--out", default=str(REPO_ROOT / "build" / "label_free_study"))
    parser.add_argument(
        "--null-simulations", type=int, default=2000, help="simulations of the weekly design (stationary stream)"
    )
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
    cells = reference_week_cells(pd.read_parquet(out / "car_loan_events.parquet"))
    summary["cross_fitted_reference_weeks"] = dispersion_summary(cross_fitted_dispersion(cells, score_bins=SCORE_BINS))
    events = pd.read_parquet(out / "car_loan_events.parquet")
    summary["weekly_coverage_null"] = coverage_null_summary(
        stationary_weekly_coverage(events, n_simulations=args.null_simulations),
        summary["weekly_covered_pairs_before_shift"],
        summary["weekly_worst_metric_covered_before_shift"],
        summary["weekly_largest_sd_z_before_shift"],
    )
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
    print("cross-fitted reference weeks (calibration fitted without the week): sd of z (± its standard error), covered")
    for metric, r in summary["cross_fitted_reference_weeks"].items():
        print(
            f"{metric:>13} sd {r['sd_z']:.3f} ± {r['sd_z_standard_error']:.3f}  mean {r['mean_z']:+.3f}  "
            f"covered {r['covered']}/{r['periods']}  sd on the labels' error alone {r['sd_z_labels']:.3f}"
        )
    null = summary["weekly_coverage_null"]
    print(
        f"weekly design simulated where the intervals hold ({null['simulations']} simulations): covered pairs "
        f"{null['mean_covered']:.1f} ± {null['sd_covered']:.1f} of {null['pairs']}; P(<= {null['observed_covered']}) "
        f"{null['p_covered_at_most_observed']:.3f}; P(worst metric <= {null['observed_worst_metric']}) "
        f"{null['p_worst_metric_at_most_observed']:.3f}; P(largest sd of z >= {null['observed_largest_sd_z']:.2f}) "
        f"{null['p_largest_sd_z_at_least_observed']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
