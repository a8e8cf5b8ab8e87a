"""A purge's selection held on disk (gdpr.retention.spill): what goes in comes back, in order."""

from __future__ import annotations

import tempfile
import uuid
from datetime import date

import pytest

from gdpr.connectors.base import SelectionRefusedError
from gdpr.retention import spill
from gdpr.retention.spill import SpilledKeys


def test_keys_of_any_type_come_back_in_order_in_exact_batches_as_often_as_asked():
    pages = [
        [(i, f"t{i}", uuid.UUID(int=i), date(2020, 1, 1 + i % 28)) for i in range(start, stop)]
        for start, stop in ((0, 5), (5, 5), (5, 12))  # an empty page in between
    ]
    spilled = SpilledKeys(iter(pages))
    try:
        expected = [key for page in pages for key in page]
        assert spilled.count == 12
        assert [len(b) for b in spilled.batches(5)] == [5, 5, 2]
        assert [key for batch in spilled.batches(5) for key in batch] == expected
        assert list(spilled) == expected  # read again from the start
    finally:
        spilled.close()


def test_a_selection_that_fails_half_way_leaves_no_file_open(monkeypatch):
    opened = []
    original = tempfile.TemporaryFile

    def temporary_file():
        opened.append(original())
        return opened[-1]

    monkeypatch.setattr(spill.tempfile, "TemporaryFile", temporary_file)

    def pages():
        yield [(1,), (2,)]
        raise SelectionRefusedError("column relationship_end does not exist")

    with pytest.raises(SelectionRefusedError):
        SpilledKeys(pages())
    assert len(opened) == 1
    assert opened[0].closed
