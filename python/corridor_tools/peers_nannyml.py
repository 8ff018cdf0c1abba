"""NannyML's realized performance on corridor's bench data (run by ``corridor_tools.bench_peers``).

Runs in NannyML's own virtualenv (it imports nothing from corridor):

``python peers_nannyml.py DATA_DIR OUT_DIR``

Reads the same Parquet files corridor loads (``DATA_DIR/events/*.parquet``,
``DATA_DIR/outcomes/*.parquet``), prepares them as a user of NannyML would
(first loaded copy of each event, latest label per event, evaluable rows: a
label, no error, a score), and per model version fits NannyML's
PerformanceCalculator on the version's first 7 days and calculates daily
accuracy, precision, recall and ROC AUC over all its days. Everything from
reading the files to the last result is timed. Prints one ``RESULT {json}``
line and writes the daily values to ``OUT_DIR/nannyml_daily.parquet``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("NML_DISABLE_USAGE_LOGGING", "1")

METRICS = ["accuracy", "precision", "recall", "roc_auc"]
REFERENCE_DAYS = 7


def main(data_dir: str, out_dir: str) -> None:
    import nannyml as nml
    import pandas as pd

    t0 = time.perf_counter()
    events = pd.read_parquet(Path(data_dir) / "events")
    outcomes = pd.read_parquet(Path(data_dir) / "outcomes")
    read_s = time.perf_counter() - t0

    events = events.dropna(subset=["event_id", "event_at"])
    events = events.sort_values(["event_id", "loaded_at", "event_at"], na_position="last")
    events = events.drop_duplicates("event_id", keep="first")
    outcomes = outcomes.dropna(subset=["event_id", "label"])
    outcomes = outcomes.sort_values(["event_id", "label_arrived_at"], ascending=[True, False], na_position="last")
    outcomes = outcomes.drop_duplicates("event_id", keep="first")
    rows = events.merge(outcomes[["event_id", "label"]], on="event_id", how="inner")
    rows = rows[~rows["is_error"].fillna(False).astype(bool) & rows["predicted_score"].notna()]
    frame = pd.DataFrame(
        {
            "model_version": rows["model_version"].to_numpy(),
            "timestamp": pd.to_datetime(rows["event_at"]).dt.tz_localize(None),
            "y_pred_proba": rows["predicted_score"].to_numpy(float),
            "y_pred": rows["predicted_class"]
            .fillna((rows["predicted_score"] >= 0.5).astype(int))
            .astype(int)
            .to_numpy(),
            "y_true": rows["label"].astype(int).to_numpy(),
        }
    )
    prepare_s = time.perf_counter() - t0 - read_s

    daily = []
    for version, part in frame.groupby("model_version", sort=True):
        part = part.sort_values("timestamp")
        first_day = part["timestamp"].min().normalize()
        reference = part[part["timestamp"] < first_day + pd.Timedelta(days=REFERENCE_DAYS)]
        calc = nml.PerformanceCalculator(
            y_pred_proba="y_pred_proba",
            y_pred="y_pred",
            y_true="y_true",
            timestamp_column_name="timestamp",
            metrics=METRICS,
            chunk_period="D",
            problem_type="classification_binary",
        )
        calc.fit(reference)
        result = calc.calculate(part).filter(period="analysis").to_df()
        out = pd.DataFrame({"model_version": version, "day": result[("chunk", "start_date")].to_numpy()})
        for metric in METRICS:
            out[metric] = result[(metric, "value")].to_numpy(float)
        daily.append(out)
    total_s = time.perf_counter() - t0
    daily_frame = pd.concat(daily, ignore_index=True)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    daily_frame.to_parquet(Path(out_dir) / "nannyml_daily.parquet")
    info = {
        "seconds": total_s,
        "read_seconds": read_s,
        "prepare_seconds": prepare_s,
        "fit_calculate_seconds": total_s - read_s - prepare_s,
        "event_rows": int(len(events)),
        "evaluated_rows": int(len(frame)),
        "chunks": int(len(daily_frame)),
        "nannyml": nml.__version__,
        "pandas": pd.__version__,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    print("RESULT " + json.dumps(info), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
