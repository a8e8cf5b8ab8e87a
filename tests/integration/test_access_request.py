"""Registering the request an access run answers: new, existing, rerun, and every input mistake."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from gdpr.access import AccessInputError, register_request
from gdpr.connections import create_sql_engine
from gdpr.deadlines import request_due_at
from gdpr.ledger import Ledger, migrate

NOW = datetime(2026, 1, 31, 15, 0, tzinfo=UTC)
TZ = "Europe/Paris"


@pytest.fixture
def ledger(tmp_path):
    engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(engine)
    yield Ledger(engine, clock=lambda: NOW)
    engine.dispose()


def register(ledger, **form):
    form.setdefault("kind", "access")
    return register_request(ledger, timezone=TZ, now=NOW, run_id="manual__1", **form)


def requests(ledger):
    return ledger.open_requests()


def test_an_address_registers_a_request_due_one_calendar_month_later(ledger):
    made = register(ledger, email="  Camille.Durand@Example.FR ")
    record = ledger.get_request(made.request_id)
    assert made.created
    assert record.subject_email == "camille.durand@example.fr"
    assert record.received_at == NOW
    assert record.due_at == request_due_at(NOW, TZ)  # 28 February, end of day in Paris
    assert record.due_at.date() == date(2026, 2, 28)
    assert [e.kind for e in ledger.request_events(made.request_id)] == [
        "received",
        "export_started",
    ]


def test_the_day_of_receipt_starts_the_clock_in_the_organisation_zone(ledger):
    made = register(ledger, email="a.b@example.fr", received_on=date(2026, 1, 10))
    record = ledger.get_request(made.request_id)
    assert record.received_at == datetime(2026, 1, 9, 23, 0, tzinfo=UTC)  # midnight in Paris
    assert record.due_at == request_due_at(record.received_at, TZ)
    assert record.due_at.astimezone(ZoneInfo(TZ)).date() == date(2026, 2, 10)


def test_a_retry_of_the_same_run_or_the_same_reference_finds_the_same_request(ledger):
    first = register(ledger, email="a.b@example.fr")
    again = register(ledger, email="A.B@example.fr")
    assert again.request_id == first.request_id
    assert not again.created
    referenced = register(ledger, email="a.b@example.fr", reference="LETTER-9")
    assert register(ledger, email="a.b@example.fr", reference="LETTER-9").request_id == (
        referenced.request_id
    )
    assert len(requests(ledger)) == 2


def test_a_request_id_uses_the_ledger_request(ledger):
    made = register(ledger, email="a.b@example.fr", kind="portability")
    used = register(ledger, request_id=made.request_id, kind="portability")
    assert used.request_id == made.request_id
    assert used.kind == "portability"
    assert len(requests(ledger)) == 1


@pytest.mark.parametrize(
    ("form", "says"),
    [
        ({"email": "camille.durand@example"}, "domain with a dot"),
        ({"email": "camille durand@example.fr"}, "contains a space"),
        ({"request_id": "R-2026-000999"}, "is not in the ledger"),
        ({"request_id": "2026-17"}, "is not a request id"),
        ({}, "give the subject's e-mail address or the id of a request"),
        ({"email": "a.b@example.fr", "kind": "erasure"}, "kind must be one of"),
        ({"email": "a.b@example.fr", "received_on": date(2026, 3, 1)}, "in the future"),
    ],
)
def test_bad_input_is_refused_before_anything_is_written(ledger, form, says):
    with pytest.raises(AccessInputError, match=says) as caught:
        register(ledger, **form)
    assert requests(ledger) == []
    assert "camille" not in str(caught.value), "the message never repeats the address"


def test_a_request_of_another_kind_or_subject_is_refused(ledger):
    made = register(ledger, email="a.b@example.fr")
    with pytest.raises(AccessInputError, match="choose the kind 'access'"):
        register(ledger, request_id=made.request_id, kind="portability")
    with pytest.raises(AccessInputError, match="not the subject's address"):
        register(ledger, request_id=made.request_id, email="c.d@example.fr")
    with pytest.raises(AccessInputError, match="another subject or kind"):
        register(ledger, email="c.d@example.fr")  # same run id, other person
    assert len(ledger.request_events(made.request_id)) == 2
