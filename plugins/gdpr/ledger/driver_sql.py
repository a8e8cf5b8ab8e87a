"""The ledger's hot statements, sent as driver SQL (``Connection.exec_driver_sql``).

Why: see ``gdpr.paramstyle`` (a fresh engine compiles each Core statement again, several
times the cost of sending it); an erasure sends about ten ledger statements.
The ledger's schema is fixed (``gdpr.ledger.schema``), so the statements an erasure, a purge or a
notification sends on every call (the evidence insert, the chain head's lock and update, the
notification claim and its settlement, the reference checks, the evidence and legal hold reads)
are rendered here once per process for each (dialect name, paramstyle), from the schema's own
tables and the dialect's quoting, and sent with ``exec_driver_sql``, which still fires
SQLAlchemy's events and raises SQLAlchemy's errors.

Values are converted by the columns' own types, as Core converts them: each column's bind and
result processors (``TypeEngine.dialect_impl(dialect)``: ``UTCDateTime``'s UTC instants, the
JSON documents, SQLite's text dates), kept per dialect object since an engine's JSON
serialiser is its own. ``tests/integration/test_ledger_driver_sql.py`` checks that rows written
and read here are those of the Core path on every database.
"""

from __future__ import annotations

import weakref
from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from gdpr import paramstyle
from gdpr.ledger import schema

__all__ = [
    "active_holds",
    "evidence",
    "existing",
    "insert_evidence",
    "insert_notification",
    "lock_head",
    "reclaim_notification",
    "settle_notifications",
    "write_head",
]

# rendered SQL, by (dialect name, paramstyle, statement and shape)
_SQL: dict[tuple[Any, ...], str] = {}
# each dialect object's processors, by table: {column: (bind, result)}
_PROCESSORS: weakref.WeakKeyDictionary[sa.Dialect, dict[str, dict[str, tuple[Any, Any]]]] = (
    weakref.WeakKeyDictionary()
)
_ROW_TYPES: dict[str, type] = {}
_PG_ROWS_PER_INSERT = 1000  # 14 parameters a row: far below PostgreSQL's 65,535
_DUPLICATE_KEY = 1062  # MariaDB's ER_DUP_ENTRY


def _row_type(table: sa.Table) -> type:
    """A row of ``table`` with attribute access and ``_mapping``, like a SQLAlchemy ``Row``."""
    found = _ROW_TYPES.get(table.name)
    if found is None:
        base = namedtuple(f"{table.name}_row", [c.name for c in table.c])  # type: ignore[misc]
        found = type(base.__name__, (base,), {"__slots__": (), "_mapping": property(_asdict)})
        _ROW_TYPES[table.name] = found
    return found


def _asdict(row: Any) -> dict[str, Any]:
    return row._asdict()


def _processors(dialect: sa.Dialect, table: sa.Table) -> dict[str, tuple[Any, Any]]:
    by_table = _PROCESSORS.get(dialect)
    if by_table is None:
        by_table = _PROCESSORS[dialect] = {}
    found = by_table.get(table.name)
    if found is None:
        found = by_table[table.name] = {}
        for column in table.c:
            impl = column.type.dialect_impl(dialect)
            # no DBAPI type code: none of the ledger's types needs one
            found[column.name] = (
                impl.bind_processor(dialect),
                impl.result_processor(dialect, None),
            )
    return found


def _bind(conn: sa.Connection, table: sa.Table, column: str, value: Any) -> Any:
    process = _processors(conn.dialect, table)[column][0]
    return value if process is None else process(value)


def _rows(conn: sa.Connection, table: sa.Table, raw: Iterable[Sequence[Any]]) -> list[Any]:
    """Driver rows holding every column of ``table`` in order, converted as Core converts."""
    processors = [result for _, result in _processors(conn.dialect, table).values()]
    make = _row_type(table)._make
    return [
        make(v if p is None else p(v) for p, v in zip(processors, row, strict=True)) for row in raw
    ]


class _Marks:
    """Placeholders of the dialect's paramstyle (``gdpr.paramstyle``), numbered across one
    statement."""

    def __init__(self, paramstyle: str) -> None:
        self.paramstyle = paramstyle
        self.n = 0

    def __call__(self, count: int = 1) -> str:
        start, self.n = self.n, self.n + count
        return ", ".join(paramstyle.placeholder(self.paramstyle, n) for n in range(start, self.n))


def _sql(conn: sa.Connection, shape: tuple[Any, ...], render: Callable[..., str]) -> str:
    """The statement ``render(quote, marks)`` makes for this dialect, rendered once."""
    dialect = conn.dialect
    key = (dialect.name, dialect.paramstyle, *shape)
    sql = _SQL.get(key)
    if sql is None:
        marks = _Marks(paramstyle.check(dialect.paramstyle))
        sql = _SQL[key] = render(dialect.identifier_preparer.quote, marks)
    return sql


def _params(conn: sa.Connection, values: Sequence[Any]) -> Any:
    return paramstyle.parameters(conn.dialect.paramstyle, values)


def _run(conn: sa.Connection, sql: str, values: Sequence[Any]) -> sa.CursorResult[Any]:
    return conn.exec_driver_sql(sql, _params(conn, values))


def _columns(table: sa.Table, quote: Callable[[str], str], qualified: bool = False) -> str:
    prefix = f"{quote(table.name)}." if qualified else ""
    return ", ".join(prefix + quote(c.name) for c in table.c)


# -- the evidence chain ---------------------------------------------------------------------


def insert_evidence(conn: sa.Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert evidence rows (every column given): one statement of up to a thousand rows on
    PostgreSQL, the driver's ``executemany`` elsewhere (SQLite's is in process; PyMySQL's
    writes one multi-row insert, split at its packet size)."""
    ev = schema.evidence
    names = [c.name for c in ev.c]
    processors = [bind for bind, _ in _processors(conn.dialect, ev).values()]
    bound = [
        [v if p is None else p(v) for p, v in zip(processors, (row[n] for n in names), strict=True)]
        for row in rows
    ]

    def render(count: int) -> Callable[..., str]:
        def sql(quote: Callable[[str], str], marks: _Marks) -> str:
            values = ", ".join(f"({marks(len(names))})" for _ in range(count))
            return f"INSERT INTO {quote(ev.name)} ({_columns(ev, quote)}) VALUES {values}"

        return sql

    if conn.dialect.name != "postgresql":
        if len(bound) == 1:
            _run(conn, _sql(conn, ("evidence.insert", 1), render(1)), bound[0])
        elif bound:
            params = [_params(conn, values) for values in bound]
            conn.exec_driver_sql(_sql(conn, ("evidence.insert", 1), render(1)), params)
        return
    for start in range(0, len(bound), _PG_ROWS_PER_INSERT):
        chunk = bound[start : start + _PG_ROWS_PER_INSERT]
        sql = _sql(conn, ("evidence.insert", len(chunk)), render(len(chunk)))
        _run(conn, sql, [v for values in chunk for v in values])


def lock_head(conn: sa.Connection) -> Any | None:
    """The chain head, read under a write lock (``FOR UPDATE``; on SQLite, which ignores it, a
    no-op write first takes the database's write lock)."""
    head = schema.head
    if conn.dialect.name == "sqlite":

        def touch(quote: Callable[[str], str], marks: _Marks) -> str:
            count = quote("count")
            return f"UPDATE {quote(head.name)} SET {count}={count} WHERE {quote('id')} = {marks()}"

        _run(conn, _sql(conn, ("head.touch",), touch), [1])

    def select(quote: Callable[[str], str], marks: _Marks) -> str:
        lock = "" if conn.dialect.name == "sqlite" else " FOR UPDATE"
        return f"SELECT {_columns(head, quote)} FROM {quote(head.name)} WHERE {quote('id')} = {marks()}{lock}"

    rows = _rows(conn, head, _run(conn, _sql(conn, ("head.lock",), select), [1]).all())
    return rows[0] if rows else None


def write_head(conn: sa.Connection, count: int, last_hash: str, at: datetime) -> None:
    head = schema.head

    def sql(quote: Callable[[str], str], marks: _Marks) -> str:
        sets = ", ".join(
            f"{quote(name)}={marks()}" for name in ("count", "last_hash", "updated_at")
        )
        return f"UPDATE {quote(head.name)} SET {sets} WHERE {quote('id')} = {marks()}"

    values = [
        _bind(conn, head, "count", count),
        _bind(conn, head, "last_hash", last_hash),
        _bind(conn, head, "updated_at", at),
        1,
    ]
    _run(conn, _sql(conn, ("head.write",), sql), values)


def evidence(
    conn: sa.Connection,
    *,
    run_pk: int | None = None,
    request_id: str | None = None,
    request_ids: Sequence[str] | None = None,
    actions: Sequence[str] | None = None,
    rule: str | None = None,
    outside_successful_runs: bool = False,
) -> list[Any]:
    """Evidence rows in id order, on the conditions given (``Ledger.evidence``)."""
    ev, runs = schema.evidence, schema.runs
    conditions: list[tuple[str, list[Any]]] = []  # (column, values): = for one, IN for a list
    if run_pk is not None:
        conditions.append(("run_pk", [run_pk]))
    if request_id is not None:
        conditions.append(("request_id", [request_id]))
    if request_ids is not None:
        conditions.append(("request_id", list(request_ids)))
    if actions is not None:
        conditions.append(("action", list(actions)))
    if rule is not None:
        conditions.append(("rule", [rule]))
    if any(not given for _, given in conditions):
        return []  # an empty IN list matches nothing
    shape = ("evidence.select", outside_successful_runs, *((c, len(v)) for c, v in conditions))

    def sql(quote: Callable[[str], str], marks: _Marks) -> str:
        table, where = quote(ev.name), []
        source = table
        if outside_successful_runs:
            other = quote(runs.name)
            source += (
                f" LEFT OUTER JOIN {other} ON {other}.{quote('pk')} = {table}.{quote('run_pk')}"
            )
            where.append(
                f"({other}.{quote('pk')} IS NULL OR {other}.{quote('status')} != {marks()})"
            )
        where += [
            _in(f"{table}.{quote(column)}", marks, len(values)) for column, values in conditions
        ]
        text = f"SELECT {_columns(ev, quote, qualified=True)} FROM {source}"
        if where:
            text += " WHERE " + " AND ".join(where)
        return text + f" ORDER BY {table}.{quote('id')}"

    values: list[Any] = ["success"] if outside_successful_runs else []
    for column, given in conditions:
        values += [_bind(conn, ev, column, v) for v in given]
    return _rows(conn, ev, _run(conn, _sql(conn, shape, sql), values))


def _in(column: str, marks: _Marks, count: int) -> str:
    return f"{column} = {marks()}" if count == 1 else f"{column} IN ({marks(count)})"


def existing(conn: sa.Connection, table: sa.Table, column: str, values: Sequence[Any]) -> set[Any]:
    """Which of ``values`` (at most a thousand) are in ``table.column``."""
    if not values:
        return set()

    def sql(quote: Callable[[str], str], marks: _Marks) -> str:
        return (
            f"SELECT {quote(column)} FROM {quote(table.name)} "
            f"WHERE {_in(quote(column), marks, len(values))}"
        )

    bound = [_bind(conn, table, column, v) for v in values]
    rows = _run(conn, _sql(conn, ("existing", table.name, column, len(values)), sql), bound)
    process = _processors(conn.dialect, table)[column][1]
    return {value if process is None else process(value) for (value,) in rows}


# -- notifications --------------------------------------------------------------------------

_CLAIM = ("topic", "target", "occasion", "channel", "recipient")


def insert_notification(conn: sa.Connection, values: Mapping[str, Any]) -> bool:
    """Insert a notification's claim row (every column but ``id``) unless its key is on record;
    whether it was inserted. A duplicate leaves the transaction usable (the claim can then be
    taken over, or the caller's other statements go on in it: ``Ledger.atomic``): PostgreSQL
    and SQLite skip it (``ON CONFLICT DO NOTHING``), MariaDB, which has no such clause but
    ``INSERT IGNORE`` (which would also truncate an over-long value in silence), rolls back to
    a savepoint. Another transaction's uncommitted claim of the same key is waited for."""
    note = schema.notifications
    names = [c.name for c in note.c if c.name != "id"]
    skip = conn.dialect.name in ("postgresql", "sqlite")

    def sql(quote: Callable[[str], str], marks: _Marks) -> str:
        columns = ", ".join(quote(n) for n in names)
        tail = " ON CONFLICT DO NOTHING" if skip else ""
        return f"INSERT INTO {quote(note.name)} ({columns}) VALUES ({marks(len(names))}){tail}"

    bound = [_bind(conn, note, name, values.get(name)) for name in names]
    statement = _sql(conn, ("notification.insert",), sql)
    if skip:
        return _run(conn, statement, bound).rowcount == 1
    try:
        with conn.begin_nested():
            _run(conn, statement, bound)
    except sa.exc.IntegrityError as exc:
        if _DUPLICATE_KEY not in getattr(exc.orig, "args", ())[:1]:
            raise
        return False
    return True


def reclaim_notification(
    conn: sa.Connection, key: Mapping[str, str], now: datetime, stale_before: datetime
) -> int:
    """Claim again a notification whose send failed or whose claim went stale; rows taken."""
    note = schema.notifications

    def sql(quote: Callable[[str], str], marks: _Marks) -> str:
        status, claimed = quote("status"), quote("claimed_at")
        sets = f"{status}={marks()}, {claimed}={marks()}"
        same = " AND ".join(f"{quote(n)} = {marks()}" for n in _CLAIM)
        retry = f"({status} = {marks()} OR ({status} = {marks()} AND {claimed} < {marks()}))"
        return f"UPDATE {quote(note.name)} SET {sets} WHERE {same} AND {retry}"

    values = [
        "claimed",
        _bind(conn, note, "claimed_at", now),
        *(key[n] for n in _CLAIM),
        "failed",
        "claimed",
        _bind(conn, note, "claimed_at", stale_before),
    ]
    return _run(conn, _sql(conn, ("notification.reclaim",), sql), values).rowcount


def settle_notifications(
    conn: sa.Connection,
    key: Mapping[str, str],
    targets: Sequence[str],
    sent_at: datetime | None,
    claimed_at: datetime | None = None,
) -> tuple[int, list[Any]]:
    """Mark claimed notifications of ``targets`` (at most a thousand; with ``claimed_at``, only
    those claimed then) sent at ``sent_at``, or failed when it is None: how many, and the rows
    marked sent as stored (returned by the update where the database can, else read back), in
    id order."""
    note = schema.notifications
    sent = sent_at is not None
    returning = sent and conn.dialect.update_returning
    ours = ("topic", "occasion", "channel", "recipient")
    owned = claimed_at is not None
    claim = [_bind(conn, note, "claimed_at", claimed_at)] if owned else []

    def where(quote: Callable[[str], str], marks: _Marks) -> str:
        # placeholders are numbered in the order ``marks`` is called: the text's order
        same = " AND ".join(f"{quote(n)} = {marks()}" for n in ours)
        status = f"{quote('status')} = {marks()}"
        mine = f" AND {quote('claimed_at')} = {marks()}" if owned else ""
        return f"{same} AND {status}{mine} AND {_in(quote('target'), marks, len(targets))}"

    def update(quote: Callable[[str], str], marks: _Marks) -> str:
        sets = f"{quote('status')}={marks()}" + (f", {quote('sent_at')}={marks()}" if sent else "")
        text = f"UPDATE {quote(note.name)} SET {sets} WHERE {where(quote, marks)}"
        return text + (f" RETURNING {_columns(note, quote)}" if returning else "")

    at = _bind(conn, note, "sent_at", sent_at)
    values = ["sent", at] if sent else ["failed"]
    values += [*(key[n] for n in ours), "claimed", *claim, *targets]
    shape = ("notification.settle", sent, returning, owned, len(targets))
    result = _run(conn, _sql(conn, shape, update), values)
    if not sent:
        return result.rowcount, []
    if returning:
        rows = _rows(conn, note, result.all())
    else:
        count = result.rowcount

        def select(quote: Callable[[str], str], marks: _Marks) -> str:
            text = f"SELECT {_columns(note, quote)} FROM {quote(note.name)} "
            text += f"WHERE {where(quote, marks)} AND {quote('sent_at')} = {marks()}"
            return text + f" ORDER BY {quote('id')}"

        shape = ("notification.sent", owned, len(targets))
        values = [*(key[n] for n in ours), "sent", *claim, *targets, at]
        rows = _rows(conn, note, _run(conn, _sql(conn, shape, select), values))
        return count, rows
    return len(rows), sorted(rows, key=lambda r: r.id)


# -- legal holds ----------------------------------------------------------------------------


def active_holds(conn: sa.Connection, now: datetime) -> list[Any]:
    """The holds not lifted and not past their end at ``now``, oldest first."""
    holds = schema.legal_holds

    def sql(quote: Callable[[str], str], marks: _Marks) -> str:
        ends = quote("ends_at")
        return (
            f"SELECT {_columns(holds, quote)} FROM {quote(holds.name)} "
            f"WHERE {quote('released_at')} IS NULL AND ({ends} IS NULL OR {ends} > {marks()}) "
            f"ORDER BY {quote('id')}"
        )

    bound = [_bind(conn, holds, "ends_at", now)]
    return _rows(conn, holds, _run(conn, _sql(conn, ("holds.active",), sql), bound))
