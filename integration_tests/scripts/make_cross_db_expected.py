"""Writes seeds/cross_db/expected_<macro>.csv: the answers of the cross-db macro tests (models/cross_db/), computed
here in Python independently of any SQL engine (math, numpy, hashlib, fractions). Run from the repository root:
`.venv/bin/python integration_tests/scripts/make_cross_db_expected.py`; the CSVs are committed."""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

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
        "bitwise_xor",
        ["case_id", "xor_ab"],
        [
            [i, None if a is None else a ^ b]
            for i, (a, b) in enumerate(
                [(12, 10), (0, 2**32 - 1), (255, 255), (2**62, 1), (2**63 - 1, 0x5555555555555555), (-1, 5), (None, 7)],
                start=1,
            )
        ],
    )

    def hash32(text: str | None) -> int | None:
        return None if text is None else int(hashlib.md5(text.encode()).hexdigest()[:8], 16)

    hashed = [("abc", -7), ("corridor", -14), ("", 0), (None, None), ("O'Brien; drop table t", 2**31 - 1)]
    write(
        "hash32",
        ["case_id", "hash32_txt", "hash32_num"],
        [[i, hash32(t), hash32(None if n is None else str(n))] for i, (t, n) in enumerate(hashed, start=1)],
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
    inlined = {1: 1.5, 2: -2.0, 3: 4.0}
    write(
        "inlined_cte",
        ["case_id", "x", "total_x", "n_rows"],
        [[k, v, sum(inlined.values()), len(inlined)] for k, v in inlined.items() if v > 0],
    )
    write(
        "computed_once_condition",
        ["case_id", "x", "total_x", "n_rows"],
        [[k, v, sum(inlined.values()), len(inlined)] for k, v in inlined.items()],
    )
    write(
        "set_based_series_hooks",
        ["case_id", "n_squared", "n_terms", "sum_terms", "hooks_in_effect"],
        [[i, n * n, n + 1, sum(range(n + 1)), "true"] for i, n in ((1, 3), (2, 0), (3, 10))],
    )
    fence_cases = {1: 3, 2: 0, 3: 10, 4: -5, 5: None}
    kept = {k: n for k, n in fence_cases.items() if n is None or n >= 0}
    write(
        "subquery_fence",
        ["case_id", "n_squared_plus_1", "n_terms", "sum_terms", "n_rows", "n_values"],
        [
            [k, n * n + 1, n + 1, sum(range(n + 1)), len(kept), sum(v is not None for v in kept.values())]
            for k, n in kept.items()
            if n is not None
        ],
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
    rank_bin_cases()
    rollup_cases()
    more_cases()


def add_months(day: datetime, months: int) -> datetime:
    """The same day and clock time `months` later (the starts here are never past day 28)."""
    year, month = divmod(day.month - 1 + months, 12)
    return day.replace(year=day.year + year, month=month + 1)


def more_cases() -> None:
    """The cross-db macros that were only reached through other macros' tests until each had its own (issue 18)."""
    medians = {1: [1, 2, 3, 4], 2: [5], 3: [10, 1, 3], 4: [-1.5, None, -0.5, 2, 2], 5: [None, None], 6: [0.1, 0.2]}
    write(
        "median",
        ["case_id", "median_x"],
        [
            [k, None if all(x is None for x in v) else float(np.median([x for x in v if x is not None]))]
            for k, v in medians.items()
        ],
    )
    numbers, words = [1.5, -2.25, None, 1e300], ["alpha", "beta", None, "delta"]
    write(
        "array_element",
        ["case_id", "number_at", "word_at", "last_number"],
        [[i, numbers[i - 1], words[i - 1], numbers[3]] for i in range(1, 5)] + [[5, None, None, None]],
    )
    third = np.float64(1) / np.float64(3)
    write(
        "type_double",
        ["case_id", "third", "above_2_24", "huge_scaled", "tiny_scaled", "negative", "nothing"],
        [[1, float(third), 1.0, 10.0, 1e-300 * 1e300, -0.1 * 3, None]],
    )
    write(
        "grain_hours",
        ["case_id", "grain", "hours"],
        [[1, "hour", 1], [2, "day", 24], [3, "week", 7 * 24], [4, "month", 30 * 24]],
    )
    starts = [
        "2024-01-01 00:00:00",
        "2024-02-01 00:00:00",
        "2023-02-01 00:00:00",
        "2026-12-28 00:00:00",
        "2026-12-01 00:00:00",
        "2024-02-29 00:00:00",
        "2023-12-31 23:00:00",
    ]
    rows = []
    for i, text in enumerate(starts, start=1):
        start = datetime.fromisoformat(text).replace(tzinfo=timezone.utc)
        ends = [start + timedelta(hours=1), start + timedelta(days=1), start + timedelta(days=7), add_months(start, 1)]
        rows.append([i, *(e.timestamp() for e in ends)])
    write("window_end", ["case_id", "hour_end", "day_end", "week_end", "month_end"], rows)

    def utc(text: str, zone: str | None = None) -> float:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=ZoneInfo(zone) if zone else timezone.utc)
        return moment.timestamp()

    texts = [
        utc("2026-03-01 10:00:00"),
        utc("2026-03-01T10:00:00+00:00"),
        utc("2026-03-01 10:00:00+02:00"),
        utc("2024-02-29 23:30:00-05:30"),
        utc("2026-12-31 23:59:59+01:00"),
        utc("2026-03-01 10:00:00.250"),
        utc("2024-02-29 00:00:00"),
        None,
        None,
        None,
        utc("2026-01-15 12:00:00", "Europe/Berlin"),
        utc("2026-07-15 12:00:00", "Europe/Berlin"),
        None,
        None,
        None,  # days that do not exist in their month (PostgreSQL's cast fails on them: null, never an error)
        None,
        None,
    ]
    typed = [utc("2024-02-29 23:59:59.5"), utc("2024-02-29 00:00:00"), utc("2026-03-01 10:00:00+02:00")]
    write(
        "parse_timestamp",
        ["case_id", "from_text", "from_timestamp", "from_date", "from_timestamp_tz"],
        [[i, t, *typed] for i, t in enumerate(texts, start=1)],
    )
    patterns = ["^[0-9]{4}-[0-9]{2}$", "b+c", "^(Z|[+-][0-9]{2}(:?[0-9]{2})?)$", "O'B", "^$"]
    regex_texts = ["2026-03", "x2026-03", "abbbc", "ABC", "+02:00", "-0530", "O'Brien", "", None]
    write(
        "regex_match",
        ["case_id", "is_year_month", "has_bs_then_c", "is_offset", "has_quote", "is_empty"],
        [
            [i, *(None if t is None else str(re.search(p, t) is not None).lower() for p in patterns)]
            for i, t in enumerate(regex_texts, start=1)
        ],
    )
    write("run_time", ["case_id", "seconds_from_run_start", "fraction_of_second"], [[1, 0, 0]])
    key_md5 = hashlib.md5(KEY.encode()).hexdigest()
    write(
        "pseudonym_key_sql",
        ["case_id", "key_md5", "key_length", "key_md5_with_fallback"],
        [[1, key_md5, len(KEY), key_md5]],
    )

    def rounded(x: float, places: int) -> Fraction:
        """x to `places` decimals, halves away from zero (decimal's ROUND_HALF_UP)."""
        with localcontext() as context:
            context.prec = 60
            return Fraction(Decimal(repr(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))

    def parts(values: list) -> tuple[Fraction | None, Fraction | None]:
        """[high, low] of corridor.exact_sum_parts at 2 places: high = trunc(x / 1e16) for |x| >= 1e16."""
        present = [Fraction(x) for x in values if x is not None]
        if not present:
            return None, None
        unit = Fraction(10**16)
        large = [x for x in present if abs(x) >= unit]
        high = sum(Fraction(math.trunc(x / unit)) for x in large) if large else None
        low = sum(rounded(float(x - (math.trunc(x / unit) * unit if abs(x) >= unit else 0)), 2) for x in present)
        return high, low

    groups = {
        1: [2.5e16, -1e16, 0.25, None],
        2: [10000000000000002.0, -10000000000000004.0],
        3: [0.125, 0.125, -0.375],
        4: [None, None],
        5: [90000000000000.5],
        6: [1e16],
    }
    rows = []
    for k, values in groups.items():
        high, low = parts(values)
        whole = None if low is None else math.floor(low)
        hundredths = None if low is None else float((low - whole) * 100)
        rows.append([k, None if high is None else float(high), None if whole is None else float(whole), hundredths])
    write("exact_sum_parts", ["case_id", "high", "low_whole", "low_hundredths"], rows)
    pairs = [
        (1, "5000000000000000.25"),
        (None, "2.5"),
        (-3, "1.5"),
        (0, "-0.25"),
        (None, None),
        (2, None),
    ]
    write(
        "exact_sum_combine",
        ["case_id", "combined"],
        [
            [i, None if low is None else float(Decimal(low)) + float(high or 0) * 1e16]
            for i, (high, low) in enumerate(pairs, start=1)
        ],
    )
    decimal_groups = {1: [0.1, 0.2, 0.3], 2: [1e20, 1.0, -1e20], 3: [2.5, -2.5, 0.5], 4: [None, 1.25], 5: [None]}
    rows = []
    for k, values in decimal_groups.items():
        present = [x for x in values if x is not None]
        sums = [float(sum(rounded(x, n) for x in present)) if present else None for n in (12, 0)]
        exact = {1: Fraction(6, 10), 2: Fraction(1)}.get(k)
        rows.append([k, *sums, None if exact is None else str(sum(rounded(x, 12) for x in present) == exact).lower()])
    write("exact_decimal_sum", ["case_id", "sum_12", "sum_0", "is_exact"], rows)


def rank_bin_cases() -> None:
    """rank_bin_join: the bin holding each rank, found by walking each group's bins in value order."""
    counts = {1: [(1, 2), (2, 1), (3, 4)], 2: [(1, 5)], 3: [(1, 1)]}
    ranks = [(1, 1, 1), (2, 1, 2), (3, 1, 3), (4, 1, 4), (5, 1, 7), (6, 1, 8), (7, 1, 0), (8, 2, 5), (9, 1, 2.5)]
    ranks += [(10, 4, 1), (11, 1, -3), (12, 3, 1), (13, 2, 0.5)]
    rows = []
    for case_id, group, rank in ranks:
        seen, hit = 0, None
        for value_bin, n in counts.get(group, []):
            if seen < rank <= seen + n:
                hit = (value_bin, float(rank - seen))
            seen += n
        value_bin, position = hit or (0, 0.0)
        rows.append([case_id, 1 if hit else 0, value_bin, position, 1 if hit and value_bin != 3 else 0])
    write("rank_bin_join", ["case_id", "n_matches", "value_bin", "bin_position", "matched_but_bin_3"], rows)


def rollup_cases() -> None:
    """window_segment_rollup_ctes: each window x segment summed straight from the hour cells (UTC, ISO weeks)."""
    cells = [
        ("v1", "x", "p", "2026-09-28 00:00:00", 1, 3, 1.5, 2.0),
        ("v1", "x", "q", "2026-09-28 00:00:00", 1, 2, 0.5, 4.0),
        ("v1", "y", "p", "2026-09-28 07:00:00", 2, 1, 3.0, 3.0),
        ("v1", "x", "p", "2026-09-30 23:00:00", 1, 5, -1.0, 9.5),
        ("v1", "y", "q", "2026-10-01 00:00:00", 1, 4, 2.0, 2.5),
        ("v1", "x", "p", "2026-10-01 05:00:00", 2, 7, 0.25, 8.0),
        ("v1", "x", "q", "2026-10-05 10:00:00", 1, 1, 6.0, 6.0),
        ("v2", "x", "p", "2026-10-01 05:00:00", 1, 2, 1.0, 1.25),
        ("v2", "y", "p", "2026-10-05 10:00:00", 1, 6, -2.5, 0.0),
        ("v2", "y", "p", "2026-10-05 11:00:00", 1, 8, 4.0, 5.0),
    ]
    starts = {
        "hour": lambda t: t,
        "day": lambda t: t.replace(hour=0),
        "week": lambda t: t.replace(hour=0) - timedelta(days=t.weekday()),
        "month": lambda t: t.replace(day=1, hour=0),
    }
    layouts = {  # grains, segment dimensions (index into a cell: a = 1, b = 2), keyed by k, measures kept
        "a": (["hour", "day", "week", "month"], {"a": 1, "b": 2}, True, ("min", "max")),
        "b": (["week", "month"], {}, False, ()),
        "c": (["hour", "week"], {"b": 2}, False, ("max",)),
    }
    sums: dict[str, list] = {}
    for name, (grains, dimensions, keyed, kept) in layouts.items():
        for cell in cells:
            version, at, k, n, low, high = cell[0], datetime.fromisoformat(cell[3]), cell[4], cell[5], cell[6], cell[7]
            for grain in grains:
                epoch = int((starts[grain](at) - datetime(1970, 1, 1)).total_seconds())
                for dimension, value in [("all", "all")] + [(d, cell[i]) for d, i in dimensions.items()]:
                    key = f"{name}|{grain}|{epoch}|{version}|{dimension}|{value}|{k if keyed else '-'}"
                    row = sums.setdefault(key, [key, 0, None, None])
                    row[1] += n
                    if "min" in kept:
                        row[2] = low if row[2] is None else min(row[2], low)
                    if "max" in kept:
                        row[3] = high if row[3] is None else max(row[3], high)
    write("window_segment_rollup_ctes", ["case_key", "n_events", "min_value", "max_value"], sorted(sums.values()))


if __name__ == "__main__":
    main()
