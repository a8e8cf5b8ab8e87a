"""The evidence digest of a purge that may touch millions of keys, in bounded memory.

Evidence carries ``digest_keys(keys)``: SHA-256 over the sorted canonical JSON of every key,
so an auditor holding a list of keys can recompute it. A purge sees its keys batch by batch
and in no useful global order; sorting them all in memory would make memory grow with the
purge. Sorted runs are spilled to temporary files and merged at the end instead (an external
merge sort), which gives exactly the digest ``digest_keys`` would.
"""

from __future__ import annotations

import hashlib
import heapq
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import IO

from gdpr.ledger.chain import canonical_json

SPILL_LINES = 200_000  # lines held before a sorted run goes to disk (~20 MB)


class SortedKeyDigest:
    def __init__(self, spill_lines: int = SPILL_LINES):
        self._spill_lines = spill_lines
        self._lines: list[str] = []
        self._runs: list[IO[str]] = []
        self.count = 0

    def add(self, keys: Iterable[Iterable[object]]) -> None:
        for key in keys:
            self._lines.append(canonical_json(list(key)))
            self.count += 1
        if len(self._lines) >= self._spill_lines:
            self._spill()

    def hexdigest(self) -> str:
        digest = hashlib.sha256()
        first = True
        with ExitStack() as stack:
            for run in self._runs:
                run.seek(0)
                stack.callback(run.close)
            for line in heapq.merge(sorted(self._lines), *(_lines_of(run) for run in self._runs)):
                digest.update((line if first else "\n" + line).encode("utf-8"))
                first = False
        self._runs = []
        self._lines = []
        return digest.hexdigest()

    def _spill(self) -> None:
        run = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed by hexdigest()
        run.writelines(line + "\n" for line in sorted(self._lines))
        self._runs.append(run)
        self._lines = []


def _lines_of(run: IO[str]) -> Iterator[str]:
    for line in run:
        yield line[:-1]
