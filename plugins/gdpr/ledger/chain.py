"""The evidence hash chain: canonical form, row hashes, and the verifier.

``row_hash = sha256(prev_hash + canonical_json(content))`` where content is every evidence column
except the two hashes, id and timestamp included, and the first row's prev_hash is 64 zeros.
Canonical JSON is ``json.dumps(sort_keys=True, separators=(",", ":"))`` with ASCII escapes and
datetimes spelt ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC, so anyone can re-derive a hash from a
database dump without this code. Other values a key may hold (UUID, Decimal, date, bytes) are
written in the key codec's canonical form (``gdpr.connectors.keys.canonical``): a UUID as its
lower-case text, an integral decimal as an integer.

The chain proves that rows were not edited or removed *after the fact* by someone who did not
also rewrite every later hash and the head row. Publishing ``chain_head()`` from time to time
(in a report, a ticket) closes that gap: a rewrite would then disagree with the published hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from gdpr.connectors.keys import canonical, key_line
from gdpr.ledger import schema
from gdpr.ledger.clock import iso_utc
from gdpr.ledger.records import VerifyReport
from gdpr.ledger.upgrade import ensure_ready

__all__ = [
    "HASHED_COLUMNS",
    "canonical_json",
    "digest_keys",
    "row_hash",
    "to_json_document",
    "verify_chain",
]

HASHED_COLUMNS = (
    "id",
    "at",
    "action",
    "system",
    "dataset",
    "rule",
    "citation",
    "count",
    "keys_sha256",
    "detail",
    "run_pk",
    "request_id",
)

# A wholesale rewrite would otherwise produce one sentence per row.
_MAX_PROBLEMS = 100


def _default(value: object) -> object:
    if isinstance(value, datetime):
        return iso_utc(value)
    try:
        return canonical(value)
    except TypeError:
        raise TypeError(f"{type(value).__name__} is not allowed in ledger JSON") from None


def canonical_json(value: object) -> str:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), allow_nan=False, default=_default
    )


def to_json_document(value: Mapping[str, Any]) -> dict[str, Any]:
    """``value`` as the database will hand it back (string keys, lists, no tuples or NaN).

    Hashing the stored form rather than the caller's object keeps the hash reproducible when
    the row is read back later.
    """
    try:
        return json.loads(canonical_json(dict(value)))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"not storable as JSON metadata: {exc}") from exc


def row_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_json(content)).encode("utf-8")).hexdigest()


def digest_keys(keys: Iterable[object]) -> str:
    """SHA-256 of a set of record keys, independent of the order they were processed in.

    Each key (a scalar, or a list/dict for composite keys) is written as canonical JSON by the
    key codec (``gdpr.connectors.keys.key_line``: a UUID key as its text whether the driver
    returned ``uuid.UUID`` or ``str``); the texts are sorted and joined by newlines. Every
    capability uses this one function so that two pieces of evidence about the same keys carry
    the same digest.
    """
    lines = sorted(key_line(key) for key in keys)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _content(row: sa.Row[Any]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in HASHED_COLUMNS}


def verify_chain(engine: sa.Engine) -> VerifyReport:
    """Walk the evidence in id order and say, in plain sentences, what does not add up.

    Safe to run while purges append: it checks the rows the head counted when the walk began,
    and a row committed later is never mistaken for tampering (see ``_outside_rows``).
    """
    ensure_ready(engine)
    problems: list[str] = []
    rows = 0
    last_id = 0
    last_hash = schema.GENESIS_HASH
    ev = schema.evidence
    with engine.connect() as conn:
        head_row = conn.execute(sa.select(schema.head)).one_or_none()
        query = sa.select(ev).order_by(ev.c.id)
        if head_row is not None:
            query = query.where(ev.c.id <= head_row.count)
        for row in conn.execution_options(yield_per=1000).execute(query):
            rows += 1
            if row_hash(row.prev_hash, _content(row)) != row.row_hash:
                problems.append(
                    f"evidence #{row.id} was modified after it was written: "
                    "its content no longer matches its hash"
                )
            if row.id != last_id + 1:
                where = f"between #{last_id} and #{row.id}" if last_id else f"before #{row.id}"
                problems.append(f"evidence {where} is missing (deleted?)")
            elif row.prev_hash != last_hash:
                previous = f"evidence #{last_id}" if last_id else "the start of the chain"
                problems.append(
                    f"evidence #{row.id} does not link to {previous}: one of them was "
                    "rewritten, hash included"
                )
            last_id, last_hash = row.id, row.row_hash
        problems.extend(_head_problems(head_row, last_id, last_hash))
        problems.extend(_outside_rows(conn))
    if len(problems) > _MAX_PROBLEMS:
        hidden = len(problems) - _MAX_PROBLEMS
        problems = [*problems[:_MAX_PROBLEMS], f"... and {hidden} more problems"]
    return VerifyReport(
        ok=not problems, rows=rows, problems=problems, head=last_hash if rows else None
    )


def _head_problems(head_row: sa.Row[Any] | None, last_id: int, last_hash: str) -> list[str]:
    """Compare the end of the walk with the head row, which catches a removed tail."""
    if head_row is None:
        return ["the ledger head row is missing, so a deleted tail cannot be ruled out"]
    if head_row.count > last_id:
        if last_id == 0:
            return [f"all {head_row.count} evidence rows are missing (deleted?)"]
        return [
            f"evidence after #{last_id} is missing (deleted?): the ledger head records "
            f"{head_row.count} entries"
        ]
    if head_row.last_hash != last_hash:
        return [
            f"the last evidence #{last_id} does not match the ledger head: "
            "the row or the head was rewritten"
        ]
    return []


def _outside_rows(conn: sa.Connection) -> list[str]:
    """Rows beyond the head count were inserted behind the ledger's back.

    An append commits its row and the head together, so reading the highest id *before* the
    head can only make the head look larger, never smaller: no false alarm during appends.
    """
    max_id = conn.execute(sa.select(sa.func.max(schema.evidence.c.id))).scalar()
    head_row = conn.execute(sa.select(schema.head)).one_or_none()
    if max_id is None or head_row is None or max_id <= head_row.count:
        return []
    first = head_row.count + 1
    rows = f"evidence #{first} was" if first == max_id else f"evidence #{first} to #{max_id} were"
    return [f"{rows} added without updating the ledger head (written outside the ledger?)"]
