"""The deadline board: every running clock, least time left first, as one HTML page for the DPO.

Only ids, kinds and dates appear: the board is a working list, and the subject's identity stays
in the ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from gdpr.datamap.models import DataMap
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
            )
        )
    return rows


def render_board(datamap: DataMap, clocks: Sequence[Clock], now: datetime, run_id: str) -> str:
    rows = board_rows(clocks, now, datamap.organisation.timezone)
    return render_template(
        "board.html.j2",
        org=datamap.organisation,
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
