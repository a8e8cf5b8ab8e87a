"""The shipped organisations (examples/): valid maps, deterministic seeders, consistent facts."""

from __future__ import annotations

from datetime import date

import pytest

from examples import ORGANISATIONS, load
from gdpr.datamap import load_datamap


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_every_example_datamap_validates(name, capsys):
    from gdpr.cli import main

    org = load(name)
    datamap = load_datamap(org.DATAMAP)
    assert datamap.systems
    assert main(["datamap", "validate", str(org.DATAMAP)]) == 0, capsys.readouterr()


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_planted_facts_name_only_datasets_of_the_map_and_the_subject_is_found(name):
    org = load(name)
    datamap = load_datamap(org.DATAMAP)
    planted = org.PLANTED
    known = {r.id for r in datamap.iter_datasets()}
    for holdings in (planted.subject_holdings, planted.expired, planted.held):
        assert set(holdings.counts()) <= known
    assert planted.identity in {i.name for i in datamap.identities}
    assert planted.subject not in planted.expired_subjects
    assert planted.held_subject not in planted.expired_subjects
    assert len(planted.subject_holdings.counts()) >= 5, "the subject is in most datasets"
    assert planted.kept, "some records outlive their subject"


def test_the_telecom_seed_is_a_function_of_its_inputs_and_differs_from_the_demo():
    from examples.telecom.data import build
    from examples.telecom.schema import DATABASES, abonnes

    one, two = build(30, date(2026, 11, 18), seed=7), build(30, date(2026, 11, 18), seed=7)
    assert one.rows == two.rows
    assert [d.key for d in one.documents] == [d.key for d in two.documents]
    assert build(30, date(2026, 11, 18), seed=8).rows != one.rows
    mails = [row["mail"] for table, row in one.rows if table == "si_clients.abonnes"]
    assert any(m != m.strip() for m in mails), "stray spaces"
    assert any(m != m.lower() for m in mails), "mixed case"
    assert str(abonnes.c.abonne_id.type.compile(dialect=_pg())) == "UUID"
    datamap = load_datamap(load("telecom").DATAMAP)
    for system, metadata in DATABASES.items():
        for ref in datamap.system(system).datasets:
            assert set(metadata.tables[ref.table_name].c.keys()) == set(ref.fields), ref.name


def _pg():
    from sqlalchemy.dialects import postgresql

    return postgresql.dialect()


def test_the_saas_seed_is_a_function_of_its_inputs_with_composite_keys_phones_and_a_shared_mail():
    from examples.saas import data as saas
    from examples.saas.planted import facts
    from examples.saas.schema import DATABASES
    from gdpr.ledger.identity import normalise_phone

    day = date(2026, 11, 18)
    one, two = saas.build(30, day, seed=7), saas.build(30, day, seed=7)
    assert one.rows == two.rows
    assert [e.key for e in one.exports] == [e.key for e in two.exports]
    assert saas.build(30, day, seed=8).rows != one.rows
    datamap = load_datamap(load("saas").DATAMAP)
    assert len(datamap.dataset("plataforma.usuarios").dataset.primary_key) == 2
    assert len(datamap.dataset("plataforma.facturas").dataset.primary_key) == 3
    phones = [r["telefono"] for t, r in one.rows if t == "plataforma.usuarios" and r["telefono"]]
    assert {p[:2] for p in phones} >= {"06", "+3", "00"}, "every spelling of a number"
    assert all(normalise_phone(p, "FR").startswith("+33") for p in phones)
    for system, metadata in DATABASES.items():
        for ref in datamap.system(system).datasets:
            assert set(metadata.tables[ref.table_name].c.keys()) == set(ref.fields), ref.name
    planted = facts(day)
    assert len(planted.SHARED.records) == 2, "two people, one e-mail"
    assert len(set(planted.SHARED.phones.values())) == 2, "each with their own phone"
    assert planted.PLANTED.subject != planted.SHARED.value
    assert normalise_phone(saas.SUBJECT_PHONE, "FR") == planted.SUBJECT_PHONE
    # Invoice keys hold their year: the facts follow the day of the seed.
    assert (
        facts(date(2027, 11, 18)).HELD_RECORD["ejercicio"] == planted.HELD_RECORD["ejercicio"] + 1
    )


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_every_organisation_keeps_its_interface_after_seeding(name):
    """`seed` stays the organisation's function once its seeding modules are imported: CI
    once failed when a submodule named like the function replaced it on the package."""
    import importlib

    org = load(name)
    for module in ("seed", "populate", "data", "schema", "planted"):
        try:
            importlib.import_module(f"examples.{name}.{module}")
        except ModuleNotFoundError:
            continue
    assert callable(org.seed)
    assert callable(org.place_holds)
    assert org.DATAMAP.exists()
    assert org.PLANTED.subject


def test_the_product_never_imports_an_organisation():
    """The organisations are data for the product (examples/README.md): nothing under plugins/
    or dags/ imports them, and no organisation ships inside the library."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    assert not (root / "plugins" / "gdpr" / "demo").exists(), "the demo left the library"
    offenders = []
    for path in [*(root / "dags").rglob("*.py"), *(root / "plugins").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            offenders += [
                f"{path.relative_to(root)}:{node.lineno} imports {name}"
                for name in names
                if name.split(".")[0] == "examples" or name.startswith("gdpr.demo")
            ]
    assert not offenders, "\n".join(offenders)
