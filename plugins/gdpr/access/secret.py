"""The passphrase of a delivered package: made for each delivery, shown once to a DPO.

A package is AES-256 encrypted unless the DPO chose otherwise (``gdpr_subject_access``). The
passphrase is made by the delivering task, from an alphabet that reads out well on the
telephone (no 0/O, 1/I/L), and kept in the ledger until a DPO asks for it, on the desk or with
``gdpr access passphrase``: it is then shown once and cleared, and who saw it, and when, stay.
The DPO gives it to the subject by another channel than the link (telephone, letter, SMS), so
that one intercepted message does not open the package. A new delivery makes a new passphrase.
"""

from __future__ import annotations

import secrets
from datetime import datetime

import sqlalchemy as sa

from gdpr.ledger.schema import package_secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS, GROUP_SIZE = 6, 4  # 24 symbols of 31: about 119 bits


class PassphraseUnavailableError(LookupError):
    """There is no passphrase to show; the message says why and what to do."""


def new_passphrase() -> str:
    return "-".join(
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_SIZE)) for _ in range(GROUPS)
    )


def keep_passphrase(engine: sa.Engine, request_id: str, passphrase: str, now: datetime) -> None:
    """Keep the passphrase of the package just delivered, replacing an earlier delivery's (by
    an update: the ledger's application role deletes nothing, ``gdpr.ledger.roles``)."""
    table = package_secrets
    fresh = {"passphrase": passphrase, "created_at": now, "shown_at": None, "shown_by": None}
    with engine.begin() as conn:
        replaced = conn.execute(
            sa.update(table).where(table.c.request_id == request_id).values(**fresh)
        )
        if not replaced.rowcount:
            conn.execute(sa.insert(table).values(request_id=request_id, **fresh))


def reveal_passphrase(engine: sa.Engine, request_id: str, *, by: str, now: datetime) -> str:
    """The passphrase, once: it is cleared in the same transaction that reads it."""
    table = package_secrets
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
        conn.execute(
            sa.update(table)
            .where(table.c.request_id == request_id)
            .values(passphrase=None, shown_at=now, shown_by=by)
        )
    return row.passphrase
