"""A retention rule split into parts purged at the same time ends where one task ends.

On the generated organisations (``tests/orgs``: integer, UUID, text and composite keys, couples
sharing an address, records shared by two parties, versioned objects and archives, a dataset
kept anonymised), the rule is split into three parts run in three threads, each with its own
connectors, as three Airflow tasks on three workers run them; then the final pass decides what
the parts left to it. The state is the one a single task reaches, the evidence counts every
change once, and each part's batches are settled in its own name.
"""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from gdpr.ledger import verify_chain
from gdpr.retention.partition import Part, deferred, merge_outcomes
from gdpr.retention.purge import INTENT
from gdpr.retention.run import run_rule, split_rule
from tests.clock import TEST_NOW
from tests.integration.test_generated_orgs import (
    assert_state,
    evidence_counts,
    expected_after_purge,
    expected_counts,
)
from tests.orgs.fixtures import LiveOrg, snapshot

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.orgs.plugin"]  # the generated_org fixture

SEEDS = list(range(10))
PARTS = 3


def split_purge(live: LiveOrg, batch_size: int) -> tuple[int, list[dict], dict | None]:
    """The rule split as the DAG splits it, its parts at the same time, then its final pass."""
    ledger, rule = live.ledger, live.spec.rule_id
    run_pk = ledger.start_run("gdpr_retention_purge", f"parts-{uuid.uuid4().hex}", "retention")
    count = split_rule(
        live.datamap, rule, live.connectors(), ledger, now=TEST_NOW, parts=PARTS, run_pk=run_pk
    )

    def purge(part: Part | None) -> dict:
        return run_rule(
            live.datamap,
            rule,
            live.connectors(),
            ledger,
            now=TEST_NOW,
            batch_size=batch_size,
            run_pk=run_pk,
            part=part,
        ).as_dict()

    with ThreadPoolExecutor(count) as pool:
        parts = list(pool.map(purge, [Part(i, count) for i in range(count)]))
    final = purge(None) if any(deferred(o) for o in parts) else None
    ledger.finish_run(run_pk, "success", {})
    return count, parts, final


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rule_purged_in_parts_ends_as_one_task_would(generated_org, seed):
    live, spec = generated_org, generated_org.spec
    if spec.refused:  # a NOT NULL reference of the kept dataset: refused whole or in parts
        pytest.skip("the rule is refused before anything changes (test_generated_orgs)")
    before = snapshot(live)

    count, parts, final = split_purge(live, batch_size=2 + seed % 3)

    assert count == PARTS, "every generated rule can be split"
    assert_state(spec, snapshot(live), expected_after_purge(spec, before))
    changed = expected_counts(spec)
    assert dict(evidence_counts(live)) == {d: n for d, n in changed.items() if n}, spec.summary()
    merged = merge_outcomes(parts, final)
    assert {d: t["count"] for d, t in merged["datasets"].items()} == changed, spec.summary()
    assert sum(o["expired"] for o in parts) == merged["expired"] > 0
    intents = live.ledger.evidence(actions=[INTENT], rule=spec.rule_id)
    labels = {i.detail.get("part") for i in intents}  # None: the final pass's batches
    assert labels - {None} <= {Part(i, PARTS).label for i in range(PARTS)}
    assert len(labels - {None}) > 1, "the parts shared the work"
    assert (None in labels) == (final is not None and final["batches"] > 0)
    report = verify_chain(live.ledger_engine)
    assert report.ok, report.problems
    if seed == 1:  # its parts leave records reached from roots of two parts to the final pass
        assert final is not None
        assert final["batches"] > 0
