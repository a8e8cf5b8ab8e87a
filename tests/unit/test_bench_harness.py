"""Pure pieces of the benchmark harness: summaries of runs, busy time, index definitions.

No timing is asserted; only the bookkeeping around it.
"""

from __future__ import annotations

from bench.context import union_length
from bench.harness import Timing, compare_timings
from bench.indexes import _compact, _leading_column


def test_timing_reports_median_and_best():
    timing = Timing((0.5, 0.1, 0.3, 0.2, 0.4))
    assert timing.median == 0.3
    assert timing.best == 0.1


def test_candidates_are_interleaved_after_the_warm_up():
    calls: list[str] = []
    timings = compare_timings(
        {"ours": lambda: calls.append("ours"), "raw": lambda: calls.append("raw")},
        repeat=3,
        warmup=1,
    )
    assert calls == ["ours", "raw"] * 4
    assert {name: len(t.runs) for name, t in timings.items()} == {"ours": 3, "raw": 3}


def test_busy_time_is_the_union_of_overlapping_calls():
    assert union_length([]) == 0
    assert union_length([(0, 2), (1, 3), (5, 6)]) == 4
    assert union_length([(0, 10), (2, 3), (4, 5)]) == 10


def test_index_definitions_are_read_as_postgresql_prints_them():
    assert _leading_column("CREATE INDEX ix ON public.orders USING btree (customer_id)") == (
        "customer_id"
    )
    assert _leading_column('CREATE INDEX ix ON t USING btree ("order", id)') == "order"
    assert "lower(trim(bothfromemail))" in _compact(
        "CREATE INDEX ix ON public.customers USING btree (lower(TRIM(BOTH FROM email)))"
    )
