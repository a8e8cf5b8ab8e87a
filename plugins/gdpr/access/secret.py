"""The passphrase of a delivered package: made for each delivery, shown once to a DPO.

A package is AES-256 encrypted unless the DPO chose otherwise (``gdpr_subject_access``). The
passphrase is made by the delivering task, from an alphabet that reads out well on the
telephone (no 0/O, 1/I/L), and kept in the ledger until a DPO asks for it, on the desk or with
``gdpr access passphrase``: it is then shown once and cleared, and who saw it, and when, stay.
The DPO gives it to the subject by another channel than the link (telephone, letter, SMS), so
that one intercepted message does not open the package. A new delivery makes a new passphrase.

The ledger keeps it encrypted with Airflow's Fernet key (``[core] fernet_key``, required by the
deployment), never in clear: whoever reads the ledger's database, its backups or a dump, with
the ledger's credential alone, cannot open the package. Without a Fernet key nothing is kept
and the delivering task refuses before it builds the package.
"""

from __future__ import annotations

import secrets
from datetime import datetime

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from gdpr.ledger.schema import package_secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS, GROUP_SIZE = 6, 4  # 24 symbols of 31: about 119 bits


class PassphraseUnavailableError(LookupError):
    """There is no passphrase to show; the message says why and what to do."""


class NoPassphraseKeyError(RuntimeError):
    """No Fernet key to keep a passphrase with: it would sit in clear in the ledger."""


def passphrase_cipher() -> MultiFernet:
    """Airflow's Fernet key(s) (``AIRFLOW__CORE__FERNET_KEY`` or ``[core] fernet_key``; several,
    comma separated, while rotating: the first encrypts, any decrypts)."""
    from airflow.configuration import conf

    keys = [k.strip() for k in (conf.get("core", "fernet_key", fallback="") or "").split(",")]
    keys = [k for k in keys if k]
    if not keys:
        raise NoPassphraseKeyError(
            "Airflow has no Fernet key ([core] fernet_key), so the package passphrase would sit "
            "in clear in the ledger: set AIRFLOW__CORE__FERNET_KEY (docs/deploy.md), or choose "
            "the subject's public key or an unencrypted package"
        )
    try:
        return MultiFernet([Fernet(key.encode("ascii")) for key in keys])
    except (ValueError, UnicodeEncodeError):
        raise NoPassphraseKeyError(
            "Airflow's Fernet key ([core] fernet_key) is not a Fernet key (32 url-safe base64 "
            "bytes): the package passphrase cannot be kept encrypted"
        ) from None


def new_passphrase() -> str:
    return "-".join(
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_SIZE)) for _ in range(GROUPS)
    )


def keep_passphrase(
    engine: sa.Engine,
    request_id: str,
    passphrase: str,
    now: datetime,
    cipher: MultiFernet | None = None,
) -> None:
    """Keep the passphrase of the package just delivered, encrypted (``cipher``, default
    ``passphrase_cipher()``), replacing an earlier delivery's (by an update: the ledger's
    application role deletes nothing, ``gdpr.ledger.roles``)."""
    token = (cipher or passphrase_cipher()).encrypt(passphrase.encode("utf-8")).decode("ascii")
    table = package_secrets
    fresh = {"passphrase": token, "created_at": now, "shown_at": None, "shown_by": None}
    with engine.begin() as conn:
        replaced = conn.execute(
            sa.update(table).where(table.c.request_id == request_id).values(**fresh)
        )
        if not replaced.rowcount:
            conn.execute(sa.insert(table).values(request_id=request_id, **fresh))


def reveal_passphrase(
    engine: sa.Engine,
    request_id: str,
    *,
    by: str,
    now: datetime,
    cipher: MultiFernet | None = None,
) -> str:
    """The passphrase, once: it is cleared in the same transaction that reads it. One the
    Fernet key cannot decrypt (a key rotated away) is refused and left as it is."""
    table = package_secrets
    cipher = cipher or passphrase_cipher()
    with engine.begin() as conn:
        row = conn.execute(
            sa.select(table).where(table.c.request_id == request_id).with_for_update()
        ).first()
        if row is None:
            raise PassphraseUnavailableError(
                f"request {request_id} has no package passphrase: its package is not delivered "
                "yet, or is encrypted to the subject's public key, or was delivered unencrypted"
            )
        if row.passphrase is None:
            raise PassphraseUnavailableError(
                f"the passphrase of request {request_id}'s package was shown on "
                f"{row.shown_at:%Y-%m-%d %H:%M} UTC to {row.shown_by}; it is shown once: "
                "deliver the package again for a new one"
            )
        try:
            passphrase = cipher.decrypt(row.passphrase.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError):
            raise PassphraseUnavailableError(
                f"the passphrase of request {request_id}'s package cannot be decrypted with "
                "Airflow's Fernet key (was the key changed?): deliver the package again for a "
                "new one"
            ) from None
        conn.execute(
            sa.update(table)
            .where(table.c.request_id == request_id)
            .values(passphrase=None, shown_at=now, shown_by=by)
        )
    return passphrase
