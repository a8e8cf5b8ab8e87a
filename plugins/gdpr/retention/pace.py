"""Batch sizes that keep a purge's write transactions short, whatever the machine.

A batch's transactions hold row locks on live tables (gap locks too on MariaDB) for as long as
they run: the applications writing those tables wait that long. With a fixed number of keys per
batch that time depends on the machine, the load and how many dependants a record has (the
same 2,000 customers took 0.4 s on one machine and 0.8 s on a slower one). So, the way online
schema tools size their chunks by time, the purge measures each batch's longest transaction
and sizes the batches after it to take ``target`` seconds: proportionally, never more than
twice the keys of the batch measured (one fast batch, say of already-deleted keys, does not
jump to the limit; after a stall the size is back within a few batches), never below ``floor``
(one root, with all its dependants), never above the batch size asked for, which stays the
bound on memory. The first batch takes ``first`` keys (at most the limit), so a system slower
than expected costs one short transaction, not one long one.

The next batch is read while the current one is written, so a measure sizes the batch after
next: sizes follow the database's pace one batch late. Pure arithmetic on the durations it is
given; the purge measures them.
"""

from __future__ import annotations

from dataclasses import dataclass

TRANSACTION_SECONDS = 0.25  # the default target: half the 0.5 s a batch may hold its locks
FLOOR = 1  # a root whose dependants alone take longer than the target goes on its own
FIRST = 500  # the first batch's keys, before anything is measured


@dataclass
class Pace:
    """The size of the next batch, from the batches measured so far."""

    limit: int  # the batch size asked for: the most keys a batch ever takes
    target: float  # seconds the longest transaction of a batch should take
    floor: int = FLOOR
    size: int = 0  # the next batch's keys (``first`` until a batch is measured)
    first: int = FIRST

    def __post_init__(self) -> None:
        if self.limit < 1 or self.target <= 0:
            raise ValueError("a pace needs a batch size of at least 1 and a positive target")
        self.floor = min(self.floor, self.limit)
        self.size = self.size or max(self.floor, min(self.first, self.limit))

    def __call__(self) -> int:
        return self.size

    def observe(self, keys: int, seconds: float) -> None:
        """A batch of ``keys`` keys whose longest transaction took ``seconds``."""
        if keys <= 0:
            return
        ideal = 2 * keys if seconds <= 0 else keys * self.target / seconds
        self.size = int(max(self.floor, min(self.limit, 2 * keys, ideal)))
