"""Measuring tools the benchmarks share: scratch databases, a local S3, timings, peak memory.

Figures are only worth comparing when taken the same way, so every benchmark gets them from
here: timings are repeated after a warm-up and reported as median and best, measured code and
its baseline are interleaved so drift (autovacuum, a noisy neighbour) hits both alike, and
peak memory is taken in a fresh child process so the harness's own memory (moto's objects,
seeding buffers) never counts.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import socket
import statistics
import subprocess
import time
import traceback
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import sqlalchemy as sa

S3_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "eu-west-3",
}
_SPAWN = mp.get_context("spawn")  # a fresh interpreter: no memory or locks inherited by fork


# -- timings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of repeated runs of one callable (warm-up excluded)."""

    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        return min(self.runs)


def compare_timings(
    candidates: Mapping[str, Callable[[], object]], *, repeat: int = 5, warmup: int = 1
) -> dict[str, Timing]:
    """Time each callable ``repeat`` times after ``warmup`` untimed calls, round-robin.

    Interleaving (A B A B ...) rather than A A A B B B keeps a slow spell of the machine from
    landing on one side of a ratio only; a full garbage collection before each call keeps one
    that earlier work made due from landing in it (``time_once``).
    """
    for _ in range(warmup):
        for fn in candidates.values():
            fn()
    runs: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(repeat):
        for name, fn in candidates.items():
            gc.collect()
            start = time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - start)
    return {name: Timing(tuple(values)) for name, values in runs.items()}


def time_once(fn: Callable[[], Any], *, collect: bool = True) -> tuple[Any, float]:
    """Result and wall-clock seconds of one call (for things too long or destructive to repeat).

    A full garbage collection runs first: a benchmark's process has seeded a hundred thousand
    customers, and a collection of its oldest generation (40-120 ms here) falls due at a count
    of allocations, so in one place of one run, whichever side of a ratio that is (it made a
    single erasure's verification look ten times slower than the next ones). ``collect=False``
    for a phase timed inside another call timed: its collection would count in the outer
    time (three of them were half a second of a batch erasure's two)."""
    if collect:
        gc.collect()
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


# -- peak memory in a child process --------------------------------------------------------------


@dataclass(frozen=True)
class ChildRun:
    """What a callable returned in a fresh process, and that process's memory.

    ``peak_rss_mb`` is the high-water mark of the child's resident set over its whole life
    (interpreter, imports, the work); ``rss_before_mb`` is the same mark just before the call,
    after the imports, so the difference is what the work itself added.
    """

    value: Any
    peak_rss_mb: float
    rss_before_mb: float
    source: str  # how the peak was read: "VmHWM" (exact) or "psutil-poll" (sampled)


def _vm_hwm_mb() -> float | None:
    """The process's peak RSS from /proc (Linux), or None elsewhere.

    Not ``getrusage().ru_maxrss``: on Linux that value survives exec, so a child spawned from a
    large parent reports the parent's RSS at spawn time (checked: a 800 MB parent gives an 800 MB
    "peak" to an empty child), in RUSAGE_SELF and RUSAGE_CHILDREN alike. VmHWM belongs to the
    child's own address space.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _child_main(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        before = _vm_hwm_mb()
        value = fn(*args)
        conn.send(("ok", value, before, _vm_hwm_mb()))
    except BaseException:  # report anything, the parent re-raises it
        conn.send(("error", traceback.format_exc(), None, None))
    finally:
        conn.close()


def run_in_child(fn: Callable[..., Any], *args: Any, poll_seconds: float = 0.01) -> ChildRun:
    """Call ``fn(*args)`` in a spawned interpreter and measure that interpreter's peak RSS.

    ``fn`` and ``args`` must be picklable (a module-level function and plain data). The parent
    also samples the child's RSS with psutil, used only where /proc is not available.
    """
    import psutil

    receiver, sender = _SPAWN.Pipe(duplex=False)
    process = _SPAWN.Process(target=_child_main, args=(sender, fn, args), daemon=True)
    process.start()
    sender.close()
    polled = 0.0
    watched = psutil.Process(process.pid)
    while not receiver.poll(poll_seconds):
        try:
            polled = max(polled, watched.memory_info().rss / 2**20)
        except psutil.Error:
            break
    status, value, before, peak = receiver.recv()
    process.join()
    if status != "ok":
        raise RuntimeError(f"benchmark child process failed:\n{value}")
    if peak is None:
        return ChildRun(value, polled, 0.0, "psutil-poll")
    return ChildRun(value, peak, before or 0.0, "VmHWM")


# -- scratch PostgreSQL databases ------------------------------------------------------------


@dataclass
class ScratchPostgres:
    """Databases created for one benchmark run on a PostgreSQL server, dropped at the end.

    Names carry a run id (``gdpr_bench_<id>_<suffix>``) so concurrent runs, and the test
    suite's own ``gdpr_t_*`` databases, never collide.
    """

    admin_url: str
    keep: bool = False
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    created: list[str] = field(default_factory=list)

    def _admin(self) -> sa.Engine:
        return sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")

    def create(self, suffix: str) -> str:
        """A new empty database; returns its URL (same server and credentials as the admin URL)."""
        name = f"gdpr_bench_{self.run_id}_{suffix}"
        admin = self._admin()
        try:
            with admin.connect() as conn:
                self.replace(conn, name)
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        finally:
            admin.dispose()
        self.created.append(name)
        url = sa.make_url(self.admin_url).set(database=name)
        return url.render_as_string(hide_password=False)

    def replace(self, conn: sa.Connection, name: str) -> None:
        """Drop a database of this name made earlier in the run: under ``keep`` scratch copies
        outlive their benchmark, and the next copy of the same name replaces them (the last
        one is what is kept)."""
        if name in self.created:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            self.created.remove(name)

    def drop_all(self) -> None:
        if self.keep or not self.created:
            return
        admin = self._admin()
        try:
            with admin.connect() as conn:
                for name in self.created:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            admin.dispose()
        self.created.clear()

    def server_version(self) -> str:
        admin = self._admin()
        try:
            with admin.connect() as conn:
                return str(conn.execute(sa.text("SHOW server_version")).scalar_one())
        finally:
            admin.dispose()


# -- a local S3 --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve_moto(port: int, stop: Any) -> None:
    """Body of the S3 server process: moto's threaded server until told to stop."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # it logs every request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    stop.wait()
    server.stop()


@contextmanager
def moto_s3(timeout: float = 60.0) -> Iterator[str]:
    """moto's S3 server on a free port, in its own process; yields the endpoint URL.

    Its own process, not a thread of the harness: a server thread would compete with the
    measured code for the GIL and its stored objects would count in the harness's memory.
    """
    port = free_port()
    stop = _SPAWN.Event()
    process = _SPAWN.Process(target=_serve_moto, args=(port, stop), daemon=True)
    process.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        _wait_for_http(endpoint, timeout, process)
        yield endpoint
    finally:
        stop.set()
        process.join(10)
        if process.is_alive():
            process.terminate()
            process.join()


def _wait_for_http(endpoint: str, timeout: float, process: Any) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not process.is_alive():
            raise RuntimeError("the moto S3 server process exited during start-up")
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"moto S3 server did not answer at {endpoint} within {timeout:.0f}s")


def s3_client(endpoint: str) -> Any:
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=S3_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        region_name=S3_CREDENTIALS["AWS_DEFAULT_REGION"],
    )


# -- run metadata ------------------------------------------------------------------------------


def git_revision(cwd: str) -> str:
    """Short commit id, with ``+dirty`` when the tree has uncommitted changes (figures then
    belong to code that no commit holds)."""
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{rev}+dirty" if dirty else rev


def machine() -> dict[str, Any]:
    import platform

    import psutil

    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
    }
