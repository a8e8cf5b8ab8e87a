"""A small organisation, unrelated to the demo, for connector and resolution tests.

People are found by e-mail; purchases reference people; parcels reference purchases by a
composite key; receipts in S3 are keyed by person and purchase; a second system (support)
references people across systems.
"""

from __future__ import annotations

import sqlalchemy as sa

from gdpr.datamap import parse_datamap

MAP = """
version: 1
organisation:
  name: Small Shop
  address: 1 rue de la Paix, Paris
  dpo: {name: D. P. O., email: dpo@small.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: small-reports}
delivery: {conn_id: s3, bucket: small-delivery}
purposes:
  - {id: sales, name: Sales, description: Selling, legal_basis: contract, data_subjects: [customers]}
systems:
  - name: shop
    kind: sql
    conn_id: shop_db
    datasets:
      - name: people
        primary_key: [person_id]
        identity: {email: mail}
        subjects: customers
        purposes: [sales]
        fields:
          person_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          full_name: {categories: [user.name]}
      - name: purchases
        primary_key: [purchase_id]
        references: [{dataset: shop.people, fields: {person_id: person_id}}]
        subjects: customers
        purposes: [sales]
        fields:
          purchase_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          total: {categories: [user.behavior.purchase_history]}
      - name: parcels
        primary_key: [parcel_id]
        references: [{dataset: shop.purchases, fields: {buyer: person_id, purchase: purchase_id}}]
        subjects: customers
        purposes: [sales]
        fields:
          parcel_id: {categories: [system.operations]}
          buyer: {categories: [user.unique_id]}
          purchase: {categories: [system.operations]}
  - name: support
    kind: sql
    conn_id: support_db
    datasets:
      - name: cases
        primary_key: [case_id]
        identity: {email: contact}
        references: [{dataset: shop.people, fields: {shop_person: person_id}}]
        subjects: customers
        purposes: [sales]
        fields:
          case_id: {categories: [system.operations]}
          contact: {categories: [user.contact.email]}
          shop_person: {categories: [user.unique_id]}
  - name: docs
    kind: s3
    conn_id: s3
    bucket: small-receipts
    datasets:
      - name: receipts
        key_template: "receipts/{person_id}/{purchase_id}.pdf"
        references: [{dataset: shop.purchases, fields: {person_id: person_id, purchase_id: purchase_id}}]
        subjects: customers
        purposes: [sales]
        categories: [user.behavior.purchase_history]
"""


def small_map():
    return parse_datamap(MAP, source="small.yaml")


def create_shop(engine: sa.Engine, people: int = 50) -> None:
    """Person i has e-mail variants of person{i}@small.example and i % 4 purchases of 2 parcels each."""
    meta = sa.MetaData()
    people_t = sa.Table(
        "people",
        meta,
        sa.Column("person_id", sa.Integer, primary_key=True),
        sa.Column("mail", sa.String(200)),
        sa.Column("full_name", sa.String(200)),
    )
    purchases = sa.Table(
        "purchases",
        meta,
        sa.Column("purchase_id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, index=True),
        sa.Column("total", sa.Numeric(10, 2)),
    )
    parcels = sa.Table(
        "parcels",
        meta,
        sa.Column("parcel_id", sa.Integer, primary_key=True),
        sa.Column("buyer", sa.Integer),
        sa.Column("purchase", sa.Integer),
        sa.Index("ix_parcels_ref", "buyer", "purchase"),
    )
    meta.create_all(engine)
    variants = ["person{}@small.example", " Person{}@Small.Example", "PERSON{}@SMALL.EXAMPLE "]
    with engine.begin() as conn:
        conn.execute(
            people_t.insert(),
            [
                {"person_id": i, "mail": variants[i % 3].format(i), "full_name": f"Person {i}"}
                for i in range(1, people + 1)
            ],
        )
        rows, parcel_rows, pid, parcel_id = [], [], 0, 0
        for i in range(1, people + 1):
            for _ in range(i % 4):
                pid += 1
                rows.append({"purchase_id": pid, "person_id": i, "total": 10 * pid})
                for _ in range(2):
                    parcel_id += 1
                    parcel_rows.append({"parcel_id": parcel_id, "buyer": i, "purchase": pid})
        conn.execute(purchases.insert(), rows)
        conn.execute(parcels.insert(), parcel_rows)


def create_support(engine: sa.Engine) -> None:
    """Cases: one per person 1..10 linked by id, plus cases by e-mail only for person 3 and a stranger."""
    meta = sa.MetaData()
    cases = sa.Table(
        "cases",
        meta,
        sa.Column("case_id", sa.Integer, primary_key=True),
        sa.Column("contact", sa.String(200)),
        sa.Column("shop_person", sa.Integer, nullable=True),
    )
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            cases.insert(),
            [{"case_id": i, "contact": None, "shop_person": i} for i in range(1, 11)],
        )
        conn.execute(
            cases.insert(),
            [
                {"case_id": 100, "contact": "  person3@SMALL.example", "shop_person": None},
                {"case_id": 101, "contact": "person3@small.example.com", "shop_person": None},
            ],
        )
