"""The protocol every system connector speaks, for reading and for writing.

Capabilities (resolution, export, purge, erasure, checks) talk to systems only through this:
check the system is there, compare it with the data map, find records by identity or by the
keys of their parent records and scan a dataset (streamed in batches, so memory stays
bounded), select a retention rule's expired records, and change records inside a unit of
work (``changes()``: one transaction where the system has them). S3 rows carry ``key`` and
``versions`` (every version and delete marker), so deleting an object deletes all of it.
A capability never asks which kind of system it talks to; it asks what the system can do
(``changes_by_reference``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
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


class SelectionRefusedError(RuntimeError):
    """The system refused a selection (a broken SQL file, a renamed column): nothing was
    changed, and retrying will not help. The message is the system's own first line."""


@dataclass(frozen=True)
class ByIdentity:
    """Records whose ``field`` equals an identity value once both are normalised."""

    field: str
    value: str
    kind: str = "email"


@dataclass(frozen=True)
class ByIdentities:
    """Records whose ``field`` equals one of several normalised identity values (a batch of
    subjects found in one pass); the caller tells the subjects apart by the stored value."""

    field: str
    values: tuple[str, ...]
    kind: str = "email"


@dataclass(frozen=True)
class ByReference:
    """Records whose ``fields`` take one of the ``values`` tuples (keys of parent records)."""

    fields: tuple[str, ...]
    values: Sequence[tuple[Any, ...]]


@dataclass(frozen=True)
class Matching:
    """Records meeting conditions the data map declares (a hold's `where`), compiled for the
    system by ``condition(tables, table)`` (``gdpr.retention.rules.where_clause``); with
    ``among``, only those among these keys. A system without queries refuses it
    (``SelectionRefusedError``)."""

    condition: Callable[[Any, Any], Any]
    among: ByReference | None = None


Criterion = ByIdentity | ByIdentities | ByReference | Matching


class LockNature(StrEnum):
    """Why a system keeps a record erasure asked it to remove: what the plan, the certificate
    and the purge report call it. Only a retention the system enforces is an exemption under
    Art. 17(3); a missing operation is not, and the record still has to be erased."""

    RETENTION = "retention"  # a legal or contractual retention (S3 Object Lock, legal hold)
    TECHNICAL = "technical"  # the system cannot erase it (its API has no way to)


@dataclass(frozen=True)
class Lock:
    """A record the system keeps: the nature of the reason, and the reason in a sentence."""

    nature: LockNature
    reason: str


@dataclass(frozen=True)
class LiveDataset:
    """What a system really holds for a dataset: the table's columns, or whether the bucket exists."""

    dataset: str
    exists: bool
    columns: frozenset[str] | None = None


class Changes(Protocol):
    """Writes inside one unit of work of one system (``Connector.changes()``): committed
    together when the block ends where the system has transactions (SQL), applied as they
    are made where it has none (S3). Records are given as rows holding at least their key
    fields (``Connector.key_fields``); each call returns how many records it changed, and a
    record already changed (gone, anonymised, restricted) counts nothing, so reruns are safe."""

    def delete(self, dataset: Dataset, rows: Sequence[Row]) -> int:
        """Delete records (an object: every version and delete marker)."""

    def delete_by(
        self,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        returning: Sequence[str],
    ) -> list[tuple[Any, ...]]:
        """Delete records whose ``fields`` take one of ``values`` without reading them first;
        their ``returning`` columns. Only where ``Connector.changes_by_reference``."""

    def anonymise_by(
        self,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        change: Any,
        returning: Sequence[str],
    ) -> list[tuple[Any, ...]]:
        """Apply an anonymisation of constant values to the records whose ``fields`` take one
        of ``values`` and are not anonymised yet, without reading them first; their
        ``returning`` columns. Only where ``Connector.changes_by_reference``."""

    def anonymise(self, dataset: Dataset, rows: Sequence[Row], change: Any) -> int:
        """Apply an anonymisation (``gdpr.retention.anonymise.Anonymisation``) to the records
        not anonymised yet, locking them first so a concurrent run waits and finds them done."""

    def restrict(self, dataset: Dataset, rows: Sequence[Row], flag: str) -> int:
        """Set the restriction ``flag`` (Art. 18) on the records where it is not set."""

    def set_value(self, dataset: Dataset, rows: Sequence[Row], field: str, value: Any) -> list[Any]:
        """Set ``field`` to ``value`` where it differs (rectification); the previous values."""

    def append(self, dataset: Dataset, rows: Sequence[Row]) -> int:
        """Add new records (``rows``: field -> value); how many were added. A key field the
        rows leave out (or give as None) gets its value where the system numbers its records
        itself (an autoincrement or identity column, a server default); otherwise one is made
        after the column's live type: a fresh UUID for a UUID column, the next integer for an
        integer column (after the largest among the records sharing the rest of the key),
        random text for a text column. SQL systems (a bucket's objects are not appended to).
        The caller's rows are not changed."""


class Connector(Protocol):
    system: System
    # dependants can be deleted or anonymised from their parents' keys, unread
    changes_by_reference: bool
    anonymises: bool  # records can be anonymised in place (an object cannot: it is kept)

    def ping(self) -> None:
        """Raise ``SystemUnreachableError`` unless the system answers."""

    def inspect(self) -> dict[str, LiveDataset]:
        """What the system holds for each dataset of the map, by dataset name."""

    def undeclared(self) -> list[str]:
        """What the system holds that no dataset of the map declares, one phrase each: a table
        no dataset names, a key prefix whose objects no key template matches. For the DPO's
        `gdpr check`, never Airflow's logs: a key prefix may be someone's identifier."""

    def find(
        self, dataset: Dataset, criterion: Criterion, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        """Matching records' ``columns``, in batches (S3 rows also carry ``key``)."""

    def key_fields(self, dataset: Dataset) -> tuple[str, ...]:
        """The fields that identify one record of ``dataset`` in rows this connector returns."""

    def scan(
        self, dataset: Dataset, columns: Sequence[str] | None = None, batch_size: int = 5000
    ) -> Iterator[list[Row]]:
        """Every record of a dataset, in batches (S3: every object of any version)."""

    def select_expired(
        self,
        dataset: Dataset,
        *,
        column: str | None,
        sql: str | None,
        at: datetime,
        day: date,
        done: Any = None,
        selection: Callable[[Any, Any], Any] | None = None,
        cutoff: Callable[[str], Any] | None = None,
    ) -> Iterator[list[tuple[Any, ...]]]:
        """Keys of the records whose start is before ``at`` (``day`` for a date column), in key
        order and in pages (read them all before changing anything), leaving out those ``done``
        (an anonymisation) says are already anonymised. The start is one of: ``selection(tables, table)``, a compiled declarative rule
        (``gdpr.retention.rules``); the keys a hand-written ``sql`` selects with ``:cutoff``,
        bound as ``cutoff(dialect name)`` types it; ``column``; an object's newest version.
        A system that cannot run a kind of selection raises ``SelectionRefusedError``."""

    def deletion_order(self, datasets: Sequence[Dataset]) -> set[tuple[str, str]]:
        """Pairs ``(a, b)`` of dataset names whose records the system itself requires to be
        deleted a before b (its foreign keys), whatever direction the map declares."""

    def foreign_keys(
        self, datasets: Sequence[Dataset]
    ) -> set[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
        """The references the system itself keeps between these datasets (a database's foreign
        keys, from the live schema): (dataset name, its fields, referenced dataset name, their
        fields). Erasure cuts these fields in the records it keeps anonymised."""

    def required_fields(self, dataset: Dataset) -> frozenset[str]:
        """Fields the system refuses to empty (NOT NULL columns): an anonymisation that would
        set one to NULL is refused before anything changes."""

    def pending(
        self,
        dataset: Dataset,
        rows: Sequence[Row],
        action: str,
        *,
        change: Any = None,
        flag: str | None = None,
    ) -> int:
        """How many of these records an ``action`` (delete, anonymise with ``change``,
        restrict with ``flag``) would still change: records (objects: any version) present,
        not yet anonymised, not yet restricted."""

    def locked(self, dataset: Dataset, rows: Sequence[Row]) -> dict[tuple[Any, ...], Lock]:
        """Records the system keeps when asked to delete them, by normalised key: those it
        refuses to delete under a retention it enforces (an object under Object Lock retention
        or legal hold: ``LockNature.RETENTION``), and those it cannot erase at all (no API
        operation removes them: ``LockNature.TECHNICAL``), each with the reason in a sentence."""

    def download(self, dataset: Dataset, row: Row, version: Any, target: Path) -> int:
        """Write one version holding data of an object record (``row`` from ``find``,
        ``version`` one of its ``versions``) to the local file ``target``: the object itself,
        or the archive member the row names. Returns the bytes written. Objects only."""

    def reading(self) -> AbstractContextManager[None]:
        """Reads inside the block share one connection where that saves round trips."""

    def changes(self) -> AbstractContextManager[Changes]:
        """A unit of work: see ``Changes``."""

    def close(self) -> None: ...


@contextmanager
def reading(
    connectors: Mapping[str, Connector], systems: Iterable[str] | None = None
) -> Iterator[None]:
    """Reads of these systems (default: every one) inside the block share one connection per
    system (``Connector.reading``): where the connector keeps one for its life (SQL), the same
    from block to block, checked out and pre-pinged once per task rather than once per block
    or per look-up. Re-entrant, as ``Connector.reading`` is."""
    with ExitStack() as stack:
        for name in sorted(set(connectors if systems is None else systems)):
            stack.enter_context(connectors[name].reading())
        yield


def find_any(
    connector: Connector, dataset: Dataset, criteria: Sequence[Criterion], columns: Sequence[str]
) -> Iterable[tuple[frozenset[int], list[Row]]]:
    """Records meeting any of ``criteria``, in groups of records meeting the same ones, each
    with the indexes of those criteria (a dataset a subject reaches by several links: by
    e-mail and by account, by customer and by prospect): the caller files a group at once,
    not record by record (a large subject's 100,000). A connector that can ask for them
    together has ``find_together``, which gives them all (SQL: one statement, the criteria
    joined by OR; one criterion as it, without the batches of ``find``) or None when these
    criteria do not fit in one request; otherwise each criterion is asked alone, and a record
    two criteria find comes back once for each."""
    together = getattr(connector, "find_together", None)
    found = together(dataset, criteria, columns) if together else None
    return _one_by_one(connector, dataset, criteria, columns) if found is None else found


def _one_by_one(
    connector: Connector, dataset: Dataset, criteria: Sequence[Criterion], columns: Sequence[str]
) -> Iterator[tuple[frozenset[int], list[Row]]]:
    for n, criterion in enumerate(criteria):
        tag = frozenset((n,))
        for batch in connector.find(dataset, criterion, columns):
            yield tag, batch
