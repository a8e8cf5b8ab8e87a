"""Who an erasure or breach approval is assigned to (the four-eyes rule), from the settings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from gdpr.airflow.approval import FourEyes
from gdpr.airflow.refusal import Refusal


def assigned(requester: str | None) -> list[str] | None:
    operator = FourEyes()
    operator.assigned_users = None
    operator._assign({"dag_run": SimpleNamespace(triggering_user_name=requester)})
    return [u["id"] for u in operator.assigned_users] if operator.assigned_users else None


def test_the_requester_is_never_among_the_assigned_approvers(monkeypatch):
    monkeypatch.setenv("GDPR_APPROVERS", "dpo, deputy")
    assert assigned("dpo") == ["deputy"]
    assert assigned("someone.else") == ["dpo", "deputy"]


def test_a_requester_who_is_the_only_approver_is_told_to_add_one(monkeypatch):
    monkeypatch.setenv("GDPR_APPROVERS", "dpo")
    with pytest.raises(Refusal, match="another person must approve it"):
        assigned("dpo")


def test_four_eyes_can_be_turned_off_and_no_approvers_leaves_airflow_to_decide(monkeypatch):
    monkeypatch.setenv("GDPR_APPROVERS", "dpo")
    monkeypatch.setenv("GDPR_FOUR_EYES", "false")
    assert assigned("dpo") == ["dpo"]
    monkeypatch.delenv("GDPR_APPROVERS")
    assert assigned("dpo") is None


def test_an_answer_by_the_requester_is_refused(monkeypatch):
    operator = FourEyes()
    context = {"dag_run": SimpleNamespace(triggering_user_name="dpo")}
    with pytest.raises(Refusal, match="cannot also approve it"):
        operator._check(context, {"responded_by_user": {"id": "dpo", "name": "Claire"}})
    operator._check(context, {"responded_by_user": {"id": "deputy", "name": "Deputy"}})
