"""Bounded groups: the one way the product cuts keys into IN-lists and rows into batches.

Every destructive step and every look-up works in batches (one transaction, one IN-list, one
page of a system's API at a time), so memory and transaction length follow the batch size, not
the size of the systems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Iterable[T], size: int | Callable[[], int]) -> Iterator[list[T]]:
    """``items`` in consecutive lists of at most ``size`` (any iterable, read lazily); a
    callable ``size`` is asked before each list (a size that follows how long batches take)."""
    iterator = iter(items)
    next_size = size if callable(size) else lambda: size
    while batch := list(islice(iterator, next_size())):
        yield batch


def rebatch(batches: Iterable[Sequence[T]], size: int) -> Iterator[list[T]]:
    """Batches of uneven sizes (a listing's pages, a search's pages) regrouped into lists of at
    least ``size`` items, the last one smaller."""
    batch: list[T] = []
    for rows in batches:
        batch += rows
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
