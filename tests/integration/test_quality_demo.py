"""The minimisation checks on the demo organisation (CRM on PostgreSQL, helpdesk on MariaDB):
every planted case is found, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from examples.retailer.planted import (
    PLANTED_CONSENT_WITHDRAWN_NOT_HONOURED_IDS,
    PLANTED_CONSENT_WITHOUT_PROOF_IDS,
    PLANTED_EXPIRED_CUSTOMER_IDS,
    PLANTED_LEGAL_HOLD_CUSTOMER,
    PLANTED_REMARKS,
)
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.ledger import Ledger
from gdpr.quality import findings as checks
from gdpr.quality.runner import check_dataset, retention_exemptions
from gdpr.quality.suites import load_suite_files, suites_dir
from gdpr.retention.plan import cutoff_for
from gdpr.retention.select import expired_keys
from tests.clock import TEST_NOW

NOW = TEST_NOW


@pytest.fixture
def outcomes(demo_org):
    datamap = demo_org.datamap
    engines = {"crm": demo_org.crm, "helpdesk": demo_org.helpdesk}
    files = load_suite_files(suites_dir(datamap), datamap)
    return {
        ref.id: check_dataset(
            datamap, ref.id, engines[ref.system.name], now=NOW, suite_files=files, chunk_size=500
        )
        for ref in datamap.iter_datasets()
        if ref.kind == "sql"
    }


def _of(outcomes, check):
    return [f for o in outcomes.values() for f in o.findings if f.check == check]


def test_free_text_findings_are_exactly_the_planted_remarks(outcomes):
    found = {(f.dataset, int(f.key[0]), f.field, f.category) for f in _of(outcomes, "free_text")}
    planted = {(r.dataset, r.key, r.field, label) for r in PLANTED_REMARKS for label in r.labels}
    assert found == planted
    hard_negatives = {(r.dataset, r.key) for r in PLANTED_REMARKS if not r.labels}
    assert not {(d, k) for d, k, _, _ in found} & hard_negatives


def test_consent_findings_are_exactly_the_planted_invalid_consents(outcomes):
    found = {(int(f.key[0]), f.category) for f in _of(outcomes, "consent")}
    assert {k for k, _ in found} == set(
        PLANTED_CONSENT_WITHOUT_PROOF_IDS + PLANTED_CONSENT_WITHDRAWN_NOT_HONOURED_IDS
    )
    assert {k for k, c in found if c == "withdrawal_not_honoured"} == set(
        PLANTED_CONSENT_WITHDRAWN_NOT_HONOURED_IDS
    )


def test_unnecessary_fields_found_where_they_hold_values(outcomes, demo_org):
    with demo_org.crm.connect() as conn:
        with_birth_date = set(
            conn.execute(
                sa.text("SELECT customer_id FROM customers WHERE birth_date IS NOT NULL")
            ).scalars()
        )
    found = {(f.dataset, f.category, int(f.key[0])) for f in _of(outcomes, "not_necessary")}
    assert with_birth_date
    assert found == {("crm.customers", "birth_date", k) for k in with_birth_date}


def test_schema_matches_the_map_and_nothing_else_fails(outcomes):
    assert not _of(outcomes, "schema")
    assert not _of(outcomes, "custom")  # the hand-written payment-card suite passes
    assert all(not o.errors for o in outcomes.values())
    assert outcomes["helpdesk.ticket_messages"].text_rows > 1000  # chunked: many batches of 500


def test_retention_findings_are_the_purge_selection(outcomes, demo_org):
    """GX in the database finds what the purge's own selection finds, rule by rule."""
    datamap = demo_org.datamap
    connectors = connectors_for(datamap, env_clients())
    for rule in datamap.retention:
        ref = datamap.dataset(rule.dataset)
        if ref.kind != "sql":
            continue
        cutoff = cutoff_for(rule, NOW, datamap.organisation.timezone)
        selected = {
            tuple(str(v) for v in key)
            for key in expired_keys(datamap, connectors[ref.system.name], rule, cutoff)
        }
        found = {f.key for f in _of(outcomes, "retention") if f.category == rule.id}
        assert found == selected, rule.id
    customers = {int(f.key[0]) for f in _of(outcomes, "retention") if f.dataset == "crm.customers"}
    assert set(PLANTED_EXPIRED_CUSTOMER_IDS) <= customers


def test_a_record_under_legal_hold_is_not_a_retention_finding(demo_org):
    datamap = demo_org.datamap
    ledger = Ledger(demo_org.ledger)
    ledger.add_legal_hold(
        reason="litige",
        reference="TC-1",
        dataset="crm.customers",
        record_key={"customer_id": PLANTED_LEGAL_HOLD_CUSTOMER},
    )
    connectors = connectors_for(datamap, env_clients())
    exempt = retention_exemptions(datamap, "crm.customers", connectors, ledger)
    outcome = check_dataset(datamap, "crm.customers", demo_org.crm, now=NOW, exempt=exempt)
    expired = {int(f.key[0]) for f in outcome.findings if f.check == "retention"}
    assert PLANTED_LEGAL_HOLD_CUSTOMER not in expired
    assert set(PLANTED_EXPIRED_CUSTOMER_IDS) - {PLANTED_LEGAL_HOLD_CUSTOMER} <= expired


def test_an_undeclared_column_is_a_finding(demo_org):
    with demo_org.crm.begin() as conn:
        conn.execute(sa.text("ALTER TABLE notes ADD COLUMN mood VARCHAR(20)"))
    outcome = check_dataset(demo_org.datamap, "crm.notes", demo_org.crm, now=NOW)
    schema = [f for f in outcome.findings if f.check == "schema"]
    assert [(f.category, f.key) for f in schema] == [("undeclared_column", ("mood",))]


def test_a_suite_added_by_a_user_is_picked_up(demo_org, tmp_path: Path):
    (tmp_path / "prospect_sources.yml").write_text(
        "dataset: crm.prospects\n"
        "expectations:\n"
        "  - type: expect_column_values_to_be_in_set\n"
        "    kwargs: {column: source, value_set: [trade_show]}\n"
        "    meta: {category: unknown_prospect_source}\n",
        encoding="utf-8",
    )
    files = load_suite_files(tmp_path, demo_org.datamap)
    outcome = check_dataset(
        demo_org.datamap, "crm.prospects", demo_org.crm, now=NOW, suite_files=files
    )
    custom = [f for f in outcome.findings if f.check == checks.CUSTOM]
    with demo_org.crm.connect() as conn:
        others = conn.execute(
            sa.text("SELECT count(*) FROM prospects WHERE source <> 'trade_show'")
        ).scalar()
    assert others
    assert len(custom) == others
    assert {f.category for f in custom} == {"unknown_prospect_source"}


def test_data_docs_hold_counts_never_values(demo_org, tmp_path: Path):
    check_dataset(demo_org.datamap, "crm.notes", demo_org.crm, now=NOW, docs_dir=tmp_path)
    pages = [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html")]
    assert (tmp_path / "index.html").is_file()
    assert len(pages) > 1
    assert not [p for p in pages if "alcoolique" in p.lower() or "4970 1012" in p]


def test_the_command_line_prints_counts_and_writes_keys_only(demo_org, tmp_path: Path, capsys):
    from gdpr.cli import main

    out = tmp_path / "findings.csv"
    code = main(["minimisation", "--dataset", "crm.consents", "--findings", str(out)])
    printed = capsys.readouterr().out
    assert code == 1  # findings: the planted consents
    assert '"consent:withdrawal_not_honoured": 1' in printed
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "dataset,check,category,field,key"
    assert {line.rsplit(",", 1)[1] for line in lines[1:]} == {
        str(k)
        for k in PLANTED_CONSENT_WITHOUT_PROOF_IDS + PLANTED_CONSENT_WITHDRAWN_NOT_HONOURED_IDS
    }


def test_after_the_purge_nothing_is_past_retention(demo_org):
    """What the purge keeps on purpose (a legal hold, anonymised card data) is not a finding."""
    from examples.retailer.holds import plant_legal_hold
    from gdpr.retention.run import run_rule

    datamap = demo_org.datamap
    ledger = Ledger(demo_org.ledger)
    plant_legal_hold(ledger)
    connectors = connectors_for(datamap, env_clients())
    for rule in datamap.retention:
        run_rule(datamap, rule.id, connectors, ledger, now=NOW)
    engines = {"crm": demo_org.crm, "helpdesk": demo_org.helpdesk}
    left = []
    for ref in datamap.iter_datasets():
        if ref.kind != "sql":
            continue
        exempt = retention_exemptions(datamap, ref.id, connectors, ledger)
        outcome = check_dataset(datamap, ref.id, engines[ref.system.name], now=NOW, exempt=exempt)
        left += [f for f in outcome.findings if f.check == "retention"]
        assert not outcome.errors
    assert left == []
