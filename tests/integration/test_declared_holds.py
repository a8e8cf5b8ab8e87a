"""Holds the data map declares (`holds.rules`), on PostgreSQL and MariaDB: an open claim holds
everything of its claimant (subject scope, found up the references), a disputed invoice only
itself and the records it needs (record scope), through the retention purge, its report and an
erasure preview; and the validator refuses a bad declaration with file:line.

A small insurer written for this test: people (found by e-mail) with an end of contract, their
claims and the photos of each claim, their invoices. Every person's contract ended long ago
except one, so the purge of people would take them all but for the holds.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.datamap import parse_datamap
from gdpr.datamap.errors import DataMapError
from gdpr.erasure.batch import Subject, plan_batch
from gdpr.erasure.plan import preview
from gdpr.ledger import Ledger, migrate
from gdpr.reports.retention import render_retention_report
from gdpr.retention.run import run_rule
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration

MAP = """
version: 1
organisation:
  name: Assurances Exemple
  address: 5 rue du Port, Nantes
  dpo: {name: D. P. O., email: dpo@assur.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: assur-rapports}
delivery: {conn_id: s3, bucket: assur-envois}
purposes:
  - {id: contracts, name: Contrats, description: Assurance, legal_basis: contract,
     data_subjects: [insured]}
systems:
  - name: insurer
    kind: sql
    conn_id: insurer_db
    datasets:
      - name: people
        primary_key: [person_id]
        identity: {email: mail}
        subjects: insured
        purposes: [contracts]
        fields:
          person_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          ended_at: {categories: [system.operations]}
      - name: claims
        primary_key: [claim_id]
        references: [{dataset: insurer.people, fields: {person_id: person_id}}]
        subjects: insured
        purposes: [contracts]
        fields:
          claim_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          status: {categories: [system.operations]}
      - name: photos
        primary_key: [photo_id]
        references: [{dataset: insurer.claims, fields: {claim_id: claim_id}}]
        subjects: insured
        purposes: [contracts]
        fields:
          photo_id: {categories: [system.operations]}
          claim_id: {categories: [system.operations]}
      - name: invoices
        primary_key: [invoice_id]
        references: [{dataset: insurer.people, fields: {person_id: person_id}}]
        subjects: insured
        purposes: [contracts]
        fields:
          invoice_id: {categories: [system.operations]}
          person_id: {categories: [user.unique_id]}
          disputed: {categories: [system.operations]}
          amount: {categories: [user.financial]}
      - name: newsletter
        primary_key: [subscriber_id]
        identity: {email: mail}
        subjects: insured
        purposes: [contracts]
        fields:
          subscriber_id: {categories: [system.operations]}
          mail: {categories: [user.contact.email]}
          signed_at: {categories: [system.operations]}
retention:
  - id: people-3y
    dataset: insurer.people
    start: {column: ended_at}
    period: P3Y
    action: delete
    citation: Code des assurances L114-1
  - id: newsletter-1y
    dataset: insurer.newsletter
    start: {column: signed_at}
    period: P1Y
    action: delete
    citation: CNIL
holds:
  rules:
    - id: open-claim
      dataset: insurer.claims
      where: [{field: status, op: in, value: [open, appeal]}]
      reason: A claim still open may end in court
      citation: Art. 17(3)(e) GDPR
    - id: disputed-invoice
      dataset: insurer.invoices
      where:
        - {field: disputed, op: "=", value: true}
        - {field: amount, op: ">=", value: 100}
      scope: record
      reason: Invoice disputed before the court
      citation: TJ Nantes 26/0117
"""

OLD, RECENT = datetime(2020, 1, 1), datetime(2026, 6, 1)
# person: ended_at, claims (status, photos), invoices (disputed, amount)
PEOPLE = {
    1: (OLD, [("closed", 2)], [(False, 50)]),  # expired: everything goes
    2: (OLD, [("closed", 1), ("open", 2)], [(False, 80)]),  # an open claim keeps everything
    3: (OLD, [("rejected", 1)], [(True, 20)]),  # a disputed invoice under 100 holds nothing
    4: (OLD, [("closed", 1)], [(True, 300), (False, 40)]),  # the disputed invoice and its owner
    5: (RECENT, [("open", 1)], []),  # not expired
}


def mail(person: int) -> str:
    return f"Person{person}@Assur.Example"


@pytest.fixture(params=["postgresql", "mariadb"])
def insurer(request, tmp_path):
    url = request.getfixturevalue({"postgresql": "pg_url", "mariadb": "mysql_url"}[request.param])
    engine = create_sql_engine(url)
    meta = sa.MetaData()
    people = sa.Table(
        "people",
        meta,
        sa.Column("person_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mail", sa.String(100)),
        sa.Column("ended_at", sa.DateTime),
    )
    claims = sa.Table(
        "claims",
        meta,
        sa.Column("claim_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.person_id")),
        sa.Column("status", sa.String(20)),
    )
    photos = sa.Table(
        "photos",
        meta,
        sa.Column("photo_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.claim_id")),
    )
    invoices = sa.Table(
        "invoices",
        meta,
        sa.Column("invoice_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.person_id")),
        sa.Column("disputed", sa.Boolean),
        sa.Column("amount", sa.Numeric(10, 2)),
    )
    newsletter = sa.Table(
        "newsletter",
        meta,
        sa.Column("subscriber_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mail", sa.String(100)),
        sa.Column("signed_at", sa.DateTime),
    )
    meta.create_all(engine)
    n = 0
    with engine.begin() as conn:
        for pid, (ended, person_claims, person_invoices) in PEOPLE.items():
            conn.execute(people.insert(), {"person_id": pid, "mail": mail(pid), "ended_at": ended})
            conn.execute(  # the same address, typed otherwise, in a list with no link to them
                newsletter.insert(),
                {"subscriber_id": pid, "mail": f" {mail(pid).lower()}", "signed_at": OLD},
            )
            for status, count in person_claims:
                n += 1
                claim = n
                conn.execute(
                    claims.insert(), {"claim_id": claim, "person_id": pid, "status": status}
                )
                for _ in range(count):
                    n += 1
                    conn.execute(photos.insert(), {"photo_id": n, "claim_id": claim})
            for disputed, amount in person_invoices:
                n += 1
                conn.execute(
                    invoices.insert(),
                    {"invoice_id": n, "person_id": pid, "disputed": disputed, "amount": amount},
                )
    datamap = parse_datamap(MAP, source="insurer.yaml")
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    yield (
        datamap,
        engine,
        {"insurer": SqlConnector(datamap.system("insurer"), engine)},
        Ledger(ledger_engine),
    )
    engine.dispose()
    ledger_engine.dispose()


def owners(engine: sa.Engine, table: str) -> dict[int, int]:
    """Each person's number of records left in ``table``."""
    sql = {
        "people": "SELECT person_id, 1 FROM people",
        "claims": "SELECT person_id, claim_id FROM claims",
        "invoices": "SELECT person_id, invoice_id FROM invoices",
        "photos": "SELECT c.person_id, p.photo_id FROM photos p JOIN claims c USING (claim_id)",
    }[table]
    left: dict[int, int] = {}
    with engine.connect() as conn:
        for person, _ in conn.execute(sa.text(sql)):
            left[person] = left.get(person, 0) + 1
    return left


def test_the_purge_keeps_what_the_declared_holds_hold_and_the_report_names_them(insurer):
    datamap, engine, connectors, ledger = insurer
    preview_run = run_rule(datamap, "people-3y", connectors, ledger, now=TEST_NOW, dry_run=True)
    assert preview_run.expired == 4
    outcome = run_rule(datamap, "people-3y", connectors, ledger, now=TEST_NOW)
    assert preview_run.as_dict()["datasets"] == outcome.as_dict()["datasets"]

    # person 2's open claim keeps all of them (subject scope, found up the claim's reference);
    # person 4's disputed invoice (record scope) keeps the expired record it hangs under, and
    # a purge keeps what hangs under a kept record
    assert owners(engine, "people") == {2: 1, 4: 1, 5: 1}
    assert owners(engine, "claims") == {2: 2, 4: 1, 5: 1}
    assert owners(engine, "photos") == {2: 3, 4: 1, 5: 1}
    assert owners(engine, "invoices") == {2: 1, 4: 2}

    report = render_retention_report(
        datamap, [outcome.as_dict()], [], dry_run=False, generated_at=TEST_NOW, run_id="r1"
    )
    as_of = TEST_NOW.astimezone(ZoneInfo("Europe/Paris")).date()
    assert f"as of {as_of.isoformat()}" in report
    assert "hold open-claim (data map): A claim still open may end in court" in report
    assert "3 years after ended at" in report, "the rule in words"
    spared = outcome.as_dict()["spared"]
    assert spared == {
        "hold open-claim (data map): A claim still open may end in court (Art. 17(3)(e) GDPR)": 1,
        "hold disputed-invoice (data map): Invoice disputed before the court "
        "(TJ Nantes 26/0117)": 1,
    }


def test_subject_scope_reaches_the_claimants_records_elsewhere_record_scope_does_not(insurer):
    """The newsletter list has no link to claims: only the claimant's identity, found up the
    claim's references, leads there."""
    datamap, engine, connectors, ledger = insurer
    outcome = run_rule(datamap, "newsletter-1y", connectors, ledger, now=TEST_NOW)
    with engine.connect() as conn:
        left = set(conn.execute(sa.text("SELECT subscriber_id FROM newsletter")).scalars())
    assert left == {2, 5}, "open claims hold their claimants (2, and 5 whose contract runs)"
    assert set(outcome.as_dict()["spared"]) == {
        "hold open-claim (data map): A claim still open may end in court (Art. 17(3)(e) GDPR)"
    }


def test_an_erasure_preview_keeps_the_held_records_and_names_the_rule(insurer):
    datamap, _, connectors, ledger = insurer

    def plan_of(person: int):
        return preview(
            datamap,
            connectors,
            ledger,
            subject_email=mail(person),
            request_id=f"R-{person}",
            ground="a",
            now=TEST_NOW,
        )

    claimant = plan_of(2)
    assert claimant.totals()["delete"] == 0
    # the person, claims, photos, invoice, and the newsletter row found by their address
    assert claimant.totals()["keep"] == 1 + 2 + 3 + 1 + 1
    (reason,) = claimant.reasons.values()
    assert (reason.id, reason.citation) == ("hold-rule-open-claim", "Art. 17(3)(e) GDPR")
    assert "open-claim" in reason.text

    disputing = plan_of(4)
    counts = disputing.counts()
    assert counts["insurer.invoices"]["keep"] == 1
    assert counts["insurer.invoices"]["delete"] == 1
    assert counts["insurer.people"]["keep"] == 1, "the held invoice needs its owner's row"
    assert counts["insurer.claims"]["delete"] == 1
    assert counts["insurer.photos"]["delete"] == 1
    assert counts["insurer.newsletter"]["delete"] == 1
    assert set(disputing.reasons) == {"hold-rule-disputed-invoice"}

    assert plan_of(3).totals()["keep"] == 0, "a disputed invoice under 100 is not held"

    # a batch asks each rule once for all its subjects and plans each as a single preview
    batch = plan_batch(
        datamap,
        connectors,
        ledger,
        [Subject(f"R-{p}", mail(p)) for p in (2, 3, 4)],
        ground="a",
        now=TEST_NOW,
    )
    for person, single in ((2, claimant), (4, disputing)):
        planned = batch.plans[f"R-{person}"]
        assert planned.counts() == single.counts()
        assert set(planned.reasons) == set(single.reasons)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("{field: stat, op: in, value: [open, appeal]}", "unknown field of insurer.claims 'stat'"),
        ("{field: status, op: in, value: [open, 3]}", "type mismatch"),
        ("{exists: insurer.invoices}", "insurer.invoices is not related to insurer.claims"),
    ],
)
def test_the_validator_refuses_a_bad_hold_with_its_line(change, message):
    text = MAP.replace("{field: status, op: in, value: [open, appeal]}", change)
    with pytest.raises(DataMapError) as refused:
        parse_datamap(text, source="insurer.yaml")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if change in x)
    assert f"insurer.yaml:{line}:" in str(refused.value)
    assert message in str(refused.value)


@pytest.mark.parametrize("org", ["telecom"], indirect=True)
def test_an_open_contentious_complaint_holds_its_subscriber_in_the_other_system(org):
    """Telecom's complaints tool (MariaDB) reaches the subscriber database (PostgreSQL) by the
    e-mail alone: the declared hold finds the subscriber up the complaint and keeps them,
    with no hold in the ledger."""
    from examples.telecom import data
    from gdpr.connectors.factory import connectors_for, env_clients

    ledger = Ledger(org.ledger)
    for hold in ledger.active_legal_holds():
        ledger.lift_legal_hold(hold.id, reason="the declared hold alone", lifted_by="test")
    clients = env_clients()
    try:
        outcome = run_rule(
            org.datamap,
            "abonnes-3-ans-apres-resiliation",
            connectors_for(org.datamap, clients),
            ledger,
            now=TEST_NOW,
        )
    finally:
        clients.dispose()
    reason = next(iter(outcome.as_dict()["spared"]))
    assert outcome.as_dict()["spared"] == {reason: 1}
    assert reason.startswith("hold reclamation-contentieuse-ouverte (data map)")
    with org.engines["si_clients"].connect() as conn:
        left = conn.execute(
            sa.text("SELECT count(*) FROM abonnes WHERE lower(trim(mail)) = :m"),
            {"m": data.HELD[2].strip().lower()},
        ).scalar_one()
    assert left == 1, "the subscriber with an open contentious complaint is kept"
