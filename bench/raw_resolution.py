"""The baseline for subject resolution: the same look-ups, hand-written for the demo schema.

This is what a competent engineer would write for this one organisation without the product:
one connection per database, a query per table on indexed columns with the subject's keys as a
PostgreSQL array, and a listing of every version per key prefix in S3. It may name demo tables because it lives
in bench/, never in plugins/. It returns the keys per dataset (ids as in the data map) so the
benchmark can check that both sides found exactly the same records before comparing times.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

Keys = set[tuple[Any, ...]]

# the demo schema's primary keys, for the hand-written baselines that change rows by key
PRIMARY_KEYS = {
    "customers": "customer_id",
    "prospects": "prospect_id",
    "prospect_interactions": "interaction_id",
    "consents": "consent_id",
    "orders": "order_id",
    "invoices": "invoice_id",
    "payments": "payment_id",
    "notes": "note_id",
    "call_recordings": "recording_id",
    "call_evaluations": "evaluation_id",
    "tickets": "ticket_id",
    "ticket_messages": "message_id",
    "ticket_attachments": "attachment_id",
}

CRM_SQL = {
    "customers": "SELECT customer_id FROM customers WHERE lower(trim(email)) = %(email)s",
    "prospects": "SELECT prospect_id FROM prospects WHERE lower(trim(email)) = %(email)s",
    "prospect_interactions": "SELECT interaction_id FROM prospect_interactions"
    " WHERE prospect_id = ANY(%(prospects)s::int[])",
    "consents": "SELECT consent_id FROM consents WHERE customer_id = ANY(%(customers)s::int[])"
    " OR prospect_id = ANY(%(prospects)s::int[])",
    "orders": "SELECT order_id FROM orders WHERE customer_id = ANY(%(customers)s::int[])",
    "invoices": "SELECT invoice_id, customer_id FROM invoices"
    " WHERE customer_id = ANY(%(customers)s::int[]) OR order_id = ANY(%(orders)s::int[])",
    "payments": "SELECT payment_id FROM payments WHERE customer_id = ANY(%(customers)s::int[])",
    "notes": "SELECT note_id FROM notes WHERE customer_id = ANY(%(customers)s::int[])",
    "call_recordings": "SELECT recording_id, customer_id FROM call_recordings"
    " WHERE customer_id = ANY(%(customers)s::int[])",
    "call_evaluations": "SELECT evaluation_id FROM call_evaluations"
    " WHERE customer_id = ANY(%(customers)s::int[])",
}
HELPDESK_SQL = {
    "tickets": "SELECT ticket_id FROM tickets WHERE lower(trim(requester_email)) = %(email)s"
    " OR crm_customer_id = ANY(%(customers)s::int[])",
    "ticket_messages": "SELECT message_id FROM ticket_messages"
    " WHERE ticket_id = ANY(%(tickets)s::int[])",
    "ticket_attachments": "SELECT attachment_id, ticket_id FROM ticket_attachments"
    " WHERE ticket_id = ANY(%(tickets)s::int[])",
}


def connect(url: str) -> Any:
    """A plain psycopg2 connection (autocommit: read-only look-ups need no transaction)."""
    import psycopg2

    args = sa.make_url(url).translate_connect_args(username="user", database="dbname")
    connection = psycopg2.connect(**args)
    connection.autocommit = True
    return connection


@contextmanager
def counting(*connections: Any) -> Iterator[dict[str, int]]:
    """Count the statements these psycopg2 connections execute inside the block."""
    import psycopg2.extensions

    counts = {"statements": 0}

    class Counting(psycopg2.extensions.cursor):
        def execute(self, query: Any, vars: Any = None) -> Any:
            counts["statements"] += 1
            return super().execute(query, vars)

    previous = [c.cursor_factory for c in connections]
    for connection in connections:
        connection.cursor_factory = Counting
    try:
        yield counts
    finally:
        for connection, factory in zip(connections, previous, strict=True):
            connection.cursor_factory = factory


def _rows(connection: Any, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _first(rows: Iterable[tuple[Any, ...]]) -> list[Any]:
    return sorted({row[0] for row in rows})


def _listed(s3: Any, bucket: str, prefixes: Iterable[str], wanted: set[str]) -> Keys:
    """Keys under each prefix that are exactly the expected objects (no stray neighbours), in
    any version: an object whose latest version is a delete marker still holds personal data
    in its older versions, so a hand-written tool that must find everything lists versions
    too (``list_objects_v2`` would miss it)."""
    found: Keys = set()
    paginator = s3.get_paginator("list_object_versions")
    for prefix in sorted(set(prefixes)):
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
            items = page.get("Versions", []) + page.get("DeleteMarkers", [])
            found.update((o["Key"],) for o in items if o["Key"] in wanted)
    return found


def resolve_raw(
    crm: Any,
    helpdesk: Any,
    s3: Any,
    buckets: Mapping[str, str],
    email: str,
    *,
    include_s3: bool = True,
) -> dict[str, Keys]:
    """Keys of the subject's records per dataset id (``crm.orders``...), by hand-written look-ups."""
    email = email.strip().lower()
    out: dict[str, Keys] = {}
    params: dict[str, Any] = {"email": email}

    def crm_query(table: str) -> list[tuple[Any, ...]]:
        rows = _rows(crm, CRM_SQL[table], params)
        out[f"crm.{table}"] = {(row[0],) for row in rows}
        return rows

    params["customers"] = _first(crm_query("customers"))
    params["prospects"] = _first(crm_query("prospects"))
    crm_query("prospect_interactions")
    crm_query("consents")
    params["orders"] = _first(crm_query("orders"))
    invoices = crm_query("invoices")
    for table in ("payments", "notes"):
        crm_query(table)
    recordings = crm_query("call_recordings")
    crm_query("call_evaluations")

    def helpdesk_query(table: str) -> list[tuple[Any, ...]]:
        rows = _rows(helpdesk, HELPDESK_SQL[table], params)
        out[f"helpdesk.{table}"] = {(row[0],) for row in rows}
        return rows

    params["tickets"] = _first(helpdesk_query("tickets"))
    helpdesk_query("ticket_messages")
    attachments = helpdesk_query("ticket_attachments")
    if not include_s3:
        return out

    pdfs = {f"invoices/{c}/{i}.pdf" for i, c in invoices if c is not None}
    out["invoice_archive.invoice_pdfs"] = _listed(
        s3, buckets["invoice_archive"], (k.rsplit("/", 1)[0] + "/" for k in pdfs), pdfs
    )
    audio = {f"recordings/{c}/{r}.ogg" for r, c in recordings}
    out["call_audio.recordings"] = _listed(
        s3, buckets["call_audio"], (k.rsplit("/", 1)[0] + "/" for k in audio), audio
    )
    files = {f"tickets/{t}/{a}" for a, t in attachments}
    out["helpdesk_files.attachments"] = _listed(
        s3, buckets["helpdesk_files"], (f"tickets/{t}/" for _, t in attachments), files
    )
    return out
