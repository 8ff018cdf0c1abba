"""Smoke test of the interval benchmark's code path (corridor_tools.bench_intervals) at a tiny size."""

from __future__ import annotations

import json

from corridor_tools import bench_intervals


def test_bench_intervals_runs_and_reports(tmp_path, capsys):
    out = tmp_path / "figures.json"
    code = bench_intervals.main(
        ["--events", "20000", "--groups", "60", "--resamples", "200", "--scipy-groups", "3", "--out", str(out)]
    )
    assert code == 0
    figures = json.loads(out.read_text())
    assert figures["groups"] == 60 and figures["intervals"] > 60 * 10
    assert figures["a_groups_per_s"] > 0 and figures["ratio"] > 0
    printed = capsys.readouterr().out
    assert "groups/s" in printed and "agreement with scipy" in printed
