"""The demo seed: deterministic, shaped like the data map, and carrying every planted case.

Later features' tests rely on examples.retailer.planted; these tests are what makes those constants
trustworthy on each supported database.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from botocore.exceptions import ClientError

from examples.retailer import planted
from examples.retailer import populate as seed_module
from examples.retailer.planted import PLANTED
from examples.retailer.populate import SeedSummary, seed_demo
from examples.retailer.schema import DATABASES, KEY_TEMPLATES, TABLES, primary_key_column
from examples.retailer.texts import iban_valid, luhn_valid, nir_valid

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
DATAMAP = yaml.safe_load((ROOT / "include" / "datamap.yaml").read_text(encoding="utf-8"))
TODAY = date(2025, 6, 15)
N = 200


def _buckets() -> dict[str, str]:
    """Bucket names exactly as the data map declares them."""
    buckets = {s["name"]: s["bucket"] for s in DATAMAP["systems"] if s["kind"] == "s3"}
    buckets["reports"] = DATAMAP["reports"]["bucket"]
    buckets["delivery"] = DATAMAP["delivery"]["bucket"]
    return buckets


BUCKETS = _buckets()


@pytest.fixture
def engine(sql_url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(sql_url)
    yield engine
    engine.dispose()


def _seed(engine: sa.Engine, s3: Any, **kwargs: Any) -> SeedSummary:
    """CRM and helpdesk share one database here (their table names do not collide)."""
    options: dict[str, Any] = {"customers": N, "today": TODAY} | kwargs
    return seed_demo(engine, engine, s3, BUCKETS, **options)


def _checksums(engine: sa.Engine) -> dict[str, str]:
    """SHA-256 of every table's rows in primary-key order."""
    sums = {}
    with engine.connect() as conn:
        for key, table in TABLES.items():
            digest = hashlib.sha256()
            for row in conn.execute(sa.select(table).order_by(primary_key_column(table))):
                digest.update(repr(tuple(row)).encode())
            sums[key] = digest.hexdigest()
    return sums


def _counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            key: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for key, table in TABLES.items()
        }


def _keys(s3: Any, system: str) -> set[str]:
    paginator = s3.get_paginator("list_objects_v2")
    return {
        obj["Key"]
        for page in paginator.paginate(Bucket=BUCKETS[system])
        for obj in page.get("Contents", [])
    }


def _normalised(column: sa.ColumnElement) -> sa.ColumnElement:
    return sa.func.lower(sa.func.trim(column))


# --- determinism, idempotence ------------------------------------------------------------------


def test_seed_twice_gives_identical_rows(engine: sa.Engine, s3_client: Any) -> None:
    first = _seed(engine, s3_client)
    sums = _checksums(engine)
    assert first.rows == _counts(engine)
    second = _seed(engine, s3_client)  # drops and recreates: idempotent
    assert _checksums(engine) == sums
    assert second.rows == first.rows
    assert second.objects == first.objects
    assert first.planted == PLANTED
    # the re-seed reset the buckets: still exactly one version per ordinary key
    versions = s3_client.list_object_versions(
        Bucket=BUCKETS["invoice_archive"], Prefix="invoices/2/"
    )
    assert len(versions.get("Versions", [])) == 1


def test_another_seed_gives_other_rows_and_a_cap_changes_no_row(
    sqlite_url: str, s3_client: Any
) -> None:
    engine = sa.create_engine(sqlite_url)
    _seed(engine, s3_client)
    reference = _checksums(engine)
    _seed(engine, s3_client, max_objects=0, batch_size=37)
    assert _checksums(engine) == reference  # neither the cap nor the batch size alters rows
    _seed(engine, s3_client, seed=7)
    changed = _checksums(engine)
    assert changed["crm.customers"] != reference["crm.customers"]
    # planted rows do not depend on the seed
    with engine.connect() as conn:
        email = conn.execute(
            sa.text("SELECT email FROM customers WHERE customer_id = 1")
        ).scalar_one()
    assert email == planted.PLANTED_SUBJECT_CUSTOMER_EMAIL


def test_copy_and_insert_store_the_same_rows(
    pg_url: str, s3_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL loads with COPY; the portable INSERT path must give byte-identical rows."""
    engine = sa.create_engine(pg_url)
    _seed(engine, s3_client, max_objects=0)
    copied = _checksums(engine)
    monkeypatch.setattr(seed_module, "_copy_supported", lambda conn: False)
    _seed(engine, s3_client, max_objects=0)
    assert _checksums(engine) == copied
    with engine.connect() as conn:  # NULL and the empty string did not get mixed up
        assert (
            conn.execute(sa.text("SELECT count(*) FROM customers WHERE phone = ''")).scalar_one()
            == 0
        )
        assert (
            conn.execute(
                sa.text("SELECT count(*) FROM customers WHERE relationship_ended_at IS NULL")
            ).scalar_one()
            > N / 2
        )
    engine.dispose()


def test_separate_databases_and_progress(tmp_path: Path, s3_client: Any) -> None:
    crm = sa.create_engine(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    helpdesk = sa.create_engine(f"sqlite:///{tmp_path / 'helpdesk.sqlite'}")
    calls: list[tuple[str, int, int]] = []
    summary = seed_demo(
        crm,
        helpdesk,
        s3_client,
        BUCKETS,
        customers=N,
        today=TODAY,
        batch_size=100,
        progress=lambda name, done, total: calls.append((name, done, total)),
    )
    assert set(sa.inspect(crm).get_table_names()) == set(DATABASES["crm"].tables)
    assert set(sa.inspect(helpdesk).get_table_names()) == set(DATABASES["helpdesk"].tables)
    last: dict[str, tuple[int, int]] = {}
    for name, done, total in calls:
        assert 0 < done <= total or done == total == 0
        last[name] = (done, total)
    for key, count in summary.rows.items():
        assert last[key] == (count, count)
    assert len([c for c in calls if c[0] == "helpdesk.ticket_messages"]) > 5  # batched
    with pytest.raises(ValueError, match="customers"):
        seed_demo(crm, helpdesk, s3_client, BUCKETS, customers=5, today=TODAY)


# --- shape: exactly the data map ---------------------------------------------------------------


def test_tables_and_columns_match_the_datamap(engine: sa.Engine, s3_client: Any) -> None:
    _seed(engine, s3_client, max_objects=0)
    inspector = sa.inspect(engine)
    sql_systems = [s for s in DATAMAP["systems"] if s["kind"] == "sql"]
    declared_tables = {d["name"] for s in sql_systems for d in s["datasets"]}
    assert set(inspector.get_table_names()) == declared_tables
    for system in sql_systems:
        for dataset in system["datasets"]:
            table = dataset["name"]
            columns = {c["name"] for c in inspector.get_columns(table)}
            assert columns == set(dataset["fields"]), table
            assert (
                inspector.get_pk_constraint(table)["constrained_columns"] == dataset["primary_key"]
            )
            foreign_keys = {
                (
                    fk["referred_table"],
                    tuple(fk["constrained_columns"]),
                    tuple(fk["referred_columns"]),
                )
                for fk in inspector.get_foreign_keys(table)
            }
            expected = {
                (ref["dataset"].split(".")[1], tuple(ref["fields"]), tuple(ref["fields"].values()))
                for ref in dataset.get("references", [])
                if ref["dataset"].split(".")[0] == system["name"]
            }
            assert foreign_keys == expected, table
            indexed = {
                col for ix in inspector.get_indexes(table) for col in ix["column_names"] if col
            }
            referencing = {f for ref in dataset.get("references", []) for f in ref["fields"]}
            identity = set(dataset.get("identity", {}).values())
            assert referencing | identity <= indexed, table
    if engine.dialect.name == "postgresql":
        for table, column in (
            ("customers", "email"),
            ("prospects", "email"),
            ("tickets", "requester_email"),
        ):
            names = {ix["name"] for ix in inspector.get_indexes(table)}
            assert f"ix_{table}_{column}_norm" in names
    with engine.begin() as conn:  # explicit ids did not leave sequences behind (PostgreSQL)
        conn.execute(
            sa.text(
                "INSERT INTO customers (email, country, created_at) VALUES ('new@example.org', 'FR', '2025-06-01')"
            )
        )
        new_id = conn.execute(
            sa.text("SELECT customer_id FROM customers WHERE email = 'new@example.org'")
        ).scalar_one()
    assert new_id > N


def test_key_templates_and_buckets_match_the_datamap() -> None:
    declared = {
        f"{s['name']}.{d['name']}": d["key_template"]
        for s in DATAMAP["systems"]
        if s["kind"] == "s3"
        for d in s["datasets"]
    }
    assert declared == KEY_TEMPLATES


# --- proportions -------------------------------------------------------------------------------


def test_volumes_are_in_the_expected_proportions(sqlite_url: str, s3_client: Any) -> None:
    n = 2000
    engine = sa.create_engine(sqlite_url)
    rows = _seed(engine, s3_client, customers=n, max_objects=0).rows
    ratio = {key: count / n for key, count in rows.items()}
    assert rows["crm.customers"] == n
    assert rows["crm.prospects"] == n // 2
    assert 2.5 <= rows["crm.prospect_interactions"] / rows["crm.prospects"] <= 3.6
    assert 1.8 <= ratio["crm.orders"] <= 2.2
    assert 1.8 <= ratio["crm.payments"] <= 2.2
    assert 0.4 <= ratio["crm.notes"] <= 0.6
    assert 0.22 <= ratio["crm.call_recordings"] <= 0.36
    assert 0.4 <= rows["crm.call_evaluations"] / rows["crm.call_recordings"] <= 0.6
    assert 2.6 <= ratio["helpdesk.tickets"] <= 3.4
    assert 2.5 <= rows["helpdesk.ticket_messages"] / rows["helpdesk.tickets"] <= 3.5
    assert 0.07 <= rows["helpdesk.ticket_attachments"] / rows["helpdesk.tickets"] <= 0.13
    now = datetime(2025, 6, 15)
    three_years = datetime(2022, 6, 15)
    with engine.connect() as conn:

        def share(sql: str, total: str) -> float:
            return (
                conn.execute(sa.text(sql)).scalar_one() / conn.execute(sa.text(total)).scalar_one()
            )

        assert (
            0.07
            <= share(
                f"SELECT count(*) FROM customers WHERE relationship_ended_at < '{three_years}'",
                "SELECT count(*) FROM customers",
            )
            <= 0.13
        )
        assert (
            0.6
            <= share(
                "SELECT count(DISTINCT customer_id) FROM consents", "SELECT count(*) FROM customers"
            )
            <= 0.8
        )
        assert (
            0.4
            <= share(
                "SELECT count(DISTINCT prospect_id) FROM consents", "SELECT count(*) FROM prospects"
            )
            <= 0.6
        )
        assert (
            0.15
            <= share(
                f"SELECT count(*) FROM payments WHERE debited_at < '{datetime(2024, 5, 15)}'",
                "SELECT count(*) FROM payments",
            )
            <= 0.27
        )
        assert (
            0.33
            <= share(
                f"SELECT count(*) FROM call_recordings WHERE recorded_at < '{datetime(2024, 12, 15)}'",
                "SELECT count(*) FROM call_recordings",
            )
            <= 0.47
        )
        assert (
            0.03
            <= share(
                "SELECT count(*) FROM customers WHERE birth_date IS NOT NULL",
                "SELECT count(*) FROM customers",
            )
            <= 0.07
        )
        assert (
            conn.execute(
                sa.text("SELECT count(*) FROM orders WHERE delivered_at IS NOT NULL")
            ).scalar_one()
            == rows["crm.invoices"]
        )
        assert (
            conn.execute(
                sa.text(f"SELECT count(*) FROM customers WHERE created_at >= '{now}'")
            ).scalar_one()
            == 0
        )
        # the retention SQL of the data map: ~30% inactive prospects, some with a recent open
        sql_file = ROOT / "tests" / "data" / "sql" / "prospects_without_recent_inbound_contact.sql"
        # comments dropped: their ':cutoff' would count as a second bind parameter on SQLite
        sql = "\n".join(
            line for line in sql_file.read_text().splitlines() if not line.startswith("--")
        )
        inactive = {r[0] for r in conn.execute(sa.text(sql), {"cutoff": three_years})}
        assert 0.25 <= len(inactive) / rows["crm.prospects"] <= 0.35
        recent_open = {
            r[0]
            for r in conn.execute(
                sa.text(
                    "SELECT prospect_id FROM prospect_interactions WHERE kind = 'email_open' AND occurred_at > :t"
                ),
                {"t": datetime(2025, 1, 1)},
            )
        }
        assert len(inactive & recent_open) >= 0.1 * len(inactive)
        assert planted.PLANTED_INACTIVE_PROSPECT_WITH_RECENT_OPEN_ID in inactive & recent_open
        assert planted.PLANTED_SUBJECT_PROSPECT_ID not in inactive
        assert (
            conn.execute(
                sa.text("SELECT count(*) FROM tickets WHERE closed_at < :t"), {"t": three_years}
            ).scalar_one()
            > 0
        )
        non_customers = conn.execute(
            sa.text("SELECT count(*) FROM tickets WHERE crm_customer_id IS NULL")
        ).scalar_one()
        assert non_customers > 0.05 * rows["helpdesk.tickets"]


def test_generated_free_text_is_clean(sqlite_url: str, s3_client: Any) -> None:
    """Only planted texts may trigger a detector: generated texts have no trigger words or long numbers."""
    engine = sa.create_engine(sqlite_url)
    _seed(engine, s3_client, customers=1000, max_objects=0)
    triggers = re.compile(
        r"\d{9}|\d{4} \d{4} \d{4}|FR\d\d|mot de passe|password|sant[ée]|malad|enceinte|pregnan|relig|"
        r"musulm|catholi|syndi|union|party|parti |origine|homosex|gay|génét|diab|cardi|alcool",
        re.IGNORECASE,
    )
    planted_keys = set(planted.PLANTED_REMARK_TEXTS)
    with engine.connect() as conn:
        for dataset, table, key, column in (
            ("crm.notes", "notes", "note_id", "body"),
            ("crm.call_evaluations", "call_evaluations", "evaluation_id", "comment"),
            ("helpdesk.ticket_messages", "ticket_messages", "message_id", "body"),
            ("helpdesk.tickets", "tickets", "ticket_id", "subject"),
        ):
            for row_id, text in conn.execute(sa.text(f"SELECT {key}, {column} FROM {table}")):
                if (dataset, row_id, column) in planted_keys or text is None:
                    continue
                assert not triggers.search(text), (dataset, row_id, text)


# --- planted cases -----------------------------------------------------------------------------


def _ids(conn: sa.Connection, table: sa.Table, where: sa.ColumnElement[bool]) -> list[int]:
    pk = primary_key_column(table)
    return [r[0] for r in conn.execute(sa.select(pk).where(where).order_by(pk))]


def _scalar(conn: sa.Connection, sql: str, **params: Any) -> Any:
    return conn.execute(sa.text(sql), params).scalar_one()


def _as_datetime(value: datetime | str) -> datetime:
    """Raw SQL on SQLite returns DATETIME columns as text."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def test_planted_subject_is_found_by_normalised_email_only(
    engine: sa.Engine, s3_client: Any
) -> None:
    subject = _seed(engine, s3_client, max_objects=0).planted.subject
    customers, prospects, tickets = (
        TABLES["crm.customers"],
        TABLES["crm.prospects"],
        TABLES["helpdesk.tickets"],
    )
    email = planted.PLANTED_SUBJECT_EMAIL
    with engine.connect() as conn:
        assert _ids(conn, customers, _normalised(customers.c.email) == email) == [
            subject.customer_id
        ]
        assert _ids(conn, prospects, _normalised(prospects.c.email) == email) == [
            subject.prospect_id
        ]
        assert _ids(conn, tickets, _normalised(tickets.c.requester_email) == email) == list(
            subject.ticket_ids
        )
        if engine.dialect.name != "mysql":  # MariaDB's default collation ignores case
            assert _ids(conn, customers, customers.c.email == email) == []  # stored with capitals
        linked = _ids(conn, tickets, tickets.c.crm_customer_id == subject.customer_id)
        assert linked == list(subject.linked_ticket_ids)
        row = conn.execute(
            sa.select(customers).where(customers.c.customer_id == subject.customer_id)
        ).one()
        assert (row.first_name, row.last_name, row.phone) == (
            subject.first_name,
            subject.last_name,
            subject.phone,
        )
        assert row.relationship_ended_at is None
        for dataset, expected in subject.ids().items():
            table = TABLES[dataset]
            assert _ids(conn, table, primary_key_column(table).in_(expected)) == sorted(expected), (
                dataset
            )
            if (
                "customer_id" in table.c
                and dataset != "crm.customers"
                and dataset != "crm.consents"
            ):
                assert _ids(conn, table, table.c.customer_id == subject.customer_id) == list(
                    expected
                ), dataset
        named = "SELECT count(*) FROM ticket_messages WHERE agent_name IS NOT NULL AND ticket_id IN (1, 2, 3)"
        assert _scalar(conn, named) >= 2
        # near misses exist, are other people, and are never matched by the subject's identity
        for near in planted.PLANTED_NEAR_MISS_EMAILS:
            assert (
                _scalar(
                    conn, "SELECT count(*) FROM customers WHERE lower(trim(email)) = :e", e=near
                )
                == 1
            )
            assert (
                _scalar(
                    conn,
                    "SELECT count(*) FROM tickets WHERE lower(trim(requester_email)) = :e",
                    e=near,
                )
                == 1
            )
        near_prospect = "SELECT prospect_id FROM prospects WHERE lower(trim(email)) = :e"
        assert (
            _scalar(conn, near_prospect, e=planted.PLANTED_NEAR_MISS_EMAILS[0])
            == planted.PLANTED_NEAR_MISS_PROSPECT_IDS[0]
        )


def test_planted_retention_and_consent_cases(engine: sa.Engine, s3_client: Any) -> None:
    _seed(engine, s3_client, max_objects=0)
    four_years_ago = datetime(2021, 6, 15)
    invoices, consents = TABLES["crm.invoices"], TABLES["crm.consents"]
    with engine.connect() as conn:
        for cid in planted.PLANTED_EXPIRED_CUSTOMER_IDS:
            ended = _scalar(
                conn, "SELECT relationship_ended_at FROM customers WHERE customer_id = :c", c=cid
            )
            assert abs(_as_datetime(ended) - four_years_ago) < timedelta(days=1)
        assert planted.PLANTED_LEGAL_HOLD_CUSTOMER in planted.PLANTED_EXPIRED_CUSTOMER_IDS
        owner = planted.PLANTED_EXPIRED_WITH_INVOICES_CUSTOMER_ID
        assert _ids(conn, invoices, invoices.c.customer_id == owner) == list(
            planted.PLANTED_EXPIRED_KEPT_INVOICE_IDS
        )
        fye = _scalar(
            conn, "SELECT max(fiscal_year_end) FROM invoices WHERE customer_id = :c", c=owner
        )
        assert str(fye) == "2021-12-31"  # the last 31 December at least 3 years before 2025-06-15
        owner = planted.PLANTED_EXPIRED_WITH_RECORDINGS_CUSTOMER_ID
        assert (
            _scalar(conn, "SELECT count(*) FROM call_recordings WHERE customer_id = :c", c=owner)
            == 2
        )
        for rec_id in planted.PLANTED_OLD_RECORDING_IDS:
            recorded = _scalar(
                conn, "SELECT recorded_at FROM call_recordings WHERE recording_id = :r", r=rec_id
            )
            assert _as_datetime(recorded) < datetime(2024, 12, 15)
        closed = "SELECT closed_at FROM tickets WHERE ticket_id = :t"
        for ticket_id in planted.PLANTED_EXPIRED_TICKET_IDS:
            assert _as_datetime(_scalar(conn, closed, t=ticket_id)) < datetime(2022, 6, 15)
        # marketing contacts without a valid opt-in: exactly the planted ones
        without_proof = sa.or_(consents.c.opted_in_at.is_(None), consents.c.source.is_(None))
        base = sa.and_(consents.c.channel == "email", consents.c.opt_in.is_(True))
        assert _ids(conn, consents, sa.and_(base, without_proof)) == list(
            planted.PLANTED_CONSENT_WITHOUT_PROOF_IDS
        )
        withdrawn = sa.and_(base, consents.c.withdrawn_at.is_not(None))
        assert _ids(conn, consents, withdrawn) == list(
            planted.PLANTED_CONSENT_WITHDRAWN_NOT_HONOURED_IDS
        )
        non_customer = _scalar(
            conn,
            "SELECT crm_customer_id FROM tickets WHERE ticket_id = :t",
            t=planted.PLANTED_NON_CUSTOMER_TICKET_ID,
        )
        assert non_customer is None
        assert (
            _scalar(
                conn,
                "SELECT count(*) FROM customers WHERE lower(email) = :e",
                e=planted.PLANTED_NON_CUSTOMER_EMAIL,
            )
            == 0
        )


def test_planted_remarks_are_stored_verbatim(engine: sa.Engine, s3_client: Any) -> None:
    _seed(engine, s3_client, max_objects=0)
    with engine.connect() as conn:
        for (dataset, key, field), text in planted.PLANTED_REMARK_TEXTS.items():
            table = TABLES[dataset]
            query = sa.select(table.c[field]).where(primary_key_column(table) == key)
            assert conn.execute(query).scalar_one() == text, (dataset, key)
    assert {(r.dataset, r.key, r.field) for r in planted.PLANTED_REMARKS} == set(
        planted.PLANTED_REMARK_TEXTS
    )
    assert all(r.labels <= planted.REMARK_LABELS for r in planted.PLANTED_REMARKS)
    assert (
        set().union(*(r.labels for r in planted.PLANTED_REMARKS)) == planted.REMARK_LABELS
    )  # every label
    assert len(planted.PLANTED_HARD_NEGATIVES) >= 5
    assert {r.dataset for r in planted.PLANTED_REMARKS} == {
        "crm.notes",
        "crm.call_evaluations",
        "helpdesk.ticket_messages",
    }


def test_planted_identifiers_are_valid_and_negatives_are_not() -> None:
    assert all(luhn_valid(c) for c in planted.PLANTED_CARD_NUMBERS)
    assert not luhn_valid(planted.PLANTED_NOT_A_CARD_NUMBER)
    assert all(iban_valid(i) for i in planted.PLANTED_IBANS)
    assert all(nir_valid(n) for n in planted.PLANTED_NIRS)
    texts = planted.PLANTED_REMARK_TEXTS
    for values, label in (
        (planted.PLANTED_CARD_NUMBERS, "card_number"),
        (planted.PLANTED_IBANS, "iban"),
        (planted.PLANTED_NIRS, "nir"),
        (planted.PLANTED_PASSWORDS, "password"),
    ):
        for value in values:
            holders = [
                r for r in planted.PLANTED_REMARKS if value in texts[(r.dataset, r.key, r.field)]
            ]
            assert holders, value
            assert all(label in r.labels for r in holders)


def test_planted_objects_versions_and_delete_markers(sqlite_url: str, s3_client: Any) -> None:
    engine = sa.create_engine(sqlite_url)
    subject = _seed(engine, s3_client, max_objects=0).planted.subject
    for dataset, keys in subject.object_keys.items():
        for key in keys:
            s3_client.head_object(Bucket=BUCKETS[dataset.split(".")[0]], Key=key)
    pdf_key = subject.object_keys["invoice_archive.invoice_pdfs"][0]
    head = s3_client.head_object(Bucket=BUCKETS["invoice_archive"], Key=pdf_key)
    assert head["ContentType"] == "application/pdf"
    audio_key = subject.object_keys["call_audio.recordings"][0]
    assert (
        s3_client.get_object(Bucket=BUCKETS["call_audio"], Key=audio_key)["Body"]
        .read()
        .startswith(b"OggS")
    )
    audio = _keys(s3_client, "call_audio")
    with engine.connect() as conn:
        for rec_id in planted.PLANTED_OLD_RECORDING_IDS:
            cid = _scalar(
                conn, "SELECT customer_id FROM call_recordings WHERE recording_id = :r", r=rec_id
            )
            assert (
                KEY_TEMPLATES["call_audio.recordings"].format(customer_id=cid, recording_id=rec_id)
                in audio
            )
        for cid in (
            planted.PLANTED_EXPIRED_WITH_INVOICES_CUSTOMER_ID,
            planted.PLANTED_LEGAL_HOLD_CUSTOMER,
        ):
            for (invoice_id,) in conn.execute(
                sa.text("SELECT invoice_id FROM invoices WHERE customer_id = :c"), {"c": cid}
            ):
                key = KEY_TEMPLATES["invoice_archive.invoice_pdfs"].format(
                    customer_id=cid, invoice_id=invoice_id
                )
                s3_client.head_object(Bucket=BUCKETS["invoice_archive"], Key=key)
    for system, key in planted.PLANTED_MULTI_VERSION_OBJECTS:
        listing = s3_client.list_object_versions(Bucket=BUCKETS[system], Prefix=key)
        bodies = [
            s3_client.get_object(Bucket=BUCKETS[system], Key=key, VersionId=v["VersionId"])[
                "Body"
            ].read()
            for v in listing.get("Versions", [])
            if v["Key"] == key
        ]
        assert len(bodies) == 2
        assert bodies[0] != bodies[1]
        assert not listing.get("DeleteMarkers")
    for system, key in planted.PLANTED_DELETE_MARKER_OBJECTS:
        listing = s3_client.list_object_versions(Bucket=BUCKETS[system], Prefix=key)
        assert len(listing.get("Versions", [])) == 1
        assert len(listing.get("DeleteMarkers", [])) == 1
        with pytest.raises(ClientError):
            s3_client.head_object(Bucket=BUCKETS[system], Key=key)
    for system in ("invoice_archive", "call_audio", "helpdesk_files"):
        assert s3_client.get_bucket_versioning(Bucket=BUCKETS[system]).get("Status") == "Enabled"
    for system in ("reports", "delivery"):
        s3_client.head_bucket(Bucket=BUCKETS[system])


def test_objects_follow_the_rows(sqlite_url: str, s3_client: Any) -> None:
    engine = sa.create_engine(sqlite_url)
    summary = _seed(engine, s3_client)
    with engine.connect() as conn:
        invoices = {
            KEY_TEMPLATES["invoice_archive.invoice_pdfs"].format(customer_id=c, invoice_id=i)
            for i, c in conn.execute(sa.text("SELECT invoice_id, customer_id FROM invoices"))
        }
        recordings = {
            KEY_TEMPLATES["call_audio.recordings"].format(customer_id=c, recording_id=r)
            for r, c in conn.execute(
                sa.text("SELECT recording_id, customer_id FROM call_recordings")
            )
        }
        attachments = {
            KEY_TEMPLATES["helpdesk_files.attachments"].format(ticket_id=t, attachment_id=a): size
            for a, t, size in conn.execute(
                sa.text("SELECT attachment_id, ticket_id, size_bytes FROM ticket_attachments")
            )
        }
    deleted = {key for _, key in planted.PLANTED_DELETE_MARKER_OBJECTS}
    assert _keys(s3_client, "invoice_archive") == invoices
    assert _keys(s3_client, "call_audio") == recordings
    assert _keys(s3_client, "helpdesk_files") == set(attachments) - deleted
    assert summary.objects == {
        "invoice_archive.invoice_pdfs": len(invoices),
        "call_audio.recordings": len(recordings),
        "helpdesk_files.attachments": len(attachments) - len(deleted),
    }
    key = sorted(set(attachments) - deleted)[-1]
    assert (
        s3_client.head_object(Bucket=BUCKETS["helpdesk_files"], Key=key)["ContentLength"]
        == attachments[key]
    )
    pdf = s3_client.get_object(Bucket=BUCKETS["invoice_archive"], Key=sorted(invoices)[-1])[
        "Body"
    ].read()
    assert pdf.startswith(b"%PDF-1.4")


def test_max_objects_is_honoured(sqlite_url: str, s3_client: Any) -> None:
    engine = sa.create_engine(sqlite_url)
    summary = _seed(engine, s3_client, max_objects=60)
    live = {
        system: _keys(s3_client, system)
        for system in ("invoice_archive", "call_audio", "helpdesk_files")
    }
    total = sum(len(keys) for keys in live.values())
    assert total == sum(summary.objects.values())
    assert total + len(planted.PLANTED_DELETE_MARKER_OBJECTS) == 60
    # lowest customer ids first: every invoice of a customer below the highest one present has its PDF
    present = {int(k.split("/")[1]) for k in live["invoice_archive"]}
    with engine.connect() as conn:
        for invoice_id, cid in conn.execute(
            sa.text("SELECT invoice_id, customer_id FROM invoices WHERE customer_id < :c"),
            {"c": max(present)},
        ):
            assert (
                KEY_TEMPLATES["invoice_archive.invoice_pdfs"].format(
                    customer_id=cid, invoice_id=invoice_id
                )
                in live["invoice_archive"]
            )
    # a cap below the planted objects still writes the planted subject's objects
    _seed(engine, s3_client, max_objects=3)
    for dataset, keys in PLANTED.subject.object_keys.items():
        assert set(keys) <= _keys(s3_client, dataset.split(".")[0])
