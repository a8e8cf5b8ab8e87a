"""The one SQL-file retention rule kept in the tests.

The demo map declares its prospects rule (the last contact initiated by the prospect, else
creation) declaratively; the same selection as a hand-written SQL file lives in
``tests/data/sql``. ``with_sql_rule`` turns a copy of the map back into the SQL-file form, so
the tests of SQL files (typed ``:cutoff``, a broken file failing its rule alone) still have one.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = ROOT / "tests" / "data" / "sql"
SQL_FILE = SQL_DIR / "prospects_without_recent_inbound_contact.sql"
RULE = "prospects-3y-inactive"

# the declarative start of the demo's prospects rule, as include/datamap.yaml writes it
DECLARED = re.compile(
    r"    start:\n      max:\n        dataset: crm\.prospect_interactions\n(?:        .*\n|          .*\n)*?"
    r"      otherwise: created_at\n"
)


def with_sql_rule(text: str, name: str = SQL_FILE.name, cutoff: str | None = None) -> str:
    """The map ``text`` with the prospects rule selecting through the SQL file ``name``."""
    typed = f", cutoff: {cutoff}" if cutoff else ""
    replaced, count = DECLARED.subn(f"    start: {{sql: {name}{typed}}}\n", text, count=1)
    assert count == 1, "the demo's declarative prospects rule was not found"
    return replaced


def write_sql_map(include: Path, *, broken: bool = False, cutoff: str | None = None) -> Path:
    """In a copy of include/ at ``include``: the map with the SQL-file rule and its file (with a
    misspelt column when ``broken``). Returns the map's path."""
    (include / "sql").mkdir(exist_ok=True)
    sql = SQL_FILE.read_text(encoding="utf-8")
    if broken:
        sql = sql.replace("i.occurred_at", "i.occured_at")
    (include / "sql" / SQL_FILE.name).write_text(sql, encoding="utf-8")
    datamap = include / "datamap.yaml"
    datamap.write_text(
        with_sql_rule(datamap.read_text(encoding="utf-8"), cutoff=cutoff), encoding="utf-8"
    )
    return datamap
