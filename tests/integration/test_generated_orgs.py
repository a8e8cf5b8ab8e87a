"""Properties on generated organisations: PostgreSQL + MariaDB + moto's S3 + a SQLite ledger.

Each test runs on the organisations of ten fixed seeds (``tests/orgs/generator.py``): random
names, key types (integer, bigint, UUID, text, composite), chain depths, a second system linked
by a normalised e-mail only, versioned objects with delete markers, legal holds (on people and
on records, some lifted), requests (open and closed). Fresh databases for each seed.

Seeds rather than hypothesis: hypothesis is not a dependency of the project, and its
function-scoped-fixture rule would have a test build its databases by hand. The seeds are
fixed, so every run checks the same ten organisations; ``generator.organisations()`` is the
hypothesis strategy of the same generator for whoever adds the dependency.

Properties:
(a) a retention run deletes exactly the records (rows in every system, every object version and
    delete marker) of the expired subjects that are neither held nor under an open request,
    and nothing else; its evidence counts equal the rows actually deleted;
(b) resolving a subject finds exactly their records in every dataset, and their access
    package holds exactly their rows and every data version of their objects;
(c) a run stopped inside a batch after its objects were deleted and before its SQL rows were,
    then one stopped between two batches, then a rerun, end in the state of one uninterrupted
    run, with every deletion counted in the evidence.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import PurePosixPath
from typing import Any

import pytest
import sqlalchemy as sa

from gdpr.access import RequestInfo, build_subject_package
from gdpr.ledger import verify_chain
from gdpr.retention.run import run_rule
from gdpr.subject import resolve_subject
from tests.clock import TEST_NOW
from tests.orgs.fixtures import LiveOrg, expected_initial, snapshot
from tests.orgs.generator import Organisation, canon

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.orgs.plugin"]  # the generated_org fixture

SEEDS = list(range(10))
SETTLED = "retention.batch"


class InjectedFailureError(RuntimeError):
    pass


# -- helpers ------------------------------------------------------------------------------------


def run_purge(live: LiveOrg, connectors, **options):
    """One retention run of the generated rule, registered as a run in the ledger."""
    ledger = live.ledger
    run_pk = ledger.start_run("gdpr_retention_purge", f"generated-{uuid.uuid4().hex}", "retention")
    try:
        outcome = run_rule(
            live.datamap,
            live.spec.rule_id,
            connectors,
            ledger,
            now=TEST_NOW,
            run_pk=run_pk,
            **options,
        )
    except Exception:
        ledger.finish_run(run_pk, "failed", {})
        raise
    ledger.finish_run(run_pk, "success", outcome.as_dict())
    return run_pk, outcome


def expected_after_purge(spec: Organisation, before: dict[str, dict]) -> dict[str, dict]:
    purged = spec.purged_records()
    return {
        dataset: {k: v for k, v in rows.items() if k not in purged.get(dataset, set())}
        for dataset, rows in before.items()
    }


def owners(spec: Organisation) -> dict[tuple[str, tuple], int]:
    out = {}
    for subject in spec.subjects:
        for dataset, keys in spec.records_of(subject.index).items():
            for key in keys:
                out[(dataset, key)] = subject.index
    return out


def status(spec: Organisation, index: int) -> str:
    s = spec.subject(index)
    parts = ["expired" if s.expired else "not expired"]
    if s.hold:
        parts.append(f"hold {s.hold}" + (f" on {s.hold_record[0]}" if s.hold_record else ""))
    if s.request:
        parts.append(f"request {s.request}")
    return f"subject {index} ({', '.join(parts)})"


def assert_state(spec: Organisation, actual: dict[str, dict], expected: dict[str, dict]) -> None:
    """Equal states, or a message naming each wrong record with its owner's status."""
    who = owners(spec)
    problems = []
    for dataset in sorted(set(actual) | set(expected)):
        got, want = actual.get(dataset, {}), expected.get(dataset, {})
        for key in sorted(set(want) - set(got), key=repr)[:5]:
            problems.append(f"{dataset} {key}: deleted, of {status(spec, who[(dataset, key)])}")
        for key in sorted(set(got) - set(want), key=repr)[:5]:
            owner = who.get((dataset, key))
            problems.append(
                f"{dataset} {key}: still there, of "
                + (status(spec, owner) if owner is not None else "nobody")
            )
        for key in sorted(set(got) & set(want), key=repr):
            if got[key] != want[key]:
                problems.append(f"{dataset} {key}: changed {want[key]} -> {got[key]}")
                break
    assert not problems, f"{spec.summary()}\n" + "\n".join(problems)


def evidence_counts(live: LiveOrg, actions=(SETTLED,)) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for row in live.ledger.evidence(actions=list(actions), rule=live.spec.rule_id):
        for dataset, detail in (row.detail.get("datasets") or {}).items():
            counts[dataset] += int(detail.get("count", 0))
    return counts


def deleted_counts(spec: Organisation, before, after) -> dict[str, int]:
    return {d: len(before[d]) - len(after[d]) for d in spec.plan_datasets()}


def norm(key: tuple) -> tuple:
    return tuple(canon(str(v) if isinstance(v, uuid.UUID) else v) for v in key)


# -- (a) retention ------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_retention_purges_exactly_the_expired_subjects_not_held_nor_under_request(
    generated_org, seed
):
    live, spec = generated_org, generated_org.spec
    before = snapshot(live)
    assert {d: set(rows) for d, rows in before.items()} == expected_initial(spec)
    assert any(s.purged for s in spec.subjects)
    assert any(s.expired and s.exempt for s in spec.subjects)

    _, outcome = run_purge(live, live.connectors(), batch_size=2 + seed % 4)

    after = snapshot(live)
    assert_state(spec, after, expected_after_purge(spec, before))
    deleted = deleted_counts(spec, before, after)
    assert dict(evidence_counts(live)) == {d: n for d, n in deleted.items() if n}, spec.summary()
    summaries = {
        e.dataset: e.count
        for e in live.ledger.evidence(actions=["retention.delete"], rule=spec.rule_id)
    }
    assert summaries == deleted, spec.summary()
    assert {d: t["count"] for d, t in outcome.as_dict()["datasets"].items()} == deleted
    report = verify_chain(live.ledger_engine)
    assert report.ok, report.problems


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_retention_spares_a_subject_held_through_one_of_their_objects(generated_org, seed):
    live, spec = generated_org, generated_org.spec
    objects = next(o for o in spec.buckets if o.id in spec.plan_datasets())
    held = next(obj for obj in objects.objects if spec.subject(obj.owner).purged)
    live.ledger.add_legal_hold(
        reason="dispute over a document",
        reference=f"RG {seed}/object",
        dataset=objects.id,
        record_key={"key": held.key},
    )
    subject = spec.subject(held.owner)
    subject.hold, subject.hold_record = "record", (objects.id, {"key": held.key})
    before = snapshot(live)

    run_purge(live, live.connectors(), batch_size=3)

    assert_state(spec, snapshot(live), expected_after_purge(spec, before))


# -- (b) resolution and access --------------------------------------------------------------------


def _package_subjects(spec: Organisation) -> list[int]:
    """A few subjects whose packages are built: the rich ones (objects, delete markers, the
    whole chain), one found only in the second system, one other."""
    chosen = [0, 1, 2]
    only_b = [s.index for s in spec.subjects if not s.in_primary]
    chosen += only_b[:1]
    rest = [s.index for s in spec.subjects if s.index not in chosen]
    chosen += rest[len(rest) // 2 : len(rest) // 2 + 1]
    return chosen


def _package_contents(live: LiveOrg, archive: zipfile.ZipFile) -> dict[str, Any]:
    spec = live.spec
    names = archive.namelist()
    out: dict[str, Any] = {}
    for table in spec.tables:
        path = f"data/{table.system}/{table.name}.json"
        records = json.loads(archive.read(path)) if path in names else []
        out[table.id] = Counter(tuple(canon(r[c]) for c in table.pk) for r in records)
    for objects in spec.buckets:
        folder = PurePosixPath("objects") / objects.system / objects.name
        out[objects.id] = Counter(
            archive.read(n) for n in names if PurePosixPath(n).is_relative_to(folder)
        )
    return out


@pytest.mark.parametrize("seed", SEEDS)
def test_access_finds_and_exports_exactly_each_subjects_rows_and_object_versions(
    generated_org, seed, tmp_path
):
    live, spec = generated_org, generated_org.spec
    connectors = live.connectors()
    for subject in spec.subjects:
        typed = f"  {subject.email.upper()} " if subject.index % 2 else subject.email
        location = resolve_subject(live.datamap, connectors, spec.identity, typed)
        found = {d: {norm(k) for k in hits.rows} for d, hits in location.hits.items()}
        assert found == spec.records_of(subject.index), f"{spec.summary()}: subject {subject.index}"

    request = RequestInfo("R-2026-000042", "access", TEST_NOW, TEST_NOW + timedelta(days=30))
    for index in _package_subjects(spec):
        subject = spec.subject(index)
        package = build_subject_package(
            live.datamap,
            connectors,
            subject.typed_email,
            tmp_path / f"subject-{index}",
            kind="access",
            request=request,
            generated_at=TEST_NOW,
        )
        with zipfile.ZipFile(package.path) as archive:
            contents = _package_contents(live, archive)
        records = spec.records_of(index)
        expected: dict[str, Any] = {
            t.id: Counter({k: 1 for k in records[t.id]}) for t in spec.tables
        }
        expected.update(spec.versions_of(index))
        assert contents == expected, f"{spec.summary()}: package of subject {index}"


# -- (c) interrupted runs ------------------------------------------------------------------------


class FailBetweenSystems:
    """Fails the first SQL DELETE of the primary system that follows a deletion of object
    versions: a batch stopped after its objects went and before its rows did."""

    def __init__(self, live: LiveOrg):
        spec, clients = live.spec, live.clients
        assert clients is not None
        self.objects_deleted = False
        self.fired = False
        clients.s3(spec.conn_ids[spec.bucket_system]).meta.events.register(
            "after-call.s3.DeleteObjects", self._objects
        )
        sa.event.listen(
            clients.engine(spec.conn_ids[spec.primary]), "before_cursor_execute", self._sql
        )

    def _objects(self, **_: Any) -> None:
        self.objects_deleted = True

    def _sql(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if (
            self.objects_deleted
            and not self.fired
            and statement.lstrip().upper().startswith("DELETE")
        ):
            self.fired = True
            raise InjectedFailureError("injected failure between the bucket and the database")


@pytest.mark.parametrize("seed", SEEDS)
def test_interrupted_purges_and_a_rerun_end_as_one_uninterrupted_run(generated_org, seed):
    live, spec = generated_org, generated_org.spec
    before = snapshot(live)
    expected = expected_after_purge(spec, before)

    # 1. stopped inside a batch: its objects deleted, its rows not
    connectors = live.connectors()
    injector = FailBetweenSystems(live)
    with pytest.raises(Exception, match="injected failure between"):
        run_purge(live, connectors, batch_size=2)
    assert injector.fired, f"no object deletion before a row deletion: {spec.summary()}"
    middle = snapshot(live)
    root = spec.subject_table.id
    half_done = [
        obj.owner
        for o in spec.buckets
        if o.id in spec.plan_datasets()
        for obj in o.objects
        if (obj.key,) not in middle[o.id] and spec.records_of(obj.owner)[root] <= set(middle[root])
    ]
    assert half_done, f"the stop left no subject half purged: {spec.summary()}"
    # 2. stopped between two batches
    with pytest.raises(RuntimeError, match="injected failure before batch 2"):
        run_purge(live, live.connectors(), batch_size=1, fail_after_batches=1)
    # 3. the rerun
    run_purge(live, live.connectors(), batch_size=3)

    after = snapshot(live)
    assert_state(spec, after, expected)
    deleted = deleted_counts(spec, before, after)
    settled = evidence_counts(live, actions=(SETTLED, "retention.recovered"))
    planned = evidence_counts(live, actions=("retention.intent",))
    for dataset, count in deleted.items():
        # no evidence counts a record that was not deleted, and every deleted record is
        # counted, settled or (the batch stopped between systems) in its intent
        assert settled[dataset] <= count <= settled[dataset] + planned[dataset], (
            f"{dataset}: deleted {count}, settled {settled[dataset]}, planned {planned[dataset]}; "
            f"{spec.summary()}"
        )
    report = verify_chain(live.ledger_engine)
    assert report.ok, report.problems
