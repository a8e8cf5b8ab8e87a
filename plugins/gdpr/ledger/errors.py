"""Errors the ledger raises on purpose, each with a message a DPO or operator can act on."""

from __future__ import annotations

__all__ = ["DuplicateRecordError", "LedgerNotReady", "RecordNotFoundError"]


class LedgerNotReady(RuntimeError):  # noqa: N818 - name fixed by the public API
    """The ledger's tables are missing or older than this version of the product expects."""


class RecordNotFoundError(LookupError):
    """A request, breach, hold or run id that the ledger does not know."""


class DuplicateRecordError(ValueError):
    """A request that is already recorded (same id, or same channel and external reference)."""
