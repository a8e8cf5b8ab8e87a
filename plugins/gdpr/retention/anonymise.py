"""Irreversible anonymisation of the fields a rule keeps records for.

``null`` empties a field, ``redact`` replaces text with a marker, ``hash`` replaces the value
with a random token: a keyed hash would still join across datasets (pseudonymisation, still
personal data), a random token joins nothing and keeps unique columns unique. A record counts
as anonymised once every field is in its erased form, so a second run selects nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from gdpr.datamap.models import DataMap, Dataset

if TYPE_CHECKING:
    from gdpr.connectors.base import Connector
    from gdpr.retention.plan import RulePlan, Step

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


class NotNullError(ValueError):
    """An anonymisation would empty fields the system requires (NOT NULL columns): refused
    before anything changes, with one sentence per field naming its dataset."""


def step_anonymisation(
    datamap: DataMap,
    plan: RulePlan,
    step: Step,
    referring: Iterable[tuple[str, tuple[str, ...], str]] = (),
) -> Anonymisation:
    """What a retention rule's purge does to a step's records it keeps: the rule's own dataset,
    its `fields` (default: every erasing field); a dataset the rule keeps, its erasing fields
    and the references to the records the purge deletes: the map's, and ``referring``, the
    systems' own foreign keys ``(dataset, fields, target)`` (``order.referring_fields``), which
    the map may not declare (no join key to a deleted record survives, and the database would
    refuse the delete while one does)."""
    dataset = datamap.dataset(step.dataset).dataset
    if not step.parents:
        return anonymisation(dataset, plan.rule.fields)
    deleted = {s.dataset for s in plan.steps if s.action == "delete"}
    cut = [f for edge in step.parents if edge.parent in deleted for f in edge.child_fields]
    cut += [
        f
        for source, fields, target in referring
        if source == step.dataset and target in deleted
        for f in fields
    ]
    return anonymisation(dataset, cut=list(dict.fromkeys(cut)))


def referring_edges(
    datamap: DataMap, plan: RulePlan, connectors: Mapping[str, Connector]
) -> set[tuple[str, tuple[str, ...], str]]:
    """``(dataset, fields, target)`` wherever the rule's records refer to each other: the map's
    references and the systems' own foreign keys (read once per connector)."""
    from gdpr.connectors import order  # the connectors import this module

    edges = [(s.dataset, tuple(e.child_fields), e.parent) for s in plan.steps for e in s.parents]
    return order.referring_fields(datamap, connectors, [s.dataset for s in plan.steps], edges)


def reference_fields(datamap: DataMap, dataset_id: str) -> set[str]:
    """The fields of a dataset that take part in a reference of the map, either side."""
    fields: set[str] = set()
    for ref in datamap.iter_datasets():
        for reference in ref.dataset.references:
            if ref.id == dataset_id:
                fields |= set(reference.fields)
            if reference.dataset == dataset_id:
                fields |= set(reference.fields.values())
    return fields


def not_null_refusals(
    dataset_id: str,
    change: Anonymisation,
    required: Iterable[str],
    references: Iterable[str] = (),
) -> list[str]:
    """One sentence per field ``change`` would set to NULL that the system requires (``required``,
    ``Connector.required_fields``); ``references`` are the fields emptied because they refer to
    records being deleted, for which a placeholder would be a false reference."""
    required, references = set(required), set(references)
    out = []
    for name in sorted(n for n, value in change.constant.items() if value is None):
        if name not in required:
            continue
        if name in references:
            out.append(
                f"{dataset_id}.{name} is NOT NULL in the database, so the kept, anonymised "
                "records cannot lose their reference to the records being deleted: make the "
                "column nullable, or let these records be deleted (`erasure: delete`, or no "
                "`keep` for them)."
            )
        else:
            out.append(
                f"{dataset_id}.{name} is NOT NULL in the database, so anonymising cannot empty "
                "it: declare the field `erasure: redact` or `erasure: hash` in the data map, or "
                "make the column nullable."
            )
    return out
