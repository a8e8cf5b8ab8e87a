"""What Clé de Ville's seeder writes, built as plain values (no database, no RT): tenants and
their rent payments (SQL), tenant files (S3), and the front desk's RT tickets.

Deterministic in ``(subjects, today, seed)``. Ticket ids are RT's: a fresh RT numbers tickets
1, 2, ... in the order they are created, which is the order of ``tickets``; the seeder checks it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from examples.planted import SeedObject

QUEUE = "Front desk"
MIN_SUBJECTS = 10
MAX_POPULATION_TICKETS = 60  # REST 2 writes them one by one: the population gets a sample
# (name, e-mail as stored in the letting database, lease ended how many years before today)
SUBJECT = ("Claire Fontaine", "Claire.Fontaine@example.fr", None)  # the scenario's tenant
EXPIRED = ("Marc Lemoine", "marc.lemoine@example.fr", 6)  # file past its 5 years
HELD = ("Sophie Barre", "sophie.barre@example.fr", 7)  # past them too, but in a deposit dispute
HOLD_REASON = "Dispute over the security deposit of the lease, pending before the court"
HOLD_REFERENCE = "TJ Lyon 2026-004512"


@dataclass(frozen=True)
class Ticket:
    requestor: str
    subject: str
    content: str
    tenant_file: str | None = None
    reply: str | None = None
    resolved: str | None = None  # "YYYY-MM-DD HH:MM:SS" UTC


@dataclass(frozen=True)
class Document:
    key: str
    versions: list[bytes]  # the data of each version, oldest first
    delete_marker: bool = False


@dataclass(frozen=True)
class Seeded:
    rows: list[tuple[str, dict[str, Any]]]  # ("system.table", row) of the SQL side
    documents: list[Document]
    tickets: list[Ticket]  # in creation order: ticket i + 1 is tickets[i]

    def objects(self) -> list[SeedObject]:
        return [
            SeedObject("documents.tenant_files", d.key, len(d.versions), d.delete_marker)
            for d in self.documents
        ]

    def truth_rows(self) -> list[tuple[str, dict[str, Any]]]:
        """The SQL rows and the RT tickets as records (what examples.planted.truth walks)."""
        tickets = [
            (
                "accueil.tickets",
                {"id": n, "Requestor": t.requestor, "CF.Tenant file": t.tenant_file},
            )
            for n, t in enumerate(self.tickets, start=1)
        ]
        return self.rows + tickets


def _years_before(today: date, years: int) -> date:
    return today.replace(year=today.year - years, day=min(today.day, 28))


def _stamp(day: date) -> str:
    return f"{day.isoformat()} 10:00:00"


def build(subjects: int, today: date, seed: int = 42) -> Seeded:
    """Every record of a seed of ``subjects`` tenants (the three planted ones first)."""
    rng = random.Random(seed)
    people = [SUBJECT, EXPIRED, HELD]
    for i in range(max(subjects, MIN_SUBJECTS) - len(people)):
        ended = rng.randint(1, 9) if i % 3 == 0 else None
        people.append((f"Tenant {i:05d}", f"tenant{i:05d}@example.net", ended))
    rows: list[tuple[str, dict[str, Any]]] = []
    documents: list[Document] = []
    tickets: list[Ticket] = []
    payment_id = 0
    for tenant_id, (name, email, ended) in enumerate(people, start=1):
        file_no = f"L-{tenant_id:05d}"
        lease_end = _years_before(today, ended) if ended else None
        lease_start = _years_before(lease_end or today, 3)
        rows.append(
            (
                "gestion.tenants",
                {
                    "tenant_id": tenant_id,
                    "file_no": file_no,
                    "email": email,
                    "full_name": name,
                    "phone": f"06 {tenant_id % 100:02d} {rng.randint(10, 99)} 00 00",
                    "lease_start": lease_start,
                    "lease_end": lease_end,
                },
            )
        )
        for months in (1, 2):
            payment_id += 1
            month = (lease_end or today) - timedelta(days=30 * months)
            rows.append(
                (
                    "gestion.payments",
                    {
                        "payment_id": payment_id,
                        "tenant_id": tenant_id,
                        "month": month.replace(day=1),
                        "amount": 650 + tenant_id % 7 * 25,
                    },
                )
            )
        texts = {"lease": [f"Lease {file_no} signed by {name}"]}
        if tenant_id <= 3:  # the planted tenants: an amended lease, an identity document
            texts["lease"].append(f"Lease {file_no} signed by {name}, amended")
            texts["identity"] = [f"Identity document of {name}"]
        for document, versions in texts.items():
            documents.append(
                Document(f"files/{file_no}/{document}.pdf", [t.encode() for t in versions])
            )
        if tenant_id > 3 and tenant_id % 5 == 0 and len(tickets) < MAX_POPULATION_TICKETS + 4:
            tickets.append(
                Ticket(email.lower(), "Boiler", "The boiler makes a noise.", tenant_file=file_no)
            )
        elif tenant_id == 1:
            tickets += [
                Ticket(
                    email.lower(),
                    "Water leak in the bathroom",
                    "Water is leaking under the bath of my flat, please send someone.",
                    tenant_file=file_no,
                    reply="A plumber will come on Tuesday morning, Ms Fontaine.",
                    resolved=_stamp(today - timedelta(days=40)),
                ),
                Ticket(
                    email.lower(),
                    "Rent receipt",
                    "Could you send me my rent receipts for the tax return?",
                ),
            ]
        elif tenant_id in (2, 3):
            tickets.append(
                Ticket(
                    email.lower(),
                    "Security deposit",
                    "When will my security deposit be returned?",
                    tenant_file=file_no,
                    resolved=_stamp(lease_end + timedelta(days=30)),
                )
            )
    return Seeded(rows, documents, tickets)
