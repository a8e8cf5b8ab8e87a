"""The DPO desk in a real browser: Debian's chromium driven by Playwright against a real Airflow
(`airflow api-server`, `scheduler` and `triggerer` on a free port, simple auth manager with a
DPO, a second approver and a clerk) with the desk plugin loaded from plugins/, on the demo
organisation seeded in PostgreSQL, MariaDB and moto S3.

The whole DPO journey: the DPO signs in through Airflow's login page, opens the desk from the
navigation, registers an erasure request (the desk triggers gdpr_subject_erasure through
Airflow's REST API with the request id alone) and sees its clock on the board. The run previews
and waits for approval; the DPO who asked is refused by Airflow (four eyes); the second approver
signs in, follows the desk's link to Airflow's Required actions page and approves; the run erases,
certifies and notifies to the end, and the DPO opens the certificate from the desk's evidence
page. A clerk sees the board with the identity masked. Screenshots go to docs/img/ for
docs/desk.md.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from cryptography.fernet import Fernet

from tests.airflow_processes import (
    SIMPLE_AUTH_MANAGER,
    AirflowUnderTest,
    RunWatch,
    airflow_cli,
    start,
    stop,
)
from tests.conftest import DATAMAP_PATH, ROOT, _free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
USERS = {"dpo": "dpo-password-1", "deputy": "deputy-password-3", "clerk": "clerk-password-2"}
ROLES = "dpo:admin,deputy:user,clerk:viewer"
APPROVERS = "dpo,deputy"  # GDPR_APPROVERS: the DPO asks, so only the deputy may approve
ERASURE = "gdpr_subject_erasure"
RUN_TIMEOUT = 240  # seconds for the erasure run to reach its approval, then to finish
EMAIL = "Camille.Durand@Example.FR"
SHOTS = ROOT / "docs" / "img"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"{CHROMIUM} is missing: `make test` installs it with apt-get when run as root "
    "(apt-get install -y chromium); as another user install it once by hand",
)


@pytest.fixture
def airflow_server(demo_org, smtp_server, tmp_path, monkeypatch):
    """A real Airflow on a free port: api-server, scheduler (LocalExecutor) and triggerer (the
    approval is a deferred human-in-the-loop task), its own SQLite metadata database and the
    DAGs serialised. Mail goes to the test's SMTP server; the organisation's connections are the
    demo's (tests/conftest.py)."""
    monkeypatch.setenv("AIRFLOW_VAR_GDPR_SUPPRESSION_KEY", "browser-suppression-key-0123456789ab")
    home = tmp_path / "airflow-home"
    home.mkdir()
    passwords = home / "passwords.json"
    passwords.write_text(json.dumps(USERS))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        # a package passphrase is kept encrypted with it (gdpr.access.secret)
        "AIRFLOW__CORE__FERNET_KEY": Fernet.generate_key().decode(),
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__PARALLELISM": "2",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{base}/execution/",
        "AIRFLOW__CORE__AUTH_MANAGER": SIMPLE_AUTH_MANAGER,
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": ROLES,
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords),
        "AIRFLOW__API_AUTH__JWT_SECRET": "browser-test-secret-0123456789abcdef0123456789abcdef"
        "0123456789abcdef",
        "AIRFLOW__API__SECRET_KEY": "browser-test-secret",
        "AIRFLOW__API__BASE_URL": base,
        "AIRFLOW__GDPR__DPO_USERS": "dpo,deputy",
        # the log servers of the scheduler and the triggerer on free ports, not 8793/8794
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(_free_port()),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(_free_port()),
        "GDPR_APPROVERS": APPROVERS,
        "GDPR_FOUR_EYES": "true",
        "GDPR_DATAMAP": str(DATAMAP_PATH),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "plugins")]),
    }
    airflow_cli(env, "db", "migrate")
    airflow_cli(env, "dags", "reserialize")
    logs = {name: tmp_path / f"{name}.log" for name in ("api-server", "scheduler", "triggerer")}
    processes = [
        start(
            env,
            logs["api-server"],
            "api-server",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
        ),
        start(env, logs["scheduler"], "scheduler"),
        start(env, logs["triggerer"], "triggerer"),
    ]
    server = AirflowUnderTest(base, logs, USERS)
    try:
        server.wait_until_healthy(processes)
        yield server
    finally:
        for process in processes:
            stop(process)


def _log_in(page, base: str, user: str) -> None:
    page.goto(f"{base}/auth/login")
    page.locator("input[name='username'], input#username").first.fill(user)
    page.locator("input[type='password']").first.fill(USERS[user])
    page.locator("button[type='submit']").first.click()
    page.wait_for_url(re.compile(r"^(?!.*auth/login).*$"), timeout=60_000)


def _seed_history(engine) -> None:
    """A year of answered requests, purges and minimisation findings, for the charts."""
    from datetime import timedelta

    from gdpr.ledger import EvidenceInput, Ledger
    from tests.clock import TEST_NOW

    for back in range(11, 0, -1):
        at = TEST_NOW - timedelta(days=30 * back)
        ledger = Ledger(engine, clock=lambda at=at: at)
        for n in range(2 + back % 4):
            received = at - timedelta(days=5 + 9 * n)
            record = ledger.create_request(
                kind=("access", "erasure", "portability")[n % 3],
                subject_email=f"subject{back}-{n}@example.org",
                received_at=received,
                due_at=received + timedelta(days=30),
                channel="email",
            )
            ledger.update_request(
                record.request_id,
                status="completed",
                closed_at=received + timedelta(days=4 + 7 * n),
            )
        for rule, count in (("prospects-3y-inactive", 40 + 7 * back), ("tickets-2y", 12 + back)):
            ledger.record_evidence(
                EvidenceInput(
                    action="retention.delete",
                    rule=rule,
                    dataset="x.y",
                    count=count,
                    keys_sha256="0" * 64,
                )
            )
        ledger.record_evidence(
            EvidenceInput(
                action="minimisation.check",
                dataset="helpdesk.messages",
                count=3 + back,
                detail={
                    "by_category": {"user.health": 1 + back // 2, "user.financial": 2 + back % 3}
                },
            )
        )


def _customers(engine, email: str) -> int:
    import sqlalchemy as sa

    with engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT count(*) FROM customers WHERE lower(email) = :e"), {"e": email}
        ).scalar_one()


def test_dpo_journey_register_clock_erasure_approved_by_a_second_user_certificate(
    airflow_server, demo_org, smtp_server
):
    from playwright.sync_api import sync_playwright

    from gdpr.ledger import Ledger

    server, base = airflow_server, airflow_server.base
    subject = EMAIL.lower()
    assert _customers(demo_org.crm, subject) == 1
    dpo_token = server.token("dpo")
    unpaused = server.api(dpo_token, "PATCH", f"/dags/{ERASURE}", json={"is_paused": False})
    assert unpaused.status_code == 200, unpaused.text
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            _log_in(page, base, "dpo")

            # the desk is in Airflow's navigation, embedded as a plugin page
            page.goto(f"{base}/plugin/dpo-desk")
            frame = page.frame_locator("iframe").first
            frame.locator("text=Open requests and breaches").wait_for(timeout=60_000)

            # register the erasure: the address goes to the ledger, the run gets the id
            page.goto(f"{base}/gdpr-desk/register")
            page.fill("#email", EMAIL)
            page.select_option("#kind", "erasure")
            page.fill("#note", "letter received at the shop")
            page.screenshot(path=str(SHOTS / "desk-register.png"), full_page=True)
            page.click("#register button[type='submit']")
            page.wait_for_url(re.compile(r"/gdpr-desk/\?"), timeout=60_000)

            status = page.locator("[role='status']").inner_text()
            match = re.search(
                rf"request (R-\d{{4}}-\d+) registered; {ERASURE} started \(run ([^)]+)\)", status
            )
            assert match, status
            rid, run_id = match.group(1), match.group(2)
            # its clock on the board
            row = page.locator(f"tr[data-request='{rid}']")
            assert subject in row.inner_text()
            assert "2026-11-18" in row.inner_text()  # received at the suite's instant
            assert "ok" in row.locator(".badge").inner_text()
            assert re.search(r"\d+ d \d+ h", row.locator(".left").inner_text())

            # the run previews and waits for approval: the board links to it
            watch = RunWatch(server, dpo_token, ERASURE, run_id)

            def approval_on_board():
                watch.check()
                page.goto(f"{base}/gdpr-desk/")
                link = page.locator(f"a[href*='{ERASURE}'][href*='required_actions']")
                return link.count() > 0 and link.first.get_attribute("href")

            approval_href = server.wait(
                "the approval waiting on the board", approval_on_board, RUN_TIMEOUT
            )
            assert f"/runs/{quote(run_id, safe='')}/tasks/approve/" in approval_href
            page.screenshot(path=str(SHOTS / "desk-board.png"), full_page=True)

            # four eyes: the DPO asked, so Airflow refuses the DPO's answer
            hitl = f"/dags/{ERASURE}/dagRuns/{run_id}/taskInstances/approve/-1/hitlDetails"
            detail = server.api(dpo_token, "GET", hitl).json()
            assert [u["id"] for u in detail["assigned_users"]] == ["deputy"]
            refused = server.api(
                dpo_token,
                "PATCH",
                hitl,
                json={"chosen_options": ["Approve"], "params_input": {}},
            )
            assert refused.status_code == 403, refused.text

            # the same board inside Airflow's UI, from the navigation
            page.goto(f"{base}/plugin/dpo-desk")
            embedded = page.frame_locator("iframe").first
            embedded.locator(f"tr[data-request='{rid}']").wait_for(timeout=60_000)
            page.screenshot(path=str(SHOTS / "desk-in-airflow.png"))

            # the second approver follows the desk's link and approves in Airflow's UI
            deputy = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            _log_in(deputy, base, "deputy")
            deputy.goto(f"{base}/gdpr-desk/")
            deputy.locator(f"a[href*='{ERASURE}'][href*='required_actions']").first.click()
            approve = deputy.get_by_role("button", name="Approve", exact=True)
            approve.wait_for(timeout=60_000)
            approve.scroll_into_view_if_needed()
            deputy.screenshot(path=str(SHOTS / "desk-approval.png"))
            approve.click()

            def run_state():
                state = watch.check()
                return state if state in ("success", "failed") else None

            assert server.wait("the erasure run to finish", run_state, RUN_TIMEOUT) == "success"
            answered = server.api(dpo_token, "GET", hitl).json()
            assert answered["responded_by_user"]["id"] == "deputy"
            assert answered["chosen_options"] == ["Approve"]
            assert _customers(demo_org.crm, subject) == 0

            # the certificate, from the desk's evidence page
            page.goto(f"{base}/gdpr-desk/evidence")
            certificate = page.locator(
                "#reports tr", has=page.locator("td", has_text=re.compile(r"^certificate$"))
            ).first.locator("a")
            assert rid in certificate.inner_text()
            page.screenshot(path=str(SHOTS / "desk-evidence.png"), full_page=True)
            page.goto(base + certificate.get_attribute("href"))
            text = page.locator("body").inner_text()
            assert rid in text
            assert "erase" in text.lower()
            page.screenshot(path=str(SHOTS / "desk-certificate.png"))

            # the charts, on a year of history
            _seed_history(demo_org.ledger)
            page.goto(f"{base}/gdpr-desk/charts")
            assert page.locator("svg.chart").count() == 4
            page.screenshot(path=str(SHOTS / "desk-charts.png"), full_page=True)

            # the clerk sees the request but not who it is about
            other = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
            _log_in(other, base, "clerk")
            other.goto(f"{base}/gdpr-desk/evidence")
            assert rid in other.content()
            assert "camille" not in other.content().lower()
        finally:
            browser.close()

    ledger = Ledger(demo_org.ledger)
    record = ledger.get_request(rid)
    assert record.subject_email == subject
    assert (record.kind, record.status) == ("erasure", "completed")
    assert smtp_server.messages, "the Art. 19 recipients were told"
    # the run Airflow holds carries the request id and nothing else
    runs = server.api(dpo_token, "GET", f"/dags/{ERASURE}/dagRuns").json()["dag_runs"]
    assert [run["conf"] for run in runs] == [{"request_id": rid}]
    assert "camille" not in json.dumps(runs).lower()
    # a real scheduler wrote task logs (dag.test writes none): no planted identity in them, nor
    # in any table of Airflow's metadata database
    from tests.dags.test_no_personal_data_in_airflow import (
        log_hits,
        metadata_hits,
        planted_identities,
    )

    home = server.logs["api-server"].parent / "airflow-home"
    assert list((home / "logs").rglob("*.log")), "the scheduler's task logs were written"
    assert log_hits(home, planted_identities()) == [], "personal data in a task log file"
    assert metadata_hits(f"sqlite:///{home}/airflow.db", planted_identities()) == []
