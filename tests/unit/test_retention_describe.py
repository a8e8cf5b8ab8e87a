"""Retention rules in words from their declaration, as the register and the access cover letter
show them: aggregates and what a missing value means, conditions, a rule of a SQL file by its
own description, in English and French, never the name of a file."""

from __future__ import annotations

from datetime import UTC, datetime

from gdpr.access.cover import RequestInfo, build_cover, render_cover
from gdpr.access.export import DatasetExport
from gdpr.datamap import parse_datamap
from gdpr.reports.register import build_register, render_csv
from gdpr.retention.describe import describe_rule

MAP = """
version: 1
organisation:
  name: Club Exemple
  address: 3 place du Marché, Lille
  dpo: {name: D. P. O., email: dpo@club.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: club-rapports}
delivery: {conn_id: s3, bucket: club-envois}
purposes:
  - {id: club, name: Club, description: Adhésions, legal_basis: contract,
     data_subjects: [members]}
systems:
  - name: club
    kind: sql
    conn_id: club_db
    datasets:
      - name: people
        primary_key: [person_id]
        identity: {email: mail}
        subjects: members
        purposes: [club]
        fields:
          person_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          kind: {categories: [system.operations], description: status}
          created_at: {categories: [system.operations], description: creation date}
      - name: contracts
        primary_key: [contract_id]
        references: [{dataset: club.people, fields: {person_id: person_id}}]
        subjects: members
        purposes: [club]
        fields:
          contract_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          ended_at: {categories: [system.operations], description: end}
      - name: interactions
        primary_key: [interaction_id]
        references: [{dataset: club.people, fields: {person_id: person_id}}]
        subjects: members
        purposes: [club]
        fields:
          interaction_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          kind: {categories: [user.behavior]}
          occurred_at: {categories: [user.behavior]}
      - name: disputes
        primary_key: [dispute_id]
        references: [{dataset: club.people, fields: {person_id: person_id}}]
        subjects: members
        purposes: [club]
        fields:
          dispute_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          status: {categories: [system.operations]}
retention:
  - id: customers-3y
    dataset: club.people
    where:
      - {field: kind, op: "=", value: customer}
      - {not_exists: club.disputes, where: [{field: status, op: in, value: [open, appeal]}]}
    start:
      max: {dataset: club.contracts, column: ended_at, null: keeps}
    period: P3Y
    action: delete
    citation: CNIL NS-048
  - id: prospects-3y
    dataset: club.people
    where: [{field: kind, op: "=", value: prospect}]
    start:
      max:
        dataset: club.interactions
        column: occurred_at
        where: [{field: kind, op: in, value: [click, form]}]
      otherwise: created_at
    period: P3Y
    action: delete
    citation: CNIL NS-048
  - id: contracts-5y
    dataset: club.contracts
    start: {sql: contracts.sql}
    period: P5Y
    action: delete
    citation: Code civil 2224
    description: 5 years after the last payment of the contract
"""


def datamap(tmp_path):
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "contracts.sql").write_text("SELECT contract_id FROM contracts WHERE 1 = :cutoff")
    return parse_datamap(MAP, source="club.yaml", sql_dir=sql)


def test_each_rule_reads_as_its_declaration_in_english_and_french(tmp_path):
    club = datamap(tmp_path)
    assert describe_rule(club, club.rule("customers-3y")) == (
        "3 years after the latest end of its contracts; any of its contracts without end keeps "
        "it; a record without any is kept; applies to the records where status is customer and "
        "it has no disputes with status is one of open, appeal"
    )
    assert describe_rule(club, club.rule("prospects-3y")) == (
        "3 years after the latest occurred at of its interactions with kind is one of click, "
        "form or creation date when it has none; applies to the records where status is prospect"
    )
    assert describe_rule(club, club.rule("customers-3y"), "fr") == (
        "3 ans après le dernier end de ses contracts ; un de ses contracts sans end le fait "
        "conserver ; un enregistrement qui n'en a aucun est conservé ; s'applique aux "
        "enregistrements où status vaut customer et il n'a pas de disputes avec status est "
        "parmi open, appeal"
    )
    assert describe_rule(club, club.rule("contracts-5y")) == (
        "5 years after the last payment of the contract"
    )


def test_the_register_and_the_cover_letter_describe_rules_in_words(tmp_path):
    club = datamap(tmp_path)
    (entry,) = build_register(club)
    assert entry.retention[0] == (
        "club.people: deleted " + describe_rule(club, club.rule("customers-3y")) + " (CNIL NS-048)"
    )
    now = datetime(2026, 11, 22, 9, tzinfo=UTC)
    request = RequestInfo("R-2026-000007", "access", now, now)
    context = build_cover(
        club,
        [DatasetExport(d, "records", 2, "0" * 64) for d in ("club.people", "club.contracts")],
        [],
        request,
        now,
        files=1,
    )
    english = render_cover(context, "en")
    french = render_cover(context, "fr")
    assert "5 years after the last payment of the contract" in english
    assert "3 ans après le dernier end de ses contracts" in french
    for text in (render_csv([entry]), english, french):
        assert ".sql" not in text
        assert "selection" not in text
