"""Alembic environment for the ledger.

Migrations run only through ``gdpr.ledger.migrate``, which passes an open connection in
``config.attributes["connection"]``; there is no alembic.ini and no URL here, so credentials stay
in Airflow connections. The version table is ``gdpr_ledger_version`` so the ledger can share a
database that has its own Alembic history (Airflow's metadata database has one).

SQLite cannot ALTER most things: a later revision that changes a table must use
``op.batch_alter_table`` so it runs on SQLite as well as on PostgreSQL and MariaDB.
"""

from __future__ import annotations

from alembic import context

VERSION_TABLE = "gdpr_ledger_version"

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run ledger migrations with gdpr.ledger.migrate(engine) (`gdpr ledger upgrade`)"
    )

context.configure(connection=connection, version_table=VERSION_TABLE)
with context.begin_transaction():
    context.run_migrations()
