"""Intake's status mapping on the telecom organisation, its complaints tool on MariaDB holding
privacy complaints answered years ago: open complaints become open requests; closed and refused
ones come in as closed history (or are skipped, by setting), which never blocks a purge, never
looks overdue and gets no reply; a complaint in a state the map does not list is not taken."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from examples import load
from examples.telecom import data
from gdpr.connections import create_sql_engine
from gdpr.connectors import SqlConnector
from gdpr.datamap import load_datamap
from gdpr.intake import take_requests
from gdpr.ledger import Ledger, migrate, normalise_email
from gdpr.retention.run import run_rule
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration

ANSWERED = datetime(2013, 3, 4, 9, 30)
# (state, opened, closed) of the old privacy complaints planted here, by the e-mail of a former
# subscriber (whose open request would keep their records from the purge)
OLD = [
    ("cloturee", ANSWERED + timedelta(days=n), ANSWERED + timedelta(days=n + 9)) for n in range(8)
]
OLD += [("rejetee", ANSWERED, None), ("rejetee", ANSWERED, None), ("archivee", ANSWERED, None)]
RECENT_OPEN = ("en_cours", datetime(2026, 11, 10, 8), None)


@pytest.fixture
def telecom(tmp_path, mysql_url, s3_client):
    org = load("telecom")
    datamap = load_datamap(org.DATAMAP)
    engines = {
        "si_clients": create_sql_engine(f"sqlite:///{tmp_path / 'si_clients.sqlite'}"),
        "service_client": create_sql_engine(mysql_url),
    }
    org.seed(engines, s3_client, subjects=org.MIN_SUBJECTS, today=TEST_NOW.date())
    complaints = sa.table(
        "reclamations",
        *(sa.column(c) for c in ("mail_client", "objet", "motif", "canal", "statut")),
        sa.column("ouverte_le"),
        sa.column("cloturee_le"),
        sa.column("traitement_restreint"),
    )
    with engines["service_client"].begin() as conn:
        for n, (state, opened, closed) in enumerate([*OLD, RECENT_OPEN]):
            conn.execute(
                complaints.insert(),
                {
                    "mail_client": data.EXPIRED[n % len(data.EXPIRED)][2]
                    if n < len(OLD)
                    else "alice.nouvelle@exemple.fr",
                    "objet": "Mes données",
                    "motif": "rgpd_acces" if n % 2 else "rgpd_effacement",
                    "canal": "web",
                    "statut": state,
                    "ouverte_le": opened,
                    "cloturee_le": closed,
                    "traitement_restreint": False,
                },
            )
    ledger_engine = create_sql_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    migrate(ledger_engine)
    connector = SqlConnector(datamap.system("service_client"), engines["service_client"])
    yield datamap, connector, Ledger(ledger_engine)
    for engine in (*engines.values(), ledger_engine):
        engine.dispose()


def test_closed_complaints_come_in_as_history_and_never_block_or_look_overdue(telecom):
    datamap, connector, ledger = telecom
    outcome = take_requests(datamap, connector, ledger, now=TEST_NOW)
    assert outcome.unmapped == 1, "the archived complaint is in no state of the map"
    assert outcome.history == 10
    # the planted non-subscriber's erasure request and the recent complaint in progress
    assert outcome.new == 12
    assert outcome.replies == 2
    assert {r["kind"] for r in outcome.to_start} == {"access"}

    open_refs = {r.external_ref for r in ledger.open_requests()}
    assert len(open_refs) == 2
    history = [
        r
        for _, _, mail in data.EXPIRED
        for r in ledger.requests_of_subject(normalise_email(mail))
        if r.external_ref not in open_refs
    ]
    assert sorted(r.status for r in history) == ["completed"] * 8 + ["refused"] * 2
    assert all(r.closed_at is not None and r.closed_at.year == 2013 for r in history)
    assert ledger.open_requests_due_by(TEST_NOW) == [], "nothing of 2013 looks overdue"

    # the former subscribers' 2013 complaints expire: no open request of theirs keeps them
    preview = run_rule(
        datamap,
        "reclamations-3-ans-apres-cloture",
        {"service_client": connector},
        ledger,
        now=TEST_NOW,
        dry_run=True,
    )
    assert preview.as_dict()["spared"] == {}
    assert preview.expired >= 8

    again = take_requests(datamap, connector, ledger, now=TEST_NOW)
    assert (again.new, again.known, again.replies) == (0, 12, 0)


def test_closed_complaints_are_skipped_when_the_map_says_so(telecom):
    datamap, connector, ledger = telecom
    skip = datamap.intake.model_copy(update={"closed": "skip"})
    outcome = take_requests(
        datamap.model_copy(update={"intake": skip}), connector, ledger, now=TEST_NOW
    )
    assert (outcome.skipped, outcome.history, outcome.new) == (10, 0, 2)
    assert len(ledger.open_requests()) == 2
