"""Canonical JSON: the one spelling of a value the chain hashes and the ledger stores.

``json.dumps(sort_keys=True, separators=(",", ":"))`` with ASCII escapes and datetimes spelt
``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC; other values a key may hold (UUID, Decimal, date, bytes)
in the key codec's canonical form (``gdpr.connectors.keys.canonical``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from gdpr.connectors.keys import canonical
from gdpr.ledger.clock import iso_utc

__all__ = ["canonical_json", "to_json_document"]


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
