"""The order records are deleted in across systems (``gdpr.connectors.order.children_first``)."""

from __future__ import annotations

from gdpr.connectors.order import children_first
from gdpr.datamap import parse_datamap

MAP = """
version: 1
organisation:
  name: Ordre Exemple
  address: 1 rue de l'Ordre, Lille
  dpo: {name: D. P. O., email: dpo@ordre.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: courriel, kind: email}
reports: {conn_id: s3, bucket: ordre-rapports}
delivery: {conn_id: s3, bucket: ordre-livraison}
purposes:
  - {id: gestion, name: Gestion, description: Gestion, legal_basis: contract,
     data_subjects: [clients]}
systems:
  - name: base
    kind: sql
    conn_id: base_db
    datasets:
      - name: clients
        primary_key: [client_id]
        identity: {courriel: mail}
        subjects: clients
        purposes: [gestion]
        fields:
          client_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
      - name: notes
        primary_key: [note_id]
        references: [{dataset: base.clients, fields: {client_id: client_id}}]
        subjects: clients
        purposes: [gestion]
        fields:
          note_id: {categories: [system.operations]}
          client_id: {categories: [user.unique_id]}
      - name: contrats
        primary_key: [contrat_id]
        references: [{dataset: base.clients, fields: {client_id: client_id}}]
        subjects: clients
        purposes: [gestion]
        fields:
          contrat_id: {categories: [system.operations]}
          client_id: {categories: [user.unique_id]}
  - name: docs
    kind: s3
    conn_id: s3
    bucket: ordre-docs
    datasets:
      - name: pieces
        key_template: "pieces/{contrat_id}.pdf"
        references: [{dataset: base.contrats, fields: {contrat_id: contrat_id}}]
        subjects: clients
        purposes: [gestion]
        categories: [user.content.private]
"""


def test_a_system_is_not_split_around_another_systems_records():
    """Notes can go at once, contracts only after their documents: deleting the notes first
    would split the database's deletions into two transactions around the bucket's, and a run
    stopped between them would leave contracts whose client is gone, out of any rerun's reach.
    The documents go first, then the database's records in one group."""
    datamap = parse_datamap(MAP, source="ordre.yaml")
    given = ["base.notes", "docs.pieces", "base.contrats", "base.clients"]
    edges = [
        ("base.notes", "base.clients"),
        ("base.contrats", "base.clients"),
        ("docs.pieces", "base.contrats"),
    ]

    ordered = children_first(datamap, {}, given, edges)

    assert ordered == ["docs.pieces", "base.notes", "base.contrats", "base.clients"]


def test_the_given_order_breaks_ties_where_no_system_waits_for_another():
    datamap = parse_datamap(MAP, source="ordre.yaml")
    given = ["base.notes", "base.contrats", "base.clients"]
    edges = [("base.notes", "base.clients"), ("base.contrats", "base.clients")]

    assert children_first(datamap, {}, given, edges) == given
