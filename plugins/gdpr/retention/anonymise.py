"""Irreversible anonymisation of the fields a rule keeps records for.

``null`` empties a field, ``redact`` replaces text with a marker, ``hash`` replaces the value
with a random token: a keyed hash would still join across datasets (pseudonymisation, still
personal data), a random token joins nothing and keeps unique columns unique. A record counts
as anonymised once every field is in its erased form, so a second run selects nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from gdpr.datamap.models import Dataset

REDACTED = "[redacted]"
TOKEN_PREFIX = "anon-"
ERASING = ("null", "hash", "redact")


@dataclass(frozen=True)
class Anonymisation:
    """Which fields change, and how."""

    constant: dict[str, Any]  # same value for every row (null, redaction marker)
    tokens: tuple[str, ...]  # a fresh random token per row

    @property
    def fields(self) -> list[str]:
        return [*self.constant, *self.tokens]

    def row_values(self) -> dict[str, str]:
        return {name: TOKEN_PREFIX + secrets.token_hex(12) for name in self.tokens}


def anonymisation(
    dataset: Dataset, fields: Iterable[str] = (), cut: Iterable[str] = ()
) -> Anonymisation:
    """The anonymisation of ``fields`` (default: every field with an erasing strategy), plus the
    reference fields in ``cut`` emptied so no join key to a purged record survives.

    A field of the record's own primary key is never emptied, even where it is also part of a
    composite reference ((account, contact) in an invoice keyed (account, year, number)):
    emptying the rest of the reference already breaks it, and a key must keep naming its row."""
    chosen = list(fields) or [n for n, spec in dataset.fields.items() if spec.erasure in ERASING]
    constant: dict[str, Any] = {}
    tokens: list[str] = []
    for name in chosen:
        strategy = dataset.fields[name].erasure or "null"
        if strategy == "hash":
            tokens.append(name)
        else:
            constant[name] = REDACTED if strategy == "redact" else None
    for name in cut:
        if name not in tokens and name not in dataset.primary_key:
            constant[name] = None
    return Anonymisation(constant, tuple(tokens))


def is_anonymised(table: sa.TableClause, plan: Anonymisation) -> sa.ColumnElement[bool]:
    """SQL condition true for rows already in their anonymised form."""
    conditions = []
    for name, value in plan.constant.items():
        column = table.c[name]
        conditions.append(
            column.is_(None) if value is None else sa.or_(column.is_(None), column == value)
        )
    for name in plan.tokens:
        column = table.c[name]
        conditions.append(sa.or_(column.is_(None), column.like(TOKEN_PREFIX + "%")))
    return sa.and_(*conditions) if conditions else sa.true()
