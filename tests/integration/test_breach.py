"""Breach scope on the demo organisation: records and distinct subjects in the named datasets,
checked against counts computed independently with SQL and an S3 listing."""

from __future__ import annotations

import re

import sqlalchemy as sa

from gdpr.breach.affected import count_affected
from gdpr.breach.choices import dataset_choices
from gdpr.connectors.factory import connectors_for, env_clients
from tests.conftest import DATAMAP_PATH


def _rows(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).all()


def _norm(value):
    return value.strip().lower() if value and value.strip() else None


def test_counts_match_the_demo_data(demo_org):
    datasets = ["crm.orders", "helpdesk.tickets", "call_audio.recordings"]
    clients = env_clients()
    try:
        affected = count_affected(
            demo_org.datamap, connectors_for(demo_org.datamap, clients), datasets
        )
    finally:
        clients.dispose()

    customers = dict(_rows(demo_org.crm, "SELECT customer_id, email FROM customers"))
    orders = _rows(demo_org.crm, "SELECT customer_id FROM orders")
    order_subjects = {_norm(customers[c]) for (c,) in orders}
    tickets = _rows(demo_org.helpdesk, "SELECT requester_email, crm_customer_id FROM tickets")
    ticket_subjects = {_norm(e) for e, _ in tickets} | {
        _norm(customers[c]) for _, c in tickets if c is not None and c in customers
    }
    recordings = set(_rows(demo_org.crm, "SELECT customer_id, recording_id FROM call_recordings"))
    bucket = demo_org.datamap.system("call_audio").bucket
    keys = [
        o["Key"]
        for page in demo_org.s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        for o in page.get("Contents", [])
    ]
    pattern = re.compile(r"^recordings/(\d+)/(\d+)\.ogg$")
    object_owners = {tuple(map(int, m.groups())) for k in keys if (m := pattern.match(k))}
    audio_subjects = {_norm(customers[c]) for c, r in object_owners if (c, r) in recordings}

    assert affected.records == {
        "crm.orders": len(orders),
        "helpdesk.tickets": len(tickets),
        "call_audio.recordings": len([k for k in keys if pattern.match(k)]),
    }
    assert affected.subjects_by_dataset == {
        "crm.orders": len(order_subjects),
        "helpdesk.tickets": len(ticket_subjects - {None}),
        "call_audio.recordings": len(audio_subjects),
    }
    everyone = (order_subjects | ticket_subjects | audio_subjects) - {None}
    assert affected.subjects == len(everyone)
    assert affected.identities == everyone
    assert affected.records["crm.orders"] > 0
    assert affected.subjects_by_dataset["call_audio.recordings"] > 0
    listing = affected.subject_list().decode().splitlines()
    assert listing[0] == "email"
    assert sorted(listing[1:]) == sorted(everyone)
    counts = str(affected.counts())
    assert "@" not in counts


def test_form_choices_come_from_the_yaml_alone(datamap):
    assert dataset_choices(DATAMAP_PATH) == datamap.dataset_ids()
    assert dataset_choices("/nonexistent/map.yaml") == []
