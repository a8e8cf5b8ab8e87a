"""The purge's streaming digest equals the ledger's digest of the same keys, whatever the order."""

from __future__ import annotations

import random

from gdpr.ledger import digest_keys
from gdpr.retention.digest import SortedKeyDigest


def test_streaming_digest_matches_the_ledger_digest_with_spills():
    keys = [(i,) for i in range(1, 2500)] + [("a/b.pdf",), (None,)]
    random.Random(7).shuffle(keys)
    digest = SortedKeyDigest(spill_lines=300)  # forces several runs on disk
    for start in range(0, len(keys), 97):
        digest.add(keys[start : start + 97])
    assert digest.count == len(keys)
    assert digest.hexdigest() == digest_keys([list(k) for k in keys])


def test_empty_digest_is_the_digest_of_nothing():
    assert SortedKeyDigest().hexdigest() == digest_keys([])


def test_integer_shortcut_gives_the_canonical_lines_and_the_ledger_digest():
    from gdpr.ledger.chain import canonical_json
    from gdpr.retention.digest import digest_lines, key_lines

    keys = [(7,), (10,), (-3,), (True,), ("7",), (1, "a"), (None,)]
    assert key_lines(keys) == [canonical_json(list(k)) for k in keys]
    assert digest_lines(key_lines(keys)) == digest_keys([list(k) for k in keys])
