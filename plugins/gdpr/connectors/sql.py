"""SQL systems (PostgreSQL, MariaDB/MySQL, SQLite) on SQLAlchemy 2 Core.

Tables are addressed through lightweight ``sa.table()`` constructs built from the data map, so
nothing is reflected on the hot path; reflection is only for comparing the live schema with the
map. Reads stream with server-side cursors; writes are batched, one transaction per batch, so
a failure loses at most the batch in flight and a rerun picks up where it stopped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from gdpr.connectors.base import (
    ByIdentity,
    Criterion,
    LiveDataset,
    Row,
    SystemUnreachableError,
)
from gdpr.datamap.models import Dataset, System

IN_LIST_SIZE = 1000  # values per IN (...) list: well under every driver's parameter limit


class SqlConnector:
    def __init__(self, system: System, engine: sa.Engine):
        self.system = system
        self.engine = engine
        self._column_types: dict[str, dict[str, sa.types.TypeEngine]] = {}
        self._pinned: sa.Connection | None = None

    # -- protocol -----------------------------------------------------------------------------
    def ping(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.DBAPIError as exc:
            raise SystemUnreachableError(self.system, _short(exc)) from exc

    def inspect(self) -> dict[str, LiveDataset]:
        self.ping()
        inspector = sa.inspect(self.engine)
        live = {}
        for dataset in self.system.datasets:
            tables = set(inspector.get_table_names(schema=dataset.db_schema))
            if dataset.table_name not in tables:
                live[dataset.name] = LiveDataset(dataset.name, exists=False)
                continue
            columns = inspector.get_columns(dataset.table_name, schema=dataset.db_schema)
            live[dataset.name] = LiveDataset(
                dataset.name, True, frozenset(c["name"] for c in columns)
            )
        return live

    def find(
        self, dataset: Dataset, criterion: Criterion, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        table = self.table(dataset)
        select = sa.select(*(table.c[name] for name in columns))
        if isinstance(criterion, ByIdentity):
            column = _normalised(table.c[criterion.field], criterion.kind)
            yield from self._stream(select.where(column == criterion.value))
            return
        # One IN-list's matches are bounded by the list: fetched at once, no server-side cursor.
        # Rows are built from plain tuples: SQLAlchemy's mapping rows cost three times as much,
        # which shows in a purge reading millions of them.
        names = list(columns)
        for chunk in _chunks(criterion.values, IN_LIST_SIZE):
            with self._connection() as conn:
                found = conn.execute(select.where(self._in(table, criterion.fields, chunk))).all()
            if found:
                yield [dict(zip(names, row, strict=True)) for row in found]

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Reads inside the block share one connection: a batch of look-ups pays one checkout."""
        with self.engine.connect() as conn:
            self._pinned = conn
            try:
                yield
            finally:
                self._pinned = None
                conn.rollback()

    @contextmanager
    def _connection(self) -> Iterator[sa.Connection]:
        if self._pinned is not None:
            yield self._pinned
        else:
            with self.engine.connect() as conn:
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def _in(
        self, table: sa.TableClause, fields: Sequence[str], values: Sequence[tuple]
    ) -> sa.ColumnElement[bool]:
        """``field IN (values)``; on PostgreSQL, integer or text keys go as ONE array parameter
        (``= ANY(:array)``): SQLAlchemy renders no bind parameter per value, which halves the
        client-side cost of a 1000-key look-up and plans the same index scan."""
        kinds = {type(v[0]) for v in values} if len(fields) == 1 else set()
        if self.engine.dialect.name == "postgresql" and kinds in ({int}, {str}):
            element = sa.BigInteger() if kinds == {int} else sa.Text()
            array = sa.bindparam(None, [v[0] for v in values], type_=postgresql.ARRAY(element))
            return table.c[fields[0]] == sa.any_(array)
        return _in(table, fields, values)

    # -- reads ----------------------------------------------------------------------------------
    def table(self, dataset: Dataset) -> sa.TableClause:
        return sa.table(
            dataset.table_name,
            *(sa.column(name) for name in dataset.fields),
            schema=dataset.db_schema,
        )

    def stream(
        self,
        dataset: Dataset,
        columns: Sequence[str] | None = None,
        where: sa.ColumnElement[bool] | None = None,
        batch_size: int = 5000,
    ) -> Iterator[list[Row]]:
        """Every matching row, ``batch_size`` at a time, through a server-side cursor."""
        table = self.table(dataset)
        select = sa.select(*(table.c[name] for name in (columns or dataset.fields)))
        if where is not None:
            select = select.where(where)
        yield from self._stream(select, batch_size)

    def count(self, dataset: Dataset, where: sa.ColumnElement[bool] | None = None) -> int:
        select = sa.select(sa.func.count()).select_from(self.table(dataset))
        if where is not None:
            select = select.where(where)
        with self.engine.connect() as conn:
            return int(conn.execute(select).scalar_one())

    def is_date_column(self, dataset: Dataset, column: str) -> bool:
        """Whether a column holds dates without time, so a cutoff is compared as a calendar day."""
        if dataset.name not in self._column_types:
            columns = sa.inspect(self.engine).get_columns(
                dataset.table_name, schema=dataset.db_schema
            )
            self._column_types[dataset.name] = {c["name"]: c["type"] for c in columns}
        kind = self._column_types[dataset.name][column]
        return isinstance(kind, sa.Date) and not isinstance(kind, sa.DateTime)

    def stream_select(self, select: sa.Select, batch_size: int = 5000) -> Iterator[list[Row]]:
        """Any select built on ``table()``, streamed in batches."""
        yield from self._stream(select, batch_size)

    def _stream(self, select: sa.Select, batch_size: int = 5000) -> Iterator[list[Row]]:
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(
                select
            )
            for partition in result.mappings().partitions(batch_size):
                yield [dict(row) for row in partition]

    # -- batched writes -----------------------------------------------------------------------
    def insert(
        self, dataset: Dataset, rows: Iterable[Mapping[str, Any]], batch_size: int = 5000
    ) -> Iterator[int]:
        """Insert rows, one transaction per batch; yields the count written by each batch."""
        table = self.table(dataset)
        for batch in _chunks(rows, batch_size):
            with self.engine.begin() as conn:
                conn.execute(sa.insert(table), [dict(r) for r in batch])
            yield len(batch)

    def delete(
        self,
        dataset: Dataset,
        key_fields: Sequence[str],
        keys: Iterable[tuple],
        batch_size: int = 1000,
    ) -> Iterator[int]:
        """Delete rows by key, one transaction per batch; yields rows deleted per batch.

        Deleting a key that is already gone deletes nothing, so a rerun after a failure is safe.
        """
        for batch in _chunks(keys, batch_size):
            with self.engine.begin() as conn:
                yield self.delete_keys(conn, dataset, key_fields, batch)

    def update(
        self,
        dataset: Dataset,
        key_fields: Sequence[str],
        keys: Iterable[tuple],
        values: Mapping[str, Any],
        batch_size: int = 1000,
    ) -> Iterator[int]:
        """Set ``values`` on rows by key, one transaction per batch; yields rows matched per batch."""
        for batch in _chunks(keys, batch_size):
            with self.engine.begin() as conn:
                yield self.update_keys(conn, dataset, key_fields, batch, values)

    # -- writes inside the caller's transaction ----------------------------------------------
    def delete_by(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple],
        returning: Sequence[str],
    ) -> list[tuple]:
        """Delete the rows whose ``fields`` take one of ``values`` and return their ``returning``
        columns: one statement per IN-list instead of a read and a delete by key."""
        table = self.table(dataset)
        keys = [table.c[k] for k in returning]
        out: list[tuple] = []
        for chunk in _chunks(values, IN_LIST_SIZE):
            where = self._in(table, fields, chunk)
            if self.engine.dialect.delete_returning:
                out += [
                    tuple(r) for r in conn.execute(sa.delete(table).where(where).returning(*keys))
                ]
            else:
                found = [tuple(r) for r in conn.execute(sa.select(*keys).where(where))]
                conn.execute(sa.delete(table).where(where))
                out += found
        return out

    def delete_keys(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        key_fields: Sequence[str],
        keys: Sequence[tuple],
    ) -> int:
        """Delete rows by key; returns the rows deleted (a key already gone counts nothing)."""
        table = self.table(dataset)
        return sum(
            conn.execute(sa.delete(table).where(self._in(table, key_fields, chunk))).rowcount
            for chunk in _chunks(keys, IN_LIST_SIZE)
        )

    def update_keys(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        key_fields: Sequence[str],
        keys: Sequence[tuple],
        values: Mapping[str, Any],
    ) -> int:
        """Set the same ``values`` on rows by key."""
        table = self.table(dataset)
        return sum(
            conn.execute(
                sa.update(table).where(self._in(table, key_fields, chunk)).values(**values)
            ).rowcount
            for chunk in _chunks(keys, IN_LIST_SIZE)
        )

    def update_rows(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        key_fields: Sequence[str],
        rows: Sequence[Mapping[str, Any]],
    ) -> int:
        """Set per-row values (each row carries its key fields and new values) in one executemany."""
        if not rows:
            return 0
        table = self.table(dataset)
        changed = [c for c in rows[0] if c not in key_fields]
        where = sa.and_(*(table.c[k] == sa.bindparam(f"key_{k}") for k in key_fields))
        statement = sa.update(table).where(where).values({c: sa.bindparam(c) for c in changed})
        params = [
            {**{c: r[c] for c in changed}, **{f"key_{k}": r[k] for k in key_fields}} for r in rows
        ]
        conn.execute(statement, params)
        return len(rows)


def _normalised(column: sa.ColumnElement[Any], kind: str) -> sa.ColumnElement[Any]:
    """Stored identities are compared in the form ``normalise_identity`` gives the searched value.

    lower(trim(x)) matches an expression index of the same shape on PostgreSQL.
    """
    trimmed = sa.func.trim(column)
    return sa.func.lower(trimmed) if kind == "email" else trimmed


def _in(
    table: sa.TableClause, fields: Sequence[str], values: Sequence[tuple]
) -> sa.ColumnElement[bool]:
    if len(fields) == 1:
        return table.c[fields[0]].in_([v[0] for v in values])
    return sa.tuple_(*(table.c[f] for f in fields)).in_([tuple(v) for v in values])


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _short(exc: sa.exc.DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
