"""Taking members out of a versioned archive's history (moto's S3 server over HTTP).

The archive: v0 holds only B's member, v1 holds A's and B's, v2 B's and C's, and a delete marker
is current. Taking A out must leave v0 untouched, v1 with B's member only, v2 as it was, in that
order, and the archive still deleted; a call stopped before any of its writes, then run again,
must end in the same history and count A once over the attempts.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from gdpr.connectors.s3 import Bucket
from gdpr.connectors.s3_history import ArchiveHistory

pytestmark = pytest.mark.integration

BUCKET, KEY = "archives", "exports/2024.zip"
VERSIONS = [{"B"}, {"A", "B"}, {"B", "C"}]  # oldest first; then a delete marker
WRITES = ("put_object", "copy", "delete_object", "delete_objects")


def archive(members: set[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("README", "nobody's")
        for name in sorted(members):
            z.writestr(name, f"record of {name}")
    return out.getvalue()


def names(s3_client, version_id: str) -> set[str]:
    body = s3_client.get_object(Bucket=BUCKET, Key=KEY, VersionId=version_id)["Body"].read()
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        return set(z.namelist()) - {"README"}


def history(s3_client) -> list[object]:
    """The data versions' member names, oldest first, then "marker" per delete marker, the
    current one last (S3 dates markers to the second: only the current one has a place)."""
    listing = s3_client.list_object_versions(Bucket=BUCKET, Prefix=KEY)
    data = [names(s3_client, v["VersionId"]) for v in reversed(listing.get("Versions", []))]
    markers = sorted(m["IsLatest"] for m in listing.get("DeleteMarkers", []))
    return data + ["marker" if latest else "older marker" for latest in markers]


@pytest.fixture
def seeded(s3_client):
    s3_client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
    )
    s3_client.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    for members in VERSIONS:
        s3_client.put_object(Bucket=BUCKET, Key=KEY, Body=archive(members))
    s3_client.delete_object(Bucket=BUCKET, Key=KEY)
    return s3_client


def take_out(client, leaving: set[str]) -> set[str]:
    bucket = Bucket(client, BUCKET)

    def read(version) -> set[str]:
        return names(client, version.version_id) | {"README"}

    return ArchiveHistory(bucket, KEY, read).remove(leaving)


class StopAt:
    """The client, stopping the process (an exception) at its ``stop``-th write."""

    def __init__(self, client, stop: int):
        self.client, self.stop, self.writes = client, stop, 0

    def __getattr__(self, name):
        attribute = getattr(self.client, name)
        if name not in WRITES:
            return attribute

        def write(*args, **kwargs):
            if self.writes == self.stop:
                raise ConnectionError(f"stopped before write {self.stop} ({name})")
            self.writes += 1
            return attribute(*args, **kwargs)

        return write


EXPECTED = [{"B"}, {"B"}, {"B", "C"}, "marker"]


def oldest_version_id(s3_client) -> str:
    return s3_client.list_object_versions(Bucket=BUCKET, Prefix=KEY)["Versions"][-1]["VersionId"]


def test_a_member_leaves_every_version_and_the_others_stay_in_order(seeded):
    s3_client = seeded
    untouched = oldest_version_id(s3_client)
    assert take_out(s3_client, {"A"}) == {"A"}
    assert history(s3_client) == EXPECTED
    assert oldest_version_id(s3_client) == untouched  # before the first version holding A
    assert take_out(s3_client, {"A"}) == set()  # a rerun finds nothing and counts nothing
    assert history(s3_client) == EXPECTED


@pytest.mark.parametrize("stop", range(4), ids=["first copy", "second copy", "marker", "deletes"])
def test_a_rewrite_stopped_before_any_write_ends_as_one_uninterrupted(seeded, stop):
    s3_client = seeded
    with pytest.raises(ConnectionError, match=f"before write {stop}"):
        take_out(StopAt(s3_client, stop), {"A"})
    assert take_out(s3_client, {"A"}) == {"A"}  # counted once, by the call that finished
    assert history(s3_client) == EXPECTED


def test_the_last_member_of_every_version_leaving_removes_the_archive(seeded):
    s3_client = seeded
    take_out(s3_client, {"A", "B", "C", "README"})
    assert s3_client.list_object_versions(Bucket=BUCKET, Prefix=KEY).get("Versions") is None
    assert s3_client.list_object_versions(Bucket=BUCKET, Prefix=KEY).get("DeleteMarkers") is None
