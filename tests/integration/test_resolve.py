"""Subject resolution across two databases and S3, from one e-mail address."""

from __future__ import annotations

import pytest

from gdpr.connections import create_sql_engine
from gdpr.connectors import S3Connector, SqlConnector
from gdpr.subject import resolve_subject
from tests.integration.small_map import create_shop, create_support, small_map


@pytest.fixture
def systems(pg_url, mysql_url, s3_client):
    """The shop on PostgreSQL, support on MariaDB, receipts in S3."""
    datamap = small_map()
    shop, support = create_sql_engine(pg_url), create_sql_engine(mysql_url)
    create_shop(shop)
    create_support(support)
    bucket = datamap.system("docs").bucket
    s3_client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    for person, purchase in [(3, 4), (3, 5), (3, 6), (3, 99), (2, 3), (30, 4)]:
        s3_client.put_object(Bucket=bucket, Key=f"receipts/{person}/{purchase}.pdf", Body=b"%PDF")
    connectors = {
        "shop": SqlConnector(datamap.system("shop"), shop),
        "support": SqlConnector(datamap.system("support"), support),
        "docs": S3Connector(datamap.system("docs"), s3_client),
    }
    yield datamap, connectors
    shop.dispose()
    support.dispose()


def test_subject_is_found_in_every_system_through_references(systems):
    datamap, connectors = systems
    location = resolve_subject(datamap, connectors, "email", "  PERSON3@small.EXAMPLE ")
    counts = location.counts()
    # person 3 has 3 purchases (ids 4, 5, 6), 2 parcels each
    assert counts["shop.people"] == 1
    assert counts["shop.purchases"] == 3
    assert counts["shop.parcels"] == 6
    # one case linked by id, one found only by e-mail; the look-alike address is not theirs
    assert sorted(k[0] for k in location.hits["support.cases"].sorted_keys()) == [3, 100]
    # receipts of their purchases only: not a stray key under their prefix, not another person's
    assert location.hits["docs.receipts"].sorted_keys() == [
        ("receipts/3/4.pdf",),
        ("receipts/3/5.pdf",),
        ("receipts/3/6.pdf",),
    ]
    assert location.total == 1 + 3 + 6 + 2 + 3


def test_unknown_subject_is_a_valid_empty_answer(systems):
    datamap, connectors = systems
    location = resolve_subject(datamap, connectors, "email", "nobody@small.example")
    assert not location.found
    assert set(location.counts()) == set(datamap.dataset_ids())


def test_malformed_email_is_refused_before_any_query(systems):
    datamap, connectors = systems
    with pytest.raises(ValueError, match="email address must contain exactly one @"):
        resolve_subject(datamap, connectors, "email", "not-an-address")


def test_evidence_hash_is_stable_and_order_independent(systems):
    datamap, connectors = systems
    first = resolve_subject(datamap, connectors, "email", "person3@small.example")
    second = resolve_subject(datamap, connectors, "email", "Person3@Small.Example")
    assert first.hits["shop.parcels"].keys_sha256() == second.hits["shop.parcels"].keys_sha256()
    assert len(first.hits["shop.parcels"].keys_sha256()) == 64
