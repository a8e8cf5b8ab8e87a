"""The data map: the demo map is valid, and each broken map fails with a message a person can act on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gdpr.datamap import DataMapError, ReferenceGraph, load_datamap, parse_datamap
from gdpr.datamap.schema import json_schema

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "include" / "datamap.yaml"
DEMO_TEXT = DEMO.read_text(encoding="utf-8")
SQL_DIR = ROOT / "tests" / "data" / "sql"  # the one SQL-file rule is in the tests


def broken(old: str, new: str, count: int = 1) -> str:
    assert DEMO_TEXT.count(old) >= count, f"fixture text not found: {old!r}"
    return DEMO_TEXT.replace(old, new, count)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems_of(text: str) -> list[str]:
    with pytest.raises(DataMapError) as info:
        parse_datamap(text, source="map.yaml", sql_dir=SQL_DIR)
    return str(info.value).splitlines()[1:]


def test_demo_map_is_valid_and_complete():
    datamap = load_datamap(DEMO)
    assert {s.kind for s in datamap.systems} == {"sql", "s3"}
    assert len(datamap.dataset_ids()) == 16
    assert len(datamap.retention) >= 5
    assert re.fullmatch(r"[0-9a-f]{64}", datamap.digest)


# (what is broken, replace this, with this, text at the line the error must point to, message fragments)
BROKEN_CASES = [
    (
        "unknown dataset in a reference",
        "- {dataset: crm.prospects, fields: {prospect_id: prospect_id}}\n        subjects: prospects",
        "- {dataset: crm.prospekts, fields: {prospect_id: prospect_id}}\n        subjects: prospects",
        "crm.prospekts",
        ["unknown dataset 'crm.prospekts'", "Did you mean 'crm.prospects'?"],
    ),
    (
        "unknown system in a reference",
        "- {dataset: helpdesk.tickets, fields: {ticket_id: ticket_id}}",
        "- {dataset: helpdezk.tickets, fields: {ticket_id: ticket_id}}",
        "helpdezk.tickets",
        ["unknown dataset 'helpdezk.tickets'", "Did you mean 'helpdesk.tickets'?"],
    ),
    (
        "reference cycle",
        "        identity: {email: email}\n        subjects: customers",
        "        identity: {email: email}\n        references:\n          - {dataset: crm.orders, fields: {customer_id: customer_id}}\n        subjects: customers",
        "          - {dataset: crm.orders",
        ["reference cycle:", "crm.customers", "crm.orders"],
    ),
    (
        "unknown data category",
        "phone: {categories: [user.contact.phone_number]",
        "phone: {categories: [user.contact.phone]",
        "user.contact.phone]",
        ["unknown data category 'user.contact.phone'", "user.contact.phone_number"],
    ),
    (
        "malformed ISO 8601 period",
        "period: P13M",
        "period: 13 months",
        "period: 13 months",
        ["malformed period '13 months'", "ISO 8601 duration such as P3Y"],
    ),
    (
        "missing conn_id",
        "    kind: sql\n    conn_id: gdpr_helpdesk\n",
        "    kind: sql\n",
        "  - name: helpdesk",
        ["missing required key 'conn_id'", "Airflow connection id"],
    ),
    (
        "S3 key template with an unknown placeholder",
        'key_template: "recordings/{customer_id}/{recording_id}.ogg"',
        'key_template: "recordings/{customer_id}/{call_id}.ogg"',
        'key_template: "recordings/{customer_id}/{call_id}',
        [
            "placeholder {call_id} is not bound by any reference",
            "bound fields: customer_id, recording_id",
        ],
    ),
    (
        "an identity that reaches no dataset",
        "    description: The e-mail address the person uses with us (matched trimmed and case-insensitively)\n",
        "    description: The e-mail address the person uses with us (matched trimmed and case-insensitively)\n"
        "  - name: phone\n    kind: phone\n",
        "  - name: phone",
        ["identity 'phone' reaches no dataset", "identity: {phone: <field>}"],
    ),
    (
        "a dataset no identity reaches",
        "        references:\n          - {dataset: crm.customers, fields: {customer_id: customer_id}}\n        subjects: customers\n        purposes: [customer_accounts, customer_support]",
        "        subjects: customers\n        purposes: [customer_accounts, customer_support]",
        "      - name: notes",
        ["crm.notes cannot be reached from any identity"],
    ),
    (
        "unknown field in a retention rule",
        "start: {column: relationship_ended_at}",
        "start: {column: relationship_end}",
        "relationship_end}",
        [
            "unknown field of crm.customers 'relationship_end'",
            "Did you mean 'relationship_ended_at'?",
        ],
    ),
    (
        "missing SQL file",
        "start:\n      max:\n        dataset: crm.prospect_interactions\n        column: occurred_at\n"
        "        where:\n          - {field: kind, op: in, value: [click, form, inbound_call]}\n"
        "      otherwise: created_at\n",
        "start: {sql: prospects_expired.sql}\n",
        "prospects_expired.sql",
        [
            "unknown SQL file 'prospects_expired.sql'",
            "prospects_without_recent_inbound_contact.sql",
        ],
    ),
    (
        "unknown field in a retention condition",
        "{field: kind, op: in, value: [click, form, inbound_call]}",
        "{field: knd, op: in, value: [click, form, inbound_call]}",
        "{field: knd",
        ["unknown field of crm.prospect_interactions 'knd'", "Did you mean 'kind'?"],
    ),
    (
        "type mismatch in a retention condition",
        "{field: kind, op: in, value: [click, form, inbound_call]}",
        "{field: kind, op: in, value: [click, 3, inbound_call]}",
        "{field: kind, op: in, value: [click, 3",
        ["type mismatch: the values of `in` mix numbers and text"],
    ),
    (
        "ordering comparison with a boolean",
        "{field: kind, op: in, value: [click, form, inbound_call]}",
        "{field: kind, op: '>', value: true}",
        "{field: kind, op: '>'",
        ["type mismatch: `>` cannot compare with a boolean"],
    ),
    (
        "aggregate over an unrelated dataset",
        "dataset: crm.prospect_interactions\n        column: occurred_at",
        "dataset: crm.call_evaluations\n        column: occurred_at",
        "crm.call_evaluations\n        column",
        ["crm.call_evaluations is not related to crm.prospects", "crm.prospect_interactions"],
    ),
    (
        "unknown field in a start aggregate",
        "dataset: crm.prospect_interactions\n        column: occurred_at",
        "dataset: crm.prospect_interactions\n        column: occured_at",
        "occured_at",
        ["unknown field of crm.prospect_interactions 'occured_at'", "'occurred_at'"],
    ),
    (
        "kept dataset that does not belong to the expired records",
        "keep: [crm.invoices, crm.payments]",
        "keep: [crm.invoices, crm.prospects]",
        "keep: [crm.invoices, crm.prospects]",
        ["crm.prospects does not reference crm.customers"],
    ),
    (
        "unknown purpose",
        "purposes: [call_quality]\n        fields:\n          recording_id",
        "purposes: [call_qualty]\n        fields:\n          recording_id",
        "purposes: [call_qualty]",
        ["unknown purpose 'call_qualty'", "Did you mean 'call_quality'?"],
    ),
    (
        "unknown legal basis",
        "legal_basis: legitimate_interest\n    data_subjects: [customers]\n    recipients:\n      - {name: Paylane",
        "legal_basis: legitimate_interests\n    data_subjects: [customers]\n    recipients:\n      - {name: Paylane",
        "legal_basis: legitimate_interests",
        ["'legitimate_interests'", "legitimate_interest"],
    ),
    (
        "unknown key (typo)",
        "    primary_key: [customer_id]\n        identity",
        "    primary_keys: [customer_id]\n        identity",
        "primary_keys",
        ["unknown key 'primary_keys'"],
    ),
    (
        "unknown time zone",
        "timezone: Europe/Paris",
        "timezone: Europe/Pariss",
        "timezone: Europe/Pariss",
        ["unknown time zone 'Europe/Pariss'"],
    ),
    (
        "malformed proof period",
        "proof_period: P5Y",
        "proof_period: five years",
        "proof_period: five years",
        ["malformed period 'five years'"],
    ),
    (
        "anchor locked for no time",
        "prefix: chain-heads/}",
        "prefix: chain-heads/, retention_days: 0}",
        "anchor: {conn_id: gdpr_s3, bucket: ml-gdpr-ledger-anchor",
        ["retention_days", "greater than or equal to 1"],
    ),
    (
        "unknown extension reading",
        "identity_check_pause: false",
        "identity_check_pause: false\n  extension_end: three_months",
        "extension_end: three_months",
        ["alerts.extension_end", "'earlier' or 'three_months_from_receipt'"],
    ),
    (
        "no holiday calendar for the country",
        "identity_check_pause: false",
        "identity_check_pause: false\n  working_day_shift: true\n  public_holidays: XX",
        "public_holidays: XX",
        ["alerts.public_holidays", "no public holiday calendar is known for country 'XX'"],
    ),
]


@pytest.mark.parametrize(
    ("case", "old", "new", "at", "fragments"), BROKEN_CASES, ids=[c[0] for c in BROKEN_CASES]
)
def test_broken_map_fails_with_a_located_actionable_message(case, old, new, at, fragments):
    text = broken(old, new)
    problems = problems_of(text)
    matching = [p for p in problems if all(f in p for f in fragments)]
    assert matching, f"{case}: no problem mentions {fragments}; got:\n" + "\n".join(problems)
    assert matching[0].startswith(f"map.yaml:{line_of(text, at)}:"), matching[0]


def test_problems_are_all_reported_at_once():
    text = broken("period: P13M", "period: 13 months")
    text = text.replace(
        "phone: {categories: [user.contact.phone_number]",
        "phone: {categories: [user.contact.phone]",
    )
    assert len(problems_of(text)) == 2


def test_invalid_yaml_points_at_the_line():
    text = broken("    kind: sql\n    conn_id: gdpr_crm", "    kind: sql\n   conn_id: [gdpr_crm")
    (problem,) = problems_of(text)
    assert "not valid YAML" in problem
    assert re.match(r"map\.yaml:\d+:\d+:", problem)


def test_unreadable_file_says_so(tmp_path):
    with pytest.raises(DataMapError, match="cannot read the data map"):
        load_datamap(tmp_path / "missing.yaml")


def test_references_give_parents_first_and_children_first_orders(datamap):
    graph = ReferenceGraph.of(datamap)
    order = graph.parents_first()
    for edge in graph.edges:
        assert order.index(edge.parent) < order.index(edge.child), edge
    assert graph.children_first() == list(reversed(order))
    assert {
        "crm.orders",
        "crm.invoices",
        "invoice_archive.invoice_pdfs",
        "helpdesk.tickets",
    } <= graph.descendants("crm.customers")


def test_published_json_schema_is_current_and_validates_the_demo_map():
    import jsonschema
    import yaml

    published = json.loads((ROOT / "docs" / "datamap.schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(), (
        "docs/datamap.schema.json is stale: run `gdpr datamap schema --out docs/datamap.schema.json`"
    )
    jsonschema.validate(yaml.safe_load(DEMO_TEXT), published)


def test_every_key_of_the_schema_is_documented():
    doc = (ROOT / "docs" / "datamap.md").read_text(encoding="utf-8")
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json_schema())
    undocumented = sorted(k for k in keys if f"`{k}`" not in doc)
    assert not undocumented, f"keys missing from docs/datamap.md: {undocumented}"
