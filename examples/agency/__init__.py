"""Clé de Ville, a French letting agency: the shipped organisation whose ticketing system is
Request Tracker 5 (examples/agency/datamap.yaml).

Tenants and rent payments in SQL, tenant files in a versioned bucket, and the front desk's RT,
which the seeder fills through RT's REST 2 API as the front desk would (tickets, replies,
resolutions; RT creates the requestors' users). It needs a fresh RT given ``RT_INITIALDATA``
(examples/rt_server.py), so it is not in ``examples.ORGANISATIONS`` (tests/dags/test_agency.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from examples.agency import data
from examples.agency.planted import PLANTED
from examples.planted import SeedSummary

NAME = "agency"
DATAMAP = Path(__file__).with_name("datamap.yaml")
RT_INITIALDATA = Path(__file__).with_name("rt-initialdata.pl")
MIN_SUBJECTS = data.MIN_SUBJECTS
HELD_TENANT = {"tenant_id": "3"}  # the deposit dispute (data.HELD, third tenant)

_metadata = sa.MetaData()
TENANTS = sa.Table(
    "tenants",
    _metadata,
    sa.Column("tenant_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("file_no", sa.String(16), nullable=False, unique=True),
    sa.Column("email", sa.String(254), nullable=False),
    sa.Column("full_name", sa.String(200)),
    sa.Column("phone", sa.String(40)),
    sa.Column("lease_start", sa.Date, nullable=False),
    sa.Column("lease_end", sa.Date),
)
PAYMENTS = sa.Table(
    "payments",
    _metadata,
    sa.Column("payment_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("tenant_id", sa.Integer, sa.ForeignKey("tenants.tenant_id"), nullable=False),
    sa.Column("month", sa.Date, nullable=False),
    sa.Column("amount", sa.Numeric(10, 2), nullable=False),
)


def seed(
    engines: Mapping[str, sa.Engine],
    s3: Any,
    *,
    subjects: int,
    today: date,
    seed: int = 42,
    rt: Any,
) -> SeedSummary:
    """Seed the organisation into ``engines`` (its SQL system ``gestion``), ``s3`` and ``rt``
    (an ``examples.rt_server.RtServer``: a fresh RT given ``RT_INITIALDATA``)."""
    from examples import buckets_of
    from examples.buckets import ensure_buckets, put_versions, wipe

    seeded = data.build(subjects, today, seed)
    engine = engines["gestion"]
    _metadata.drop_all(engine)
    _metadata.create_all(engine)
    rows: dict[str, int] = {}
    with engine.begin() as conn:
        for table in (TENANTS, PAYMENTS):
            batch = [row for name, row in seeded.rows if name == f"gestion.{table.name}"]
            conn.execute(table.insert(), batch)
            rows[f"gestion.{table.name}"] = len(batch)

    buckets = buckets_of(DATAMAP)
    ensure_buckets(s3, buckets)
    wipe(s3, buckets["documents"], "files/")
    live, written = put_versions(s3, buckets["documents"], seeded.documents, "application/pdf")

    rows["accueil.tickets"] = _write_tickets(rt, seeded.tickets)
    return SeedSummary(
        rows=rows,
        objects={"documents.tenant_files": live},
        versions={"documents.tenant_files": written},
    )


def _write_tickets(rt: Any, tickets: list[data.Ticket]) -> int:
    """Each ticket through REST 2, as the front desk would: created by its requestor, answered,
    resolved at its date (RT stamps the resolution; the seeded date is set after)."""
    for number, ticket in enumerate(tickets, start=1):
        body: dict[str, Any] = {
            "Queue": data.QUEUE,
            "Requestor": ticket.requestor,
            "Subject": ticket.subject,
            "Content": ticket.content,
            "ContentType": "text/plain",
        }
        if ticket.tenant_file:
            body["CustomFields"] = {"Tenant file": ticket.tenant_file}
        created = rt.api("POST", "ticket", body)
        if int(created["id"]) != number:
            raise RuntimeError(
                f"RT gave ticket id {created['id']} where {number} was expected: "
                "seed a fresh RT (python -m examples.rt_server start agency var)"
            )
        if ticket.reply:
            rt.api(
                "POST",
                f"ticket/{number}/correspond",
                {"Content": ticket.reply, "ContentType": "text/plain"},
            )
        if ticket.resolved:
            rt.api("PUT", f"ticket/{number}", {"Status": "resolved"})
            rt.api("PUT", f"ticket/{number}", {"Resolved": ticket.resolved})
    return len(tickets)


def place_holds(ledger) -> None:
    """The deposit dispute: a hold on the held tenant's record (idempotent). The map's holds
    scope (`subject`, the default) makes it protect everything of that tenant."""
    dataset = "gestion.tenants"
    held = ledger.active_legal_holds()
    if not any(h.dataset == dataset and h.record_key == HELD_TENANT for h in held):
        ledger.add_legal_hold(
            reason=PLANTED.hold_reason,
            reference=PLANTED.hold_reference,
            dataset=dataset,
            record_key=dict(HELD_TENANT),
        )


__all__ = ["DATAMAP", "MIN_SUBJECTS", "NAME", "PLANTED", "RT_INITIALDATA", "place_holds", "seed"]
