"""Writes by key sent as driver SQL (``SqlConnector._by_keys``: ``delete_keys``,
``update_keys``, ``SqlChanges.anonymise``, ``delete_by``, ``anonymise_by``) change exactly
the rows SQLAlchemy's Core statement of the same condition would (``keys.in_clause`` and
``is_anonymised``), with the same rowcount, on PostgreSQL, MariaDB and SQLite: integer,
text, UUID and composite keys, on a table and columns whose names need quoting (mixed case,
a space, reserved words, a percent sign). Look-ups by key, by reference and by identity, also
rendered as driver SQL (``_Lookup``), find what a Core select finds on the same tables."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.connectors import ByIdentity, ByReference, SqlConnector
from gdpr.connectors import keys as key_codec
from gdpr.connectors.sql import SqlChanges
from gdpr.datamap import parse_datamap
from gdpr.retention.anonymise import Anonymisation, is_anonymised

MAP = """
version: 1
organisation:
  name: Odd Names
  address: 1 rue de la Paix, Paris
  dpo: {name: D. P. O., email: dpo@odd.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: odd-reports}
delivery: {conn_id: s3, bucket: odd-delivery}
purposes:
  - {id: sales, name: Sales, description: Selling, legal_basis: contract, data_subjects: [customers]}
systems:
  - name: odd
    kind: sql
    conn_id: odd_db
    datasets:
      - name: numbered
        table: "Mixed Case%Table"
        primary_key: [Id]
        identity: {email: select}
        subjects: customers
        purposes: [sales]
        fields:
          Id: {categories: [user.unique_id]}
          select: {categories: [user.contact.email], erasure: redact}
          Full Name: {categories: [user.name]}
      - name: coded
        table: group
        primary_key: [code]
        references: [{dataset: odd.numbered, fields: {owner: Id}}]
        subjects: customers
        purposes: [sales]
        fields:
          code: {categories: [user.unique_id]}
          owner: {categories: [user.unique_id]}
      - name: uuids
        table: order
        primary_key: [Key]
        references: [{dataset: odd.numbered, fields: {owner: Id}}]
        subjects: customers
        purposes: [sales]
        fields:
          Key: {categories: [user.unique_id]}
          owner: {categories: [user.unique_id]}
      - name: lines
        table: Line Items
        primary_key: [Order, line]
        references: [{dataset: odd.numbered, fields: {owner: Id}}]
        subjects: customers
        purposes: [sales]
        fields:
          Order: {categories: [system.operations]}
          line: {categories: [system.operations]}
          owner: {categories: [user.unique_id]}
      - name: tags
        table: Tags
        primary_key: [Key, n]
        references: [{dataset: odd.numbered, fields: {owner: Id}}]
        subjects: customers
        purposes: [sales]
        fields:
          Key: {categories: [user.unique_id]}
          n: {categories: [system.operations]}
          owner: {categories: [user.unique_id]}
"""

ROWS = 1300  # more than one IN-list (``IN_LIST_SIZE``): the keys go in two statements
UUIDS = [uuid.UUID(int=n * 7919 + 1) for n in range(40)]
CODES = ["a%b", "o'k", 'q"d', "plain", "Upper", "trail ", "é", "x" * 20] + [
    f"c{n}" for n in range(30)
]


def create(engine: sa.Engine) -> None:
    meta = sa.MetaData()
    uuid_type = sa.Uuid(as_uuid=False).with_variant(sa.CHAR(36), "mysql", "mariadb", "sqlite")
    numbered = sa.Table(
        "Mixed Case%Table",
        meta,
        sa.Column("Id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("select", sa.String(40)),
        sa.Column("Full Name", sa.String(40)),
    )
    coded = sa.Table(
        "group",
        meta,
        sa.Column(
            "code",
            sa.String(20, collation="utf8mb4_bin").with_variant(
                sa.String(20), "postgresql", "sqlite"
            ),
            primary_key=True,
        ),
        sa.Column("owner", sa.Integer),
    )
    uuids = sa.Table(
        "order",
        meta,
        sa.Column("Key", uuid_type, primary_key=True),
        sa.Column("owner", sa.Integer),
    )
    lines = sa.Table(
        "Line Items",
        meta,
        sa.Column("Order", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("line", sa.String(10), primary_key=True),
        sa.Column("owner", sa.Integer),
    )
    tags = sa.Table(
        "Tags",
        meta,
        sa.Column("Key", uuid_type, primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("owner", sa.Integer),
    )
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            numbered.insert(),
            [
                {
                    "Id": n,
                    # every fifth row already anonymised (redacted and emptied), every
                    # seventh half of it (emptied only)
                    "select": "[redacted]" if n % 5 == 0 else f"p{n}@odd.example",
                    "Full Name": None if n % 5 == 0 or n % 7 == 0 else f"Name {n}",
                }
                for n in range(1, ROWS + 1)
            ],
        )
        conn.execute(coded.insert(), [{"code": c, "owner": n % 3} for n, c in enumerate(CODES)])
        conn.execute(uuids.insert(), [{"Key": str(u), "owner": n % 3} for n, u in enumerate(UUIDS)])
        conn.execute(
            tags.insert(),
            [{"Key": str(u), "n": n, "owner": n} for u in UUIDS[:5] for n in range(3)],
        )
        conn.execute(
            lines.insert(),
            [{"Order": o, "line": f"l{n}", "owner": o % 3} for o in range(1, 20) for n in range(3)],
        )


@pytest.fixture
def odd(sql_url):
    engine = create_sql_engine(sql_url)
    create(engine)
    datamap = parse_datamap(MAP, source="odd.yaml")
    connector = SqlConnector(datamap.system("odd"), engine)
    yield connector, {d.name: d for d in datamap.system("odd").datasets}
    connector.close()


def _rows(conn: sa.Connection, connector: SqlConnector, dataset) -> list[tuple]:
    table = connector.table(dataset)
    names = list(dataset.fields)
    found = conn.execute(sa.select(*(table.c[n] for n in names))).all()
    return sorted((tuple(str(v) for v in row) for row in found), key=repr)


def both(
    connector: SqlConnector,
    dataset,
    core: Callable[[sa.Connection], int],
    ours: Callable[[sa.Connection], Any],
) -> tuple[Any, Any, list[tuple], list[tuple]]:
    """The Core statement's outcome and ours, each in a transaction rolled back: (rowcount,
    ours' answer, rows left after Core, rows left after ours)."""
    with connector.engine.connect() as conn:
        with conn.begin() as tx:
            counted = core(conn)
            after_core = _rows(conn, connector, dataset)
            tx.rollback()
        with conn.begin() as tx:
            answer = ours(conn)
            after_ours = _rows(conn, connector, dataset)
            tx.rollback()
        untouched = _rows(conn, connector, dataset)
    assert after_core != untouched, "the case changes some rows"
    return counted, answer, after_core, after_ours


def _in(connector: SqlConnector, conn, dataset, table, fields: Sequence[str], keys):
    types = connector.column_types(dataset, conn)
    return key_codec.in_clause(
        connector.engine.dialect.name,
        [table.c[f] for f in fields],
        [types.get(f) for f in fields],
        keys,
    )


def core_delete(connector, dataset, fields, keys, size=1000):
    table = connector.table(dataset)

    def run(conn: sa.Connection) -> int:
        return sum(
            conn.execute(
                sa.delete(table).where(
                    _in(connector, conn, dataset, table, fields, keys[i : i + size])
                )
            ).rowcount
            for i in range(0, len(keys), size)
        )

    return run


KEYS = {
    # integers: as ints, as text, a duplicate, keys no row has, a value no integer is
    "numbered": [(n,) for n in range(3, ROWS + 200, 2)] + [("8",), (3,), (-1,), ("x",)],
    # text needing escapes (a percent sign, quotes), case and trailing blanks, absent codes
    "coded": [("a%b",), ("o'k",), ('q"d',), ("upper",), ("trail ",), ("é",), ("absent",), ("c7",)],
    # UUIDs as objects and as text (upper case), absent ones, text no UUID is
    "uuids": [
        (UUIDS[0],),
        (str(UUIDS[1]),),
        (str(UUIDS[2]).upper(),),
        (uuid.uuid4(),),
        (UUIDS[5],),
    ],
    "tags": [(UUIDS[0], 1), (str(UUIDS[1]), 2), (UUIDS[2], 7), (uuid.uuid4(), 0)],
    "lines": [(1, "l0"), (1, "l2"), (2, "l1"), (3, "zz"), (99, "l0"), (4, "l0"), (4, "l0")],
}


@pytest.mark.parametrize("name", sorted(KEYS))
def test_delete_keys_deletes_what_the_core_statement_deletes(odd, name):
    connector, datasets = odd
    dataset = datasets[name]
    keys = KEYS[name]
    if name == "uuids" and connector.engine.dialect.name != "postgresql":
        keys = [*keys, ("not-a-uuid",)]
    pk = list(dataset.primary_key)
    counted, deleted, after_core, after_ours = both(
        connector,
        dataset,
        core_delete(connector, dataset, pk, keys),
        lambda conn: connector.delete_keys(conn, dataset, pk, keys),
    )
    assert deleted == counted
    assert after_ours == after_core


def test_anonymise_changes_what_the_core_statement_changes(odd):
    connector, datasets = odd
    dataset = datasets["numbered"]
    change = Anonymisation({"Full Name": None, "select": "[redacted]"}, ())
    keys = [k for k in KEYS["numbered"] if k != ("x",)]  # MariaDB refuses it in an UPDATE
    rows = [{"Id": k[0]} for k in keys]

    def core(conn: sa.Connection) -> int:
        table = connector.table(dataset)
        return sum(
            conn.execute(
                sa.update(table)
                .where(
                    _in(connector, conn, dataset, table, ["Id"], keys[i : i + 1000])
                    & sa.not_(is_anonymised(table, change))
                )
                .values(change.constant)
            ).rowcount
            for i in range(0, len(keys), 1000)
        )

    def ours(conn: sa.Connection) -> int:
        return SqlChanges(connector, conn).anonymise(dataset, rows, change)

    counted, changed, after_core, after_ours = both(connector, dataset, core, ours)
    assert changed == counted
    assert 0 < changed < len(rows)  # the rows anonymised already are not counted
    assert after_ours == after_core


def test_anonymise_with_tokens_reads_only_rows_not_anonymised_yet(odd):
    connector, datasets = odd
    dataset = datasets["numbered"]
    change = Anonymisation({"Full Name": None}, ("select",))
    table = connector.table(dataset)
    with connector.engine.begin() as conn:  # rows 1-10 already carry a token
        conn.execute(
            sa.update(table)
            .where(table.c["Id"] <= 10)
            .values({"select": "anon-old", "Full Name": None})
        )

    keys = list(range(1, 31))
    with connector.engine.begin() as conn:
        changed = SqlChanges(connector, conn).anonymise(dataset, [{"Id": k} for k in keys], change)
    with connector.engine.connect() as conn:
        found = dict(
            conn.execute(
                sa.select(table.c["Id"], table.c["select"]).where(table.c["Id"] <= 30)
            ).all()
        )
    assert changed == 20
    assert all(found[k] == "anon-old" for k in range(1, 11))
    assert all(found[k].startswith("anon-") and found[k] != "anon-old" for k in range(11, 31))


@pytest.mark.parametrize("delete", [True, False])
def test_changes_by_reference_return_the_rows_the_core_statement_finds(odd, delete):
    connector, datasets = odd
    dataset = datasets["lines"]
    change = Anonymisation({"owner": None}, ())
    refs = [(1, "l0"), (2, "l1"), (4, "l2"), (99, "l0")]
    fields = ["Order", "line"]
    with connector.engine.begin() as conn:  # one referring row already anonymised
        table = connector.table(dataset)
        conn.execute(sa.update(table).where(table.c["Order"] == 4).values({"owner": None}))

    def core(conn: sa.Connection) -> int:
        table = connector.table(dataset)
        where = _in(connector, conn, dataset, table, fields, refs)
        if not delete:
            where = where & sa.not_(is_anonymised(table, change))
        statement = sa.delete(table) if delete else sa.update(table).values(change.constant)
        return conn.execute(statement.where(where)).rowcount

    def ours(conn: sa.Connection) -> list[tuple]:
        if delete:
            return connector.delete_by(conn, dataset, fields, refs, ["Order", "line"])
        return connector.anonymise_by(conn, dataset, fields, refs, change, ["Order", "line"])

    counted, returned, after_core, after_ours = both(connector, dataset, core, ours)
    assert sorted(returned) == [(1, "l0"), (2, "l1")] + ([(4, "l2")] if delete else [])
    assert len(returned) == counted
    assert after_ours == after_core


def test_update_keys_sets_values_on_composite_keys(odd):
    connector, datasets = odd
    dataset = datasets["lines"]
    keys = KEYS["lines"]
    pk = list(dataset.primary_key)

    def core(conn: sa.Connection) -> int:
        table = connector.table(dataset)
        return conn.execute(
            sa.update(table)
            .where(_in(connector, conn, dataset, table, pk, keys))
            .values({"owner": 7})
        ).rowcount

    counted, matched, after_core, after_ours = both(
        connector,
        dataset,
        core,
        lambda conn: connector.update_keys(conn, dataset, pk, keys, {"owner": 7}),
    )
    assert matched == counted == 4
    assert after_ours == after_core


def test_writes_by_key_are_seen_by_statement_listeners(odd):
    """Sent through ``exec_driver_sql``: SQLAlchemy's execution events fire, with the SQL."""
    connector, datasets = odd
    dataset = datasets["uuids"]
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_):
        sent.append(statement)

    sa.event.listen(connector.engine, "before_cursor_execute", record)
    try:
        with connector.engine.begin() as conn:
            assert connector.delete_keys(conn, dataset, ["Key"], [(UUIDS[3],)]) == 1
    finally:
        sa.event.remove(connector.engine, "before_cursor_execute", record)
    assert [s for s in sent if s.startswith("DELETE FROM")], sent


@pytest.mark.parametrize("paramstyle", ["qmark", "named", "numeric"])
def test_sqlite_paramstyles(tmp_path, paramstyle):
    """The driver's paramstyle decides the placeholders: every style SQLite's driver takes."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}", paramstyle=paramstyle)
    create(engine)
    datamap = parse_datamap(MAP, source="odd.yaml")
    connector = SqlConnector(datamap.system("odd"), engine)
    datasets = {d.name: d for d in datamap.system("odd").datasets}
    try:
        with engine.begin() as conn:
            assert (
                connector.delete_keys(conn, datasets["lines"], ["Order", "line"], KEYS["lines"])
                == 4
            )
            change = Anonymisation({"Full Name": None, "select": "[redacted]"}, ())
            rows = [{"Id": n} for n in range(1, 11)]
            changes = SqlChanges(connector, conn)
            assert changes.anonymise(datasets["numbered"], rows, change) == 8
    finally:
        connector.close()


@pytest.mark.parametrize("name", sorted(KEYS))
def test_look_ups_and_counts_by_key_find_what_the_core_select_finds(odd, name):
    """Look-ups are rendered as driver SQL too (``_Lookup``): by primary key, by reference and
    by identity, alone, together (one statement, a column per criterion) and counted, they
    find the rows a Core select of the same condition finds, on names that need quoting."""
    connector, datasets = odd
    dataset = datasets[name]
    keys = KEYS[name]
    pk = list(dataset.primary_key)
    table = connector.table(dataset)
    with connector.engine.connect() as conn:
        by_key = conn.execute(
            sa.select(*(table.c[f] for f in pk)).where(
                _in(connector, conn, dataset, table, pk, keys)
            )
        ).all()
        by_owner = conn.execute(
            sa.select(*(table.c[f] for f in pk)).where(
                table.c[pk[0] if name == "numbered" else "owner"].in_([1])
            )
        ).all()
    expected = sorted(tuple(str(v) for v in row) for row in by_key)
    owner = ("Id",) if name == "numbered" else ("owner",)
    criteria = [ByReference(tuple(pk), keys), ByReference(owner, [(1,)])]
    single = connector._rows(dataset, criteria[0], pk)
    assert sorted(tuple(str(r[f]) for f in pk) for r in single) == expected
    groups = connector.find_together(dataset, criteria, pk)
    tagged = {tuple(str(r[f]) for f in pk): hits for hits, rows in groups for r in rows}
    assert sorted(k for k, hits in tagged.items() if 0 in hits) == expected
    assert sorted(k for k, hits in tagged.items() if 1 in hits) == sorted(
        tuple(str(v) for v in row) for row in by_owner
    )
    assert connector.count_together([(dataset, c) for c in criteria]) == [
        len(by_key),
        len(by_owner),
    ]


def test_an_identity_look_up_on_a_quoted_column_finds_its_row_and_counts_it(odd):
    connector, datasets = odd
    numbered = datasets["numbered"]
    found = connector._rows(numbered, ByIdentity("select", "p12@odd.example"), ["Id", "select"])
    assert found == [{"Id": 12, "select": "p12@odd.example"}]
    assert connector.count_together(
        [
            (numbered, ByIdentity("select", "p12@odd.example")),
            (numbered, ByIdentity("select", "p10@odd.example")),
        ]
    ) == [1, 0]  # the tenth row is redacted
