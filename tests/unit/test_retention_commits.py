"""Units of work run at the same time but commit children's systems first (gdpr.retention.commits).

Each unit here stands for one system's transaction: it records when its statements are done,
and whether it committed or rolled back, the way ``with connector.changes()`` would.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

import pytest

from gdpr.retention.commits import in_commit_order


class Systems:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.worked: list[int] = []
        self.committed: list[int] = []
        self.rolled_back: list[int] = []

    @contextmanager
    def transaction(self, index: int):
        try:
            yield
        except BaseException:
            with self.lock:
                self.rolled_back.append(index)
            raise
        with self.lock:
            self.committed.append(index)

    def unit(self, index: int, before=(), after=None, fail: bool = False):
        def run(ready):
            with self.transaction(index):
                for event in before:
                    event.wait(timeout=10)
                with self.lock:
                    self.worked.append(index)
                if after:
                    after.set()
                if fail:
                    raise RuntimeError(f"system {index} refused the delete")
                ready()
            return index

        return run


def test_the_last_system_may_finish_its_work_first_but_commits_last():
    systems = Systems()
    root_done = threading.Event()
    results = in_commit_order(
        [
            systems.unit(0, before=[root_done]),  # the children's system, slow
            systems.unit(1),
            systems.unit(2, after=root_done),  # the root's system, done first
        ]
    )
    assert results == [0, 1, 2]
    assert systems.worked.index(2) < systems.worked.index(0)  # the root's work ran first
    assert systems.committed == [0, 1, 2]
    assert systems.rolled_back == []


def test_a_failing_system_leaves_nothing_uncommitted_and_its_own_error_is_raised():
    systems = Systems()
    waiting = [threading.Event(), threading.Event()]
    with pytest.raises(RuntimeError, match="system 0 refused the delete"):
        in_commit_order(
            [
                systems.unit(0, before=waiting, fail=True),  # fails once the others are done
                systems.unit(1, after=waiting[0]),
                systems.unit(2, after=waiting[1]),
            ]
        )
    assert systems.committed == []
    assert sorted(systems.rolled_back) == [0, 1, 2]


def test_one_unit_runs_in_the_callers_thread():
    seen = []
    assert in_commit_order([lambda ready: seen.append(threading.current_thread()) or ready()]) == [
        None
    ]
    assert seen == [threading.current_thread()]
