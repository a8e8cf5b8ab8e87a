"""The demo organisation's databases, as SQLAlchemy Core metadata.

The tables and columns mirror include/datamap.yaml exactly (a test compares them), because the
product's features read the data map and then query these tables: a column the map declares
but the database lacks, or the reverse, would be a bug in the demo and not in the product.

Foreign keys exist only where the data map declares a reference inside one database. References
the map does not declare are deliberately plain indexed columns: payments.order_id and
call_evaluations.recording_ref outlive the rows they point at (card data 13 months, evaluation
notes 1 year, recordings 6 months), helpdesk.tickets.crm_customer_id crosses databases, and
ticket_attachments.message_id is only a hint for the reader of a ticket.

Every referencing column and every identity column is indexed, so that locating a subject and
following references stays an index lookup at a million customers. On PostgreSQL the identity
columns also get an expression index on ``lower(trim(email))``, the normalisation the data map
promises for e-mail identities.
"""

from __future__ import annotations

import sqlalchemy as sa

# S3 key templates of the data map's object datasets, by "<system>.<dataset>".
KEY_TEMPLATES: dict[str, str] = {
    "invoice_archive.invoice_pdfs": "invoices/{customer_id}/{invoice_id}.pdf",
    "call_audio.recordings": "recordings/{customer_id}/{recording_id}.ogg",
    "helpdesk_files.attachments": "tickets/{ticket_id}/{attachment_id}",
}

# The S3 systems whose buckets hold personal data (versioned) and the ones the product writes to.
DATA_BUCKET_SYSTEMS: tuple[str, ...] = ("invoice_archive", "call_audio", "helpdesk_files")
SERVICE_BUCKET_SYSTEMS: tuple[str, ...] = ("reports", "delivery")

EMAIL = sa.String(320)  # RFC 5321 maximum length of a forward path
NAME = sa.String(100)
MONEY = sa.Numeric(10, 2)

# Explicit constraint names: the same DDL on every database, and foreign keys that can be added
# after the bulk load by name.
NAMING = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
}
CRM = sa.MetaData(naming_convention=NAMING)
HELPDESK = sa.MetaData(naming_convention=NAMING)


def _restricted() -> sa.Column:
    """The Art. 18 restriction flag every job must honour; false unless a subject asked."""
    return sa.Column(
        "processing_restricted",
        sa.Boolean(create_constraint=False),
        nullable=False,
        default=False,
        server_default=sa.false(),
    )


customers = sa.Table(
    "customers",
    CRM,
    sa.Column("customer_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", EMAIL, nullable=False),
    sa.Column("first_name", NAME),
    sa.Column("last_name", NAME),
    sa.Column("phone", sa.String(32)),
    sa.Column("birth_date", sa.Date),
    sa.Column("street", sa.String(200)),
    sa.Column("postcode", sa.String(10)),
    sa.Column("city", NAME),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_order_at", sa.DateTime),
    sa.Column("relationship_ended_at", sa.DateTime),
    _restricted(),
)

prospects = sa.Table(
    "prospects",
    CRM,
    sa.Column("prospect_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", EMAIL, nullable=False),
    sa.Column("first_name", NAME),
    sa.Column("last_name", NAME),
    sa.Column("company", sa.String(200)),
    sa.Column("source", sa.String(50), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_inbound_at", sa.DateTime),
    _restricted(),
)

prospect_interactions = sa.Table(
    "prospect_interactions",
    CRM,
    sa.Column("interaction_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("prospect_id", sa.Integer, sa.ForeignKey("prospects.prospect_id"), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("occurred_at", sa.DateTime, nullable=False),
)

consents = sa.Table(
    "consents",
    CRM,
    sa.Column("consent_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.customer_id")),
    sa.Column("prospect_id", sa.Integer, sa.ForeignKey("prospects.prospect_id")),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("opt_in", sa.Boolean(create_constraint=False), nullable=False),
    sa.Column("opted_in_at", sa.DateTime),
    sa.Column("source", sa.String(50)),
    sa.Column("withdrawn_at", sa.DateTime),
)

orders = sa.Table(
    "orders",
    CRM,
    sa.Column("order_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.customer_id"), nullable=False),
    sa.Column("ordered_at", sa.DateTime, nullable=False),
    sa.Column("delivered_at", sa.DateTime),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("total_eur", MONEY, nullable=False),
    sa.Column("delivery_street", sa.String(200)),
    sa.Column("delivery_postcode", sa.String(10)),
    sa.Column("delivery_city", NAME),
)

invoices = sa.Table(
    "invoices",
    CRM,
    sa.Column("invoice_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.order_id")),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.customer_id")),
    sa.Column("issued_at", sa.DateTime, nullable=False),
    sa.Column("fiscal_year_end", sa.Date, nullable=False),
    sa.Column("amount_eur", MONEY, nullable=False),
    sa.Column("billing_name", sa.String(200)),
    sa.Column("billing_address", sa.String(400)),
)

payments = sa.Table(
    "payments",
    CRM,
    sa.Column("payment_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.customer_id")),
    sa.Column("order_id", sa.Integer),  # no FK: card proof outlives an erased order
    sa.Column("debited_at", sa.DateTime, nullable=False),
    sa.Column("amount_eur", MONEY, nullable=False),
    sa.Column("card_last4", sa.String(4)),
    sa.Column("card_token", sa.String(40)),
)

notes = sa.Table(
    "notes",
    CRM,
    sa.Column("note_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.customer_id"), nullable=False),
    sa.Column("author", NAME, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)

call_recordings = sa.Table(
    "call_recordings",
    CRM,
    sa.Column("recording_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.customer_id"), nullable=False),
    sa.Column("recorded_at", sa.DateTime, nullable=False),
    sa.Column("duration_s", sa.Integer, nullable=False),
    sa.Column("agent_id", sa.String(20), nullable=False),
)

call_evaluations = sa.Table(
    "call_evaluations",
    CRM,
    sa.Column("evaluation_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.customer_id"), nullable=False),
    sa.Column("recording_ref", sa.Integer),  # no FK: evaluations (1 y) outlive recordings (6 m)
    sa.Column("evaluated_at", sa.DateTime, nullable=False),
    sa.Column("score", sa.SmallInteger, nullable=False),
    sa.Column("comment", sa.Text),
)

tickets = sa.Table(
    "tickets",
    HELPDESK,
    sa.Column("ticket_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("requester_email", EMAIL, nullable=False),
    sa.Column("requester_name", sa.String(200)),
    sa.Column("crm_customer_id", sa.Integer),  # another database: no FK, only an index
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("category", sa.String(30), nullable=False),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("closed_at", sa.DateTime),
    _restricted(),
)

ticket_messages = sa.Table(
    "ticket_messages",
    HELPDESK,
    sa.Column("message_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ticket_id", sa.Integer, sa.ForeignKey("tickets.ticket_id"), nullable=False),
    sa.Column("author_role", sa.String(20), nullable=False),
    sa.Column("agent_name", NAME),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

ticket_attachments = sa.Table(
    "ticket_attachments",
    HELPDESK,
    sa.Column("attachment_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ticket_id", sa.Integer, sa.ForeignKey("tickets.ticket_id"), nullable=False),
    sa.Column("message_id", sa.Integer),  # a hint, not a constraint
    sa.Column("filename", sa.String(255), nullable=False),
    sa.Column("content_type", sa.String(100), nullable=False),
    sa.Column("size_bytes", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

# Referencing columns (declared or not) and identity columns: plain B-tree indexes.
_INDEXED: dict[sa.Table, tuple[str, ...]] = {
    customers: ("email",),
    prospects: ("email",),
    prospect_interactions: ("prospect_id",),
    consents: ("customer_id", "prospect_id"),
    orders: ("customer_id",),
    invoices: ("order_id", "customer_id"),
    payments: ("customer_id", "order_id"),
    notes: ("customer_id",),
    call_recordings: ("customer_id",),
    call_evaluations: ("customer_id", "recording_ref"),
    tickets: ("requester_email", "crm_customer_id"),
    ticket_messages: ("ticket_id",),
    ticket_attachments: ("ticket_id", "message_id"),
}
for _table, _columns in _INDEXED.items():
    for _column in _columns:
        sa.Index(f"ix_{_table.name}_{_column}", _table.c[_column])

# Identity columns: the trimmed, lower-cased form the subject locator compares (PostgreSQL only;
# MariaDB has no expression indexes and SQLite's would only slow the embedded demo down).
IDENTITY_COLUMNS: dict[str, str] = {
    "crm.customers": "email",
    "crm.prospects": "email",
    "helpdesk.tickets": "requester_email",
}
for _table, _column in ((customers, "email"), (prospects, "email"), (tickets, "requester_email")):
    sa.Index(
        f"ix_{_table.name}_{_column}_norm",
        sa.func.lower(sa.func.trim(_table.c[_column])),
    ).ddl_if(dialect="postgresql")

DATABASES: dict[str, sa.MetaData] = {"crm": CRM, "helpdesk": HELPDESK}

# Accented names and remarks need real UTF-8 on MariaDB whatever the server's default charset.
# The collation stays the server's (case- and trailing-space-insensitive by default): that is
# what a real MariaDB CRM looks like, and identity matching must not rely on it.
for _metadata in DATABASES.values():
    for _table in _metadata.tables.values():
        _table.dialect_options["mysql"]["charset"] = "utf8mb4"

# Insertion order inside each database: parents before children.
TABLE_ORDER: dict[str, tuple[str, ...]] = {
    "crm": (
        "customers",
        "prospects",
        "prospect_interactions",
        "consents",
        "orders",
        "invoices",
        "payments",
        "notes",
        "call_recordings",
        "call_evaluations",
    ),
    "helpdesk": ("tickets", "ticket_messages", "ticket_attachments"),
}

TABLES: dict[str, sa.Table] = {
    f"{db}.{name}": DATABASES[db].tables[name]
    for db, names in TABLE_ORDER.items()
    for name in names
}


def primary_key_column(table: sa.Table) -> sa.Column:
    """The single integer primary key every demo table has."""
    (column,) = table.primary_key.columns
    return column
