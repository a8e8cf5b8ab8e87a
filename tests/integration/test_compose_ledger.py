"""The compose stack's ledger on a real PostgreSQL: docker/postgres-init's script creates the
owner and the application role, airflow-init's commands migrate and grant as the owner, and the
workers' role then works and cannot rewrite the evidence (no Docker engine here: the script and
the commands run as the containers would run them)."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa

from gdpr.cli import main
from gdpr.ledger import EvidenceInput, Ledger, verify_chain
from tests.clock import TEST_NOW
from tests.conftest import PG_ADMIN_URL, ROOT

pytestmark = pytest.mark.integration

INIT_SCRIPT = ROOT / "docker" / "postgres-init" / "10-gdpr-ledger.sh"


@pytest.fixture
def stack() -> Iterator[dict[str, str]]:
    """The postgres service's settings, with names of this test's own."""
    tag = uuid.uuid4().hex[:8]
    admin = sa.make_url(PG_ADMIN_URL)
    settings = {
        "GDPR_LEDGER_DB": f"gdpr_ledger_{tag}",
        "GDPR_LEDGER_USER": f"gdpr_ledger_{tag}",
        "GDPR_LEDGER_PASSWORD": "owner-secret",
        "GDPR_LEDGER_APP_USER": f"gdpr_ledger_app_{tag}",
        "GDPR_LEDGER_APP_PASSWORD": "app-secret",
        "POSTGRES_USER": admin.username or "postgres",
        "POSTGRES_DB": admin.database or "postgres",
    }
    yield settings
    engine = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {settings['GDPR_LEDGER_DB']} WITH (FORCE)"))
        for role in (settings["GDPR_LEDGER_APP_USER"], settings["GDPR_LEDGER_USER"]):
            conn.execute(sa.text(f"DROP ROLE IF EXISTS {role}"))
    engine.dispose()


def url(settings: dict[str, str], user: str, password: str) -> str:
    admin = sa.make_url(PG_ADMIN_URL)
    return admin.set(
        username=user, password=password, database=settings["GDPR_LEDGER_DB"]
    ).render_as_string(hide_password=False)


def test_the_workers_role_of_the_compose_stack_appends_but_cannot_rewrite(stack, capsys):
    admin = sa.make_url(PG_ADMIN_URL)
    env = {
        "PATH": os.environ["PATH"],
        "PGHOST": admin.host or "127.0.0.1",
        "PGPORT": str(admin.port or 5432),
        **stack,
    }
    created = subprocess.run(
        ["bash", str(INIT_SCRIPT)], env=env, capture_output=True, text=True, timeout=60
    )
    assert created.returncode == 0, created.stderr

    # airflow-init, as the owner
    owner = url(stack, stack["GDPR_LEDGER_USER"], stack["GDPR_LEDGER_PASSWORD"])
    assert main(["ledger", "upgrade", "--url", owner]) == 0
    assert main(["ledger", "grant", stack["GDPR_LEDGER_APP_USER"], "--url", owner]) == 0
    assert main(["ledger", "grant", stack["GDPR_LEDGER_APP_USER"], "--url", owner]) == 0
    capsys.readouterr()

    # a worker, as the application role
    engine = sa.create_engine(
        url(stack, stack["GDPR_LEDGER_APP_USER"], stack["GDPR_LEDGER_APP_PASSWORD"])
    )
    ledger = Ledger(engine)
    ledger.check_ready()
    request = ledger.create_request(
        kind="access",
        subject_email="jean.dupont@example.fr",
        received_at=TEST_NOW,
        due_at=TEST_NOW + timedelta(days=30),
        channel="test",
    )
    ledger.record_evidence(
        EvidenceInput(action="access.deliver", count=1, request_id=request.request_id)
    )
    ledger.update_request(request.request_id, status="completed", closed_at=TEST_NOW)
    assert verify_chain(engine).ok
    for statement in (
        "UPDATE ledger_evidence SET count = 0",
        "DELETE FROM ledger_evidence",
        "DELETE FROM ledger_requests",
        "CREATE TABLE ledger_shadow (id int)",  # nor migrate: the owner's, in airflow-init
    ):
        with (
            pytest.raises(sa.exc.DatabaseError, match=r"(?i)permission denied"),
            engine.begin() as conn,
        ):
            conn.execute(sa.text(statement))
    engine.dispose()
