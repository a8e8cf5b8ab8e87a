"""The planted subject of the demo is found everywhere, by every e-mail variant, and no one else is."""

from __future__ import annotations

import pytest

from examples.retailer.planted import PLANTED, PLANTED_NEAR_MISS_EMAILS, PLANTED_SUBJECT_EMAIL
from gdpr.connectors.factory import connectors_for, env_clients
from gdpr.subject import resolve_subject


@pytest.fixture
def connectors(demo_org):
    clients = env_clients()
    yield connectors_for(demo_org.datamap, clients)
    clients.dispose()


@pytest.mark.parametrize(
    "typed", [PLANTED_SUBJECT_EMAIL, "  Camille.DURAND@example.FR ", "CAMILLE.DURAND@EXAMPLE.FR"]
)
def test_planted_subject_is_found_in_crm_helpdesk_and_s3_exactly(demo_org, connectors, typed):
    location = resolve_subject(demo_org.datamap, connectors, "email", typed)
    subject = PLANTED.subject
    for dataset, ids in subject.ids().items():
        assert sorted(k[0] for k in location.hits[dataset].sorted_keys()) == sorted(ids), dataset
    for dataset, keys in subject.object_keys.items():
        assert sorted(k[0] for k in location.hits[dataset].sorted_keys()) == sorted(keys), dataset
    # the helpdesk ticket that carries only the e-mail (no CRM link) is found too
    assert set(subject.unlinked_ticket_ids) <= {
        k[0] for k in location.hits["helpdesk.tickets"].sorted_keys()
    }


def test_near_miss_addresses_are_other_people(demo_org, connectors):
    mine = resolve_subject(demo_org.datamap, connectors, "email", PLANTED_SUBJECT_EMAIL)
    for other in PLANTED_NEAR_MISS_EMAILS:
        theirs = resolve_subject(demo_org.datamap, connectors, "email", other)
        assert theirs.found
        for dataset, hits in theirs.hits.items():
            assert not set(hits.rows) & set(mine.hits[dataset].rows), (
                f"{other} shares records in {dataset}"
            )
