"""The deadline board: every running clock, least time left first, as one HTML page for the DPO.

Only ids, kinds and dates appear: the board is a working list, and the subject's identity stays
in the ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from gdpr.datamap.models import Alerts, DataMap
from gdpr.deadlines.alerts import moved_note
from gdpr.deadlines.calendar import WORKING_DAY_CITATION
from gdpr.deadlines.clocks import Clock
from gdpr.ledger.clock import as_utc
from gdpr.reports.render import render_template


@dataclass(frozen=True)
class BoardRow:
    topic: str
    target: str
    kind: str
    started: str
    due: str
    left: str
    state: str  # "overdue", "soon" (7 days / 24 hours or less) or "ok"
    extended: bool
    citation: str
    moved: str  # why the deadline was moved off a weekend or holiday; empty if it was not


def board_rows(clocks: Sequence[Clock], now: datetime, timezone: str) -> list[BoardRow]:
    zone = ZoneInfo(timezone)
    rows = []
    for clock in sorted(clocks, key=lambda c: (c.time_left(now), c.target)):
        left = clock.time_left(now)
        soon = left.total_seconds() <= (86400 if clock.topic == "breach" else 7 * 86400)
        rows.append(
            BoardRow(
                topic=clock.topic,
                target=clock.target,
                kind=clock.kind,
                started=_local(clock.started_at, zone),
                due=_local(clock.due_at, zone),
                left=_duration(left),
                state="overdue" if clock.overdue(now) else "soon" if soon else "ok",
                extended=clock.extended,
                citation=clock.citation,
                moved=moved_note(clock, zone),
            )
        )
    return rows


def clock_settings(alerts: Alerts) -> list[str]:
    """The data map's clock readings in words, so the board says which rules its dates follow."""
    extension = (
        "three months from receipt (31 Jan -> 30 Apr)"
        if alerts.extension_end == "three_months_from_receipt"
        else "the earlier reading, two months after the first month (31 Jan -> 28 Apr)"
    )
    shift = (
        f"moved to the next working day ({WORKING_DAY_CITATION}, public holidays of "
        f"{alerts.public_holidays})"
        if alerts.working_day_shift
        else f"not moved (strict default; {WORKING_DAY_CITATION} is off)"
    )
    pause = "paused" if alerts.identity_check_pause else "not paused"
    return [
        f"An extended request ends {extension}.",
        f"A request deadline on a weekend or public holiday is {shift}.",
        f"Clocks are {pause} while an identity check waits for the subject.",
    ]


def render_board(datamap: DataMap, clocks: Sequence[Clock], now: datetime, run_id: str) -> str:
    rows = board_rows(clocks, now, datamap.organisation.timezone)
    return render_template(
        "board.html.j2",
        org=datamap.organisation,
        settings=clock_settings(datamap.alerts),
        rows=rows,
        overdue=sum(r.state == "overdue" for r in rows),
        generated_at=as_utc(now),
        run_id=run_id,
    )


def _local(instant: datetime, zone: ZoneInfo) -> str:
    return as_utc(instant).astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def _duration(left) -> str:
    seconds = int(left.total_seconds())
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    days, rest = divmod(seconds, 86400)
    return (
        f"{sign}{days} d {rest // 3600} h"
        if days
        else f"{sign}{rest // 3600} h {rest % 3600 // 60:02d} min"
    )
