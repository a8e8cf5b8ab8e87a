"""Assemble an export directory into the package: cover, schema, manifest, one zip.

The manifest lists every file with its size and SHA-256, so the subject can check nothing was
altered; the zip's own SHA-256 goes to the ledger. With a passphrase the archive is encrypted
with AES-256 (WinZip AES, opened by 7-Zip, macOS Archive Utility and most tools); without, it is
a plain zip protected at rest by the delivery bucket's encryption and in transit by the link.
Files are read from and written to disk in chunks: memory does not grow with the package.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from gdpr.access.cover import LANGUAGES, RequestInfo, build_cover, render_cover
from gdpr.access.export import SIDECAR_DIR, DatasetExport, read_exports
from gdpr.access.portability import Scope, Withheld
from gdpr.access.schema import build_schema
from gdpr.datamap.models import DataMap

MANIFEST = "manifest.json"
SCHEMA = "schema.json"
CHUNK = 1 << 20


@dataclass(frozen=True)
class Package:
    path: Path
    sha256: str
    bytes: int
    files: int
    encrypted: bool
    counts: dict[str, int]

    @property
    def found(self) -> bool:
        return any(self.counts.values())


def assemble_package(
    datamap: DataMap,
    root: Path,
    out: Path,
    *,
    kind: str,
    request: RequestInfo,
    generated_at: datetime,
    passphrase: str | None = None,
) -> Package:
    """Write cover (access), schema and manifest into ``root``, then zip it to ``out``."""
    exports = read_exports(root)
    scope = Scope(datamap, kind)  # type: ignore[arg-type]
    withheld = [
        w
        for e in exports
        if e.kind == "records"
        for w in scope.withheld(datamap.dataset(e.dataset))
    ] + [Withheld(e.dataset, f, "other_party") for e in exports for f in e.other_parties]
    shutil.rmtree(root / SIDECAR_DIR, ignore_errors=True)
    _write_json(root / SCHEMA, build_schema(datamap, kind, exports, withheld))
    if kind == "access":
        data_files = sum(len(e.files) for e in exports)
        cover = build_cover(
            datamap, exports, withheld, request, generated_at, data_files + len(LANGUAGES) + 2
        )
        for lang in LANGUAGES:
            (root / f"cover.{lang}.html").write_text(render_cover(cover, lang), encoding="utf-8")
    counts = {e.dataset: e.count for e in exports}
    write_manifest(
        root,
        request=request,
        kind=kind,
        generated_at=generated_at,
        datamap=datamap,
        exports=exports,
    )
    return zip_directory(root, out, passphrase=passphrase, counts=counts)


def write_manifest(
    root: Path,
    *,
    request: RequestInfo,
    kind: str,
    generated_at: datetime,
    datamap: DataMap,
    exports: Sequence[DatasetExport],
) -> dict[str, Any]:
    files = [
        {
            "path": path.relative_to(root).as_posix(),
            "bytes": path.stat().st_size,
            "sha256": sha256_file(path),
        }
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST)
    ]
    manifest = {
        "request_id": request.request_id,
        "kind": kind,
        "generated_at": generated_at.isoformat(),
        "controller": datamap.organisation.name,
        "datamap_sha256": datamap.digest,
        "datasets": {e.dataset: {"kind": e.kind, "count": e.count} for e in exports},
        "files": files,
    }
    _write_json(root / MANIFEST, manifest)
    return manifest


def zip_directory(
    root: Path, out: Path, *, passphrase: str | None = None, counts: dict[str, int] | None = None
) -> Package:
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    out.parent.mkdir(parents=True, exist_ok=True)
    if passphrase:
        import pyzipper

        archive = pyzipper.AESZipFile(
            out, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        )
        archive.setpassword(passphrase.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
    else:
        archive = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED)
    with archive:
        for path in paths:
            archive.write(path, path.relative_to(root).as_posix())
    return Package(
        out, sha256_file(out), out.stat().st_size, len(paths), bool(passphrase), dict(counts or {})
    )


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _write_json(path: Path, document: dict[str, Any]) -> None:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
