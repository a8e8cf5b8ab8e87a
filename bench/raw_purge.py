"""Baselines for the retention purge: the rule ``customers-3y-after-relationship`` by hand.

Two ways to do what the product does for that one rule on the demo schema, without the product:

- ``set_based_purge``: what a competent engineer writes for a one-off clean-up, and the speed
  of the database itself. One SELECT of the expired customers into a temporary table, the same
  ids COPY'd into a temporary table of the helpdesk database (the keys have to cross databases,
  as they do for the product), then ONE statement per table joining that selection, children
  before parents, each statement its own transaction (autocommit).
- ``per_subject_purge``: what a per-subject erasure tool issues (the way Fides erases: one
  statement per table per subject): per customer and database one transaction holding one
  ``DELETE``/``UPDATE`` per table keyed by the customer id, dependants reached by a subquery on
  their parent (``ticket_id IN (SELECT ... WHERE crm_customer_id = %s)``), children before
  parents: 11 statements and 2 commits a customer. Every statement is an index look-up (each
  plan checked with EXPLAIN on the seeded demo), so this is as fast as one subject at a time
  can be without batching subjects together.
  Timed on a sample and extrapolated.
- ``per_row_purge``: a strawman kept as an extra column: per database one transaction per
  customer that reads the ids of each dependent table and deletes or updates them one row at a
  time (``... WHERE id = %s``), about three times the round trips of ``per_subject_purge``.

Both have exactly the product's effect: tickets, messages, attachments, consents, orders, notes,
call recordings and evaluations deleted; invoices and payments kept but anonymised the way the
data map says (invoices lose customer_id, order_id and get '[redacted]' billing fields; payments
lose customer_id and the card fields); customers or tickets flagged for restriction (Art. 18)
spare their customer, as the product's rule does. There are no ledger holds in the benchmark.

And, for S3, ``delete_objects_listing_once``: the objects of the purged records with every
version and delete marker, found by ONE listing of the dataset's prefix and removed with
DeleteObjects in batches of 1000.

This module may name demo tables: it lives in bench/, never in plugins/.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

REDACTED = "[redacted]"  # gdpr.retention.anonymise.REDACTED (a test checks they agree)

# Helpdesk first (its tickets hang off CRM customers), children before parents in each database.
HELPDESK_STATEMENTS: tuple[tuple[str, str], ...] = (
    (
        "helpdesk.ticket_messages",
        "DELETE FROM ticket_messages m USING tickets t, expired e"
        " WHERE m.ticket_id = t.ticket_id AND t.crm_customer_id = e.customer_id",
    ),
    (
        "helpdesk.ticket_attachments",
        "DELETE FROM ticket_attachments a USING tickets t, expired e"
        " WHERE a.ticket_id = t.ticket_id AND t.crm_customer_id = e.customer_id",
    ),
    (
        "helpdesk.tickets",
        "DELETE FROM tickets t USING expired e WHERE t.crm_customer_id = e.customer_id",
    ),
)
CRM_STATEMENTS: tuple[tuple[str, str], ...] = (
    (
        "crm.call_evaluations",
        "DELETE FROM call_evaluations x USING expired e WHERE x.customer_id = e.customer_id",
    ),
    (
        "crm.call_recordings",
        "DELETE FROM call_recordings x USING expired e WHERE x.customer_id = e.customer_id",
    ),
    ("crm.notes", "DELETE FROM notes x USING expired e WHERE x.customer_id = e.customer_id"),
    (
        "crm.payments",
        "UPDATE payments p SET customer_id = NULL, card_last4 = NULL, card_token = NULL"
        " FROM expired e WHERE p.customer_id = e.customer_id",
    ),
    (
        # found through the customer or through one of the customer's orders, like the product;
        # a UNION of two joins rather than IN (...) OR IN (...), which PostgreSQL can only run
        # as a hashed subplan when the selection fits in work_mem
        "crm.invoices",
        "UPDATE invoices i SET customer_id = NULL, order_id = NULL,"
        " billing_name = %(redacted)s, billing_address = %(redacted)s"
        " FROM (SELECT x.invoice_id FROM invoices x JOIN expired e ON x.customer_id = e.customer_id"
        " UNION SELECT x.invoice_id FROM invoices x JOIN orders o ON x.order_id = o.order_id"
        " JOIN expired e ON o.customer_id = e.customer_id) AS found"
        " WHERE i.invoice_id = found.invoice_id",
    ),
    ("crm.consents", "DELETE FROM consents x USING expired e WHERE x.customer_id = e.customer_id"),
    ("crm.orders", "DELETE FROM orders x USING expired e WHERE x.customer_id = e.customer_id"),
    (
        "crm.customers",
        "DELETE FROM customers x USING expired e WHERE x.customer_id = e.customer_id",
    ),
)

RESTRICTED_TICKET_CUSTOMERS = (
    "SELECT DISTINCT crm_customer_id FROM tickets"
    " WHERE processing_restricted AND crm_customer_id IS NOT NULL"
)
EXPIRED_TABLE = "CREATE TEMPORARY TABLE expired (customer_id integer PRIMARY KEY)"
SELECT_EXPIRED = (
    "INSERT INTO expired SELECT customer_id FROM customers"
    " WHERE relationship_ended_at < %(cutoff)s AND NOT processing_restricted"
    " AND customer_id <> ALL(%(restricted)s::integer[])"
)


def connect(url: str, *, autocommit: bool) -> Any:
    """A plain psycopg2 connection to a SQLAlchemy URL."""
    import psycopg2
    import sqlalchemy as sa

    args = sa.make_url(url).translate_connect_args(username="user", database="dbname")
    connection = psycopg2.connect(**args)
    connection.autocommit = autocommit
    return connection


@dataclass
class RawOutcome:
    """Rows changed per table (``crm.orders``...), and where the time went."""

    expired: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    selection_seconds: float = 0.0  # expired ids selected and carried to the helpdesk
    statement_seconds: dict[str, float] = field(default_factory=dict)  # one transaction each
    statements: int = 0  # statements sent (commits aside)

    @property
    def max_transaction_seconds(self) -> float:
        return max(self.statement_seconds.values(), default=0.0)


def set_based_purge(crm_url: str, helpdesk_url: str, cutoff: datetime) -> RawOutcome:
    """The rule as one set-based statement per table (see the module docstring)."""
    out = RawOutcome()
    crm = connect(crm_url, autocommit=True)
    helpdesk = connect(helpdesk_url, autocommit=True)
    start = time.perf_counter()
    try:
        with crm.cursor() as c, helpdesk.cursor() as h:
            h.execute(RESTRICTED_TICKET_CUSTOMERS)
            restricted = [row[0] for row in h.fetchall()]
            c.execute(EXPIRED_TABLE)
            c.execute(SELECT_EXPIRED, {"cutoff": cutoff, "restricted": restricted})
            out.expired = c.rowcount
            c.execute("ANALYZE expired")
            ids = io.StringIO()
            c.copy_expert("COPY expired TO STDOUT", ids)
            ids.seek(0)
            h.execute(EXPIRED_TABLE)
            h.copy_expert("COPY expired FROM STDIN", ids)
            h.execute("ANALYZE expired")
            out.selection_seconds = time.perf_counter() - start
            for cursor, statements in ((h, HELPDESK_STATEMENTS), (c, CRM_STATEMENTS)):
                for table, sql in statements:
                    began = time.perf_counter()
                    cursor.execute(sql, {"redacted": REDACTED})
                    out.statement_seconds[table] = time.perf_counter() - began
                    out.rows[table] = cursor.rowcount
        out.seconds = time.perf_counter() - start
    finally:
        crm.close()
        helpdesk.close()
    return out


def expired_customer_ids(crm_url: str, helpdesk_url: str, cutoff: datetime) -> list[int]:
    """The customers the rule selects (as ``set_based_purge`` does), in id order."""
    crm = connect(crm_url, autocommit=True)
    helpdesk = connect(helpdesk_url, autocommit=True)
    try:
        with crm.cursor() as c, helpdesk.cursor() as h:
            h.execute(RESTRICTED_TICKET_CUSTOMERS)
            restricted = [row[0] for row in h.fetchall()]
            c.execute(
                "SELECT customer_id FROM customers WHERE relationship_ended_at < %(cutoff)s"
                " AND NOT processing_restricted AND customer_id <> ALL(%(restricted)s::integer[])"
                " ORDER BY customer_id",
                {"cutoff": cutoff, "restricted": restricted},
            )
            return [row[0] for row in c.fetchall()]
    finally:
        crm.close()
        helpdesk.close()


# -- per subject ------------------------------------------------------------------------------

HELPDESK_PER_SUBJECT: tuple[tuple[str, str], ...] = (
    (
        "helpdesk.ticket_messages",
        "DELETE FROM ticket_messages WHERE ticket_id IN"
        " (SELECT ticket_id FROM tickets WHERE crm_customer_id = %(c)s)",
    ),
    (
        "helpdesk.ticket_attachments",
        "DELETE FROM ticket_attachments WHERE ticket_id IN"
        " (SELECT ticket_id FROM tickets WHERE crm_customer_id = %(c)s)",
    ),
    ("helpdesk.tickets", "DELETE FROM tickets WHERE crm_customer_id = %(c)s"),
)
CRM_PER_SUBJECT: tuple[tuple[str, str], ...] = (
    ("crm.call_evaluations", "DELETE FROM call_evaluations WHERE customer_id = %(c)s"),
    ("crm.call_recordings", "DELETE FROM call_recordings WHERE customer_id = %(c)s"),
    ("crm.notes", "DELETE FROM notes WHERE customer_id = %(c)s"),
    (
        "crm.payments",
        "UPDATE payments SET customer_id = NULL, card_last4 = NULL, card_token = NULL"
        " WHERE customer_id = %(c)s",
    ),
    (
        "crm.invoices",
        # = ANY(ARRAY(...)): the customer's orders read once (an InitPlan), so both sides of
        # the OR use their index; "order_id IN (SELECT ...)" under an OR is a hashed SubPlan
        # tested against every invoice (a sequential scan per customer)
        "UPDATE invoices SET customer_id = NULL, order_id = NULL, billing_name = %(redacted)s,"
        " billing_address = %(redacted)s WHERE customer_id = %(c)s"
        " OR order_id = ANY(ARRAY(SELECT order_id FROM orders WHERE customer_id = %(c)s))",
    ),
    ("crm.consents", "DELETE FROM consents WHERE customer_id = %(c)s"),
    ("crm.orders", "DELETE FROM orders WHERE customer_id = %(c)s"),
    ("crm.customers", "DELETE FROM customers WHERE customer_id = %(c)s"),
)


def per_subject_purge(crm_url: str, helpdesk_url: str, customer_ids: Sequence[int]) -> RawOutcome:
    """Each customer in turn: a helpdesk transaction, then a CRM transaction, one statement per
    table (see the module docstring)."""
    tables = [t for t, _ in HELPDESK_STATEMENTS + CRM_STATEMENTS]
    out = RawOutcome(expired=len(customer_ids), rows=dict.fromkeys(tables, 0))
    crm = connect(crm_url, autocommit=False)
    helpdesk = connect(helpdesk_url, autocommit=False)
    start = time.perf_counter()
    try:
        with crm.cursor() as crm_cursor, helpdesk.cursor() as helpdesk_cursor:
            c, h = CountingCursor(crm_cursor), CountingCursor(helpdesk_cursor)
            for customer_id in customer_ids:
                params = {"c": customer_id, "redacted": REDACTED}
                for connection, cursor, statements in (
                    (helpdesk, h, HELPDESK_PER_SUBJECT),
                    (crm, c, CRM_PER_SUBJECT),
                ):
                    for table, sql in statements:
                        cursor.execute(sql, params)
                        out.rows[table] += cursor.rowcount
                    connection.commit()
        out.seconds = time.perf_counter() - start
        out.statements = c.statements + h.statements
    finally:
        crm.close()
        helpdesk.close()
    return out


# -- per row ----------------------------------------------------------------------------------


class CountingCursor:
    """A psycopg2 cursor that counts the statements it sends."""

    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor
        self.statements = 0

    def execute(self, sql: str, params: Any = None) -> None:
        self.statements += 1
        self.cursor.execute(sql, params)

    @property
    def rowcount(self) -> int:
        return self.cursor.rowcount

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self.cursor.fetchall()


def _ids(cursor: Any, sql: str, *params: Any) -> list[int]:
    cursor.execute(sql, params)
    return [row[0] for row in cursor.fetchall()]


def _delete_each(cursor: Any, table: str, pk: str, ids: Iterable[int]) -> int:
    done = 0
    for value in ids:
        cursor.execute(f"DELETE FROM {table} WHERE {pk} = %s", (value,))
        done += cursor.rowcount
    return done


def _purge_subject_helpdesk(cursor: Any, customer_id: int, rows: dict[str, int]) -> None:
    tickets = _ids(cursor, "SELECT ticket_id FROM tickets WHERE crm_customer_id = %s", customer_id)
    for ticket in tickets:
        for table, pk in (
            ("ticket_messages", "message_id"),
            ("ticket_attachments", "attachment_id"),
        ):
            ids = _ids(cursor, f"SELECT {pk} FROM {table} WHERE ticket_id = %s", ticket)
            rows[f"helpdesk.{table}"] += _delete_each(cursor, table, pk, ids)
    rows["helpdesk.tickets"] += _delete_each(cursor, "tickets", "ticket_id", tickets)


def _purge_subject_crm(cursor: Any, customer_id: int, rows: dict[str, int]) -> None:
    for table, pk in (
        ("call_evaluations", "evaluation_id"),
        ("call_recordings", "recording_id"),
        ("notes", "note_id"),
    ):
        ids = _ids(cursor, f"SELECT {pk} FROM {table} WHERE customer_id = %s", customer_id)
        rows[f"crm.{table}"] += _delete_each(cursor, table, pk, ids)
    for payment in _ids(
        cursor, "SELECT payment_id FROM payments WHERE customer_id = %s", customer_id
    ):
        cursor.execute(
            "UPDATE payments SET customer_id = NULL, card_last4 = NULL, card_token = NULL"
            " WHERE payment_id = %s",
            (payment,),
        )
        rows["crm.payments"] += cursor.rowcount
    orders = _ids(cursor, "SELECT order_id FROM orders WHERE customer_id = %s", customer_id)
    for invoice in _ids(
        cursor,
        "SELECT invoice_id FROM invoices WHERE customer_id = %s OR order_id = ANY(%s)",
        customer_id,
        orders,
    ):
        cursor.execute(
            "UPDATE invoices SET customer_id = NULL, order_id = NULL, billing_name = %s,"
            " billing_address = %s WHERE invoice_id = %s",
            (REDACTED, REDACTED, invoice),
        )
        rows["crm.invoices"] += cursor.rowcount
    ids = _ids(cursor, "SELECT consent_id FROM consents WHERE customer_id = %s", customer_id)
    rows["crm.consents"] += _delete_each(cursor, "consents", "consent_id", ids)
    rows["crm.orders"] += _delete_each(cursor, "orders", "order_id", orders)
    rows["crm.customers"] += _delete_each(cursor, "customers", "customer_id", [customer_id])


def per_row_purge(crm_url: str, helpdesk_url: str, customer_ids: Sequence[int]) -> RawOutcome:
    """Each customer in turn: a helpdesk transaction, then a CRM transaction, row by row."""
    tables = [t for t, _ in HELPDESK_STATEMENTS + CRM_STATEMENTS]
    out = RawOutcome(expired=len(customer_ids), rows=dict.fromkeys(tables, 0))
    crm = connect(crm_url, autocommit=False)
    helpdesk = connect(helpdesk_url, autocommit=False)
    start = time.perf_counter()
    try:
        with crm.cursor() as crm_cursor, helpdesk.cursor() as helpdesk_cursor:
            c, h = CountingCursor(crm_cursor), CountingCursor(helpdesk_cursor)
            for customer_id in customer_ids:
                _purge_subject_helpdesk(h, customer_id, out.rows)
                helpdesk.commit()
                _purge_subject_crm(c, customer_id, out.rows)
                crm.commit()
        out.seconds = time.perf_counter() - start
        out.statements = c.statements + h.statements
    finally:
        crm.close()
        helpdesk.close()
    return out


# -- S3 ---------------------------------------------------------------------------------------


@dataclass
class S3Outcome:
    versions: int = 0  # versions and delete markers deleted
    keys: int = 0
    seconds: float = 0.0
    calls: dict[str, int] = field(default_factory=dict)


def delete_objects_listing_once(s3: Any, wanted: Mapping[str, tuple[str, set[str]]]) -> S3Outcome:
    """Delete every version and marker of the ``wanted`` keys.

    ``wanted`` maps a bucket to (the dataset's static prefix, the keys to delete); each prefix
    is listed once (1000 versions a page), then DeleteObjects takes 1000 versions a call.
    """
    out = S3Outcome(calls={"ListObjectVersions": 0, "DeleteObjects": 0})
    start = time.perf_counter()
    for bucket, (prefix, keys) in wanted.items():
        victims: list[dict[str, str]] = []
        found: set[str] = set()
        for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix):
            out.calls["ListObjectVersions"] += 1
            for item in page.get("Versions", []) + page.get("DeleteMarkers", []):
                if item["Key"] in keys:
                    victims.append({"Key": item["Key"], "VersionId": item["VersionId"]})
                    found.add(item["Key"])
        for begin in range(0, len(victims), 1000):
            chunk = victims[begin : begin + 1000]
            response = s3.delete_objects(Bucket=bucket, Delete={"Objects": chunk, "Quiet": True})
            out.calls["DeleteObjects"] += 1
            if response.get("Errors"):
                raise RuntimeError(f"S3 refused {len(response['Errors'])} deletions in {bucket}")
        out.versions += len(victims)
        out.keys += len(found)
    out.seconds = time.perf_counter() - start
    return out
