"""Identities a task reads are redacted by Airflow's secrets masker, whatever quotes them."""

from __future__ import annotations

from gdpr.airflow.redact import hide_identities


def test_an_identity_a_task_read_is_redacted_in_any_spelling_from_what_it_logs():
    from airflow.sdk.log import redact

    hide_identities([" Rosalind.Quennell-Test@Example.ORG ", None])
    bounced = "550 mailbox rosalind.quennell-test@example.org unknown"
    assert "rosalind" not in str(redact(bounced)).lower()
    quoted = "Key (email)=( Rosalind.Quennell-Test@Example.ORG ) already exists"
    assert "rosalind" not in str(redact(quoted)).lower()
    assert "already exists" in str(redact(quoted)), "the rest of the message stays readable"
