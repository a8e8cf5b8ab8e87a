"""Write one subject's records and objects to files on local disk, streaming.

Resolution gives the keys of the subject's records; the records themselves are read back by
key, one IN-list at a time, and each batch is written out before the next is read, so memory
follows the batch size, not the subject's footprint (a subject with 100,000 records costs the
same memory as one with ten). Objects are downloaded straight to disk.

Layout under the export root (what the package contains):
``data/<system>/<dataset>.json`` and ``.csv``, ``objects/<system>/<dataset>/<object key>``,
and ``_exports/<system>.json``, the description of what was written (read back when the
package is assembled, possibly by another worker; not part of the package).

Objects: every version that holds data is exported (a versioned bucket keeps older versions
after an overwrite or a delete, and the organisation still holds them); an object with several
gets one file per version, named with its number and time (``7.version-2.2026-11-20T10-00-00Z.pdf``)
so the subject can tell them apart. With the data map's ``delivery.latest_only`` only the newest
version holding data is exported, under the object's own name.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC
from pathlib import Path
from typing import IO, Any

from gdpr.access.portability import Scope
from gdpr.batches import chunks
from gdpr.connectors.base import ByReference, Connector
from gdpr.connectors.keys import csv_cell, export_value, key_texts
from gdpr.connectors.s3 import ObjectVersion, data_versions
from gdpr.datamap.models import DataMap, DatasetRef
from gdpr.subject.resolve import DatasetHits, SubjectLocation

FORMATS: tuple[str, ...] = ("json", "csv")
SIDECAR_DIR = "_exports"
BATCH_SIZE = 1000


@dataclass
class DatasetExport:
    """What was exported from one dataset: counts, key digest and files, never values."""

    dataset: str
    kind: str  # "records" or "objects"
    count: int  # records, or objects (keys) with at least one version exported
    keys_sha256: str
    files: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    bytes: int = 0
    versions: int = 0  # objects: the object versions exported, one file each
    # records shared with other parties: their fields left out of at least one exported record
    other_parties: list[str] = field(default_factory=list)

    @property
    def system(self) -> str:
        return self.dataset.split(".", 1)[0]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DatasetExport:
        return cls(**data)


def export_system(
    datamap: DataMap,
    connectors: Mapping[str, Connector],
    location: SubjectLocation,
    system: str,
    root: Path,
    *,
    scope: Scope,
    formats: Sequence[str] = FORMATS,
    batch_size: int = BATCH_SIZE,
) -> list[DatasetExport]:
    """Export the subject's data in one system's datasets and describe it in a sidecar file."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        raise ValueError(f"unknown output format(s) {unknown}; expected some of {list(FORMATS)}")
    exports = []
    for ref in datamap.system(system).datasets:
        ref = datamap.dataset(f"{system}.{ref.name}")
        hits = location.hits.get(ref.id)
        if hits is None:
            continue
        if ref.kind == "s3":
            if scope.includes_objects(ref):
                exports.append(
                    _export_objects(
                        ref, connectors[system], hits, root, datamap.delivery.latest_only
                    )
                )
        else:
            columns = scope.columns(ref)
            if columns:
                exports.append(
                    _export_records(
                        ref,
                        connectors[system],
                        hits,
                        root,
                        columns,
                        formats,
                        batch_size,
                        scope.row_filter(ref),
                        location.roles.get(ref.id, {}),
                    )
                )
    sidecar = root / SIDECAR_DIR / f"{system}.json"
    sidecar.parent.mkdir(parents=True, exist_ok=True)
    sidecar.write_text(json.dumps([asdict(e) for e in exports], indent=1), encoding="utf-8")
    return exports


def read_exports(root: Path) -> list[DatasetExport]:
    """Every dataset export described under ``root``, in data-map order of systems."""
    exports = []
    for sidecar in sorted((root / SIDECAR_DIR).glob("*.json")):
        exports += [DatasetExport.from_dict(d) for d in json.loads(sidecar.read_text("utf-8"))]
    return exports


# -- records ------------------------------------------------------------------------------


def _export_records(
    ref: DatasetRef,
    connector: Connector,
    hits: DatasetHits,
    root: Path,
    columns: list[str],
    formats: Sequence[str],
    batch_size: int,
    only: Mapping[str, Any],
    roles: Mapping[tuple, set[str]] | None = None,
) -> DatasetExport:
    key_fields = hits.key_fields
    wanted = list(dict.fromkeys([*columns, *key_fields, *only]))
    # a record shared by several parties: the common fields, and the fields of the roles
    # through which the subject reached it; never another party's link or fields
    parties = ref.dataset.parties
    theirs = {texts: set(r) for k, r in (roles or {}).items() for texts in [key_texts(k)]}
    withheld: set[str] = set()
    if parties:
        mine = set().union(*theirs.values()) if theirs else set()
        others = {f for role, fs in parties.items() if role not in mine for f in fs}
        withheld = others & set(columns)
        columns = [c for c in columns if c not in others]
    base = Path("data") / ref.system.name / ref.dataset.name
    writers = [_WRITERS[f](root / base.with_suffix(f".{f}"), columns) for f in formats]
    count = 0
    try:
        for chunk in chunks(hits.sorted_keys(), batch_size):
            for batch in connector.find(ref.dataset, ByReference(key_fields, chunk), wanted):
                batch.sort(key=lambda row: _order(row, key_fields))
                for row in batch:
                    if all(row[f] == v for f, v in only.items()):
                        if parties:
                            row, hidden = _party_view(row, parties, theirs, key_fields)
                            withheld |= hidden
                        for writer in writers:
                            writer.write(row)
                        count += 1
    finally:
        for writer in writers:
            writer.close()
    files = [str(base.with_suffix(f".{f}")) for f in formats]
    return DatasetExport(
        ref.id,
        "records",
        count,
        hits.keys_sha256(),
        files,
        columns,
        sum((root / f).stat().st_size for f in files),
        other_parties=[f for f in ref.dataset.fields if f in withheld],
    )


def _party_view(
    row: dict[str, Any],
    parties: Mapping[str, list[str]],
    roles: Mapping[tuple, set[str]],
    key_fields: Sequence[str],
) -> tuple[dict[str, Any], set[str]]:
    """A shared record as one party sees it: the other roles' fields emptied (a record reached
    through no role, by its own identity, shows only the common fields); with the fields that
    held another party's value, which the cover letter lists as withheld."""
    mine = roles.get(key_texts(row[f] for f in key_fields), set())
    hidden = {f for role, fs in parties.items() if role not in mine for f in fs}
    view = {c: (None if c in hidden else v) for c, v in row.items()}
    return view, {c for c in hidden if row.get(c) is not None}


class _JsonWriter:
    """A JSON array written one record at a time, values in the key codec's export form (ISO
    dates, exact decimals, UUID text, base64 bytes)."""

    def __init__(self, path: Path, columns: list[str]):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.columns = columns
        self.out: IO[str] = path.open("w", encoding="utf-8", newline="\n")
        self.out.write("[")
        self.first = True

    def write(self, row: Mapping[str, Any]) -> None:
        record = {c: export_value(row[c]) for c in self.columns}
        self.out.write(("\n" if self.first else ",\n") + json.dumps(record, ensure_ascii=False))
        self.first = False

    def close(self) -> None:
        self.out.write("]\n" if self.first else "\n]\n")
        self.out.close()


class _CsvWriter:
    """CSV with a header row; empty cells for null, ISO 8601 for dates (RFC 4180, UTF-8)."""

    def __init__(self, path: Path, columns: list[str]):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.columns = columns
        self.out: IO[str] = path.open("w", encoding="utf-8", newline="")
        self.csv = csv.writer(self.out, lineterminator="\r\n")
        self.csv.writerow(columns)

    def write(self, row: Mapping[str, Any]) -> None:
        self.csv.writerow([csv_cell(row[c]) for c in self.columns])

    def close(self) -> None:
        self.out.close()


_WRITERS = {"json": _JsonWriter, "csv": _CsvWriter}


def _order(row: Mapping[str, Any], key_fields: Sequence[str]) -> tuple:
    return tuple((row[k] is None, row[k] if row[k] is not None else 0) for k in key_fields)


# -- objects ------------------------------------------------------------------------------


def _export_objects(
    ref: DatasetRef, connector: Connector, hits: DatasetHits, root: Path, latest_only: bool
) -> DatasetExport:
    """Every version holding data of each object found (an archive's member: the member alone,
    under the archive's name, never the archive with other people's members)."""
    files, size, objects = [], 0, 0
    for key in hits.sorted_keys():
        row = hits.rows[key]
        if row.get("versions") is None:  # hits not from the connector's listing: list again
            criterion = ByReference(hits.key_fields, [key])
            found = [r for rows in connector.find(ref.dataset, criterion, []) for r in rows]
            if not found:
                continue
            row = found[0]
        versions = data_versions(row["versions"])[: 1 if latest_only else None]
        objects += bool(versions)
        path = Path("objects") / ref.system.name / ref.dataset.name
        for part in key:
            path /= safe_relative(str(part))
        for relative, version in version_files(path, versions):
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            size += connector.download(ref.dataset, row, version, target)
            files.append(str(relative))
    return DatasetExport(
        ref.id, "objects", objects, hits.keys_sha256(), files, [], size, versions=len(files)
    )


def version_files(
    path: Path, versions: Sequence[ObjectVersion]
) -> list[tuple[Path, ObjectVersion]]:
    """Where each version of one object goes: its own name when it is the only one, else the
    name with the version's number (1 = oldest) and last-modified time (UTC) before the suffix."""
    if len(versions) <= 1:
        return [(path, v) for v in versions]
    stem, suffix = (path.stem, path.suffix) if path.stem else (path.name, "")
    return [
        (
            path.with_name(
                f"{stem}.version-{number}.{v.last_modified.astimezone(UTC):%Y-%m-%dT%H-%M-%SZ}"
                f"{suffix}"
            ),
            v,
        )
        for number, v in zip(range(len(versions), 0, -1), versions, strict=True)
    ]


def safe_relative(key: str) -> Path:
    """An object key as a relative path that cannot climb out of its folder (no '..', no '/')."""
    parts = [p for p in key.split("/") if p not in ("", ".", "..")]
    return Path(*parts) if parts else Path("_")
