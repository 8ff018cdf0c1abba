"""The label-free estimate end to end on the demo (docs/label-free.md): the demo project built with
var corridor_label_free_reference (its first week) into a throwaway DuckDB file. The estimate is a source of
corridor_metric_observations, is validated against the labels that arrived, stays close to them where the
model did not change, and the planted latam incident (scores inflated from 2026-10-12, calibration broken) is
flagged as a covariate shift with estimates that miss. Bad settings fail with the var's name."""

from __future__ import annotations

import re

import duckdb
import pytest
from conftest import Dbt, query
from corridor.dbt_runner import REPO_ROOT
from label_free_sql import build_sql_path, compare_paths

pytestmark = [pytest.mark.dbt, pytest.mark.slow]

REFERENCE = {"start": "2026-10-01", "end": "2026-10-12"}  # before the latam incident; v2 (from 10-08): 4 days
SELECT = [
    "--select",
    "+corridor_metric_observations",
    "+corridor_estimator_validation",
    "+corridor_label_free_calibration",
]


# the demo's rules plus one judged on the label-free estimate (observation_source), and one the registry rejects
LABEL_FREE_RULE = (
    "select '{rule_id}' as rule_id, '{hypothesis}' as hypothesis, '{metric}' as metric, "
    "'{dimension}' as segment_dimension, '{value}' as segment_value, 'day' as window_grain, "
    "'absolute' as comparison_kind, '{direction}' as direction, '0.05' as warn_tolerance, '0.1' as fail_tolerance, "
    "'50' as min_sample_size, '1' as consecutive_windows, 'fraud-ml-team' as owner, 'medium' as severity, "
    "'1' as rule_version, '2026-09-01 00:00:00' as valid_from, 'label_free_estimate' as observation_source"
)
LABEL_FREE_RULES = " union all by name ".join(
    [
        "select * from read_csv('{demo}', all_varchar = true)",
        LABEL_FREE_RULE.format(
            rule_id="LF01",
            hypothesis="Regional daily AUC estimated before labels arrive stays within 0.05 of the backtest",
            metric="auc",
            dimension="region",
            value="*",
            direction="higher_is_better",
        ),
        LABEL_FREE_RULE.format(
            rule_id="LF02",
            hypothesis="no label-free estimate of log loss",
            metric="log_loss",
            dimension="all",
            value="all",
            direction="lower_is_better",
        ),
    ]
)


def _build(tmp_path_factory, **extra_vars):
    work = tmp_path_factory.mktemp("label_free")
    path = work / "corridor.duckdb"
    con = duckdb.connect(str(path))
    demo_rules = REPO_ROOT / "seeds" / "demo" / "corridor_demo_rules.csv"
    con.execute("create table label_free_rules as " + LABEL_FREE_RULES.format(demo=demo_rules))
    con.close()
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
    base_vars = {"corridor_label_free_reference": REFERENCE, "corridor_rules": {"relation": "main.label_free_rules"}}
    build_vars = {**base_vars, **extra_vars}
    build = [
        "build",
        *SELECT,
        "+corridor_validation_results",
        "+corridor_rule_issues",
        "--exclude",
        "test_type:singular",
        "test_name:rules_hold",  # the demo's planted incidents break its rules: that build failure is by design
    ]
    if extra_vars:
        # a case of conftest.Dbt.batch on the parse of the base vars (the fixture's, shared): no full parse for the
        # extra vars, which are read where models render (corridor_as_of: no node config reads it)
        (result,) = dbt.batch([{"args": build, "vars": build_vars}], base_vars=base_vars)
        assert result.ok, result.output[-6000:]
    else:
        dbt(*build, vars=build_vars)
    return {"path": path, "dbt": dbt, "vars": build_vars}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return _build(tmp_path_factory)


def test_label_free_rows_are_a_source_of_the_metric_observations(built):
    rows = query(
        built["path"],
        "select metric, window_grain, count(*) as n, "
        "count(*) filter (where not (interval_lower <= metric_value and metric_value <= interval_upper)) as outside, "
        "count(*) filter (where window_end is null) as no_end "
        "from corridor_metric_observations where source = 'label_free_estimate' group by 1, 2",
    )
    assert set(rows.metric) == {"accuracy", "precision", "recall", "f1", "auc"}
    assert set(rows.window_grain) == {"day", "week"}
    assert rows.outside.sum() == 0 and rows.no_end.sum() == 0
    # one per model version x window x segment: as many daily accuracy rows as production ones with events
    production = query(
        built["path"],
        "select count(*) as n from corridor_metric_observations where source = 'production' "
        "and metric = 'request_count' and window_grain = 'day' and metric_value > 0",
    ).n[0]
    assert rows[(rows.metric == "accuracy") & (rows.window_grain == "day")].n.iloc[0] == production


def test_estimate_tracks_realized_performance_where_the_model_did_not_change(built):
    """Regions the latam incident does not touch, model v2, the days after the reference (10-12 to 10-20, labels
    mature): the label-free accuracy is within 0.015 of the realized one on average, and never shifted."""
    rows = query(
        built["path"],
        "select * from corridor_estimator_validation where segment_dimension = 'region' "
        "and segment_value in ('eu', 'na') and window_grain = 'day' and model_version = 'v2' "
        "and metric = 'accuracy' and window_start >= '2026-10-12' and window_start < '2026-10-21'",
    )
    rows = rows[rows.validation_status == "validated"]  # a few late days wait for their labels
    assert len(rows) >= 12
    assert rows.absolute_error.mean() < 0.015, rows[["window_start", "estimated_value", "realized_value"]]
    assert rows.is_covered.mean() >= 0.7
    assert not rows.is_shifted.any()


def test_clean_segments_are_covered_at_about_the_nominal_rate(built):
    rows = query(
        built["path"],
        "select * from corridor_estimator_validation where segment_dimension = 'region' and segment_value <> 'latam' "
        "and window_grain = 'day' and validation_status = 'validated'",
    )
    assert len(rows) > 200
    assert rows.is_covered.mean() >= 0.85, rows.is_covered.mean()
    assert rows.is_shifted.mean() <= 0.1, rows.is_shifted.mean()
    assert rows.groupby("metric").absolute_error.mean()["accuracy"] < 0.02


def test_the_sql_path_gives_the_python_estimates_on_the_demo(built, tmp_path):
    """The SQL path (var corridor_label_free_method sql: every engine) built on a copy of the demo build: its point
    estimates, PSI, shift p-values and flags and calibration check equal the Python kernel's (label_free_sql); its
    analytic intervals are within 20 % of the simulated ones' widths (median per metric) and cover the realized
    values of the clean segments at least as the simulated ones must (test above); the latam incident is flagged."""
    copy = build_sql_path(
        built["path"],
        built["vars"],
        tmp_path / "sql",
        marts=("corridor_estimator_validation", "corridor_label_free_calibration"),
    )
    ratios = compare_paths(copy)
    assert all(0.8 <= ratio <= 1.2 for ratio in ratios.values()), ratios
    rows = query(
        copy,
        "select * from corridor_estimator_validation where segment_dimension = 'region' "
        "and validation_status = 'validated' and window_grain = 'day'",
    )
    clean = rows[rows.segment_value != "latam"]
    assert len(clean) > 200 and clean.is_covered.mean() >= 0.85, clean.is_covered.mean()
    assert rows[(rows.segment_value == "latam") & (rows.window_start >= "2026-10-12")].is_shifted.all()


def test_planted_latam_incident_is_flagged_as_a_shift_and_the_estimate_misses(built):
    """From 2026-10-12 latam's scores are inflated and barely informative: every latam window is flagged
    is_shifted (none before), and the estimate, which believes the scores, overstates AUC and precision by
    more than twice its standard error on average and mostly misses with its interval."""
    rows = query(
        built["path"],
        "select * from corridor_estimator_validation where segment_dimension = 'region' and segment_value = 'latam' "
        "and window_grain = 'day' and validation_status = 'validated'",
    )
    during = rows[rows.window_start >= "2026-10-12"]
    before = rows[rows.window_start < "2026-10-12"]
    assert len(during) >= 30 and len(before) >= 30
    assert during.is_shifted.all() and not during.is_reliable.any()
    assert not before.is_shifted.any()
    for metric in ("auc", "precision"):
        d = during[during.metric == metric]
        assert d.estimation_error.mean() > 0.1, (metric, d.estimation_error.mean())
        assert d.standardized_error.mean() > 2, (metric, d.standardized_error.mean())
        assert d.is_covered.mean() <= 0.5
        assert before[before.metric == metric].standardized_error.abs().mean() < 1.5


def test_the_latam_incident_flags_overall_traffic_through_its_segment(built):
    """Latam is a minority of the demo's traffic: overall traffic's own PSI stays under the threshold through the
    incident (the shift is diluted), so overall traffic is flagged through its segment: every overall window from
    2026-10-12 is is_shifted with the reason naming latam, none before it."""
    rows = query(
        built["path"],
        "select model_version, window_grain, window_start, score_psi, is_shifted, shift_reason "
        "from corridor_estimator_validation where segment_dimension = 'all' and metric = 'accuracy'",
    )
    during = rows[rows.window_start >= "2026-10-12"]
    before = rows[rows.window_start + rows.window_grain.map({"day": 1, "week": 7}).astype("timedelta64[D]")
                  <= "2026-10-12"]  # fmt: skip
    assert len(during) >= 10 and len(before) >= 10
    assert (rows.score_psi < 0.1).all()  # overall traffic's own test would flag none of them
    assert during.is_shifted.all()
    assert during.shift_reason.str.startswith("shift_in_segment: ").all()
    assert during.shift_reason.str.contains("region=latam").all()
    assert not before.is_shifted.any() and before.shift_reason.isna().all()


def test_calibration_check_is_published_per_decile(built):
    rows = query(built["path"], "select * from corridor_label_free_calibration")
    assert set(rows.model_version) == {"v1", "v2"}
    assert rows.heldout_events.sum() > 5000
    assert rows.reliability_bin.between(0, 9).all()
    assert ((rows.p_value > 0.005) == rows.is_calibration_holding).all()


# Each bad reference, with a word of its message. All are compiled in one dbt process on the build's parse
# (conftest.Dbt.batch, the `refused_references` fixture): int_corridor__label_free_reference, selected, reads the var
# when it renders; its `enabled` config (the var is set) is the same for every bad value as for the build's. The first
# is also refused by a real dbt process (a full parse with the bad vars), which must give the batch's message.
BAD_REFERENCES = [
    ({"start": "2026-10-08", "end": "2026-10-01"}, "not before end"),
    ({"start": "yesterday", "end": "2026-10-01"}, "corridor_label_free_reference.start"),
    ("2026-10-01", "must be null, a mapping"),
]
REFUSED_AT = ["compile", "--select", "int_corridor__label_free_reference"]


@pytest.fixture(scope="module")
def refused_references(built):
    cases = [{"args": REFUSED_AT, "vars": {"corridor_label_free_reference": value}} for value, _ in BAD_REFERENCES]
    return built["dbt"].batch(cases, base_vars=built["vars"])


@pytest.mark.parametrize("case", range(len(BAD_REFERENCES)), ids=[m for _, m in BAD_REFERENCES])
def test_bad_reference_fails_with_the_vars_name(refused_references, case):
    message = BAD_REFERENCES[case][1]
    result = refused_references[case]
    assert not result.ok
    assert "corridor_label_free_reference" in result.output and message in result.output, result.output[-2000:]


def test_a_real_dbt_compile_refuses_a_bad_reference_as_the_batch_does(built, refused_references):
    """The first bad reference as a separate dbt process (the test's original invocation): the same message as its
    batch case (conftest.Dbt.batch)."""
    value, message = BAD_REFERENCES[0]
    result = built["dbt"](*REFUSED_AT, vars={"corridor_label_free_reference": value}, expect_ok=False)
    assert not result.ok
    assert "corridor_label_free_reference" in result.output and message in result.output, result.output[-2000:]

    def messages(output: str) -> set[str]:
        return {line for line in re.findall(r"corridor: [^\n]*", output) if message in line}

    assert messages(result.output) == messages(refused_references[0].output) != set()


def test_observations_carry_the_shift_reason_of_shifted_windows_only(built):
    """corridor_metric_observations carries shift_reason on label_free_estimate rows, the same as
    corridor_estimator_validation's row for row: latam's day windows from 2026-10-12 `score_shift`, overall
    traffic's `shift_in_segment: ...region=latam...`; every window before the incident, and every row of another
    source, null; non-null exactly where the method says shifted."""
    rows = query(
        built["path"],
        "select source, model_version, metric, segment_dimension, segment_value, window_grain, window_start, "
        "method, shift_reason from corridor_metric_observations",
    )
    assert rows[rows.source != "label_free_estimate"].shift_reason.isna().all()
    estimates = rows[rows.source == "label_free_estimate"]
    assert len(estimates) > 500
    assert (estimates.shift_reason.notna() == (estimates.method == "confidence_based_isotonic_shifted")).all()
    validation = query(
        built["path"],
        "select model_version, metric, segment_dimension, segment_value, window_grain, window_start, "
        "shift_reason as validation_reason from corridor_estimator_validation",
    )
    keys = ["model_version", "metric", "segment_dimension", "segment_value", "window_grain", "window_start"]
    both = estimates.merge(validation, on=keys, validate="one_to_one")
    assert len(both) == len(estimates)
    assert (both.shift_reason.fillna("-") == both.validation_reason.fillna("-")).all()
    day = estimates[estimates.window_grain == "day"]
    latam = day[day.segment_value == "latam"]
    during, before = latam[latam.window_start >= "2026-10-12"], latam[latam.window_start < "2026-10-12"]
    assert len(during) >= 10 * 5 and (during.shift_reason == "score_shift").all()
    assert len(before) > 0 and before.shift_reason.isna().all()
    overall = day[day.segment_dimension == "all"]
    assert overall[overall.window_start >= "2026-10-12"].shift_reason.str.contains("region=latam").all()
    assert overall[overall.window_start < "2026-10-12"].shift_reason.isna().all()


def test_rules_judge_the_label_free_estimate_and_distrust_shifted_windows(built):
    """LF01 judges the label-free AUC per region: in force, judged in windows whose labels are immature too,
    and `inconclusive` (not a misleading pass) in every latam window of the incident, where the scores
    shifted; LF02 (log loss has no label-free estimate) is a rule issue."""
    results = query(
        built["path"],
        "select segment_value, window_start, status, production_value, reason "
        "from corridor_validation_results where rule_id = 'LF01'",
    )
    assert len(results) > 50
    observations = query(
        built["path"],
        "select model_version, segment_value, window_start, metric_value from corridor_metric_observations "
        "where source = 'label_free_estimate' and metric = 'auc' and window_grain = 'day' "
        "and segment_dimension = 'region'",
    )
    judged = results.merge(observations, on=["segment_value", "window_start"])
    judged = judged[judged.status.isin(["pass", "warn", "fail"])]
    assert len(judged) > 30
    assert (judged.production_value - judged.metric_value).abs().min() < 1e-9  # the estimate is what is judged
    latam = results[(results.segment_value == "latam") & (results.window_start >= "2026-10-12")]
    latam = latam[latam.status != "blocked"]  # 10-19: the late and duplicated day fails its gates
    assert len(latam) >= 10 and (latam.status == "inconclusive").all()
    assert latam.reason.str.contains("label-free reference").all()
    assert latam.reason.str.contains("(score_shift, as in corridor_estimator_validation)", regex=False).all()
    issues = query(built["path"], "select rule_id, problem_codes from int_corridor__rules_checked where not is_valid")
    assert "metric_without_label_free_estimate" in issues.set_index("rule_id").problem_codes["LF02"]


def test_label_free_rule_speaks_where_labels_have_not_arrived(tmp_path_factory):
    """Built as of 2026-10-20 00:00: no label of 10-20 or 10-21 has arrived, so the production accuracy rule
    (R001) is `missing` there, while the label-free rule (LF01) judges those windows in every region but
    latam (shifted: inconclusive)."""
    as_of = _build(tmp_path_factory, corridor_as_of="2026-10-20 00:00:00")
    rows = query(
        as_of["path"],
        "select rule_id, segment_value, status from corridor_validation_results "
        "where rule_id in ('LF01', 'R001') and window_start >= '2026-10-20' and model_version = 'v2'",
    )
    production = rows[rows.rule_id == "R001"]
    label_free = rows[rows.rule_id == "LF01"]
    assert len(production) == 10 and (production.status == "missing").all()
    assert len(label_free) == 10
    assert label_free[label_free.segment_value != "latam"].status.isin(["pass", "warn", "fail"]).all()
    assert (label_free[label_free.segment_value == "latam"].status == "inconclusive").all()
