"""Records shared by several subjects, on PostgreSQL and MariaDB.

A small letting agency written for this test: people (one record per person, found by e-mail);
rental files with a tenant, a co-tenant and a guarantor (``references`` with a ``role`` and the
fields each party ``owns``); the payments of a file (common to its parties). File 10 has all
three parties; file 20 has the tenant alone. ``PURGE_MAP`` adds a retention rule: a person is
deleted a year after leaving the agency (``left_at``).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
import sqlalchemy as sa

from gdpr.access import assemble_package
from gdpr.access.cover import RequestInfo
from gdpr.access.export import export_system
from gdpr.access.portability import Scope
from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.datamap import DataMapError, parse_datamap
from gdpr.deadlines import request_due_at
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.certificate import _tables
from gdpr.erasure.plan import SHARED, preview
from gdpr.erasure.verify import verify_erasure
from gdpr.ledger import Ledger, migrate
from gdpr.retention.anonymise import NotNullError
from gdpr.retention.run import run_rule
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW

FILES = """
      - name: rental_files
        primary_key: [file_id]
        references:
          - {dataset: agence.people, fields: {tenant_id: person_id}, role: tenant, owns: [tenant_income]}
          - {dataset: agence.people, fields: {cotenant_id: person_id}, role: cotenant, owns: [cotenant_income]}
          - dataset: agence.people
            fields: {guarantor_id: person_id}
            role: guarantor
            owns: [guarantor_income, guarantor_employer]
        subjects: tenants
        purposes: [letting]
        fields:
          file_id: {categories: [system.operations]}
          address: {categories: [user.contact.address], provided: true}
          rent: {categories: [user.financial]}
          tenant_id: {categories: [user.unique_id]}
          tenant_income: {categories: [user.financial], provided: true}
          cotenant_id: {categories: [user.unique_id]}
          cotenant_income: {categories: [user.financial], provided: true}
          guarantor_id: {categories: [user.unique_id]}
          guarantor_income: {categories: [user.financial], provided: true}
          guarantor_employer: {categories: [user.workplace], provided: true}
"""

MAP = (
    """
version: 1
organisation:
  name: Agence Exemple
  address: 2 rue du Bail, Nantes
  timezone: Europe/Paris
  dpo: {name: D. P. O., email: dpo@agence.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: agence_s3, bucket: agence-rapports}
delivery: {conn_id: agence_s3, bucket: agence-envois}
purposes:
  - {id: letting, name: Location, description: Baux, legal_basis: contract, data_subjects: [tenants]}
systems:
  - name: agence
    kind: sql
    conn_id: agence_db
    datasets:
      - name: people
        primary_key: [person_id]
        identity: {email: email}
        one_per_subject: true
        subjects: tenants
        purposes: [letting]
        fields:
          person_id: {categories: [user.unique_id]}
          email: {categories: [user.contact.email], provided: true}
          name: {categories: [user.name], provided: true}
"""
    + FILES
    + """
      - name: payments
        primary_key: [payment_id]
        references: [{dataset: agence.rental_files, fields: {file_id: file_id}}]
        subjects: tenants
        purposes: [letting]
        fields:
          payment_id: {categories: [system.operations]}
          file_id: {categories: [system.operations]}
          amount: {categories: [user.financial]}
"""
)

PURGE_MAP = (
    MAP.replace(
        "          name: {categories: [user.name], provided: true}\n",
        "          name: {categories: [user.name], provided: true}\n"
        "          left_at: {categories: [system.operations]}\n",
        1,
    )
    + """
retention:
  - id: people-1y-after-leaving
    dataset: agence.people
    start: {column: left_at}
    period: P1Y
    action: delete
    citation: Test rule
"""
)
RULE = "people-1y-after-leaving"

TENANT, COTENANT, GUARANTOR = 1, 2, 3
PEOPLE = [
    (TENANT, "tenant@exemple.fr", "Tina Tenant"),
    (COTENANT, "cotenant@exemple.fr", "Colin Cotenant"),
    (GUARANTOR, "guarantor@exemple.fr", "Gaby Guarantor"),
]
FILE_COLUMNS = (
    "file_id",
    "address",
    "rent",
    "tenant_id",
    "tenant_income",
    "cotenant_id",
    "cotenant_income",
    "guarantor_id",
    "guarantor_income",
    "guarantor_employer",
)
FILE_ROWS = [
    (10, "5 quai de la Fosse", 900, TENANT, 2100, COTENANT, 1800, GUARANTOR, 4200, "Chantiers SA"),
    (20, "9 rue Kervégan", 650, TENANT, 2100, None, None, None, None, None),
]
PAYMENTS = [(100, 10, 900), (101, 10, 900), (200, 20, 650)]
PARTY_FIELDS = {
    "tenant": {"tenant_id", "tenant_income"},
    "cotenant": {"cotenant_id", "cotenant_income"},
    "guarantor": {"guarantor_id", "guarantor_income", "guarantor_employer"},
}
PARTY_FIELDS_ALL = set().union(*PARTY_FIELDS.values())


def create_agency(engine: sa.Engine) -> None:
    meta = sa.MetaData()
    people = sa.Table(
        "people",
        meta,
        sa.Column("person_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("email", sa.String(200)),
        sa.Column("name", sa.String(200)),
        sa.Column("left_at", sa.DateTime, nullable=True),
    )
    person = sa.ForeignKey("people.person_id")
    files = sa.Table(
        "rental_files",
        meta,
        sa.Column("file_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("rent", sa.Integer, nullable=False),
        sa.Column("tenant_id", sa.Integer, person, nullable=True, index=True),
        sa.Column("tenant_income", sa.Integer),
        sa.Column("cotenant_id", sa.Integer, sa.ForeignKey("people.person_id"), index=True),
        sa.Column("cotenant_income", sa.Integer),
        sa.Column("guarantor_id", sa.Integer, sa.ForeignKey("people.person_id"), index=True),
        sa.Column("guarantor_income", sa.Integer),
        sa.Column("guarantor_employer", sa.String(200)),
    )
    payments = sa.Table(
        "payments",
        meta,
        sa.Column("payment_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("file_id", sa.Integer, sa.ForeignKey("rental_files.file_id"), index=True),
        sa.Column("amount", sa.Integer),
    )
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            people.insert(),
            [dict(zip(("person_id", "email", "name"), p, strict=True)) for p in PEOPLE],
        )
        conn.execute(files.insert(), [dict(zip(FILE_COLUMNS, f, strict=True)) for f in FILE_ROWS])
        conn.execute(
            payments.insert(),
            [dict(zip(("payment_id", "file_id", "amount"), p, strict=True)) for p in PAYMENTS],
        )


@pytest.fixture(params=["postgresql", "mariadb"])
def agency(request, tmp_path):
    url = request.getfixturevalue({"postgresql": "pg_url", "mariadb": "mysql_url"}[request.param])
    datamap = parse_datamap(MAP, source="agence.yaml")
    engine = create_sql_engine(url)
    create_agency(engine)
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    yield (
        datamap,
        {"agence": SqlConnector(datamap.system("agence"), engine)},
        engine,
        Ledger(ledger_engine),
    )
    engine.dispose()
    ledger_engine.dispose()


def test_resolution_records_the_roles_each_shared_record_was_reached_by(agency):
    datamap, connectors, _, _ = agency
    location = resolve_subject(datamap, connectors, "email", "tenant@exemple.fr")
    roles = {k[0]: r for k, r in location.roles["agence.rental_files"].items()}
    assert roles == {10: {"tenant"}, 20: {"tenant"}}
    location = resolve_subject(datamap, connectors, "email", "guarantor@exemple.fr")
    assert {k[0]: r for k, r in location.roles["agence.rental_files"].items()} == {
        10: {"guarantor"}
    }
    assert sorted(k[0] for k in location.hits["agence.payments"].rows) == [100, 101]


@pytest.mark.parametrize("kind", ["access", "portability"])
def test_a_package_holds_the_common_fields_and_the_subjects_own_never_the_other_parties(
    agency, tmp_path, kind
):
    datamap, connectors, _, _ = agency
    for email, role in (
        ("tenant@exemple.fr", "tenant"),
        ("cotenant@exemple.fr", "cotenant"),
        ("guarantor@exemple.fr", "guarantor"),
    ):
        location = resolve_subject(datamap, connectors, "email", email)
        root = tmp_path / kind / role
        exports = export_system(
            datamap, connectors, location, "agence", root, scope=Scope(datamap, kind)
        )
        files = next(e for e in exports if e.dataset == "agence.rental_files")
        records = json.loads((root / "data/agence/rental_files.json").read_text("utf-8"))
        others = set().union(*(f for r, f in PARTY_FIELDS.items() if r != role))
        assert not others & set(files.columns), role
        for record in records:
            assert not others & set(record), role
        own = PARTY_FIELDS[role] if kind == "access" else PARTY_FIELDS[role] - {f"{role}_id"}
        assert own <= set(files.columns)
        assert "address" in files.columns
        expected = {"tenant": [10, 20], "cotenant": [10], "guarantor": [10]}[role]
        if kind == "access":
            assert sorted(r["file_id"] for r in records) == expected
            file10 = next(r for r in records if r["file_id"] == 10)
            assert file10[f"{role}_id"] == {"tenant": 1, "cotenant": 2, "guarantor": 3}[role]
        income = {"tenant": 2100, "cotenant": 1800, "guarantor": 4200}[role]
        assert {r[f"{role}_income"] for r in records} == {income}
        csv_text = (root / "data/agence/rental_files.csv").read_text("utf-8")
        header = csv_text.splitlines()[0].split(",")
        assert not others & set(header)
        if role != "guarantor":
            assert "Chantiers" not in csv_text
            assert "4200" not in csv_text
        # the subject is told what was left out, and why (Art. 15(4)), in the schema and cover
        # (links are not provided by the subject: outside a portability package anyway)
        hidden = others if kind == "access" else {f for f in others if not f.endswith("_id")}
        assert set(files.other_parties) == hidden, role
        assemble_package(
            datamap,
            root,
            tmp_path / f"{kind}-{role}.zip",
            kind=kind,
            request=RequestInfo("R-2026-000001", kind, TEST_NOW, TEST_NOW),
            generated_at=TEST_NOW,
        )
        schema = json.loads((root / "schema.json").read_text("utf-8"))
        told = {w["field"] for w in schema["withheld"] if "shared" in w["reason"]}
        assert told == hidden, role
        if kind == "access":
            cover = (root / "cover.en.html").read_text("utf-8")
            part = cover.split("shared with another person")[1].split("</p>")[0]
            assert {f for f in PARTY_FIELDS_ALL if f"rental_files.{f}<" in part} == others


def _request(ledger: Ledger, request_id: str, email: str) -> None:
    ledger.create_request(
        kind="erasure",
        subject_email=email,
        received_at=TEST_NOW,
        due_at=request_due_at(TEST_NOW, "Europe/Paris"),
        channel="test",
        request_id=request_id,
    )


def _erase(agency, request_id: str, email: str):
    datamap, connectors, _, ledger = agency
    _request(ledger, request_id, email)
    plan = preview(
        datamap,
        connectors,
        ledger,
        subject_email=email,
        request_id=request_id,
        ground="b",
        now=TEST_NOW,
    )
    outcome = apply_plan(datamap, plan, connectors, ledger, batch_size=1)
    verify_erasure(datamap, plan, connectors, identity="email", value=email)
    # evidence: the settlements add up to the plan, and to the certificate's table
    settled: dict[tuple[str, str], int] = {}
    for row in ledger.evidence(request_id=request_id):
        if row.action in ("erasure.delete", "erasure.anonymise"):
            key = (row.dataset, row.action.removeprefix("erasure."))
            settled[key] = settled.get(key, 0) + row.count
    planned = {(d, a): n for d, counts in plan.counts().items() for a, n in counts.items() if n}
    assert settled == {k: n for k, n in planned.items() if k[1] in ("delete", "anonymise")}
    table = _tables(plan, outcome.changed)
    shown: dict[tuple[str, str], int] = {}
    for row in table["datasets"]:
        for action, n in row["counts"].items():
            if n:
                shown[(row["dataset"], action)] = shown.get((row["dataset"], action), 0) + n
    assert {k: n for k, n in shown.items() if k[1] in ("delete", "anonymise")} == settled
    return plan, outcome, table


def _files(engine: sa.Engine) -> dict[int, dict]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT * FROM rental_files ORDER BY file_id")).mappings()
        return {r["file_id"]: dict(r) for r in rows}


def _ids(engine: sa.Engine, table: str, key: str) -> list[int]:
    with engine.connect() as conn:
        return sorted(conn.execute(sa.text(f"SELECT {key} FROM {table}")).scalars())


def test_erasing_the_parties_one_by_one_empties_their_parts_then_erases_the_file(agency):
    _, _, engine, _ = agency

    # the guarantor: only the guarantor's link and fields go; the file and its payments stay
    plan, outcome, table = _erase(agency, "R-GUAR", "guarantor@exemple.fr")
    shared = [d for d in plan.datasets if d.anonymise_reason == SHARED.id]
    assert [(d.dataset, d.anonymise, set(d.constant)) for d in shared] == [
        ("agence.rental_files", [[10]], PARTY_FIELDS["guarantor"])
    ]
    assert plan.dataset("agence.rental_files").delete == []
    assert plan.dataset("agence.payments").kept == {SHARED.id: [[100], [101]]}
    assert plan.dataset("agence.people").delete == [[GUARANTOR]]
    assert outcome.changed["agence.rental_files"]["anonymise"] == 1
    assert any(
        k["reason"].id == SHARED.id and k["how"] == "anonymised" and k["count"] == 1
        for k in table["kept"]
    )
    files = _files(engine)
    assert files[10] == {
        **dict(zip(FILE_COLUMNS, FILE_ROWS[0], strict=True)),
        "guarantor_id": None,
        "guarantor_income": None,
        "guarantor_employer": None,
    }
    assert files[20] == dict(zip(FILE_COLUMNS, FILE_ROWS[1], strict=True))
    assert _ids(engine, "payments", "payment_id") == [100, 101, 200]
    assert _ids(engine, "people", "person_id") == [TENANT, COTENANT]

    # the tenant: file 10 keeps the co-tenant, so only the tenant's part goes; file 20 had the
    # tenant alone, so it is erased with its payment
    plan, outcome, _ = _erase(agency, "R-TEN", "tenant@exemple.fr")
    assert plan.dataset("agence.rental_files").delete == [[20]]
    assert outcome.changed["agence.rental_files"] == {"delete": 1, "anonymise": 1, "restrict": 0}
    files = _files(engine)
    assert sorted(files) == [10]
    assert files[10]["tenant_id"] is None
    assert files[10]["tenant_income"] is None
    assert (files[10]["cotenant_id"], files[10]["cotenant_income"]) == (COTENANT, 1800)
    assert (files[10]["address"], files[10]["rent"]) == ("5 quai de la Fosse", 900)
    assert _ids(engine, "payments", "payment_id") == [100, 101]
    assert _ids(engine, "people", "person_id") == [COTENANT]

    # the co-tenant, the last party: the file goes as the dataset's erasure says, with its
    # payments
    plan, outcome, _ = _erase(agency, "R-COT", "cotenant@exemple.fr")
    assert not [d for d in plan.datasets if d.anonymise_reason == SHARED.id]
    assert plan.dataset("agence.rental_files").delete == [[10]]
    assert outcome.changed["agence.payments"]["delete"] == 2
    assert _files(engine) == {}
    assert _ids(engine, "payments", "payment_id") == []
    assert _ids(engine, "people", "person_id") == []


def test_one_person_holding_two_roles_leaves_both_parts(agency):
    datamap, connectors, engine, _ledger = agency
    with engine.begin() as conn:  # the tenant is also the guarantor of file 10
        conn.execute(sa.text("UPDATE rental_files SET guarantor_id = 1 WHERE file_id = 10"))
    location = resolve_subject(datamap, connectors, "email", "tenant@exemple.fr")
    assert location.roles_of("agence.rental_files", (10,)) == {"tenant", "guarantor"}
    plan, _, _ = _erase(agency, "R-BOTH", "tenant@exemple.fr")
    (shared,) = [d for d in plan.datasets if d.anonymise_reason == SHARED.id]
    assert set(shared.constant) == PARTY_FIELDS["tenant"] | PARTY_FIELDS["guarantor"]
    files = _files(engine)
    assert files[10]["cotenant_id"] == COTENANT
    assert files[10]["guarantor_income"] is None
    assert files[10]["tenant_income"] is None


def test_a_batch_erasing_two_parties_of_one_file_leaves_it_to_the_third(agency):
    from gdpr.erasure.batch import Subject, apply_batch, plan_batch, verify_batch

    datamap, connectors, engine, ledger = agency
    subjects = [
        Subject("R-B-TEN", "tenant@exemple.fr"),
        Subject("R-B-GUAR", "guarantor@exemple.fr"),
    ]
    for s in subjects:
        _request(ledger, s.request_id, s.email)
    batch = plan_batch(datamap, connectors, ledger, subjects, ground="b", now=TEST_NOW)
    own = batch.plans["R-B-GUAR"]
    (part,) = [d for d in own.datasets if d.anonymise_reason == SHARED.id]
    assert (part.anonymise, set(part.constant)) == ([[10]], PARTY_FIELDS["guarantor"])
    outcome = apply_batch(datamap, batch, connectors, ledger, batch_size=1)
    verify_batch(datamap, batch, connectors, subjects)
    files = _files(engine)
    assert sorted(files) == [10]
    assert (files[10]["cotenant_id"], files[10]["cotenant_income"]) == (COTENANT, 1800)
    for role in ("tenant", "guarantor"):
        assert all(files[10][f] is None for f in PARTY_FIELDS[role])
    assert _ids(engine, "payments", "payment_id") == [100, 101]
    assert _ids(engine, "people", "person_id") == [COTENANT]
    # each change is counted once, for one subject
    changed = sum(n for counts in outcome.changed.values() for n in counts.values())
    attributed = sum(
        n for per in batch.attributed.values() for c in per.values() for n in c.values()
    )
    assert changed == attributed == 5  # two people, file 20 and its payment, file 10
    assert outcome.changed["agence.rental_files"] == {"delete": 1, "anonymise": 1, "restrict": 0}


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "owns: [tenant_income]}",
            "owns: [tenant_salary]}",
            "references[0].owns[0]: unknown field 'tenant_salary'",
        ),
        (
            "owns: [cotenant_income]}",
            "owns: [cotenant_income, tenant_income]}",
            "tenant_income is owned by role 'tenant' already",
        ),
        (
            "role: cotenant, owns: [cotenant_income]}",
            "role: tenant, owns: [cotenant_income]}",
            "role 'tenant' is named twice",
        ),
        (
            "owns: [tenant_income]}",
            "owns: [file_id]}",
            "file_id is part of the primary key",
        ),
    ],
)
def test_the_validator_refuses_what_cannot_be_a_party(old, new, message):
    with pytest.raises(DataMapError) as caught:
        parse_datamap(MAP.replace(old, new, 1), source="agence.yaml")
    assert message in str(caught.value)


def test_a_single_role_is_refused():
    lone = (
        MAP.replace(
            "{dataset: agence.people, fields: {cotenant_id: person_id}, role: cotenant, owns: [cotenant_income]}",
            "{dataset: agence.people, fields: {cotenant_id: person_id}}",
        )
        .replace("            role: guarantor\n", "")
        .replace("            owns: [guarantor_income, guarantor_employer]\n", "")
    )
    with pytest.raises(DataMapError, match="needs at least two references with a role"):
        parse_datamap(lone, source="agence.yaml")
    with pytest.raises(DataMapError, match="give the reference a `role`"):
        parse_datamap(
            MAP.replace("role: tenant, owns: [tenant_income]", "owns: [tenant_income]"),
            source="agence.yaml",
        )


# -- the retention purge and the batch erasure: no other party left --------------------------------


@pytest.fixture
def purge_agency(agency):
    _, _, engine, ledger = agency
    datamap = parse_datamap(PURGE_MAP, source="agence.yaml")
    return datamap, {"agence": SqlConnector(datamap.system("agence"), engine)}, engine, ledger


def _leave(engine: sa.Engine, *people: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE people SET left_at = :at WHERE person_id = :id"),
            [{"at": datetime(2020, 1, 1), "id": p} for p in people],
        )


def _changed(before: dict[int, dict], after: dict[int, dict]) -> tuple[int, int]:
    """Rows of rental_files deleted, and rows changed in place."""
    deleted = len(before.keys() - after.keys())
    updated = sum(before[k] != after[k] for k in before.keys() & after.keys())
    return deleted, updated


def _purge(purge_agency, batch_size: int, emptied_then_deleted: int = 0):
    """Run the rule; ``emptied_then_deleted``: files whose part one batch emptied and a later
    batch deleted (each a change of its own, invisible in the end state)."""
    datamap, connectors, engine, ledger = purge_agency
    before = _files(engine)
    outcome = run_rule(datamap, RULE, connectors, ledger, now=TEST_NOW, batch_size=batch_size)
    deleted, updated = _changed(before, _files(engine))
    updated += emptied_then_deleted
    files = outcome.datasets["agence.rental_files"]
    shared = outcome.shared["agence.rental_files"]
    # evidence counts are the rows actually changed
    assert (files.count, shared.count) == (deleted, updated)
    summary = {
        (e.dataset, e.action, e.detail.get("reason")): e.count
        for e in ledger.evidence(rule=RULE, actions=("retention.delete", "retention.anonymise"))
    }
    assert summary[("agence.rental_files", "retention.delete", None)] == deleted
    assert summary[("agence.rental_files", "retention.anonymise", "shared")] == updated
    settled = sum(e.count for e in ledger.evidence(rule=RULE, actions=("retention.batch",)))
    intended = sum(e.count for e in ledger.evidence(rule=RULE, actions=("retention.intent",)))
    total = sum(t.count for t in outcome.datasets.values()) + updated
    assert settled == total
    assert intended == total - outcome.datasets["agence.payments"].count  # deleted unread
    parts = [
        e.detail["shared"]["agence.rental_files"]
        for e in ledger.evidence(rule=RULE, actions=("retention.batch",))
        if "shared" in e.detail
    ]
    assert sum(p["count"] for p in parts) == updated
    return outcome


@pytest.mark.parametrize("batch_size", [1, 100])
def test_a_purge_expiring_the_guarantor_keeps_the_file_and_empties_their_part(
    purge_agency, batch_size
):
    _, _, engine, _ = purge_agency
    _leave(engine, GUARANTOR)
    outcome = _purge(purge_agency, batch_size)
    assert outcome.datasets["agence.people"].count == 1
    assert outcome.shared["agence.rental_files"].count == 1
    assert outcome.datasets["agence.rental_files"].count == 0
    assert outcome.datasets["agence.payments"].count == 0
    assert outcome.as_dict()["shared"]["agence.rental_files"]["count"] == 1
    files = _files(engine)
    assert files[10] == {
        **dict(zip(FILE_COLUMNS, FILE_ROWS[0], strict=True)),
        "guarantor_id": None,
        "guarantor_income": None,
        "guarantor_employer": None,
    }
    assert files[20] == dict(zip(FILE_COLUMNS, FILE_ROWS[1], strict=True))
    assert _ids(engine, "payments", "payment_id") == [100, 101, 200]
    assert _ids(engine, "people", "person_id") == [TENANT, COTENANT]


@pytest.mark.parametrize("batch_size", [1, 100])
def test_a_purge_expiring_the_last_parties_erases_the_file(purge_agency, batch_size):
    _, _, engine, _ = purge_agency
    with engine.begin() as conn:  # the guarantor is gone already
        conn.execute(
            sa.text(
                "UPDATE rental_files SET guarantor_id = NULL, guarantor_income = NULL, "
                "guarantor_employer = NULL"
            )
        )
        conn.execute(sa.text("DELETE FROM people WHERE person_id = 3"))
    _leave(engine, TENANT, COTENANT)
    # one batch per person: the tenant's part goes first, then the file with the co-tenant
    outcome = _purge(purge_agency, batch_size, emptied_then_deleted=int(batch_size == 1))
    assert _files(engine) == {}
    assert _ids(engine, "payments", "payment_id") == []
    assert _ids(engine, "people", "person_id") == []
    assert outcome.datasets["agence.people"].count == 2
    assert outcome.datasets["agence.rental_files"].count == 2
    assert outcome.datasets["agence.payments"].count == 3
    assert outcome.shared["agence.rental_files"].count == (1 if batch_size == 1 else 0)


def test_a_purge_expiring_two_parties_leaves_the_file_to_the_third(purge_agency):
    _, _, engine, _ = purge_agency
    _leave(engine, TENANT, COTENANT)
    outcome = _purge(purge_agency, 100)
    files = _files(engine)
    assert sorted(files) == [10]  # file 20 had the tenant alone
    assert all(files[10][f] is None for f in PARTY_FIELDS["tenant"] | PARTY_FIELDS["cotenant"])
    assert (files[10]["guarantor_id"], files[10]["guarantor_income"]) == (GUARANTOR, 4200)
    assert _ids(engine, "payments", "payment_id") == [100, 101]
    assert outcome.shared["agence.rental_files"].count == 1
    assert outcome.datasets["agence.payments"].count == 1


def test_a_dry_run_counts_the_parts_without_changing_anything(purge_agency):
    datamap, connectors, engine, ledger = purge_agency
    _leave(engine, GUARANTOR)
    before = _files(engine)
    outcome = run_rule(datamap, RULE, connectors, ledger, now=TEST_NOW, dry_run=True)
    assert outcome.shared["agence.rental_files"].count == 1
    assert outcome.datasets["agence.rental_files"].count == 0
    assert _files(engine) == before


def test_a_batch_erasing_every_party_of_a_file_erases_it(agency):
    from gdpr.erasure.batch import Subject, apply_batch, plan_batch, verify_batch

    datamap, connectors, engine, ledger = agency
    subjects = [
        Subject("R-A-TEN", "tenant@exemple.fr"),
        Subject("R-A-COT", "cotenant@exemple.fr"),
        Subject("R-A-GUAR", "guarantor@exemple.fr"),
    ]
    for s in subjects:
        _request(ledger, s.request_id, s.email)
    batch = plan_batch(datamap, connectors, ledger, subjects, ground="b", now=TEST_NOW)
    assert not [d for d in batch.merged.datasets if d.anonymise_reason == SHARED.id]
    for plan in batch.plans.values():
        assert not [d for d in plan.datasets if d.anonymise_reason == SHARED.id]
    outcome = apply_batch(datamap, batch, connectors, ledger, batch_size=1)
    verify_batch(datamap, batch, connectors, subjects)
    assert _files(engine) == {}
    assert _ids(engine, "payments", "payment_id") == []
    assert _ids(engine, "people", "person_id") == []
    assert outcome.changed["agence.rental_files"] == {"delete": 2, "anonymise": 0, "restrict": 0}
    changed = sum(n for counts in outcome.changed.values() for n in counts.values())
    attributed = sum(
        n for per in batch.attributed.values() for c in per.values() for n in c.values()
    )
    assert changed == attributed == 8  # three people, two files, three payments


def test_a_batch_erasing_the_remaining_parties_erases_the_file(agency):
    from gdpr.erasure.batch import Subject, apply_batch, plan_batch

    datamap, connectors, engine, ledger = agency
    _erase(agency, "R-GONE", "guarantor@exemple.fr")  # the guarantor's part is empty already
    subjects = [Subject("R-C-TEN", "tenant@exemple.fr"), Subject("R-C-COT", "cotenant@exemple.fr")]
    for s in subjects:
        _request(ledger, s.request_id, s.email)
    batch = plan_batch(datamap, connectors, ledger, subjects, ground="b", now=TEST_NOW)
    outcome = apply_batch(datamap, batch, connectors, ledger, batch_size=1)
    assert _files(engine) == {}
    assert _ids(engine, "payments", "payment_id") == []
    assert outcome.changed["agence.rental_files"]["delete"] == 2


def test_a_purge_that_would_empty_a_not_null_part_is_refused_before_anything_changes(
    purge_agency,
):
    """The tenant's income is required by the database: the tenant expiring cannot leave their
    part of a file emptied, so the rule refuses, saying which field, and nothing changes."""
    datamap, connectors, engine, ledger = purge_agency
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "ALTER TABLE rental_files ALTER COLUMN tenant_income SET NOT NULL"
                if engine.dialect.name == "postgresql"
                else "ALTER TABLE rental_files MODIFY tenant_income INTEGER NOT NULL"
            )
        )
    _leave(engine, TENANT)
    before = (_files(engine), _ids(engine, "people", "person_id"))

    with pytest.raises(
        NotNullError, match=rf"^rule {RULE}: agence\.rental_files\.tenant_income is NOT NULL"
    ):
        run_rule(datamap, RULE, connectors, ledger, now=TEST_NOW)

    assert (_files(engine), _ids(engine, "people", "person_id")) == before
    assert not ledger.evidence(rule=RULE)
