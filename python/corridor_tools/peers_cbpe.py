"""NannyML's CBPE on its synthetic car-loan data (run by ``corridor_tools.label_free_study``).

Runs in NannyML's own virtualenv (it imports nothing from corridor):

``python peers_cbpe.py OUT_DIR``

Writes to OUT_DIR:

* ``car_loan_events.parquet``: the bundled reference (50k rows) and analysis
  (50k rows) predictions with their labels (the analysis targets are shipped
  separately), one row per prediction: id, timestamp, y_pred_proba, y_pred,
  label, is_reference;
* ``cbpe_monthly.parquet``: per analysis monthly chunk (``chunk_period='M'``)
  and metric, CBPE's estimate, its sampling error and confidence band, and
  the realized value (NannyML's PerformanceCalculator on the same chunks).

Prints one ``RESULT {json}`` line with the nannyml version and CBPE's mean
absolute error per metric.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("NML_DISABLE_USAGE_LOGGING", "1")

METRICS = ["accuracy", "roc_auc", "precision", "recall", "f1"]


def main(out_dir: str) -> None:
    import nannyml as nml
    import pandas as pd

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    reference, analysis, targets = nml.load_synthetic_car_loan_dataset()
    analysis = analysis.merge(targets, on="id")
    events = pd.concat([reference.assign(is_reference=True), analysis.assign(is_reference=False)], ignore_index=True)
    events["timestamp"] = pd.to_datetime(events["timestamp"])
    events = events.rename(columns={"repaid": "label"})
    events[["id", "timestamp", "y_pred_proba", "y_pred", "label", "is_reference"]].to_parquet(
        out / "car_loan_events.parquet"
    )

    common = dict(
        y_pred_proba="y_pred_proba",
        y_pred="y_pred",
        y_true="repaid",
        timestamp_column_name="timestamp",
        metrics=METRICS,
        chunk_period="M",
        problem_type="classification_binary",
    )
    cbpe = nml.CBPE(**common)
    cbpe.fit(reference)
    estimated = cbpe.estimate(analysis).filter(period="analysis").to_df()
    calc = nml.PerformanceCalculator(**common)
    calc.fit(reference)
    realized = calc.calculate(analysis).filter(period="analysis").to_df()

    rows = []
    for metric in METRICS:
        for i in range(len(estimated)):
            rows.append(
                {
                    "metric": "auc" if metric == "roc_auc" else metric,
                    "chunk_start": estimated[("chunk", "start_date")].iloc[i],
                    "chunk_size": int(
                        estimated[("chunk", "end_index")].iloc[i] - estimated[("chunk", "start_index")].iloc[i] + 1
                    ),
                    "cbpe_value": float(estimated[(metric, "value")].iloc[i]),
                    "cbpe_sampling_error": float(estimated[(metric, "sampling_error")].iloc[i]),
                    "cbpe_lower": float(estimated[(metric, "lower_confidence_boundary")].iloc[i]),
                    "cbpe_upper": float(estimated[(metric, "upper_confidence_boundary")].iloc[i]),
                    "realized_value": float(realized[(metric, "value")].iloc[i]),
                }
            )
    monthly = pd.DataFrame(rows)
    monthly.to_parquet(out / "cbpe_monthly.parquet")
    mae = (monthly.cbpe_value - monthly.realized_value).abs().groupby(monthly.metric).mean().to_dict()
    print("RESULT " + json.dumps({"nannyml": nml.__version__, "chunks": int(len(estimated)), "cbpe_mae": mae}))


if __name__ == "__main__":
    main(sys.argv[1])
