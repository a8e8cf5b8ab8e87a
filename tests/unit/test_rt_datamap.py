"""The data map's `kind: rt` (Request Tracker): what the validator accepts and refuses, with
the file and line of the problem."""

from __future__ import annotations

import pytest

from gdpr.datamap import DataMapError, parse_datamap
from tests.integration.rt_map import MAP


def problems_of(text: str) -> list[str]:
    with pytest.raises(DataMapError) as info:
        parse_datamap(text, source="map.yaml")
    return str(info.value).splitlines()[1:]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_rt_test_organisation_is_valid():
    datamap = parse_datamap(MAP)
    tickets = datamap.dataset("helpdesk.tickets")
    assert tickets.kind == "rt"
    assert tickets.dataset.rt is not None
    assert tickets.dataset.rt.records == "ticket"


def test_rectifiable_rt_fields_are_offered_with_the_other_systems_of_their_category():
    from gdpr.erasure.rectifiable import choice_labels

    labels = choice_labels(parse_datamap(MAP))
    assert labels["user.name"] == "user.name: shop.customers.full_name, helpdesk.users.RealName"
    assert labels["user.contact.address"] == (
        "user.contact.address: helpdesk.tickets.CF.Postal address"
    )


@pytest.mark.parametrize(
    ("old", "new", "at", "fragment"),
    [
        (
            "        erasure: anonymise\n        subjects: customers\n        purposes: [support]\n"
            "        fields:\n          id: {categories: [system.operations]}\n          Queue",
            "        erasure: delete\n        subjects: customers\n        purposes: [support]\n"
            "        fields:\n          id: {categories: [system.operations]}\n          Queue",
            "erasure: delete",
            "RT's REST 2 API cannot delete a ticket",
        ),
        (
            "          Status: {categories: [system.operations]}",
            "          Statut: {categories: [system.operations]}",
            "Statut:",
            "unknown field of RT ticket or CF.<custom field name> 'Statut'. Did you mean 'Status'?",
        ),
        (
            "        rt: {records: correspondence}",
            "        rt: {records: correspondence, query: \"Queue = 'Support'\"}",
            "rt: {records: correspondence, query",
            "`query` (TicketSQL) narrows ticket records only",
        ),
        (
            "        rt: {records: user}\n",
            "",
            "- name: users",
            "an rt dataset says which records it holds",
        ),
        (
            '    action: anonymise\n    citation: "Limitation',
            '    action: delete\n    citation: "Limitation',
            "action: delete",
            "RT's REST 2 API cannot delete a ticket: use `anonymise`",
        ),
        (
            "          Content: {categories: [user.content], free_text: true, provided: true}",
            "          Content: {categories: [user.content], free_text: true, rectifiable: true}",
            "free_text: true, rectifiable: true",
            "RT's REST 2 API cannot change 'Content' of a correspondence: it cannot be "
            "`rectifiable`",
        ),
        (
            "    start: {column: Resolved}",
            "    start: {sql: expired.sql}",
            "start: {sql",
            "rt datasets expire by a date field of their records",
        ),
    ],
)
def test_a_broken_rt_dataset_is_refused_at_its_line(old, new, at, fragment):
    assert MAP.count(old) == 1, old
    text = MAP.replace(old, new)
    problems = problems_of(text)
    matching = [p for p in problems if fragment in p]
    assert matching, problems
    assert matching[0].startswith(f"map.yaml:{line_of(text, at)}:"), matching[0]


def test_rt_keys_are_refused_on_a_sql_dataset():
    text = MAP.replace(
        "        primary_key: [customer_id]\n",
        "        primary_key: [customer_id]\n        rt: {records: ticket}\n",
    )
    assert any("`rt` describes the datasets of an rt system" in p for p in problems_of(text))
