"""Files a dataset must not hold, and what the systems hold that no dataset declares.

A letting agency, unrelated to the demo: rental files in PostgreSQL or MariaDB, the tenants'
documents in S3 (moto) under ``files/{file_id}/{*kind}/{*}.pdf``. A tenant file may hold
payslips, an identity document and a tax notice, never a bank statement or a medical record
(the kind read from the key, a tag or the content type). The minimisation checks report each
forbidden file by key and kind; `gdpr check` reports the table and the key prefix nobody
declared.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from gdpr.cli import main
from gdpr.connections import create_sql_engine, env_var_name
from gdpr.connectors import S3Connector
from gdpr.datamap import DataMapError, parse_datamap
from gdpr.quality import findings as checks
from gdpr.quality.runner import check_objects
from tests.conftest import airflow_conn_json, s3_conn_json

MAP = """
version: 1
organisation:
  name: Agence Exemple
  address: 12 cours Mirabeau, Aix-en-Provence
  dpo: {name: D. P. O., email: dpo@agence.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: agence-rapports}
delivery: {conn_id: s3, bucket: agence-envois}
purposes:
  - {id: letting, name: Location, description: Dossiers de location, legal_basis: contract,
     data_subjects: [candidats]}
systems:
  - name: agency
    kind: sql
    conn_id: agency_db
    datasets:
      - name: rental_files
        primary_key: [file_id]
        identity: {email: mail}
        subjects: candidats
        purposes: [letting]
        fields:
          file_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
  - name: docs
    kind: s3
    conn_id: s3
    bucket: agence-dossiers
    datasets:
      - name: tenant_documents
        key_template: "files/{file_id}/{*kind}/{*}.pdf"
        references: [{dataset: agency.rental_files, fields: {file_id: file_id}}]
        subjects: candidats
        purposes: [letting]
        categories: [user.financial]
        documents:
          segment: kind
          allowed: [payslip, id_card, tax_notice]
          forbidden: [bank_statement, medical_record]
"""

# key -> (tag "doc-type", content type)
OBJECTS = {
    "files/1/payslip/2026-01.pdf": ("payslip", "application/pdf"),
    "files/1/id_card/front.pdf": ("id_card", "application/pdf"),
    "files/1/bank_statement/2026-01.pdf": ("bank_statement", "application/pdf"),
    "files/2/medical_record/letter.pdf": ("medical_record", "application/pdf"),
    "files/2/holiday/photo.pdf": ("holiday", "image/jpeg"),
    "files/2/tax_notice/2025.pdf": ("tax_notice", "application/pdf"),
}
STRAY = {"scans/inbox/unsorted.pdf": 1, "files/3/notes.txt": 1}  # no template matches them


@pytest.fixture(params=["pg_url", "mysql_url"], ids=["postgresql", "mariadb"])
def agency(request, s3_client, s3_endpoint, monkeypatch, tmp_path):
    url = request.getfixturevalue(request.param)
    engine = create_sql_engine(url)
    meta = sa.MetaData()
    for name in ("rental_files", "guarantor_notes"):  # the second table: declared nowhere
        sa.Table(
            name,
            meta,
            sa.Column("file_id", sa.Integer, primary_key=True, autoincrement=False),
            sa.Column("mail", sa.String(100)),
        )
    meta.create_all(engine)
    s3_client.create_bucket(
        Bucket="agence-dossiers", CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    for key, (tag, content_type) in OBJECTS.items():
        s3_client.put_object(
            Bucket="agence-dossiers",
            Key=key,
            Body=b"%PDF",
            ContentType=content_type,
            Tagging=f"doc-type={tag}",
        )
    for key in STRAY:
        s3_client.put_object(Bucket="agence-dossiers", Key=key, Body=b"x")
    monkeypatch.setenv(env_var_name("agency_db"), airflow_conn_json(url))
    monkeypatch.setenv(env_var_name("s3"), s3_conn_json(s3_endpoint))
    yield s3_client, tmp_path
    engine.dispose()


def _findings(text: str, s3_client) -> set[tuple[str, str]]:
    datamap = parse_datamap(text, source="agence.yaml")
    connector = S3Connector(datamap.system("docs"), s3_client)
    outcome = check_objects(datamap, "docs.tenant_documents", connector, chunk_size=2)
    assert not outcome.errors, outcome.errors
    assert all(f.check == checks.DOCUMENTS for f in outcome.findings)
    return {(f.key[0], f.category) for f in outcome.findings}


def test_each_forbidden_file_is_reported_by_key_and_kind(agency):
    s3_client, _ = agency
    assert _findings(MAP, s3_client) == {
        ("files/1/bank_statement/2026-01.pdf", "forbidden:bank_statement"),
        ("files/2/medical_record/letter.pdf", "forbidden:medical_record"),
        ("files/2/holiday/photo.pdf", "not_allowed:holiday"),
    }


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("tag: doc-type", {"bank_statement", "medical_record"}),
        ("content_type: true", {"image/jpeg"}),
    ],
)
def test_the_kind_can_come_from_a_tag_or_the_content_type(agency, source, forbidden):
    s3_client, _ = agency
    text = MAP.replace("segment: kind", source).replace(
        "          allowed: [payslip, id_card, tax_notice]\n", ""
    )
    text = text.replace("[bank_statement, medical_record]", f"[{', '.join(sorted(forbidden))}]")
    found = _findings(text, s3_client)
    assert {kind.split(":", 1)[1] for _, kind in found} == forbidden
    assert {key for key, _ in found} == {
        k for k, (tag, ctype) in OBJECTS.items() if tag in forbidden or ctype in forbidden
    }


def test_gdpr_check_reports_the_table_and_the_key_prefixes_no_dataset_declares(agency, capsys):
    _, tmp_path = agency
    path = tmp_path / "agence.yaml"
    path.write_text(MAP, encoding="utf-8")

    assert main(["check", "--datamap", str(path)]) == 0, "undeclared data is a finding"

    undeclared = {
        line.strip().removeprefix("undeclared: ")
        for line in capsys.readouterr().out.splitlines()
        if "undeclared:" in line
    }
    assert undeclared == {
        "agency: table guarantor_notes",
        "docs: key prefix 'files/' (1 object no key template matches)",
        "docs: key prefix 'scans/' (1 object no key template matches)",
    }


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("segment: kind", "segment: kinds", "'kinds' is not a field of key_template"),
        ("segment: kind", "segment: kind\n          tag: doc-type", "exactly one of `segment`"),
        (
            "allowed: [payslip, id_card, tax_notice]",
            "allowed: [payslip, bank_statement]",
            "bank_statement cannot be both allowed and forbidden",
        ),
    ],
)
def test_a_bad_documents_declaration_is_refused_with_its_line(old, new, message):
    text = MAP.replace(old, new)
    with pytest.raises(DataMapError) as refused:
        parse_datamap(text, source="agence.yaml")
    assert message in str(refused.value)
    assert "agence.yaml:" in str(refused.value)
