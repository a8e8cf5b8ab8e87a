"""The small protocol every system connector speaks.

Capabilities (resolution, export, purge, checks) talk to systems only through this: a way to
check the system is there, to compare it with the data map, and to find records by identity or
by the keys of their parent records, streamed in batches so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from gdpr.datamap.models import Dataset, System

Row = dict[str, Any]


class SystemUnreachableError(RuntimeError):
    """The system named in the data map cannot be reached; nothing was read or written."""

    def __init__(self, system: System, reason: str):
        self.system_name = system.name
        super().__init__(
            f"system {system.name!r} ({system.kind}, connection {system.conn_id!r}) is unreachable: {reason}"
        )


@dataclass(frozen=True)
class ByIdentity:
    """Records whose ``field`` equals an identity value once both are normalised."""

    field: str
    value: str
    kind: str = "email"


@dataclass(frozen=True)
class ByReference:
    """Records whose ``fields`` take one of the ``values`` tuples (keys of parent records)."""

    fields: tuple[str, ...]
    values: Sequence[tuple[Any, ...]]


Criterion = ByIdentity | ByReference


@dataclass(frozen=True)
class LiveDataset:
    """What a system really holds for a dataset: the table's columns, or whether the bucket exists."""

    dataset: str
    exists: bool
    columns: frozenset[str] | None = None


class Connector(Protocol):
    system: System

    def ping(self) -> None:
        """Raise ``SystemUnreachableError`` unless the system answers."""

    def inspect(self) -> dict[str, LiveDataset]:
        """What the system holds for each dataset of the map, by dataset name."""

    def find(
        self, dataset: Dataset, criterion: Criterion, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        """Matching records' ``columns``, in batches (S3 rows also carry ``key``)."""

    def close(self) -> None: ...
