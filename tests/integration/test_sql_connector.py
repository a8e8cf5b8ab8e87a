"""The SQL connector on PostgreSQL, MariaDB and SQLite: find, stream, batched writes, inspection."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.connectors import ByIdentity, ByReference, SqlConnector, SystemUnreachableError
from tests.integration.small_map import small_map


def dataset(datamap, name):
    return datamap.dataset(name).dataset


def test_identity_match_is_trimmed_and_case_insensitive(shop):
    connector, datamap = shop
    rows = [
        r
        for batch in connector.find(
            dataset(datamap, "shop.people"),
            ByIdentity("mail", "person4@small.example"),
            ["person_id"],
        )
        for r in batch
    ]
    assert rows == [{"person_id": 4}]
    for i in (3, 5):  # stored as 'PERSON3@SMALL.EXAMPLE ' and ' Person5@Small.Example'
        batches = connector.find(
            dataset(datamap, "shop.people"),
            ByIdentity("mail", f"person{i}@small.example"),
            ["person_id"],
        )
        assert [r["person_id"] for b in batches for r in b] == [i]


def test_reference_lookup_single_and_composite_keys(shop):
    connector, datamap = shop
    purchases = [
        r
        for b in connector.find(
            dataset(datamap, "shop.purchases"),
            ByReference(("person_id",), [(3,), (7,)]),
            ["purchase_id", "person_id"],
        )
        for r in b
    ]
    assert sorted({r["person_id"] for r in purchases}) == [3, 7]
    assert len(purchases) == 3 + 3
    pairs = [(r["person_id"], r["purchase_id"]) for r in purchases]
    parcels = [
        r
        for b in connector.find(
            dataset(datamap, "shop.parcels"),
            ByReference(("buyer", "purchase"), pairs),
            ["parcel_id"],
        )
        for r in b
    ]
    assert len(parcels) == 2 * len(pairs)


def test_reference_lookup_splits_long_in_lists(shop):
    connector, datamap = shop
    values = [(i,) for i in range(1, 2600)]  # > 2 IN-lists of 1000
    found = [
        r
        for b in connector.find(
            dataset(datamap, "shop.people"), ByReference(("person_id",), values), ["person_id"]
        )
        for r in b
    ]
    assert len(found) == 50


def test_streaming_read_comes_in_bounded_batches(shop):
    connector, datamap = shop
    batches = list(connector.stream(dataset(datamap, "shop.parcels"), batch_size=7))
    assert all(len(b) <= 7 for b in batches)
    assert sum(len(b) for b in batches) == connector.count(dataset(datamap, "shop.parcels"))


def test_batched_writes_are_counted_and_idempotent(shop):
    connector, datamap = shop
    parcels = dataset(datamap, "shop.parcels")
    before = connector.count(parcels)
    written = list(
        connector.insert(
            parcels,
            ({"parcel_id": 10_000 + i, "buyer": 1, "purchase": 1} for i in range(25)),
            batch_size=10,
        )
    )
    assert written == [10, 10, 5]
    updated = sum(
        connector.update(
            parcels,
            ["parcel_id"],
            [(10_000 + i,) for i in range(25)],
            {"buyer": None},
            batch_size=10,
        )
    )
    assert updated == 25
    keys = [(10_000 + i,) for i in range(25)]
    assert sum(connector.delete(parcels, ["parcel_id"], keys, batch_size=10)) == 25
    assert (
        sum(connector.delete(parcels, ["parcel_id"], keys, batch_size=10)) == 0
    )  # a rerun deletes nothing more
    assert connector.count(parcels) == before


def test_a_failing_batch_keeps_the_batches_before_it(shop):
    connector, datamap = shop
    parcels = dataset(datamap, "shop.parcels")
    rows = [{"parcel_id": 20_000 + i, "buyer": 1, "purchase": 1} for i in range(20)]
    rows[15]["parcel_id"] = 20_000  # duplicate key in the second batch
    with pytest.raises(sa.exc.IntegrityError):
        for _ in connector.insert(parcels, rows, batch_size=10):
            pass
    ids = {r["parcel_id"] for b in connector.stream(parcels) for r in b}
    assert set(range(20_000, 20_010)) <= ids
    assert not ids & set(range(20_010, 20_020)), "the failed batch must be rolled back as a whole"


def test_inspect_reports_tables_and_columns(shop):
    connector, _ = shop
    live = connector.inspect()
    assert live["people"].exists
    assert live["people"].columns == {"person_id", "mail", "full_name"}
    assert live["parcels"].columns == {"parcel_id", "buyer", "purchase"}


def test_unreachable_database_is_reported_with_the_system_and_connection():
    datamap = small_map()
    engine = create_sql_engine("postgresql+psycopg2://nobody@127.0.0.1:1/none")
    with pytest.raises(
        SystemUnreachableError, match=r"system 'shop' \(sql, connection 'shop_db'\) is unreachable"
    ):
        SqlConnector(datamap.system("shop"), engine).ping()
