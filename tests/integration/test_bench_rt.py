"""The `rt` benchmark (bench/rt.py) at a tiny scale, so it stays runnable: tickets written into
RT's own database are ones RT serves and searches, and the product and the hand-written REST
searches find the same records of the planted subject. The 100,000-ticket figure is `python -m
bench --only rt`, never part of the tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.rt.plugin import SERVER, SETUP

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not SETUP.exists() or not SERVER.exists(),
        reason="Request Tracker 5 is not installed: `make packages` as root installs it",
    ),
]


def test_the_rt_benchmark_imports_tickets_rt_serves_and_both_sides_agree(monkeypatch):
    import bench.rt

    monkeypatch.setattr(bench.rt, "TICKETS", 60)
    section = bench.rt.run(SimpleNamespace(repeat=1))

    assert section["tickets"] == 60
    assert section["records_per_dataset"] == {
        "helpdesk.tickets": 3,
        "helpdesk.correspondence": 3,
        "helpdesk.users": 1,
        "helpdesk.attachments": 0,
    }
    assert section["records"] == section["raw_rest_records"] == 7
    assert section["rows_imported"]["Tickets"] == 60
    others = {t // bench.rt.TICKETS_PER_REQUESTOR for t in range(bench.rt.SUBJECT_TICKETS + 1, 61)}
    assert section["rows_imported"]["Users"] == 1 + len(others)
    assert section["locate_rest_requests"] == section["raw_rest_requests"] == 4
    assert set(section["within_budget"]) == {"locate_ratio_vs_raw_rest"}
