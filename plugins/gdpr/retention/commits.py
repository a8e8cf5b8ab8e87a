"""Units of work on several systems, run at the same time, committed one after another.

A purge batch changes each system in one unit of work (a transaction where the system has
them), children's systems before the root's, so an interrupted batch always leaves its root
records: the next run finds them and finishes the batch. Run one after another, the systems'
statements never overlap, and a database waits while another works. Here every unit runs in
its own thread (its own connection) and, once its statements are done, waits inside its
transaction for the units before it to commit: the commits keep their order, the work does
not wait for it. A unit that fails makes every unit not yet committed roll back instead of
committing (one step safer than one after another, where the units before it had committed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")

# a unit gets ``ready``, to call inside its transaction just before the commit
Unit = Callable[[Callable[[], None]], T]


class AbandonedError(RuntimeError):
    """Another unit of the same batch failed: this one rolls back rather than commit."""


def in_commit_order(units: Sequence[Unit[T]]) -> list[T]:
    """Run ``units`` at the same time; unit i commits only after units 0..i-1 have. Their
    results in order, or the first failure that is not an abandonment."""
    if len(units) <= 1:
        return [unit(lambda: None) for unit in units]
    order = _Order()
    with ThreadPoolExecutor(len(units), thread_name_prefix="unit-of-work") as pool:
        futures = [pool.submit(order.run, index, unit) for index, unit in enumerate(units)]
        wait(futures)
    errors = [f.exception() for f in futures if f.exception() is not None]
    if errors:
        raise next((e for e in errors if not isinstance(e, AbandonedError)), errors[0])
    return [f.result() for f in futures]


class _Order:
    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._next = 0  # the unit whose commit comes next
        self._failed = False

    def run(self, index: int, unit: Unit[T]) -> T:
        def ready() -> None:
            with self._turn:
                self._turn.wait_for(lambda: self._failed or self._next == index)
                if self._failed:
                    raise AbandonedError("another unit of work of this batch failed")

        try:
            result = unit(ready)
        except BaseException:
            with self._turn:
                self._failed = True
                self._turn.notify_all()
            raise
        with self._turn:
            self._next = index + 1
            self._turn.notify_all()
        return result
