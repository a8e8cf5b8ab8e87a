"""A purge's selection held on disk, not in memory.

A purge reads its whole selection before it changes anything (no cursor stays open on a table
it writes to, and the selection does not drift under its own deletions). Held as a list, the
selection made memory grow with the number of expired records; written page by page to a
temporary file and read back a batch at a time, it costs one page of memory however large the
purge. The file is the process's own (pickled pages it wrote itself) and goes when closed.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from gdpr.batches import chunks

Key = tuple[Any, ...]


class SpilledKeys:
    """Keys in the order they were given, ``count`` of them, read back as often as needed."""

    def __init__(self, pages: Iterable[list[Key]]):
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.count = 0
        try:
            for page in pages:
                if page:
                    pickle.dump(page, self._file, protocol=pickle.HIGHEST_PROTOCOL)
                    self.count += len(page)
        except BaseException:
            self._file.close()
            raise

    def __iter__(self) -> Iterator[Key]:
        self._file.seek(0)
        while True:
            try:
                page = pickle.load(self._file)  # pages this object wrote itself
            except EOFError:
                return
            yield from page

    def batches(self, size: int | Callable[[], int]) -> Iterator[list[Key]]:
        """Consecutive batches of ``size`` keys, or of ``size()`` asked again before each batch
        (a ``gdpr.retention.pace.Pace`` that follows how long the batches take)."""
        return chunks(self, size)

    def close(self) -> None:
        self._file.close()
