"""The evidence hash format, which an auditor must be able to re-derive without our code."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest

from gdpr.ledger.chain import canonical_json, digest_keys, row_hash, to_json_document
from gdpr.ledger.clock import iso_utc


def test_row_hash_follows_the_documented_formula() -> None:
    content = {
        "id": 1,
        "at": datetime(2026, 3, 2, 9, 15, 0, 120, tzinfo=UTC),
        "action": "retention.delete",
        "count": 3,
        "detail": {"batch": 1, "rule_version": "2"},
    }
    by_hand = (
        '{"action":"retention.delete","at":"2026-03-02T09:15:00.000120Z","count":3,'
        '"detail":{"batch":1,"rule_version":"2"},"id":1}'
    )
    expected = hashlib.sha256(("0" * 64 + by_hand).encode()).hexdigest()
    assert row_hash("0" * 64, content) == expected


def test_the_same_instant_hashes_the_same_whatever_its_zone() -> None:
    paris = timezone(timedelta(hours=1))
    instant = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)
    assert iso_utc(instant.astimezone(paris)) == iso_utc(instant) == "2026-01-31T23:30:00.000000Z"
    assert canonical_json({"at": instant.astimezone(paris)}) == canonical_json({"at": instant})


def test_naive_timestamps_are_refused() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        iso_utc(datetime(2026, 1, 31, 12, 0))


def test_key_digest_ignores_processing_order_but_not_membership() -> None:
    keys = [42, 7, 1001]
    assert digest_keys(keys) == digest_keys(reversed(keys))
    assert digest_keys(keys) != digest_keys([42, 7])
    assert digest_keys([{"order_id": 1, "line": 2}]) == digest_keys([{"line": 2, "order_id": 1}])


def test_detail_is_stored_as_it_will_be_read_back() -> None:
    assert to_json_document({"keys": (1, 2)}) == {"keys": [1, 2]}
    assert to_json_document({3: "x"}) == {"3": "x"}
    with pytest.raises(ValueError, match="JSON"):
        to_json_document({"ratio": float("nan")})
    with pytest.raises(ValueError, match="JSON"):
        to_json_document({"ids": {1, 2}})
