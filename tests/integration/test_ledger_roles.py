"""The application role on PostgreSQL and MariaDB: the product works, history cannot be rewritten.

The owner (the test servers' administrator) migrates and runs `gdpr ledger grant`; the
workers' role then does everything the product does, and is refused when it tries to update
or delete evidence, delete a request event, or delete any row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa

from gdpr.cli import main
from gdpr.ledger import EvidenceInput, Ledger, migrate, verify_chain
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration


@pytest.fixture(params=["postgresql", "mariadb"])
def app_url(request: pytest.FixtureRequest) -> Iterator[tuple[str, str, str]]:
    """(owner URL, application role, application URL) on a freshly migrated ledger."""
    owner_url = request.getfixturevalue("pg_url" if request.param == "postgresql" else "mysql_url")
    owner = sa.create_engine(owner_url)
    migrate(owner)
    name = f"gdpr_app_{uuid.uuid4().hex[:8]}"
    url = sa.make_url(owner_url)
    with owner.begin() as conn:
        if request.param == "postgresql":
            conn.execute(sa.text(f"CREATE ROLE {name} LOGIN"))
            role, app = name, url.set(username=name)
        else:
            conn.execute(sa.text(f"CREATE USER '{name}'@'%' IDENTIFIED BY 'app-secret'"))
            role, app = f"{name}@%", url.set(username=name, password="app-secret")
    try:
        yield owner_url, role, app.render_as_string(hide_password=False)
    finally:
        with owner.begin() as conn:
            if request.param == "postgresql":
                conn.execute(sa.text(f"DROP OWNED BY {name}"))
                conn.execute(sa.text(f"DROP ROLE {name}"))
            else:
                conn.execute(sa.text(f"DROP USER '{name}'@'%'"))
        owner.dispose()


def test_the_application_role_appends_but_cannot_rewrite_evidence(app_url, capsys) -> None:
    owner_url, role, url = app_url
    assert main(["ledger", "grant", role, "--url", owner_url]) == 0
    assert "GRANT SELECT, INSERT ON" in capsys.readouterr().out

    engine = sa.create_engine(url)
    ledger = Ledger(engine)
    # everything the product does, as the application role
    run = ledger.start_run("gdpr_subject_erasure", "manual__1", "erasure")
    request = ledger.create_request(
        kind="erasure",
        subject_email="jean.dupont@example.fr",
        received_at=TEST_NOW - timedelta(days=40),
        due_at=TEST_NOW - timedelta(days=10),
        channel="helpdesk",
    )
    ledger.add_request_event(request.request_id, "received", "test", {"channel": "helpdesk"})
    ledger.record_evidence(
        EvidenceInput(action="erasure.delete", count=1, run_pk=run, request_id=request.request_id)
    )
    ledger.update_request(
        request.request_id, status="completed", closed_at=TEST_NOW - timedelta(days=9)
    )
    breach = ledger.create_breach(
        title="Lost laptop",
        aware_at=TEST_NOW,
        description="-",
        systems=["crm"],
        datasets=["crm.customers"],
        categories=["contact"],
        high_risk=False,
    )
    ledger.update_breach(breach.breach_id, authority_notified_at=TEST_NOW)
    hold = ledger.add_legal_hold(reason="litigation", reference="case 1", subject_email="a@b.fr")
    ledger.lift_legal_hold(hold.id, reason="settled")
    alert = {
        "topic": "deadline",
        "target": request.request_id,
        "occasion": "due",
        "channel": "email",
        "recipient": "dpo@example.org",
    }
    assert ledger.claim_notification(**alert)
    ledger.mark_notification_sent(**alert)
    assert ledger.clear_identities(TEST_NOW) == [request.request_id]
    ledger.finish_run(run, "success", {})
    report = verify_chain(engine)
    assert (report.ok, report.problems) == (True, [])

    # and what it must not do
    for statement in (
        "UPDATE ledger_evidence SET count = 0 WHERE id = 1",
        "DELETE FROM ledger_evidence WHERE id = 1",
        "UPDATE ledger_request_events SET kind = 'x'",
        "DELETE FROM ledger_request_events",
        "DELETE FROM ledger_requests",
        "DELETE FROM ledger_breaches",
    ):
        with (
            pytest.raises(sa.exc.DatabaseError, match=r"(?i)permission denied|command denied"),
            engine.begin() as conn,
        ):
            conn.execute(sa.text(statement))
    assert verify_chain(engine).ok
    engine.dispose()


def test_a_role_that_owns_the_tables_or_sqlite_is_refused(pg_url, sqlite_url, capsys) -> None:
    migrate(sa.create_engine(pg_url))
    assert main(["ledger", "grant", "postgres", "--url", pg_url]) == 1
    assert "role postgres owns the ledger's tables" in capsys.readouterr().err
    migrate(sa.create_engine(sqlite_url))
    assert main(["ledger", "grant", "app", "--url", sqlite_url]) == 1
    assert "SQLite has no roles" in capsys.readouterr().err
