"""The DPO desk (gdpr.airflow.desk) driven through FastAPI's TestClient on the demo organisation:
a real ledger, S3 and connections read the way Airflow reads them; only the signed-in user and the
DAG trigger (Airflow's REST API, exercised for real in tests/browser) are injected."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from gdpr.airflow.desk import DeskSettings, create_app
from gdpr.ledger import EvidenceInput, Ledger, verify_chain
from tests.clock import TEST_NOW

DPO, CLERK = "dpo", "clerk"
EMAIL = "Camille.Durand@Example.FR"
SHA = "0" * 64


async def _header_user(request):
    name = request.headers.get("x-test-user")
    if not name:
        from fastapi import HTTPException

        raise HTTPException(status_code=401, detail="Not authenticated")
    return name, f"token-of-{name}"


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, dict]] = []

    def trigger(self, request, user, dag_id, conf):
        self.calls.append((user.name, dag_id, dict(conf)))
        return f"manual__desk_{len(self.calls)}"

    def approvals(self, request, user):
        return [
            {
                "dag_id": "gdpr_subject_erasure",
                "dag_run_id": "manual__1",
                "task_id": "approve",
                "subject": "Approve the erasure of R-2026-000001",
                "href": "http://airflow/dags/gdpr_subject_erasure/runs/manual__1/tasks/approve/required_actions",
            }
        ]


@pytest.fixture
def desk(demo_org):
    recorder = Recorder()
    settings = DeskSettings(
        datamap=lambda: demo_org.datamap,
        dpo_users=lambda: frozenset({DPO}),
        authenticate=_header_user,
        trigger=recorder.trigger,
        approvals=recorder.approvals,
    )
    client = TestClient(create_app(settings), base_url="http://airflow.test")
    client.recorder = recorder
    client.ledger = Ledger(demo_org.ledger)
    return client


def as_user(name: str) -> dict[str, str]:
    return {"x-test-user": name}


def test_every_page_needs_a_signed_in_user(desk):
    for path in ("/", "/register", "/holds", "/evidence", "/charts"):
        response = desk.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/auth/login?next=")
    assert desk.post("/register", data={"kind": "access", "email": EMAIL}).status_code == 401


@pytest.fixture
def simple_auth(airflow_db, monkeypatch):
    """Airflow's simple auth manager, initialised the way the api-server does it."""
    from airflow.api_fastapi import app as airflow_app

    monkeypatch.setenv(
        "AIRFLOW__CORE__AUTH_MANAGER",
        "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager",
    )
    monkeypatch.setenv("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", "dpo:user,clerk:viewer")
    monkeypatch.setenv("AIRFLOW__API_AUTH__JWT_SECRET", "desk-test-secret")
    monkeypatch.setenv("AIRFLOW__GDPR__DPO_USERS", "dpo, someone-else")
    previous = airflow_app._AuthManagerState.instance
    airflow_app._AuthManagerState.instance = None
    manager = airflow_app.init_auth_manager()
    yield manager
    airflow_app._AuthManagerState.instance = previous


def test_airflow_auth_manager_decides_who_is_signed_in_and_who_is_a_dpo(demo_org, simple_auth):
    """With nothing injected, the desk asks Airflow's own security dependency (the UI's
    ``_token`` cookie or a bearer token) and reads the DPO names from ``[gdpr] dpo_users``."""
    from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser

    Ledger(demo_org.ledger).create_request(
        kind="access",
        subject_email=EMAIL,
        received_at=TEST_NOW,
        due_at=TEST_NOW + timedelta(days=30),
        channel="email",
    )
    client = TestClient(
        create_app(DeskSettings(datamap=lambda: demo_org.datamap, approvals=lambda r, u: []))
    )
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert "/auth/login" in response.headers["location"]
    bad = client.get("/", headers={"Authorization": "Bearer not-a-jwt"}, follow_redirects=False)
    assert bad.status_code == 303

    dpo = simple_auth.generate_jwt(SimpleAuthManagerUser(username="dpo", role="user"))
    clerk = simple_auth.generate_jwt(SimpleAuthManagerUser(username="clerk", role="viewer"))
    client.cookies.set("_token", dpo)
    page = client.get("/")
    assert page.status_code == 200
    assert "camille.durand@example.fr" in page.text
    client.cookies.clear()
    page = client.get("/", headers={"Authorization": f"Bearer {clerk}"})
    assert page.status_code == 200
    assert "c***@e***.fr" in page.text
    assert "camille.durand" not in page.text


def test_without_dpo_users_the_erasure_approvers_are_the_dpos(monkeypatch):
    from gdpr.airflow.desk.app import _default_dpo_users

    monkeypatch.delenv("AIRFLOW__GDPR__DPO_USERS", raising=False)
    monkeypatch.setenv("GDPR_APPROVERS", "dpo, admin")
    assert _default_dpo_users() == {"dpo", "admin"}
    monkeypatch.setenv("AIRFLOW__GDPR__DPO_USERS", "alice")
    assert _default_dpo_users() == {"alice"}


def test_register_records_the_request_and_triggers_the_dag_by_id_alone(desk):
    response = desk.post(
        "/register",
        data={"kind": "erasure", "email": EMAIL, "note": "letter of 17 Nov", "start": "1"},
        headers=as_user(DPO),
        follow_redirects=False,
    )
    assert response.status_code == 303
    rid = re.search(r"request_id=(R-\d{4}-\d+)", response.headers["location"]).group(1)
    record = desk.ledger.get_request(rid)
    assert record.subject_email == "camille.durand@example.fr"
    assert record.kind == "erasure"
    assert record.channel == "dpo_desk"
    assert record.received_at == pytest.approx(TEST_NOW, abs=timedelta(minutes=5))
    assert desk.recorder.calls == [(DPO, "gdpr_subject_erasure", {"request_id": rid})]
    events = [e.kind for e in desk.ledger.request_events(rid)]
    assert events == ["received", "run_triggered"]
    assert "camille" not in str(desk.ledger.request_events(rid)[-1].detail).lower()

    # the same person and kind again: the open request is reused, no second clock
    again = desk.post(
        "/register",
        data={"kind": "erasure", "email": " camille.durand@example.fr ", "start": "1"},
        headers=as_user(DPO),
    )
    assert f"request {rid} was already open" in again.text
    assert "was started before (run manual__desk_1)" in again.text
    assert len(desk.recorder.calls) == 1, "a second letter starts no second run"
    assert len([r for r in desk.ledger.open_requests() if r.kind == "erasure"]) == 1

    # access: the package kind is a choice, sent with the id; nothing else
    desk.post(
        "/register",
        data={"kind": "portability", "email": "other.person@example.org", "start": "1"},
        headers=as_user(DPO),
    )
    dag_id, conf = desk.recorder.calls[-1][1:]
    assert dag_id == "gdpr_subject_access"
    assert set(conf) == {"request_id", "kind"}
    assert conf["kind"] == "portability"
    for _, _, conf in desk.recorder.calls:
        assert "@" not in str(conf)


def test_register_without_start_or_for_a_kind_without_dag_triggers_nothing(desk):
    desk.post("/register", data={"kind": "access", "email": EMAIL}, headers=as_user(DPO))
    desk.post(
        "/register", data={"kind": "objection", "email": EMAIL, "start": "1"}, headers=as_user(DPO)
    )
    assert desk.recorder.calls == []
    assert {r.kind for r in desk.ledger.open_requests()} == {"access", "objection"}


def test_register_refuses_bad_input_without_echoing_it_and_non_dpo_users(desk):
    bad = desk.post(
        "/register",
        data={"kind": "access", "email": "jeanne.martin@exаmple.fr", "start": "1"},  # Cyrillic а
        headers=as_user(DPO),
    )
    assert bad.status_code == 422
    assert "jeanne" not in bad.text.lower()
    assert (
        desk.post(
            "/register", data={"kind": "burn", "email": EMAIL}, headers=as_user(DPO)
        ).status_code
        == 422
    )
    refused = desk.post(
        "/register", data={"kind": "access", "email": EMAIL}, headers=as_user(CLERK)
    )
    assert refused.status_code == 403
    cross = desk.post(
        "/register",
        data={"kind": "access", "email": EMAIL},
        headers={**as_user(DPO), "origin": "https://evil.example"},
    )
    assert cross.status_code == 403
    assert desk.ledger.open_requests() == []
    assert desk.recorder.calls == []


def test_board_shows_clocks_with_identities_for_the_dpo_only(desk):
    ledger = desk.ledger
    record = ledger.create_request(
        kind="access",
        subject_email=EMAIL,
        received_at=TEST_NOW - timedelta(days=40),
        due_at=TEST_NOW - timedelta(days=10),
        channel="email",
    )
    ledger.create_breach(
        title="Lost laptop",
        aware_at=TEST_NOW - timedelta(hours=60),
        description="unencrypted laptop stolen",
        systems=["crm"],
        datasets=["crm.customers"],
        categories=["user.contact.email"],
        high_risk=False,
    )
    page = desk.get("/", headers=as_user(DPO))
    assert page.status_code == 200
    assert record.request_id in page.text
    assert "camille.durand@example.fr" in page.text
    row = re.search(rf'<tr class="(\w+)" data-request="{record.request_id}">', page.text)
    assert row.group(1) == "overdue"
    assert "-10 d" in page.text  # ten days late
    assert "Lost laptop" in page.text
    assert "Art. 33(1) GDPR" in page.text
    assert "Approve the erasure of R-2026-000001" in page.text  # the approvals waiting
    assert "required_actions" in page.text

    masked = desk.get("/", headers=as_user(CLERK))
    assert record.request_id in masked.text
    assert "camille.durand" not in masked.text
    assert "c***@e***.fr" in masked.text
    assert "identities masked" in masked.text


def test_board_states_the_clock_readings_and_a_deadline_moved_off_armistice_day(demo_org):
    """With the Reg. 1182/71 Art. 3(4) shift turned on in the map, a request due on 11 November
    (a public holiday, a Wednesday) is due the day after, and the board says so and why."""
    from gdpr.deadlines import request_due_at

    alerts = demo_org.datamap.alerts.model_copy(update={"working_day_shift": True})
    shifted = demo_org.datamap.model_copy(update={"alerts": alerts})
    recorder = Recorder()
    desk = TestClient(
        create_app(
            DeskSettings(
                datamap=lambda: shifted,
                dpo_users=lambda: frozenset({DPO}),
                authenticate=_header_user,
                trigger=recorder.trigger,
                approvals=recorder.approvals,
            )
        ),
        base_url="http://airflow.test",
    )
    received = TEST_NOW.replace(month=10, day=11, hour=9)  # 11 October 2026: due 11 November
    Ledger(demo_org.ledger).create_request(
        kind="access",
        subject_email=EMAIL,
        received_at=received,
        due_at=request_due_at(received, shifted.organisation.timezone),
        channel="email",
    )
    page = desk.get("/", headers=as_user(DPO)).text
    assert "moved to the next working day (Reg. 1182/71 Art. 3(4), public holidays of FR)" in page
    assert "2026-11-12 23:59" in page
    assert "moved from Wed 2026-11-11, not a working day: Reg. 1182/71 Art. 3(4)" in page


def test_holds_place_list_and_lift(desk, demo_org):
    placed = desk.post(
        "/holds",
        data={"subject": EMAIL, "reason": "dispute over order", "citation": "TJ Paris 24/001"},
        headers=as_user(DPO),
        follow_redirects=False,
    )
    assert placed.status_code == 303
    assert "placed" in placed.headers["location"]
    customer = demo_org.summary if isinstance(demo_org.summary, dict) else None
    del customer
    record = desk.post(
        "/holds",
        data={
            "record": "crm.customers:1",
            "reason": "tax audit",
            "citation": "LPF L102 B",
            "until": (TEST_NOW + timedelta(days=30)).date().isoformat(),
        },
        headers=as_user(DPO),
    )
    assert record.status_code == 200
    assert "legal hold 2 placed" in record.text
    holds = desk.ledger.active_legal_holds()
    assert [h.subject_email for h in holds] == ["camille.durand@example.fr", None]
    assert holds[0].placed_by == DPO

    dpo_page = desk.get("/holds", headers=as_user(DPO)).text
    assert "camille.durand@example.fr" in dpo_page
    assert "crm.customers:1" in dpo_page
    clerk_page = desk.get("/holds", headers=as_user(CLERK)).text
    assert "camille.durand" not in clerk_page
    assert "c***@e***.fr" in clerk_page
    assert "Place a hold" not in clerk_page

    both = desk.post(
        "/holds",
        data={"subject": EMAIL, "record": "crm.customers:1", "reason": "x", "citation": "y"},
        headers=as_user(DPO),
    )
    assert "not both" in both.text
    assert len(desk.ledger.legal_holds()) == 2
    assert (
        desk.post(
            "/holds",
            data={"subject": EMAIL, "reason": "x", "citation": "y"},
            headers=as_user(CLERK),
        ).status_code
        == 403
    )

    lifted = desk.post("/holds/1/lift", data={"reason": "case settled"}, headers=as_user(DPO))
    assert "legal hold 1 lifted" in lifted.text
    hold = desk.ledger.get_legal_hold(1)
    assert hold.released_at is not None
    assert hold.lifted_by == DPO
    assert hold.lift_reason == "case settled"
    again = desk.post("/holds/1/lift", data={"reason": "twice"}, headers=as_user(DPO))
    assert "already lifted" in again.text
    assert (
        desk.post("/holds/99/lift", data={"reason": "r"}, headers=as_user(DPO)).status_code == 404
    )
    assert verify_chain(demo_org.ledger).ok


def test_evidence_shows_the_chain_and_serves_the_reports(desk, demo_org):
    bucket = demo_org.datamap.reports.bucket
    prefix = demo_org.datamap.reports.prefix
    key = f"{prefix}erasure/R-2026-000001-certificate.html"
    demo_org.s3.put_object(
        Bucket=bucket, Key=key, Body=b"<h1>Certificate</h1>", ContentType="text/html"
    )
    desk.ledger.record_evidence(
        EvidenceInput(
            action="retention.delete", dataset="crm.prospects", rule="r1", count=3, keys_sha256=SHA
        )
    )
    page = desk.get("/evidence", headers=as_user(CLERK))
    assert page.status_code == 200
    assert "Evidence chain intact" in page.text
    assert "1 rows checked" in page.text
    assert "R-2026-000001-certificate.html" in page.text
    assert "certificate" in page.text
    assert "retention.delete" in page.text
    link = re.search(r'href="(/evidence/file\?key=[^"]+)"', page.text).group(1)
    served = desk.get(link.replace("&amp;", "&"), headers=as_user(CLERK))
    assert served.status_code == 200
    assert served.text == "<h1>Certificate</h1>"
    outside = desk.get("/evidence/file", params={"key": "../etc/passwd"}, headers=as_user(DPO))
    assert outside.status_code == 404

    # tampering shows on the page
    with demo_org.ledger.begin() as conn:
        conn.exec_driver_sql("UPDATE ledger_evidence SET count = 30")
    assert "Evidence chain BROKEN" in desk.get("/evidence", headers=as_user(DPO)).text


def test_evidence_says_whether_the_head_matches_the_last_published_head(desk, demo_org):
    from gdpr.connections import spec_from_env
    from gdpr.connectors.factory import env_clients
    from gdpr.ledger.anchor import anchor_for, publish_head
    from tests.integration.test_ledger_anchor import rechain

    def status() -> str:
        page = desk.get("/evidence", headers=as_user(CLERK))
        assert page.status_code == 200
        return re.search(r'<div id="published-head"[^>]*>([^<]*)</div>', page.text).group(1)

    desk.ledger.record_evidence(EvidenceInput(action="retention.delete", count=3))
    assert status() == "No chain head has been published yet."

    store = anchor_for(demo_org.datamap, env_clients().s3, lambda c: spec_from_env(c).password)
    head = desk.ledger.chain_head()
    publish_head(store, head, TEST_NOW)  # what every task's callback does
    assert status().startswith(
        f"The ledger head (#{head.count}, {head.last_hash[:16]}…) matches the last published head"
    )

    desk.ledger.record_evidence(EvidenceInput(action="retention.delete", count=4))
    assert f"follows from the last published head #{head.count} (1 rows appended since" in status()

    # the insider drops the first row and rewrites the chain and head behind it
    rechain(demo_org.ledger, keep=lambda row: row.id != 1)
    broken = status()
    assert broken.startswith("The evidence chain is BROKEN (")
    assert f"evidence #{head.count} does not hash to {head.last_hash[:16]}" in broken


def test_charts_from_requests_purges_and_findings(desk):
    ledger = desk.ledger
    on_time = ledger.create_request(
        kind="access",
        subject_email="a@example.org",
        received_at=TEST_NOW - timedelta(days=50),
        due_at=TEST_NOW - timedelta(days=20),
        channel="email",
    )
    late = ledger.create_request(
        kind="erasure",
        subject_email="b@example.org",
        received_at=TEST_NOW - timedelta(days=45),
        due_at=TEST_NOW - timedelta(days=15),
        channel="email",
    )
    ledger.update_request(
        on_time.request_id, status="completed", closed_at=TEST_NOW - timedelta(days=30)
    )
    ledger.update_request(
        late.request_id, status="completed", closed_at=TEST_NOW - timedelta(days=1)
    )
    for rule, count in (("prospects-3y", 12), ("tickets-2y", 4)):
        ledger.record_evidence(
            EvidenceInput(
                action="retention.delete", rule=rule, dataset="x.y", count=count, keys_sha256=SHA
            )
        )
    ledger.record_evidence(
        EvidenceInput(
            action="minimisation.check",
            dataset="helpdesk.messages",
            count=5,
            detail={"by_category": {"user.health": 3, "user.financial": 2}},
        )
    )
    page = desk.get("/charts", headers=as_user(CLERK))
    assert page.status_code == 200
    assert page.text.count("<svg") == 4
    assert "1 of 2 answered late" in page.text
    assert f"{late.request_id}: 44.0 days (limit 30)" in page.text
    assert "prospects-3y 2026-11: 12" in page.text
    assert "tickets-2y 2026-11: 4" in page.text
    assert "user.health 2026-11: 3" in page.text
    assert "user.financial" in page.text
    assert "a@example.org" not in page.text


def test_the_package_passphrase_is_shown_once_to_a_dpo(desk, demo_org):
    from gdpr.access.secret import keep_passphrase, new_passphrase

    desk.post("/register", data={"kind": "access", "email": EMAIL}, headers=as_user(DPO))
    (request,) = desk.ledger.open_requests()
    rid = request.request_id
    secret = new_passphrase()
    keep_passphrase(demo_org.ledger, rid, secret, TEST_NOW)  # what the delivering task does

    refused = desk.post("/passphrase", data={"request_id": rid}, headers=as_user(CLERK))
    assert refused.status_code == 403
    page = desk.post("/passphrase", data={"request_id": rid}, headers=as_user(DPO))
    assert page.status_code == 200
    assert secret in page.text
    assert page.headers["cache-control"] == "no-store"
    again = desk.post("/passphrase", data={"request_id": rid}, headers=as_user(DPO))
    assert again.status_code == 422
    assert secret not in again.text
    assert "was shown on" in again.text
    assert "dpo_desk:dpo" in again.text
    renewed = new_passphrase()  # a new delivery of the same request: a new passphrase, once
    keep_passphrase(demo_org.ledger, rid, renewed, TEST_NOW + timedelta(days=1))
    assert renewed in desk.post("/passphrase", data={"request_id": rid}, headers=as_user(DPO)).text
    unknown = desk.post("/passphrase", data={"request_id": "R-2026-999999"}, headers=as_user(DPO))
    assert unknown.status_code == 422
    assert "has no package passphrase" in unknown.text
