"""A real Request Tracker 5 for the tests of the rt connector, as a plugin a test module requires
(``pytest_plugins = ["tests.rt.plugin"]``).

Debian's ``request-tracker5`` (``make rt`` installs it) with SQLite: once per session, a
database is initialised (``rt-setup-database``), given the queues and custom field of
``initialdata.pl``, and seeded through REST 2 with the tickets of ``SEED``; each test gets a
copy of that database served by RT's standalone server (``rt-server``) on a free port, started
in its own process group and stopped by its PID. The tests authenticate as RT's ``root`` with
basic authentication. Without the package, the tests that use it are skipped, saying so.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

SETUP = Path("/usr/sbin/rt-setup-database")
SERVER = Path("/usr/share/request-tracker5/libexec/rt-server")
INITIALDATA = Path(__file__).with_name("initialdata.pl")
LOGIN, PASSWORD = "root", "password"  # what rt-setup-database gives RT's root
START_SECONDS = 60


@dataclass(frozen=True)
class SeedTicket:
    queue: str
    requestor: str
    subject: str
    content: str
    created: str  # "YYYY-MM-DD HH:MM:SS" UTC, written in RT's database (REST 2 cannot set it)
    customer_number: str | None = None
    request_type: str | None = None  # the Privacy queue's custom field
    resolved: str | None = None  # "YYYY-MM-DD HH:MM:SS" UTC: the ticket is resolved then
    reply: str | None = None  # staff correspondence added after creation
    attachment: tuple[str, str] | None = None  # (file name, text content)


# Tickets of the demo subjects of tests/integration/rt_map.py (ids 1.. in this order)
SEED = (
    SeedTicket(
        "Support",
        "Alice.Martin@example.com",
        "Refund for Alice Martin",
        "Hello, I was charged twice for order 1001. I am recovering from chemotherapy "
        "and cannot come to the shop.",
        "2026-09-28 08:15:00",
        customer_number="C-1001",
        resolved="2026-10-02 09:00:00",
        reply="We refunded the second payment, Ms Martin.",
        attachment=("receipt-1001.txt", "Receipt of order 1001 for Alice Martin"),
    ),
    SeedTicket(
        "Support",
        "alice.martin@example.com",
        "Late delivery",
        "My parcel has not arrived.",
        "2018-12-20 17:40:00",
        customer_number="C-1001",
        resolved="2019-01-10 10:00:00",
    ),
    SeedTicket(
        "Support",
        "bob.durand@example.com",
        "Sizes",
        "Do you have the jacket in size L?",
        "2026-11-10 10:00:00",
        customer_number="C-1002",
    ),
    SeedTicket(
        "Privacy",
        "alice.martin@example.com",
        "Please erase my data",
        "I ask you to erase all my personal data.",
        "2026-11-16 09:30:00",
        request_type="erasure",
    ),
)


@dataclass(frozen=True)
class RtServer:
    url: str  # the RT web root
    login: str
    password: str

    def conn_json(self) -> str:
        """The Airflow connection of this RT, as a deployer defines it (JSON form)."""
        return json.dumps(
            {"conn_type": "http", "host": self.url, "login": self.login, "password": self.password}
        )

    def api(self, method: str, path: str, body: object = None, **params: object) -> object:
        """A REST 2 call as the tests check RT's state with, independently of the connector."""
        response = requests.request(
            method,
            f"{self.url}/REST/2.0/{path}",
            json=body,
            params=params,
            auth=(self.login, self.password),
            timeout=30,
        )
        response.raise_for_status()
        return response.json()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _config(directory: Path, database: Path, port: int) -> dict[str, str]:
    """RT's site configuration for one instance, and the environment that points RT at it
    instead of /etc/request-tracker5 (RT_SITE_CONFIG, RT_SITE_CONFIG_DIR)."""
    (directory / "RT_SiteConfig.d").mkdir(parents=True, exist_ok=True)
    (directory / "RT_SiteConfig.pm").write_text(
        f"""Set($rtname, 'gdpr-test');
Set($Organization, 'gdpr-test');
Set($DatabaseType, 'SQLite');
Set($DatabaseName, '{database}');
Set($WebDomain, '127.0.0.1');
Set($WebPort, {port});
Set($WebPath, '');
Set($WebBaseURL, 'http://127.0.0.1:{port}');
Set($LogToSyslog, undef);
Set($LogToSTDERR, 'error');
Set($Timezone, 'UTC');
Set($MailCommand, 'testfile');
1;
""",
        encoding="utf-8",
    )
    return {
        **os.environ,
        "RT_SITE_CONFIG": str(directory / "RT_SiteConfig.pm"),
        "RT_SITE_CONFIG_DIR": str(directory / "RT_SiteConfig.d"),
    }


@contextmanager
def _serve(directory: Path, database: Path) -> Iterator[RtServer]:
    """RT's standalone server over ``database`` on a free port, stopped by its PID on exit
    (with the workers it forked: it leads a process group of its own)."""
    port = _free_port()
    env = _config(directory, database, port)
    log = (directory / "server.log").open("wb")
    process = subprocess.Popen(
        [str(SERVER), "--port", str(port)],
        env=env,
        cwd=directory,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = RtServer(f"http://127.0.0.1:{port}", LOGIN, PASSWORD)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"rt-server exited: {(directory / 'server.log').read_text()}")
            try:
                requests.get(f"{server.url}/REST/2.0/", timeout=2)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def _seed(server: RtServer) -> None:
    """The tickets of ``SEED``, through REST 2 as an RT user would create them."""
    for ticket in SEED:
        body: dict = {
            "Queue": ticket.queue,
            "Requestor": ticket.requestor,
            "Subject": ticket.subject,
            "Content": ticket.content,
            "ContentType": "text/plain",
        }
        custom = {"Customer number": ticket.customer_number, "Request type": ticket.request_type}
        if any(custom.values()):
            body["CustomFields"] = {name: value for name, value in custom.items() if value}
        if ticket.attachment:
            name, text = ticket.attachment
            body["Attachments"] = [
                {
                    "FileName": name,
                    "FileType": "text/plain",
                    "FileContent": base64.b64encode(text.encode()).decode(),
                }
            ]
        created = server.api("POST", "ticket", body)
        if ticket.reply:
            server.api(
                "POST",
                f"ticket/{created['id']}/correspond",
                {"Content": ticket.reply, "ContentType": "text/plain"},
            )
        if ticket.resolved:  # resolving stamps the time: the seeded date is set after
            server.api("PUT", f"ticket/{created['id']}", {"Status": "resolved"})
            server.api("PUT", f"ticket/{created['id']}", {"Resolved": ticket.resolved})


@pytest.fixture(scope="session")
def rt_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's seeded RT database (SQLite), initialised once; tests serve copies."""
    if not SETUP.exists() or not SERVER.exists():
        pytest.skip(
            "Request Tracker 5 is not installed: `make rt` as root installs request-tracker5"
        )
    directory = tmp_path_factory.mktemp("rt-pristine")
    database = directory / "rt.db"
    env = _config(directory, database, _free_port())
    for action in (["--action", "init"], ["--action", "insert", "--datafile", str(INITIALDATA)]):
        subprocess.run(
            [str(SETUP), *action, "--skip-create"], env=env, check=True, capture_output=True
        )
    with _serve(directory, database) as server:
        _seed(server)
    with sqlite3.connect(database) as conn:  # what REST 2 cannot set: when a ticket came in
        conn.executemany(
            "UPDATE Tickets SET Created = ? WHERE id = ?",
            [(ticket.created, number) for number, ticket in enumerate(SEED, start=1)],
        )
    return database


@pytest.fixture
def rt_server(rt_database: Path, tmp_path: Path) -> Iterator[RtServer]:
    """A running RT over a fresh copy of the seeded database, for one test."""
    directory = tmp_path / "rt"
    directory.mkdir()
    database = directory / "rt.db"
    shutil.copyfile(rt_database, database)
    with _serve(directory, database) as server:
        yield server
