"""The evidence hash chain: canonical form, row hashes, and the verifier.

``row_hash = sha256(prev_hash + canonical_json(content))`` where content is every evidence column
except the two hashes, id and timestamp included, and the first row's prev_hash is 64 zeros.
Canonical JSON is ``json.dumps(sort_keys=True, separators=(",", ":"))`` with ASCII escapes and
datetimes spelt ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC, so anyone can re-derive a hash from a
database dump without this code. Other values a key may hold (UUID, Decimal, date, bytes) are
written in the key codec's canonical form (``gdpr.connectors.keys.canonical``): a UUID as its
lower-case text, an integral decimal as an integer.

The chain proves that rows were not edited or removed *after the fact* by someone who did not
also rewrite every later hash and the head row. Someone with the ledger's credential can do
that; the head published after every run to write-once storage (``gdpr.ledger.anchor``) and
the head printed on every certificate close the gap: a rewrite disagrees with them, and
``verify_chain`` names the first published head it contradicts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from gdpr.connectors.keys import key_line
from gdpr.ledger import schema
from gdpr.ledger.canonical import canonical_json, to_json_document
from gdpr.ledger.reconcile import Snapshots
from gdpr.ledger.records import HeadClaim, VerifyReport
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


def verify_chain(
    engine: sa.Engine,
    *,
    claims: Sequence[HeadClaim] = (),
    identity_key: bytes | None = None,
) -> VerifyReport:
    """Walk the evidence in id order and say, in plain sentences, what does not add up: rows
    edited or missing, a head that does not match, ``claims`` (heads published where the
    ledger's credential cannot rewrite them, certificates) the chain contradicts, and ledger
    tables that disagree with their chained snapshots (``gdpr.ledger.reconcile``).

    ``identity_key`` (the key the ledger hashes identities with) lets it also check that each
    request is still about the person the chain recorded.

    Safe to run while purges append: it reads one consistent view, checks the rows the head
    counted, and a row committed later is never mistaken for tampering (see ``_outside_rows``).
    """
    ensure_ready(engine)
    problems: list[str] = []
    rows = 0
    last_id = 0
    last_hash = schema.GENESIS_HASH
    ev = schema.evidence
    claimed = {claim.count for claim in claims}
    hashes: dict[int, str] = {}
    snapshots = Snapshots()
    with _consistent(engine) as conn:
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
            if row.id in claimed:
                hashes[row.id] = row.row_hash
            snapshots.add(row.id, row.action, row.detail)
            last_id, last_hash = row.id, row.row_hash
        problems.extend(_head_problems(head_row, last_id, last_hash))
        problems.extend(_outside_rows(conn))
        problems.extend(_claim_problems(claims, hashes, last_id))
        problems.extend(snapshots.problems(conn, identity_key))
    if len(problems) > _MAX_PROBLEMS:
        hidden = len(problems) - _MAX_PROBLEMS
        problems = [*problems[:_MAX_PROBLEMS], f"... and {hidden} more problems"]
    return VerifyReport(
        ok=not problems, rows=rows, problems=problems, head=last_hash if rows else None
    )


def _consistent(engine: sa.Engine) -> sa.Connection:
    """A connection whose reads all see the same committed state, so a request or breach
    written while verify runs is neither in the walk nor in the tables it compares with."""
    conn = engine.connect()
    if engine.dialect.name != "sqlite":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def _claim_problems(claims: Sequence[HeadClaim], hashes: Mapping[int, str], rows: int) -> list[str]:
    """Published heads: the first one the chain contradicts, the earliest rewrite it proves.
    Certificates: each one contradicted, since each was handed to someone."""
    problems: list[str] = []
    published_seen = False
    for claim in sorted(claims, key=lambda c: c.count):
        if claim.count == 0:
            continue
        if claim.count > rows:
            found = (
                f"{claim.source} records {claim.count} evidence rows but the chain has only "
                f"{rows}: rows were deleted and the head rewound"
            )
        elif hashes.get(claim.count) != claim.last_hash:
            found = (
                f"evidence #{claim.count} does not hash to {claim.last_hash[:16]}… as "
                f"{claim.source} records: the chain was rewritten at or before that row"
            )
        else:
            continue
        if claim.published and published_seen:
            continue
        published_seen = published_seen or claim.published
        problems.append(found)
    return problems


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
