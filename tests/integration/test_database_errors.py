"""A database error a task logs names tables, constraints and codes, never a value: engines hide
bound parameters and withhold the server's details, on PostgreSQL and MariaDB."""

from __future__ import annotations

import traceback

import pytest
import sqlalchemy as sa

from gdpr.connections import create_sql_engine

ADDRESS = "planted.person@example.org"


@pytest.fixture(params=["pg_url", "mysql_url"])
def engine(request):
    engine = create_sql_engine(request.getfixturevalue(request.param))
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS people"))
        conn.execute(sa.text("CREATE TABLE people (email VARCHAR(100) UNIQUE, note VARCHAR(20))"))
        conn.execute(sa.text("INSERT INTO people VALUES (:e, 'x')"), {"e": ADDRESS})
    yield engine
    engine.dispose()


def _failure(engine, sql: str) -> tuple[BaseException, str]:
    with pytest.raises(sa.exc.DBAPIError) as caught, engine.begin() as conn:
        conn.execute(sa.text(sql), {"e": ADDRESS})
    text = "".join(traceback.format_exception(caught.value))
    return caught.value, text


def test_a_duplicate_keeps_its_class_and_code_but_not_the_value(engine):
    error, text = _failure(engine, "INSERT INTO people VALUES (:e, 'y')")
    assert isinstance(error, sa.exc.IntegrityError), "still a constraint error: not retried"
    assert ADDRESS not in text, "not in the message, the parameters nor the chained cause"
    assert "details withheld" in text
    assert "[SQL parameters hidden" in text


def test_a_missing_table_is_named_and_the_value_is_not(engine):
    error, text = _failure(engine, "SELECT * FROM people_gone WHERE email = :e")
    assert isinstance(error, sa.exc.ProgrammingError)
    assert ADDRESS not in text
    assert "people_gone" in text, "the statement (placeholders, no values) says which table"
