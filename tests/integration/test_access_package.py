"""Access and portability packages of the planted subject, built from PostgreSQL, MariaDB and moto."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from examples.retailer.planted import PLANTED, PLANTED_NEAR_MISS_EMAILS
from gdpr.access import RequestInfo, build_subject_package
from gdpr.connectors.factory import connectors_for, env_clients

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
REQUEST = RequestInfo("R-2026-000042", "access", NOW - timedelta(days=3), NOW + timedelta(days=28))


@pytest.fixture
def connectors(demo_org):
    clients = env_clients()
    yield connectors_for(demo_org.datamap, clients)
    clients.dispose()


def build(demo_org, connectors, tmp_path, email, kind="access", **options):
    request = RequestInfo(REQUEST.request_id, kind, REQUEST.received_at, REQUEST.due_at)
    package = build_subject_package(
        demo_org.datamap,
        connectors,
        email,
        tmp_path / kind,
        kind=kind,
        request=request,
        generated_at=NOW,
        **options,
    )
    return package, zipfile.ZipFile(package.path)


def records(archive, dataset):
    system, name = dataset.split(".")
    return json.loads(archive.read(f"data/{system}/{name}.json"))


def object_keys(archive, dataset):
    system, name = dataset.split(".")
    prefix = f"objects/{system}/{name}/"
    return sorted(n[len(prefix) :] for n in archive.namelist() if n.startswith(prefix))


def version_files(s3, bucket, key):
    """The package's file name of each data version of an object: the key when there is one,
    else ``<stem>.version-<n>.<UTC time><suffix>`` (1 the oldest; S3 lists newest first)."""
    listed = [
        v
        for v in s3.list_object_versions(Bucket=bucket, Prefix=key).get("Versions", [])
        if v["Key"] == key
    ]
    if len(listed) == 1:
        return [(key, listed[0])]
    stem, suffix = key.rsplit(".", 1)
    return [
        (f"{stem}.version-{n}.{v['LastModified']:%Y-%m-%dT%H-%M-%SZ}.{suffix}", v)
        for n, v in zip(range(len(listed), 0, -1), listed, strict=True)
    ]


def test_access_package_holds_exactly_the_subjects_records_and_objects(
    demo_org, connectors, tmp_path
):
    package, archive = build(demo_org, connectors, tmp_path, "  Camille.DURAND@Example.fr ")
    subject = PLANTED.subject
    datamap = demo_org.datamap
    for dataset, ids in subject.ids().items():
        key = datamap.dataset(dataset).dataset.primary_key[0]
        assert sorted(r[key] for r in records(archive, dataset)) == sorted(ids), dataset
    for dataset, keys in subject.object_keys.items():
        bucket = datamap.dataset(dataset).system.bucket
        files = {name: v for key in keys for name, v in version_files(demo_org.s3, bucket, key)}
        assert object_keys(archive, dataset) == sorted(files), dataset
        system, name = dataset.split(".")
        for path, version in files.items():  # every version kept, byte for byte
            original = demo_org.s3.get_object(
                Bucket=bucket, Key=version["Key"], VersionId=version["VersionId"]
            )["Body"].read()
            assert archive.read(f"objects/{system}/{name}/{path}") == original
    # the planted invoice with two versions (a re-issue) gives two files, told apart by name
    assert (
        sum("/1.version-" in k for k in object_keys(archive, "invoice_archive.invoice_pdfs")) == 2
    )
    customer = records(archive, "crm.customers")[0]
    assert customer["last_name"] == subject.last_name
    assert customer["phone"] == subject.phone

    everything = (
        b"\n".join(archive.read(n) for n in archive.namelist()).decode(errors="replace").lower()
    )
    for other in PLANTED_NEAR_MISS_EMAILS:
        assert other not in everything, "a near miss's data is in the package"
    assert "agent_name" not in json.dumps(records(archive, "helpdesk.ticket_messages"))
    assert package.counts["crm.customers"] == 1
    assert package.found


def test_manifest_lists_every_file_with_its_sha256(demo_org, connectors, tmp_path):
    package, archive = build(demo_org, connectors, tmp_path, PLANTED.subject.email)
    manifest = json.loads(archive.read("manifest.json"))
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {"manifest.json"}
    for path, digest in listed.items():
        assert hashlib.sha256(archive.read(path)).hexdigest() == digest, path
    assert manifest["request_id"] == REQUEST.request_id
    assert hashlib.sha256(package.path.read_bytes()).hexdigest() == package.sha256
    assert {"cover.fr.html", "cover.en.html", "schema.json"} <= set(archive.namelist())
    # both formats by default, CSV readable with a header row
    csv_text = archive.read("data/crm/orders.csv").decode()
    assert csv_text.splitlines()[0].startswith("order_id,customer_id")
    assert len(csv_text.strip().splitlines()) == 1 + len(PLANTED.subject.order_ids)


def test_cover_contains_every_article_15_item_from_the_data_map(demo_org, connectors, tmp_path):
    _, archive = build(demo_org, connectors, tmp_path, PLANTED.subject.email)
    en = archive.read("cover.en.html").decode()
    fr = archive.read("cover.fr.html").decode()
    datamap = demo_org.datamap
    for page in (en, fr):
        for item in ("(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "15(2)"):
            assert item in page, item
        assert "Customer support" in page  # (a) purposes found for the subject
        assert "User Contact Email" in page  # (b) categories
        assert "Deskly Inc." in page
        assert "US" in page
        assert "Standard contractual clauses" in page  # 15(2) safeguard
        assert "Code de commerce, art. L123-22" in page  # (d) retention citation
        assert "Catalogue request forms on partner websites" in page  # (g) source
        assert datamap.organisation.supervisory_authority.url in page  # (f) complaint
        assert datamap.organisation.dpo.email in page
        assert "Art. 22" in page or "art. 22" in page  # (h)
        assert "agent_name" in page  # withheld about others, Art. 15(4)
    for word in ("Rectification", "Erasure", "Restriction", "Objection", "3 years", "10 years"):
        assert word in en, word
    for word in ("Rectification", "Effacement", "Limitation", "Opposition", "3 ans", "10 ans"):
        assert word in fr, word
    for personal in (PLANTED.subject.email, PLANTED.subject.last_name):
        assert personal not in en
        assert personal not in fr


def test_portability_package_has_only_provided_fields_under_consent_or_contract(
    demo_org, connectors, tmp_path
):
    _, archive = build(demo_org, connectors, tmp_path, PLANTED.subject.email, kind="portability")
    datamap = demo_org.datamap
    data_files = [n for n in archive.namelist() if n.startswith("data/") and n.endswith(".json")]
    assert data_files
    for name in data_files:
        _, system, file = name.split("/")
        ref = datamap.dataset(f"{system}.{file.removesuffix('.json')}")
        bases = {datamap.purpose(p).legal_basis for p in ref.dataset.purposes}
        assert bases & {"consent", "contract"}, name
        for row in json.loads(archive.read(name)):
            for column in row:
                spec = ref.dataset.fields[column]
                assert spec.provided, f"{name}: {column}"
                assert not spec.about_others, f"{name}: {column}"
    assert "data/crm/invoices.json" not in archive.namelist()  # legal obligation only
    assert "cover.en.html" not in archive.namelist()
    messages = records(archive, "helpdesk.ticket_messages")
    ids = ", ".join(str(i) for i in PLANTED.subject.message_ids)
    with demo_org.helpdesk.connect() as conn:
        written = conn.execute(
            sa.text(
                f"SELECT count(*) FROM ticket_messages WHERE message_id IN ({ids})"
                " AND author_role = 'customer'"
            )
        ).scalar_one()
        agents = (
            conn.execute(
                sa.text(
                    f"SELECT DISTINCT agent_name FROM ticket_messages WHERE message_id IN ({ids})"
                    " AND agent_name IS NOT NULL"
                )
            )
            .scalars()
            .all()
        )
    assert 0 < len(messages) == written < len(PLANTED.subject.message_ids)  # not staff replies
    assert all(set(m) == {"body"} for m in messages)
    assert agents
    everything = b"\n".join(archive.read(n) for n in archive.namelist()).decode(errors="replace")
    for agent in agents:
        assert agent not in everything, "a staff member's name is in the portability package"
    objects = {n.split("/")[2] for n in archive.namelist() if n.startswith("objects/")}
    assert objects == {"attachments"}  # the only dataset of objects the subject provided
    schema = json.loads(archive.read("schema.json"))
    described = {f["path"] for f in schema["files"]}
    assert set(data_files) <= described
    customers = next(f for f in schema["files"] if f["path"] == "data/crm/customers.json")
    assert {"key": "user.contact.email", "label": "User Contact Email"} in next(
        c for c in customers["columns"] if c["name"] == "email"
    )["categories"]
    assert {"dataset": "helpdesk.ticket_messages", "field": "agent_name"} in [
        {k: w[k] for k in ("dataset", "field")} for w in schema["withheld"]
    ]


def test_a_subject_found_nowhere_gets_a_package_that_says_so(demo_org, connectors, tmp_path):
    package, archive = build(demo_org, connectors, tmp_path, "nobody.here@example.org")
    assert not package.found
    assert "We hold no personal data about you" in archive.read("cover.en.html").decode()
    assert "Nous ne détenons aucune donnée" in archive.read("cover.fr.html").decode()
    assert all(
        not json.loads(archive.read(n))
        for n in archive.namelist()
        if n.endswith(".json") and n.startswith("data/")
    )


def test_passphrase_encrypts_the_archive_with_aes(demo_org, connectors, tmp_path):
    import pyzipper

    package, _ = build(
        demo_org, connectors, tmp_path, PLANTED.subject.email, passphrase="correct horse 42"
    )
    assert package.encrypted
    with (
        zipfile.ZipFile(package.path) as plain,
        pytest.raises(RuntimeError, match="password required"),
    ):
        plain.read("manifest.json")
    with pyzipper.AESZipFile(package.path) as archive:
        archive.setpassword(b"correct horse 42")
        assert json.loads(archive.read("manifest.json"))["request_id"] == REQUEST.request_id


# -- Art. 19, last sentence: the recipients told of changes, named in the answer ----------------


def test_the_cover_names_the_recipients_told_of_the_subjects_changes(sql_url, datamap, tmp_path):
    """Notices sent for the subject's erasure and rectification requests (and only sent ones,
    only theirs) are listed in both languages; a subject never notified about gets the sentence
    saying so. On each ledger database."""
    from gdpr.access.cover import build_cover, render_cover
    from gdpr.connections import create_sql_engine
    from gdpr.erasure.notify import notified_recipients, recipients_for
    from gdpr.ledger import Ledger, migrate

    engine = create_sql_engine(sql_url)
    migrate(engine)
    ledger = Ledger(engine)
    carrier, *others = recipients_for(datamap, datamap.dataset_ids())
    assert others, "the demo map declares more than one recipient to notify"

    def request(kind: str, email: str, ref: str) -> str:
        return ledger.create_request(
            kind=kind,
            subject_email=email,
            received_at=NOW - timedelta(days=10),
            due_at=NOW + timedelta(days=20),
            channel="test",
            external_ref=ref,
        ).request_id

    def notice(topic: str, target: str, recipient: str, sent: bool = True) -> None:
        claim = {
            "topic": topic,
            "target": target,
            "occasion": topic.removeprefix("art19_"),
            "channel": "email",
            "recipient": recipient,
        }
        assert ledger.claim_notification(**claim)
        if sent:
            ledger.mark_notification_sent(**claim)

    subject, other = "camille@example.org", "someone.else@example.org"
    erased, rectified = request("erasure", subject, "E-1"), request("rectification", subject, "R-1")
    notice("art19_erasure", erased, carrier.recipient)
    notice("art19_rectification", rectified, carrier.recipient)
    notice("art19_rectification", rectified, others[0].recipient, sent=False)  # failed: not told
    notice("art19_erasure", request("erasure", other, "E-2"), others[0].recipient)
    notice("request", erased, "dpo@example.org")  # a deadline alert is no Art. 19 notice

    (told,) = notified_recipients(ledger, datamap, subject)
    assert (told.name, told.address) == (carrier.name, carrier.recipient)
    assert told.changes == ("erasure", "rectification")
    assert notified_recipients(ledger, datamap, "nobody@example.org") == []

    covers = {}
    for email in (subject, "nobody@example.org"):
        info = RequestInfo(
            REQUEST.request_id,
            "access",
            REQUEST.received_at,
            REQUEST.due_at,
            tuple(notified_recipients(ledger, datamap, email)),
        )
        cover = build_cover(datamap, [], [], info, NOW, 3)
        covers[email] = {lang: render_cover(cover, lang) for lang in ("en", "fr")}
    engine.dispose()
    told_en, told_fr = covers[subject]["en"], covers[subject]["fr"]
    assert f"{carrier.name} ({carrier.recipient}" in told_en
    assert "erasure, rectification, last informed on" in told_en
    assert "effacement, rectification, dernière information le" in told_fr
    assert others[0].recipient not in told_en + told_fr
    assert "No recipient has been informed" in covers["nobody@example.org"]["en"]
    assert "Aucun destinataire n'a été informé" in covers["nobody@example.org"]["fr"]
