"""gdpr_subject_restriction run for real on every shipped organisation: each record of the
subject marked as its dataset allows (flag or ledger), the purge keeping them while the
restriction holds, the subject told before it is lifted, and no identity in Airflow."""

from __future__ import annotations

from gdpr.erasure.notify import recipients_for
from gdpr.ledger import Ledger, verify_chain
from tests.dags.conftest import task_states, xcom_text
from tests.dags.requests import register
from tests.dags.test_organisations import rows_by_key, versions_of

DAG_ID = "gdpr_subject_restriction"


def flag_of(org, dataset: str, key: tuple[str, ...]):
    ref = org.datamap.dataset(dataset)
    return rows_by_key(org, dataset)[key][ref.dataset.restriction_flag]


def still_there(org, dataset: str, key: tuple[str, ...]) -> bool:
    ref = org.datamap.dataset(dataset)
    if ref.kind == "s3":
        return versions_of(org, dataset, key[0])[0] > 0
    return key in rows_by_key(org, dataset)


def test_restriction_marks_every_record_the_purge_keeps_them_and_lifting_tells_the_subject_first(
    org, run_dag, smtp_server
):
    planted = org.planted
    subject = planted.expired_subjects[0]  # a subject the purge would otherwise take
    rid = register("restriction", subject, identity=planted.identity)
    ledger = Ledger(org.ledger)

    dag_run = run_dag(DAG_ID, request_id=rid, action="restrict")
    assert dag_run.state == "success", task_states(dag_run)
    restricted = ledger.restrictions(request_id=rid)
    assert restricted, "every record of the subject is under restriction"
    datasets = {r.dataset for r in restricted}
    for record in restricted:
        ref = org.datamap.dataset(record.dataset)
        if ref.dataset.restriction_flag:
            assert record.how in ("flag", "flagged")
            assert flag_of(org, record.dataset, record.record_key), "the flag is set"
        else:
            assert record.how == "ledger", f"{record.dataset} has no flag: the ledger marks it"
    assert any(r.how == "ledger" for r in restricted), "a dataset without a flag is covered too"
    evidence = ledger.evidence(request_id=rid)
    assert {e.dataset for e in evidence if e.action == "restriction.apply"} == datasets
    assert ledger.get_request(rid).status == "completed"
    for notice in recipients_for(org.datamap, datasets):
        (message,) = smtp_server.to(notice.recipient)
        assert "Art. 19" in message["Subject"]
    assert not smtp_server.to(subject), "restricting writes nothing to the subject"

    expired = [
        (r.dataset, r.record_key)
        for r in restricted
        if r.record_key in planted.expired.rows.get(r.dataset, set())
        or (r.record_key[0] in planted.expired.objects.get(r.dataset, {}))
    ]
    assert expired, "the subject has expired records"
    purge = run_dag("gdpr_retention_purge")
    assert purge.state == "success", task_states(purge)
    for dataset, key in expired:
        assert still_there(org, dataset, key), f"{dataset} {key}: purged despite the restriction"

    lifted = run_dag(DAG_ID, request_id=rid, action="lift")
    assert lifted.state == "success", task_states(lifted)
    (notice,) = smtp_server.to(subject)
    assert "Art. 18(3)" in notice["Subject"]
    events = [e.kind for e in ledger.request_events(rid)]
    assert events.index("restriction.subject_informed") < events.index("restriction.lifted")
    assert ledger.restrictions(request_id=rid) == []
    for record in restricted:
        if record.how == "flag" and still_there(org, record.dataset, record.record_key):
            assert not flag_of(org, record.dataset, record.record_key), "the flag is cleared"
    assert verify_chain(org.ledger).ok

    again = run_dag("gdpr_retention_purge")
    assert again.state == "success", task_states(again)
    for dataset, key in expired:
        if org.datamap.dataset(dataset).kind == "sql" and key in planted.expired.rows[dataset]:
            assert not still_there(org, dataset, key), f"{dataset} {key}: kept once lifted"

    blob = xcom_text(dag_run) + xcom_text(lifted)
    assert subject.lower() not in blob, "no identity in XCom"
    assert subject.lower() not in str(dag_run.conf).lower()


def test_lifting_without_a_restriction_is_refused_before_anything_is_sent(
    org, run_dag, smtp_server, capfd, caplog
):
    planted = org.planted
    rid = register("restriction", planted.subject, identity=planted.identity)
    dag_run = run_dag(DAG_ID, request_id=rid, action="lift")
    assert task_states(dag_run)[("check_input", -1)] == "failed"
    assert task_states(dag_run)[("apply", -1)] == "upstream_failed"
    assert smtp_server.messages == [], "nothing is sent"
    logs = capfd.readouterr()
    text = logs.out + logs.err + caplog.text
    assert f"request {rid} has no restriction in force to lift" in text
    assert Ledger(org.ledger).get_request(rid).status == "open"


def test_a_purge_honours_a_ledger_restriction_without_any_flag(org, run_dag):
    """The ledger's own restriction alone (no workflow run): the purge keeps the record."""
    planted = org.planted
    dataset, keys = next(
        (d, k)
        for d, k in sorted(planted.expired.rows.items())
        if k and not org.datamap.dataset(d).dataset.restriction_flag
    )
    key = sorted(keys)[0]
    ledger = Ledger(org.ledger)
    rid = register("restriction", planted.subject, identity=planted.identity)
    ledger.add_restrictions(rid, dataset, [(key, "ledger")])
    ledger.update_request(rid, status="completed", closed_at=ledger.get_request(rid).received_at)
    purge = run_dag("gdpr_retention_purge")
    assert purge.state == "success", task_states(purge)
    assert key in rows_by_key(org, dataset), "the record restricted in the ledger is kept"
    others = keys - {key}
    if others:
        assert others - rows_by_key(org, dataset).keys(), "the other expired records go"
