"""Parts of a rule's selection: every expired record in exactly one part, whatever its key;
outcomes of parts added up as the report shows them."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from gdpr.datamap import parse_datamap
from gdpr.retention.partition import DEFERRED, Part, merge_outcomes, unsplittable
from gdpr.retention.plan import plan_rule
from tests.conftest import ROOT
from tests.integration.test_normalised_references import MAP as NORMALISED_MAP

KEYS = {
    "integers": [(i,) for i in range(3000)],
    "uuids": [(uuid.UUID(int=i * 7919),) for i in range(3000)],
    "composite": [(f"FR-{i % 17}", i, date(2020, 1, 1 + i % 28)) for i in range(3000)],
}


@pytest.mark.parametrize("kind", sorted(KEYS))
@pytest.mark.parametrize("count", [2, 3, 8])
def test_every_key_is_in_exactly_one_part_and_parts_are_even(kind, count):
    keys = KEYS[kind]
    parts = [Part(i, count) for i in range(count)]
    owners = Counter(sum(p.holds(k) for p in parts) for k in keys)
    assert owners == {1: len(keys)}
    sizes = [sum(p.holds(k) for k in keys) for p in parts]
    assert max(sizes) < 1.25 * len(keys) / count, sizes


def test_a_part_is_the_same_whatever_the_driver_returns():
    """A UUID from PostgreSQL and its text from MariaDB, an int and its text: same part."""
    part = Part(1, 4)
    for native, text in [(uuid.UUID(int=42), str(uuid.UUID(int=42))), (42, "42")]:
        assert part.holds((native,)) == part.holds((text,))


def test_pages_keep_only_the_parts_keys():
    pages = [[(i,) for i in range(j, j + 100)] for j in range(0, 1000, 100)]
    kept = [k for p in range(3) for page in Part(p, 3).pages(pages) for k in page]
    assert sorted(kept) == [(i,) for i in range(1000)]
    assert list(Part().pages(pages)) == pages


@pytest.mark.parametrize(("index", "count"), [(0, 0), (3, 3), (-1, 2), (0, 65)])
def test_impossible_parts_are_refused(index, count):
    with pytest.raises(ValueError, match="needs 0 <= part < parts <= 64"):
        Part(index, count)


def test_every_shipped_rule_can_be_split():
    maps = [ROOT / "include" / "datamap.yaml", *sorted((ROOT / "examples").glob("*/datamap.yaml"))]
    for path in maps:
        datamap = parse_datamap(Path(path).read_text())
        for rule in datamap.retention:
            assert unsplittable(datamap, plan_rule(datamap, rule)) == "", (path, rule.id)


def test_a_rule_reaching_records_by_a_normalised_address_runs_whole():
    """Other holders of a value are looked up as stored: ``Bob@x`` and ``bob@x`` would escape."""
    datamap = parse_datamap(NORMALISED_MAP)
    (rule,) = datamap.retention
    assert unsplittable(datamap, plan_rule(datamap, rule)) == (
        "helpdesk.tickets joins crm.customers on emails compared normalised"
    )


def outcome(expired, spared, count, spared_records=0, longest=0.1):
    return {
        "rule": "r",
        "dataset": "crm.people",
        "dry_run": False,
        "as_of": "",
        "cutoff": "2023-01-01",
        "expired": expired,
        "batches": 1,
        "longest_transaction_seconds": longest,
        "spared": spared,
        "datasets": {"crm.people": {"action": "delete", "count": count, "spared": spared_records}},
        "shared": {},
    }


def test_merged_outcome_counts_changes_once_and_takes_the_final_pass_word_on_what_stayed():
    parts = [
        outcome(10, {"legal hold": 1, DEFERRED: 2}, 7, 3),
        outcome(5, {}, 5, longest=0.3),
    ]
    final = outcome(3, {"legal hold": 1}, 2, 1)
    merged = merge_outcomes(parts, final)
    assert merged["expired"] == 15  # the final pass selects again what the parts left
    assert merged["spared"] == {"legal hold": 1}
    assert merged["datasets"]["crm.people"] == {"action": "delete", "count": 14, "spared": 1}
    assert merged["batches"] == 3
    assert merged["longest_transaction_seconds"] == 0.3  # the longest of any task
    assert merged["parts"] == 2
    alone = merge_outcomes([outcome(4, {"legal hold": 1}, 3, 1), outcome(2, {}, 2)])
    assert alone["spared"] == {"legal hold": 1}
    assert alone["datasets"]["crm.people"]["count"] == 5
