"""Legal clocks: when a subject request or a breach notification is due (legal.md, Clocks),
which alerts that calls for, and the DPO's decisions that move a request's clock."""

from gdpr.deadlines.calendar import breach_due_at, extended_due_at, request_due_at

__all__ = ["breach_due_at", "extended_due_at", "request_due_at"]
