"""A real Request Tracker 5 for the tests of the rt connector, as a plugin a test module requires
(``pytest_plugins = ["tests.rt.plugin"]``).

Debian's ``request-tracker5`` with SQLite (examples/rt_server.py): once per session, a
database is initialised (``rt-setup-database``), given the queues and custom field of
``initialdata.pl``, and seeded through REST 2 with the tickets of ``SEED``; each test gets a
copy of that database served by RT's standalone server (``rt-server``) on a free port, started
in its own process group and stopped by its PID. The tests authenticate as RT's ``root`` with
basic authentication. Without the package, the tests that use it are skipped, saying so.
"""

from __future__ import annotations

import base64
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from examples.rt_server import (  # noqa: F401  (SERVER, SETUP, site_config: bench/rt.py's)
    LOGIN,
    NOT_INSTALLED,
    PASSWORD,
    SERVER,
    SETUP,
    RtServer,
    initialise,
    installed,
    serve,
    site_config,
)

INITIALDATA = Path(__file__).with_name("initialdata.pl")


@dataclass(frozen=True)
class SeedTicket:
    queue: str
    requestor: str
    subject: str
    content: str
    created: str  # "YYYY-MM-DD HH:MM:SS" UTC, written in RT's database (REST 2 cannot set it)
    customer_number: str | None = None
    request_type: str | None = None  # the Privacy queue's custom field
    resolved: str | None = None  # "YYYY-MM-DD HH:MM:SS" UTC: the ticket is resolved then
    reply: str | None = None  # staff correspondence added after creation
    attachment: tuple[str, str] | None = None  # (file name, text content)
    phone: str | None = None  # the Phone custom field, spelt as the requestor typed it
    address: str | None = None  # the Postal address custom field


# Tickets of the demo subjects of tests/integration/rt_map.py (ids 1.. in this order)
SEED = (
    SeedTicket(
        "Support",
        "Alice.Martin@example.com",
        "Refund for Alice Martin",
        "Hello, I was charged twice for order 1001. I am recovering from chemotherapy "
        "and cannot come to the shop.",
        "2026-09-28 08:15:00",
        customer_number="C-1001",
        resolved="2026-10-02 09:00:00",
        phone="06 12 34 56 78",
        address="3 rue des Lilas, Lyon",
        reply="We refunded the second payment, Ms Martin.",
        attachment=("receipt-1001.txt", "Receipt of order 1001 for Alice Martin"),
    ),
    SeedTicket(
        "Support",
        "alice.martin@example.com",
        "Late delivery",
        "My parcel has not arrived.",
        "2018-12-20 17:40:00",
        customer_number="C-1001",
        resolved="2019-01-10 10:00:00",
        phone="+33 6 12 34 56 78",
    ),
    SeedTicket(
        "Support",
        "bob.durand@example.com",
        "Sizes",
        "Do you have the jacket in size L?",
        "2026-11-10 10:00:00",
        customer_number="C-1002",
        phone="+34 612 345 678",  # another country's number with the same digits
    ),
    SeedTicket(
        "Privacy",
        "alice.martin@example.com",
        "Please erase my data",
        "I ask you to erase all my personal data.",
        "2026-11-16 09:30:00",
        request_type="erasure",
        phone="0033.612.345.678",
    ),
)


def _seed(server: RtServer) -> None:
    """The tickets of ``SEED``, through REST 2 as an RT user would create them."""
    for ticket in SEED:
        body: dict = {
            "Queue": ticket.queue,
            "Requestor": ticket.requestor,
            "Subject": ticket.subject,
            "Content": ticket.content,
            "ContentType": "text/plain",
        }
        custom = {
            "Customer number": ticket.customer_number,
            "Request type": ticket.request_type,
            "Phone": ticket.phone,
            "Postal address": ticket.address,
        }
        if any(custom.values()):
            body["CustomFields"] = {name: value for name, value in custom.items() if value}
        if ticket.attachment:
            name, text = ticket.attachment
            body["Attachments"] = [
                {
                    "FileName": name,
                    "FileType": "text/plain",
                    "FileContent": base64.b64encode(text.encode()).decode(),
                }
            ]
        created = server.api("POST", "ticket", body)
        if ticket.reply:
            server.api(
                "POST",
                f"ticket/{created['id']}/correspond",
                {"Content": ticket.reply, "ContentType": "text/plain"},
            )
        if ticket.resolved:  # resolving stamps the time: the seeded date is set after
            server.api("PUT", f"ticket/{created['id']}", {"Status": "resolved"})
            server.api("PUT", f"ticket/{created['id']}", {"Resolved": ticket.resolved})


@pytest.fixture(scope="session")
def rt_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's seeded RT database (SQLite), initialised once; tests serve copies."""
    if not installed():
        pytest.skip(NOT_INSTALLED)
    directory = tmp_path_factory.mktemp("rt-pristine")
    database = directory / "rt.db"
    initialise(directory, database, INITIALDATA)
    with serve(directory, database) as server:
        _seed(server)
    with sqlite3.connect(database) as conn:  # what REST 2 cannot set: when a ticket came in
        conn.executemany(
            "UPDATE Tickets SET Created = ? WHERE id = ?",
            [(ticket.created, number) for number, ticket in enumerate(SEED, start=1)],
        )
    return database


@pytest.fixture
def rt_server(rt_database: Path, tmp_path: Path) -> Iterator[RtServer]:
    """A running RT over a fresh copy of the seeded database, for one test."""
    directory = tmp_path / "rt"
    directory.mkdir()
    database = directory / "rt.db"
    shutil.copyfile(rt_database, database)
    with serve(directory, database) as server:
        yield server
