"""Legal holds as a product feature: `gdpr hold place|list|lift` on a real ledger, a record hold
reaching everything of its subject (or only the record's tree with `holds.scope: record`), and an
erasure every record of which is held ending refused under Art. 12(4), never "erased"."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED
from gdpr.cli import main
from gdpr.connections import create_sql_engine
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.datamap.models import Holds
from gdpr.deadlines import request_due_at
from gdpr.erasure.certificate import issue_certificate
from gdpr.erasure.plan import preview
from gdpr.erasure.refusal import PARTIAL, REFUSED, issue_refusal, outcome_of, refusal_text
from gdpr.ledger import Ledger, migrate, verify_chain
from gdpr.ledger.clock import use_clock
from gdpr.reports.store import ReportStore
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW, TestClock
from tests.conftest import DATAMAP_PATH

SUBJECT = PLANTED.subject
EMAIL = "Jeanne.Martin@Example.FR"
DISPUTED_ORDER = SUBJECT.order_ids[1]


def url_of(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def ledger_url(sql_url: str) -> str:
    engine = create_sql_engine(sql_url)
    migrate(engine)
    engine.dispose()
    return sql_url


def hold(url: str, *args: str) -> int:
    return main(["hold", *args, "--url", url])


def place(url: str, *args: str) -> int:
    return hold(url, "place", *args, "--datamap", str(DATAMAP_PATH))


# -- the command line ------------------------------------------------------------------------


def test_a_hold_is_placed_listed_and_lifted_and_the_lift_is_recorded(ledger_url, capsys):
    ledger = Ledger(create_sql_engine(ledger_url))
    assert place(ledger_url, "--record", "crm.orders:2", "--reason", "Contested delivery",
                 "--citation", "TJ Lyon 26/0042", "--by", "dpo") == 0  # fmt: skip
    assert place(ledger_url, "--subject", EMAIL, "--reason", "Litigation",
                 "--citation", "Art. 17(3)(e) GDPR", "--by", "dpo") == 0  # fmt: skip
    placed = capsys.readouterr()
    assert "jeanne" not in placed.out.lower(), "the identity typed is not printed back"

    record, person = ledger.legal_holds()
    assert (record.dataset, record.record_key) == ("crm.orders", {"order_id": 2})
    assert person.subject_email == EMAIL.lower(), "the identity goes to the ledger"
    assert (person.reason, person.citation) == ("Litigation", "Art. 17(3)(e) GDPR")

    assert hold(ledger_url, "list") == 0
    listing = capsys.readouterr().out
    assert "jeanne.martin@example.fr" not in listing.lower(), "masked unless asked"
    assert "j***@e***.fr" in listing
    assert "crm.orders:2" in listing
    assert "TJ Lyon 26/0042" in listing
    assert hold(ledger_url, "list", "--show-identity") == 0
    assert "jeanne.martin@example.fr" in capsys.readouterr().out

    assert hold(ledger_url, "lift", str(record.id), "--reason", "Judgment of 2026-11-02") == 0
    assert [h.id for h in ledger.active_legal_holds()] == [person.id]
    lifted = ledger.get_legal_hold(record.id)
    assert lifted.released_at is not None, "a lift is an event: the hold stays in the ledger"
    assert lifted.lift_reason == "Judgment of 2026-11-02"
    assert [e.action for e in ledger.evidence()] == [
        "legal_hold.place",
        "legal_hold.place",
        "legal_hold.lift",
    ]
    assert ledger.evidence()[-1].detail["hold"] == record.id
    assert EMAIL.lower() not in str([e.detail for e in ledger.evidence()]).lower()
    assert verify_chain(ledger._engine).ok

    capsys.readouterr()
    assert hold(ledger_url, "list") == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(f"{record.id} "))
    assert "lifted" in line
    assert "Judgment of 2026-11-02" in line
    assert hold(ledger_url, "lift", str(record.id), "--reason", "again") == 2, "lifted once"
    assert len(ledger.evidence()) == 3


def test_a_hold_ends_after_its_last_day(ledger_url, capsys):
    ledger = Ledger(create_sql_engine(ledger_url))
    last_day = (TEST_NOW + timedelta(days=10)).date()
    assert place(ledger_url, "--subject", EMAIL, "--reason", "Audit", "--citation", "LPF L102 B",
                 "--until", last_day.isoformat()) == 0  # fmt: skip
    (held,) = ledger.active_legal_holds()
    assert held.until == last_day

    use_clock(TestClock(TEST_NOW + timedelta(days=10, hours=10)))  # 23:00 in Paris that day
    assert [h.id for h in ledger.active_legal_holds()] == [held.id], "the last day is covered"

    use_clock(TestClock(TEST_NOW + timedelta(days=11)))
    assert ledger.active_legal_holds() == [], "over after its last day"
    capsys.readouterr()
    assert hold(ledger_url, "list") == 0
    assert " ended " in capsys.readouterr().out
    assert hold(ledger_url, "list", "--active") == 0
    assert "no legal hold in force" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["place", "--record", "crm.nowhere:1", "--reason", "r", "--citation", "c"],
        ["place", "--record", "crm.orders", "--reason", "r", "--citation", "c"],
        ["place", "--record", "crm.orders:", "--reason", "r", "--citation", "c"],
        ["place", "--record", "crm.orders:order=2", "--reason", "r", "--citation", "c"],
        ["place", "--subject", "jeanne@@example", "--reason", "r", "--citation", "c"],
        ["place", "--subject", EMAIL, "--reason", " ", "--citation", "c"],
        ["place", "--subject", EMAIL, "--reason", "r", "--citation", "c", "--until", "2026-02-30"],
        ["place", "--subject", EMAIL, "--reason", "r", "--citation", "c", "--until", "2026-11-17"],
        ["lift", "404", "--reason", "r"],
        ["lift", "one", "--reason", "r"],
    ],
    ids=[
        "unknown-dataset",
        "no-key",
        "empty-key",
        "wrong-key-field",
        "bad-email",
        "empty-reason",
        "no-such-day",
        "past-day",
        "unknown-hold",
        "not-an-id",
    ],
)
def test_bad_input_gets_one_sentence_and_exit_code_2(sqlite_url, capsys, args):
    migrate(create_sql_engine(sqlite_url))
    extra = ["--datamap", str(DATAMAP_PATH)] if args[0] == "place" else []
    assert hold(sqlite_url, *args, *extra) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: "), err
    assert err.count("\n") == 1, "one sentence"
    assert "Traceback" not in err
    assert "jeanne" not in err.lower()
    assert Ledger(create_sql_engine(sqlite_url)).legal_holds() == []


def test_a_subject_and_a_record_together_are_refused_by_the_parser(sqlite_url, capsys):
    with pytest.raises(SystemExit) as exit_:
        place(sqlite_url, "--subject", EMAIL, "--record", "crm.orders:2", "--reason", "r",
              "--citation", "c")  # fmt: skip
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


# -- what a hold on one record keeps ------------------------------------------------------------


@pytest.fixture
def clients(demo_org):
    clients = env_clients()
    yield clients
    clients.dispose()


@pytest.fixture
def connectors(demo_org, clients):
    return connectors_for(demo_org.datamap, clients)


def held_order(demo_org) -> int:
    """The dispute: one of the planted subject's orders, held from the command line."""
    assert place(url_of(demo_org.ledger), "--record", f"crm.orders:{DISPUTED_ORDER}",
                 "--reason", "Contested delivery, claim pending",
                 "--citation", "TJ Lyon 26/0042") == 0  # fmt: skip
    (held,) = Ledger(demo_org.ledger).active_legal_holds()
    return held.id


def plan_for(datamap, connectors, ledger, request_id="R-HOLD-1"):
    if ledger.get_request(request_id) is None:
        ledger.create_request(
            kind="erasure",
            subject_email=SUBJECT.email,
            received_at=TEST_NOW,
            due_at=request_due_at(TEST_NOW, "Europe/Paris"),
            channel="test",
            request_id=request_id,
        )
    return preview(
        datamap,
        connectors,
        ledger,
        subject_email=SUBJECT.email,
        request_id=request_id,
        ground="a",
        now=TEST_NOW,
    )


def test_a_record_hold_keeps_everything_of_its_subject_and_the_erasure_is_refused(
    demo_org, connectors, clients
):
    assert demo_org.datamap.holds.scope == "subject", "the default"
    hold_id = held_order(demo_org)
    ledger = Ledger(demo_org.ledger)
    found = resolve_subject(demo_org.datamap, connectors, "email", SUBJECT.email)

    plan = plan_for(demo_org.datamap, connectors, ledger)

    assert plan.totals().get("delete", 0) == 0
    assert plan.totals().get("anonymise", 0) == 0
    reason = f"hold-{hold_id}"
    for dataset, hits in found.hits.items():
        kept = plan.dataset(dataset).kept.get(reason, [])
        assert len(kept) == hits.count, f"{dataset}: every record of the subject is kept"
    assert plan.totals()["keep"] == found.total
    assert "Contested delivery, claim pending" in plan.reasons[reason].text
    assert plan.reasons[reason].citation == "TJ Lyon 26/0042"
    assert plan.reasons[reason].article == "Art. 17(3)(e)"

    # fully blocked: refused under Art. 12(4), a refusal notice and no certificate of erasure
    assert outcome_of(plan) == REFUSED
    store = ReportStore(clients.s3(demo_org.datamap.reports.conn_id), demo_org.datamap.reports)
    with pytest.raises(ValueError, match="refusal notice"):
        issue_certificate(demo_org.datamap, plan, {"changed": {}}, ledger, store,
                          completed_at=TEST_NOW)  # fmt: skip
    stored = issue_refusal(demo_org.datamap, plan, ledger, store, decided_at=TEST_NOW)
    notice = (
        demo_org.s3.get_object(Bucket=demo_org.datamap.reports.bucket, Key=stored.key)["Body"]
        .read()
        .decode()
    )
    assert "Refusal of erasure (Art. 12(4) GDPR)" in notice
    assert "Certificate of erasure" not in notice
    assert "Contested delivery, claim pending" in notice
    assert "TJ Lyon 26/0042" in notice
    assert "lodge a complaint with a supervisory authority" in notice
    assert "CNIL" in notice
    assert "https://www.cnil.fr/fr/plaintes" in notice
    assert "judicial remedy" in notice
    assert SUBJECT.email not in notice.lower()
    text = refusal_text(demo_org.datamap, plan)
    assert text.startswith("refused under Art. 12(4)")
    assert "judicial remedy" in text
    (evidence,) = [e for e in ledger.evidence(request_id=plan.request_id)
                   if e.action == "erasure.refusal"]  # fmt: skip
    assert evidence.keys_sha256 == stored.sha256


def test_with_record_scope_only_the_records_tree_is_kept_and_the_erasure_is_partial(
    demo_org, connectors, clients
):
    datamap = demo_org.datamap.model_copy(update={"holds": Holds(scope="record")})
    hold_id = held_order(demo_org)
    ledger = Ledger(demo_org.ledger)

    plan = plan_for(datamap, connectors, ledger)

    reason = f"hold-{hold_id}"
    orders = plan.dataset("crm.orders")
    assert [k[0] for k in orders.kept[reason]] == [DISPUTED_ORDER]
    assert sorted(k[0] for k in orders.delete) == sorted(
        set(SUBJECT.order_ids) - {DISPUTED_ORDER}
    ), "the subject's other orders go"
    customers = plan.dataset("crm.customers")
    assert [k[0] for k in customers.kept[reason]] == [SUBJECT.customer_id], "what it needs"
    assert {k[0] for k in plan.dataset("helpdesk.tickets").delete} == set(SUBJECT.ticket_ids)
    assert outcome_of(plan) == PARTIAL

    store = ReportStore(clients.s3(datamap.reports.conn_id), datamap.reports)
    stored = issue_certificate(datamap, plan, {"changed": {}}, ledger, store, completed_at=TEST_NOW)
    certificate = (
        demo_org.s3.get_object(Bucket=datamap.reports.bucket, Key=stored.key)["Body"]
        .read()
        .decode()
    )
    assert "Certificate of erasure (partial)" in certificate
    assert "Contested delivery, claim pending" in certificate, "which records were kept, and why"
    assert "Art. 17(3)(e)" in certificate


def test_a_lifted_hold_no_longer_keeps_anything(demo_org, connectors):
    hold_id = held_order(demo_org)
    assert hold(url_of(demo_org.ledger), "lift", str(hold_id), "--reason", "Settled") == 0

    plan = plan_for(demo_org.datamap, connectors, Ledger(demo_org.ledger))

    assert f"hold-{hold_id}" not in plan.reasons
    assert DISPUTED_ORDER in [k[0] for k in plan.dataset("crm.orders").delete]
