"""Registering a subject request the way a DPO does before triggering a form: with the command
line (``gdpr request register``), which prints the request id and nothing else. Trigger forms
take that id; no test puts an identity into a run's configuration."""

from __future__ import annotations

import contextlib
import io

from gdpr.cli import main


def register(
    kind: str,
    email: str,
    *,
    field: str | None = None,
    value: str | None = None,
    received: str | None = None,
    identity: str | None = None,
) -> str:
    """The id of the ledger request of ``kind`` for ``email`` (registered now, or the open one)."""
    if identity is None:
        from gdpr.datamap import load_datamap
        from gdpr.ledger.identity import request_identity

        identity = request_identity(load_datamap())
    argv = ["request", "register", "--kind", kind, "--identity", identity, email]
    if field is not None:
        argv += ["--field", field]
    if value is not None:
        argv += ["--value", value]
    if received is not None:
        argv += ["--received", received]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    if code:
        raise ValueError(err.getvalue().strip())
    return out.getvalue().strip()
