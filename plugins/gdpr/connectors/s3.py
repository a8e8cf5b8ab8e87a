"""S3 systems on boto3: listing by key template, every version and delete marker, SSE on write.

A bucket with versioning keeps old versions after a plain DELETE, so erasing an object means
deleting each version and delete marker by id; this module lists and deletes them in the
1000-key batches S3 allows. Discovery (``find``) lists versions too, not current objects: an
object whose latest version is a delete marker still holds data in its older versions, and
must be found by locate, access and erasure like any other.

A dataset whose objects are zip archives (``archive`` in the data map) has their members as
records: rows carry the archive's ``key`` and the ``member``'s name, and ``versions`` are the
archive's versions holding that member. Members are found by reading each archive's central
directory with ranged GETs (not the whole archive), exported one member at a time, and erased
by writing the archive's history again without them, other people's members kept in every
version (``s3_history``). An archive that cannot be rewritten (a version too large for
``archive.max_bytes``, or with encrypted members to copy) has its members reported kept, with
the reason (``locked``).
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from gdpr.batches import rebatch
from gdpr.connectors.base import (
    ByReference,
    Criterion,
    LiveDataset,
    Lock,
    LockNature,
    Row,
    SelectionRefusedError,
    SystemUnreachableError,
)
from gdpr.connectors.keys import key_texts
from gdpr.datamap.models import Dataset, System
from gdpr.datamap.templates import KeyTemplate

log = logging.getLogger(__name__)

DELETE_BATCH = 1000  # S3's limit per DeleteObjects call
RANGE_BUFFER = 256 * 1024  # bytes per ranged GET when reading inside an archive
# Listings in flight at once when a look-up spans many key prefixes (one per parent record):
# each is a round trip of tens of milliseconds on S3, and a boto3 client is thread-safe.
LISTING_THREADS = 8


@dataclass(frozen=True)
class ObjectVersion:
    key: str
    version_id: str
    is_delete_marker: bool
    is_latest: bool
    last_modified: datetime
    size: int = 0  # bytes of a data version; a delete marker holds none


def newest_first(versions: Iterable[ObjectVersion]) -> list[ObjectVersion]:
    """One key's versions and markers, newest first. S3 lists a key's data versions newest first
    but its markers apart, and times are to the second: the current one leads, then by time,
    ties keeping the listing's order."""
    return sorted(versions, key=lambda v: (not v.is_latest, -v.last_modified.timestamp()))


def data_versions(versions: Iterable[ObjectVersion]) -> list[ObjectVersion]:
    """The versions that hold data (not delete markers), newest first as given."""
    return [v for v in versions if not v.is_delete_marker]


class S3Connector:
    def __init__(self, system: System, client: Any):
        self.system = system
        self.objects = Bucket(client, system.bucket or "")
        # (key, version id) -> the archive version's members; a version never changes
        self._directories: dict[tuple[str, str], list[zipfile.ZipInfo]] = {}

    # -- protocol -----------------------------------------------------------------------------
    def ping(self) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.objects.client.head_bucket(Bucket=self.objects.name)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            reason = (
                f"bucket {self.objects.name!r} does not exist"
                if code in {"404", "NoSuchBucket"}
                else str(exc)
            )
            raise SystemUnreachableError(self.system, reason) from exc
        except BotoCoreError as exc:
            raise SystemUnreachableError(self.system, str(exc)) from exc

    def inspect(self) -> dict[str, LiveDataset]:
        try:
            self.ping()
        except SystemUnreachableError as exc:
            if "does not exist" not in str(exc):
                raise
            return {d.name: LiveDataset(d.name, exists=False) for d in self.system.datasets}
        return {d.name: LiveDataset(d.name, exists=True) for d in self.system.datasets}

    def undeclared(self) -> list[str]:
        """Key prefixes (the first segment of a key) of current objects no dataset's key
        template matches, with how many: files nobody accounted for, or a template out of step
        with the software that writes them."""
        self.ping()
        templates = [KeyTemplate(d.key_template or "") for d in self.system.datasets]
        unmatched: dict[str, int] = defaultdict(int)
        for obj in self.objects.list():
            key = obj["Key"]
            if not any(t.parse(key) is not None for t in templates):
                head, slash, _ = key.partition("/")
                unmatched[head + slash] += 1
        return [
            f"key prefix {prefix!r} ({count} object{'s' if count > 1 else ''} no key template "
            "matches)"
            for prefix, count in sorted(unmatched.items())
        ]

    def find(
        self, dataset: Dataset, criterion: Criterion, columns: Sequence[str]
    ) -> Iterator[list[Row]]:
        """One row per object key the criterion's values bind, in any version: a key whose latest
        version is a delete marker still has its older versions, and those hold data.

        Rows carry the wanted placeholders, ``key``, ``versions`` (every version and delete
        marker, newest first), ``size`` (of the newest version holding data, 0 if none) and
        ``deleted`` (the latest version is a delete marker: a plain listing no longer shows it).
        """
        wanted = [c for c in columns if c not in ("key", "versions")]
        own = ("key", "member", "versions", "size", "deleted") if dataset.archive else _OWN
        for rows in self._listing(dataset, criterion):
            yield [
                {**{c: row[c] for c in wanted if c in row}, **{c: row[c] for c in own}}
                for row in rows
            ]

    def find_versions(self, dataset: Dataset, criterion: Criterion) -> Iterator[list[Row]]:
        """``find`` with every placeholder of the template: what must go for an object to be
        really gone from a versioned bucket."""
        return self._listing(dataset, criterion)

    def _listing(self, dataset: Dataset, criterion: Criterion) -> Iterator[list[Row]]:
        """The one listing behind ``find`` and ``find_versions``: every version and delete
        marker under the few prefixes the criterion narrows to, listed in parallel, grouped by key."""
        template, wanted, prefixes = self._narrow(dataset, criterion)

        def accept(named: Row) -> bool:  # an object is also found by its own key
            return tuple(named.get(f) for f in criterion.fields) in wanted

        def versions_under(prefix: str) -> list[Row]:
            if dataset.archive is not None:  # archives are opened, their members accepted
                return [
                    member
                    for rows in self._grouped(template, prefix, lambda _: True)
                    for row in rows
                    for member in self._members(dataset, row, accept)
                ]
            return [row for rows in self._grouped(template, prefix, accept) for row in rows]

        with ThreadPoolExecutor(max_workers=max(1, min(LISTING_THREADS, len(prefixes)))) as pool:
            for rows in pool.map(versions_under, prefixes):
                if rows:
                    yield rows

    def _grouped(
        self, template: KeyTemplate, prefix: str, accept: Callable[[Row], bool]
    ) -> Iterator[list[Row]]:
        """Rows of the objects under ``prefix`` that ``accept`` takes, one listing page at a
        time: S3 lists keys in order, so a key before a page's last one is complete."""
        pending: dict[str, Row] = {}
        for page in self.objects.version_pages(prefix):
            for version in page:
                parsed = template.parse(version.key)
                if parsed is None or not accept({**parsed, "key": version.key}):
                    continue
                pending.setdefault(version.key, {**parsed, "key": version.key, "versions": []})[
                    "versions"
                ].append(version)
            last = max((v.key for v in page), default=None)
            done = [key for key in pending if key != last]
            if done:
                yield [_finished(pending.pop(key)) for key in done]
        if pending:
            yield [_finished(row) for row in pending.values()]

    # -- protocol: scans, selections, units of work -------------------------------------------
    changes_by_reference = False  # an object's versions are listed before they are deleted
    anonymises = False  # an object has no fields to empty

    def key_fields(self, dataset: Dataset) -> tuple[str, ...]:
        return ("key", "member") if dataset.archive else ("key",)

    def scan(
        self, dataset: Dataset, columns: Sequence[str] | None = None, batch_size: int = 1000
    ) -> Iterator[list[Row]]:
        """Every object of the dataset in any version, rows as ``find_versions`` gives them
        (archives: every member)."""
        template = KeyTemplate(dataset.key_template or "")
        pages = self._grouped(template, template.prefix({}), lambda _: True)
        if dataset.archive is not None:
            pages = (
                [m for row in rows for m in self._members(dataset, row, lambda _: True)]
                for rows in pages
            )
        yield from rebatch(pages, batch_size)

    def select_expired(
        self,
        dataset: Dataset,
        *,
        column: str | None,
        sql: str | None,
        at: datetime,
        day: date,
        done: Any = None,
        selection: Any = None,
        cutoff: Any = None,
    ) -> Iterator[list[tuple[Any, ...]]]:
        """Objects whose newest version or delete marker is older than the cutoff: an object
        whose latest version is a delete marker still holds data in its older versions.
        Objects have no columns: a compiled selection or a SQL file is refused."""
        if selection is not None or sql is not None:
            raise SelectionRefusedError(
                f"{dataset.name}: objects expire by their age (`start.object_modified: true`), "
                "not by a column, an aggregate or a SQL file"
            )
        limit = at.replace(tzinfo=UTC)
        fields = self.key_fields(dataset)
        yield sorted(
            tuple(row[f] for f in fields)
            for rows in self.scan(dataset)
            for row in rows
            if row["versions"][0].last_modified < limit
        )

    def deletion_order(self, datasets: Sequence[Dataset]) -> set[tuple[str, str]]:
        return set()  # objects do not reference one another

    def foreign_keys(
        self, datasets: Sequence[Dataset]
    ) -> set[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
        return set()

    def required_fields(self, dataset: Dataset) -> frozenset[str]:
        return frozenset()  # objects have no fields to empty

    def pending(
        self,
        dataset: Dataset,
        rows: Sequence[Row],
        action: str,
        *,
        change: Any = None,
        flag: str | None = None,
    ) -> int:
        """Objects with any version or delete marker left (objects are only ever deleted);
        archive members still in any version of their archive."""
        if action != "delete":
            return 0
        if dataset.archive is not None:
            left = 0
            for key, members in _by_archive(rows).items():
                held = set()
                for version in data_versions(self.objects.versions_of([key])):
                    held |= {i.filename for i in self._directory(key, version)}
                left += len(members & held)
            return left
        return len({v.key for v in self.objects.versions_of(row["key"] for row in rows)})

    def locked(self, dataset: Dataset, rows: Sequence[Row]) -> dict[tuple[Any, ...], Lock]:
        """Objects S3 refuses to delete: a version under Object Lock retention or legal hold (a
        retention); archive members erasure cannot rewrite their archive without (technical)."""
        from botocore.exceptions import ClientError

        if not rows:
            return {}
        client, bucket = self.objects.client, self.objects.name
        locked: dict[tuple[Any, ...], Lock] = {}
        try:
            config = client.get_object_lock_configuration(Bucket=bucket)
        except ClientError:
            config = {}  # the bucket has no Object Lock: nothing can be locked
        if config.get("ObjectLockConfiguration", {}).get("ObjectLockEnabled") == "Enabled":
            for version in self.objects.versions_of(dict.fromkeys(row["key"] for row in rows)):
                if version.is_delete_marker:
                    continue
                text = _version_lock(client, bucket, version.key, version.version_id)
                if text:
                    locked.setdefault((version.key,), Lock(LockNature.RETENTION, text))
        if dataset.archive is None:
            return locked
        # members: their archive's lock, or why the archive cannot be rewritten without them
        out: dict[tuple[Any, ...], Lock] = {}
        for key, members in _by_archive(rows).items():
            lock = locked.get((key,))
            if lock is None:
                reason = self._unwritable(dataset, key, members)
                lock = Lock(LockNature.TECHNICAL, reason) if reason else None
            if lock:
                out.update({(key, member): lock for member in members})
        return out

    @contextmanager
    def reading(self) -> Iterator[None]:
        yield

    @contextmanager
    def changes(self) -> Iterator[S3Changes]:
        yield S3Changes(self)

    def _narrow(
        self, dataset: Dataset, criterion: Criterion
    ) -> tuple[KeyTemplate, set[tuple], list[str]]:
        """The template, the wanted placeholder values, and the few prefixes to list for them."""
        if not isinstance(criterion, ByReference):
            raise TypeError("s3 objects are found through references, not by identity")
        template = KeyTemplate(dataset.key_template or "")
        wanted = {key_texts(values) for values in criterion.values}
        if criterion.fields[:1] == ("key",):  # objects named by their keys (a hold on one)
            return template, wanted, sorted({values[0] for values in wanted})
        first = template.placeholders[0] if template.placeholders else None
        bound = criterion.fields.index(first) if first in criterion.fields else None
        prefixes = {
            template.prefix({} if bound is None else {first: values[bound]})
            for values in criterion.values
        }
        return template, wanted, sorted(prefixes)

    def close(self) -> None:
        pass

    # -- objects and archive members ----------------------------------------------------------
    def download(self, dataset: Dataset, row: Row, version: ObjectVersion, target: Path) -> int:
        """Write one version holding data of a record (a row ``find`` returned, ``version`` one
        of its ``versions``) to a local file: the object, or the one archive member the row
        names (read from the archive by ranged GETs). Returns the bytes written.

        An object is one GET streamed to the file, as a hand-written exporter reads it: boto3's
        ``download_file`` sends a HEAD first and runs a transfer manager's threads for every
        object, which cost more than the GET itself for the small files a subject's package
        holds."""
        if dataset.archive is None:
            got = self.objects.client.get_object(
                Bucket=self.objects.name, Key=row["key"], **_version_args(version)
            )
            with target.open("wb") as out:
                for chunk in got["Body"].iter_chunks(RANGE_BUFFER):
                    out.write(chunk)
        else:
            with (
                self._open(row["key"], version) as archive,
                archive.open(row["member"]) as src,
                target.open("wb") as out,
            ):
                while chunk := src.read(RANGE_BUFFER):
                    out.write(chunk)
        return target.stat().st_size

    def _members(self, dataset: Dataset, archive: Row, accept: Callable[[Row], bool]) -> list[Row]:
        """The members of one archive (a row of the listing, every version) that ``accept``
        takes: one row per member name, with the archive versions holding it, newest first."""
        assert dataset.archive is not None
        template = KeyTemplate(dataset.archive.members)
        named = {k: v for k, v in archive.items() if k not in ("versions", "size", "deleted")}
        found: dict[str, Row] = {}
        for version in data_versions(archive["versions"]):
            for info in self._directory(archive["key"], version):
                parsed = template.parse(info.filename)
                if parsed is None or info.is_dir():
                    continue
                row = found.get(info.filename)
                if row is None:
                    candidate = {**named, **parsed, "member": info.filename}
                    if not accept(candidate):
                        continue
                    row = found[info.filename] = {**candidate, "versions": [], "size": 0}
                if not row["versions"]:
                    row["size"] = info.file_size  # of the newest version holding it
                row["versions"].append(version)
        latest = archive["versions"][0]
        for row in found.values():
            row["deleted"] = row["versions"][0] is not latest  # not in the current archive
        return list(found.values())

    def _directory(self, key: str, version: ObjectVersion) -> list[zipfile.ZipInfo]:
        """An archive version's members, from its central directory (a few ranged GETs)."""
        cached = (key, version.version_id)
        if cached in self._directories:
            return self._directories[cached]
        try:
            with self._open(key, version) as archive:
                members = archive.infolist()
        except zipfile.BadZipFile:
            log.warning("object %s (version %s) is not a zip archive", key, version.version_id)
            members = []
        if version.version_id != "null":  # an unversioned object may be overwritten
            self._directories[cached] = members
        return members

    def _open(self, key: str, version: ObjectVersion) -> zipfile.ZipFile:
        raw = _RangedObject(self.objects.client, self.objects.name, key, version)
        return zipfile.ZipFile(io.BufferedReader(raw, RANGE_BUFFER))

    def _unwritable(self, dataset: Dataset, key: str, members: set[str]) -> str | None:
        """Why the archive cannot be written again without ``members``, if so: a version that
        holds them and other members is too large to rewrite, or holds encrypted members of
        other records (which cannot be copied into a new archive)."""
        assert dataset.archive is not None
        for version in data_versions(self.objects.versions_of([key])):
            directory = self._directory(key, version)
            names = {i.filename for i in directory}
            if not members & names or not names - members:
                continue  # nothing to take out, or nothing to keep: no rewrite
            if version.size > dataset.archive.max_bytes:
                return (
                    f"A version of the archive is larger ({version.size} bytes) than erasure "
                    f"rewrites (archive.max_bytes {dataset.archive.max_bytes}): the members "
                    "are kept in it"
                )
            if any(i.flag_bits & 0x1 for i in directory if i.filename not in members):
                return (
                    "The archive holds encrypted members of other records, which cannot be "
                    "copied into a rewritten archive: the members are kept in it"
                )
        return None

    def _remove_members(self, dataset: Dataset, rows: Sequence[Row]) -> int:
        """Erase archive members from every version of their archives, other members kept
        (``s3_history.ArchiveHistory``). Returns the members removed (a member already gone
        counts nothing, so a rerun is safe)."""
        from gdpr.connectors.s3_history import ArchiveHistory

        removed = 0
        for key, members in _by_archive(rows).items():
            history = ArchiveHistory(
                self.objects, key, lambda v, key=key: {i.filename for i in self._directory(key, v)}
            )
            removed += len(history.remove(members))
        return removed


_OWN = ("key", "versions", "size", "deleted")


def _by_archive(rows: Iterable[Row]) -> dict[str, set[str]]:
    """Member rows grouped by their archive's key."""
    grouped: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        grouped[str(row["key"])].add(str(row["member"]))
    return grouped


def _version_args(version: ObjectVersion) -> dict[str, str]:
    """The GET arguments of one version. An unversioned bucket lists its objects as version
    "null"; the current one is read without a version id (some S3-compatible stores refuse
    "null"), an older "null" version (written before versioning was enabled) by it."""
    if version.version_id == "null" and version.is_latest:
        return {}
    return {"VersionId": version.version_id}


class _RangedObject(io.RawIOBase):
    """One object version as a seekable file read by ranged GETs: a zip's central directory, or
    one member, is read without downloading the whole archive."""

    def __init__(self, client: Any, bucket: str, key: str, version: ObjectVersion):
        self.client, self.bucket, self.key, self.version = client, bucket, key, version
        self.size = version.size
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence]
        self.position = max(0, base + offset)
        return self.position

    def readinto(self, buffer: Any) -> int:
        wanted = min(len(buffer), self.size - self.position)
        if wanted <= 0:
            return 0
        end = self.position + wanted - 1
        data = self.client.get_object(
            Bucket=self.bucket,
            Key=self.key,
            Range=f"bytes={self.position}-{end}",
            **_version_args(self.version),
        )["Body"].read()
        buffer[: len(data)] = data
        self.position += len(data)
        return len(data)


class Bucket:
    """Object operations on one bucket; stateless apart from the client it is given."""

    def __init__(self, client: Any, name: str):
        self.client = client
        self.name = name

    def list(self, prefix: str = "") -> Iterator[dict[str, Any]]:
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.name, Prefix=prefix):
            yield from page.get("Contents", [])

    def iter_versions(self, prefix: str = "") -> Iterator[ObjectVersion]:
        """Every version and delete marker under a prefix."""
        for page in self.version_pages(prefix):
            yield from page

    def version_pages(self, prefix: str = "") -> Iterator[list[ObjectVersion]]:
        """Every version and delete marker under a prefix, one listing page at a time."""
        paginator = self.client.get_paginator("list_object_versions")
        for page in paginator.paginate(Bucket=self.name, Prefix=prefix):
            yield [
                ObjectVersion(
                    item["Key"],
                    item["VersionId"],
                    False,
                    item["IsLatest"],
                    item["LastModified"],
                    item.get("Size", 0),
                )
                for item in page.get("Versions", [])
            ] + [
                ObjectVersion(
                    item["Key"], item["VersionId"], True, item["IsLatest"], item["LastModified"]
                )
                for item in page.get("DeleteMarkers", [])
            ]

    def versions_of(self, keys: Iterable[str]) -> Iterator[ObjectVersion]:
        """Every version and delete marker of exactly these keys (a listing per key, by prefix)."""
        for key in keys:
            yield from (v for v in self.iter_versions(key) if v.key == key)

    def delete_versions(self, versions: Iterable[ObjectVersion]) -> Iterator[int]:
        """Permanently delete versions and markers, 1000 per call; yields how many went per call."""
        iterator = iter(versions)
        while batch := list(islice(iterator, DELETE_BATCH)):
            objects = [{"Key": v.key, "VersionId": v.version_id} for v in batch]
            response = self.client.delete_objects(
                Bucket=self.name, Delete={"Objects": objects, "Quiet": True}
            )
            errors = response.get("Errors", [])
            if errors:
                codes = sorted({e.get("Code", "?") for e in errors})
                raise RuntimeError(
                    f"S3 refused to delete {len(errors)} of {len(batch)} versions ({', '.join(codes)})"
                )
            yield len(batch)

    def put_object(
        self,
        key: str,
        body: bytes,
        *,
        content_type: str = "application/octet-stream",
        kms_key_id: str | None = None,
        expires: datetime | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> str:
        """Write an object encrypted at rest (SSE-S3, or SSE-KMS when a key is given); returns its version id."""
        params: dict[str, Any] = {
            "Bucket": self.name,
            "Key": key,
            "Body": body,
            "ContentType": content_type,
        }
        if kms_key_id:
            params |= {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": kms_key_id}
        else:
            params["ServerSideEncryption"] = "AES256"
        if expires is not None:
            params["Expires"] = expires
        if tags:
            from urllib.parse import urlencode

            params["Tagging"] = urlencode(dict(tags))
        return self.client.put_object(**params).get("VersionId", "")

    def presigned_url(self, key: str, expires_in: int = 7 * 24 * 3600) -> str:
        """A time-limited GET link; S3 caps SigV4 links at 7 days."""
        return self.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.name, "Key": key}, ExpiresIn=expires_in
        )


def _finished(row: Row) -> Row:
    """An object's row once all its versions are in: newest first, with its size and state."""
    row["versions"] = newest_first(row["versions"])
    data = data_versions(row["versions"])
    row["size"] = data[0].size if data else 0
    row["deleted"] = row["versions"][0].is_delete_marker
    return row


@dataclass(frozen=True)
class S3Changes:
    """The protocol's writes on one bucket. S3 has no transactions: each call is applied when
    made, and deleting an object deletes every version and delete marker by id."""

    connector: S3Connector

    def delete(self, dataset: Dataset, rows: Sequence[Row]) -> int:
        """Rows from ``find`` carry their versions; rows given by key alone are listed first.
        Returns the objects that had a version to delete (archive members: see
        ``S3Connector._remove_members``)."""
        if dataset.archive is not None:
            return self.connector._remove_members(dataset, rows)
        bucket = self.connector.objects
        listed = [row for row in rows if "versions" in row]
        versions = [v for row in listed for v in row["versions"]]
        versions += bucket.versions_of(row["key"] for row in rows if "versions" not in row)
        sum(bucket.delete_versions(versions))
        return len({v.key for v in versions})

    def delete_by(
        self,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        returning: Sequence[str],
    ) -> list[tuple[Any, ...]]:
        raise NotImplementedError(
            "objects are listed before they are deleted (changes_by_reference)"
        )

    def anonymise_by(
        self,
        dataset: Dataset,
        fields: Sequence[str],
        values: Sequence[tuple[Any, ...]],
        change: Any,
        returning: Sequence[str],
    ) -> list[tuple[Any, ...]]:
        raise NotImplementedError(
            "objects are listed before they are changed (changes_by_reference)"
        )

    def anonymise(self, dataset: Dataset, rows: Sequence[Row], change: Any) -> int:
        raise NotImplementedError(f"objects of {dataset.name} cannot be anonymised in place")

    def restrict(self, dataset: Dataset, rows: Sequence[Row], flag: str) -> int:
        raise NotImplementedError(f"objects of {dataset.name} have no restriction flag")

    def set_value(self, dataset: Dataset, rows: Sequence[Row], field: str, value: Any) -> list[Any]:
        raise NotImplementedError(f"objects of {dataset.name} have no fields to rectify")


def _version_lock(client: Any, bucket: str, key: str, version_id: str) -> str | None:
    """One HEAD per version: it carries the Object Lock mode, retain-until date and legal hold."""
    from gdpr.ledger.clock import utc_now

    head = client.head_object(Bucket=bucket, Key=key, VersionId=version_id)
    if head.get("ObjectLockLegalHoldStatus") == "ON":
        return "S3 Object Lock legal hold on the object"
    until = head.get("ObjectLockRetainUntilDate")
    if until is not None and until > utc_now():
        mode = str(head.get("ObjectLockMode", "")).lower()
        return f"S3 Object Lock ({mode} mode) until {until.date().isoformat()}"
    return None
