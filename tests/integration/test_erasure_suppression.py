"""An erased subject on the suppression list is not re-imported by the demo's contact import."""

from __future__ import annotations

import sqlalchemy as sa

from examples.retailer.contacts import import_prospects
from examples.retailer.planted import PLANTED
from gdpr.erasure.suppression import suppress
from gdpr.ledger import Ledger

KEY = b"suppression-test-key-0123456789"


def prospects_with(engine, email):
    with engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT count(*) FROM prospects WHERE lower(trim(email)) = :e"), {"e": email}
        ).scalar_one()


def test_suppressed_subject_is_skipped_and_others_are_imported(demo_org):
    ledger = Ledger(demo_org.ledger)
    subject = PLANTED.subject.email
    before = prospects_with(demo_org.crm, subject)
    assert suppress(ledger, KEY, subject, reason="erased under Art. 17(1)(c)", request_id=None)
    assert not suppress(ledger, KEY, subject, reason="again", request_id=None), "added once"

    counts = import_prospects(
        demo_org.crm,
        ledger,
        [
            {"email": "  CAMILLE.Durand@example.fr ", "first_name": "Camille"},
            {"email": "new.lead@example.org", "first_name": "Léa"},
        ],
        key=KEY,
    )

    assert counts == {"read": 2, "imported": 1, "suppressed": 1}
    assert prospects_with(demo_org.crm, subject) == before
    assert prospects_with(demo_org.crm, "new.lead@example.org") == 1
    assert subject not in repr(ledger.suppressions()), (
        "the ledger holds a keyed hash, not the address"
    )
