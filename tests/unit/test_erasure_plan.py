"""Erasure plan decisions from the data map alone: fates, reasons, grounds, rectifiable fields."""

from __future__ import annotations

import pytest

from gdpr.connectors.rt import RtConnector
from gdpr.connectors.s3 import S3Connector
from gdpr.connectors.sql import SqlConnector
from gdpr.datamap.graph import ReferenceGraph
from gdpr.erasure.grounds import GROUNDS
from gdpr.erasure.plan import DatasetPlan, ErasurePlan, KeepReason, dataset_fate
from gdpr.erasure.rectifiable import choice_labels, rectifiable
from gdpr.erasure.settings import APPROVAL_TIMEOUT_ENV, approval_timeout
from gdpr.erasure.suppression import SuppressionKeyError, identity_hash


def fate(datamap, dataset_id):
    """The dataset's fate, its system anonymising in place as its connector says."""
    ref = datamap.dataset(dataset_id)
    connector = {"sql": SqlConnector, "s3": S3Connector, "rt": RtConnector}[ref.kind]
    return dataset_fate(datamap, ref, ReferenceGraph.of(datamap), anonymises=connector.anonymises)


def test_records_a_legal_obligation_keeps_are_anonymised_with_the_citation(datamap):
    action, reason = fate(datamap, "crm.invoices")
    assert action == "anonymise"
    assert reason.article == "Art. 17(3)(b)"
    assert "L123-22" in reason.text


def test_objects_under_a_kept_record_are_kept_as_they_are_for_the_same_reason(datamap):
    action, reason = fate(datamap, "invoice_archive.invoice_pdfs")
    assert action == "keep"
    assert "L123-22" in reason.text


def test_everything_else_is_deleted(datamap):
    for dataset in ("crm.customers", "crm.orders", "helpdesk.tickets", "call_audio.recordings"):
        assert fate(datamap, dataset) == ("delete", None), dataset


def test_grounds_are_the_six_of_article_17_1():
    assert list(GROUNDS) == ["a", "b", "c", "d", "e", "f"]
    assert all(label.startswith(f"({g})") for g, label in GROUNDS.items())


def test_plan_digest_ignores_when_it_was_made_but_not_what_it_does():
    def plan(created_at, keys):
        return ErasurePlan(
            "R-1",
            "a",
            "d" * 64,
            created_at,
            [DatasetPlan("s.d", "s", "sql", ["id"], delete=keys)],
            {"r": KeepReason("r", "why", "Art. 17(3)(b)")},
        )

    assert plan("2026-01-01", [[1]]).sha256 == plan("2026-02-01", [[1]]).sha256
    assert plan("2026-01-01", [[1]]).sha256 != plan("2026-01-01", [[1], [2]]).sha256
    again = ErasurePlan.from_json(plan("2026-01-01", [[1]]).to_json())
    assert again.sha256 == plan("2026-01-01", [[1]]).sha256


def test_rectifiable_fields_group_by_category_across_datasets(datamap):
    choices = rectifiable(datamap)
    assert {t.dataset for t in choices["user.name.last"]} == {"crm.customers", "crm.prospects"}
    assert "user.contact.email" not in choices, "identities are not rectified by this form"
    assert "crm.customers.last_name" in choice_labels(datamap)["user.name.last"]


def test_suppression_hash_is_keyed_and_normalised():
    key = b"k" * 32
    assert identity_hash(key, " Camille.Durand@Example.FR ") == identity_hash(
        key, "camille.durand@example.fr"
    )
    assert identity_hash(key, "a@b.fr") != identity_hash(b"x" * 32, "a@b.fr")
    with pytest.raises(SuppressionKeyError):
        identity_hash(b"short", "a@b.fr")


def test_approval_timeout_setting(monkeypatch):
    monkeypatch.setenv(APPROVAL_TIMEOUT_ENV, "PT12H")
    assert approval_timeout().total_seconds() == 12 * 3600
    monkeypatch.setenv(APPROVAL_TIMEOUT_ENV, "P1M")
    with pytest.raises(ValueError, match="positive duration"):
        approval_timeout()


def test_records_kept_by_another_rule_cite_that_rule_not_a_period_of_their_own(datamap):
    action, reason = fate(datamap, "crm.payments")
    assert action == "anonymise"
    assert reason.id == "rule-customers-3y-after-relationship"
    assert "without personal data" in reason.text
    assert reason.article == "Art. 17(3)(e)", "no purpose of the dataset is a legal obligation"


def test_a_key_identity_or_reference_field_cannot_be_rectifiable():
    from gdpr.datamap.errors import DataMapError
    from gdpr.datamap.loader import parse_datamap
    from tests.conftest import DATAMAP_PATH

    text = DATAMAP_PATH.read_text(encoding="utf-8").replace(
        "email: {categories: [user.contact.email], provided: true, erasure: hash}",
        "email: {categories: [user.contact.email], provided: true, erasure: hash, rectifiable: true}",
        1,
    )
    with pytest.raises(DataMapError, match="key, identity or reference field"):
        parse_datamap(text, sql_dir=DATAMAP_PATH.parent / "sql")


def test_what_a_system_cannot_erase_is_named_so_and_never_cited_as_an_exemption(datamap):
    import json

    from gdpr.connectors.base import Lock, LockNature
    from gdpr.erasure.plan import lock_reason
    from gdpr.erasure.refusal import partial_text, refusal_text

    cannot = lock_reason("s.d", Lock(LockNature.TECHNICAL, "Its API cannot remove them."))
    held = lock_reason("s.d", Lock(LockNature.RETENTION, "S3 Object Lock legal hold on the object"))
    assert (cannot.exempt, cannot.article) == (False, "")
    assert cannot.text == "Kept: the system cannot erase it. Its API cannot remove them."
    assert (held.exempt, held.article) == (True, "Art. 17(3)(b)")
    assert held.text == "S3 Object Lock legal hold on the object"

    def plan(kept, delete):
        used = {r.id: r for r in (cannot, held) if r.id in kept}
        return ErasurePlan(
            "R-1",
            "c",
            "d" * 64,
            "2026-01-01",
            [DatasetPlan("s.d", "s", "sql", ["id"], delete=delete, kept=kept)],
            used,
        )

    partial = plan({cannot.id: [[2], [3]], held.id: [[4]]}, [[1]])
    assert partial_text(partial) == (
        "partially erased (Art. 17): 1 records kept under Art. 17(3)(b); "
        "2 records kept because the system cannot erase them"
    )
    assert ErasurePlan.from_json(partial.to_json()).reasons[cannot.id].exempt is False
    refused = refusal_text(datamap, plan({cannot.id: [[2]]}, []))
    assert "17(3)" not in refused
    assert "not an exemption: Kept: the system cannot erase it" in refused

    older = json.loads(partial.to_json())  # a plan stored before reasons had a nature
    for reason in older["reasons"].values():
        del reason["exempt"]
    assert all(r.exempt for r in ErasurePlan.from_json(json.dumps(older)).reasons.values())
