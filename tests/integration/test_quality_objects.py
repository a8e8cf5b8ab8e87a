"""The free-text check of S3 text objects (a dataset declared `text_objects`), on moto over HTTP:
text objects of the declared content types are scanned, other files are not, findings name the
object key and the category, never the text."""

from __future__ import annotations

import shutil

import pytest

from gdpr.connectors.s3 import S3Connector
from gdpr.datamap import load_datamap
from gdpr.quality import findings as checks
from gdpr.quality.runner import check_objects
from tests.conftest import DATAMAP_PATH

DATASET = "helpdesk_files.attachments"
DECLARED = "text_objects: {content_types: [text/plain, text/csv], max_bytes: 1000000}"
SENSITIVE = "Le client est diabétique et suit un traitement à l'hôpital."
CARD = "Please charge my card 4111 1111 1111 1111, expiry 12/29."
OBJECTS = {
    # key: (body, content type)
    "tickets/1/1": (SENSITIVE.encode(), "text/plain; charset=utf-8"),
    "tickets/1/2": (CARD.encode(), "text/plain"),
    "tickets/2/3": ("Merci, la lampe fonctionne à nouveau.".encode(), "text/plain"),
    "tickets/2/4": (b"\x89PNG\r\n\x1a\n" + SENSITIVE.encode(), "image/png"),  # not text: skipped
    "tickets/3/5": (b"x" * 2_000 + SENSITIVE.encode(), "text/plain"),  # past max_bytes
    "tickets/3/6": (b"order no. 4111 1111 1111 1112 (not Luhn-valid)", "text/csv"),
}


@pytest.fixture
def text_map(tmp_path):
    text = DATAMAP_PATH.read_text(encoding="utf-8")
    assert DECLARED in text, "the demo map declares its text attachments"
    declared = text.replace(DECLARED, "text_objects: {max_bytes: 2000}")
    shutil.copytree(DATAMAP_PATH.parent, tmp_path / "include")
    path = tmp_path / "include" / DATAMAP_PATH.name
    path.write_text(declared, encoding="utf-8")
    return load_datamap(path)


@pytest.fixture
def bucket(text_map, s3_client):
    ref = text_map.dataset(DATASET)
    s3_client.create_bucket(
        Bucket=ref.system.bucket,
        CreateBucketConfiguration={"LocationConstraint": "eu-west-3"},
    )
    for key, (body, content_type) in OBJECTS.items():
        s3_client.put_object(Bucket=ref.system.bucket, Key=key, Body=body, ContentType=content_type)
    return S3Connector(ref.system, s3_client)


def test_text_objects_are_scanned_and_findings_name_keys_not_text(text_map, bucket, tmp_path):
    docs = tmp_path / "docs"

    outcome = check_objects(text_map, DATASET, bucket, docs_dir=docs, chunk_size=4)

    found = {(f.key, f.category) for f in outcome.findings}
    assert found == {(("tickets/1/1",), "health"), (("tickets/1/2",), "card_number")}
    assert all(f.check == checks.FREE_TEXT for f in outcome.findings)
    assert outcome.text_rows == 5, "the png is not read as text"
    assert outcome.summary()["by_category"] == {"free_text:card_number": 1, "free_text:health": 1}
    rendered = "".join(p.read_text(errors="ignore") for p in docs.rglob("*.html"))
    assert rendered, "Data Docs were built"
    for secret in ("diabétique", "diab&eacute;tique", "4111 1111"):
        assert secret not in rendered
        assert secret not in str(outcome.summary())


def test_a_sql_dataset_or_undeclared_bucket_is_refused(text_map, bucket):
    with pytest.raises(ValueError, match="text_objects"):
        check_objects(text_map, "crm.customers", bucket)
    with pytest.raises(ValueError, match="text_objects"):
        check_objects(text_map, "call_audio.recordings", bucket)
