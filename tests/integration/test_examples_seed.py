"""`python -m examples.seed`: the seeding command of every organisation (it replaced `gdpr demo
seed` when the retailer left the library): databases by connection or by ``--url``, the legal
hold in the ledger, options only for the seeders that take them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from examples import load
from examples.seed import main
from gdpr.connections import create_sql_engine, env_var_name
from gdpr.datamap import load_datamap
from gdpr.ledger import Ledger
from tests.conftest import s3_conn_json

pytestmark = pytest.mark.integration


def test_the_retailer_is_seeded_into_the_given_urls_with_its_hold(
    tmp_path, s3_endpoint, monkeypatch, capsys
):
    org = load("retailer")
    datamap = load_datamap(org.DATAMAP)
    for system in datamap.systems:
        if system.kind == "s3":
            monkeypatch.setenv(env_var_name(system.conn_id), s3_conn_json(s3_endpoint))
    urls = {name: f"sqlite:///{tmp_path / f'{name}.sqlite'}" for name in ("crm", "helpdesk")}
    ledger_url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    argv = ["retailer", "--subjects", "1", "--today", "2026-11-18", "--max-objects", "0"]
    argv += [f"--url={name}={url}" for name, url in urls.items()]
    assert main([*argv, "--ledger-url", ledger_url]) == 0
    out = capsys.readouterr().out
    assert "crm.customers" in out
    assert org.PLANTED.hold_reference in out
    crm = create_sql_engine(urls["crm"])
    with crm.connect() as conn:
        customers = conn.execute(sa.text("SELECT count(*) FROM customers")).scalar_one()
    assert customers == org.MIN_SUBJECTS, "never fewer subjects than the planted ones need"
    ledger = create_sql_engine(ledger_url)
    assert [h.reference for h in Ledger(ledger).active_legal_holds()] == [
        org.PLANTED.hold_reference
    ]
    for engine in (crm, ledger):
        engine.dispose()


def test_options_a_seeder_does_not_take_and_unknown_systems_are_refused(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["telecom", "--max-objects", "3"])
    assert exit_.value.code == 2
    assert "writes all its objects" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["saas", "--url", "crm=sqlite://"])
    assert "not in the map's SQL systems: crm" in capsys.readouterr().err
