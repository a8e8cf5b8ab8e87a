"""References compared by normalised value, across two databases (PostgreSQL and MariaDB).

A shop whose helpdesk knows customers only by the e-mail address an agent typed
(``"  Alice@Shop.Example "``) and whose SMS log knows them by a phone number in any spelling
("06 12 34 56 78", "+33 6 12..."). The map declares these links with `match`: locate, access,
rectification, erasure and the retention purge all reach those rows, and leave the look-alikes
(another address, an unreadable number) alone.
"""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.datamap import DataMapError, parse_datamap
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.plan import preview
from gdpr.erasure.rectify import rectify
from gdpr.ledger import Ledger, migrate
from gdpr.retention.run import run_rule
from gdpr.subject import resolve_subject
from gdpr.subject.resolve import record_owners
from tests.clock import TEST_NOW

MAP = """
version: 1
organisation:
  name: Boutique Exemple
  address: 8 rue Sainte-Catherine, Bordeaux
  timezone: Europe/Paris
  dpo: {name: D. P. O., email: dpo@shop.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: shop-rapports}
delivery: {conn_id: s3, bucket: shop-envois}
purposes:
  - {id: sales, name: Ventes, description: Relation client, legal_basis: contract,
     data_subjects: [clients]}
systems:
  - name: crm
    kind: sql
    conn_id: crm_db
    datasets:
      - name: customers
        primary_key: [customer_id]
        identity: {email: email}
        subjects: clients
        purposes: [sales]
        fields:
          customer_id: {categories: [user.unique_id]}
          email: {categories: [user.contact.email]}
          phone: {categories: [user.contact.phone_number]}
          full_name: {categories: [user.name], rectifiable: true}
          ended_at: {categories: [system.operations]}
  - name: helpdesk
    kind: sql
    conn_id: helpdesk_db
    datasets:
      - name: tickets
        primary_key: [ticket_id]
        references: [{dataset: crm.customers, fields: {requester: email}, match: email}]
        subjects: clients
        purposes: [sales]
        fields:
          ticket_id: {categories: [system.operations]}
          requester: {categories: [user.contact.email]}
          requester_name: {categories: [user.name], rectifiable: true}
      - name: sms
        primary_key: [sms_id]
        references: [{dataset: crm.customers, fields: {msisdn: phone}, match: phone}]
        subjects: clients
        purposes: [sales]
        fields:
          sms_id: {categories: [system.operations]}
          msisdn: {categories: [user.contact.phone_number]}
retention:
  - id: customers-3y
    dataset: crm.customers
    start: {column: ended_at}
    period: P3Y
    action: delete
    citation: CNIL NS-048
"""

OLD, LIVE = datetime(2020, 1, 10), None
# customer id, e-mail, phone, relationship ended
CUSTOMERS = [
    (1, "alice@shop.example", "+33612345678", OLD),  # expired: her tickets and SMS go too
    (2, "bob@shop.example", "0698765432", LIVE),
    (3, "Carol@Shop.Example", "+33 7 81 22 33 44", OLD),  # expired
]
# ticket id, requester as typed, requester name
TICKETS = [
    (10, "  Alice@Shop.Example ", "Alice M."),
    (11, "ALICE@SHOP.EXAMPLE", "Alice"),
    (12, "alice@shop.example.com", "Not Alice"),  # another address
    (13, "bob@shop.example", "Bob"),
    (14, " carol@shop.example  ", "Carol"),
    (15, "not an address", "Nobody"),
]
# sms id, number as typed
SMS = [
    (20, "06 12 34 56 78"),
    (21, "0033612345678"),
    (22, "+33 6 98 76 54 32"),
    (23, "07.81.22.33.44"),
    (24, "06 12 34 56 79"),  # one digit off
    (25, "n/a"),
]
ALICE_TICKETS, ALICE_SMS = {10, 11}, {20, 21}
EXPIRED_TICKETS, EXPIRED_SMS = {10, 11, 14}, {20, 21, 23}


@pytest.fixture(
    params=[("pg_url", "mysql_url"), ("mysql_url", "pg_url")], ids=["crm-pg", "crm-mariadb"]
)
def shop(request, tmp_path):
    crm = create_sql_engine(request.getfixturevalue(request.param[0]))
    helpdesk = create_sql_engine(request.getfixturevalue(request.param[1]))
    crm_meta, help_meta = sa.MetaData(), sa.MetaData()
    customers = sa.Table(
        "customers",
        crm_meta,
        sa.Column("customer_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("email", sa.String(100)),
        sa.Column("phone", sa.String(30)),
        sa.Column("full_name", sa.String(100)),
        sa.Column("ended_at", sa.DateTime, nullable=True),
    )
    tickets = sa.Table(
        "tickets",
        help_meta,
        sa.Column("ticket_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("requester", sa.String(100)),
        sa.Column("requester_name", sa.String(100)),
    )
    sms = sa.Table(
        "sms",
        help_meta,
        sa.Column("sms_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("msisdn", sa.String(30)),
    )
    crm_meta.create_all(crm)
    help_meta.create_all(helpdesk)
    with crm.begin() as conn:
        conn.execute(
            customers.insert(),
            [
                {"customer_id": c, "email": e, "phone": p, "full_name": "x", "ended_at": end}
                for c, e, p, end in CUSTOMERS
            ],
        )
    with helpdesk.begin() as conn:
        conn.execute(
            tickets.insert(),
            [{"ticket_id": t, "requester": r, "requester_name": n} for t, r, n in TICKETS],
        )
        conn.execute(sms.insert(), [{"sms_id": s, "msisdn": m} for s, m in SMS])
    datamap = parse_datamap(MAP, source="shop.yaml")
    connectors = {
        "crm": SqlConnector(datamap.system("crm"), crm),
        "helpdesk": SqlConnector(datamap.system("helpdesk"), helpdesk),
    }
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    yield datamap, connectors, helpdesk, Ledger(ledger_engine)
    crm.dispose()
    helpdesk.dispose()
    ledger_engine.dispose()


def _ids(engine, table: str) -> set[int]:
    with engine.connect() as conn:
        return {int(r[0]) for r in conn.execute(sa.text(f"SELECT * FROM {table}"))}


def test_locate_reaches_rows_linked_only_by_a_typed_email_or_phone(shop):
    datamap, connectors, *_ = shop
    location = resolve_subject(datamap, connectors, "email", "alice@shop.example")
    assert {int(k[0]) for k in location.hits["helpdesk.tickets"].rows} == ALICE_TICKETS
    assert {int(k[0]) for k in location.hits["helpdesk.sms"].rows} == ALICE_SMS


def test_a_ticket_leads_back_to_its_owner(shop):
    """Holds in subject scope walk up: a ticket typed in capitals belongs to Alice."""
    datamap, connectors, *_ = shop
    owners = record_owners(datamap, connectors, "helpdesk.tickets", {"ticket_id": 11}, "email")
    assert owners == {"alice@shop.example"}


def test_the_purge_reaches_rows_linked_only_by_a_trimmed_lower_cased_email(shop):
    datamap, connectors, helpdesk, ledger = shop
    outcome = run_rule(datamap, "customers-3y", connectors, ledger, now=TEST_NOW)

    assert outcome.expired == 2
    assert _ids(helpdesk, "tickets") == {t[0] for t in TICKETS} - EXPIRED_TICKETS
    assert _ids(helpdesk, "sms") == {s[0] for s in SMS} - EXPIRED_SMS


def test_erasure_and_rectification_follow_the_same_links(shop):
    datamap, connectors, helpdesk, ledger = shop
    email = "alice@shop.example"
    for kind, request_id in (("rectification", "R-SHOP-0"), ("erasure", "R-SHOP-1")):
        ledger.create_request(
            kind=kind,
            subject_email=email,
            received_at=TEST_NOW,
            due_at=request_due_at(TEST_NOW, "Europe/Paris"),
            channel="test",
            request_id=request_id,
        )
    location = resolve_subject(datamap, connectors, "email", email)
    rectify(
        datamap,
        connectors,
        ledger,
        location,
        category="user.name",
        value="Alice Martin",
        key=b"k" * 32,
        request_id="R-SHOP-0",
    )
    with helpdesk.connect() as conn:
        names = dict(conn.execute(sa.text("SELECT ticket_id, requester_name FROM tickets")).all())
    assert {names[t] for t in ALICE_TICKETS} == {"Alice Martin"}
    assert names[12] == "Not Alice"

    plan = preview(
        datamap,
        connectors,
        ledger,
        subject_email=email,
        request_id="R-SHOP-1",
        ground="b",
        now=TEST_NOW,
        identity="email",
    )
    apply_plan(datamap, plan, connectors, ledger)
    assert _ids(helpdesk, "tickets") == {t[0] for t in TICKETS} - ALICE_TICKETS
    assert _ids(helpdesk, "sms") == {s[0] for s in SMS} - ALICE_SMS


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "fields: {requester: email}, match: email",
            "fields: {requester: email, ticket_id: customer_id}, match: email",
            "`match` compares one field",
        ),
        ("match: phone", "match: telephone", "Input should be 'email', 'phone'"),
    ],
)
def test_a_bad_match_is_refused_with_its_line(old, new, message):
    text = MAP.replace(old, new)
    with pytest.raises(DataMapError) as refused:
        parse_datamap(text, source="shop.yaml")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if new in t)
    assert f"shop.yaml:{line}" in str(refused.value)
    assert message in str(refused.value)
