"""Batch sizes paced by transaction time (gdpr.retention.pace): pure arithmetic."""

from __future__ import annotations

import pytest

from gdpr.batches import chunks
from gdpr.retention.pace import FIRST, Pace


def test_the_first_batch_is_small_then_sizes_follow_the_measured_pace() -> None:
    pace = Pace(limit=2000, target=0.25)
    assert pace() == FIRST
    pace.observe(FIRST, 0.5)  # twice too slow: half the keys
    assert pace() == FIRST // 2
    pace.observe(250, 0.25)  # on target: the same
    assert pace() == 250


def test_growth_is_at_most_double_and_never_past_the_batch_size() -> None:
    pace = Pace(limit=2000, target=0.25)
    sizes = []
    for _ in range(5):
        pace.observe(pace(), 0.001)  # far faster than the target
        sizes.append(pace())
    assert sizes == [1000, 2000, 2000, 2000, 2000]


def test_a_stall_shrinks_at_once_to_one_root_at_least() -> None:
    pace = Pace(limit=2000, target=0.25, size=2000)
    pace.observe(2000, 10_000.0)
    assert pace() == 1
    pace.observe(0, 1.0)  # a batch of no keys says nothing
    assert pace() == 1


def test_a_small_batch_size_is_the_first_batch_and_the_floor() -> None:
    pace = Pace(limit=2, target=0.25)
    assert pace() == 2
    pace.observe(2, 100.0)
    assert pace() == 1


@pytest.mark.parametrize(("limit", "target"), [(0, 0.25), (100, 0.0), (100, -1.0)])
def test_a_pace_without_a_bound_or_a_target_is_refused(limit: int, target: float) -> None:
    with pytest.raises(ValueError, match="positive target"):
        Pace(limit=limit, target=target)


def test_chunks_ask_a_paced_size_before_each_batch() -> None:
    sizes = iter([3, 1, 2, 10, 10])
    assert list(chunks(range(8), lambda: next(sizes))) == [[0, 1, 2], [3], [4, 5], [6, 7]]
