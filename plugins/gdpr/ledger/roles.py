"""The least-privilege role Airflow's workers use for the ledger.

Every worker holds the ledger's credential, so that credential must not be able to rewrite
history: the application role reads and appends evidence and request events but never updates
or deletes them, and deletes nothing anywhere. It updates the tables whose rows have a life
(a request is extended, a breach notified, a hold lifted), each change chained as a snapshot
that ``gdpr ledger verify`` compares with the row (``gdpr.ledger.reconcile``), and the head row,
which the published heads protect (``gdpr.ledger.anchor``). The tables belong to another role,
the owner, which runs the migrations (`gdpr ledger upgrade`) and this grant (`gdpr ledger
grant`). SQLite has no roles: its file's permissions are the only barrier (docs/deploy.md).
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from gdpr.ledger import schema
from gdpr.ledger.upgrade import VERSION_TABLE, ensure_ready

__all__ = ["APPEND_ONLY", "UPDATABLE", "grant_application_role"]

# Insert and read only: what is written there is history.
APPEND_ONLY = (schema.evidence.name, schema.request_events.name)
# Insert, read and update (never delete): every other table, rows with a life, each change
# chained (requests, breaches, holds, notifications) or protected by the anchor (the head).
UPDATABLE = tuple(t.name for t in schema.metadata.sorted_tables if t.name not in APPEND_ONLY)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_$]{0,62}")
_MYSQL_ACCOUNT = re.compile(r"([A-Za-z0-9_$]{1,80})(?:@([A-Za-z0-9_.%:-]{1,255}))?")


def grant_application_role(engine: sa.Engine, role: str) -> list[str]:
    """Give ``role`` exactly the application's rights on the ledger; returns the statements run.

    Run as the tables' owner, after `gdpr ledger upgrade`. Refuses a role that owns the tables
    (an owner can do anything) and SQLite (no roles)."""
    ensure_ready(engine)
    dialect = engine.dialect.name
    if dialect == "sqlite":
        raise ValueError(
            "SQLite has no roles: keep the ledger file writable by the workers only and use "
            "PostgreSQL or MariaDB where the workers must not be able to rewrite it"
        )
    statements = _postgresql(engine, role) if dialect == "postgresql" else _mariadb(engine, role)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(sa.text(statement))
    return statements


def _postgresql(engine: sa.Engine, role: str) -> list[str]:
    if not _NAME.fullmatch(role):
        raise ValueError("a PostgreSQL role name is letters, digits and underscores")
    quoted = f'"{role}"'
    tables = (*APPEND_ONLY, *UPDATABLE, VERSION_TABLE)
    with engine.connect() as conn:
        owners = (
            conn.execute(
                sa.text(
                    "SELECT tablename FROM pg_tables WHERE tableowner = :r AND tablename = ANY(:t)"
                ),
                {"r": role, "t": list(tables)},
            )
            .scalars()
            .all()
        )
        sequences = [
            conn.execute(
                sa.text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": t, "c": c}
            ).scalar()
            for t, c in _serial_columns()
        ]
    if owners:
        raise ValueError(
            f"role {role} owns the ledger's tables: the application role must not (an owner "
            "may update and delete anything); run the migrations as another role"
        )
    every = ", ".join(tables)
    return [
        f"REVOKE ALL ON {every} FROM {quoted}",
        f"GRANT SELECT, INSERT ON {', '.join(APPEND_ONLY)} TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE ON {', '.join(UPDATABLE)} TO {quoted}",
        f"GRANT SELECT ON {VERSION_TABLE} TO {quoted}",
        *(f"GRANT USAGE, SELECT ON SEQUENCE {s} TO {quoted}" for s in sequences if s),
    ]


def _mariadb(engine: sa.Engine, role: str) -> list[str]:
    found = _MYSQL_ACCOUNT.fullmatch(role)
    if not found:
        raise ValueError("a MariaDB account is user or user@host (letters, digits, _ and %)")
    account = f"'{found.group(1)}'@'{found.group(2) or '%'}'"
    database = engine.url.database
    if not database or not _NAME.fullmatch(database):
        raise ValueError("the ledger URL must name its database")
    with engine.connect() as conn:
        try:
            grants = conn.execute(sa.text(f"SHOW GRANTS FOR {account}")).scalars().all()
        except sa.exc.DatabaseError:
            raise ValueError(f"account {account} does not exist: create it first") from None
    broad = [
        g
        for g in grants
        if not g.startswith("GRANT USAGE")
        and re.search(rf" ON (\*|`{re.escape(database)}`)\.\* TO ", g)
    ]
    if broad:
        raise ValueError(
            f"account {account} has rights on the whole database ({broad[0].split(' TO ')[0]}): "
            "revoke them first, or it could still rewrite the ledger"
        )
    on = lambda table: f"`{database}`.`{table}`"  # noqa: E731 - a one-line formatter
    return [
        *(f"GRANT SELECT, INSERT ON {on(t)} TO {account}" for t in APPEND_ONLY),
        *(f"GRANT SELECT, INSERT, UPDATE ON {on(t)} TO {account}" for t in UPDATABLE),
        f"GRANT SELECT ON {on(VERSION_TABLE)} TO {account}",
    ]


def _serial_columns() -> list[tuple[str, str]]:
    """The tables whose key the database numbers (PostgreSQL: a sequence the role must use)."""
    found = []
    for table in schema.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto" and isinstance(column.type, sa.Integer)
            ):
                found.append((table.name, column.name))
    return found
