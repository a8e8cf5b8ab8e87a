"""Taking members out of a versioned zip archive without losing anyone else's.

S3 versions cannot be edited, and an older version of an archive may hold other people's
members besides the ones leaving: deleting it would destroy records that are not due (a held
person's, one under an open request, one of a later batch of the same purge). So the history is
written again: from the oldest version holding a leaving member up to the current one, each
data version is copied in its order, without the leaving members (a version holding nothing
else is left out; one without them is copied server-side), the archive is deleted again if it
was, and only then are the original versions and delete markers of that stretch deleted. The
older versions that never held a leaving member are not touched. Delete markers inside the
stretch are not copied: they only said the archive was absent for a while.

Crash safety: every copy carries, in its user metadata, the rewrite it belongs to, its place
in it (``i/n``), the version just before the stretch and, on the last copy, whether the archive
ends deleted. The copies are always the newest versions, so one HEAD of the newest data version
tells the next call whether a rewrite stopped half-way: copies without their last one are
deleted (nothing else had changed), a complete one has its originals deleted and its final
delete marker written. The history never holds a member twice, and the current version stays
the one that was current.

Cost per archive: one HEAD, a GET and a PUT per version holding leaving members, a server-side
COPY (with a HEAD for its metadata) per later version, one DeleteObjects per 1,000 originals.
A rewritten version's ``LastModified`` is the time of the rewrite (S3 sets it).
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gdpr.connectors.s3 import Bucket, ObjectVersion, data_versions, newest_first

RUN = "gdpr-rewrite"  # "<rewrite id> <i>/<n>"
BEFORE = "gdpr-rewrite-after"  # the version id just before the stretch, "" when none
ENDS_DELETED = "gdpr-rewrite-deleted"  # on the last copy: "1" when the archive ends deleted
OWN = (RUN, BEFORE, ENDS_DELETED)


@dataclass(frozen=True)
class ArchiveHistory:
    """One archive key's versions in ``bucket``; ``names`` reads a version's member names."""

    bucket: Bucket
    key: str
    names: Callable[[ObjectVersion], set[str]]

    def remove(self, leaving: set[str]) -> set[str]:
        """Take ``leaving`` out of every version; returns those that were in one (none on a
        rerun, so counts stay true)."""
        finished = self.recover() & leaving
        versions = newest_first(self.bucket.versions_of([self.key]))
        data = data_versions(versions)[::-1]  # oldest first
        start = next((i for i, v in enumerate(data) if self.names(v) & leaving), None)
        if start is None:
            return finished
        if [v.version_id for v in versions] == ["null"]:  # an unversioned bucket
            return finished | self._in_place(versions[0], leaving)
        before, stretch = data[:start], data[start:]
        copies = [v for v in stretch if self.names(v) - leaving]
        gone = finished.union(*(self.names(v) & leaving for v in stretch))
        current = versions[0]
        ends_deleted = current.is_delete_marker or not (self.names(current) - leaving)
        if not copies and not before:  # nothing of the archive remains
            sum(self.bucket.delete_versions(versions))
            return gone
        run = uuid.uuid4().hex
        after = before[-1].version_id if before else ""
        originals = stretch + _markers_since(versions, stretch[0])
        for i, version in enumerate(copies, start=1):
            meta = {RUN: f"{run} {i}/{len(copies)}", BEFORE: after}
            if i == len(copies):
                meta[ENDS_DELETED] = "1" if ends_deleted else ""
            self._copy(version, leaving, meta)
        self._finish(originals, ends_deleted)
        return gone

    def recover(self) -> set[str]:
        """Finish or roll back a rewrite an earlier call left half-way (see the module doc);
        returns the members that finishing it took out of the archive."""
        versions = newest_first(self.bucket.versions_of([self.key]))
        data = data_versions(versions)
        if not data or data[0].version_id == "null":  # nothing, or an unversioned bucket
            return set()
        meta = self._head(data[0]).get("Metadata", {})
        if RUN not in meta:
            return set()
        place, count = (int(n) for n in meta[RUN].split()[1].split("/"))
        if place < count:  # copies without their last: nothing else had changed yet
            sum(self.bucket.delete_versions(data[:place]))
            return set()
        oldest_first = [v.version_id for v in data[::-1]]
        if meta[BEFORE] and meta[BEFORE] not in oldest_first:
            raise RuntimeError(
                f"archive {self.key}: a rewrite stopped half-way and the version it started "
                f"after ({meta[BEFORE]}) is gone; its originals cannot be told from older "
                "versions, so nothing is deleted: delete the older copies by hand"
            )
        first = oldest_first.index(meta[BEFORE]) + 1 if meta[BEFORE] else 0
        stretch = data[::-1][first : len(data) - count]
        if not stretch:  # finished long ago: the copies are the archive's history now
            return set()
        held = set().union(*map(self.names, stretch))
        kept = set().union(*map(self.names, data[:count]))
        originals = stretch + [m for m in _markers_since(versions, stretch[0]) if not m.is_latest]
        self._finish(originals, meta.get(ENDS_DELETED) == "1")
        return held - kept

    def _finish(self, originals: list[ObjectVersion], ends_deleted: bool) -> None:
        """The copies are written: mark the archive deleted if it ends so, then delete the
        stretch's originals (the marker first, so the stretch never shows as current)."""
        newest = newest_first(self.bucket.versions_of([self.key]))
        if ends_deleted and newest and not newest[0].is_delete_marker:
            self.bucket.client.delete_object(Bucket=self.bucket.name, Key=self.key)
        sum(self.bucket.delete_versions(originals))

    def _copy(self, version: ObjectVersion, leaving: set[str], meta: dict[str, str]) -> None:
        """A new version with ``version``'s content (without ``leaving``) and metadata."""
        client, bucket = self.bucket.client, self.bucket.name
        source = {"Bucket": bucket, "Key": self.key, "VersionId": version.version_id}
        head = self._head(version)
        own = {k: v for k, v in head.get("Metadata", {}).items() if k not in OWN}
        args: dict[str, Any] = {
            "Metadata": own | meta,
            "ContentType": head.get("ContentType") or "application/zip",
            "ServerSideEncryption": "AES256",
        }
        if not self.names(version) & leaving:
            client.copy(source, bucket, self.key, ExtraArgs=args | {"MetadataDirective": "REPLACE"})
            return
        body = client.get_object(**source)["Body"].read()
        client.put_object(Bucket=bucket, Key=self.key, Body=without(body, leaving), **args)

    def _in_place(self, version: ObjectVersion, leaving: set[str]) -> set[str]:
        """An unversioned bucket: the object is overwritten without them, or deleted."""
        client, bucket = self.bucket.client, self.bucket.name
        names = self.names(version)
        if names - leaving:
            head = client.head_object(Bucket=bucket, Key=self.key)
            body = client.get_object(Bucket=bucket, Key=self.key)["Body"].read()
            self.bucket.put_object(
                self.key,
                without(body, leaving),
                content_type=head.get("ContentType") or "application/zip",
            )
        else:
            client.delete_object(Bucket=bucket, Key=self.key)
        return names & leaving

    def _head(self, version: ObjectVersion) -> dict[str, Any]:
        return self.bucket.client.head_object(
            Bucket=self.bucket.name, Key=self.key, VersionId=version.version_id
        )


def without(archive: bytes, leaving: set[str]) -> bytes:
    """The zip ``archive`` with every member but ``leaving``, entries and comment as they were."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as old, zipfile.ZipFile(out, "w") as new:
        new.comment = old.comment
        for info in old.infolist():
            if info.filename not in leaving:
                new.writestr(info, old.read(info))
    return out.getvalue()


def _markers_since(versions: list[ObjectVersion], first: ObjectVersion) -> list[ObjectVersion]:
    """The delete markers not older than ``first``: S3 dates them to the second and lists them
    apart from the versions, so one of the same second counts as inside the stretch."""
    return [v for v in versions if v.is_delete_marker and v.last_modified >= first.last_modified]
