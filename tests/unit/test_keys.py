"""The key codec: one canonical form per key, typed SQL look-ups, export values."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite

from gdpr.connectors import keys
from gdpr.datamap import KeyTemplate
from gdpr.ledger import digest_keys
from gdpr.ledger.chain import canonical_json, to_json_document
from gdpr.retention.digest import SortedKeyDigest, digest_lines, key_lines

U = uuid.UUID("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")


def test_a_key_has_one_canonical_form_whatever_the_driver_returned():
    assert keys.norm_key((U, Decimal("42"), 7)) == keys.norm_key((str(U), 42, Decimal("7.000")))
    assert keys.norm_key((U, Decimal("42"))) == (str(U), 42)
    assert keys.canonical(Decimal("12.50")) == keys.canonical(12.5) == "12.5"
    assert keys.canonical(4.0) == 4
    assert keys.canonical(date(2026, 11, 18)) == "2026-11-18"
    assert keys.canonical(datetime(2026, 11, 18, 13, 0, tzinfo=UTC)) == (
        "2026-11-18T13:00:00.000000Z"
    )
    assert keys.canonical(b"\x00\xff") == "00ff"
    assert keys.key_texts((U, 42, Decimal("42.0"))) == (str(U), "42", "42")
    for bad in (float("nan"), Decimal("Infinity"), object()):
        with pytest.raises(TypeError):
            keys.canonical(bad)


def test_integer_digests_are_unchanged_and_uuid_digests_do_not_depend_on_the_type():
    # the digests already in ledgers: sorted canonical JSON lines, joined by newlines
    assert digest_keys([[2], [1]]) == hashlib.sha256(b"[1]\n[2]").hexdigest()
    assert digest_keys([1, 2]) == hashlib.sha256(b"1\n2").hexdigest()
    assert digest_keys([[U, 1]]) == digest_keys([[str(U), Decimal(1)]])
    assert digest_keys([[U]]) == hashlib.sha256(f'["{U}"]'.encode()).hexdigest()
    assert digest_keys([{"b": U, "a": 1}]) == digest_keys([{"a": 1, "b": str(U)}])


def test_purge_digest_of_uuid_keys_matches_the_ledger_digest():
    raw = [(uuid.UUID(int=i),) for i in (5, 3, 9)]
    digest = SortedKeyDigest(spill_lines=2)  # forces sorted runs on disk
    digest.add(raw)
    assert digest.hexdigest() == digest_keys([[str(k[0])] for k in raw])
    assert digest_lines(key_lines(raw)) == digest_keys(list(k) for k in raw)


def test_ledger_json_accepts_uuid_and_decimal_but_still_refuses_unknown_types():
    assert canonical_json({"key": U, "n": Decimal("3")}) == f'{{"key":"{U}","n":3}}'
    assert to_json_document({"keys": [(U, 1)]}) == {"keys": [[str(U), 1]]}
    with pytest.raises(ValueError, match="not storable"):
        to_json_document({"x": object()})


def test_s3_key_templates_take_uuid_and_decimal_keys():
    template = KeyTemplate("contrats/{personne}/{numero}.pdf")
    assert template.prefix({"personne": U, "numero": Decimal("3")}) == f"contrats/{U}/3.pdf"


def test_export_values_for_json_and_csv():
    assert keys.export_value(U) == str(U)
    assert keys.export_value(Decimal("80.00")) == "80.00"  # exact, as stored
    assert keys.export_value(b"\x00\x01") == "AAE="
    assert keys.export_value(date(2026, 1, 2)) == "2026-01-02"
    assert keys.csv_cell(None) == ""
    assert keys.csv_cell(True) == "true"
    assert keys.csv_cell(U) == str(U)


def _sql(clause, dialect) -> str:
    return str(clause.compile(dialect=dialect, compile_kwargs={"literal_binds": False}))


def _params(clause, dialect) -> dict:
    return clause.compile(dialect=dialect).params


TABLE = sa.table("t", sa.column("id"), sa.column("code"), sa.column("n"), sa.column("x"))


@pytest.mark.parametrize(
    ("column_type", "cast", "value"),
    [
        (postgresql.UUID(), "UUID[]", str(U)),
        (sa.Integer(), "BIGINT[]", "7"),
        (sa.CHAR(12), "CHAR(12)[]", "DOS-1"),
        (sa.VARCHAR(20, collation="C"), "TEXT[]", "a"),
        (sa.Numeric(12, 0), "NUMERIC[]", 7),
    ],
)
def test_postgresql_single_column_keys_go_as_one_array_of_the_column_type(column_type, cast, value):
    clause = keys.in_clause("postgresql", [TABLE.c.id], [column_type], [(value,)])
    assert f"= ANY (%(param_1)s::{cast})" in _sql(clause, postgresql.dialect())


def test_postgresql_uuid_keys_given_as_text_are_bound_as_uuids_and_junk_is_dropped():
    clause = keys.in_clause(
        "postgresql", [TABLE.c.id], [postgresql.UUID()], [(str(U),), ("junk",), (U,)]
    )
    (values,) = _params(clause, postgresql.dialect()).values()
    assert values == [U]
    nothing = keys.in_clause("postgresql", [TABLE.c.id], [postgresql.UUID()], [("junk",)])
    assert _sql(nothing, postgresql.dialect()) == "false"


@pytest.mark.parametrize("dialect", [mysql.dialect(), sqlite.dialect()])
def test_uuid_keys_for_a_text_column_are_bound_as_hyphenated_text(dialect):
    clause = keys.in_clause(dialect.name, [TABLE.c.id], [sa.CHAR(36)], [(U,), (str(U),)])
    assert " IN " in _sql(clause, dialect)
    assert list(_params(clause, dialect).values()) == [[str(U)]]


def test_composite_keys_convert_each_column_for_its_own_type():
    clause = keys.in_clause(
        "mysql",
        [TABLE.c.id, TABLE.c.n],
        [sa.CHAR(36), sa.Integer()],
        [(U, "3"), (str(U), Decimal("4"))],
    )
    assert "(t.id, t.n) IN" in _sql(clause, mysql.dialect())
    assert list(_params(clause, mysql.dialect()).values()) == [[(str(U), 3), (str(U), 4)]]


def test_unknown_column_types_fall_back_to_a_plain_in_list():
    clause = keys.in_clause("postgresql", [TABLE.c.x], [None], [(U,), ("a",)])
    assert "= ANY" not in _sql(clause, postgresql.dialect())
    assert list(_params(clause, postgresql.dialect()).values()) == [[str(U), "a"]]


def test_padded_char_values_read_back_from_postgresql_lose_their_padding():
    fixers = keys.read_fixers("postgresql", {"code": sa.CHAR(12), "name": sa.String(20)})
    assert set(fixers) == {"code"}
    assert fixers["code"]("DOS-1       ") == "DOS-1"
    assert keys.read_fixers("sqlite", {"code": sa.CHAR(12)}) == {}


def test_numpy_numbers_from_a_dataframe_are_keys_like_the_drivers_ones():
    """Quality checks read keys through pandas: an int64 key is the same key as the int."""
    import numpy as np

    from gdpr.connectors.keys import canonical, key_line

    assert canonical(np.int64(42)) == 42
    assert key_line((np.int64(42),)) == key_line((42,)) == "[42]"
    assert canonical(np.float64(2.0)) == 2
    assert canonical(np.float64(2.5)) == "2.5"


@pytest.mark.parametrize(
    "given",
    [
        [(7,), (42,), (-3,)],
        [("a",), ("b-2",)],
        [(True,), (False,)],  # bool is an int subclass but not text "1"
        [(1,), ("1x",)],  # mixed kinds take the per-key path
        [(uuid.UUID(int=5),), (uuid.UUID(int=9),)],
        [(1, "x"), (2, "y")],
        [],
    ],
)
def test_rows_rekeyed_by_texts_match_the_codec_key_by_key(given):
    by_key = {key: {"n": i} for i, key in enumerate(given)}
    assert keys.keyed_by_texts(by_key) == {keys.key_texts(key): row for key, row in by_key.items()}
