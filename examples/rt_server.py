"""A local Request Tracker 5 for an organisation whose ticketing system is RT: the tests' server
(tests/rt/plugin.py), the benchmark's (bench/rt.py) and `make run ORG=agency`'s.

Debian's ``request-tracker5`` with SQLite, pointed at a site configuration of its own (never
/etc/request-tracker5): ``initialise`` creates a database with RT's ``rt-setup-database`` and
the queues and custom fields of a data file; ``serve`` runs RT's standalone server
(``rt-server``) over it on a free port, in a process group of its own, stopped by its PID.
Logins are RT's ``root`` with the password ``rt-setup-database`` gives it.

    python -m examples.rt_server start agency var   # `make run ORG=agency`: var/agency/rt, var/rt.pid
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SETUP = Path("/usr/sbin/rt-setup-database")
SERVER = Path("/usr/share/request-tracker5/libexec/rt-server")
LOGIN, PASSWORD = "root", "password"  # what rt-setup-database gives RT's root
START_SECONDS = 60
NOT_INSTALLED = (
    "Request Tracker 5 is not installed: `make packages` as root installs request-tracker5"
)


def installed() -> bool:
    return SETUP.exists() and SERVER.exists()


@dataclass(frozen=True)
class RtServer:
    url: str  # the RT web root
    login: str = LOGIN
    password: str = PASSWORD

    def conn_json(self) -> str:
        """The Airflow connection of this RT, as a deployer defines it (JSON form)."""
        return json.dumps(
            {"conn_type": "http", "host": self.url, "login": self.login, "password": self.password}
        )

    def api(self, method: str, path: str, body: object = None, **params: object) -> object:
        """A REST 2 call, independent of the product's connector (seeders and tests use it)."""
        import requests

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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(
    directory: Path, database: Path, port: int, name: str = "gdpr-test"
) -> dict[str, str]:
    """RT's site configuration for one instance, and the environment that points RT at it
    instead of /etc/request-tracker5 (RT_SITE_CONFIG, RT_SITE_CONFIG_DIR)."""
    (directory / "RT_SiteConfig.d").mkdir(parents=True, exist_ok=True)
    (directory / "RT_SiteConfig.pm").write_text(
        f"""Set($rtname, '{name}');
Set($Organization, '{name}');
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


def initialise(directory: Path, database: Path, datafile: Path) -> None:
    """A fresh RT database: RT's own schema and data, then the queues and custom fields of
    ``datafile`` (rt-setup-database's Perl data file)."""
    env = site_config(directory, database, free_port())
    for action in (["--action", "init"], ["--action", "insert", "--datafile", str(datafile)]):
        subprocess.run(
            [str(SETUP), *action, "--skip-create"], env=env, check=True, capture_output=True
        )


def start(directory: Path, database: Path, port: int) -> tuple[subprocess.Popen, RtServer]:
    """RT's standalone server over ``database`` on ``port``, leading a process group of its own,
    once it answers (or RuntimeError with its log)."""
    env = site_config(directory, database, port)
    with (directory / "server.log").open("wb") as log:
        process = subprocess.Popen(
            [str(SERVER), "--port", str(port)],
            env=env,
            cwd=directory,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = RtServer(f"http://127.0.0.1:{port}")
    import requests

    deadline = time.monotonic() + START_SECONDS
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"rt-server exited: {(directory / 'server.log').read_text()}")
        try:
            requests.get(f"{server.url}/REST/2.0/", timeout=2)
            return process, server
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                stop(process)
                raise
            time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    """TERM to the server's process group (its forked workers too), KILL after 20 seconds."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def serve(directory: Path, database: Path) -> Iterator[RtServer]:
    """RT's standalone server over ``database`` on a free port, stopped by its PID on exit."""
    process, server = start(directory, database, free_port())
    try:
        yield server
    finally:
        stop(process)


def main(argv: list[str] | None = None) -> int:
    """``start <org> <var>``: a fresh RT for the organisation in ``<var>/<org>/rt`` on
    ``GDPR_RT_PORT``, left running; its process group id in ``<var>/rt.pid``."""
    from examples import SHIPPED, load

    parser = argparse.ArgumentParser(prog="python -m examples.rt_server")
    parser.add_argument("action", choices=("start",))
    parser.add_argument("org", choices=SHIPPED)
    parser.add_argument("var", type=Path)
    args = parser.parse_args(argv)
    org = load(args.org)
    if getattr(org, "RT_INITIALDATA", None) is None:
        parser.error(f"the {args.org} organisation has no Request Tracker")
    if not installed():
        print(NOT_INSTALLED, file=sys.stderr)
        return 1
    directory = (args.var / args.org / "rt").resolve()
    shutil.rmtree(directory, ignore_errors=True)  # a re-run is a reset, as the seed of SQL is
    directory.mkdir(parents=True)
    database = directory / "rt.db"
    initialise(directory, database, org.RT_INITIALDATA)
    port = int(os.environ.get("GDPR_RT_PORT", "5057"))
    process, server = start(directory, database, port)
    (args.var / "rt.pid").write_text(f"{process.pid}\n", encoding="utf-8")
    print(f"Request Tracker 5 of {args.org} on {server.url} (log: {directory / 'server.log'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
