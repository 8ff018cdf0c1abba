"""Writes seeds/cross_db/expected_<macro>.csv: the answers of the cross-db macro tests (models/cross_db/), computed
here in Python independently of any SQL engine (math, numpy, hashlib, fractions). Run from the repository root:
`.venv/bin/python integration_tests/scripts/make_cross_db_expected.py`; the CSVs are committed."""

from __future__ import annotations

import csv
import hashlib
import json
import math
from collections import Counter
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "seeds" / "cross_db"
KEY = "corridor-test-key"  # the test sessions' pseudonymization key (conftest.py, test_spark.py)


def epoch(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


def write(name: str, header: list[str], rows: list[list]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / f"expected_{name}.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else (repr(v) if isinstance(v, float) else v) for v in row])


def main() -> None:
    write(
        "lgamma",
        ["case_id", "lgamma_x"],
        [[i, math.lgamma(x)] for i, x in enumerate([0.5, 1, 2.5, 10, 123.456, 1e6], start=1)],
    )
    write(
        "epoch_seconds",
        ["case_id", "epoch_seconds"],
        [
            [1, epoch("2026-03-01 10:00:00")],
            [2, epoch("2026-03-01 08:00:00")],
            [3, epoch("2026-03-01 10:00:00")],
            [4, epoch("2026-03-01 10:00:00") + 0.25],
            [5, 0.0],
            [6, None],
        ],
    )
    write("try_cast", ["case_id", "as_double"], [[1, 1.5], [2, None], [3, -2000.0], [4, None]])
    exact = Fraction(10**17) + Fraction(1, 2) + Fraction(13, 4) - Fraction(15 * 10**15)
    small = Fraction("0.1") + Fraction("0.2") + Fraction("0.3")  # each rounded to 12 decimals first: exact here
    write(
        "exact_sum",
        ["case_id", "exact_total", "small_sum", "decimal_sum"],
        [[1, float(exact), None, None], [2, float(small), float(small), float(small)]],
    )
    write(
        "is_non_finite", ["case_id", "is_non_finite"], [[1, "true"], [2, "true"], [3, "true"], [4, "false"], [5, None]]
    )
    groups = {1: [1, 2, 3, 4], 2: [5], 3: [10, 1, 3]}
    write(
        "percentiles",
        ["case_id", "median_x", "p10", "p95"],
        [[k, float(np.median(v)), float(np.quantile(v, 0.1)), float(np.quantile(v, 0.95))] for k, v in groups.items()],
    )
    write(
        "bitwise",
        ["case_id", "xor_ab", "hash32_txt"],
        [
            [i, a ^ b, int(hashlib.md5(t.encode()).hexdigest()[:8], 16)]
            for i, (a, b, t) in enumerate([(12, 10, "abc"), (0, 4294967295, "corridor"), (255, 255, "")], start=1)
        ],
    )
    write("integer_series", ["case_id", "n_values", "sum_values", "min_value", "max_value"], [[1, 5, 25, 3, 7]])
    # 2026-03-04 is a Wednesday: ISO week from Monday 2026-03-02
    write(
        "window_start",
        [
            "case_id",
            "hour_start",
            "day_start",
            "week_start",
            "month_start",
            "hour_end",
            "week_end",
            "month_end",
            "hour_plus_2",
            "grain_hours_hour_day",
            "grain_hours_week_month",
        ],
        [
            [
                1,
                epoch("2026-03-04 10:00:00"),
                epoch("2026-03-04 00:00:00"),
                epoch("2026-03-02 00:00:00"),
                epoch("2026-03-01 00:00:00"),
                epoch("2026-03-04 11:00:00"),
                epoch("2026-03-09 00:00:00"),
                epoch("2026-04-01 00:00:00"),
                epoch("2026-03-04 12:00:00"),
                1 + 24 * 1000,
                168 + 720 * 1000,
            ],
        ],
    )
    write("sql_string", ["case_id", "quoted"], [[1, "O'Brien\\x; drop table t; --"]])
    k = hashlib.md5(f"corridor-pseudonym-v1:{KEY}".encode()).hexdigest()
    write(
        "keyed_hash",
        ["case_id", "pseudonym"],
        [[1, hashlib.sha256(f"{k}:customer-42".encode()).hexdigest()], [2, None]],
    )

    write("delete_rows", ["case_id", "flag", "amount"], [[1, "a", 10], [3, None, 30], [6, "c", 60]])
    write(
        "update_rows",
        ["case_id", "flag", "amount", "note"],
        [[1, "a", 10, "keep"], [2, "done", 40, None], [3, None, 30, "keep"], [4, "done", 80, None]],
    )
    chained = {}
    for case, x in ((1, 1.5), (2, -2.0)):
        for _ in range(2):
            x = x * x + x
        chained[case] = x
    write("materialized_cte", ["case_id", "chained"], [[k, v] for k, v in chained.items()])
    write(
        "planner_hooks",
        ["case_id", "n_squared", "n_terms", "sum_terms"],
        [[i, n * n, n + 1, sum(range(n + 1))] for i, n in ((1, 3), (2, 0), (3, 10))],
    )
    write(
        "lateral_series",
        ["case_id", "n_terms", "sum_squares", "first_term", "last_term"],
        [[i, n + 1, n * (n + 1) * (2 * n + 1) // 6, 0, n] for i, n in ((1, 4), (2, 0), (3, 25))],
    )
    payloads = [{"txt": "abc", "num": "2.5", "missing": None}, {"txt": 'say"hi"\\', "num": "-1.25", "missing": "here"}]
    write(
        "json_object_text",
        ["case_id", "payload"],
        [[i, json.dumps(p, separators=(",", ":"))] for i, p in enumerate(payloads, start=1)],
    )
    numbers = [
        1.5,
        1234567,
        9999.6,
        0,
        -0.000012345678,
        100,
        0.123456,
        -98765.4,
        0.00012341,
        12,
        None,
        3.14159e20,
        2.5e-9,
    ]
    write(
        "format_number",
        ["case_id", "formatted"],
        [[i, "n/a" if x is None else f"{x:.4g}"] for i, x in enumerate(numbers, start=1)],
    )

    def places(x: float | None, n: int) -> str:
        if x is None:
            return "n/a"
        return str(Decimal(repr(x)).quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP))

    decimals = [12.34, -0.05, 2.0, 123456.789, None]
    write(
        "format_decimal",
        ["case_id", "one_place", "two_places"],
        [[i, places(x, 1), places(x, 2)] for i, x in enumerate(decimals, start=1)],
    )
    write("quote_identifier", ["case_id", "total"], [[1, 78]])
    rhs = [("a", 1, 100), ("a", 1, 1), ("b", 2, 5), ("a", 2, 20)]
    write(
        "keys_equal",
        ["case_id", "n_matches", "sum_matched"],
        [
            [i, sum(1 for a, b, _ in rhs if (a, b) == key), sum(v for a, b, v in rhs if (a, b) == key)]
            for i, key in enumerate([("a", 1), ("a", 2), ("b", 1)], start=1)
        ],
    )

    def entropy_bits(key: str) -> float:
        counts = Counter(key)
        return -sum(n * math.log(n / len(key)) for n in counts.values()) / math.log(2.0)

    keys = ["aaaaaaaaaaaaaaaaaaaa", "abcdefgh", "corridor-sample-key", "a1b2a1b2a1b2a1b2"]
    write(
        "check_pseudonym_key",
        ["case_id", "n_chars", "n_distinct", "entropy_bits"],
        [[i, len(k), len(set(k)), entropy_bits(k)] for i, k in enumerate(keys, start=1)],
    )
    write("reference_time", ["case_id", "seconds_apart", "seconds_from_run_start"], [[1, 0, 0]])


if __name__ == "__main__":
    main()
