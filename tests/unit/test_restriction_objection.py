"""The pure parts of restriction (Art. 18) and objection (Art. 21): how each dataset marks a
restricted record, which datasets and purposes are marketing or legitimate interest, and the
ledger's per-record restriction (recorded once, lifted with its date, never deleted)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from gdpr.erasure.objection import (
    interest_holdings,
    interest_purposes,
    marketing_datasets,
    marketing_purposes,
)
from gdpr.erasure.restriction import RestrictionOutcome, _set_flag, mark_of, marks
from gdpr.ledger import Ledger, RecordNotFoundError, migrate
from gdpr.subject.resolve import DatasetHits, SubjectLocation
from tests.clock import TEST_NOW


@pytest.fixture
def ledger(sqlite_url):
    from gdpr.connections import create_sql_engine

    engine = create_sql_engine(sqlite_url)
    migrate(engine)
    yield Ledger(engine)
    engine.dispose()


def test_a_dataset_with_a_flag_is_flagged_and_every_other_is_marked_in_the_ledger(datamap):
    found = marks(datamap)
    assert set(found) == set(datamap.dataset_ids())
    for ref in datamap.iter_datasets():
        expected = "flag" if ref.dataset.restriction_flag else "ledger"
        assert found[ref.id] == mark_of(ref) == expected
    assert "flag" in found.values()
    assert "ledger" in found.values(), "objects have no flag: the ledger marks them"
    assert all(found[r.id] == "ledger" for r in datamap.iter_datasets() if r.kind == "s3")


def test_marketing_is_where_the_map_declares_consent(datamap):
    declared = [r.id for r in datamap.iter_datasets() if r.dataset.consent is not None]
    assert [r.id for r in marketing_datasets(datamap)] == declared
    assert declared, "the shipped map records marketing consent"
    purposes = marketing_purposes(datamap)
    assert purposes == sorted({p for d in declared for p in datamap.dataset(d).dataset.purposes})
    assert all(datamap.purpose(p).legal_basis == "consent" for p in purposes)


def test_an_art_21_1_objection_concerns_the_subjects_records_on_legitimate_interest(datamap):
    interest = interest_purposes(datamap)
    assert interest
    assert all(datamap.purpose(p).legal_basis == "legitimate_interest" for p in interest)
    on_interest = next(
        r.id for r in datamap.iter_datasets() if set(interest) & set(r.dataset.purposes)
    )
    elsewhere = next(
        r.id for r in datamap.iter_datasets() if not set(interest) & set(r.dataset.purposes)
    )
    location = SubjectLocation(
        "email",
        {
            on_interest: DatasetHits(on_interest, ("id",), {(1,): {}, (2,): {}}),
            elsewhere: DatasetHits(elsewhere, ("id",), {(3,): {}}),
        },
    )
    assert interest_holdings(datamap, location) == {on_interest: 2}
    assert interest_holdings(datamap, SubjectLocation("email", {})) == {}


@pytest.mark.parametrize(
    ("value", "restricted"),
    [
        (True, True),
        (1, True),
        ("1", True),
        (False, False),
        (None, False),
        ("", False),
        ("0", False),
    ],
)
def test_a_flag_reads_set_as_each_system_stores_it(value, restricted):
    assert _set_flag(value) is restricted


def test_an_outcome_carries_counts_and_dataset_names_only():
    outcome = RestrictionOutcome(
        "restrict", records={"a.x": 2, "b.y": 0}, changed={"a.x": 1}, marks={"a.x": "flag"}
    )
    assert outcome.as_dict() == {
        "action": "restrict",
        "records": {"a.x": 2, "b.y": 0},
        "changed": {"a.x": 1},
        "marks": {"a.x": "flag"},
        "datasets": ["a.x"],
    }


def test_the_ledger_restricts_each_record_once_and_keeps_it_when_lifted(ledger):
    request = ledger.create_request(
        kind="restriction",
        subject_email="someone@example.org",
        received_at=TEST_NOW,
        due_at=TEST_NOW + timedelta(days=30),
        channel="test",
    )
    rid = request.request_id
    first = ledger.add_restrictions(rid, "files.docs", [(("a/1.pdf",), "ledger"), ((7,), "ledger")])
    assert [(r.record_key, r.how) for r in first] == [(("a/1.pdf",), "ledger"), (("7",), "ledger")]
    again = ledger.add_restrictions(rid, "files.docs", [((7,), "flag"), (("b/2.pdf",), "ledger")])
    assert [(r.record_key, r.how) for r in again] == [
        (("a/1.pdf",), "ledger"),
        (("7",), "ledger"),  # as first recorded
        (("b/2.pdf",), "ledger"),
    ]
    assert len(ledger.restrictions()) == 3
    assert ledger.lift_restrictions(rid, "files.docs") == 3
    assert ledger.lift_restrictions(rid, "files.docs") == 0
    assert ledger.restrictions() == []
    kept = ledger.restrictions(request_id=rid, active=False)
    assert len(kept) == 3
    assert all(r.lifted_at is not None for r in kept)
    with pytest.raises(RecordNotFoundError):
        ledger.add_restrictions("R-2026-999999", "files.docs", [(("x",), "ledger")])
