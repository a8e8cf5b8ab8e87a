"""One subject's package in one process: locate, export every system, assemble.

The DAG spreads the same steps over tasks (one export per system); this is the path for the
command line, the benchmark and tests, and the reference the DAG's output is compared with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from gdpr.access.cover import RequestInfo
from gdpr.access.export import FORMATS, export_system
from gdpr.access.package import Package, assemble_package
from gdpr.access.portability import Scope
from gdpr.connectors.base import Connector
from gdpr.datamap.models import DataMap
from gdpr.ledger.identity import request_identity
from gdpr.subject.resolve import resolve_subject


def email_identity(datamap: DataMap) -> str:
    """The data map's identity of kind email: what the form's address is matched on."""
    return request_identity(datamap)


def build_subject_package(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    email: str,
    workdir: Path,
    *,
    kind: str,
    request: RequestInfo,
    generated_at: datetime,
    formats: Sequence[str] = FORMATS,
    passphrase: str | None = None,
) -> Package:
    location = resolve_subject(datamap, connectors, email_identity(datamap), email)
    root = workdir / "package"
    scope = Scope(datamap, kind)  # type: ignore[arg-type]
    for system in datamap.systems:
        export_system(
            datamap, connectors, location, system.name, root, scope=scope, formats=formats
        )
    return assemble_package(
        datamap,
        root,
        workdir / "package.zip",
        kind=kind,
        request=request,
        generated_at=generated_at,
        passphrase=passphrase,
    )
