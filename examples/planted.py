"""The planted facts every shipped organisation declares, in one shape, and how they are computed.

A planted fact is ground truth a test can assert without searching first: "the access package of
``PLANTED.subject`` holds exactly ``PLANTED.subject_holdings.counts()``", "after the purge no
record of ``PLANTED.expired`` is left, and every record of ``PLANTED.held`` is". It is computed
from the rows and objects the organisation's seeder writes (``truth``), never typed by hand,
with a walk of the data map's identities and references that is independent of the product's.

Keys are compared as text (``str`` of each key column), so integer, UUID and text keys look the
same to a test: a UUID is its canonical lower-case, dashed form.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gdpr.datamap.models import DataMap

Key = tuple[str, ...]


@dataclass(frozen=True)
class SeedObject:
    """One object the seeder writes: its dataset (``system.dataset``), key, and history.

    ``versions`` is the number of versions that hold data; ``delete_marker`` says whether the
    latest version is a delete marker (the key is invisible to a plain listing).
    """

    dataset: str
    key: str
    versions: int = 1
    delete_marker: bool = False


@dataclass(frozen=True)
class Holdings:
    """What some subjects have, by dataset: primary keys of rows, and objects with versions."""

    rows: Mapping[str, frozenset[Key]] = field(default_factory=dict)
    objects: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # key -> data versions
    delete_markers: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Records per SQL dataset and object versions holding data per S3 dataset."""
        counts = {dataset: len(keys) for dataset, keys in self.rows.items() if keys}
        for dataset, objects in self.objects.items():
            if objects:
                counts[dataset] = sum(objects.values())
        return counts

    def without(self, datasets: Iterable[str]) -> Holdings:
        drop = set(datasets)
        return Holdings(
            {d: k for d, k in self.rows.items() if d not in drop},
            {d: o for d, o in self.objects.items() if d not in drop},
            {d: m for d, m in self.delete_markers.items() if d not in drop},
        )

    def only(self, datasets: Iterable[str]) -> Holdings:
        keep = set(datasets)
        return Holdings(
            {d: k for d, k in self.rows.items() if d in keep},
            {d: o for d, o in self.objects.items() if d in keep},
            {d: m for d, m in self.delete_markers.items() if d in keep},
        )


@dataclass(frozen=True)
class Planted:
    """The planted facts of one organisation (the same fields for every organisation).

    - ``identity``: the identity name (from the map's ``identities``) the subjects are known by.
    - ``subject``: the scenario subject's identity value, canonical (trimmed, lower case).
    - ``subject_holdings``: everything the seed holds about them (``counts()`` is what an
      access package must contain: records per SQL dataset, object versions per S3 dataset).
    - ``expired_subjects`` / ``expired``: subjects past the main retention rule, and what the
      retention purge must remove (rows, and objects with all their versions and markers).
    - ``kept``: records of the expired subjects that must survive the purge anonymised, with
      the original values of their personal fields (each must have changed).
    - ``held_subject`` / ``held``: the subject under an open legal dispute (a hold in the
      ledger, see the organisation's ``place_holds``): every record and version must survive.
    - ``remarks``: free-text records the minimisation checks must flag, by dataset (keys as text).
    """

    identity: str
    subject: str
    subject_holdings: Holdings
    expired_subjects: tuple[str, ...]
    expired: Holdings
    kept: Mapping[str, Mapping[Key, Mapping[str, Any]]]
    held_subject: str
    held: Holdings
    remarks: Mapping[str, frozenset[str]]
    hold_reason: str
    hold_reference: str


def normalise(value: Any) -> str | None:
    """The comparison form of an identity value (trimmed, lower case), as the map promises."""
    return None if value is None else str(value).strip().lower()


def key_of(row: Mapping[str, Any], columns: Iterable[str]) -> Key:
    return tuple(str(row[c]) for c in columns)


def _template_regex(template: str) -> tuple[re.Pattern[str], list[str]]:
    names: list[str] = []
    pattern = ""
    for literal, name in re.findall(r"([^{]*)(?:\{([a-z_][a-z0-9_]*|\*)\})?", template):
        pattern += re.escape(literal)
        if name == "*":  # a wildcard segment: any one segment, no field
            pattern += "[^/]+"
        elif name:
            names.append(name)
            pattern += f"(?P<{name}>[^/]+)"
    return re.compile(pattern + "$"), names


def truth(
    datamap: DataMap,
    rows: Iterable[tuple[str, Mapping[str, Any]]],
    objects: Iterable[SeedObject],
    identities: Iterable[str],
    *,
    stop_at: Iterable[str] = (),
) -> Holdings:
    """What the seeded data holds about the subjects with these identity values.

    Rows and objects are what the seeder writes (dataset id, values). A record is the subjects'
    when one of its identity fields matches (normalised), or when its reference fields equal
    those of a record that is theirs (followed to a fixed point, across systems). An object's
    fields are read from its key by the dataset's key template. Records of the ``stop_at``
    datasets are found but not followed (what hangs under a record a purge keeps stays too).
    """
    stops = set(stop_at)
    wanted = {normalise(v) for v in identities}
    by_dataset: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for dataset, row in rows:
        by_dataset[dataset].append(row)
    object_list = list(objects)
    for item in object_list:
        ref = datamap.dataset(item.dataset)
        regex, _ = _template_regex(ref.dataset.key_template or "")
        match = regex.match(item.key)
        if match is None:
            raise ValueError(f"{item.key!r} does not fit the key template of {item.dataset}")
        by_dataset[item.dataset].append({**match.groupdict(), "__object__": item})

    found: dict[str, set[int]] = defaultdict(set)  # dataset -> indexes of its records
    for ref in datamap.iter_datasets():
        for name in (n for n in ref.dataset.identity if n):
            column = ref.dataset.identity[name]
            for i, row in enumerate(by_dataset.get(ref.id, [])):
                if normalise(row.get(column)) in wanted:
                    found[ref.id].add(i)
    changed = True
    while changed:
        changed = False
        for ref in datamap.iter_datasets():
            for reference in ref.dataset.references:
                if reference.dataset in stops:
                    continue
                parents = [
                    by_dataset[reference.dataset][i] for i in found.get(reference.dataset, ())
                ]
                links = {
                    tuple(str(p[f]) for f in reference.fields.values())
                    for p in parents
                    if all(p.get(f) is not None for f in reference.fields.values())
                }
                if not links:
                    continue
                for i, row in enumerate(by_dataset.get(ref.id, [])):
                    if i in found[ref.id]:
                        continue
                    values = [row.get(f) for f in reference.fields]
                    if None not in values and tuple(str(v) for v in values) in links:
                        found[ref.id].add(i)
                        changed = True

    result_rows: dict[str, frozenset[Key]] = {}
    result_objects: dict[str, dict[str, int]] = {}
    markers: dict[str, frozenset[str]] = {}
    for ref in datamap.iter_datasets():
        records = [by_dataset[ref.id][i] for i in sorted(found.get(ref.id, ()))]
        if ref.system.kind == "s3":
            items = [r["__object__"] for r in records]
            result_objects[ref.id] = {o.key: o.versions for o in items if o.versions}
            markers[ref.id] = frozenset(o.key for o in items if o.delete_marker)
        else:
            result_rows[ref.id] = frozenset(key_of(r, ref.dataset.primary_key) for r in records)
    return Holdings(result_rows, result_objects, markers)


def kept_values(
    datamap: DataMap, rows: Iterable[tuple[str, Mapping[str, Any]]], kept: Holdings
) -> dict[str, dict[Key, dict[str, Any]]]:
    """The original values of the personal fields (those with an erasure strategy) of the kept
    records: after an anonymisation each of them that was set must have changed."""
    result: dict[str, dict[Key, dict[str, Any]]] = defaultdict(dict)
    for dataset, row in rows:
        keys = kept.rows.get(dataset)
        if not keys:
            continue
        spec = datamap.dataset(dataset).dataset
        key = key_of(row, spec.primary_key)
        if key in keys:
            result[dataset][key] = {
                name: row.get(name)
                for name, field_spec in spec.fields.items()
                if field_spec.erasure is not None and row.get(name) is not None
            }
    return dict(result)


@dataclass(frozen=True)
class SeedSummary:
    """What a seed wrote: rows per '<system>.<table>', object keys and versions per S3 dataset."""

    rows: dict[str, int]
    objects: dict[str, int]  # keys whose latest version is live (not a delete marker)
    versions: dict[str, int]  # versions holding data, delete markers excluded
