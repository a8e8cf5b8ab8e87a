"""Trigger-form fields the subject-request DAGs share: who the request is about."""

from __future__ import annotations

from airflow.sdk import Param


def subject_params(kind: str, rerun: str = "") -> dict[str, Param]:
    """The subject's e-mail, or an existing ledger request of ``kind`` (one of the two);
    ``rerun`` says what giving the id of a request already run does."""
    return {
        "subject_email": Param(
            None,
            type=["null", "string"],
            format="email",
            pattern=r"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$",
            title="Subject's e-mail address",
            description="The address the person uses with us (case and spaces do not matter). "
            "Leave empty when you give a request id.",
        ),
        "request_id": Param(
            None,
            type=["null", "string"],
            pattern=r"^\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*$",
            title="Ledger request id",
            description=f"An existing {kind} request, e.g. R-2026-000123 (from the intake or an "
            f"earlier run).{' ' + rerun if rerun else ''}",
        ),
    }
