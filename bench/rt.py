"""Benchmark: locating a subject in a Request Tracker 5 holding 100,000 tickets, against the same
REST 2 searches written by hand.

``locate_seconds``: ``resolve_subject`` over a data map whose only system is an RT (tickets
found by requestor e-mail, their correspondence, its attached files, RT's user), through the
rt connector, as every capability locates a subject. The baseline (``raw_rest_seconds``) is
what a competent engineer would write against REST 2 for this one map: a TicketSQL search on
the requestor's address, a JSON search of those tickets' message transactions, one of their
attached files, one of the user, paginated, with the same session. Both sides must find the
same records per dataset, or the run fails. Timings are interleaved (``compare_timings``).

Locating is a search in RT, not a scan: ``locate_rest_requests`` counts the HTTP requests one
product locate sends (deterministic, unlike seconds), beside the baseline's; neither grows
with the number of tickets.

The tickets are loaded through RT's own database (SQLite, as the tests' RT runs), not REST:
a fresh RT is initialised with ``rt-setup-database``, then every ticket is written as RT
stores one (the ticket, its four role groups with their principals and cached memberships,
the requestor's user, the create transaction and its message, the customer number custom
field), in one transaction, before ``rt-server`` starts. ``GDPR_BENCH_RT_TICKETS`` sets the
number (default 100,000); the planted subject has ``SUBJECT_TICKETS`` of them. Needs Debian's
``request-tracker5`` (``make packages``); without it the section says it was skipped.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.context import Context
from bench.harness import compare_timings, free_port, time_once
from bench.results import Budget, Row, finish_section

NAME = "rt"
TICKETS = int(os.environ.get("GDPR_BENCH_RT_TICKETS", "100000"))
TICKETS_PER_REQUESTOR = 5  # the other requestors write this many tickets each
SUBJECT = "planted.subject@example.org"
SUBJECT_TICKETS = 3
NOBODY, ROOT = 6, 14  # RT's Nobody (every new ticket's owner) and root, after initialisation
EVERYONE, UNPRIVILEGED = 3, 5  # the system groups an autocreated user joins
WHEN = "2026-11-10 10:00:00"
BUDGETS = {"locate_ratio_vs_raw_rest": Budget("<=", 3)}
ROWS = [
    Row("locate_seconds", "s", "raw_rest_seconds", "locate_ratio_vs_raw_rest"),
    Row("locate_rest_requests", "requests", "raw_rest_requests", "requests_ratio_vs_raw_rest"),
    Row("records", "records", "raw_rest_records"),
    Row("tickets", "tickets"),
    Row("import_seconds", "s"),
    Row("import_tickets_per_second", "tickets/s"),
]

INITIALDATA = """
@Queues = ( { Name => 'Support', Description => 'Customer support' } );
@CustomFields = (
    { Name => 'Customer number', Type => 'FreeformSingle',
      LookupType => 'RT::Queue-RT::Ticket', Queue => [ 'Support' ] },
);
1;
"""

MAP = """
version: 1
organisation:
  name: RT benchmark
  address: 1 rue du Banc, Lyon
  dpo: {name: D. P. O., email: dpo@bench.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: bench_s3, bucket: bench-reports}
delivery: {conn_id: bench_s3, bucket: bench-delivery}
purposes:
  - {id: support, name: Support, description: Answering customers, legal_basis: contract,
     data_subjects: [customers]}
systems:
  - name: helpdesk
    kind: rt
    conn_id: bench_rt
    datasets:
      - name: tickets
        rt: {records: ticket}
        primary_key: [id]
        identity: {email: Requestor}
        erasure: anonymise
        subjects: customers
        purposes: [support]
        fields:
          id: {categories: [system.operations]}
          Subject: {categories: [user.content], free_text: true, erasure: redact}
          Requestor: {categories: [user.contact.email], erasure: "null"}
          "CF.Customer number": {categories: [user.unique_id], erasure: "null"}
      - name: correspondence
        rt: {records: correspondence}
        primary_key: [id]
        references: [{dataset: helpdesk.tickets, fields: {Ticket: id}}]
        subjects: customers
        purposes: [support]
        fields:
          id: {categories: [system.operations]}
          Ticket: {categories: [system.operations]}
          Content: {categories: [user.content], free_text: true}
      - name: attachments
        rt: {records: attachment}
        primary_key: [id]
        references: [{dataset: helpdesk.correspondence, fields: {TransactionId: id}}]
        subjects: customers
        purposes: [support]
        fields:
          id: {categories: [system.operations]}
          TransactionId: {categories: [system.operations]}
          Filename: {categories: [user.content]}
      - name: users
        rt: {records: user}
        primary_key: [id]
        identity: {email: EmailAddress}
        erasure: anonymise
        subjects: customers
        purposes: [support]
        fields:
          id: {categories: [system.operations]}
          Name: {categories: [user.contact.email], erasure: hash}
          EmailAddress: {categories: [user.contact.email], erasure: "null"}
"""


class _Ids:
    """The next free id of each table, as RT numbers its rows (principals are shared by users
    and groups: a group's or user's id is its principal's)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.next = {
            table: conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
            for table in (
                "Principals",
                "CachedGroupMembers",
                "GroupMembers",
                "Transactions",
                "Attachments",
                "ObjectCustomFieldValues",
            )
        }

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] += 1
        return value


def import_tickets(database: Path, count: int) -> dict[str, int]:
    """Write ``count`` tickets into an initialised RT database as RT stores them; the first
    ``SUBJECT_TICKETS`` are the planted subject's. Returns the rows written per table."""
    conn = sqlite3.connect(database)
    try:
        ids = _Ids(conn)
        queue = conn.execute("SELECT id FROM Queues WHERE Name = 'Support'").fetchone()[0]
        field = conn.execute(
            "SELECT id FROM CustomFields WHERE Name = 'Customer number'"
        ).fetchone()[0]
        rows: dict[str, list[tuple]] = {
            t: []
            for t in (
                "Principals",
                "Users",
                "Groups",
                "GroupMembers",
                "CachedGroupMembers",
                "Tickets",
                "Transactions",
                "Attachments",
                "ObjectCustomFieldValues",
            )
        }
        users: dict[str, int] = {}

        def member(group: int, principal: int) -> None:
            rows["GroupMembers"].append(
                (ids.take("GroupMembers"), group, principal, ROOT, WHEN, ROOT, WHEN)
            )
            cached = ids.take("CachedGroupMembers")
            rows["CachedGroupMembers"].append((cached, group, principal, cached, group, 0))

        def group(name: str, domain: str, instance: int, description: str = "") -> int:
            number = ids.take("Principals")
            rows["Principals"].append((number, "Group", 0))
            rows["Groups"].append(
                (number, name, description, domain, instance, ROOT, WHEN, ROOT, WHEN)
            )
            cached = ids.take("CachedGroupMembers")
            rows["CachedGroupMembers"].append((cached, number, number, cached, number, 0))
            return number

        def user(address: str) -> int:
            if address not in users:
                number = ids.take("Principals")
                rows["Principals"].append((number, "User", 0))
                rows["Users"].append(
                    (number, address, "*NO-PASSWORD*", "Autocreated when added as a watcher",
                     address, ROOT, WHEN, ROOT, WHEN)
                )  # fmt: skip
                equivalence = group(
                    "UserEquiv", "ACLEquivalence", number, f"ACL equiv. for user {number}"
                )
                for into in (equivalence, EVERYONE, UNPRIVILEGED):
                    member(into, number)
                users[address] = number
            return users[address]

        for ticket in range(1, count + 1):
            address = (
                SUBJECT
                if ticket <= SUBJECT_TICKETS
                else f"requestor{ticket // TICKETS_PER_REQUESTOR}@example.org"
            )
            requestor = user(address)
            roles = {
                name: group(name, "RT::Ticket-Role", ticket)
                for name in ("AdminCc", "Cc", "Owner", "Requestor")
            }
            member(roles["Owner"], NOBODY)
            member(roles["Requestor"], requestor)
            subject = f"Question {ticket}"
            rows["Tickets"].append(
                (ticket, ticket, queue, "ticket", NOBODY, subject, 0, 0, 0, 0, 0, "new", 0,
                 "1970-01-01 00:00:00", "1970-01-01 00:00:00", "1970-01-01 00:00:00",
                 "1970-01-01 00:00:00", ROOT, WHEN, ROOT, WHEN)
            )  # fmt: skip
            transaction = ids.take("Transactions")
            rows["Transactions"].append(
                (transaction, "RT::Ticket", ticket, 0, "Create", ROOT, WHEN)
            )
            rows["Attachments"].append(
                (ids.take("Attachments"), transaction, 0, subject, "text/plain", "none",
                 f"Hello, this is question {ticket} about my order.",
                 "Content-Type: text/plain; charset=\"utf-8\"\n", ROOT, WHEN)
            )  # fmt: skip
            rows["ObjectCustomFieldValues"].append(
                (ids.take("ObjectCustomFieldValues"), field, "RT::Ticket", ticket, 0,
                 f"C-{ticket // TICKETS_PER_REQUESTOR:06d}", ROOT, WHEN, ROOT, WHEN, 0)
            )  # fmt: skip
        statements = {
            "Principals": "INSERT INTO Principals (id, PrincipalType, Disabled) VALUES (?,?,?)",
            "Users": "INSERT INTO Users (id, Name, Password, Comments, EmailAddress, Creator, "
            "Created, LastUpdatedBy, LastUpdated) VALUES (?,?,?,?,?,?,?,?,?)",
            "Groups": "INSERT INTO Groups (id, Name, Description, Domain, Instance, Creator, "
            "Created, LastUpdatedBy, LastUpdated) VALUES (?,?,?,?,?,?,?,?,?)",
            "GroupMembers": "INSERT INTO GroupMembers (id, GroupId, MemberId, Creator, Created, "
            "LastUpdatedBy, LastUpdated) VALUES (?,?,?,?,?,?,?)",
            "CachedGroupMembers": "INSERT INTO CachedGroupMembers (id, GroupId, MemberId, Via, "
            "ImmediateParentId, Disabled) VALUES (?,?,?,?,?,?)",
            "Tickets": "INSERT INTO Tickets (id, EffectiveId, Queue, Type, Owner, Subject, "
            "InitialPriority, FinalPriority, Priority, TimeEstimated, TimeWorked, Status, "
            "TimeLeft, Starts, Started, Due, Resolved, LastUpdatedBy, LastUpdated, Creator, "
            "Created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            "Transactions": "INSERT INTO Transactions (id, ObjectType, ObjectId, TimeTaken, Type, "
            "Creator, Created) VALUES (?,?,?,?,?,?,?)",
            "Attachments": "INSERT INTO Attachments (id, TransactionId, Parent, Subject, "
            "ContentType, ContentEncoding, Content, Headers, Creator, Created) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            "ObjectCustomFieldValues": "INSERT INTO ObjectCustomFieldValues (id, CustomField, "
            "ObjectType, ObjectId, SortOrder, Content, Creator, Created, LastUpdatedBy, "
            "LastUpdated, Disabled) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        }
        with conn:
            for table, statement in statements.items():
                conn.executemany(statement, rows[table])
        conn.execute("ANALYZE")
        return {table: len(values) for table, values in rows.items()}
    finally:
        conn.close()


class _Counted:
    """A requests session that counts the requests sent through it."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.count = 0
        original = session.request

        def request(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return original(*args, **kwargs)

        session.request = request


def raw_locate(session: Any, url: str, auth: tuple[str, str], email: str) -> dict[str, int]:
    """The same searches by hand: tickets by requestor address (TicketSQL), their message
    transactions, those transactions' attached files, the user; every page read."""
    api = f"{url}/REST/2.0"

    def pages(path: str, params: dict[str, Any], body: Any = None) -> Iterator[dict]:
        page = 1
        while True:
            query = {**params, "page": page, "per_page": 100}
            if body is None:
                response = session.get(f"{api}/{path}", params=query, auth=auth, timeout=60)
            else:
                response = session.post(
                    f"{api}/{path}", params=query, json=body, auth=auth, timeout=60
                )
            response.raise_for_status()
            data = response.json()
            yield from data.get("items") or []
            if page >= int(data.get("pages") or 0) or not data.get("items"):
                return
            page += 1

    quoted = email.replace("'", "\\'")
    tickets = [
        int(t["id"])
        for t in pages("tickets", {"query": f"Requestor.EmailAddress = '{quoted}'", "fields": "id"})
    ]
    messages = (
        [
            int(t["id"])
            for t in pages(
                "transactions",
                {"fields": "id"},
                [
                    {"field": "ObjectType", "value": "RT::Ticket"},
                    {"field": "ObjectId", "operator": "IN", "value": tickets},
                    {
                        "field": "Type",
                        "operator": "IN",
                        "value": ["Create", "Correspond", "Comment"],
                    },
                ],
            )
        ]
        if tickets
        else []
    )
    files = (
        [
            int(a["id"])
            for a in pages(
                "attachments",
                {"fields": "id"},
                [
                    {"field": "TransactionId", "operator": "IN", "value": messages},
                    {"field": "Filename", "operator": "!=", "value": ""},
                ],
            )
        ]
        if messages
        else []
    )
    people = [
        int(u["id"])
        for u in pages("users", {"fields": "id"}, [{"field": "EmailAddress", "value": email}])
    ]
    return {
        "helpdesk.tickets": len(tickets),
        "helpdesk.correspondence": len(messages),
        "helpdesk.attachments": len(files),
        "helpdesk.users": len(people),
    }


def run(ctx: Context) -> dict[str, Any]:
    import requests

    from gdpr.connectors.rt import RtApi, RtConnector
    from gdpr.datamap import parse_datamap
    from gdpr.subject.resolve import resolve_subject
    from tests.rt.plugin import LOGIN, PASSWORD, SERVER, SETUP, serve, site_config

    if not SETUP.exists() or not SERVER.exists():
        return finish_section(
            {"skipped": "Request Tracker 5 is not installed (make packages installs it)"}, []
        )
    datamap = parse_datamap(MAP, source="bench/rt.py")
    with tempfile.TemporaryDirectory(prefix="gdpr-bench-rt-") as tmp:
        directory = Path(tmp)
        database = directory / "rt.db"
        env = site_config(directory, database, free_port())
        data = directory / "initialdata.pl"
        data.write_text(INITIALDATA, encoding="utf-8")
        for action in (["--action", "init"], ["--action", "insert", "--datafile", str(data)]):
            subprocess.run(
                [str(SETUP), *action, "--skip-create"], env=env, check=True, capture_output=True
            )
        written, import_seconds = time_once(lambda: import_tickets(database, TICKETS))
        with serve(directory, database) as server:
            auth = (LOGIN, PASSWORD)
            connector = RtConnector(datamap.system("helpdesk"), RtApi(server.url, auth=auth))
            ours_requests = _Counted(connector.api.session)
            connectors = {"helpdesk": connector}
            raw_session = requests.Session()
            raw_requests = _Counted(raw_session)

            def ours() -> dict[str, int]:
                return resolve_subject(datamap, connectors, "email", SUBJECT).counts()

            def raw() -> dict[str, int]:
                return raw_locate(raw_session, server.url, auth, SUBJECT)

            found, raw_found = ours(), raw()
            if {k: v for k, v in found.items() if v} != {k: v for k, v in raw_found.items() if v}:
                raise RuntimeError(f"the two sides found different records: {found} != {raw_found}")
            if found.get("helpdesk.tickets") != SUBJECT_TICKETS:
                raise RuntimeError(f"the planted subject's tickets were not all found: {found}")
            before = ours_requests.count
            ours()
            locate_requests = ours_requests.count - before
            before = raw_requests.count
            raw()
            raw_rest_requests = raw_requests.count - before
            timings = compare_timings({"ours": ours, "raw": raw}, repeat=ctx.repeat)
            load = os.getloadavg()[0]
            connector.close()
            raw_session.close()
    values = {
        "tickets": TICKETS,
        "rows_imported": written,
        "import_seconds": import_seconds,
        "import_tickets_per_second": TICKETS / import_seconds if import_seconds else None,
        "locate_seconds": timings["ours"].median,
        "locate_best_seconds": timings["ours"].best,
        "raw_rest_seconds": timings["raw"].median,
        "raw_rest_best_seconds": timings["raw"].best,
        "locate_rest_requests": locate_requests,
        "raw_rest_requests": raw_rest_requests,
        "records": sum(found.values()),
        "raw_rest_records": sum(raw_found.values()),
        "records_per_dataset": found,
        "load_average_1m_after": round(load, 2),
    }
    return finish_section(values, ROWS, BUDGETS)
