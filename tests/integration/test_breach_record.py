"""Breach declaration and notification record in the ledger: the 72-hour rule and its delay
reasons, phased notifications (Art. 33(1), 33(4), 33(5))."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gdpr.breach.record import BreachInputError, declare_breach, record_submission
from gdpr.connections import create_sql_engine
from gdpr.ledger import Ledger, migrate

AWARE = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def ledger(sqlite_url):
    engine = create_sql_engine(sqlite_url)
    migrate(engine)
    yield Ledger(engine)
    engine.dispose()


def _declare(ledger, datamap, **changes):
    form = {
        "title": "Export on a public share",
        "aware_at": AWARE,
        "datasets": ["crm.orders", "helpdesk.tickets"],
        "categories": ["user.contact.email"],
        "description": "An export was reachable without login.",
        "high_risk": True,
        "now": AWARE + timedelta(hours=1),
    }
    return declare_breach(ledger, datamap, **{**form, **changes})


def test_a_declared_breach_is_documented_with_its_systems(ledger, datamap):
    breach = _declare(ledger, datamap)
    assert breach.breach_id.startswith("B-2026-")
    assert breach.systems == ["crm", "helpdesk"]
    assert ledger.open_breaches() == [breach]


def test_bad_declarations_are_refused_before_anything_is_written(ledger, datamap):
    with pytest.raises(BreachInputError, match="unknown dataset"):
        _declare(ledger, datamap, datasets=["crm.nowhere"])
    with pytest.raises(BreachInputError, match="in the future"):
        _declare(ledger, datamap, aware_at=AWARE + timedelta(days=2))
    with pytest.raises(BreachInputError, match="describe"):
        _declare(ledger, datamap, description=" ")
    assert ledger.open_breaches() == []


def test_within_72_hours_the_notification_closes_the_breach(ledger, datamap):
    breach = _declare(ledger, datamap)
    done = record_submission(
        ledger,
        breach.breach_id,
        reference="CNIL-1",
        submitted_at=AWARE + timedelta(hours=70),
        delay_reason=None,
        final=True,
        now=AWARE + timedelta(hours=71),
    )
    assert done.status == "closed"
    assert done.authority_notified_at == AWARE + timedelta(hours=70)


def test_a_late_notification_needs_the_reasons_for_the_delay(ledger, datamap):
    breach = _declare(ledger, datamap)
    late = AWARE + timedelta(hours=80)
    with pytest.raises(BreachInputError, match="reasons for the delay"):
        record_submission(
            ledger,
            breach.breach_id,
            reference="CNIL-2",
            submitted_at=late,
            delay_reason="",
            final=True,
            now=late,
        )
    assert ledger.get_breach(breach.breach_id).authority_notified_at is None
    done = record_submission(
        ledger,
        breach.breach_id,
        reference="CNIL-2",
        submitted_at=late,
        delay_reason="Scope unknown until the forensic report",
        final=True,
        now=late,
    )
    assert done.delay_reason == "Scope unknown until the forensic report"


def test_a_phased_notification_keeps_the_first_time_and_every_reference(ledger, datamap):
    breach = _declare(ledger, datamap)
    first = record_submission(
        ledger,
        breach.breach_id,
        reference="CNIL-3",
        submitted_at=AWARE + timedelta(hours=60),
        delay_reason=None,
        final=False,
        now=AWARE + timedelta(hours=60),
    )
    assert first.status == "open"
    final = record_submission(
        ledger,
        breach.breach_id,
        reference="CNIL-3-complement",
        submitted_at=AWARE + timedelta(hours=100),
        delay_reason=None,
        final=True,
        now=AWARE + timedelta(hours=100),
    )
    assert final.authority_notified_at == AWARE + timedelta(hours=60)
    assert final.authority_reference == "CNIL-3; CNIL-3-complement"
    assert final.status == "closed"
