"""The clock readings the data map sets (legal.md, Clocks): where an extended period ends, and
the Reg. 1182/71 Art. 3(4) shift off weekends and French public holidays; the board, the alerts
and the DPO's extension follow them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from gdpr.connections import create_sql_engine
from gdpr.deadlines import extended_due_at, request_due_at
from gdpr.deadlines.alerts import request_occasion
from gdpr.deadlines.board import board_rows, clock_settings, render_board
from gdpr.deadlines.calendar import WorkingDays
from gdpr.deadlines.decisions import decide
from gdpr.deadlines.watch import Alert, running_clocks, watch
from gdpr.ledger import Ledger, migrate
from tests.clock import TEST_NOW

PARIS = "Europe/Paris"
FRANCE = WorkingDays(PARIS, "FR")


def received(day: str) -> datetime:
    """Mid-morning in Paris on ``day``."""
    return datetime.fromisoformat(f"{day}T10:00").replace(tzinfo=ZoneInfo(PARIS))


def last_instant(day: str) -> datetime:
    local = datetime.fromisoformat(f"{day}T23:59:59.999999").replace(tzinfo=ZoneInfo(PARIS))
    return local.astimezone(UTC)


# (received, calendar due day, due day with the working-day shift on, why)
SHIFT_CASES = [
    ("2026-01-31", "2026-02-28", "2026-03-02", "31 Jan -> 28 Feb, a Saturday -> Monday"),
    ("2028-01-31", "2028-02-29", "2028-02-29", "2028: 31 Jan -> 29 Feb, a Tuesday"),
    ("2026-06-18", "2026-07-18", "2026-07-20", "due on a Saturday"),
    ("2026-06-14", "2026-07-14", "2026-07-15", "due on 14 July (Bastille Day)"),
    ("2026-04-14", "2026-05-14", "2026-05-15", "due on Ascension Thursday"),
    ("2026-04-23", "2026-05-23", "2026-05-26", "Saturday, Sunday, then Whit Monday"),
    ("2026-03-10", "2026-04-10", "2026-04-10", "a plain Friday is not moved"),
]


@pytest.mark.parametrize(
    ("received_on", "due_day", "shifted_day", "why"), SHIFT_CASES, ids=[c[3] for c in SHIFT_CASES]
)
def test_the_working_day_shift_moves_only_when_turned_on(received_on, due_day, shifted_day, why):
    due = request_due_at(received(received_on), PARIS)
    assert due == last_instant(due_day)  # off (the default): the calendar date stands
    assert FRANCE.period_end(due) == last_instant(shifted_day)


EXTENSION_CASES = [
    # (received, earlier reading, three months from receipt)
    ("2026-01-31", "2026-04-28", "2026-04-30"),
    ("2026-05-31", "2026-08-30", "2026-08-31"),
    ("2026-01-15", "2026-04-15", "2026-04-15"),  # both readings agree away from month ends
    ("2023-11-30", "2024-02-29", "2024-02-29"),
]


@pytest.mark.parametrize(("received_on", "earlier", "from_receipt"), EXTENSION_CASES)
def test_an_extension_ends_where_the_reading_says(received_on, earlier, from_receipt):
    at = received(received_on)
    assert extended_due_at(at, PARIS) == last_instant(earlier)  # strict default
    assert extended_due_at(at, PARIS, "earlier") == last_instant(earlier)
    assert extended_due_at(at, PARIS, "three_months_from_receipt") == last_instant(from_receipt)


def test_a_paused_deadline_that_lands_on_a_holiday_moves_to_the_end_of_the_next_working_day():
    # Due Monday 13 July; a 6-hour identity pause lands it on 14 July at 06:00 Paris time.
    due = last_instant("2026-07-13") + timedelta(hours=6)
    assert FRANCE.period_end(due) == last_instant("2026-07-15")


# -- on a real (SQLite) ledger: the clocks, the alerts, the board and the extension ----------


@pytest.fixture
def ledger(sqlite_url):
    engine = create_sql_engine(sqlite_url)
    migrate(engine)
    yield Ledger(engine, clock=lambda: TEST_NOW)
    engine.dispose()


def _request(ledger: Ledger, received_at: datetime, ref: str) -> str:
    return ledger.create_request(
        kind="access",
        subject_email=f"{ref}@example.org",
        received_at=received_at,
        due_at=request_due_at(received_at, PARIS),
        channel="test",
        external_ref=ref,
    ).request_id


def _with(datamap, **alerts):
    return datamap.model_copy(update={"alerts": datamap.alerts.model_copy(update=alerts)})


def test_the_board_and_the_alerts_show_a_deadline_moved_off_14_july(ledger, datamap):
    rid = _request(ledger, received("2026-06-14"), "bastille")
    shifted = _with(datamap, working_day_shift=True)
    now = datetime(2026, 7, 13, 8, tzinfo=UTC)

    (strict,) = running_clocks(ledger, datamap, now)
    assert strict.due_at == last_instant("2026-07-14")
    assert strict.moved_from is None

    (clock,) = running_clocks(ledger, shifted, now)
    assert clock.due_at == last_instant("2026-07-15")
    assert clock.moved_from == last_instant("2026-07-14")
    assert "Reg. 1182/71 Art. 3(4)" in clock.citation

    (row,) = board_rows([clock], now, PARIS)
    assert row.due.startswith("2026-07-15 23:59")
    assert row.moved == "moved from Tue 2026-07-14, not a working day: Reg. 1182/71 Art. 3(4)"
    html = render_board(shifted, [clock], now, "run-1")
    assert "moved from Tue 2026-07-14" in html
    assert "moved to the next working day (Reg. 1182/71 Art. 3(4), public holidays of FR)" in html

    occasion = request_occasion(clock, now, PARIS, [7, 2, 0])
    assert occasion is not None
    assert occasion.name == "due-in-2d"
    assert "on 2026-07-15 23:59 CEST (moved from Tue 2026-07-14" in occasion.summary

    strict_occasion = request_occasion(strict, now, PARIS, [7, 2, 0])
    assert "moved" not in strict_occasion.summary
    assert "moved_from" not in Alert(strict, strict_occasion, "email", "dpo@x.example").as_dict()
    sent = []
    watch(ledger, shifted, now, sent.append)
    assert sent
    assert all(a.as_dict()["moved_from"] == clock.moved_from.isoformat() for a in sent)
    assert {a.clock.target for a in sent} == {rid}


def test_the_board_states_the_strict_readings_by_default(datamap):
    assert clock_settings(datamap.alerts) == [
        "An extended request ends the earlier reading, two months after the first month "
        "(31 Jan -> 28 Apr).",
        "A request deadline on a weekend or public holiday is not moved (strict default; "
        "Reg. 1182/71 Art. 3(4) is off).",
        "Clocks are not paused while an identity check waits for the subject.",
    ]


def test_the_dpo_extension_follows_the_maps_reading(ledger):
    now = datetime(2026, 2, 20, 10, tzinfo=UTC)
    strict = _request(ledger, received("2026-01-31"), "strict")
    lenient = _request(ledger, received("2026-01-31"), "lenient")
    decided = decide(ledger, strict, "extend", "Complex", timezone=PARIS, now=now, actor="dpo")
    assert decided.extended_due_at == last_instant("2026-04-28")
    decided = decide(
        ledger,
        lenient,
        "extend",
        "Complex",
        timezone=PARIS,
        now=now,
        actor="dpo",
        extension_end="three_months_from_receipt",
    )
    assert decided.extended_due_at == last_instant("2026-04-30")
    (event,) = [e for e in ledger.request_events(lenient) if e.kind == "extended"]
    assert event.detail["extension_end"] == "three_months_from_receipt"
