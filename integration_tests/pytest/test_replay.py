"""The replay of history (docs/replay.md) on the demo build: corridor_replay_alerts judged as of the build's own
now is corridor_alerts exactly; the planted incidents are raised at the first replay point after the window
that opens them ended; a label-dependent window is judged on the labels arrived as of each point, equal to
a live build with corridor_as_of set to that point (AUC and calibration error from the as-of score histograms).
corridor_rule_calibration: the current candidate reproduces the live alerts, hand-computed times to detect,
stricter candidates confirm fewer breaches, and bad replay settings fail with the var's name. Ground truth from
post-mortems and acknowledgements (planted on a copy of the demo build): deduplicated against the known
incidents, merged when overlapping, false alarms counted, bad rows quarantined and accounted for, exact
hand-computed detection times."""

from __future__ import annotations

import json
import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import Dbt, load_frames, query, replay_cells_from
from corridor.dbt_runner import REPO_ROOT

pytestmark = pytest.mark.dbt

SEEDS = REPO_ROOT / "seeds" / "demo"
EPISODE_COLUMNS = [
    "alert_id", "rule_id", "model_id", "model_version", "segment_dimension", "segment_value", "window_grain",
    "rule_version", "metric", "alert_status", "breach_level", "first_seen_window_start", "opened_window_start",
    "last_seen_window_start", "last_seen_window_end", "closed_window_start", "windows_breached", "windows_failed",
    "consecutive_windows", "worst_bad_deviation", "smallest_q_value", "last_production_value", "last_reason",
    "evidence_result_ids",
]  # fmt: skip


@pytest.fixture(scope="module")
def demo(demo_build):
    return demo_build["path"]


def _first_seen(path, **keys) -> pd.Series:
    """The as_of points (before the build's now) at which the replay shows the live alert matching keys."""
    where = " and ".join(f"a.{k} = '{v}'" for k, v in keys.items())
    return query(
        path,
        f"""select r.as_of from corridor_alerts as a
            inner join corridor_replay_alerts as r on a.alert_id = r.alert_id and not r.is_build_now
            where {where} order by r.as_of""",
    )["as_of"]


def test_replay_at_build_now_equals_live_alerts(demo):
    cols = ", ".join(EPISODE_COLUMNS)
    live = query(demo, f"select {cols} from corridor_alerts where alert_kind = 'validation' order by alert_id")
    replay = query(demo, f"select {cols} from corridor_replay_alerts where is_build_now order by alert_id")
    assert len(live) == 12  # the demo's validation alerts (stale-estimate alerts are not replayed)
    pd.testing.assert_frame_equal(live.reset_index(drop=True), replay.reset_index(drop=True))


def test_replay_points_cover_the_horizon(demo):
    points = query(demo, "select as_of, is_build_now from int_corridor__replay_points order by as_of")
    grid = points[~points["is_build_now"]]["as_of"]
    # every 24 h back from the midnight after the last window (2026-10-22), no earlier than the first window end
    expected = pd.date_range("2026-10-02", "2026-10-22", freq="24h")
    assert list(grid) == list(expected)
    assert points["is_build_now"].sum() == 1 and points.iloc[-1]["is_build_now"]


def test_replay_cells_start_at_the_week_holding_the_first_hour_still_missing_labels(demo):
    # every window still missing labels at a point holds an hour at or after the first such hour, so it starts at or
    # after the start of the week (the demo's coarsest grain, from Monday) holding that hour; no earlier cell is read
    cells = replay_cells_from(demo)
    assert len(cells) > 10 and cells[["first_open", "cells_from"]].notna().all().all()
    day = cells["first_open"].dt.normalize()
    monday = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    assert (cells["cells_from"] == monday).all(), cells[cells["cells_from"] != monday]
    assert (cells["cells_from"] > cells["first_open"] - pd.Timedelta(days=7)).all()


def test_planted_incidents_raised_when_their_window_ended(demo):
    # inc_01: error burst 2026-10-06 14:15-15:00, R010 hour windows: the 14:00 window ends 15:00, the next
    # replay point is 10-07 00:00; nothing before it
    first = _first_seen(demo, rule_id="R010", model_version="v1", opened_window_start="2026-10-06 14:00:00")
    assert first.iloc[0] == pd.Timestamp("2026-10-07")
    # inc_04: android p95 from 2026-10-16, R007 day windows: the 10-16 window ends 10-17 00:00
    first = _first_seen(demo, rule_id="R007", segment_value="android")
    assert first.iloc[0] == pd.Timestamp("2026-10-17")
    # inc_03's feature drift (R014, latam txn_amount in cents from 10-12): raised as the 10-12 window ends
    first = _first_seen(demo, rule_id="R014", model_version="v2")
    assert first.iloc[0] == pd.Timestamp("2026-10-13")
    # no alert is ever seen before the end of the window that opened it
    early = query(
        demo,
        """select r.alert_id from corridor_replay_alerts as r
           inner join int_corridor__replay_results as w
               on w.as_of = r.as_of and w.rule_id = r.rule_id and w.model_version = r.model_version
               and w.segment_dimension = r.segment_dimension and w.segment_value = r.segment_value
               and w.window_grain = r.window_grain and w.window_start = r.opened_window_start
           where not r.is_build_now and w.window_end > r.as_of""",
    )
    assert early.empty


def _labels_complete_at(model_version: str, start: str, end: str) -> pd.Timestamp:
    """Independently of the models: the latest label arrival of the version's events in [start, end)."""
    events = pd.read_csv(
        SEEDS / "corridor_demo_production_events.csv", usecols=["event_id", "model_version", "event_at"]
    )
    outcomes = pd.read_csv(SEEDS / "corridor_demo_outcomes.csv", usecols=["event_id", "label_arrived_at"])
    events["event_at"] = pd.to_datetime(events["event_at"], utc=True).dt.tz_localize(None)
    window = events[
        (events["model_version"] == model_version)
        & (events["event_at"] >= pd.Timestamp(start))
        & (events["event_at"] < pd.Timestamp(end))
    ]
    arrived = pd.to_datetime(outcomes.merge(window, on="event_id")["label_arrived_at"], utc=True)
    return arrived.max().tz_localize(None)


def test_label_dependent_alert_judged_on_the_labels_arrived_then(demo):
    # R013 (log loss, latam, 2 consecutive days) opens on the 10-15 window of v2, as of 10-16 in the live build,
    # while the labels of 10-14 and 10-15 were still arriving (complete only later): the replay judges those
    # windows as of 10-16 on the labels arrived by then, and raises the alert there, as the live build would have
    complete = max(
        _labels_complete_at("v2", "2026-10-14", "2026-10-15"), _labels_complete_at("v2", "2026-10-15", "2026-10-16")
    )
    assert complete > pd.Timestamp("2026-10-17")  # the labels were late
    first = _first_seen(demo, rule_id="R013", model_version="v2", segment_value="latam")
    assert not first.empty and first.iloc[0] == pd.Timestamp("2026-10-16")
    # the 10-15 window as of 10-16 has fewer labelled events than as of the build's now, and its own value
    window = query(
        demo,
        """select as_of, production_value, sample_size, labels_complete_at from int_corridor__replay_results
           where rule_id = 'R013' and model_version = 'v2' and segment_value = 'latam'
               and window_start = '2026-10-15' and as_of in ('2026-10-16', '2026-10-17') or (
               rule_id = 'R013' and model_version = 'v2' and segment_value = 'latam'
               and window_start = '2026-10-15' and is_build_now) order by as_of""",
    )
    assert len(window) == 3
    assert (window["sample_size"].diff().dropna() > 0).all()
    assert (window["labels_complete_at"].iloc[:2] > window["as_of"].iloc[:2]).all()
    assert window["production_value"].nunique() == 3
    # AUC (R003, daily) is recomputed from the score histograms of the labels arrived then, too
    auc = query(
        demo,
        """select count(*) as n from int_corridor__replay_results
           where not is_build_now and metric = 'auc' and labels_complete_at > as_of and status <> 'missing'""",
    )
    assert auc["n"].iloc[0] > 0
    # no replay point raises an alert on a window that had not ended
    unended = query(
        demo,
        """select r.as_of, r.rule_id from corridor_replay_alerts as r
           inner join int_corridor__replay_results as w
               on w.as_of = r.as_of and w.rule_id = r.rule_id and w.model_version = r.model_version
               and w.segment_dimension = r.segment_dimension and w.segment_value = r.segment_value
               and w.window_grain = r.window_grain
               and w.window_start between r.first_seen_window_start and r.last_seen_window_start
           where not r.is_build_now and w.window_end > r.as_of""",
    )
    assert unended.empty


def _live_build_as_of(tmp_path, name: str, select: str, variables: dict):
    path = tmp_path / name / "corridor.duckdb"
    path.parent.mkdir()
    dbt = Dbt(REPO_ROOT, path.parent, {"CORRIDOR_DUCKDB_PATH": str(path)})
    dbt("build", "--select", select, "--exclude", "test_type:singular", "test_name:rules_hold", vars=variables)
    return path


def _replay_against_live(replay, live, as_of) -> pd.DataFrame:
    """The label-dependent checks the replay recomputed as of as_of (labels still arriving), beside the live
    build's (built with corridor_as_of = as_of) of the same rule, version, segment and window."""
    keys = "rule_id, rule_version, model_id, model_version, segment_dimension, segment_value, window_grain, "
    keys += "window_start"
    con = duckdb.connect(str(replay), read_only=True)
    con.execute(f"attach '{live}' as live (read_only)")
    rows = con.execute(
        f"""select r.status, l.status as live_status, r.production_value, l.production_value as live_value,
                   r.sample_size, l.sample_size as live_sample_size, r.p_value, l.p_value as live_p_value
            from int_corridor__replay_results as r
            inner join live.corridor_validation_results as l using ({keys})
            where r.as_of = timestamp '{as_of}' and r.labels_complete_at > r.as_of"""
    ).df()
    con.close()
    assert (rows["status"] == rows["live_status"]).all()
    assert (rows["sample_size"] == rows["live_sample_size"]).all()
    for column in ["production_value", "p_value"]:
        np.testing.assert_allclose(rows[column], rows["live_" + column.replace("production_", "")], rtol=1e-9)
    return rows


def test_replay_as_of_equals_a_live_build_as_of(demo, tmp_path):
    """Independently of the replay's models: the demo built again with var corridor_as_of (the live path, which
    drops the outcomes arrived after it in int_corridor__events_enriched and judges label maturity then) gives
    every label-dependent check the replay recomputed as of that point the same value, sample size, p-value and
    status (10-20: the late-events and duplicate gates block some of them, in both). The point 10-16 is compared
    by test_replay_judges_label_maturity_as_of_each_point (with a label-maturity gate that fails then)."""
    as_of = "2026-10-20 00:00:00"
    live = _live_build_as_of(tmp_path, "live", "+corridor_validation_results", {"corridor_as_of": as_of})
    rows = _replay_against_live(demo, live, as_of)
    # every check of a window ended by then whose labels were still arriving (19 of them on AUC)
    assert len(rows) == 399
    assert set(rows["status"]) >= {"pass", "fail", "inconclusive"}
    assert (rows["status"] == "blocked").sum() == 21


def test_replay_judges_label_maturity_as_of_each_point(tmp_path):
    """With label maturity judged at once (horizon 0 h) and failing under 80 % labelled, a day whose labels were
    still arriving (about 64 % labelled a day after it ended) fails its label-maturity gate as of 10-16: the
    replay blocks those checks then, as the live build as of 10-16 does."""
    horizon = {
        "corridor_label_maturity_horizon_hours": 0,
        "corridor_quality_gates": {"label_maturity": {"warn": 0.9, "fail": 0.8}},
    }
    replay = _live_build_as_of(tmp_path, "replay", "+int_corridor__replay_results", horizon)
    live = _live_build_as_of(
        tmp_path, "live", "+corridor_validation_results", {**horizon, "corridor_as_of": "2026-10-16 00:00:00"}
    )
    rows = _replay_against_live(replay, live, "2026-10-16 00:00:00")
    assert len(rows) == 399
    blocked = rows["status"] == "blocked"
    assert blocked.sum() > 0
    gates = query(
        replay,
        """select gate_status, failing_checks from int_corridor__replay_label_gates
           where as_of = '2026-10-16' and failing_checks like '%label_maturity%'""",
    )
    assert set(gates["gate_status"]) == {"warn", "fail"}  # 80 to 90 % labelled warns, under 80 % fails


def test_rule_calibration_current_setting_reproduces_live_alerts(demo):
    calibration = query(demo, "select rule_id, alerts from corridor_rule_calibration where is_current order by rule_id")
    live = query(
        demo, "select rule_id, count(*) as alerts from corridor_alerts where alert_kind = 'validation' group by rule_id"
    )
    expected = calibration[["rule_id"]].merge(live, on="rule_id", how="left").fillna({"alerts": 0})
    assert calibration["alerts"].tolist() == expected["alerts"].astype(int).tolist()
    # one recommendation per rule, exactly one current candidate per rule
    counts = query(
        demo,
        """select rule_id, sum(case when is_recommended then 1 else 0 end) as recommended,
                  sum(case when is_current then 1 else 0 end) as current_rows, count(*) as candidates
           from corridor_rule_calibration group by rule_id""",
    )
    assert (counts["recommended"] == 1).all() and (counts["current_rows"] == 1).all()
    assert (counts["candidates"] == 72).all()  # 3 FDR levels x 4 consecutive x 3 tolerance x 2 sample multipliers


def test_rule_calibration_time_to_detect_known_answer(demo):
    row = query(demo, "select * from corridor_rule_calibration where rule_id = 'R010' and is_current").iloc[0]
    # by hand: inc_01 starts 10-06 14:15, first replay point with the alert 10-07 00:00 (9.75 h); inc_02 starts
    # 10-10 19:30, first seen 10-11 00:00 (4.5 h); the third R010 alert (v2's 10-10 burst) matches inc_02 too
    assert row["incidents_detected"] == 2 and row["false_alerts"] == 0 and row["alerts"] == 3
    assert row["mean_hours_to_detect"] == pytest.approx((9.75 + 4.5) / 2)
    assert row["max_hours_to_detect"] == pytest.approx(9.75)
    # the seasonal hourly p95 rule (2 consecutive hours) misses both outages; one window catches them
    best = query(demo, "select * from corridor_rule_calibration where rule_id = 'R012' and is_recommended").iloc[0]
    current = query(demo, "select * from corridor_rule_calibration where rule_id = 'R012' and is_current").iloc[0]
    assert current["incidents_detected"] == 0
    assert best["consecutive_windows"] == 1 and best["incidents_detected"] == 2 and best["false_alerts"] == 0
    assert best["trade_off"].startswith("change to fdr=0.05 consecutive=1 tolerance=x1 min_sample=x1: 2 known")


def test_stricter_candidates_confirm_fewer_breaches(demo):
    confirmed = query(
        demo,
        """select candidate_id, sum(case when is_confirmed_breach then 1 else 0 end) as n
           from int_corridor__calibration_results where is_build_now group by candidate_id""",
    ).set_index("candidate_id")["n"]
    live = query(demo, "select count(*) as n from corridor_validation_results where is_confirmed_breach")["n"].iloc[0]
    assert confirmed["fdr=0.05 consecutive=rule tolerance=x1 min_sample=x1"] == live
    for fdr_looser, fdr_stricter in [("0.1", "0.05"), ("0.05", "0.01")]:
        for tolerance in ["1", "1.5", "2"]:
            for sample in ["1", "2"]:
                loose = confirmed[f"fdr={fdr_looser} consecutive=1 tolerance=x{tolerance} min_sample=x{sample}"]
                strict = confirmed[f"fdr={fdr_stricter} consecutive=1 tolerance=x{tolerance} min_sample=x{sample}"]
                assert strict <= loose
    # every candidate against the same filter applied in pandas to the live results (the q-values as of the
    # build's now are the live ones): the demo's incidents are large (every breach exceeds twice its warn
    # threshold), the minimum-sample multiplier and the FDR level are what bite
    results = query(demo, "select * from corridor_validation_results where is_breach")
    for fdr in ["0.01", "0.05", "0.1"]:
        for tolerance in ["1", "1.5", "2"]:
            for sample in ["1", "2"]:
                keep = (
                    (results["q_value"] <= float(fdr))
                    & (
                        (float(tolerance) == 1)
                        | (results["bad_deviation"] >= float(tolerance) * results["warn_threshold"])
                    )
                    & ((float(sample) == 1) | (results["sample_size"] >= float(sample) * results["min_sample_size"]))
                )
                assert (
                    confirmed[f"fdr={fdr} consecutive=rule tolerance=x{tolerance} min_sample=x{sample}"] == keep.sum()
                )
    assert confirmed["fdr=0.05 consecutive=rule tolerance=x1 min_sample=x2"] < live


# Each bad replay setting, with its message. All are compiled in one dbt process on one parse of the demo project
# (conftest.Dbt.batch, the `refused_replay_settings` fixture). A real dbt fails at its full parse; in the batch only
# the selected nodes render, so the selection holds the nodes that read the vars (int_corridor__replay_points the
# step and horizon, int_corridor__calibration_candidates the candidates: tables, not rendered with
# corridor_rule_calibration). The first is also refused by a real dbt process, which must give the batch's message.
BAD_REPLAY_SETTINGS = [
    ("corridor_replay_step_hours", 0, "var 'corridor_replay_step_hours' must be an integer of at least 1"),
    (
        "corridor_replay_horizon_days",
        "a month",
        "var 'corridor_replay_horizon_days' must be an integer of at least 1",
    ),
    (
        "corridor_calibration_candidates",
        {"fdr_level": [0.05, 1.5]},
        "var 'corridor_calibration_candidates.fdr_level' values must be numbers strictly between 0 and 1; got 1.5",
    ),
    (
        "corridor_calibration_candidates",
        {"consecutive": [1]},
        "var 'corridor_calibration_candidates' has an unknown key 'consecutive'",
    ),
]
REPLAY_SETTING_NODES = "corridor_rule_calibration int_corridor__replay_points int_corridor__calibration_candidates"


@pytest.fixture(scope="module")
def refused_replay_settings(tmp_path_factory):
    """Every bad replay setting compiled in one dbt process on one parse of the demo project (conftest.Dbt.batch)."""
    from conftest import Dbt

    work = tmp_path_factory.mktemp("replay_settings")
    dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(work / "corridor.duckdb")})
    args = ["compile", "--select", REPLAY_SETTING_NODES]
    return dbt.batch([{"args": args, "vars": {var: value}} for var, value, _ in BAD_REPLAY_SETTINGS])


def test_calibration_alerts_equal_each_candidate_judged_alone(demo, tmp_path):
    """int_corridor__calibration_alerts groups the passes once per replayed window and fans out only the breaches
    over the 72 candidates (corridor.alert_episodes' shared option). Against the plain form, every candidate's
    results run through the alert logic on their own (dbt compile --inline, run by DuckDB): the same alerts."""
    path = tmp_path / "corridor.duckdb"
    shutil.copy(demo, path)
    dbt = Dbt(REPO_ROOT, tmp_path, {"CORRIDOR_DUCKDB_PATH": str(path)})
    plain = (
        "{{ corridor.alert_episodes(ref('int_corridor__calibration_results'),"
        " partition_by=['candidate_id', 'as_of', 'is_build_now']) }}"
    )
    output = dbt("compile", "--inline", plain, "--output", "json").output
    compiled = json.loads(output[output.index("{") : output.rindex("}") + 1])["compiled"]
    alone = query(path, compiled)
    built = query(path, "select * from int_corridor__calibration_alerts").drop(columns=["results_fingerprint"])
    assert len(built) > 1000 and built["candidate_id"].nunique() == 72
    assert set(built["alert_status"]) == {"open", "closed"}
    keys = ["candidate_id", "as_of", "is_build_now", "alert_id"]
    pd.testing.assert_frame_equal(
        built.sort_values(keys).reset_index(drop=True), alone[built.columns].sort_values(keys).reset_index(drop=True)
    )


@pytest.mark.parametrize(
    "case", range(len(BAD_REPLAY_SETTINGS)), ids=[f"{v}={value}" for v, value, _ in BAD_REPLAY_SETTINGS]
)
def test_bad_replay_settings_fail_with_the_var_name(refused_replay_settings, case):
    message = BAD_REPLAY_SETTINGS[case][2]
    result = refused_replay_settings[case]
    assert not result.ok
    assert message in result.output, result.output[-2000:]


def test_a_real_dbt_compile_refuses_a_bad_replay_setting_as_the_batch_does(root_dbt, refused_replay_settings):
    """The first bad setting as a separate dbt process (a full parse with the bad vars, the test's original
    invocation): the same message as its batch case (conftest.Dbt.batch)."""
    dbt, _ = root_dbt
    var, value, message = BAD_REPLAY_SETTINGS[0]
    result = dbt("compile", "--select", "corridor_rule_calibration", vars={var: value}, expect_ok=False)
    assert not result.ok
    assert message in result.output, result.output[-2000:]
    assert message in refused_replay_settings[0].output


def test_report_shows_the_calibration(demo):
    from corridor.report import read_warehouse, render_html

    page, _ = render_html(read_warehouse(demo))
    section = page.split('<section id="calibration">', 1)[1].split("</section>", 1)[0]
    # R001, R012, R015; R005 and R013 (judged on the labels arrived as of each point, one window detects 48 h sooner)
    assert "Rule calibration (5 changes recommended)" in section
    r012 = section.split('data-rule-id="R012"', 1)[1].split("</tr>", 1)[0]
    assert "fdr=0.05 consecutive=1 tolerance=x1 min_sample=x1" in r012 and "2 (now 0)" in r012


# --- ground truth from post-mortems and acknowledgements (docs/replay.md, "Ground truth") --------------------------

# The demo's live alerts (ids are stable: corridor.alert_episodes), as test_replay_at_build_now_equals_live_alerts
# checks them: R010's three error-rate alerts and R008's, R015's v1 iOS drift alert.
R010_V1_1006 = ("R010", "v1", "2026-10-06 14:00:00")  # inc_01's burst, v1: 14:00-15:00
R010_V1_1010 = ("R010", "v1", "2026-10-10 19:00:00")  # inc_02's burst, v1
R010_V2_1010 = ("R010", "v2", "2026-10-10 19:00:00")  # inc_02's burst, v2: 19:00-20:00
R008_V1_1006 = ("R008", "v1", "2026-10-06 00:00:00")  # the day window of inc_01: 10-06 00:00 to 10-07 00:00
R015_V1_IOS = ("R015", "v1", "2026-10-08 00:00:00")  # inc_06's channel mix on iOS, 10-08 to 10-14
GROUND_TRUTH_NODES = [
    "stg_corridor__known_incidents", "stg_corridor__alert_acknowledgements", "stg_corridor__post_mortems",
    "int_corridor__governance_inputs", "int_corridor__optional_inputs_quarantine", "corridor_quarantine",
    "int_corridor__input_accounting", "int_corridor__ground_truth_alerts", "int_corridor__ground_truth",
    "int_corridor__calibration_matches", "int_corridor__calibration_truth_sources", "corridor_rule_calibration",
]  # fmt: skip


KNOWN = pd.read_csv(REPO_ROOT / "seeds" / "demo" / "corridor_demo_planted_incidents.csv", dtype=str)
BAD_INCIDENT = {"incident_id": "bad", "model_id": "checkout_fraud", "segment_dimension": None, "segment_value": None,
                "starts_at": "2026-10-06 14:15:00", "ends_at": "2026-10-06 15:00:00"}  # fmt: skip


def _alert_ids(path) -> dict[tuple[str, str, str], str]:
    alerts = query(
        path,
        "select alert_id, rule_id, model_version, cast(first_seen_window_start as varchar) as first_seen"
        " from corridor_alerts where alert_kind = 'validation'",
    )
    return {(r.rule_id, r.model_version, r.first_seen): r.alert_id for r in alerts.itertuples()}


def _ack(alert_id, verdict, at="2026-10-11 08:00:00", by="ana"):
    return {"alert_id": alert_id, "acknowledged_by": by, "acknowledged_at": at, "note": None, "verdict": verdict}


def _post_mortem(pm_id, alert_id, verdict=None, author="cy"):
    return {
        "post_mortem_id": pm_id, "alert_id": alert_id, "author": author, "written_at": "2026-10-12",
        "link": "https://wiki/pm", "summary": None, "verdict": verdict,
    }  # fmt: skip


@pytest.fixture(scope="module")
def ground_truth(demo, tmp_path_factory):
    """Two runs of the ground-truth models on a copy of the demo build (its replay and candidate alerts unchanged):
    `with_known`: the demo's planted incidents plus planted acknowledgements and post-mortems (good and bad rows);
    `alerts_only`: corridor_known_incidents off, so post-mortems and acknowledgements are the only ground truth.
    Returns {run: (path, alert ids)} read after each run (a copy per run)."""
    from conftest import Dbt

    ids = _alert_ids(demo)
    runs = {
        "with_known": (
            {
                "gt_acks": pd.DataFrame([
                    _ack(ids[R010_V2_1010], "False_Alarm"),  # a verdict in any case
                    _ack(ids[R015_V1_IOS], None),  # acknowledged only: not ground truth
                    _ack(ids[R015_V1_IOS], "maybe", by="bo"),  # quarantined: unknown_verdict
                ]),
                "gt_post_mortems": pd.DataFrame([
                    _post_mortem("pm1", ids[R008_V1_1006]),  # an incident (default verdict) covered by inc_01
                    _post_mortem("pm2", ids[R008_V1_1006], author=None),  # quarantined: missing_author
                    _post_mortem("pm3", "no_such_alert", verdict="incident"),  # accepted, names no alert: ignored
                ]),
                # the demo's planted incidents and three rows that cannot be used (quarantined, not ground truth)
                "gt_incidents": pd.concat([KNOWN, pd.DataFrame([
                    {**BAD_INCIDENT, "incident_id": "bad_order", "ends_at": "2026-10-06 14:00:00"},
                    {**BAD_INCIDENT, "incident_id": "bad_time", "starts_at": "yesterday"},
                    {**BAD_INCIDENT, "incident_id": None, "model_id": None},
                ])], ignore_index=True),
            },
            {"corridor_known_incidents": {"relation": "main.gt_incidents"}},
        ),
        "alerts_only": (
            {
                "gt_acks": pd.DataFrame([
                    _ack(ids[R010_V2_1010], "incident"),
                    _ack(ids[R015_V1_IOS], "false_alarm"),
                ]),
                "gt_post_mortems": pd.DataFrame([
                    _post_mortem("pm1", ids[R010_V1_1006]),  # 10-06 14:00-15:00 ...
                    _post_mortem("pm2", ids[R008_V1_1006]),  # ... overlaps 10-06 00:00-10-07 00:00: one incident
                ]),
            },
            {"corridor_known_incidents": None},
        ),
    }  # fmt: skip
    out = {}
    for name, (frames, extra_vars) in runs.items():
        work = tmp_path_factory.mktemp(f"ground_truth_{name}")
        path = work / "corridor.duckdb"
        shutil.copyfile(demo, path)
        load_frames(path, frames)
        dbt = Dbt(REPO_ROOT, work, {"CORRIDOR_DUCKDB_PATH": str(path)})
        vars = {
            "corridor_alert_acknowledgements": {"relation": "main.gt_acks"},
            "corridor_post_mortems": {"relation": "main.gt_post_mortems"},
            **extra_vars,
        }
        dbt("run", "--select", *GROUND_TRUTH_NODES, vars=vars)
        out[name] = path
    return out, ids


def _current(path, rule_id) -> pd.Series:
    return query(path, f"select * from corridor_rule_calibration where rule_id = '{rule_id}' and is_current").iloc[0]


def test_ground_truth_deduplicates_post_mortems_against_known_incidents(ground_truth):
    runs, ids = ground_truth
    path = runs["with_known"]
    truth = query(path, "select * from int_corridor__ground_truth order by verdict, incident_id")
    incidents = truth[truth["verdict"] == "incident"].set_index("incident_id")
    # the six planted incidents, no more: R008's post-mortem is inc_01 (its day window began within a day before
    # 14:15), its source added; the post-mortem of an unknown alert and the bare acknowledgement add nothing
    assert len(incidents) == 6
    assert incidents.loc["inc_01_error_burst", "ground_truth_source"] == "known_incidents, post_mortem"
    assert incidents.loc["inc_02_error_burst", "ground_truth_source"] == "known_incidents"
    false_alarms = truth[truth["verdict"] == "false_alarm"]
    assert false_alarms[["incident_id", "rule_id", "model_version", "ground_truth_source"]].values.tolist() == [
        [ids[R010_V2_1010], "R010", "v2", "acknowledgement"]
    ]
    assert false_alarms.iloc[0]["starts_at"] == pd.Timestamp("2026-10-10 19:00")
    assert false_alarms.iloc[0]["ends_at"] == pd.Timestamp("2026-10-10 20:00")


def test_acknowledged_false_alarm_counts_as_a_false_alert(ground_truth):
    runs, _ = ground_truth
    row = _current(runs["with_known"], "R010")
    # without the acknowledgement: 3 alerts, 0 false, 2 incidents (test_rule_calibration_time_to_detect_known_answer).
    # v2's 10-10 alert was called a false alarm: it is false, even though it overlaps inc_02; v1's alert of the
    # same burst still detects inc_02, so the detection figures are unchanged
    assert (row["alerts"], row["false_alerts"], row["known_false_alerts"], row["incidents_detected"]) == (3, 1, 1, 2)
    assert row["mean_hours_to_detect"] == pytest.approx((9.75 + 4.5) / 2)
    assert row["ground_truth_sources"] == "known_incidents, post_mortem, acknowledgement"
    # the false alarm changes the recommendation: with twice the minimum sample v2's burst hour (18 requests) is
    # not judged, both incidents still are (FDR 0.01 no longer drops it: a rate's binomial tail is tested at the
    # tolerance itself, without the old 0.5 / n floor, so the hour's p-value is 1.3e-4)
    best = query(
        runs["with_known"], "select * from corridor_rule_calibration where rule_id = 'R010' and is_recommended"
    ).iloc[0]
    assert (best["fdr_level"], best["consecutive_windows"], best["tolerance_multiplier"]) == (0.05, 1, 1.0)
    assert best["min_sample_multiplier"] == 2.0
    assert (best["alerts"], best["false_alerts"], best["incidents_detected"]) == (2, 0, 2)
    # the other version's alerts and other rules keep their figures
    r008 = _current(runs["with_known"], "R008")
    assert (r008["false_alerts"], r008["known_false_alerts"], r008["incidents_detected"]) == (0, 0, 2)


def test_bad_ground_truth_rows_are_quarantined_and_accounted_for(ground_truth):
    runs, _ = ground_truth
    path = runs["with_known"]
    quarantined = query(
        path,
        "select input_name, reason_codes from corridor_quarantine"
        " where input_name in ('alert_acknowledgements', 'post_mortems', 'known_incidents')"
        " order by input_name, reason_codes",
    )
    assert quarantined.values.tolist() == [
        ["alert_acknowledgements", "unknown_verdict"],
        ["known_incidents", "ends_at_not_after_starts_at"],
        ["known_incidents", "missing_incident_id,missing_model_id"],
        ["known_incidents", "unparseable_starts_at"],
        ["post_mortems", "missing_author"],
    ]
    accounting = query(
        path,
        "select input_name, rows_read, rows_accepted, rows_quarantined, is_balanced from int_corridor__input_accounting"
        " where input_name in ('alert_acknowledgements', 'post_mortems', 'known_incidents') order by input_name",
    )
    assert accounting.values.tolist() == [
        ["alert_acknowledgements", 3, 2, 1, True],
        ["known_incidents", len(KNOWN) + 3, len(KNOWN), 3, True],
        ["post_mortems", 3, 2, 1, True],
    ]
    # the bad rows are no ground truth: the six planted incidents stay the only known ones
    assert set(query(path, "select incident_id from int_corridor__ground_truth where verdict = 'incident'")
               ["incident_id"]) == set(KNOWN["incident_id"])  # fmt: skip


def test_alert_ground_truth_alone_exact_detection_times(ground_truth):
    runs, ids = ground_truth
    path = runs["alerts_only"]
    truth = query(path, "select * from int_corridor__ground_truth order by starts_at")
    # R010's and R008's post-mortems of the 10-06 burst overlap (same model, segment all): one incident spanning
    # R008's day window, named after the alert that began first; the acknowledged v2 burst is the second
    assert truth[["incident_id", "verdict", "ground_truth_source"]].values.tolist() == [
        [ids[R008_V1_1006], "incident", "post_mortem"],
        [ids[R015_V1_IOS], "false_alarm", "acknowledgement"],
        [ids[R010_V2_1010], "incident", "acknowledgement"],
    ]
    assert truth.iloc[0]["starts_at"] == pd.Timestamp("2026-10-06") and truth.iloc[0]["ends_at"] == pd.Timestamp(
        "2026-10-07"
    )
    # by hand: the 10-06 incident starts 00:00 and R010's alert is first seen at the 10-07 00:00 point (24 h); the
    # 10-10 incident starts 19:00, first seen 10-11 00:00 (5 h). v1's 10-10 alert matches it too (it began with
    # it): no false alert. Unmerged, R010's 10-06 alert would detect two incidents (3 in all)
    for rule_id in ["R010", "R008"]:
        row = _current(path, rule_id)
        assert (row["incidents_detected"], row["false_alerts"], row["known_false_alerts"]) == (2, 0, 0), rule_id
        assert row["mean_hours_to_detect"] == pytest.approx((24 + 5) / 2)
        assert row["max_hours_to_detect"] == pytest.approx(24)
        assert row["ground_truth_sources"] == "post_mortem, acknowledgement"
    # R015: v1's iOS alert was called false; v2's (another model version) has no ground truth: false, not known
    r015 = _current(path, "R015")
    figures = ["alerts", "false_alerts", "known_false_alerts", "incidents_detected"]
    assert r015[figures].tolist() == [2, 2, 1, 0]
    # without a known incident on latam, R014's alerts are false (the demo's inc_03 is off)
    r014 = _current(path, "R014")
    assert (r014["false_alerts"], r014["incidents_detected"]) == (2, 0)


def test_report_shows_the_ground_truth_sources(ground_truth):
    from corridor.report import read_warehouse, render_html

    runs, _ = ground_truth
    page, _ = render_html(read_warehouse(runs["with_known"]))
    section = page.split('<section id="calibration">', 1)[1].split("</section>", 1)[0]
    r010 = section.split('data-rule-id="R010"', 1)[1].split("</tr>", 1)[0]
    # the recommendation (FDR 0.01, test above) beside the current setting's false alert, and the sources
    assert "<td>0 (now 1)</td>" in r010 and "<td>2 (now 2)</td>" in r010
    assert "<td>known_incidents, post_mortem, acknowledgement</td>" in r010
