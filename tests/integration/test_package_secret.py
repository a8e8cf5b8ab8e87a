"""The package passphrase in the ledger: encrypted with Airflow's Fernet key, never in clear,
shown once, on each supported database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from gdpr.access.secret import (
    NoPassphraseKeyError,
    PassphraseUnavailableError,
    keep_passphrase,
    new_passphrase,
    passphrase_cipher,
    reveal_passphrase,
)
from gdpr.connections import create_sql_engine
from gdpr.ledger import Ledger, migrate
from gdpr.ledger.schema import package_secrets
from tests.clock import TEST_NOW

pytestmark = pytest.mark.integration

FERNET_ENV = "AIRFLOW__CORE__FERNET_KEY"


@pytest.fixture
def ledger(sql_url: str) -> Iterator[tuple[sa.Engine, str]]:
    """A migrated ledger on each database, and the id of a request in it."""
    engine = create_sql_engine(sql_url)
    migrate(engine)
    request = Ledger(engine).create_request(
        kind="access",
        subject_email="jean.dupont@example.fr",
        received_at=TEST_NOW,
        due_at=TEST_NOW + timedelta(days=30),
        channel="test",
    )
    yield engine, request.request_id
    engine.dispose()


def stored(engine: sa.Engine, request_id: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            sa.select(package_secrets.c.passphrase).where(
                package_secrets.c.request_id == request_id
            )
        ).scalar_one()


def test_the_ledger_holds_the_passphrase_encrypted_and_shows_it_once(ledger, monkeypatch):
    engine, rid = ledger
    key = Fernet.generate_key().decode()
    monkeypatch.setenv(FERNET_ENV, key)
    secret = new_passphrase()

    keep_passphrase(engine, rid, secret, TEST_NOW)

    token = stored(engine, rid)
    assert secret not in token, "never in clear"
    assert secret.replace("-", "") not in token.replace("-", "")
    assert Fernet(key.encode()).decrypt(token.encode()).decode() == secret
    assert reveal_passphrase(engine, rid, by="dpo", now=TEST_NOW) == secret
    assert stored(engine, rid) is None, "cleared once shown"
    with pytest.raises(PassphraseUnavailableError, match="it is shown once"):
        reveal_passphrase(engine, rid, by="dpo", now=TEST_NOW)


def test_a_rotated_key_still_opens_it_and_a_foreign_key_is_refused(ledger, monkeypatch):
    engine, rid = ledger
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(FERNET_ENV, old)
    secret = new_passphrase()
    keep_passphrase(engine, rid, secret, TEST_NOW)
    token = stored(engine, rid)

    monkeypatch.setenv(FERNET_ENV, new)  # another key only: refused, and left as it was
    with pytest.raises(PassphraseUnavailableError, match="cannot be decrypted"):
        reveal_passphrase(engine, rid, by="dpo", now=TEST_NOW)
    assert stored(engine, rid) == token

    monkeypatch.setenv(FERNET_ENV, f"{new},{old}")  # rotating: the new key first, the old kept
    assert reveal_passphrase(engine, rid, by="dpo", now=TEST_NOW) == secret


def test_without_a_fernet_key_nothing_is_kept(ledger, monkeypatch):
    engine, rid = ledger
    monkeypatch.setenv(FERNET_ENV, "")
    with pytest.raises(NoPassphraseKeyError, match="would sit in clear in the ledger"):
        passphrase_cipher()
    with pytest.raises(NoPassphraseKeyError):
        keep_passphrase(engine, rid, new_passphrase(), TEST_NOW)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(package_secrets)).scalar() == 0
    monkeypatch.setenv(FERNET_ENV, "not-a-fernet-key")
    with pytest.raises(NoPassphraseKeyError, match="is not a Fernet key"):
        passphrase_cipher()
