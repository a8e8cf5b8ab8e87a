"""gdpr_deadline_watch run for real: alerts by e-mail (local SMTP) and chat webhook, each sent
once across repeated runs, the escalation of a late breach, the board, no personal data."""

from __future__ import annotations

import json
import logging
import shutil
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from gdpr.deadlines import request_due_at
from gdpr.ledger import Ledger
from gdpr.ledger.clock import utc_now
from tests.conftest import ROOT
from tests.dags.conftest import task_states, xcom_text

DAG_ID = "gdpr_deadline_watch"
SUBJECT = "late.requester@example.org"


class Webhook:
    """A chat webhook on a local port, recording the JSON documents posted to it."""

    def __init__(self) -> None:
        posts = self.posts = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                posts.append(json.loads(body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def stop(self) -> None:
        self.server.shutdown()


@pytest.fixture
def webhook(demo_org, tmp_path, monkeypatch):
    """The demo map with `alerts.webhook_conn_id: gdpr_chat`, and that connection's server."""
    hook = Webhook()
    include = tmp_path / "include"
    shutil.copytree(ROOT / "include", include)
    path = include / "datamap.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  email_conn_id: smtp_default\n",
            "  email_conn_id: smtp_default\n  webhook_conn_id: gdpr_chat\n",
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("GDPR_DATAMAP", str(path))
    monkeypatch.setenv(
        "AIRFLOW_CONN_GDPR_CHAT", json.dumps({"conn_type": "http", "host": hook.url})
    )
    yield hook
    hook.stop()


def _seed(ledger: Ledger, now: datetime) -> dict[str, str]:
    zone = "Europe/Paris"
    late = now - timedelta(days=40)
    fresh = now - timedelta(hours=1)
    overdue = ledger.create_request(
        kind="access",
        subject_email=SUBJECT,
        received_at=late,
        due_at=request_due_at(late, zone),
        channel="test",
        external_ref="late",
    )
    quiet = ledger.create_request(
        kind="erasure",
        subject_email=SUBJECT,
        received_at=fresh,
        due_at=request_due_at(fresh, zone),
        channel="test",
        external_ref="fresh",
    )
    common = {"description": "d", "systems": ["crm"], "datasets": [], "categories": []}
    escalated = ledger.create_breach(
        title="Lost laptop", aware_at=now - timedelta(hours=80), high_risk=True, **common
    )
    running = ledger.create_breach(
        title="Misdirected mail", aware_at=now - timedelta(hours=30), high_risk=False, **common
    )
    return {
        "overdue": overdue.request_id,
        "quiet": quiet.request_id,
        "escalated": escalated.breach_id,
        "running": running.breach_id,
    }


def test_each_alert_is_sent_once_across_repeated_watch_runs(
    demo_org, smtp_server, webhook, run_dag, capfd, caplog
):
    caplog.set_level(logging.INFO)
    ledger = Ledger(demo_org.ledger)
    ids = _seed(ledger, utc_now())
    dpo = demo_org.datamap.organisation.dpo.email
    (director,) = demo_org.datamap.alerts.escalation_recipients

    first = run_dag(DAG_ID)
    assert first.state == "success", task_states(first)
    to_dpo = sorted(m["Subject"] for m in smtp_server.to(dpo))
    assert len(to_dpo) == 3, to_dpo
    assert any(ids["overdue"] in s and "OVERDUE" in s for s in to_dpo)
    assert any(ids["escalated"] in s and "72 hours passed" in s for s in to_dpo)
    assert any(ids["running"] in s and "within" in s for s in to_dpo)
    assert not any(ids["quiet"] in s for s in to_dpo)  # received an hour ago: no alert yet
    to_director = sorted(m["Subject"] for m in smtp_server.to(director))
    assert len(to_director) == 2
    assert all("OVERDUE" in s for s in to_director)
    assert sorted(p["target"] for p in webhook.posts) == sorted(
        [ids["overdue"], ids["escalated"], ids["running"]]
    )
    assert {p["occasion"] for p in webhook.posts if p["topic"] == "breach"} == {
        "escalation",
        "due-in-48h",
    }

    for _ in range(2):
        again = run_dag(DAG_ID)
        assert again.state == "success", task_states(again)
    assert len(smtp_server.messages) == 5
    assert len(webhook.posts) == 3
    outcome = again.get_task_instance("alert").xcom_pull(task_ids="alert")
    assert outcome["sent"] == 0
    assert outcome["already_sent"] == 8

    escalations = [e for e in ledger.evidence() if e.action == "breach.escalation"]
    assert [e.detail["breach_id"] for e in escalations] == [ids["escalated"]]

    # The board lists every open clock, least time left first, and no identity.
    key = "deadlines/board.html"
    board = demo_org.s3.get_object(Bucket=demo_org.datamap.reports.bucket, Key=key)["Body"]
    page = board.read().decode()
    order = [page.index(ids[k]) for k in ("overdue", "escalated", "running", "quiet")]
    assert order == sorted(order)

    messages = "\n".join(m.get_body(("html", "plain")).get_content() for m in smtp_server.messages)
    logs = capfd.readouterr()
    for text in (
        page,
        messages,
        json.dumps(webhook.posts),
        xcom_text(again),
        logs.out,
        logs.err,
        caplog.text,
    ):
        assert SUBJECT not in text.lower()


@pytest.fixture
def lenient_map(demo_org, tmp_path, monkeypatch):
    """The demo map with the lenient clock readings: extensions end three months from receipt,
    and deadlines move off weekends and French public holidays (Reg. 1182/71 Art. 3(4))."""
    include = tmp_path / "include"
    shutil.copytree(ROOT / "include", include)
    path = include / "datamap.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  identity_check_pause: false\n",
            "  identity_check_pause: false\n  extension_end: three_months_from_receipt\n"
            "  working_day_shift: true\n",
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("GDPR_DATAMAP", str(path))
    return path


def test_the_clock_readings_of_the_map_move_the_board_the_alerts_and_the_extension(
    demo_org, smtp_server, lenient_map, run_dag
):
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    ledger = Ledger(demo_org.ledger)

    def request(received: datetime, ref: str) -> str:
        return ledger.create_request(
            kind="access",
            subject_email=SUBJECT,
            received_at=received,
            due_at=request_due_at(received, "Europe/Paris"),
            channel="test",
            external_ref=ref,
        ).request_id

    saturday = request(datetime(2026, 10, 21, 10, tzinfo=paris), "due-saturday")  # 21 Nov: Sat
    extended = request(datetime(2026, 10, 31, 10, tzinfo=paris), "extended")  # due 30 Nov

    decision = run_dag(
        "gdpr_request_decision", request_id=extended, action="extend", reason="Complex request"
    )
    assert decision.state == "success", task_states(decision)
    # three months from receipt (31 Jan 2027), not the earlier reading (30 Jan)
    end = ledger.get_request(extended).extended_due_at.astimezone(paris)
    assert (end.date().isoformat(), end.hour, end.minute) == ("2027-01-31", 23, 59)

    watched = run_dag(DAG_ID)
    assert watched.state == "success", task_states(watched)
    (alert,) = [
        m["Subject"]
        for m in smtp_server.to(demo_org.datamap.organisation.dpo.email)
        if saturday in m["Subject"]
    ]
    assert "on 2026-11-23 23:59 CET (moved from Sat 2026-11-21" in alert
    key = "deadlines/board.html"
    board = demo_org.s3.get_object(Bucket=demo_org.datamap.reports.bucket, Key=key)["Body"]
    page = board.read().decode()
    assert "An extended request ends three months from receipt" in page
    assert "moved to the next working day (Reg. 1182/71 Art. 3(4), public holidays of FR)" in page
    assert "moved from Sat 2026-11-21" in page
    assert "2027-02-01 23:59 CET" in page  # 31 January 2027 is a Sunday
    assert "moved from Sun 2027-01-31" in page
