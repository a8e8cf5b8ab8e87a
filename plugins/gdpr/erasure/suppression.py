"""Suppression entries (Art. 21(3)): a person who objected to direct marketing (erased or not)
is never re-imported.

The ledger keeps a keyed hash (HMAC-SHA-256) of the normalised e-mail, never the address: the
key lives in an Airflow variable or connection, outside the ledger, so the list cannot be
reversed by hashing guessed addresses without it. An import hashes each incoming address with
the same key and skips the suppressed ones.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from gdpr.ledger import Ledger, normalise_email

SCOPE = "marketing"
MIN_KEY_BYTES = 16
# The suppression's own ground when the subject objects to direct marketing without asking for
# erasure (gdpr_subject_objection); an erasure under Art. 17(1)(c) gives its ground instead.
OBJECTION_REASON = "objection to direct marketing (Art. 21(3))"


class SuppressionKeyError(ValueError):
    """No usable key: a suppression list hashed without a secret could be reversed."""


def identity_hash(key: bytes, email: str) -> str:
    if len(key) < MIN_KEY_BYTES:
        raise SuppressionKeyError(
            f"the suppression key must be at least {MIN_KEY_BYTES} bytes of secret"
        )
    return hmac.new(key, normalise_email(email).encode("utf-8"), hashlib.sha256).hexdigest()


def suppress(
    ledger: Ledger, key: bytes, email: str, *, reason: str, request_id: str | None
) -> bool:
    """Add the subject to the marketing suppression list; False if already there."""
    return ledger.add_suppression(
        identity_hash=identity_hash(key, email), scope=SCOPE, reason=reason, request_id=request_id
    )


def without_suppressed(
    records: Iterable[Mapping[str, Any]], email_field: str, key: bytes, suppressed: frozenset[str]
) -> Iterator[Mapping[str, Any]]:
    """The records whose e-mail is not on the suppression list (the import path's filter)."""
    for record in records:
        email = record.get(email_field)
        if not email or identity_hash(key, str(email)) not in suppressed:
            yield record
