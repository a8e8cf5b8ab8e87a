"""The suite's time: a fixed instant, injected into the product with ``use_clock``.

Nothing in a test depends on the hour or the day the suite runs. The clock starts at
``TEST_NOW`` for each test and moves on with real elapsed time, so events recorded one after
the other still come in order. The instant is noon UTC, far from any day boundary in Europe.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

TEST_NOW = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)


class TestClock:
    """``TEST_NOW`` plus the real time elapsed since the clock was made."""

    __test__ = False  # not a pytest test class

    def __init__(self, start: datetime = TEST_NOW) -> None:
        self.start, self._origin = start, time.monotonic()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self._origin)
