"""French retention presets: usable by name in a map, overridable, refused by name when unknown."""

from __future__ import annotations

import pytest

from gdpr.datamap import DataMapError, parse_datamap
from gdpr.datamap.presets import PRESETS

MAP = """
version: 1
organisation:
  name: Boutique Exemple
  address: 1 rue de la Paix, Paris
  dpo: {name: D. P. O., email: dpo@shop.example}
  supervisory_authority: {name: CNIL}
identities:
  - {name: email, kind: email}
reports: {conn_id: s3, bucket: shop-rapports}
delivery: {conn_id: s3, bucket: shop-envois}
purposes:
  - {id: sales, name: Ventes, description: Ventes, legal_basis: contract, data_subjects: [clients]}
systems:
  - name: shop
    kind: sql
    conn_id: shop_db
    datasets:
      - name: customers
        primary_key: [customer_id]
        identity: {email: mail}
        subjects: clients
        purposes: [sales]
        fields:
          customer_id: {categories: [user.unique_id]}
          mail: {categories: [user.contact.email]}
          left_at: {categories: [system.operations]}
      - name: invoices
        primary_key: [invoice_id]
        references: [{dataset: shop.customers, fields: {customer_id: customer_id}}]
        subjects: clients
        purposes: [sales]
        fields:
          invoice_id: {categories: [system.operations]}
          customer_id: {categories: [user.unique_id]}
          closed_on: {categories: [system.operations]}
          card_token: {categories: [user.financial], erasure: 'null'}
retention:
  - id: customers
    dataset: shop.customers
    preset: fr_customers
    start: {column: left_at}
  - id: invoices
    dataset: shop.invoices
    preset: fr_invoices
    start: {column: closed_on}
  - id: card-proof
    dataset: shop.invoices
    preset: fr_card_proof
    start: {column: closed_on}
    action: anonymise
    fields: [card_token]
    period: P15M
"""


def test_a_preset_gives_its_period_citation_and_words():
    datamap = parse_datamap(MAP, source="shop.yaml")
    customers, invoices = datamap.rule("customers"), datamap.rule("invoices")
    assert (customers.period, customers.action) == ("P3Y", "delete")
    assert "NS-048" in customers.citation
    assert "end of the commercial relationship" in (customers.description or "")
    assert (invoices.period, invoices.citation) == ("P10Y", "Code de commerce, art. L123-22")


def test_the_rule_s_own_keys_override_its_preset():
    rule = parse_datamap(MAP, source="shop.yaml").rule("card-proof")
    assert (rule.period, rule.action, rule.fields) == ("P15M", "anonymise", ["card_token"])
    assert rule.citation == PRESETS["fr_card_proof"].citation


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("fr_prospects", "P3Y"),
        ("fr_online_contracts", "P10Y"),
        ("fr_card_one_off", "P14D"),
        ("fr_card_proof", "P13M"),
        ("fr_card_proof_deferred_debit", "P15M"),
        ("fr_call_recordings", "P6M"),
        ("fr_call_evaluations", "P1Y"),
        ("fr_cookies", "P13M"),
        ("fr_tracker_data", "P25M"),
        ("fr_withdrawal", "P14D"),
        ("fr_withdrawal_not_informed", "P12M14D"),
    ],
)
def test_every_french_period_validates_in_a_map(name, period):
    text = MAP.replace("preset: fr_customers", f"preset: {name}")
    rule = parse_datamap(text, source="shop.yaml").rule("customers")
    assert rule.period == period
    assert rule.citation


def test_an_unknown_preset_is_refused_at_its_rule_with_the_closest_name():
    text = MAP.replace("preset: fr_invoices", "preset: fr_invoice")
    with pytest.raises(DataMapError) as refused:
        parse_datamap(text, source="shop.yaml")
    message = str(refused.value)
    line = text.splitlines().index("  - id: invoices") + 1
    assert f"shop.yaml:{line}" in message
    assert "unknown preset 'fr_invoice'. Did you mean 'fr_invoices'?" in message
    assert "missing required key" not in message, "one sentence, not the keys it would give"
