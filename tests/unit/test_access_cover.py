"""The access cover letter: every Art. 15 item, in French and English, from the data map."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gdpr.access.cover import RequestInfo, build_cover, describe_period, render_cover
from gdpr.access.export import DatasetExport
from gdpr.access.portability import Scope

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
REQUEST = RequestInfo("R-2026-000007", "access", NOW, datetime(2026, 12, 22, 22, 59, tzinfo=UTC))


def export(dataset, count, kind="records"):
    return DatasetExport(dataset, kind, count, "0" * 64)


def cover(datamap, exports):
    withheld = [
        w for e in exports for w in Scope(datamap, "access").withheld(datamap.dataset(e.dataset))
    ]
    return build_cover(datamap, exports, withheld, REQUEST, NOW, files=9)


@pytest.mark.parametrize(
    ("iso", "en", "fr"),
    [
        ("P3Y", "3 years", "3 ans"),
        ("P13M", "13 months", "13 mois"),
        ("P1Y", "1 year", "1 an"),
        ("P6M", "6 months", "6 mois"),
        ("P30D", "30 days", "30 jours"),
    ],
)
def test_periods_read_as_words(iso, en, fr):
    assert describe_period(iso, "en") == en
    assert describe_period(iso, "fr") == fr


def test_only_the_purposes_of_the_datasets_found_are_described(datamap):
    context = cover(datamap, [export("crm.prospects", 1), export("crm.customers", 0)])
    assert [p.id for p in context.purposes] == ["prospecting"]
    (purpose,) = context.purposes
    assert purpose.sources == ["Catalogue request forms on partner websites"]
    assert purpose.retention["crm.prospects"][0].citation.startswith("CNIL NS-048")
    assert context.records == 1
    assert context.anything_found


def test_a_dataset_without_its_own_rule_follows_the_rule_of_its_parent(datamap):
    context = cover(datamap, [export("helpdesk.ticket_messages", 4)])
    (rule,) = context.purposes[0].retention["helpdesk.ticket_messages"]
    assert rule.via == "helpdesk.tickets"
    assert rule.period_en == "3 years"


def test_transfers_and_their_safeguards_are_collected_for_article_15_2(datamap):
    context = cover(datamap, [export("helpdesk.tickets", 2)])
    (transfer,) = context.transfers
    assert transfer.country == "US"
    assert "Standard contractual clauses" in transfer.safeguard


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_both_languages_carry_every_item_of_article_15_1(datamap, lang):
    exports = [
        export(ref.id, 1, "objects" if ref.kind == "s3" else "records")
        for ref in datamap.iter_datasets()
    ]
    page = render_cover(cover(datamap, exports), lang)
    for item in ("(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "15(2)", "15(3)", "15(4)"):
        assert item in page, item
    org = datamap.organisation
    for text in (
        org.supervisory_authority.name.replace("'", "&#39;"),
        org.dpo.email,
        "Paylane Payments",
        "IE",
        "Deskly Inc.",
        "Code de commerce, art. L123-22",
        "Catalogue request forms on partner websites",
        "R-2026-000007",
    ):
        assert text in page, text
    words = {
        "en": ["Rectification", "Erasure", "Restriction", "Objection", "complaint", "your consent"],
        "fr": [
            "Rectification",
            "Effacement",
            "Limitation",
            "Opposition",
            "réclamation",
            "votre consentement",
        ],
    }[lang]
    for word in words:
        assert word in page, word


def test_automated_decisions_declared_in_the_map_are_explained(datamap):
    purposes = [
        p.model_copy(update={"automated_decisions": "Fraud score blocks risky orders."})
        if p.id == "customer_accounts"
        else p
        for p in datamap.purposes
    ]
    changed = datamap.model_copy(update={"purposes": purposes})
    page = render_cover(cover(changed, [export("crm.orders", 3)]), "en")
    assert "Fraud score blocks risky orders." in page
    assert "No decision producing legal effects" not in page


def test_nothing_found_says_so_in_both_languages(datamap):
    context = cover(datamap, [export("crm.customers", 0)])
    assert not context.anything_found
    assert context.purposes == []
    assert "We hold no personal data about you" in render_cover(context, "en")
    assert "Nous ne détenons aucune donnée personnelle" in render_cover(context, "fr")
