"""Pure logic: S3 key templates, retention cutoffs and the purge plan of a rule."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from gdpr.datamap.templates import KeyTemplate, TemplateError
from gdpr.retention.plan import cutoff_for, plan_rule


def test_template_lists_by_the_longest_bound_prefix_and_parses_keys():
    template = KeyTemplate("scans/{account_id}/{document_id}.pdf")
    assert template.placeholders == ("account_id", "document_id")
    assert template.prefix({}) == "scans/"
    assert template.prefix({"account_id": 42}) == "scans/42/"
    assert template.prefix({"account_id": 42, "document_id": 7}) == "scans/42/7.pdf"
    assert template.parse("scans/42/7.pdf") == {"account_id": "42", "document_id": "7"}
    assert template.parse("scans/42/notes.txt") is None
    assert template.parse("scans/42/x/7.pdf") is None, "a placeholder never spans a '/'"


@pytest.mark.parametrize("text", ["scans/{}/x", "scans/{a:>4}/x", "scans/{a.b}/x", "scans/{a"])
def test_malformed_templates_are_refused(text):
    with pytest.raises(TemplateError):
        _ = KeyTemplate(text).placeholders


def test_free_segments_match_what_no_record_lists_and_never_narrow_the_prefix():
    template = KeyTemplate("tenants/{file_id}/{*kind}/{*}.pdf")
    assert template.placeholders == ("file_id",), "a free segment is bound by nothing"
    assert template.wildcards == ("kind",)
    assert template.prefix({"file_id": 7}) == "tenants/7/"
    assert template.parse("tenants/7/payslip/2026-01.pdf") == {"file_id": "7", "kind": "payslip"}
    assert template.parse("tenants/7/payslip/x/2026-01.pdf") is None, "one segment each"
    assert template.misplaced_wildcards() == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{*}/{claim_id}.jpg", ["{*} comes before every placeholder"]),
        ("claims/{claim_id}{*}.jpg", ["{*} directly follows {claim_id}"]),
        (
            "claims/{*a}{b}",
            ["{*a} comes before every placeholder", "{*a} is directly followed by {b}"],
        ),
    ],
)
def test_a_free_segment_in_the_wrong_place_is_named_with_the_reason(text, why):
    assert KeyTemplate(text).misplaced_wildcards() == why


def test_a_bound_value_cannot_escape_its_segment():
    with pytest.raises(TemplateError, match="cannot be empty or contain '/'"):
        KeyTemplate("scans/{account_id}/").prefix({"account_id": "../other"})


@pytest.mark.parametrize(
    ("now", "period", "day"),
    [
        # month-end clamping: 28 Feb + P1M is 28 Mar, over by 31 Mar; 1 Mar + P1M is 1 Apr
        (datetime(2026, 3, 31, 12, tzinfo=UTC), "P1M", date(2026, 3, 1)),
        (datetime(2028, 3, 31, 12, tzinfo=UTC), "P1M", date(2028, 3, 1)),  # leap year
        # 29 Feb 2024 + P1Y is 28 Feb 2025: kept that day, purged from 1 March
        (datetime(2025, 2, 28, 12, tzinfo=UTC), "P1Y", date(2024, 2, 28)),
        (datetime(2025, 3, 1, 12, tzinfo=UTC), "P1Y", date(2024, 3, 1)),
        # 28 Feb 2027 + P1Y is 28 Feb 2028: over on 29 Feb 2028
        (datetime(2028, 2, 29, 12, tzinfo=UTC), "P1Y", date(2027, 3, 1)),
        (datetime(2026, 11, 22, 12, tzinfo=UTC), "P3Y", date(2023, 11, 22)),
        (datetime(2026, 11, 22, 12, tzinfo=UTC), "P13M", date(2025, 10, 22)),
        (
            datetime(2026, 11, 22, 23, 30, tzinfo=UTC),
            "P6M",
            date(2026, 5, 23),
        ),  # already 23 Nov in Paris
    ],
)
def test_cutoff_is_calendar_aware_in_the_organisation_time_zone(datamap, now, period, day):
    rule = datamap.retention[0].model_copy(update={"period": period})
    assert cutoff_for(rule, now, "Europe/Paris").day == day


def test_plan_deletes_dependants_children_first_and_keeps_what_the_rule_keeps(datamap):
    plan = plan_rule(datamap, datamap.rule("customers-3y-after-relationship"))
    actions = {step.dataset: step.action for step in plan.steps}
    assert actions["crm.customers"] == "delete"
    assert actions["helpdesk.tickets"] == "delete"
    assert actions["call_audio.recordings"] == "delete"
    assert actions["crm.invoices"] == "anonymise"
    assert "invoice_archive.invoice_pdfs" not in actions, (
        "what hangs under a kept record is left alone"
    )
    order = [s.dataset for s in plan.children_first()]
    assert (
        order.index("helpdesk.ticket_messages")
        < order.index("helpdesk.tickets")
        < order.index("crm.customers")
    )


def test_anonymise_rule_touches_only_its_dataset(datamap):
    plan = plan_rule(datamap, datamap.rule("card-data-13m"))
    assert [(s.dataset, s.action) for s in plan.steps] == [("crm.payments", "anonymise")]
