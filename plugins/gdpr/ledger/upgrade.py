"""Schema version of the ledger: upgrade it, read it, refuse to work on a stale one.

Alembic is driven from code (no alembic.ini) so the same call serves the CLI, tests and the
embedded demo, and the database URL never has to be written to a file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from gdpr.ledger.errors import LedgerNotReady

__all__ = [
    "VERSION_TABLE",
    "current_revision",
    "ensure_ready",
    "head_revision",
    "migrate",
]

VERSION_TABLE = "gdpr_ledger_version"  # also named in migrations/env.py
_SCRIPT_LOCATION = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPT_LOCATION))
    return config


@cache
def head_revision() -> str:
    """The revision this version of the product expects (read once: the files do not change)."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:  # pragma: no cover - a packaging error, not a runtime state
        raise RuntimeError(f"no ledger migrations found in {_SCRIPT_LOCATION}")
    return head


def migrate(engine: sa.Engine, revision: str = "head") -> str:
    """Upgrade the ledger to the newest revision (or an older one, to test an upgrade); a no-op
    when it is already there."""
    with engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return head_revision() if revision == "head" else revision


def current_revision(engine: sa.Engine) -> str | None:
    """The revision the database is at, or None when the ledger was never created."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def ensure_ready(engine: sa.Engine) -> None:
    """Raise ``LedgerNotReady`` unless the database is at the revision this code expects."""
    current = current_revision(engine)
    expected = head_revision()
    if current == expected:
        return
    if current is None:
        raise LedgerNotReady(
            "the GDPR ledger has not been created in this database yet: run `gdpr ledger upgrade`"
        )
    raise LedgerNotReady(
        f"the GDPR ledger is at schema revision {current} but this version of the product "
        f"needs {expected}: run `gdpr ledger upgrade` (if the database is newer than the "
        "product, upgrade the product instead)"
    )
