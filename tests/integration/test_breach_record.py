"""Breach declaration and notification record in the ledger: the 72-hour rule and its delay
reasons, phased notifications (Art. 33(1), 33(4), 33(5)), and the Art. 34(3) exemptions from
writing to each subject, with the drafts that follow them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from gdpr.breach.drafts import (
    LETTER,
    PUBLIC,
    communication,
    communication_draft,
    notification_draft,
)
from gdpr.breach.record import BreachInputError, declare_breach, record_submission
from gdpr.connections import create_sql_engine
from gdpr.ledger import Ledger, migrate

AWARE = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SCOPE = {"subjects": 42, "records": 50, "records_by_dataset": {}, "subjects_by_dataset": {}}


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


# -- Art. 34(3): the exemption from writing to each subject, on every supported ledger ---------


@pytest.fixture
def any_ledger(sql_url):
    engine = create_sql_engine(sql_url)
    migrate(engine)
    yield Ledger(engine)
    engine.dispose()


ENCRYPTED = "The laptop's disk was encrypted (AES-256); the key was never on it."


def test_an_exempt_breach_keeps_its_exemption_and_drafts_no_letter(any_ledger, datamap):
    breach = _declare(
        any_ledger,
        datamap,
        communication_exemption="unintelligible",
        exemption_reason=f"  {ENCRYPTED} ",
    )
    kept = any_ledger.get_breach(breach.breach_id)
    assert kept.communication_exemption == "unintelligible"
    assert kept.exemption_reason == ENCRYPTED
    assert communication(kept) is None
    draft = notification_draft(
        datamap, kept, SCOPE, consequences="", measures="", generated_at=AWARE
    )
    assert "exemption article 34(3)(a) du RGPD" in draft
    assert f"Justification : {ENCRYPTED}".replace("'", "&#39;") in draft


def test_disproportionate_effort_drafts_a_public_communication(any_ledger, datamap):
    breach = _declare(
        any_ledger,
        datamap,
        communication_exemption="disproportionate_effort",
        exemption_reason="No contact details for most people in the leaked archive.",
    )
    assert communication(breach) == PUBLIC
    public = communication_draft(datamap, breach, SCOPE, consequences="", measures="")
    assert "Draft public communication" in public
    assert "To everyone concerned," in public
    assert "Dear customer," not in public
    assert "the personal data of about 42 people" in public
    letter = communication_draft(
        datamap, _declare(any_ledger, datamap), SCOPE, consequences="", measures=""
    )
    assert "Dear customer," in letter


def test_without_an_exemption_a_high_risk_calls_for_a_letter(any_ledger, datamap):
    assert communication(_declare(any_ledger, datamap, communication_exemption="none")) == LETTER
    assert communication(_declare(any_ledger, datamap, high_risk=False)) is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"communication_exemption": "encrypted", "exemption_reason": ENCRYPTED}, "unknown"),
        ({"communication_exemption": "unintelligible"}, "justify the Art. 34(3)(a)"),
        (
            {"communication_exemption": "unintelligible", "exemption_reason": ENCRYPTED,
             "high_risk": False},
            "only lifts the communication a high risk calls for",
        ),
        ({"exemption_reason": ENCRYPTED}, "without an Art. 34(3) exemption"),
    ],
)  # fmt: skip
def test_a_wrong_exemption_is_refused_before_anything_is_written(
    any_ledger, datamap, changes, message
):
    with pytest.raises(BreachInputError, match=re.escape(message)):
        _declare(any_ledger, datamap, **changes)
    assert any_ledger.open_breaches() == []
