"""Trigger-form fields the subject-request DAGs share: which ledger request a run is for.

Airflow keeps a run's configuration and copies it into its audit log, so no personal value is
ever typed into a form: the subject's identity (and a rectification's corrected value) is
registered in the ledger first, with ``gdpr request register`` or on the DPO desk, and the form
takes the request id that prints. The field may be left empty when the form opens (no error
is shown); the first task refuses an empty, malformed or unknown id with one sentence.
"""

from __future__ import annotations

from airflow.sdk import Param

REGISTER_HINT = (
    "Register the request first (`gdpr request register --kind {kind} --identity email "
    "<address>{extra}`, or on the DPO desk): it prints the id. Never type an address here."
)


def subject_params(kind: str, rerun: str = "", *, register_kind: str | None = None) -> dict:
    """The ledger request of ``kind`` the run is for; ``rerun`` says what giving the id of a
    request already run does."""
    register_as = register_kind or kind.split(" ", 1)[0]
    extra = " --field <field> --value <new value>" if register_as == "rectification" else ""
    return {
        "request_id": Param(
            None,
            type=["null", "string"],
            maxLength=32,
            title="Ledger request id",
            description=f"The {kind} request, e.g. R-2026-000123 (from the intake, the desk or "
            f"`gdpr request register`). {REGISTER_HINT.format(kind=register_as, extra=extra)}"
            f"{' ' + rerun if rerun else ''}",
        ),
    }
