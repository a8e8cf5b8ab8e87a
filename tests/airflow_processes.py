"""A real Airflow, as processes on this machine: what the browser and the distributed tests share.

``airflow_cli`` runs one command to its end (``db migrate``, ``dags reserialize``); ``start``
launches a long-running one (api-server, scheduler, worker...) at the suite's instant
(tests/browser/serve_at_test_now.py) in a process group of its own, and ``stop`` ends it with
everything it spawned. ``AirflowUnderTest`` knows the API's address and the logs, whose tails a
failing test prints; ``api_token``/``api`` talk to the REST API as a user of the simple auth
manager; ``RunWatch`` follows a run and fails the test at once, with the task's log, when a task
fails or waits for a retry.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT

SERVE_AT_TEST_NOW = ROOT / "tests" / "browser" / "serve_at_test_now.py"
SIMPLE_AUTH_MANAGER = (
    "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager"
)


def airflow_cli(env: dict[str, str], *args: str, timeout: int = 600) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "airflow", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def start(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen:
    """An Airflow command at the suite's instant, in a process group of its own so that it is
    stopped with everything it spawned."""
    return subprocess.Popen(
        [sys.executable, str(SERVE_AT_TEST_NOW), *args],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    if process.stdout:
        process.stdout.close()


@dataclass
class AirflowUnderTest:
    base: str
    logs: dict[str, Path]
    users: dict[str, str] = field(default_factory=dict)  # user -> password

    def tail(self) -> str:
        return "\n".join(
            f"--- {name} ---\n{path.read_text(errors='replace')[-2500:]}"
            for name, path in self.logs.items()
            if path.exists()
        )

    def wait_until_healthy(self, processes: Sequence[subprocess.Popen], timeout: float = 180):
        deadline = time.monotonic() + timeout
        while True:
            assert all(p.poll() is None for p in processes), self.tail()
            try:
                if httpx.get(f"{self.base}/api/v2/monitor/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, f"the api-server did not answer in {timeout} s"
            time.sleep(1)

    def token(self, user: str) -> str:
        response = httpx.post(
            f"{self.base}/auth/token",
            json={"username": user, "password": self.users[user]},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def api(self, token: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return httpx.request(
            method,
            f"{self.base}/api/v2{path}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
            **kwargs,
        )

    def wait(self, what: str, check: Callable[[], Any], timeout: float) -> Any:
        """``check()`` until it returns something truthy; fails with the Airflow logs after
        ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            found = check()
            if found:
                return found
            assert time.monotonic() < deadline, f"{what}: not in {timeout} s\n{self.tail()}"
            time.sleep(2)


class RunWatch:
    """A run as Airflow's API reports it; a task that fails stops the test at once, with its
    log, instead of waiting for the retries."""

    def __init__(self, server: AirflowUnderTest, token: str, dag_id: str, run_id: str) -> None:
        self.server, self.token = server, token
        self.path = f"/dags/{dag_id}/dagRuns/{run_id}"

    def task_instances(self) -> list[dict]:
        response = self.server.api(self.token, "GET", f"{self.path}/taskInstances")
        return response.json()["task_instances"]

    def check(self) -> str:
        for ti in self.task_instances():
            if ti["state"] in ("failed", "up_for_retry", "upstream_failed"):
                log = self.server.api(
                    self.token,
                    "GET",
                    f"{self.path}/taskInstances/{ti['task_id']}/logs/{max(ti['try_number'], 1)}",
                    params={"full_content": "true", "map_index": ti.get("map_index", -1)},
                    headers={"Accept": "text/plain"},
                ).text
                pytest.fail(f"task {ti['task_id']} is {ti['state']}:\n{log[-4000:]}")
        return self.server.api(self.token, "GET", self.path).json()["state"]

    def finished(self) -> str | None:
        state = self.check()
        return state if state in ("success", "failed") else None
