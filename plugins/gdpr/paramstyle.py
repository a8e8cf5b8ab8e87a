"""Statements sent as driver SQL (``Connection.exec_driver_sql``): their placeholders and
parameters in the DB-API driver's paramstyle (``dialect.paramstyle``).

Why driver SQL at all: every Airflow task builds its own engines, so each statement it sends
through SQLAlchemy Core is compiled at least once per task. Measured for issue 18 on a fresh
engine, a Core statement costs about 0.45 ms of CPU and 0.8 ms of wall time, the same SQL sent
with ``exec_driver_sql`` about 0.07 ms and 0.3 ms; an erasure's writes and ledger statements
are two dozen such statements. ``exec_driver_sql`` still fires SQLAlchemy's events and raises
its errors. The SQL connector's writes by key (``gdpr.connectors.sql``) and the ledger's hot
statements (``gdpr.ledger.driver_sql``) render their SQL with these placeholders.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa

__all__ = ["DriverParams", "check", "parameters", "placeholder", "value_processor"]

# each paramstyle's placeholder of the value at index n (counted from 0); named ones are
# ``p<n>``: nothing a caller's text could collide with
_PLACEHOLDERS: dict[str, Callable[[int], str]] = {
    "pyformat": "%(p{})s".format,
    "named": ":p{}".format,
    "format": lambda _: "%s",
    "qmark": lambda _: "?",
    "numeric": lambda n: f":{n + 1}",
    "numeric_dollar": lambda n: f"${n + 1}",
}
_NAMED = frozenset({"pyformat", "named"})


def check(style: str) -> str:
    """``style``, or a ValueError saying SQL cannot be rendered for it."""
    if style not in _PLACEHOLDERS:
        raise ValueError(f"paramstyle {style!r} is not one SQL can be rendered for")
    return style


def placeholder(style: str, n: int) -> str:
    """The placeholder of the statement's value at index ``n`` (from 0)."""
    return _PLACEHOLDERS[style](n)


def parameters(style: str, values: Sequence[Any]) -> dict[str, Any] | tuple[Any, ...]:
    """What the driver is given for ``values`` in placeholder order: a dict for a named style,
    a tuple for a positional one."""
    if style in _NAMED:
        return {f"p{n}": v for n, v in enumerate(values)}
    return tuple(values)


def value_processor(dialect: sa.Dialect, value: Any) -> Callable[[Any], Any] | None:
    """The bind processor SQLAlchemy gives ``value`` set in or compared with an untyped column:
    that of the type it infers from the value's Python type (``sa.literal(value).type``), made
    once per dialect and Python type (making it costs far more than applying it)."""
    known = _PROCESSORS.setdefault(dialect, {})
    kind = type(value)
    if kind not in known:
        known[kind] = sa.literal(value).type.dialect_impl(dialect).bind_processor(dialect)
    return known[kind]


# per dialect object (an engine's: its driver decides the processors), per Python type
_PROCESSORS: weakref.WeakKeyDictionary[sa.Dialect, dict[type, Callable[[Any], Any] | None]] = (
    weakref.WeakKeyDictionary()
)


class DriverParams:
    """The bind parameters of one statement rendered call by call: ``add`` and ``extend`` give
    the placeholders of values in the order they appear in the SQL, ``parameters`` what the
    driver is then given."""

    __slots__ = ("_dialect", "_style", "values")

    def __init__(self, dialect: sa.Dialect) -> None:
        self._dialect = dialect
        self._style = check(dialect.paramstyle)
        self.values: list[Any] = []

    def add(self, value: Any) -> str:
        """The placeholder of one value."""
        self.values.append(value)
        return placeholder(self._style, len(self.values) - 1)

    def add_value(self, value: Any) -> str:
        """The placeholder of a value set in or compared with an untyped column (``table()``'s),
        through the bind processor of the type SQLAlchemy gives it after its Python type
        (text and null, most such values, have none on any driver)."""
        if value is not None and type(value) is not str:
            process = value_processor(self._dialect, value)
            if process is not None:
                value = process(value)
        return self.add(value)

    def extend(self, values: Iterable[Any]) -> str:
        """The placeholders of several values, joined by commas (an IN-list's)."""
        start = len(self.values)
        self.values.extend(values)
        return ", ".join(placeholder(self._style, n) for n in range(start, len(self.values)))

    @property
    def parameters(self) -> dict[str, Any] | tuple[Any, ...]:
        return parameters(self._style, self.values)
