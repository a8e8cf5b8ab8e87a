"""The one key codec: every conversion of a record key, in one place.

A key is a tuple of column values (one for a single-column key, two or more for a composite
key; an S3 object's key is a one-tuple of its object key). Drivers hand the same key back as
different Python types: a UUID as ``uuid.UUID`` (PostgreSQL) or ``str`` (a CHAR(36) on
MariaDB or SQLite), an integer as ``int`` or ``Decimal`` (a NUMERIC(12, 0)), a padded CHAR
with or without its trailing spaces. This module gives each key three forms:

- **canonical** (``canonical``, ``norm_key``, ``key_text``, ``key_line``): the same value
  whatever type the driver returned. Integers (``int``, integral ``Decimal`` or ``float``)
  stay integers and booleans booleans; everything else becomes text (a UUID in its
  lower-case hyphenated form, a date in ISO 8601, bytes in hex). ``key_line`` is the
  canonical JSON of a key, the line ``digest_keys`` hashes: an integer key ``(42,)`` is
  ``[42]`` as it always was, so the digests already in the ledger do not change. Use it for
  the ledger, digests, XCom ids, reports and S3 key templates.
- **bound** (``column_kind``, ``to_column``, ``in_clause``; ``KeyBinding.sql`` for a write
  sent as driver SQL): the value the database compares with the column, from the column's
  reflected type: ``col = ANY(CAST(:array AS UUID[]))``
  on PostgreSQL for a UUID column, a BIGINT[] for integers, a CHAR(n)[] for a padded CHAR;
  an IN list on MariaDB and SQLite (with a UUID as its hyphenated text for a CHAR(36));
  row-value IN lists for composite keys.
- **exported** (``export_value``, ``csv_cell``): what a subject reads in an access package
  (JSON and CSV): ISO dates, exact decimals, base64 bytes, UUID text.

Nothing here knows an organisation: only types.
"""

from __future__ import annotations

import base64
import json
import math
import numbers
import uuid
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from gdpr.paramstyle import DriverParams, value_processor

__all__ = [
    "Key",
    "KeyBinding",
    "KeyValue",
    "canonical",
    "column_kind",
    "csv_cell",
    "export_value",
    "in_clause",
    "key_line",
    "key_text",
    "key_texts",
    "norm_key",
    "read_fixers",
    "to_column",
]

KeyValue = int | str
Key = tuple[KeyValue, ...]

# -- canonical form -------------------------------------------------------------------------


def canonical(value: Any) -> KeyValue | None:
    """One spelling per key value, whatever Python type the driver returned.

    Integers stay integers (so JSON and digests of integer keys are unchanged); every other
    value becomes text. ``None`` stays ``None`` (a null reference is no key).
    """
    if value is None or type(value) is int or type(value) is str:
        return value
    if isinstance(value, bool):  # JSON true/false, as the ledger has always written it
        return value
    if isinstance(value, int):  # an int subclass (IntEnum...)
        return int(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"{value!r} cannot be a key")
        return _decimal(Decimal(repr(float(value))))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TypeError(f"{value!r} cannot be a key")
        return _decimal(value)
    if isinstance(value, datetime):
        from gdpr.ledger.clock import iso_utc  # imported here: the ledger imports this module

        return iso_utc(value)
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, numbers.Integral):  # numpy/pandas integers (a DataFrame's key column)
        return int(value)
    if isinstance(value, numbers.Real):
        return canonical(float(value))
    raise TypeError(f"{type(value).__name__} is not allowed as a key value")


def _decimal(value: Decimal) -> KeyValue:
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")


def norm_key(key: Iterable[Any]) -> tuple[KeyValue | None, ...]:
    """A key (any iterable of column values) in canonical form: comparable across drivers."""
    return tuple(canonical(v) for v in key)


def key_text(value: Any) -> str:
    """A key value as text: a placeholder of an S3 key template, an id in XCom or a report."""
    text = canonical(value)
    return "" if text is None else str(text)


def key_texts(key: Iterable[Any]) -> tuple[str, ...]:
    """Every value of a key as text: how SQL keys are compared with S3 key placeholders.
    (Text and integers, most keys, skip ``canonical``: a purge calls this once per row.)"""
    return tuple(v if type(v) is str else str(v) if type(v) is int else key_text(v) for v in key)


def keyed_by_texts(by_key: Mapping[tuple[Any, ...], Any]) -> dict[tuple[str, ...], Any]:
    """``by_key`` re-keyed by ``key_texts`` of its keys: for keys of one text or integer column
    (most tables) converted in C, not by a call per entry (a purge re-keys every row it reads)."""
    keys = list(by_key)
    if keys and len(keys[0]) == 1:
        values = list(map(itemgetter(0), keys))
        kinds = set(map(type, values))
        if kinds == {str}:
            return dict(by_key)
        if kinds == {int}:
            return dict(zip(zip(map(str, values)), by_key.values(), strict=True))
    return dict(zip(map(key_texts, keys), by_key.values(), strict=True))


def key_line(key: Any) -> str:
    """The canonical JSON of one key, as ``digest_keys`` hashes it.

    A key is a tuple or list of values (``(42,)`` -> ``[42]``), a mapping of column to value
    (sorted by column), or a bare scalar (``42`` -> ``42``).
    """
    if type(key) in (tuple, list):
        if len(key) == 1 and type(key[0]) is int:  # the common case, thirty times faster
            return f"[{key[0]}]"
        document: Any = [canonical(v) for v in key]
    elif isinstance(key, Mapping):
        document = {str(k): canonical(v) for k, v in key.items()}
    elif isinstance(key, Sequence) and not isinstance(key, str | bytes | bytearray):
        document = [canonical(v) for v in key]
    else:
        document = canonical(key)
    return json.dumps(document, sort_keys=True, separators=(",", ":"), allow_nan=False)


# -- export (access packages) ---------------------------------------------------------------


def export_value(value: Any) -> Any:
    """A column value as JSON can carry it without losing anything a subject should read."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def csv_cell(value: Any) -> str:
    """A column value as a CSV cell: empty for null, ``true``/``false``, else its export form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(export_value(value))


# -- SQL look-ups ---------------------------------------------------------------------------

UUID, INTEGER, NUMERIC, CHAR, TEXT, OTHER = "uuid", "integer", "numeric", "char", "text", "other"


def column_kind(type_: sa.types.TypeEngine | None) -> str:
    """What a reflected column type means for binding keys (``other`` when unknown)."""
    if type_ is None:
        return OTHER
    if isinstance(type_, sa.Uuid):
        return UUID
    if isinstance(type_, sa.Integer):
        return INTEGER
    if isinstance(type_, sa.Numeric) and not isinstance(type_, sa.Float):
        return NUMERIC
    if isinstance(type_, sa.CHAR):  # fixed length, blank-padded (NCHAR included)
        return CHAR
    if isinstance(type_, sa.String):  # VARCHAR, TEXT, any collation
        return TEXT
    return OTHER


_DROP = object()  # a value the column can never hold: it matches nothing
_INTS = {int}  # the types of keys an integer column binds as read (``KeyBinding.values``)


def to_column(value: Any, kind: str, dialect: str) -> Any:
    """``value`` as the driver must bind it to compare with a column of ``kind``.

    A value the column cannot hold (``"abc"`` for a PostgreSQL UUID) is returned as ``_DROP``:
    it matches no row, and sending it would make the database raise instead.
    """
    if value is None:
        return None
    if kind == UUID:
        if dialect == "postgresql":
            if isinstance(value, uuid.UUID):
                return value
            try:
                return uuid.UUID(str(value))
            except ValueError:
                return _DROP
        return str(value) if isinstance(value, uuid.UUID) else value
    if kind == INTEGER:
        if type(value) is int:
            return value
        try:
            number = Decimal(str(canonical(value)).strip())
        except (InvalidOperation, TypeError):
            return _DROP if dialect == "postgresql" else value
        if number != number.to_integral_value():
            return _DROP
        return int(number)
    if kind == NUMERIC:
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            return value
        try:
            return Decimal(str(canonical(value)))
        except (InvalidOperation, TypeError):
            return _DROP if dialect == "postgresql" else value
    if kind in (CHAR, TEXT):
        return value if type(value) is str else key_text(value)
    if isinstance(value, uuid.UUID):  # unknown column type: send the text every driver binds
        return str(value)
    return value


def _pg_element(kind: str, type_: sa.types.TypeEngine | None) -> sa.types.TypeEngine | None:
    """The array element type a PostgreSQL ``= ANY(array)`` look-up casts its values to."""
    if kind == UUID:
        return postgresql.UUID(as_uuid=True)
    if kind == INTEGER:
        return sa.BigInteger()
    if kind == NUMERIC:
        return sa.Numeric()
    if kind == CHAR:
        # CHAR without a length is CHAR(1) to PostgreSQL: never cast to that
        length = getattr(type_, "length", None)
        return sa.CHAR(length) if length else sa.Text()
    if kind == TEXT:
        return sa.Text()  # no collation: the column's own collation decides the comparison
    return None


class _IntegerArray(sa.types.TypeDecorator):
    """A PostgreSQL BIGINT[] parameter sent as its text form (``'{1,2,3}'::BIGINT[]``): the
    server reads it as ONE constant, where psycopg2's ``ARRAY[1,2,3]`` is an expression of one
    constant per key that costs the parser and planner microseconds per key (some 60 ms of a
    5,800-key statement). Integers only: their text needs no quoting."""

    impl = postgresql.ARRAY(sa.BigInteger())
    cache_ok = True

    def bind_processor(self, dialect: sa.Dialect) -> Callable[[Any], Any]:
        def process(value: Any) -> Any:
            return None if value is None else "{" + ",".join(map(str, value)) + "}"

        return process


@dataclass(frozen=True)
class KeyBinding:
    """How keys of some columns are bound on one dialect, apart from their values: the form of
    the ONE parameter they go in (a typed array on PostgreSQL for a single column, an
    expanding IN list elsewhere, row values for composite keys) and the conversion of the
    values for the columns' types. A look-up built once with ``clause(columns, name)`` runs
    again with new ``values`` under the same SQL, which SQLAlchemy then compiles once: a
    subject's dozen look-ups do not rebuild and re-key a statement each (``SqlConnector``)."""

    dialect: str
    types: tuple[sa.types.TypeEngine | None, ...]
    kinds: tuple[str, ...]
    element: sa.types.TypeEngine | None  # the array's element type, where keys go as one array

    @classmethod
    def of(cls, dialect: str, types: Sequence[sa.types.TypeEngine | None]) -> KeyBinding:
        kinds = tuple(column_kind(t) for t in types)
        element = None
        if dialect == "postgresql" and len(types) == 1:
            element = _pg_element(kinds[0], types[0])
        return cls(dialect, tuple(types), kinds, element)

    @property
    def array(self) -> bool:
        """Whether the keys go as one array parameter (no limit on their number)."""
        return self.element is not None

    def _array_type(self) -> sa.types.TypeEngine:
        """The type of the one array parameter (``array``): integers as their text form."""
        return _IntegerArray() if self.kinds[0] == INTEGER else postgresql.ARRAY(self.element)

    def _array_sql(self, dialect: sa.Dialect) -> tuple[str, Callable[[Any], Any] | None]:
        """The array parameter's SQL type and bind processor on ``dialect``, made once per
        dialect: SQLAlchemy's type compiler and processor look-up cost more than the rest of a
        statement's rendering, and a subject's look-ups and writes ask them a dozen times."""
        known = _ARRAY_SQL.setdefault(dialect, {})
        found = known.get(self)
        if found is None:
            array = self._array_type()
            process = array.dialect_impl(dialect).bind_processor(dialect)
            found = known[self] = (dialect.type_compiler_instance.process(array), process)
        return found

    def values(self, keys: Sequence[Sequence[Any]]) -> list[Any] | None:
        """The parameter's value for these keys, each converted for its column (``to_column``);
        None when no key can match (every one is a value the column cannot hold)."""
        dialect, kinds = self.dialect, self.kinds
        if len(kinds) == 1:  # the common case, one conversion per value and no row tuples
            kind = kinds[0]
            if kind == INTEGER:  # integers read from an integer column need no conversion
                plain = [key[0] for key in keys]
                if set(map(type, plain)) == _INTS:  # none a bool, none missing
                    return list(dict.fromkeys(plain))
            converted = (to_column(key[0], kind, dialect) for key in keys)
            scalars = list(dict.fromkeys(v for v in converted if v is not _DROP))
            return scalars or None
        rows = []
        for key in keys:
            row = tuple(to_column(v, k, dialect) for v, k in zip(key, kinds, strict=True))
            if _DROP not in row:
                rows.append(row)
        return rows or None

    def sql(
        self,
        dialect: sa.Dialect,
        columns: Sequence[str],
        values: Sequence[Any],
        params: DriverParams,
    ) -> str:
        """``clause`` rendered as the driver's SQL: ``columns`` (quoted by the caller) IN
        ``values`` (what ``values`` gave: never empty), each value added to ``params`` through
        the bind processor ``clause``'s statement would give it, so the driver is sent what
        ``Connection.execute`` of that statement would send it.

        PostgreSQL, one column: ``col = ANY (CAST(<param> AS <type>[]))``, the array type
        named by the dialect's type compiler. Elsewhere an IN-list of one placeholder per
        value; composite keys as row values, ``(a, b) IN ((..), ..)``, or ``IN (VALUES ..)``
        where the dialect wants that form (``tuple_in_values``: SQLite). Rendered here rather
        than compiled by SQLAlchemy: a first compile costs several times the statement's
        round trip, and every task compiles afresh (``SqlConnector._by_keys``)."""
        if self.element is not None:
            name, process = self._array_sql(dialect)
            param = params.add(process(values) if process else list(values))
            return f"{columns[0]} = ANY (CAST({param} AS {name}))"
        # typed as SQLAlchemy types them: by the column's kind, else by the first value
        first = [values[0]] if len(columns) == 1 else values[0]
        processors = [
            _key_processor(kind, value, dialect)
            for kind, value in zip(self.kinds, first, strict=True)
        ]
        if len(columns) == 1:
            process = processors[0]
            return f"{columns[0]} IN ({params.extend(map(process, values) if process else values)})"
        rows = ", ".join(
            "("
            + params.extend([p(v) if p else v for p, v in zip(processors, row, strict=True)])
            + ")"
            for row in values
        )
        if dialect.tuple_in_values:
            rows = "VALUES " + rows
        return f"({', '.join(columns)}) IN ({rows})"

    def clause(
        self, columns: Sequence[sa.ColumnElement[Any]], name: str | None, value: Any = None
    ) -> sa.ColumnElement[bool]:
        """``columns IN :name`` in the parameter's form (``value``: bound now, for a statement
        built for one use; ``name`` None gives an anonymous, unique parameter)."""
        if self.element is not None:
            array = sa.bindparam(name, value, type_=self._array_type())
            return columns[0] == sa.any_(array)
        param = sa.bindparam(name, value, expanding=True)
        typed = [
            _typed(c, k, t, self.dialect)
            for c, k, t in zip(columns, self.kinds, self.types, strict=True)
        ]
        return (typed[0] if len(typed) == 1 else sa.tuple_(*typed)).in_(param)


def in_clause(
    dialect: str,
    columns: Sequence[sa.ColumnElement[Any]],
    types: Sequence[sa.types.TypeEngine | None],
    values: Sequence[Sequence[Any]],
) -> sa.ColumnElement[bool]:
    """``columns IN values`` with every value converted for its column's type.

    On PostgreSQL a single-column key goes as ONE typed array parameter
    (``col = ANY(CAST(:array AS UUID[]))``): no bind parameter per value, the same index
    scan. Composite keys, other dialects and unknown types use (row-value) IN lists.
    """
    binding = KeyBinding.of(dialect, types)
    converted = binding.values(values)
    return sa.false() if converted is None else binding.clause(columns, None, converted)


def _typed(
    column: sa.ColumnElement[Any], kind: str, type_: sa.types.TypeEngine | None, dialect: str
) -> sa.ColumnElement[Any]:
    """The column with a type that binds the converted values as-is (a UUID as a UUID on
    PostgreSQL; elsewhere SQLAlchemy's UUID would bind 32 hex digits, so text is sent)."""
    bind = _bind_type(kind, dialect)
    return column if bind is None else sa.type_coerce(column, bind)


def _bind_type(kind: str, dialect: str) -> sa.types.TypeEngine | None:
    """The type an IN-list's values of a ``kind`` column are bound with, or None: the type
    SQLAlchemy gives a value compared with an untyped column (``sa.literal(value).type``)."""
    if kind == UUID and dialect == "postgresql":
        return postgresql.UUID(as_uuid=True)
    return None


def _key_processor(kind: str, value: Any, dialect: sa.Dialect) -> Callable[[Any], Any] | None:
    """The bind processor SQLAlchemy gives a key of a column of ``kind``: the kind's bind type
    where it has one (a UUID on PostgreSQL), else that of ``value``'s Python type, each made
    once per dialect (``KeyBinding._array_sql`` says why)."""
    bind = _bind_type(kind, dialect.name)
    if bind is None:
        return value_processor(dialect, value)
    known = _KEY_PROCESSORS.setdefault(dialect, {})
    if kind not in known:
        known[kind] = bind.dialect_impl(dialect).bind_processor(dialect)
    return known[kind]


# made once per dialect object (an engine's: its driver decides the processors)
_ARRAY_SQL: weakref.WeakKeyDictionary[
    sa.Dialect, dict[KeyBinding, tuple[str, Callable[[Any], Any] | None]]
] = weakref.WeakKeyDictionary()
_KEY_PROCESSORS: weakref.WeakKeyDictionary[sa.Dialect, dict[str, Callable[[Any], Any] | None]] = (
    weakref.WeakKeyDictionary()
)


def read_fixers(dialect: str, types: Mapping[str, sa.types.TypeEngine | None]) -> dict[str, Any]:
    """Per column, how a value read back is made canonical-ready: PostgreSQL returns a CHAR(n)
    padded with blanks, MariaDB does not; both compare equal without them, so the padding
    is removed (SQLite stores what was written and compares exactly: nothing to remove)."""
    if dialect != "postgresql":
        return {}
    return {name: _rstrip for name, type_ in types.items() if column_kind(type_) == CHAR}


def _rstrip(value: Any) -> Any:
    return value.rstrip(" ") if isinstance(value, str) else value
