"""A small organisation whose helpdesk is Request Tracker 5: a shop database (SQL) with its
customers, their receipts in S3, and RT's tickets, correspondence, attached files and users,
reached through REST 2.

Tickets are found by their requestor's e-mail and by the customer number custom field that
links them to the shop's customer; the seeded tickets are those of ``tests/rt/plugin.py``.
``tests/rt/org.py`` deploys it (the ``rt_org`` fixture).
"""

from __future__ import annotations

MAP = """
version: 1
organisation:
  name: Helpdesk Shop
  address: 2 rue du Support, Lyon
  dpo: {name: D. P. O., email: dpo@helpdesk.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
  - {name: phone, kind: phone}
reports: {conn_id: rtorg_s3, bucket: rtorg-reports}
delivery: {conn_id: rtorg_s3, bucket: rtorg-delivery}
purposes:
  - {id: sales, name: Sales, description: Selling, legal_basis: contract, data_subjects: [customers]}
  - id: support
    name: Customer support
    description: Answering customers' questions and complaints
    legal_basis: contract
    data_subjects: [customers]
systems:
  - name: shop
    kind: sql
    conn_id: rtorg_shop
    datasets:
      - name: customers
        primary_key: [customer_id]
        identity: {email: email}
        one_per_subject: true
        subjects: customers
        purposes: [sales]
        fields:
          customer_id: {categories: [user.unique_id]}
          customer_number: {categories: [user.unique_id]}
          email: {categories: [user.contact.email]}
          full_name: {categories: [user.name], rectifiable: true}
  - name: documents
    kind: s3
    conn_id: rtorg_s3
    bucket: rtorg-documents
    datasets:
      - name: receipts
        key_template: "receipts/{customer_number}/{*}.txt"
        references: [{dataset: shop.customers, fields: {customer_number: customer_number}}]
        categories: [user.financial]
        subjects: customers
        purposes: [sales]
  - name: helpdesk
    kind: rt
    conn_id: rtorg_helpdesk
    datasets:
      - name: tickets
        rt: {records: ticket}
        primary_key: [id]
        identity: {email: Requestor, phone: "CF.Phone"}
        references:
          - {dataset: shop.customers, fields: {"CF.Customer number": customer_number}}
        erasure: anonymise
        subjects: customers
        purposes: [support]
        fields:
          id: {categories: [system.operations]}
          Queue: {categories: [system.operations]}
          Status: {categories: [system.operations]}
          Subject: {categories: [user.content], free_text: true, erasure: redact}
          Requestor: {categories: [user.contact.email], erasure: "null"}
          Created: {categories: [system.operations]}
          Resolved: {categories: [system.operations]}
          "CF.Customer number": {categories: [user.unique_id], erasure: "null"}
          "CF.Request type": {categories: [system.operations]}
          "CF.Phone": {categories: [user.contact.phone_number], erasure: "null"}
          "CF.Postal address":
            {categories: [user.contact.address], erasure: "null", rectifiable: true}
      - name: correspondence
        rt: {records: correspondence}
        primary_key: [id]
        references: [{dataset: helpdesk.tickets, fields: {Ticket: id}}]
        subjects: customers
        purposes: [support]
        fields:
          id: {categories: [system.operations]}
          Ticket: {categories: [system.operations]}
          Type: {categories: [system.operations]}
          Created: {categories: [system.operations]}
          Content: {categories: [user.content], free_text: true, provided: true}
      - name: attachments
        rt: {records: attachment}
        primary_key: [id]
        references: [{dataset: helpdesk.correspondence, fields: {TransactionId: id}}]
        subjects: customers
        purposes: [support]
        fields:
          id: {categories: [system.operations]}
          TransactionId: {categories: [system.operations]}
          Filename: {categories: [user.content]}
          ContentType: {categories: [system.operations]}
          Content: {categories: [user.content], provided: true}
      - name: users
        rt: {records: user}
        primary_key: [id]
        identity: {email: EmailAddress}
        erasure: anonymise
        subjects: customers
        purposes: [support]
        fields:
          id: {categories: [system.operations]}
          Name: {categories: [user.contact.email], erasure: hash}
          EmailAddress: {categories: [user.contact.email], erasure: "null"}
          RealName: {categories: [user.name], erasure: "null", rectifiable: true}
retention:
  - id: support-tickets
    dataset: helpdesk.tickets
    start: {column: Resolved}
    period: P5Y
    action: anonymise
    citation: "Limitation period of consumer claims, 5 years (Code civil art. 2224)"
intake:
  dataset: helpdesk.tickets
  channel: rt-privacy
  type_field: "CF.Request type"
  types: {erasure: erasure, access: access}
  identity: email
  identity_field: Requestor
  received_field: Created
  reference_field: id
  status_field: Status
  statuses: {open: [new, open, stalled], closed: [resolved], refused: [rejected]}
  reply: {dataset: helpdesk.correspondence, reference_field: Ticket, text_field: Content}
"""

CUSTOMERS = [
    (1, "C-1001", "alice.martin@example.com", "Alice Martin"),
    (2, "C-1002", "bob.durand@example.com", "Bob Durand"),
]


RECEIPTS = {"C-1001": ["2026-10-01", "2026-11-02"], "C-1002": ["2026-09-15"]}
