"""The `gdpr` command as a data engineer uses it: exit codes and what it prints."""

from __future__ import annotations

import sqlalchemy as sa

from examples.retailer.planted import PLANTED_SUBJECT_EMAIL
from gdpr.cli import main
from gdpr.ledger import EvidenceInput, Ledger
from tests.conftest import DATAMAP_PATH, s3_conn_json


def test_validate_accepts_the_demo_map(capsys):
    assert main(["datamap", "validate", str(DATAMAP_PATH)]) == 0
    assert "valid (5 systems, 16 datasets" in capsys.readouterr().out


def test_validate_rejects_a_broken_map_with_located_errors(tmp_path, capsys):
    broken = tmp_path / "datamap.yaml"
    broken.write_text(
        DATAMAP_PATH.read_text(encoding="utf-8").replace("period: P6M", "period: six months"),
        encoding="utf-8",
    )
    (tmp_path / "sql").symlink_to(DATAMAP_PATH.parent / "sql")
    assert main(["datamap", "validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:" in err
    assert "malformed period 'six months'" in err


def test_ledger_verify_names_the_tampered_row(
    sqlite_url, s3_endpoint, s3_client, monkeypatch, capsys
):
    # the demo map anchors the ledger: verify reads its published heads (none yet) on S3
    monkeypatch.setenv("AIRFLOW_CONN_GDPR_S3", s3_conn_json(s3_endpoint))
    s3_client.create_bucket(
        Bucket="ml-gdpr-ledger-anchor",
        ObjectLockEnabledForBucket=True,
        CreateBucketConfiguration={"LocationConstraint": "eu-west-3"},
    )
    s3_client.create_bucket(
        Bucket="ml-gdpr-reports", CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    assert main(["ledger", "upgrade", "--url", sqlite_url]) == 0
    engine = sa.create_engine(sqlite_url)
    ledger = Ledger(engine)
    for count in (3, 5, 8):
        ledger.record_evidence(
            EvidenceInput(action="retention.delete", count=count, dataset="crm.customers")
        )
    assert main(["ledger", "verify", "--url", sqlite_url]) == 0
    assert "evidence chain intact: 3 rows" in capsys.readouterr().out

    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE ledger_evidence SET count = 1 WHERE id = 2"))
    assert main(["ledger", "verify", "--url", sqlite_url]) == 1
    assert "#2" in capsys.readouterr().err


def test_ledger_commands_on_an_empty_database_say_what_to_do(sqlite_url, capsys):
    assert main(["ledger", "verify", "--url", sqlite_url]) == 1
    assert "gdpr ledger upgrade" in capsys.readouterr().err


def test_check_and_locate_on_the_demo_systems(demo_org, capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "crm: 10 datasets, 0 missing, 0 undeclared" in out

    assert main(["locate", "  Camille.Durand@EXAMPLE.fr"]) == 0
    out = capsys.readouterr().out
    assert "helpdesk.tickets" in out
    assert PLANTED_SUBJECT_EMAIL not in out.lower()
    total = int(out.strip().splitlines()[-1].split()[-1])
    assert total == sum(len(ids) for ids in demo_org.summary.planted.subject.ids().values()) + sum(
        len(keys) for keys in demo_org.summary.planted.subject.object_keys.values()
    )


def test_missing_connection_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.delenv("AIRFLOW_CONN_GDPR_CRM", raising=False)
    assert main(["check"]) == 1
    assert "AIRFLOW_CONN_GDPR_CRM" in capsys.readouterr().err
