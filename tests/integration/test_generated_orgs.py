"""Properties on generated organisations: PostgreSQL + MariaDB + moto's S3 + a SQLite ledger.

Each test runs on the organisations of ten fixed seeds (``tests/orgs/generator.py``): random
names, key types (integer, bigint, UUID, text, composite), chain depths, a second system linked
by a normalised e-mail only, versioned objects with delete markers, legal holds (on people and
on records, some lifted), requests (open and closed), couples sharing one address, a foreign key
the other way round from the map's reference, a dataset the rule keeps anonymised (its reference
NOT NULL in some draws), zip archives whose members are records, records shared by two parties.
Fresh databases for each seed.

Seeds rather than hypothesis: hypothesis is not a dependency of the project, and its
function-scoped-fixture rule would have a test build its databases by hand. The seeds are
fixed, so every run checks the same ten organisations; ``generator.organisations()`` is the
hypothesis strategy of the same generator for whoever adds the dependency.

Properties:
(a) a retention run deletes exactly the records (rows in every system, every object version and
    delete marker, archive members from every version) of the expired subjects that are neither
    held nor under an open request (nor share their address or a record with someone who is),
    anonymises their rows of the kept dataset, empties their part of a record another party
    keeps, and changes nothing else; its evidence counts equal the records actually changed. A
    rule that would empty a NOT NULL reference is refused and nothing changes; archive members
    of everyone else survive in every version, an older one or one under a delete marker too;
(b) resolving a subject finds exactly their records in every dataset, and their access
    package holds exactly their rows, every data version of their objects and archive members,
    and never another party's part of a shared record; a shared address is refused, and the key
    of the person's record narrows it to them;
(c) a run stopped inside a batch after its objects were deleted and before its SQL rows were,
    then one stopped between two batches, then a rerun, end in the state of one uninterrupted
    run, with every deletion counted in the evidence;
(d) an erasure deletes exactly the subject's records (their part of a record another party
    keeps is emptied, their rows of the kept dataset anonymised), in an order every database
    accepts, and an erasure of a shared address is refused before anything changes.
"""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import PurePosixPath
from typing import Any

import pytest
import sqlalchemy as sa

from gdpr.access import RequestInfo, build_subject_package
from gdpr.erasure.apply import apply_plan
from gdpr.erasure.plan import preview
from gdpr.ledger import verify_chain
from gdpr.retention.anonymise import NotNullError
from gdpr.retention.run import run_rule
from gdpr.subject import AmbiguousIdentityError, SecondIdentifier, resolve_subject
from tests.clock import TEST_NOW
from tests.orgs.fixtures import LiveOrg, expected_initial, snapshot
from tests.orgs.generator import Organisation, Table, canon, generate

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
    """``before`` without the purged records, and with the kept ones emptied."""
    purged, anonymised = spec.purged_records(), spec.anonymised_records()
    after = {
        dataset: {k: v for k, v in rows.items() if k not in purged.get(dataset, set())}
        for dataset, rows in before.items()
    }
    for dataset, keys in anonymised.items():
        for key in keys:
            after[dataset][key] = emptied(spec, after[dataset][key])
    joint = spec.joint
    for key, roles in spec.emptied_parts().items():  # another party remains
        columns = [c for role in roles for c in joint.part(role)]
        after[joint.id][key] = blanked(joint, after[joint.id][key], columns)
    purged_subjects = {s.index for s in spec.subjects if s.purged}
    for zipped in spec.archives:
        if zipped.id in spec.plan_datasets():
            after[zipped.id] = zipped.state(without=purged_subjects)
    return after


def emptied(spec: Organisation, values: tuple) -> tuple:
    """A kept row's values (in column order) once the rule anonymised it."""
    assert spec.keep is not None
    return blanked(spec.keep, values, spec.anonymised_columns())


def blanked(table: Table, values: tuple, columns: list[str]) -> tuple:
    """A row's values (in column order) with ``columns`` emptied."""
    return tuple(
        None if column in columns else value
        for column, value in zip(table.types, values, strict=True)
    )


def assert_shared_count(spec: Organisation, outcome) -> None:
    """Parts of shared records emptied: one per record a remaining party keeps, plus at most
    one per record of several purged parties (emptied in one batch, deleted in a later one)."""
    joint, emptied_parts = spec.joint, spec.emptied_parts()
    purged = spec.purged_records()[joint.id]
    several = sum(
        1
        for row, parties in zip(joint.rows, joint.parties, strict=True)
        if len(parties) > 1 and joint.key(row) in purged
    )
    count = outcome.as_dict()["shared"].get(joint.id, {}).get("count", 0)
    assert len(emptied_parts) <= count <= len(emptied_parts) + several, spec.summary()


def assert_refused(live: LiveOrg, before: dict[str, dict], connectors, **options) -> None:
    """The rule would empty a NOT NULL reference of the kept dataset: one sentence naming the
    dataset and column, and nothing changed, no evidence."""
    spec = live.spec
    assert spec.keep is not None
    columns = "|".join(re.escape(c) for c in spec.keep.ref)
    pattern = (
        rf"^rule {re.escape(spec.rule_id)}: {re.escape(spec.keep.id)}\.({columns}) is NOT NULL"
    )
    with pytest.raises(NotNullError, match=pattern):
        run_purge(live, connectors, **options)
    assert_state(spec, snapshot(live), before)
    assert not live.ledger.evidence(rule=spec.rule_id), spec.summary()


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
            owner = who.get((dataset, key))
            problems.append(
                f"{dataset} {key}: deleted, of "
                + (status(spec, owner) if owner is not None else "nobody")
            )
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


def expected_counts(spec: Organisation) -> dict[str, int]:
    """Records of the plan's datasets a purge deletes or anonymises: once the state is shown to
    be the expected one, the records it changed (an archive member counts once, whatever the
    versions it was taken out of)."""
    purged, anonymised = spec.purged_records(), spec.anonymised_records()
    return {d: len(purged[d]) + len(anonymised.get(d, ())) for d in spec.plan_datasets()}


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
    if spec.refused:
        assert_refused(live, before, live.connectors(), batch_size=2 + seed % 4)
        return

    _, outcome = run_purge(live, live.connectors(), batch_size=2 + seed % 4)

    after = snapshot(live)
    assert_state(spec, after, expected_after_purge(spec, before))
    changed = expected_counts(spec)
    assert dict(evidence_counts(live)) == {d: n for d, n in changed.items() if n}, spec.summary()
    summaries = {
        e.dataset: e.count
        for e in live.ledger.evidence(
            actions=["retention.delete", "retention.anonymise"], rule=spec.rule_id
        )
        if "reason" not in e.detail  # the shared parts' summary: ``assert_shared_count``
    }
    assert summaries == changed, spec.summary()
    assert {d: t["count"] for d, t in outcome.as_dict()["datasets"].items()} == changed
    assert_shared_count(spec, outcome)
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


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_a_purge_keeps_the_archive_members_of_held_subjects(generated_org, seed):
    """The first archive, deleted (under a delete marker), holds a member of the purgeable
    subject 0 and of other people: a hold on one of them keeps their member in that version,
    subject 0's member leaves it, and the archive stays deleted."""
    live, spec = generated_org, generated_org.spec
    zipped = spec.archives[0]
    archive = zipped.archives[0]
    (members, marker) = archive.versions
    shielding = {0} | {s.index for s in spec.subject(0).co_parties}  # a hold there spares 0
    others = sorted({owner for owner, _ in members.values()} - shielding)
    if marker is not None or not others:
        raise RuntimeError(f"the generator drew no such archive: {spec.summary()}")
    held = spec.subject(others[0])
    live.ledger.add_legal_hold(
        reason="dispute", reference=f"RG {seed}/archive", subject_email=held.typed_email
    )
    held.hold = "subject"
    if not spec.subject(0).purged:
        raise RuntimeError(f"the hold spares subject 0 too: {spec.summary()}")
    before = snapshot(live)
    assert zipped.records({held.index}) & set(before[zipped.id]), spec.summary()

    run_purge(live, live.connectors(), batch_size=3)

    after = snapshot(live)
    assert_state(spec, after, expected_after_purge(spec, before))
    assert not zipped.records({0}) & set(after[zipped.id]), spec.summary()
    listing = live.s3.list_object_versions(Bucket=spec.bucket, Prefix=archive.key)
    current = [m for m in listing.get("DeleteMarkers", []) if m["IsLatest"]]
    assert current, f"{archive.key} no longer under its delete marker: {spec.summary()}"


# -- (b) resolution and access --------------------------------------------------------------------


def _package_subjects(spec: Organisation) -> list[int]:
    """A few subjects whose packages are built: the rich ones (objects, delete markers, the
    whole chain), one found only in the second system, one sharing their address, one other."""
    chosen = [0, 1, 2]
    only_b = [s.index for s in spec.subjects if not s.in_primary]
    chosen += only_b[:1]
    chosen += [s.index for s in spec.subjects if s.shared][:1]
    rest = [s.index for s in spec.subjects if s.index not in chosen]
    chosen += rest[len(rest) // 2 : len(rest) // 2 + 1]
    return chosen


def person_key(spec: Organisation, index: int) -> SecondIdentifier:
    """The key of the subject's person record, typed as text as the DPO types it."""
    table = spec.subject_table
    (row,) = [r for r, o in zip(table.rows, table.owners, strict=True) if o == index]
    return SecondIdentifier(dataset=table.id, key={c: str(canon(row[c])) for c in table.pk})


def _package_contents(live: LiveOrg, archive: zipfile.ZipFile) -> dict[str, Any]:
    spec = live.spec
    names = archive.namelist()
    out: dict[str, Any] = {}
    for table in spec.tables:
        path = f"data/{table.system}/{table.name}.json"
        records = json.loads(archive.read(path)) if path in names else []
        out[table.id] = Counter(tuple(canon(r[c]) for c in table.pk) for r in records)
    for objects in [*spec.buckets, *spec.archives]:
        folder = PurePosixPath("objects") / objects.system / objects.name
        out[objects.id] = Counter(
            archive.read(n) for n in names if PurePosixPath(n).is_relative_to(folder)
        )
    return out


def _other_parties_parts(spec: Organisation, index: int, archive: zipfile.ZipFile) -> list:
    """The other parties' references and notes a package's shared records carry (none)."""
    joint = spec.joint
    path = f"data/{joint.system}/{joint.name}.json"
    if path not in archive.namelist():
        return []
    parties = {joint.key(r): p for r, p in zip(joint.rows, joint.parties, strict=True)}
    leaks = []
    for record in json.loads(archive.read(path)):
        key = tuple(canon(record[c]) for c in joint.pk)
        for role, party in parties[key].items():
            if party != index:
                leaks += [(key, c) for c in joint.part(role) if record.get(c) is not None]
    return leaks


@pytest.mark.parametrize("seed", SEEDS)
def test_access_finds_and_exports_exactly_each_subjects_rows_and_object_versions(
    generated_org, seed, tmp_path
):
    live, spec = generated_org, generated_org.spec
    connectors = live.connectors()
    for subject in spec.subjects:
        typed = f"  {subject.email.upper()} " if subject.index % 2 else subject.email
        expected_records = spec.records_of(subject.index)
        second = None
        if subject.shared:  # never merged: refused, then narrowed by the person's record
            with pytest.raises(AmbiguousIdentityError) as refused:
                resolve_subject(live.datamap, connectors, spec.identity, typed)
            people = 1 + len(subject.partners)
            assert (refused.value.dataset, refused.value.people) == (spec.subject_table.id, people)
            second, expected_records = (
                person_key(spec, subject.index),
                spec.records_narrowed(subject.index),
            )
        location = resolve_subject(live.datamap, connectors, spec.identity, typed, second=second)
        found = {d: {norm(k) for k in hits.rows} for d, hits in location.hits.items()}
        assert found == expected_records, f"{spec.summary()}: subject {subject.index}"

    request = RequestInfo("R-2026-000042", "access", TEST_NOW, TEST_NOW + timedelta(days=30))
    for index in _package_subjects(spec):
        subject = spec.subject(index)
        folder = tmp_path / f"subject-{index}"

        def build(subject=subject, folder=folder):
            return build_subject_package(
                live.datamap,
                connectors,
                subject.typed_email,
                folder,
                kind="access",
                request=request,
                generated_at=TEST_NOW,
            )

        if subject.shared:  # nobody receives the other person's data
            with pytest.raises(AmbiguousIdentityError):
                build()
            assert not folder.exists() or not any(folder.iterdir()), spec.summary()
            continue
        package = build()
        with zipfile.ZipFile(package.path) as archive:
            contents = _package_contents(live, archive)
            assert not _other_parties_parts(spec, index, archive), spec.summary()
        records = spec.records_of(index)
        expected: dict[str, Any] = {
            t.id: Counter({k: 1 for k in records[t.id]}) for t in spec.tables
        }
        expected.update(spec.versions_of(index))
        assert contents == expected, f"{spec.summary()}: package of subject {index}"


# -- (c) interrupted runs ------------------------------------------------------------------------


class FailBetweenSystems:
    """Fails the first commit of the primary system that follows a deletion of object
    versions: a batch stopped after its objects went and before its rows did. (The commit,
    not a statement: the systems' units run at the same time and commit children first, so
    the primary's statements may run before the objects go, never its commit.)"""

    def __init__(self, live: LiveOrg):
        spec, clients = live.spec, live.clients
        assert clients is not None
        self.objects_deleted = False
        self.fired = False
        clients.s3(spec.conn_ids[spec.bucket_system]).meta.events.register(
            "after-call.s3.DeleteObjects", self._objects
        )
        sa.event.listen(clients.engine(spec.conn_ids[spec.primary]), "commit", self._commit)

    def _objects(self, **_: Any) -> None:
        self.objects_deleted = True

    def _commit(self, conn) -> None:
        if self.objects_deleted and not self.fired:
            self.fired = True
            raise InjectedFailureError("injected failure between the bucket and the database")


def _half_purged(spec: Organisation, index: int, state: dict[str, dict]) -> bool:
    """Some of the subject's records the purge deletes are gone from ``state``, others not."""
    purged, records = spec.purged_records(), spec.records_of(index)
    there = {k in state[d] for d, keys in purged.items() for k in records[d] & keys}
    return there == {True, False}


@pytest.mark.parametrize("seed", SEEDS)
def test_interrupted_purges_and_a_rerun_end_as_one_uninterrupted_run(generated_org, seed):
    live, spec = generated_org, generated_org.spec
    before = snapshot(live)
    if spec.refused:  # every attempt is refused, the rerun too: nothing ever changes
        assert_refused(live, before, live.connectors(), batch_size=1, fail_after_batches=1)
        assert_refused(live, before, live.connectors(), batch_size=3)
        return
    expected = expected_after_purge(spec, before)

    # 1. stopped inside a batch: its objects deleted, its rows not
    connectors = live.connectors()
    injector = FailBetweenSystems(live)
    with pytest.raises(Exception, match="injected failure between"):
        run_purge(live, connectors, batch_size=2)
    assert injector.fired, f"no object deletion before a row deletion: {spec.summary()}"
    middle = snapshot(live)
    half_done = [s.index for s in spec.subjects if s.purged and _half_purged(spec, s.index, middle)]
    assert half_done, f"the stop left no subject half purged: {spec.summary()}"
    # 2. stopped between two batches
    with pytest.raises(RuntimeError, match="injected failure before batch 2"):
        run_purge(live, live.connectors(), batch_size=1, fail_after_batches=1)
    # 3. the rerun
    run_purge(live, live.connectors(), batch_size=3)

    after = snapshot(live)
    assert_state(spec, after, expected)
    deleted = expected_counts(spec)
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


# -- (d) erasure ---------------------------------------------------------------------------------


def _erase(live: LiveOrg, subject_email: str, request_id: str):
    """An erasure request of ``subject_email``, previewed; then ``apply`` applies the plan."""
    live.ledger.create_request(
        kind="erasure",
        subject_email=subject_email,
        received_at=TEST_NOW,
        due_at=TEST_NOW + timedelta(days=30),
        channel="generated",
        request_id=request_id,
    )
    return preview(
        live.datamap,
        live.connectors(),
        live.ledger,
        subject_email=subject_email,
        request_id=request_id,
        ground="b",
        now=TEST_NOW,
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_erasure_deletes_exactly_the_subjects_records_and_refuses_a_shared_address(
    generated_org, seed
):
    live, spec = generated_org, generated_org.spec
    before = snapshot(live)

    couple = next(s for s in spec.subjects if s.shared)
    with pytest.raises(AmbiguousIdentityError, match=re.escape(spec.subject_table.id)):
        _erase(live, couple.typed_email, f"R-SHARED-{seed}")
    assert_state(spec, snapshot(live), before)
    assert not live.ledger.evidence(actions=["erasure.intent"]), spec.summary()

    # subject 0: the whole chain, objects, archive members; neither held nor shared
    email = spec.subject(0).typed_email
    if spec.refused:  # the kept dataset's NOT NULL reference cannot be cut: nothing changes
        with pytest.raises(NotNullError, match=re.escape(f"{spec.keep.id}.")):
            _erase(live, email, f"R-ERASE-{seed}")
        assert_state(spec, snapshot(live), before)
        assert not live.ledger.evidence(actions=["erasure.intent"]), spec.summary()
        return
    plan = _erase(live, email, f"R-ERASE-{seed}")
    outcome = apply_plan(live.datamap, plan, live.connectors(), live.ledger, batch_size=2)

    after = snapshot(live)
    mine = spec.records_of(0)
    kept = {spec.keep.id: mine.pop(spec.keep.id)} if spec.keep else {}
    joint = spec.joint
    parts = {  # shared records another party keeps: subject 0's part emptied
        joint.key(row): [r for r, p in parties.items() if p == 0]
        for row, parties in zip(joint.rows, joint.parties, strict=True)
        if 0 in parties.values() and len(set(parties.values())) > 1
    }
    mine[joint.id] -= set(parts)
    expected = {
        d: {k: v for k, v in rows.items() if k not in mine.get(d, ())} for d, rows in before.items()
    }
    for dataset, keys in kept.items():  # the rule's kept dataset: anonymised, as a purge does
        for key in keys:
            expected[dataset][key] = emptied(spec, expected[dataset][key])
    for key, roles in parts.items():
        columns = [c for role in roles for c in joint.part(role)]
        expected[joint.id][key] = blanked(joint, expected[joint.id][key], columns)
    kept[joint.id] = set(parts)
    for zipped in spec.archives:  # rewritten without subject 0's members
        expected[zipped.id] = zipped.state(without={0})
    assert_state(spec, after, expected)
    counted = {(d, action): n for d, c in outcome.changed.items() for action, n in c.items() if n}
    assert counted == {
        **{(d, "delete"): len(k) for d, k in mine.items() if k},
        **{(d, "anonymise"): len(k) for d, k in kept.items() if k},
    }, spec.summary()
    report = verify_chain(live.ledger_engine)
    assert report.ok, report.problems


def test_the_seeds_draw_every_shape():
    """The fixed seeds are chosen for coverage: each shape occurs in at least one of them."""
    orgs = [generate(seed) for seed in SEEDS]
    assert all(any(s.shared for s in o.subjects) for o in orgs)
    assert any(t.current for o in orgs for t in o.tables)
    assert any(o.keep and not o.refused for o in orgs)
    assert any(o.refused for o in orgs)
    assert any(s.purged != p.purged for o in orgs for s in o.subjects for p in s.partners), (
        "a couple of whom one is purged, the other not: each judged on their own"
    )
    assert any(s.shielded and s.expired for o in orgs for s in o.subjects)
    joints = [o.joint for o in orgs]
    assert any(any(len(p) > 1 for p in j.parties) for j in joints), "records of two parties"
    assert any(o.emptied_parts() for o in orgs), "a party expires, another remains"
    assert any(
        len(p) > 1 and o.joint.key(r) in o.purged_records()[o.joint.id]
        for o in orgs
        for r, p in zip(o.joint.rows, o.joint.parties, strict=True)
    ), "every party expires"
    ends = {(a.versions[-1] is None, len(a.versions)) for o in orgs for a in o.archives[0].archives}
    assert {(True, 2), (False, 2)} <= ends, "archives overwritten, and under a delete marker"
