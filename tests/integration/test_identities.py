"""Identities other than a field named "email", on every supported database.

A small mutual insurer written for this test: members (``adherents``, one record per person)
are known by an e-mail identity named ``courriel`` and a phone identity named ``portable``, both
stored in mixed spellings; contracts reference members; support requests (``demandes``) are
found by e-mail, several per person, some linked to the member and some not. Two members, a
couple, share one e-mail address.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from gdpr.cli import main
from gdpr.connections import create_sql_engine, env_var_name
from gdpr.connectors import SqlConnector
from gdpr.datamap import parse_datamap
from gdpr.deadlines import request_due_at
from gdpr.erasure.plan import preview
from gdpr.ledger import Ledger, migrate
from gdpr.subject import AmbiguousIdentityError, SecondIdentifier, resolve_subject
from gdpr.subject.resolve import refuse_shared
from tests.clock import TEST_NOW
from tests.conftest import airflow_conn_json

MAP = """
version: 1
organisation:
  name: Mutuelle Exemple
  address: 1 place de la Bourse, Lyon
  timezone: Europe/Paris
  dpo: {name: D. P. O., email: dpo@mutuelle.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: courriel, kind: email}
  - {name: portable, kind: phone}
reports: {conn_id: mutuelle_s3, bucket: mutuelle-rapports}
delivery: {conn_id: mutuelle_s3, bucket: mutuelle-envois}
purposes:
  - {id: gestion, name: Gestion des contrats, description: Contrats, legal_basis: contract, data_subjects: [adherents]}
systems:
  - name: mutuelle
    kind: sql
    conn_id: mutuelle_db
    datasets:
      - name: adherents
        primary_key: [adherent_id]
        identity: {courriel: courriel, portable: portable}
        one_per_subject: true
        subjects: adherents
        purposes: [gestion]
        fields:
          adherent_id: {categories: [user.unique_id]}
          courriel: {categories: [user.contact.email], erasure: hash}
          portable: {categories: [user.contact.phone_number], erasure: "null"}
          nom: {categories: [user.name], erasure: "null"}
      - name: contrats
        primary_key: [contrat_id]
        references: [{dataset: mutuelle.adherents, fields: {adherent_id: adherent_id}}]
        subjects: adherents
        purposes: [gestion]
        fields:
          contrat_id: {categories: [system.operations]}
          adherent_id: {categories: [user.unique_id]}
      - name: demandes
        primary_key: [demande_id]
        identity: {courriel: email_contact}
        references: [{dataset: mutuelle.adherents, fields: {adherent_id: adherent_id}}]
        subjects: adherents
        purposes: [gestion]
        fields:
          demande_id: {categories: [system.operations]}
          email_contact: {categories: [user.contact.email], erasure: hash}
          adherent_id: {categories: [user.unique_id]}
"""

# adherent_id, courriel as stored, portable as stored, nom
ADHERENTS = [
    (1, " Camille.Martin@Exemple.FR ", "06 12 34 56 78", "Camille Martin"),
    (2, "jean.petit@exemple.fr", "+33 6 98 76 54 32", "Jean Petit"),
    (3, "l.bernard@exemple.fr", "0033 7 81 22 33 44", "Louise Bernard"),
    (4, "famille.durand@exemple.fr", "06 55 44 33 22", "Alex Durand"),  # a couple sharing
    (5, " Famille.Durand@Exemple.fr", "07.66.77.88.99", "Sam Durand"),  # one e-mail address
    (6, "autre@exemple.fr", "+34 612 34 56 78", "Lookalike"),  # ends with Camille's digits
    (7, "sans.portable@exemple.fr", "n/a", "Sans Portable"),
]
CONTRATS = [(10, 1), (11, 1), (20, 2), (30, 3), (40, 4), (50, 5), (60, 6)]
# demande_id, e-mail as typed in the request, adherent_id (None: not linked to a member)
DEMANDES = [
    (100, "camille.martin@exemple.fr", None),
    (101, "CAMILLE.MARTIN@exemple.fr ", 1),
    (400, "famille.durand@exemple.fr", 4),
    (500, "Famille.Durand@exemple.fr", 5),
    (401, "famille.durand@exemple.fr", None),
]
COUPLE = "famille.durand@exemple.fr"


def create_mutuelle(engine: sa.Engine) -> None:
    meta = sa.MetaData()
    adherents = sa.Table(
        "adherents",
        meta,
        sa.Column("adherent_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("courriel", sa.String(200)),
        sa.Column("portable", sa.String(40)),
        sa.Column("nom", sa.String(200)),
    )
    contrats = sa.Table(
        "contrats",
        meta,
        sa.Column("contrat_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("adherent_id", sa.Integer, index=True),
    )
    demandes = sa.Table(
        "demandes",
        meta,
        sa.Column("demande_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("email_contact", sa.String(200)),
        sa.Column("adherent_id", sa.Integer, nullable=True),
    )
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            adherents.insert(),
            [
                dict(zip(("adherent_id", "courriel", "portable", "nom"), r, strict=True))
                for r in ADHERENTS
            ],
        )
        conn.execute(
            contrats.insert(),
            [dict(zip(("contrat_id", "adherent_id"), r, strict=True)) for r in CONTRATS],
        )
        conn.execute(
            demandes.insert(),
            [
                dict(zip(("demande_id", "email_contact", "adherent_id"), r, strict=True))
                for r in DEMANDES
            ],
        )


@pytest.fixture
def mutuelle(sql_url):
    datamap = parse_datamap(MAP, source="mutuelle.yaml")
    engine = create_sql_engine(sql_url)
    create_mutuelle(engine)
    yield datamap, {"mutuelle": SqlConnector(datamap.system("mutuelle"), engine)}, sql_url
    engine.dispose()


def keys(location) -> dict[str, list]:
    return {d: sorted(k[0] for k in h.rows) for d, h in location.hits.items()}


CAMILLE = {
    "mutuelle.adherents": [1],
    "mutuelle.contrats": [10, 11],
    "mutuelle.demandes": [100, 101],
}


@pytest.mark.parametrize(
    ("identity", "value"),
    [
        ("courriel", "camille.martin@exemple.fr"),
        ("courriel", "  CAMILLE.Martin@exemple.fr"),
        ("portable", "+33 6 12 34 56 78"),
        ("portable", "0033612345678"),
        ("portable", "06 12 34 56 78"),
    ],
)
def test_either_identity_in_any_spelling_finds_the_same_subject(mutuelle, identity, value):
    datamap, connectors, _ = mutuelle
    location = resolve_subject(datamap, connectors, identity, value)
    # requests found by e-mail only come with the courriel; by phone, those linked to the member
    expected = dict(CAMILLE)
    if identity == "portable":
        expected["mutuelle.demandes"] = [101]
    assert keys(location) == expected


@pytest.mark.parametrize(
    ("value", "member"),
    [("+33698765432", 2), ("07 81 22 33 44", 3), ("+34 612 34 56 78", 6), ("07 66 77 88 99", 5)],
)
def test_phones_stored_in_other_spellings_are_found_and_lookalikes_are_not(mutuelle, value, member):
    datamap, connectors, _ = mutuelle
    location = resolve_subject(datamap, connectors, "portable", value)
    assert keys(location)["mutuelle.adherents"] == [member]


def test_an_invalid_phone_is_refused_with_a_sentence(mutuelle):
    datamap, connectors, _ = mutuelle
    with pytest.raises(ValueError, match="the phone number is not a valid number in FR") as caught:
        resolve_subject(datamap, connectors, "portable", "06 12")
    assert "06 12" not in str(caught.value)


def test_two_people_sharing_an_email_are_not_merged(mutuelle):
    datamap, connectors, _ = mutuelle
    with pytest.raises(AmbiguousIdentityError) as caught:
        resolve_subject(datamap, connectors, "courriel", COUPLE)
    message = str(caught.value)
    assert message.startswith("the identity matches 2 people in mutuelle.adherents:")
    assert "portable" in message
    assert "durand" not in message.lower()
    assert (caught.value.dataset, caught.value.people) == ("mutuelle.adherents", 2)


def test_a_second_identity_narrows_a_shared_email_to_one_person(mutuelle):
    datamap, connectors, _ = mutuelle
    sam = SecondIdentifier(identity="portable", value="+33 7 66 77 88 99")
    location = resolve_subject(datamap, connectors, "courriel", COUPLE, second=sam)
    # Sam's member record and contract; the request linked to Sam and the one linked to nobody,
    # never the one linked to Alex
    assert keys(location) == {
        "mutuelle.adherents": [5],
        "mutuelle.contrats": [50],
        "mutuelle.demandes": [401, 500],
    }


def test_a_record_key_narrows_a_shared_email_to_one_person(mutuelle):
    datamap, connectors, _ = mutuelle
    alex = SecondIdentifier(dataset="mutuelle.adherents", key={"adherent_id": "4"})
    location = resolve_subject(datamap, connectors, "courriel", COUPLE, second=alex)
    assert keys(location) == {
        "mutuelle.adherents": [4],
        "mutuelle.contrats": [40],
        "mutuelle.demandes": [400, 401],
    }


def test_a_second_identifier_of_someone_else_is_refused(mutuelle):
    datamap, connectors, _ = mutuelle
    camille = SecondIdentifier(identity="portable", value="06 12 34 56 78")
    with pytest.raises(ValueError, match="matches none of the 2 people who share the identity"):
        resolve_subject(datamap, connectors, "courriel", COUPLE, second=camille)


def test_merging_is_kept_for_callers_that_protect(mutuelle):
    datamap, connectors, _ = mutuelle
    location = resolve_subject(datamap, connectors, "courriel", COUPLE, shared="merge")
    assert keys(location)["mutuelle.adherents"] == [4, 5]
    # a caller that found the subject another way checks the same rule
    with pytest.raises(AmbiguousIdentityError, match=r"2 people in mutuelle\.adherents"):
        refuse_shared(datamap, location)
    refuse_shared(
        datamap, resolve_subject(datamap, connectors, "courriel", "jean.petit@exemple.fr")
    )


def test_gdpr_locate_accepts_every_identity_of_the_map(mutuelle, tmp_path, monkeypatch, capsys):
    _, _, url = mutuelle
    path = Path(tmp_path / "mutuelle.yaml")
    path.write_text(MAP, encoding="utf-8")
    monkeypatch.setenv(env_var_name("mutuelle_db"), airflow_conn_json(url))

    assert (
        main(["locate", "--datamap", str(path), "--identity", "portable", "+33 6 12 34 56 78"]) == 0
    )
    out = capsys.readouterr().out
    assert "12 34 56 78" not in out
    counts = {line.split()[0]: int(line.split()[1]) for line in out.strip().splitlines()}
    assert counts == {
        "mutuelle.adherents": 1,
        "mutuelle.contrats": 2,
        "mutuelle.demandes": 1,
        "total": 4,
    }

    # the map's first identity by default
    assert main(["locate", "--datamap", str(path), "Camille.Martin@exemple.fr"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].split() == ["total", "5"]

    # a shared identity: one sentence, then narrowed by a second identifier
    assert main(["locate", "--datamap", str(path), COUPLE]) == 1
    err = capsys.readouterr().err
    assert "the identity matches 2 people in mutuelle.adherents" in err
    assert "durand" not in err.lower()
    narrowed = ["locate", "--datamap", str(path), COUPLE, "--also", "portable=06 55 44 33 22"]
    assert main(narrowed) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].split() == ["total", "4"]
    assert main(["locate", "--datamap", str(path), COUPLE, "--record", "mutuelle.adherents:5"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].split() == ["total", "4"]

    assert main(["locate", "--datamap", str(path), "--identity", "email", COUPLE]) == 1
    assert "unknown identity 'email'; the data map declares courriel, portable" in (
        capsys.readouterr().err
    )


def test_an_erasure_plan_works_on_a_map_whose_email_identity_is_not_named_email(mutuelle, tmp_path):
    datamap, connectors, _ = mutuelle
    engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(engine)
    ledger = Ledger(engine)
    for request_id, email in (("R-ID-1", " Camille.Martin@Exemple.FR"), ("R-ID-2", COUPLE)):
        ledger.create_request(
            kind="erasure",
            subject_email=email,
            received_at=TEST_NOW,
            due_at=request_due_at(TEST_NOW, "Europe/Paris"),
            channel="test",
            request_id=request_id,
        )
    plan = preview(
        datamap,
        connectors,
        ledger,
        subject_email=" Camille.Martin@Exemple.FR",
        request_id="R-ID-1",
        ground="b",
        now=TEST_NOW,
    )
    planned = {d.dataset: sorted(k[0] for k in d.delete + d.anonymise) for d in plan.datasets}
    assert planned == CAMILLE
    # the couple's erasure stops rather than erasing both of them
    with pytest.raises(AmbiguousIdentityError, match=r"2 people in mutuelle\.adherents"):
        preview(
            datamap,
            connectors,
            ledger,
            subject_email=COUPLE,
            request_id="R-ID-2",
            ground="b",
            now=TEST_NOW,
        )
    engine.dispose()
