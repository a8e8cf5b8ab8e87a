"""The SQL connector's look-ups asked together, on PostgreSQL, MariaDB and SQLite: a dataset
reached by several links is read in one statement, each row saying which look-ups it met
(``find_any`` / ``find_together``), and a verification counts a dozen tables in one round trip
(``count_together``)."""

from __future__ import annotations

import gc
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from gdpr.connectors import ByIdentity, ByReference, SqlConnector
from gdpr.connectors.base import find_any
from gdpr.connectors.sql import IN_LIST_SIZE


def dataset(datamap, name):
    return datamap.dataset(name).dataset


@contextmanager
def statements(connector: SqlConnector) -> Iterator[list[str]]:
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_):
        sent.append(statement)

    sa.event.listen(connector.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        sa.event.remove(connector.engine, "before_cursor_execute", record)


def tagged(connector, ds, criteria, columns) -> dict[int, set[int]]:
    """person_id -> the indexes of the criteria its row met (rows met twice merged)."""
    out: dict[int, set[int]] = {}
    for matched, rows in find_any(connector, ds, criteria, columns):
        for row in rows:
            out.setdefault(row["person_id"], set()).update(matched)
    return out


def test_an_identity_and_a_reference_are_one_statement_and_each_row_says_which_it_met(shop):
    connector, datamap = shop
    people = dataset(datamap, "shop.people")
    criteria = [
        ByIdentity("mail", "person4@small.example"),  # stored with other spacing and case
        ByReference(("person_id",), [(7,), (4,)]),
    ]
    connector.column_types(people)  # reflected before counting
    with statements(connector) as sent:
        found = tagged(connector, people, criteria, ["person_id", "mail"])
    assert found == {4: {0, 1}, 7: {1}}
    assert len(sent) == 1
    # the same look-up again: the statement built once is run again with the new values
    with statements(connector) as again:
        found = tagged(
            connector,
            people,
            [ByIdentity("mail", "person5@small.example"), ByReference(("person_id",), [(9,)])],
            ["person_id", "mail"],
        )
    assert found == {5: {0}, 9: {1}}
    assert len(again) == 1


def test_composite_and_single_references_together_match_their_own_look_ups(shop):
    connector, datamap = shop
    parcels = dataset(datamap, "shop.parcels")
    by_pair = ByReference(("buyer", "purchase"), [(3, 4), (3, 5), (5, 99)])
    by_buyer = ByReference(("buyer",), [(6,), (3,)])
    together: dict[int, set[int]] = {}
    for matched, rows in find_any(connector, parcels, [by_pair, by_buyer], ["parcel_id", "buyer"]):
        for row in rows:
            together.setdefault(row["parcel_id"], set()).update(matched)
    alone = [
        {r["parcel_id"] for b in connector.find(parcels, c, ["parcel_id"]) for r in b}
        for c in (by_pair, by_buyer)
    ]
    assert alone[0]  # both look-ups find something of their own
    assert alone[1] - alone[0]
    assert {p for p, m in together.items() if 0 in m} == alone[0]
    assert {p for p, m in together.items() if 1 in m} == alone[1]
    assert set(together) == alone[0] | alone[1]


def test_look_ups_too_long_for_one_statement_are_asked_one_by_one(shop):
    connector, datamap = shop
    people = dataset(datamap, "shop.people")
    many = ByReference(("person_id",), [(i,) for i in range(1, IN_LIST_SIZE + 10)])
    criteria = [ByIdentity("mail", "person2@small.example"), many]
    connector.column_types(people)  # reflected before counting
    with statements(connector) as sent:
        found = tagged(connector, people, criteria, ["person_id"])
    assert found[2] == {0, 1}
    assert set(found) == set(range(1, 51))
    assert all(found[i] == {1} for i in found if i != 2)
    # PostgreSQL binds the keys as one array: still one statement; elsewhere, IN-lists
    arrays = connector.engine.dialect.name == "postgresql"
    assert len(sent) == 1 if arrays else len(sent) > 1


def test_a_look_up_no_record_can_match_leaves_the_others(shop):
    connector, datamap = shop
    people = dataset(datamap, "shop.people")
    criteria = [
        ByReference(("person_id",), [("not a number",)]),
        ByIdentity("mail", "person8@small.example"),
    ]
    assert tagged(connector, people, criteria, ["person_id"]) == {8: {1}}


def test_counts_of_several_tables_come_in_one_statement(shop):
    connector, datamap = shop
    lookups = [
        (dataset(datamap, "shop.people"), ByReference(("person_id",), [(1,), (2,), (999,)])),
        (dataset(datamap, "shop.purchases"), ByReference(("purchase_id",), [(10_000,)])),
        (
            dataset(datamap, "shop.parcels"),
            ByReference(("buyer", "purchase"), [(3, 4), (3, 5), (3, 404)]),
        ),
    ]
    for ds, _ in lookups:
        connector.column_types(ds)  # reflected before counting
    with statements(connector) as sent:
        counts = connector.count_together(lookups)
    assert counts == [2, 0, 4]
    assert len(sent) == 1
    junk = [(dataset(datamap, "shop.people"), ByReference(("person_id",), [("x",)]))]
    assert connector.count_together(junk) == [0]
    too_many = [
        (lookups[0][0], ByReference(("person_id",), [(i,) for i in range(IN_LIST_SIZE + 1)]))
    ]
    arrays = connector.engine.dialect.name == "postgresql"
    assert (connector.count_together(too_many) is None) is not arrays


def test_a_failing_look_up_names_its_table_but_no_value(shop):
    """A look-up is sent as its rendered SQL on the driver's cursor when nothing listens to
    the statements; its failure is raised as SQLAlchemy raises any statement's: the bound
    values hidden, the server's details withheld, the table named."""
    connector, datamap = shop
    gone = dataset(datamap, "shop.people").model_copy(update={"table": "people_gone"})
    address = "planted.person@example.org"
    with pytest.raises(sa.exc.DBAPIError) as caught:
        connector._rows(gone, ByIdentity("mail", address), ["person_id"])
    text = "".join(traceback.format_exception(caught.value))
    assert address not in text
    assert "people_gone" in text
    assert "[SQL parameters hidden" in text
    # the connection is usable afterwards (the failed transaction was ended)
    people = dataset(datamap, "shop.people")
    found = connector._rows(people, ByIdentity("mail", "person3@small.example"), ["mail"])
    assert [r["mail"].strip().lower() for r in found] == ["person3@small.example"]


def test_the_rows_are_the_same_whether_or_not_statements_are_listened_to(shop):
    connector, datamap = shop
    people = dataset(datamap, "shop.people")
    criteria = [
        ByIdentity("mail", "person4@small.example"),
        ByReference(("person_id",), [(7,), (4,), (12,)]),
    ]
    quiet = tagged(connector, people, criteria, ["person_id", "mail"])
    with statements(connector) as sent:
        heard = tagged(connector, people, criteria, ["person_id", "mail"])
    assert sent, "a listener sees the statement"
    assert quiet == heard == {4: {0, 1}, 7: {1}, 12: {1}}


def test_look_ups_and_a_stream_share_a_reading_connection(shop):
    """Within ``reading()``, look-ups outside a transaction run alone on PostgreSQL (no BEGIN
    and ROLLBACK sent), and a streamed read after them still gets the transaction its
    server-side cursor needs; look-ups after the stream run inside it."""
    connector, datamap = shop
    people = dataset(datamap, "shop.people")
    mail = ByIdentity("mail", "person6@small.example")
    connector.column_types(people)  # reflected before (reflecting begins a transaction)
    with connector.reading():
        first = connector._rows(people, mail, ["person_id"])
        conn = connector._pinned
        driver = conn.connection.dbapi_connection
        alone = connector.engine.dialect.name == "postgresql"
        assert conn.in_transaction() is not alone
        streamed = [r["person_id"] for b in connector.stream(people, ["person_id"]) for r in b]
        again = connector._rows(people, mail, ["person_id"])
        assert conn.in_transaction()
    assert first == again == [{"person_id": 6}]
    assert sorted(streamed) == list(range(1, 51))
    if alone:  # the driver's autocommit was switched back off
        assert driver.autocommit is False


def test_reading_blocks_keep_one_connection_which_is_replaced_once_lost(shop):
    """The connector checks out one connection for all its reading blocks (no checkout, no
    pre-ping per block); killed while idle between two blocks, it is replaced at the next
    look-up, which still answers; the connector's close gives it back."""
    connector, datamap = shop
    people = dataset(datamap, "shop.people")
    mail = ByIdentity("mail", "person6@small.example")
    checkouts: list[object] = []
    sa.event.listen(connector.engine.pool, "checkout", lambda *_: checkouts.append(1))
    for _ in range(3):
        with connector.reading():
            assert connector._rows(people, mail, ["person_id"]) == [{"person_id": 6}]
            kept = connector._pinned
    assert len(checkouts) == 1
    dialect = connector.engine.dialect.name
    if dialect in ("postgresql", "mysql", "mariadb"):
        with connector.engine.connect() as own:  # another connection kills the kept one
            if dialect == "postgresql":
                pid = kept.exec_driver_sql("SELECT pg_backend_pid()").scalar()
                own.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
            else:
                pid = kept.exec_driver_sql("SELECT CONNECTION_ID()").scalar()
                kept.rollback()
                own.exec_driver_sql(f"KILL {int(pid)}")
        with connector.reading():
            assert connector._rows(people, mail, ["person_id"]) == [{"person_id": 6}]
    checked_in = connector.engine.pool.checkedin()
    connector._kept.release()
    assert connector.engine.pool.checkedin() == checked_in + 1


def test_connectors_come_and_go_without_holding_connections_or_listeners(shop):
    """Engines outlive connectors (a task's clients): a connector dropped or closed gives its
    kept connection back and leaves nothing registered on the engine."""
    connector, datamap = shop
    engine, system = connector.engine, datamap.system("shop")
    people = dataset(datamap, "shop.people")
    listeners = len(engine.dispatch.engine_disposed)
    checked_out = engine.pool.checkedout()
    for _ in range(3):
        other = SqlConnector(system, engine)
        with other.reading():
            other._rows(people, ByIdentity("mail", "person6@small.example"), ["person_id"])
        assert engine.pool.checkedout() == checked_out + 1  # kept between blocks
        del other
        gc.collect()
    assert engine.pool.checkedout() == checked_out
    assert len(engine.dispatch.engine_disposed) == listeners
