"""Request intake: records that the data map's intake rule recognises as privacy requests become
ledger requests, with the clock started at their receipt, and get an acknowledgement."""

from gdpr.intake.take import (
    IntakeNotConfigured,
    IntakeOutcome,
    mark_exports_started,
    take_requests,
)

__all__ = ["IntakeNotConfigured", "IntakeOutcome", "mark_exports_started", "take_requests"]
