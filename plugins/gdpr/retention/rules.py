"""Declarative retention rules compiled to SQLAlchemy Core: one set-based SELECT of expired keys.

A rule's start event is a field of its dataset or an aggregate (``max`` / ``min``) over the
records of a related dataset; its ``where`` conditions say which records it applies to
(comparisons, ``in``, ``is null``, ``exists`` / ``not_exists`` over related datasets). Related
datasets are joined through the map's references, either way. An aggregate becomes one grouped
derived table left-joined to the dataset, an ``exists`` a correlated semi-join: the database
plans the whole selection as one statement, as a hand-written set-based query would be.

The cutoff is compared in the start field's live type: the cutoff day for a DATE column, the
start of that day in the organisation's time zone otherwise (with time zone for a column with
time zone). Condition values are checked against the live column types before anything runs:
a value the column cannot hold refuses the selection (``SelectionRefusedError``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

import sqlalchemy as sa

from gdpr.connectors.base import SelectionRefusedError
from gdpr.datamap.graph import link
from gdpr.datamap.models import Condition, DataMap, Dataset, DatasetRef, RetentionRule
from gdpr.retention.plan import Cutoff


class Tables(Protocol):
    """What the compiler needs of a SQL system (``SqlConnector`` has both)."""

    def table(self, dataset: Dataset) -> sa.TableClause: ...

    def column_types(self, dataset: Dataset) -> Mapping[str, sa.types.TypeEngine]: ...


def is_declarative(rule: RetentionRule) -> bool:
    """Compiled here (a field or an aggregate, with conditions), not a SQL file, an object's
    age or its parent record's field."""
    start = rule.start
    return start.sql is None and not start.object_modified and start.parent is None


def expired_select(
    datamap: DataMap, rule: RetentionRule, cutoff: Cutoff, root: sa.TableClause, tables: Tables
) -> sa.Select:
    """The keys of ``rule``'s expired records, as one SELECT over ``root`` (the dataset's table)."""
    compiler = _Compiler(datamap, f"rule {rule.id}", tables)
    ref = datamap.dataset(rule.dataset)
    pk = [root.c[name] for name in ref.dataset.primary_key]
    start = rule.start
    source: sa.FromClause = root
    conditions: list[sa.ColumnElement[bool]] = []
    aggregate = start.aggregate
    if aggregate is None:
        column = start.column or ""
        moment: sa.ColumnElement[Any] = root.c[column]
        limit = compiler.limit(cutoff, ref, column)
    else:
        kind, spec = aggregate
        related = datamap.dataset(spec.dataset)
        pairs = compiler.link(ref, related)
        other = tables.table(related.dataset).alias("related")
        value = other.c[spec.column]
        grouped = (
            sa.select(
                *(other.c[theirs].label(f"link_{i}") for i, (_, theirs) in enumerate(pairs)),
                (sa.func.max if kind == "max" else sa.func.min)(value).label("start_at"),
                (sa.func.count() - sa.func.count(value)).label("empty"),
            )
            .where(*compiler.conditions(related, other, spec.where))
            .group_by(*(other.c[theirs] for _, theirs in pairs))
            .subquery("starts")
        )
        source = root.outerjoin(
            grouped,
            sa.and_(*(grouped.c[f"link_{i}"] == root.c[mine] for i, (mine, _) in enumerate(pairs))),
        )
        moment = grouped.c.start_at
        if start.otherwise:
            moment = sa.func.coalesce(moment, root.c[start.otherwise])
        if spec.null == "keeps":  # one related record without a value keeps the record
            conditions.append(sa.or_(grouped.c.empty.is_(None), grouped.c.empty == 0))
        limit = compiler.limit(cutoff, related, spec.column)
    conditions.append(moment < limit)
    conditions += compiler.conditions(ref, root, rule.where)
    return sa.select(*pk).select_from(source).where(*conditions)


def where_clause(
    datamap: DataMap,
    owner: str,
    dataset_id: str,
    conditions: Sequence[Condition],
    table: sa.FromClause,
    tables: Tables,
) -> sa.ColumnElement[bool]:
    """``conditions`` on the records of ``dataset_id`` (its ``table``) as one clause, compiled
    as a rule's `where` is: a declared hold's selection. ``owner`` names the declaration in a
    refusal, e.g. "hold open-claims"."""
    compiler = _Compiler(datamap, owner, tables)
    return sa.and_(*compiler.conditions(datamap.dataset(dataset_id), table, conditions))


class _Compiler:
    def __init__(self, datamap: DataMap, owner: str, tables: Tables):
        self.datamap, self.owner, self.tables = datamap, owner, tables
        self._aliases = 0

    def link(self, ref: DatasetRef, related: DatasetRef) -> list[tuple[str, str]]:
        pairs = link(self.datamap, ref.id, related.id)
        if pairs is None:  # the loader refuses such a map; a map built in memory may not be
            raise SelectionRefusedError(
                f"{self.owner}: {related.id} is not related to {ref.id} by a reference"
            )
        return pairs

    def limit(self, cutoff: Cutoff, ref: DatasetRef, column: str) -> sa.ColumnElement[Any]:
        kind = self.tables.column_types(ref.dataset).get(column)
        return cutoff_literal(cutoff, kind)

    def conditions(
        self, ref: DatasetRef, table: sa.FromClause, conditions: Sequence[Condition]
    ) -> list[sa.ColumnElement[bool]]:
        return [self.condition(ref, table, c) for c in conditions]

    def condition(
        self, ref: DatasetRef, table: sa.FromClause, condition: Condition
    ) -> sa.ColumnElement[bool]:
        if condition.field:
            column = table.c[condition.field]
            kind = self.tables.column_types(ref.dataset).get(condition.field)
            op = condition.op
            if op == "is null":
                return column.is_(None)
            if op == "is not null":
                return column.is_not(None)
            if op in ("in", "not in"):
                values = [self.value(ref, condition.field, kind, v) for v in condition.value or []]
                return column.in_(values) if op == "in" else column.not_in(values)
            value = self.value(ref, condition.field, kind, condition.value)
            return {
                "=": column.__eq__,
                "!=": column.__ne__,
                "<": column.__lt__,
                "<=": column.__le__,
                ">": column.__gt__,
                ">=": column.__ge__,
            }[op or "="](value)
        related = self.datamap.dataset(condition.exists or condition.not_exists or "")
        pairs = self.link(ref, related)
        self._aliases += 1
        other = self.tables.table(related.dataset).alias(f"linked_{self._aliases}")
        found = sa.exists(
            sa.select(sa.literal(1))
            .select_from(other)
            .where(*(other.c[theirs] == table.c[mine] for mine, theirs in pairs))
            .where(*self.conditions(related, other, condition.where))
        )
        return found if condition.exists else sa.not_(found)

    def value(self, ref: DatasetRef, field: str, kind: Any, value: Any) -> Any:
        """``value`` as the column's live type holds it, or a refusal naming both."""
        typed = typed_value(kind, value)
        if typed is _MISMATCH:
            raise SelectionRefusedError(
                f"{self.owner}: type mismatch in a condition on {ref.id}.{field}: "
                f"{value!r} cannot be compared with a {kind} column"
            )
        return sa.literal(typed, kind) if kind is not None else typed


_MISMATCH = object()


def typed_value(kind: sa.types.TypeEngine | None, value: Any) -> Any:
    """A condition's value converted for a column of live type ``kind`` (None: unknown, as
    is), or ``_MISMATCH`` when the column cannot hold it."""
    if kind is None:
        return value
    try:
        python = kind.python_type
    except NotImplementedError:
        return value
    if python is bool:
        return value if isinstance(value, bool) else _MISMATCH
    if isinstance(value, bool):  # MariaDB's BOOLEAN is a TINYINT(1)
        return int(value) if python is int else _MISMATCH
    if python is datetime:
        if isinstance(value, datetime | date):
            return value
        return _iso(value, datetime.fromisoformat)
    if python is date:
        if isinstance(value, datetime):
            return _MISMATCH
        if isinstance(value, date):
            return value
        return _iso(value, date.fromisoformat)
    if python is int:
        return value if isinstance(value, int) else _MISMATCH
    if python in (float, Decimal):
        return value if isinstance(value, int | float) else _MISMATCH
    if python is str:
        return value if isinstance(value, str) else _MISMATCH
    return value


def _iso(value: Any, parse: Any) -> Any:
    if not isinstance(value, str):
        return _MISMATCH
    try:
        return parse(value)
    except ValueError:
        return _MISMATCH


def is_date_type(kind: sa.types.TypeEngine | None) -> bool:
    return isinstance(kind, sa.Date) and not isinstance(kind, sa.DateTime)


def cutoff_literal(cutoff: Cutoff, kind: sa.types.TypeEngine | None) -> sa.ColumnElement[Any]:
    """The cutoff as a typed bound value for a start column of live type ``kind``: the cutoff
    day for a DATE column; otherwise the start of that day, with time zone for a column with
    time zone, naive UTC (the convention of columns without) for the others."""
    if is_date_type(kind):
        return sa.literal(cutoff.day, sa.Date())
    if isinstance(kind, sa.DateTime) and kind.timezone:
        return sa.literal(cutoff.at_utc, sa.DateTime(timezone=True))
    return sa.literal(cutoff.at, sa.DateTime())


def cutoff_param(cutoff: Cutoff, kind: str | None, dialect: str) -> sa.BindParameter:
    """``:cutoff`` of a SQL-file rule (``start.cutoff``): a DATE (the cutoff day) for ``date``;
    otherwise a timestamp with time zone, the start of the cutoff day in the organisation's
    time zone (UTC on the wire; naive UTC where the database has no zoned timestamps)."""
    if kind == "date":
        return sa.bindparam("cutoff", cutoff.day, type_=sa.Date())
    if dialect == "postgresql":
        return sa.bindparam("cutoff", cutoff.at_utc, type_=sa.DateTime(timezone=True))
    return sa.bindparam("cutoff", cutoff.at, type_=sa.DateTime())


def cutoff_sql_literal(cutoff: Cutoff, kind: str | None, dialect: sa.Dialect) -> str:
    """``:cutoff`` as a typed SQL literal (for checks that run a selection as text): a cast
    where the database has types (PostgreSQL, MariaDB), the plain value for SQLite."""
    param = cutoff_param(cutoff, kind, dialect.name)
    value: sa.ColumnElement[Any] = sa.literal(param.value, param.type)
    if dialect.name != "sqlite":
        value = sa.cast(value, param.type)
    return str(value.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
