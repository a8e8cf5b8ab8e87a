"""The DPO desk in a real browser: Debian's chromium driven by Playwright against a real
`airflow api-server` (simple auth manager, two users) with the desk plugin loaded from plugins/.

The DPO signs in through Airflow's login page, opens the desk from the navigation, registers a
request (the desk triggers the DAG through Airflow's REST API with the request id), sees its
clock on the board; the second user sees the same board with the identity masked. Screenshots go
to docs/img/ for docs/desk.md.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

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
USERS = {"dpo": "dpo-password-1", "clerk": "clerk-password-2"}
EMAIL = "Camille.Durand@Example.FR"
SHOTS = ROOT / "docs" / "img"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"{CHROMIUM} is missing: `make test` installs it with apt-get when run as root "
    "(apt-get install -y chromium); as another user install it once by hand",
)


def _airflow(env: dict[str, str], *args: str, timeout: int = 600) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "airflow", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture
def airflow_server(demo_org, tmp_path):
    """A real api-server on a free port, its own metadata database and the DAGs serialised."""
    home = tmp_path / "airflow-home"
    home.mkdir()
    passwords = home / "passwords.json"
    passwords.write_text(json.dumps(USERS))
    port = _free_port()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW__CORE__AUTH_MANAGER": (
            "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager"
        ),
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "dpo:admin,clerk:viewer",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords),
        "AIRFLOW__API_AUTH__JWT_SECRET": "browser-test-secret",
        "AIRFLOW__API__SECRET_KEY": "browser-test-secret",
        "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{port}",
        "AIRFLOW__GDPR__DPO_USERS": "dpo",
        "GDPR_DATAMAP": str(DATAMAP_PATH),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "plugins")]),
    }
    _airflow(env, "db", "migrate")
    _airflow(env, "dags", "reserialize")
    log = (tmp_path / "api-server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "browser" / "serve_at_test_now.py"),
            "api-server",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, (tmp_path / "api-server.log").read_text()[-3000:]
            try:
                if httpx.get(f"{base}/api/v2/monitor/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the api-server did not answer in 180 s"
            time.sleep(1)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


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


def _api_token(base: str, user: str) -> str:
    response = httpx.post(
        f"{base}/auth/token", json={"username": user, "password": USERS[user]}, timeout=30
    )
    response.raise_for_status()
    return response.json()["access_token"]


def test_dpo_registers_a_request_and_sees_its_clock(airflow_server, demo_org):
    from playwright.sync_api import sync_playwright

    from gdpr.ledger import Ledger

    base = airflow_server
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

            page.goto(f"{base}/gdpr-desk/register")
            page.fill("#email", EMAIL)
            page.select_option("#kind", "erasure")
            page.fill("#note", "letter received at the shop")
            page.screenshot(path=str(SHOTS / "desk-register.png"), full_page=True)
            page.click("#register button[type='submit']")
            page.wait_for_url(re.compile(r"/gdpr-desk/\?"), timeout=60_000)

            status = page.locator("[role='status']").inner_text()
            match = re.search(
                r"request (R-\d{4}-\d+) registered; gdpr_subject_erasure started", status
            )
            assert match, status
            rid = match.group(1)
            row = page.locator(f"tr[data-request='{rid}']")
            assert "camille.durand@example.fr" in row.inner_text()
            assert "2026-11-18" in row.inner_text()  # received at the suite's instant
            assert "ok" in row.locator(".badge").inner_text()
            assert re.search(r"\d+ d \d+ h", row.locator(".left").inner_text())
            page.screenshot(path=str(SHOTS / "desk-board.png"), full_page=True)

            # the same board inside Airflow's UI, from the navigation
            page.goto(f"{base}/plugin/dpo-desk")
            embedded = page.frame_locator("iframe").first
            embedded.locator(f"tr[data-request='{rid}']").wait_for(timeout=60_000)
            page.screenshot(path=str(SHOTS / "desk-in-airflow.png"))

            # the charts, on a year of history
            _seed_history(demo_org.ledger)
            page.goto(f"{base}/gdpr-desk/charts")
            assert page.locator("svg.chart").count() == 4
            page.screenshot(path=str(SHOTS / "desk-charts.png"), full_page=True)

            # the clerk sees the clock but not who it is about
            other = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
            _log_in(other, base, "clerk")
            other.goto(f"{base}/gdpr-desk/")
            masked = other.locator(f"tr[data-request='{rid}']").inner_text()
            assert "c***@e***.fr" in masked
            assert "camille" not in other.content().lower()
        finally:
            browser.close()

    record = Ledger(demo_org.ledger).get_request(rid)
    assert record.subject_email == "camille.durand@example.fr"
    assert record.kind == "erasure"
    # the run Airflow holds carries the request id and nothing else
    token = _api_token(base, "dpo")
    runs = httpx.get(
        f"{base}/api/v2/dags/gdpr_subject_erasure/dagRuns",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ).json()["dag_runs"]
    assert [run["conf"] for run in runs] == [{"request_id": rid}]
    assert "camille" not in json.dumps(runs).lower()
