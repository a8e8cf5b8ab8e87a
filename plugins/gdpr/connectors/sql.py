"""SQL systems (PostgreSQL, MariaDB/MySQL, SQLite) on SQLAlchemy 2 Core.

Tables are addressed through lightweight ``sa.table()`` constructs built from the data map; the
only reflection is of column types, once per connector, and for comparing the live schema with
the map. Reads stream with server-side cursors; writes are batched, one transaction per batch, so
a failure loses at most the batch in flight and a rerun picks up where it stopped.

Keys are bound through ``gdpr.connectors.keys`` with the columns' real types (all the system's
tables reflected in one go, on first use): a UUID column is compared with UUIDs, an integer
column with integers, whatever type the caller's key values have; a padded CHAR comes back
without its padding, as MariaDB returns it. Writes by key (deletes, updates, anonymisations,
their locking reads) and a subject's look-ups are rendered as driver SQL, not compiled by
SQLAlchemy (``_by_keys``, ``_Lookup``).
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from operator import itemgetter
from typing import Any

import sqlalchemy as sa

from gdpr.batches import chunks
from gdpr.connectors import keys as key_codec
from gdpr.connectors.base import (
    ByIdentities,
    ByIdentity,
    ByReference,
    Criterion,
    LiveDataset,
    Lock,
    Matching,
    Row,
    SelectionRefusedError,
    SystemUnreachableError,
)
from gdpr.datamap.models import Dataset, System
from gdpr.ledger import identity as identity_codec
from gdpr.paramstyle import DriverParams
from gdpr.retention.anonymise import TOKEN_PREFIX, Anonymisation, is_anonymised

IN_LIST_SIZE = 1000  # values per IN (...) list: well under every driver's parameter limit
# values per look-up where they go as ONE array parameter (PostgreSQL, single-column keys):
# no parameter limit applies, so a large subject's children are found in a statement or two
ARRAY_SIZE = 100_000
_FIRST = frozenset((0,))  # the criteria a row of a look-up of one criterion meets


class SqlConnector:
    def __init__(self, system: System, engine: sa.Engine):
        self.system = system
        self.engine = engine
        # dataset name -> column -> reflected type, for the tables reflected so far
        self._column_types: dict[str, dict[str, sa.types.TypeEngine]] = {}
        self._not_null: dict[str, frozenset[str]] = {}  # dataset name -> NOT NULL columns
        # the connection ``pinned()`` holds, per thread: a purge discovers its next batch in
        # another thread while this one writes
        self._local = threading.local()
        # the connection kept checked out for the connector's life (``pinned()``), released
        # when it is closed, when its engine is disposed (a task's clients) or when it goes
        self._kept = _Kept(engine)
        weakref.finalize(self, self._kept.forget)
        # (schema, table, columns, shape of the criteria) -> the look-up statement built for it
        self._lookups: dict[tuple[Any, ...], _Lookup] = {}
        self._bindings: dict[tuple[Any, ...], key_codec.KeyBinding] = {}  # ``_binding``

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

    def undeclared(self) -> list[str]:
        """Tables of the schemas the datasets live in that no dataset declares."""
        self.ping()
        inspector = sa.inspect(self.engine)
        declared = {(d.db_schema, d.table_name) for d in self.system.datasets}
        found = []
        for schema in sorted({d.db_schema for d in self.system.datasets}, key=str):
            for name in sorted(inspector.get_table_names(schema=schema)):
                if (schema, name) not in declared:
                    found.append(f"table {schema + '.' if schema else ''}{name}")
        return found

    def find(
        self, dataset: Dataset, criterion: Criterion, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        if isinstance(criterion, ByIdentity) and criterion.kind == "phone":
            yield from self._find_phone(dataset, criterion, columns)
            return
        if isinstance(criterion, ByIdentities):
            if criterion.kind == "phone":  # each number needs its own comparison
                for value in criterion.values:
                    one = ByIdentity(criterion.field, value, criterion.kind)
                    yield from self._find_phone(dataset, one, columns)
                return
            for chunk in chunks(criterion.values, IN_LIST_SIZE):
                one = ByIdentities(criterion.field, tuple(chunk), criterion.kind)
                found = self._rows(dataset, one, columns)
                if found:
                    yield found
            return
        if isinstance(criterion, ByIdentity):  # one subject's records: fetched at once
            found = self._rows(dataset, criterion, columns)
            if found:
                yield found
            return
        if isinstance(criterion, Matching):
            table = self.table(dataset)
            select = sa.select(*(table.c[name] for name in columns))
            try:  # the condition reflects the column types; the database may refuse it
                select = select.where(criterion.condition(self, table))
                if criterion.among is None:
                    fixers = self._read_fixers(dataset, columns)
                    for batch in self._stream(select):
                        yield _fixed(batch, fixers)
                    return
            except sa.exc.DBAPIError as exc:
                raise SelectionRefusedError(_short(exc)) from exc
            among = criterion.among
            fixers = self._read_fixers(dataset, columns)
            for chunk in chunks(among.values, self._in_size(dataset, among.fields)):
                where = self._in(table, among.fields, chunk, dataset)
                rows = self._all(select.where(where), columns, fixers)
                if rows:
                    yield rows
            return
        # One IN-list's matches are bounded by the list: fetched at once.
        for chunk in chunks(criterion.values, self._in_size(dataset, criterion.fields)):
            found = self._rows(dataset, ByReference(criterion.fields, chunk), columns)
            if found:
                yield found

    def find_together(
        self, dataset: Dataset, criteria: Sequence[Criterion], columns: Sequence[str]
    ) -> list[tuple[frozenset[int], list[Row]]] | None:
        """Rows meeting any of ``criteria``, grouped by the indexes of the criteria they meet,
        from ONE statement (``gdpr.connectors.base.find_any``): a dataset the subject reaches
        by several links (a consent by its customer or its prospect, a ticket by e-mail or by
        account) is read as a hand-written query would, the criteria joined by OR, each row
        saying which it met (a CASE column per criterion: the database compares, so an
        identity matches exactly as its own look-up would). None when they do not fit in one
        statement (a phone number, more values than one IN-list takes). One criterion is
        asked as ``find`` would, without its batches: a subject's look-ups each fit in one."""
        lookup = self._lookup(dataset, criteria, columns)
        if lookup is None or not lookup.fits(criteria):
            return None
        return self._look_up(lookup, criteria)

    def _in_size(
        self, dataset: Dataset, fields: Sequence[str], conn: sa.Connection | None = None
    ) -> int:
        """Keys per look-up or write on ``fields``: one array (PostgreSQL) or one IN-list;
        ``conn``: a transaction's connection, where the types are reflected if need be."""
        return ARRAY_SIZE if self._binding(dataset, fields, conn).array else IN_LIST_SIZE

    def _rows(self, dataset: Dataset, criterion: Criterion, columns: Sequence[str]) -> list[Row]:
        """The rows one criterion finds (its values within one statement's size)."""
        one = [criterion]
        lookup = self._lookup(dataset, one, columns)
        assert lookup is not None, "a phone number or a Matching has look-ups of its own"
        found = self._look_up(lookup, one)
        return found[0][1] if found else []

    def _look_up(
        self, lookup: _Lookup, criteria: Sequence[Criterion]
    ) -> list[tuple[frozenset[int], list[Row]]]:
        """The rows meeting any of ``criteria`` (identities or references, each within one
        statement's size) in one round trip, grouped by the indexes of the criteria they
        meet (one criterion: one group, with the index 0).

        The statement's parts (quoted names, each criterion's condition) are built once per
        dataset, columns and shape of the criteria (``_lookup``); its SQL is rendered for the
        values and sent on the driver's cursor (``_fetch``), with no statement built, keyed
        or compiled by SQLAlchemy per look-up, which was most of a subject resolution's time
        beside the database's own. Rows are built from plain tuples."""
        values = _values(lookup, criteria)
        if values is None:
            return []  # no value any record could hold: nothing to ask
        found = self._fetch(lookup, values)
        if not found:
            return []
        # each row a dict of the columns, built without Python code per row (a large
        # subject's 100,000); with several criteria, the CASE columns after the names are
        # left out of it (zip stops at the names)
        rows = _fixed(list(map(dict, map(partial(zip, lookup.columns), found))), lookup.fixers)
        if len(criteria) == 1:
            return [(_FIRST, rows)]
        width = len(lookup.columns)
        by_hits: dict[tuple[Any, ...], list[Row]] = {}  # the CASE columns' values -> rows
        for record, row in zip(found, rows, strict=True):
            by_hits.setdefault(tuple(record[width:]), []).append(row)
        return [
            (frozenset(n for n, hit in enumerate(hits) if hit), group)
            for hits, group in by_hits.items()
        ]

    def _lookup(
        self, dataset: Dataset, criteria: Sequence[Criterion], columns: Sequence[str]
    ) -> _Lookup | None:
        """The statement of ``_look_up`` for this shape, built on first use (per connector)
        and kept once the table's types are known (they are what binds its keys); None for
        criteria no statement can ask (``_shapes``)."""
        shapes = _shapes(criteria)
        if shapes is None:
            return None
        cache_key = (dataset.db_schema, dataset.table_name, tuple(columns), shapes)
        found = self._lookups.get(cache_key)
        if found is not None:
            return found
        conditions = [self._condition(dataset, c) for c in criteria]
        lookup = _Lookup.of(
            _select_sql(self._table_sql(dataset), self._quoted(columns), conditions),
            conditions,
            columns,
            self._read_fixers(dataset, columns),
        )
        if dataset.name in self._column_types:  # types known: the shape will not change
            self._lookups[cache_key] = lookup
        return lookup

    def _condition(self, dataset: Dataset, criterion: Criterion) -> _Condition:
        """A criterion of this shape as a condition on the dataset's table (``_Condition``).
        Identities are compared in their normal form, by the database (``_normalised``)."""
        if isinstance(criterion, ByIdentity | ByIdentities):
            column = _normalised(self._quoted([criterion.field])[0], criterion.kind)
            if isinstance(criterion, ByIdentity):
                return _Condition(lambda v, params: f"{column} = {params.add(v)}", _identity, _ONE)
            return _Condition(
                lambda v, params: f"{column} IN ({params.extend(v)})", _identities, _LISTED
            )
        assert isinstance(criterion, ByReference)
        binding = self._binding(dataset, criterion.fields)
        columns = self._quoted(criterion.fields)
        dialect = self.engine.dialect
        return _Condition(
            lambda v, params: binding.sql(dialect, columns, v, params),
            partial(_references, binding),
            _ARRAY if binding.array else _LISTED,
        )

    def _quoted(self, names: Iterable[str]) -> list[str]:
        quote = self.engine.dialect.identifier_preparer.quote
        return [quote(name) for name in names]

    def count_together(self, lookups: Sequence[tuple[Dataset, Criterion]]) -> list[int] | None:
        """How many records each ``(dataset, criterion)`` finds, from ONE statement (a count
        subquery per look-up): for a check most of whose look-ups find nothing (an erasure's
        verification that its deleted records are gone, a dozen tables in one round trip).
        None when they do not fit in one statement (see ``_Lookup.fits``)."""
        criteria = [c for _, c in lookups]
        shapes = _shapes(criteria)
        if shapes is None:
            return None
        cache_key = ("count", tuple((d.db_schema, d.table_name) for d, _ in lookups), shapes)
        lookup = self._lookups.get(cache_key)
        if lookup is None:
            conditions = [self._condition(d, c) for d, c in lookups]
            tables = [self._table_sql(d) for d, _ in lookups]
            lookup = _Lookup.of(_count_sql(tables, conditions), conditions, (), {})
            if all(d.name in self._column_types for d, _ in lookups):
                self._lookups[cache_key] = lookup
        if not lookup.fits(criteria):
            return None
        values = _values(lookup, criteria)
        if values is None:
            return [0] * len(lookups)
        (row,) = self._fetch(lookup, values)
        return [int(n) for n in row]

    def _all(
        self, select: sa.Select, columns: Sequence[str], fixers: Mapping[str, Any]
    ) -> list[Row]:
        """Every row of a bounded look-up at once, in one round trip (a server-side cursor
        costs three or four: declare, fetch until empty, close), built from plain tuples:
        SQLAlchemy's mapping rows cost three times as much, which shows in a purge reading
        millions of them."""
        with self._connection() as conn:
            found = conn.execute(select).all()
        names = list(columns)
        return _fixed([dict(zip(names, row, strict=True)) for row in found], fixers)

    def _find_phone(
        self, dataset: Dataset, criterion: ByIdentity, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        """Rows whose stored phone number is ``criterion.value``. A number can be stored in
        any spelling ("06 12 34 56 78", "+33 6...", "0033..."): the database keeps the rows
        whose digits, separators removed, end with the number's last digits, and each of those
        is compared exactly through the product's normaliser (``gdpr.ledger.identity``).
        Other identities compare lower(trim(x)) / trim(x) in the database (``_normalised``;
        an expression index of that shape serves it)."""
        table = self.table(dataset)
        fixers = self._read_fixers(dataset, columns)
        column = table.c[criterion.field]
        names = list(dict.fromkeys([*columns, criterion.field]))
        select = sa.select(*(table.c[name] for name in names))
        digits = column
        for separator in identity_codec.PHONE_SEPARATORS:
            digits = sa.func.replace(digits, separator, "")
        tail = identity_codec.phone_tail(criterion.value)
        for batch in self._stream(select.where(digits.like(f"%{tail}"))):
            kept = [
                row
                for row in batch
                if identity_codec.stored_phone_matches(row[criterion.field], criterion.value)
            ]
            if criterion.field not in columns:
                for row in kept:
                    del row[criterion.field]
            if kept:
                yield _fixed(kept, fixers)

    # -- protocol: scans, selections, units of work -------------------------------------------
    changes_by_reference = True
    anonymises = True

    def key_fields(self, dataset: Dataset) -> tuple[str, ...]:
        return tuple(dataset.primary_key)

    def scan(
        self, dataset: Dataset, columns: Sequence[str] | None = None, batch_size: int = 5000
    ) -> Iterator[list[Row]]:
        yield from self.stream(dataset, columns, batch_size=batch_size)

    def select_expired(
        self,
        dataset: Dataset,
        *,
        column: str | None,
        sql: str | None,
        at: datetime,
        day: date,
        done: Anonymisation | None = None,
        selection: Callable[[Any, Any], Any] | None = None,
        cutoff: Callable[[str], Any] | None = None,
    ) -> Iterator[list[tuple[Any, ...]]]:
        """One streamed pass over the keys, in pages of 50,000; the caller reads them all
        before anything is deleted: no cursor stays open on a table while the purge writes to
        it (SQLite would not allow it, and the selection would drift under its own deletions).
        ``selection(connector, table)``: a compiled declarative rule
        (``gdpr.retention.rules``); ``cutoff(dialect)``: the typed :cutoff of a SQL file
        (``gdpr.retention.rules.cutoff_param``)."""
        table = self.table(dataset)
        pk = [table.c[name] for name in dataset.primary_key]
        if selection is not None:
            try:
                select = selection(self, table)
            except sa.exc.DBAPIError as exc:  # reflecting the column types
                raise SelectionRefusedError(_short(exc)) from exc
        elif column:
            limit = day if self.is_date_column(dataset, column) else at
            select = sa.select(*pk).where(table.c[column] < limit)
        else:
            text = sa.text(sql or "").bindparams(
                cutoff(self.engine.dialect.name)
                if cutoff is not None
                else sa.bindparam("cutoff", at)
            )
            expired = text.columns(*(sa.column(name) for name in dataset.primary_key)).subquery(
                "expired"
            )
            select = sa.select(*pk).where(
                sa.tuple_(*pk).in_(sa.select(*expired.c))
                if len(pk) > 1
                else pk[0].in_(sa.select(*expired.c))
            )
        if done is not None:  # records already anonymised are done: a rerun selects nothing
            select = select.where(sa.not_(is_anonymised(table, done)))
        try:
            yield from self._stream_keys(dataset, select.order_by(*pk), 50_000)
        except sa.exc.DBAPIError as exc:
            raise SelectionRefusedError(_short(exc)) from exc

    def _stream_keys(
        self, dataset: Dataset, select: sa.Select, batch_size: int
    ) -> Iterator[list[tuple[Any, ...]]]:
        """The keys ``select`` gives, streamed in batches as plain tuples: a selection of a
        million keys builds no mapping or dict per row."""
        names = list(dataset.primary_key)
        fixers = self._read_fixers(dataset, names)
        fix = [fixers.get(name) for name in names]
        with self._connection() as conn:  # inside ``reading()``: its one connection
            result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(
                select
            )
            columns = list(result.keys())
            places = [columns.index(name) for name in names]
            for partition in result.partitions(batch_size):
                if len(places) == 1:  # most keys: each value in a 1-tuple, made in C
                    keys = list(zip(map(itemgetter(places[0]), partition)))
                else:
                    keys = list(map(itemgetter(*places), partition))
                if fixers:
                    keys = [
                        tuple(f(v) if f else v for f, v in zip(fix, key, strict=True))
                        for key in keys
                    ]
                yield keys

    def deletion_order(self, datasets: Sequence[Dataset]) -> set[tuple[str, str]]:
        """Pairs ``(a, b)`` of dataset names where the database's own foreign keys make a's
        records go before b's (a references b), read from the live schema: a map may declare a
        reference in the direction that finds the subject while the foreign key points the
        other way."""
        return {(a, b) for a, _, b, _ in self.foreign_keys(datasets) if a != b}

    def foreign_keys(
        self, datasets: Sequence[Dataset]
    ) -> set[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
        """The foreign keys between these datasets' tables, from the live schema: (dataset,
        its columns, referenced dataset, their columns). One catalogue query per schema for
        all its tables (not one per table: a cold erasure task reads a dozen tables' keys)."""
        by_table = {(d.db_schema, d.table_name): d.name for d in datasets}
        inspector = sa.inspect(self.engine)
        found: set[tuple[str, tuple[str, ...], str, tuple[str, ...]]] = set()
        schemas: dict[str | None, list[Dataset]] = {}
        for dataset in datasets:
            schemas.setdefault(dataset.db_schema, []).append(dataset)
        for schema, members in schemas.items():
            try:
                keys = inspector.get_multi_foreign_keys(
                    schema=schema,
                    filter_names=sorted({d.table_name for d in members}),
                    kind=sa.engine.reflection.ObjectKind.ANY,
                )
            except sa.exc.NoSuchTableError:
                keys = {}
            by_name = {table: fks for (_, table), fks in keys.items()}
            for dataset in members:
                for fk in by_name.get(dataset.table_name, ()):
                    target = by_table.get(
                        (fk.get("referred_schema") or dataset.db_schema, fk["referred_table"])
                    )
                    if target:
                        found.add(
                            (
                                dataset.name,
                                tuple(fk["constrained_columns"]),
                                target,
                                tuple(fk["referred_columns"]),
                            )
                        )
        return found

    def required_fields(self, dataset: Dataset) -> frozenset[str]:
        """The table's NOT NULL columns, from the reflection that gives the columns' types."""
        self.column_types(dataset)
        return self._not_null.get(dataset.name, frozenset())

    def pending(
        self,
        dataset: Dataset,
        rows: Sequence[Row],
        action: str,
        *,
        change: Anonymisation | None = None,
        flag: str | None = None,
    ) -> int:
        table = self.table(dataset)
        keys = [tuple(row[f] for f in dataset.primary_key) for row in rows]
        total = 0
        with self.engine.connect() as conn:
            for chunk in chunks(keys, IN_LIST_SIZE):
                where = self._in(table, dataset.primary_key, chunk, dataset, conn)
                if action == "anonymise" and change is not None:
                    where = where & sa.not_(is_anonymised(table, change))
                elif action == "restrict" and flag:
                    where = where & (table.c[flag].is_(None) | (table.c[flag] == sa.false()))
                total += conn.execute(
                    sa.select(sa.func.count()).select_from(table).where(where)
                ).scalar_one()
        return total

    def locked(self, dataset: Dataset, rows: Sequence[Row]) -> dict[tuple[Any, ...], Lock]:
        return {}  # a row under a database lock waits; it is not refused

    def reading(self) -> AbstractContextManager[None]:
        return self.pinned()

    @contextmanager
    def changes(self) -> Iterator[SqlChanges]:
        with self.engine.begin() as conn:
            yield SqlChanges(self, conn)

    @property
    def _pinned(self) -> sa.Connection | None:
        return getattr(self._local, "pinned", None)

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Reads inside the block share one connection: the connector's kept one (``_Kept``),
        checked out, and pre-pinged, once for the connector's life rather than once per block,
        so a task resolving subject after subject pays no checkout and no ping per
        resolution; while another thread's block holds it, one of the pool's for this block.
        The block's transaction, if one began, ends with it. Re-entrant: a block inside
        another keeps the outer block's connection. Per thread."""
        if self._pinned is not None:
            yield
            return
        lent = self._kept.lend()
        if lent is None:
            with self.engine.connect() as conn:
                self._local.pinned, self._local.unverified = conn, False
                try:
                    yield
                finally:
                    self._unpin(conn)
            return
        conn, reused = lent
        self._local.pinned, self._local.unverified = conn, reused
        try:
            yield
        finally:
            try:
                self._unpin(conn)
            finally:
                self._kept.give_back(conn)

    def _unpin(self, conn: sa.Connection) -> None:
        """The block is over: its transaction, if one began, ends, and the thread's reads
        go back to taking a connection each."""
        self._local.pinned, self._local.unverified = None, False
        conn.rollback()

    def _connection(self) -> AbstractContextManager[sa.Connection]:
        """The block's connection (``pinned``), else one of the pool's for this use alone:
        no generator per look-up, which a subject's dozen look-ups would each pay."""
        pinned = self._pinned
        return nullcontext(pinned) if pinned is not None else self.engine.connect()

    def close(self) -> None:
        self._kept.forget()
        self.engine.dispose()

    def _fetch(self, lookup: _Lookup, values: Sequence[Any]) -> Any:
        """``_fetch`` on the block's connection (``pinned``), else on one of the pool's for
        this look-up alone; once more on a new connection if the kept connection, idle
        since an earlier block, turns out dead at the block's first look-up (the server
        restarted, an idle timeout): what the pool's pre-ping finds at a checkout, found
        without a ping per block. A look-up only reads, so asking it again changes nothing."""
        local = self._local
        conn = getattr(local, "pinned", None)
        if conn is None:
            with self.engine.connect() as own:
                return _fetch(own, lookup, values)
        unverified = local.unverified
        if unverified:
            local.unverified = False
        try:
            return _fetch(conn, lookup, values)
        except sa.exc.DBAPIError as exc:
            if not (unverified and exc.connection_invalidated):
                raise
        conn.rollback()  # the dead connection's transaction, if any: the next use reconnects
        return _fetch(conn, lookup, values)

    def keys_in(
        self,
        table: sa.TableClause,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple],
        conn: sa.Connection | None = None,
    ) -> sa.ColumnElement[bool]:
        """``fields IN (values)`` on ``table`` (the caller's ``table(dataset)``), each value bound
        as its column's type (``gdpr.connectors.keys.in_clause``); for SQL a capability builds."""
        return self._in(table, fields, values, dataset, conn)

    def _binding(
        self, dataset: Dataset, fields: Sequence[str], conn: sa.Connection | None = None
    ) -> key_codec.KeyBinding:
        """How keys on ``fields`` are bound (``gdpr.connectors.keys.KeyBinding``); asked for
        every look-up and write, so made once per dataset and fields once their types are
        known."""
        cache_key = (dataset.db_schema, dataset.table_name, tuple(fields))
        found = self._bindings.get(cache_key)
        if found is None:
            types = self.column_types(dataset, conn)
            found = key_codec.KeyBinding.of(
                self.engine.dialect.name, [types.get(f) for f in fields]
            )
            if dataset.name in self._column_types:  # types known: the binding will not change
                self._bindings[cache_key] = found
        return found

    def _in(
        self,
        table: sa.TableClause,
        fields: Sequence[str],
        values: Sequence[tuple],
        dataset: Dataset,
        conn: sa.Connection | None = None,
    ) -> sa.ColumnElement[bool]:
        """``field IN (values)`` through the key codec, with the columns' reflected types: on
        PostgreSQL a single-column key goes as ONE typed array parameter (``= ANY(:array)``),
        which halves the client-side cost of a 1000-key look-up and plans the same index scan."""
        types = self.column_types(dataset, conn)
        return key_codec.in_clause(
            self.engine.dialect.name,
            [table.c[f] for f in fields],
            [types.get(f) for f in fields],
            values,
        )

    def column_types(
        self, dataset: Dataset, conn: sa.Connection | None = None
    ) -> dict[str, sa.types.TypeEngine]:
        """The dataset's columns and their live types, reflected once for every table of the
        system (one catalogue query per schema, not one per look-up)."""
        if dataset.name not in self._column_types:
            if conn is not None:
                self._reflect(conn, dataset)
            else:
                with self._connection() as own:
                    self._reflect(own, dataset)
        # a table not there (yet): no types, values go untyped, and it is reflected next time
        return self._column_types.get(dataset.name, {})

    def _reflect(self, conn: sa.Connection, wanted: Dataset) -> None:
        datasets = [d for d in self.system.datasets if d.db_schema == wanted.db_schema]
        if wanted not in datasets:
            datasets.append(wanted)
        try:
            found = sa.inspect(conn).get_multi_columns(
                schema=wanted.db_schema,
                filter_names=sorted({d.table_name for d in datasets}),
                kind=sa.engine.reflection.ObjectKind.ANY,
            )
        except sa.exc.NoSuchTableError:
            found = {}
        by_table = {table: columns for (_, table), columns in found.items()}
        for d in datasets:
            if d.name not in self._column_types and d.table_name in by_table:
                columns = by_table[d.table_name]
                self._column_types[d.name] = {c["name"]: c["type"] for c in columns}
                self._not_null[d.name] = frozenset(
                    c["name"] for c in columns if not c.get("nullable", True)
                )

    def _read_fixers(self, dataset: Dataset, columns: Iterable[str]) -> dict[str, Any]:
        if self.engine.dialect.name != "postgresql":
            return {}  # only PostgreSQL pads CHAR(n) values it returns
        types = self.column_types(dataset)
        return key_codec.read_fixers("postgresql", {c: types.get(c) for c in columns})

    # -- reads ----------------------------------------------------------------------------------
    def table(self, dataset: Dataset, extra: Iterable[str] = ()) -> sa.TableClause:
        """The dataset's table with its mapped fields, and ``extra`` columns the map does not
        list (a foreign key the database has and the map does not declare, cut on anonymisation)."""
        names = dict.fromkeys([*dataset.fields, *extra])
        return sa.table(
            dataset.table_name, *(sa.column(name) for name in names), schema=dataset.db_schema
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
        names = list(columns or dataset.fields)
        select = sa.select(*(table.c[name] for name in names))
        if where is not None:
            select = select.where(where)
        fixers = self._read_fixers(dataset, names)
        for batch in self._stream(select, batch_size):
            yield _fixed(batch, fixers)

    def count(self, dataset: Dataset, where: sa.ColumnElement[bool] | None = None) -> int:
        select = sa.select(sa.func.count()).select_from(self.table(dataset))
        if where is not None:
            select = select.where(where)
        with self.engine.connect() as conn:
            return int(conn.execute(select).scalar_one())

    def is_date_column(self, dataset: Dataset, column: str) -> bool:
        """Whether a column holds dates without time, so a cutoff is compared as a calendar day."""
        kind = self.column_types(dataset).get(column)
        return isinstance(kind, sa.Date) and not isinstance(kind, sa.DateTime)

    def stream_select(self, select: sa.Select, batch_size: int = 5000) -> Iterator[list[Row]]:
        """Any select built on ``table()``, streamed in batches."""
        yield from self._stream(select, batch_size)

    def _stream(self, select: sa.Select, batch_size: int = 5000) -> Iterator[list[Row]]:
        with self._connection() as conn:  # inside ``reading()``: its one connection
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
        for batch in chunks(rows, batch_size):
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
        for batch in chunks(keys, batch_size):
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
        for batch in chunks(keys, batch_size):
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
        return self._by_reference(conn, dataset, fields, values, returning)

    def anonymise_by(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple],
        change: Anonymisation,
        returning: Sequence[str],
    ) -> list[tuple]:
        """Give the rows whose ``fields`` take one of ``values``, not anonymised yet, the
        change's constant values, and return their ``returning`` columns: one UPDATE per
        IN-list instead of a read, a locking read and an update by key."""
        return self._by_reference(conn, dataset, fields, values, returning, change)

    def _by_reference(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple],
        returning: Sequence[str],
        change: Anonymisation | None = None,
    ) -> list[tuple]:
        """Delete (``change`` None), or give the change's constant values to, the rows
        referring to ``values`` not anonymised yet, and return their ``returning`` columns:
        with RETURNING where the dialect has it for the statement, else a locking read of
        the same rows first (inside the caller's transaction, so both see the same rows).
        The columns are untyped (``table()``): their values come as the driver gives them."""
        dialect = self.engine.dialect
        quote = dialect.identifier_preparer.quote
        keys = ", ".join(map(quote, returning))
        write = (
            _delete(self._table_sql(dataset))
            if change is None
            else _update(self._table_sql(dataset), change.constant, quote)
        )
        returns = dialect.delete_returning if change is None else dialect.update_returning
        out: list[tuple] = []
        if returns:
            tail = f" RETURNING {keys}"
            for result in self._by_keys(conn, dataset, fields, values, write, change, tail):
                out += _driver_rows(result)
        else:
            read = _select(self._table_sql(dataset), keys)
            lock = _for_update(dialect)
            for chunk in chunks(values, self._in_size(dataset, fields, conn)):
                for found in self._by_keys(conn, dataset, fields, chunk, read, change, lock):
                    out += [tuple(row) for row in found]
                for _ in self._by_keys(conn, dataset, fields, chunk, write, change):
                    pass
        fixers = self._read_fixers(dataset, returning)
        if fixers:
            fix = [fixers.get(k) for k in returning]
            out = [tuple(f(v) if f else v for f, v in zip(fix, row, strict=True)) for row in out]
        return out

    def _by_keys(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        fields: Sequence[str],
        keys: Sequence[tuple],
        head: Callable[[DriverParams], str],
        unchanged: Anonymisation | None = None,
        tail: str = "",
    ) -> Iterator[sa.CursorResult[Any]]:
        """``head`` (``DELETE FROM t``, ``UPDATE t SET ..``, ``SELECT .. FROM t``) on the rows
        whose ``fields`` take one of ``keys`` (and, with ``unchanged``, not anonymised yet by
        it), then ``tail``: one statement per array or IN-list of keys, each result yielded.

        The SQL is rendered here and sent with ``Connection.exec_driver_sql`` (which fires
        SQLAlchemy's execution events, handles errors and gives an exact rowcount), not
        compiled by SQLAlchemy: each Airflow task builds its engines, so every Core statement
        was compiled at least once per task, and a ``DELETE .. WHERE id = ANY(:keys)`` cost
        some 0.45 ms of CPU through ``Connection.execute`` against 0.07 ms as driver SQL: half
        the client's time in one subject's erasure (a dozen such writes). Identifiers are
        quoted by the dialect's preparer; the key condition is the key codec's
        (``KeyBinding.sql``: PostgreSQL arrays, IN-lists, row-value IN-lists for composite
        keys) in the driver's paramstyle; a key no column can hold is never sent, and a
        chunk of only such keys sends nothing (it would change no row)."""
        binding = self._binding(dataset, fields, conn)
        dialect = self.engine.dialect
        quote = dialect.identifier_preparer.quote
        columns = self._quoted(fields)
        for chunk in chunks(keys, ARRAY_SIZE if binding.array else IN_LIST_SIZE):
            values = binding.values(chunk)
            if values is None:
                continue
            params = DriverParams(dialect)
            sql = f"{head(params)} WHERE {binding.sql(dialect, columns, values, params)}"
            if unchanged is not None:
                sql += f" AND NOT {_anonymised(unchanged, quote, params)}"
            yield conn.exec_driver_sql(sql + tail, params.parameters)

    def _table_sql(self, dataset: Dataset) -> str:
        """The dataset's table as SQL names it (schema-qualified, quoted where need be)."""
        preparer = self.engine.dialect.identifier_preparer
        name = preparer.quote(dataset.table_name)
        return f"{preparer.quote_schema(dataset.db_schema)}.{name}" if dataset.db_schema else name

    def delete_keys(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        key_fields: Sequence[str],
        keys: Sequence[tuple],
    ) -> int:
        """Delete rows by key; returns the rows deleted (a key already gone counts nothing)."""
        delete = _delete(self._table_sql(dataset))
        return sum(r.rowcount for r in self._by_keys(conn, dataset, key_fields, keys, delete))

    def update_keys(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        key_fields: Sequence[str],
        keys: Sequence[tuple],
        values: Mapping[str, Any],
        unchanged: Anonymisation | None = None,
    ) -> int:
        """Set the same ``values`` on rows by key (with ``unchanged``: on those not anonymised
        by it yet); returns the rows matched."""
        quote = self.engine.dialect.identifier_preparer.quote
        update = _update(self._table_sql(dataset), values, quote)
        return sum(
            r.rowcount for r in self._by_keys(conn, dataset, key_fields, keys, update, unchanged)
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
        changed = [c for c in rows[0] if c not in key_fields]
        table = self.table(dataset, changed)
        where = sa.and_(*(table.c[k] == sa.bindparam(f"key_{k}") for k in key_fields))
        statement = sa.update(table).where(where).values({c: sa.bindparam(c) for c in changed})
        params = [
            {**{c: r[c] for c in changed}, **{f"key_{k}": r[k] for k in key_fields}} for r in rows
        ]
        result = conn.execute(statement, params)
        # rows really matched where the driver reports it for an executemany
        return result.rowcount if self.engine.dialect.supports_sane_multi_rowcount else len(rows)

    # -- new records -----------------------------------------------------------------------------
    def append_rows(
        self, conn: sa.Connection, dataset: Dataset, rows: Sequence[Mapping[str, Any]]
    ) -> int:
        """Insert new records in the caller's transaction (``Changes.append``): a key field the
        rows leave out is numbered by the database where the column numbers itself, otherwise
        generated here after the column's reflected type (``_new_key_values``)."""
        new = [dict(r) for r in rows]
        if not new:
            return 0
        columns = self._live_columns(conn, dataset)
        typed: dict[str, sa.types.TypeEngine] = {}
        pk = list(dataset.primary_key)
        for field in pk:
            missing = [r for r in new if r.get(field) is None]
            if not missing:
                continue
            column = columns.get(field)
            if column is None:
                raise SelectionRefusedError(
                    f"{dataset.name}: the table has no key column {field!r} to fill"
                )
            if column.get("numbers_itself"):
                for row in missing:
                    row.pop(field, None)
                continue
            given = [f for f in pk if f != field and all(r.get(f) is not None for r in new)]
            values = self._new_key_values(conn, dataset, column, given, missing)
            for row, value in zip(missing, values, strict=True):
                row[field] = value
            if (
                self.engine.dialect.name == "postgresql"
                and key_codec.column_kind(column["type"]) == key_codec.UUID
            ):
                typed[field] = column["type"]  # bound as a native uuid
        table = sa.table(
            dataset.table_name,
            *(sa.column(name, typed.get(name)) for name in dataset.fields),
            schema=dataset.db_schema,
        )
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in new:  # one executemany per set of fields given
            groups.setdefault(tuple(sorted(row)), []).append(row)
        for group in groups.values():
            conn.execute(sa.insert(table), group)
        return len(new)

    def _live_columns(self, conn: sa.Connection, dataset: Dataset) -> dict[str, dict[str, Any]]:
        """The table's reflected columns by name (type, default, autoincrement, identity), with
        ``numbers_itself`` for its key columns; reflected once per connector and table."""
        cache: dict[str, dict[str, dict[str, Any]]] = self.__dict__.setdefault("_live", {})
        if dataset.name not in cache:
            try:
                found = sa.inspect(conn).get_columns(dataset.table_name, schema=dataset.db_schema)
            except sa.exc.NoSuchTableError as exc:
                raise SelectionRefusedError(
                    f"{dataset.name}: no table {dataset.table_name!r}"
                ) from exc
            columns = {c["name"]: dict(c) for c in found}
            pk = list(dataset.primary_key)
            for name in pk:
                if name in columns:
                    columns[name]["numbers_itself"] = self._numbers_itself(
                        conn, dataset, columns[name], pk
                    )
            cache[dataset.name] = columns
        return cache[dataset.name]

    def _numbers_itself(
        self, conn: sa.Connection, dataset: Dataset, column: Mapping[str, Any], pk: Sequence[str]
    ) -> bool:
        """Whether the database gives the column a value when an insert leaves it out: an
        autoincrement or identity column, a server default, or SQLite's rowid alias (a
        single-column key declared exactly INTEGER)."""
        if column.get("autoincrement") is True or column.get("identity") or column.get("default"):
            return True
        if self.engine.dialect.name != "sqlite" or len(pk) != 1:
            return False
        preparer = self.engine.dialect.identifier_preparer
        schema = f"{preparer.quote_schema(dataset.db_schema)}." if dataset.db_schema else ""
        info = conn.exec_driver_sql(
            f"PRAGMA {schema}table_info({preparer.quote_identifier(dataset.table_name)})"
        ).all()
        declared = {row[1]: str(row[2]).strip().upper() for row in info}
        return declared.get(column["name"]) == "INTEGER"

    def _new_key_values(
        self,
        conn: sa.Connection,
        dataset: Dataset,
        column: Mapping[str, Any],
        given: Sequence[str],
        rows: Sequence[Mapping[str, Any]],
    ) -> list[Any]:
        """A new value of the key ``column`` for each row, after its reflected type: a UUID
        (native, or its text in a text column: 32 hex digits in a CHAR(32), dashed otherwise),
        or the next integers after the largest stored among the records sharing the key's
        ``given`` fields. Integers are unique within this transaction; a concurrent writer
        numbering the same table may collide, and the insert then fails without writing."""
        name, type_ = column["name"], column["type"]
        kind = key_codec.column_kind(type_)
        dialect = self.engine.dialect.name
        if kind in (key_codec.INTEGER, key_codec.NUMERIC):
            table = sa.table(
                dataset.table_name,
                *(sa.column(f) for f in {name, *given}),
                schema=dataset.db_schema,
            )
            out: list[Any] = []
            following: dict[tuple[Any, ...], int] = {}
            for row in rows:
                scope = tuple(row[f] for f in given)
                if scope not in following:
                    select = sa.select(sa.func.max(table.c[name]))
                    if given:
                        select = select.where(self._in(table, given, [scope], dataset, conn))
                    following[scope] = int(conn.execute(select).scalar() or 0) + 1
                out.append(following[scope])
                following[scope] += 1
            return out
        length = getattr(type_, "length", None)
        if kind == key_codec.UUID:
            return [key_codec.to_column(uuid.uuid4(), kind, dialect) for _ in rows]
        if kind in (key_codec.CHAR, key_codec.TEXT) and (length is None or length >= 32):
            return [
                uuid.uuid4().hex if length is not None and length < 36 else str(uuid.uuid4())
                for _ in rows
            ]
        raise SelectionRefusedError(
            f"{dataset.name}: cannot make a new value for the key column {name!r} "
            f"({type_!r}): give it in the rows, or let the database number it"
        )


def _normalised(column: str, kind: str) -> str:
    """A stored identity (``column``, quoted) in the form ``normalise_identity`` gives the
    searched value (phones excepted: see ``SqlConnector._find_phone``).

    lower(trim(x)) matches an expression index of the same shape on PostgreSQL.
    """
    return f"lower(trim({column}))" if kind == "email" else f"trim({column})"


def _delete(table: str) -> Callable[[DriverParams], str]:
    """The head of a DELETE by keys (``SqlConnector._by_keys``)."""
    return lambda _: f"DELETE FROM {table}"


def _select(table: str, columns: str) -> Callable[[DriverParams], str]:
    """The head of a SELECT by keys (``SqlConnector._by_keys``)."""
    return lambda _: f"SELECT {columns} FROM {table}"


def _update(
    table: str, values: Mapping[str, Any], quote: Callable[[str], str]
) -> Callable[[DriverParams], str]:
    """The head of an UPDATE by keys (``SqlConnector._by_keys``) setting ``values``."""

    def head(params: DriverParams) -> str:
        changes = ", ".join(f"{quote(c)} = {params.add_value(v)}" for c, v in values.items())
        return f"UPDATE {table} SET {changes}"

    return head


def _for_update(dialect: sa.Dialect) -> str:
    """The tail of a locking read by keys: none on SQLite, whose writer locks the file (as
    SQLAlchemy's ``with_for_update`` renders nothing there)."""
    return "" if dialect.name == "sqlite" else " FOR UPDATE"


def _anonymised(change: Anonymisation, quote: Callable[[str], str], params: DriverParams) -> str:
    """``gdpr.retention.anonymise.is_anonymised`` as driver SQL (``SqlConnector._by_keys``):
    every field changed holds its anonymised value, or null (a token: its prefix)."""
    conditions = [
        f"{quote(name)} IS NULL"
        if value is None
        else f"({quote(name)} IS NULL OR {quote(name)} = {params.add_value(value)})"
        for name, value in change.constant.items()
    ]
    conditions += [
        f"({quote(name)} IS NULL OR {quote(name)} LIKE {params.add_value(TOKEN_PREFIX + '%')})"
        for name in change.tokens
    ]
    return f"({' AND '.join(conditions)})" if conditions else "(1 = 1)"


def _fixed(batch: list[Row], fixers: Mapping[str, Any]) -> list[Row]:
    for row in batch if fixers else ():
        for name, fix in fixers.items():
            row[name] = fix(row[name])
    return batch


def _driver_rows(result: sa.CursorResult[Any]) -> list[tuple[Any, ...]]:
    """A statement's rows as the driver's own tuples, for columns SQLAlchemy does not convert:
    hundreds of thousands of keys a purge's statements return, with no ``Row`` per row."""
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _short(exc: sa.exc.DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__


@dataclass(frozen=True)
class _Condition:
    """A criterion's condition in a look-up statement: ``sql`` renders it for the value
    ``bind`` made from a criterion of its shape (its placeholders added to the statement's
    ``DriverParams``), and ``form`` says where its values go (``_Lookup.fits``)."""

    sql: Callable[[Any, DriverParams], str]
    bind: Callable[[Any], Any]
    form: str

    def render(self, value: Any, params: DriverParams) -> str:
        """The condition for ``value``; a criterion no record can match binds an empty list
        (``_values``), which no statement's IN-list or array can take: it is false."""
        return "1 = 0" if isinstance(value, list) and not value else self.sql(value, params)


@dataclass(frozen=True)
class _Lookup:
    """A look-up statement of one shape (``SqlConnector._lookup``): ``render`` gives its SQL
    for the values its criteria bind, each criterion's binder (None: no record can match it),
    where its values go (``fits``), the columns its rows carry and their read fixers.

    The SQL is rendered per call, the way the connector's writes are (``_by_keys``), not
    compiled by SQLAlchemy: identifiers quoted once by the dialect's preparer, values through
    the key codec's bind processors (``KeyBinding.sql``). A first compile cost about 0.6 ms of
    CPU per statement, more than an indexed look-up's round trip, and every Airflow task
    compiles afresh (a preview asks a dozen shapes, a verification five)."""

    render: Callable[[Sequence[Any], DriverParams], str]
    binders: tuple[Callable[[Any], Any], ...]
    forms: tuple[str, ...]
    columns: tuple[str, ...]
    fixers: Mapping[str, Any]

    @classmethod
    def of(
        cls,
        render: Callable[[Sequence[Any], DriverParams], str],
        conditions: Sequence[_Condition],
        columns: Sequence[str],
        fixers: Mapping[str, Any],
    ) -> _Lookup:
        return cls(
            render,
            tuple(c.bind for c in conditions),
            tuple(c.form for c in conditions),
            tuple(columns),
            fixers,
        )

    def fits(self, criteria: Sequence[Criterion]) -> bool:
        """Whether these criteria's values fit in this one statement: the values of its
        IN-lists within one list's size; an array's within ``ARRAY_SIZE`` (no parameter
        limit applies to it, only the memory of one statement)."""
        listed = 0
        for form, criterion in zip(self.forms, criteria, strict=True):
            if form == _LISTED:
                listed += len(criterion.values)  # type: ignore[union-attr]
            elif form == _ARRAY and len(criterion.values) > ARRAY_SIZE:  # type: ignore[union-attr]
                return False
        return listed <= IN_LIST_SIZE


# where a criterion's values go in a look-up statement (``_Lookup.forms``)
_ONE = "one"  # one identity value
_LISTED = "listed"  # an IN-list, one bind parameter per value
_ARRAY = "array"  # one array parameter


def _select_sql(
    table: str, columns: Sequence[str], conditions: Sequence[_Condition]
) -> Callable[[Sequence[Any], DriverParams], str]:
    """The rows meeting any of ``conditions``; with several, a column per condition after
    ``columns`` (1 where the row meets it, else 0: the database compares, so an identity
    matches exactly as its own look-up would), its values bound again in the WHERE clause
    (a positional driver takes a parameter once per place)."""
    head = f"SELECT {', '.join(columns)}"

    def render(values: Sequence[Any], params: DriverParams) -> str:
        if len(conditions) == 1:
            return f"{head} FROM {table} WHERE {conditions[0].render(values[0], params)}"
        pairs = list(zip(conditions, values, strict=True))
        met = "".join(f", CASE WHEN {c.render(v, params)} THEN 1 ELSE 0 END" for c, v in pairs)
        where = " OR ".join(f"({c.render(v, params)})" for c, v in pairs)
        return f"{head}{met} FROM {table} WHERE {where}"

    return render


def _count_sql(
    tables: Sequence[str], conditions: Sequence[_Condition]
) -> Callable[[Sequence[Any], DriverParams], str]:
    """How many rows of each table meet its condition: a count subquery each, one row."""

    def render(values: Sequence[Any], params: DriverParams) -> str:
        counts = ", ".join(
            f"(SELECT count(*) FROM {t} WHERE {c.render(v, params)})"
            for t, c, v in zip(tables, conditions, values, strict=True)
        )
        return f"SELECT {counts}"

    return render


def _fetch(conn: sa.Connection, lookup: _Lookup, values: Sequence[Any]) -> Sequence[Any]:
    """The rows of a look-up for the values its criteria bind, as tuples.

    Its SQL (``_Lookup``) is sent on the connection's DBAPI cursor: SQLAlchemy's own execution
    (cache key, execution context, result rows) cost more than the database's answer to an
    indexed look-up, a dozen times per subject. Inside a transaction it runs in it; outside
    one, it begins one as ``execute`` would (autobegin), except on PostgreSQL under READ
    COMMITTED, where it runs alone (``_statement_is_its_own_snapshot``). A driver error goes
    through SQLAlchemy's handling as any statement's would: the engine's ``hide_parameters``
    keeps bound values out of the message, its ``handle_error`` listeners (which withhold the
    server's details) run, and a lost connection is invalidated. While the statements are
    listened to (a test counting them, a tracer), the same SQL and parameters go through
    ``Connection.exec_driver_sql``, which fires the execution events."""
    bound = DriverParams(conn.dialect)
    sql = lookup.render(values, bound)
    parameters = bound.parameters
    on = conn.dispatch
    if on.before_cursor_execute or on.after_cursor_execute or on.before_execute or on.after_execute:
        return _driver_rows(conn.exec_driver_sql(sql, parameters))
    outside = not conn.in_transaction()
    alone = outside and _statement_is_its_own_snapshot(conn)
    if outside and not alone:
        conn.begin()  # what ``execute`` does first (autobegin): ``rollback`` then ends it
    driver = conn.connection.dbapi_connection
    if alone:
        driver.autocommit = True  # psycopg: a client-side switch, nothing sent
    try:
        cursor = driver.cursor()
        try:
            cursor.execute(sql, parameters)
            rows = cursor.fetchall()
        except Exception as exc:  # wrapped and raised the way SQLAlchemy raises a statement's
            conn._handle_dbapi_exception(exc, sql, parameters, cursor, None)
        cursor.close()
    finally:
        if alone and not driver.closed:
            driver.autocommit = False
    return rows


class _Kept:
    """The connection a connector keeps checked out for its life, lent to one reading block
    at a time (``SqlConnector.pinned``): checked out, with the pool's pre-ping, on first
    use, and again only after it was found dead; released by ``release`` (the connector
    closed or collected) or ``discard`` (its engine disposed)."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._conn: sa.Connection | None = None
        self._lent = False
        self._discard = self.discard  # one bound method: the listener ``forget`` removes
        sa.event.listen(engine, "engine_disposed", self._discard)

    def forget(self) -> None:
        """The connector is gone: its connection back to the pool, its listener off the
        engine (engines outlive connectors: a listener per connector would pile up)."""
        self.release()
        if sa.event.contains(self._engine, "engine_disposed", self._discard):
            sa.event.remove(self._engine, "engine_disposed", self._discard)

    def lend(self) -> tuple[sa.Connection, bool] | None:
        """The connection and whether an earlier block used it (unverified since), or None
        while another block holds it."""
        with self._lock:
            if self._lent:
                return None
            self._lent = True
            conn = self._conn
        if conn is not None:
            return conn, True
        try:
            conn = self._engine.connect()
        except BaseException:
            with self._lock:
                self._lent = False
            raise
        with self._lock:
            self._conn = conn
        return conn, False

    def give_back(self, conn: sa.Connection) -> None:
        """The block is over; a connection found dead goes back to the pool (to be
        replaced), not to the next block."""
        with self._lock:
            self._lent = False
            if not (conn.invalidated or conn.closed):
                return
            if self._conn is conn:
                self._conn = None
        conn.close()

    def release(self) -> None:
        """Back to the pool: the connector is closed, or gone."""
        conn = self._take()
        if conn is not None:
            conn.close()

    def discard(self, *_: Any) -> None:
        """Closed for good: the engine was disposed, and the pool it came from with it."""
        conn = self._take()
        if conn is not None:
            conn.invalidate()
            conn.close()

    def _take(self) -> sa.Connection | None:
        with self._lock:
            conn, self._conn = self._conn, None
        return conn


def _statement_is_its_own_snapshot(conn: sa.Connection) -> bool:
    """Whether a look-up outside a transaction can run in the driver's autocommit mode: on
    PostgreSQL under READ COMMITTED (its default) every statement takes its own snapshot
    inside a transaction as well, so a look-up alone sees what it would have seen there, and
    the BEGIN and ROLLBACK that a transaction costs (two round trips per connection, as many
    as three look-ups' worth) are not sent. psycopg's ``autocommit`` is a client-side switch;
    other drivers' send a statement, and MariaDB's REPEATABLE READ keeps one snapshot per
    transaction: they begin one."""
    dialect = conn.dialect
    return (
        dialect.name == "postgresql"
        and dialect.driver in ("psycopg2", "psycopg")
        # the level connections start with (read on the first connect, after an engine's
        # own ``isolation_level``), unless this connection's options change it
        and dialect.default_isolation_level == "READ COMMITTED"
        and conn.get_execution_options().get("isolation_level") in (None, "READ COMMITTED")
    )


def _values(lookup: _Lookup, criteria: Sequence[Criterion]) -> list[Any] | None:
    """The values of a look-up's bind parameters ``k<n>`` for ``criteria``; None when no
    record can match any of them (nothing to ask). A criterion no record can match (every
    key a value its column cannot hold) binds an empty list: the others still may."""
    values = [bind(c) for bind, c in zip(lookup.binders, criteria, strict=True)]
    if values.count(None) == len(values):
        return None
    return [[] if v is None else v for v in values]


def _shapes(criteria: Sequence[Criterion]) -> tuple[Any, ...] | None:
    """What a look-up statement depends on in its criteria (not their values): their form,
    their fields and an identity's kind; the types keys are bound with are the table's,
    fixed once reflected (a statement is only kept from then on). None when one cannot be
    a condition of a statement: a phone number (compared in Python once the database
    narrowed them: ``_find_phone``), a ``Matching`` (a condition of its own, read in
    batches)."""
    shapes: list[Any] = []
    for c in criteria:
        if isinstance(c, ByReference):
            shapes.append(c.fields)
        elif isinstance(c, ByIdentity | ByIdentities) and c.kind != "phone":
            shapes.append((type(c), c.field, c.kind))
        else:
            return None
    return tuple(shapes)


def _identity(criterion: ByIdentity) -> str:
    return criterion.value


def _identities(criterion: ByIdentities) -> list[str]:
    return list(criterion.values)


def _references(binding: key_codec.KeyBinding, criterion: ByReference) -> Any:
    return binding.values(criterion.values)


@dataclass(frozen=True)
class SqlChanges:
    """The protocol's writes in one transaction of one SQL system (``SqlConnector.changes``)."""

    connector: SqlConnector
    conn: sa.Connection

    def _keys(self, dataset: Dataset, rows: Sequence[Row]) -> list[tuple[Any, ...]]:
        """The rows' primary keys, taken in C (a purge batch's thousands of rows)."""
        pk = dataset.primary_key
        if len(pk) == 1:
            return list(zip(map(itemgetter(pk[0]), rows)))
        return list(map(itemgetter(*pk), rows))

    def _where(self, dataset: Dataset, table: sa.TableClause, keys: Sequence[tuple]) -> Any:
        return self.connector.keys_in(table, dataset, dataset.primary_key, keys, self.conn)

    def delete(self, dataset: Dataset, rows: Sequence[Row]) -> int:
        keys = self._keys(dataset, rows)
        if not keys:
            return 0
        return self.connector.delete_keys(self.conn, dataset, dataset.primary_key, keys)

    def delete_by(
        self,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        returning: Sequence[str],
    ) -> list[tuple[Any, ...]]:
        return self.connector.delete_by(self.conn, dataset, fields, values, returning)

    def anonymise_by(
        self,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        change: Anonymisation,
        returning: Sequence[str],
    ) -> list[tuple[Any, ...]]:
        return self.connector.anonymise_by(self.conn, dataset, fields, values, change, returning)

    def anonymise(self, dataset: Dataset, rows: Sequence[Row], change: Anonymisation) -> int:
        """Give the rows not anonymised yet the change's values; how many changed. Fixed values
        go in ONE statement per IN-list (``UPDATE ... WHERE key IN (...) AND NOT anonymised``,
        what a hand-written erasure sends); per-row tokens need the keys still to change
        first, read under lock in this transaction."""
        pk = list(dataset.primary_key)
        connector = self.connector
        if not change.tokens:
            return connector.update_keys(
                self.conn, dataset, pk, self._keys(dataset, rows), change.constant, change
            )
        dialect = connector.engine.dialect
        read = _select(
            connector._table_sql(dataset), ", ".join(map(dialect.identifier_preparer.quote, pk))
        )
        lock = _for_update(dialect)
        todo = [
            tuple(row)
            for found in connector._by_keys(
                self.conn, dataset, pk, self._keys(dataset, rows), read, change, lock
            )
            for row in found
        ]
        if not todo:
            return 0
        return self.connector.update_rows(
            self.conn,
            dataset,
            pk,
            [
                {**dict(zip(pk, key, strict=True)), **change.constant, **change.row_values()}
                for key in todo
            ],
        )

    def restrict(self, dataset: Dataset, rows: Sequence[Row], flag: str) -> int:
        table = self.connector.table(dataset)
        column = table.c[flag]
        return sum(
            self.conn.execute(
                sa.update(table)
                .where(
                    self._where(dataset, table, chunk) & (column.is_(None) | (column == sa.false()))
                )
                .values({flag: True})
            ).rowcount
            for chunk in chunks(self._keys(dataset, rows), IN_LIST_SIZE)
        )

    def set_value(self, dataset: Dataset, rows: Sequence[Row], field: str, value: Any) -> list[Any]:
        table = self.connector.table(dataset)
        column = table.c[field]
        before: list[Any] = []
        for chunk in chunks(self._keys(dataset, rows), IN_LIST_SIZE):
            where = self._where(dataset, table, chunk) & (column.is_(None) | (column != value))
            found = self.conn.execute(sa.select(column).where(where).with_for_update()).all()
            if found:
                before += [r[0] for r in found]
                self.conn.execute(sa.update(table).where(where).values({field: value}))
        return before

    def append(self, dataset: Dataset, rows: Sequence[Row]) -> int:
        return self.connector.append_rows(self.conn, dataset, rows)
