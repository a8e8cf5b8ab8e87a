"""Cross-reference checks the models cannot express.

Each check yields ``Problem``s with the document path they are about; the loader turns paths
into line numbers. Messages say what would be valid, and suggest the closest name when the
mistake looks like a typo.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path as FsPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import isodate

from gdpr.datamap import categories
from gdpr.datamap.errors import Path, Problem
from gdpr.datamap.graph import ReferenceGraph, link
from gdpr.datamap.models import RT_CUSTOM_FIELD, RT_FIELDS, RT_WRITABLE, DataMap
from gdpr.datamap.templates import KeyTemplate, TemplateError


def check_datamap(datamap: DataMap, sql_dir: FsPath | None) -> list[Problem]:
    problems: list[Problem] = []
    for check in (
        _unique_names,
        _organisation,
        _datasets,
        _references,
        _parties,
        _identities,
        _retention,
    ):
        problems.extend(check(datamap))
    problems.extend(_intake(datamap))
    problems.extend(_alerts(datamap))
    problems.extend(_hold_rules(datamap))
    problems.extend(_period(datamap.ledger.proof_period, ("ledger", "proof_period")))
    if sql_dir is not None:
        problems.extend(_sql_files(datamap, sql_dir))
    if not problems:  # graph-wide checks would only echo a broken reference as noise
        problems.extend(_reachability(datamap))
        problems.extend(_kept_datasets(datamap))
    return problems


def _one_of(value: str, valid: Iterable[str], what: str) -> str:
    valid = sorted(valid)
    close = difflib.get_close_matches(value, valid, n=1, cutoff=0.6)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    shown = ", ".join(valid[:12]) + (", ..." if len(valid) > 12 else "")
    return f"unknown {what} {value!r}.{hint} Valid: {shown or '(none declared)'}"


def _dataset_path(datamap: DataMap, dataset_id: str) -> Path:
    for si, system in enumerate(datamap.systems):
        for di, dataset in enumerate(system.datasets):
            if f"{system.name}.{dataset.name}" == dataset_id:
                return ("systems", si, "datasets", di)
    return ()


def _duplicates(names: list[str], path: Path, what: str) -> Iterator[Problem]:
    for name, count in Counter(names).items():
        if count > 1:
            index = len(names) - 1 - names[::-1].index(name)
            yield Problem((*path, index), f"duplicate {what} {name!r}: {what}s must be unique")


def _unique_names(datamap: DataMap) -> Iterator[Problem]:
    yield from _duplicates([s.name for s in datamap.systems], ("systems",), "system name")
    yield from _duplicates([p.id for p in datamap.purposes], ("purposes",), "purpose id")
    yield from _duplicates([r.id for r in datamap.retention], ("retention",), "retention rule id")
    yield from _duplicates([i.name for i in datamap.identities], ("identities",), "identity name")
    for si, system in enumerate(datamap.systems):
        yield from _duplicates(
            [d.name for d in system.datasets], ("systems", si, "datasets"), "dataset name"
        )


def _organisation(datamap: DataMap) -> Iterator[Problem]:
    try:
        ZoneInfo(datamap.organisation.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        yield Problem(
            ("organisation", "timezone"),
            f"unknown time zone {datamap.organisation.timezone!r}; use an IANA name such as 'Europe/Paris'",
        )


def _datasets(datamap: DataMap) -> Iterator[Problem]:
    purposes = {p.id for p in datamap.purposes}
    for si, system in enumerate(datamap.systems):
        if system.kind == "s3" and not system.bucket:
            yield Problem(("systems", si), f"s3 system {system.name!r} needs `bucket`")
        for di, dataset in enumerate(system.datasets):
            path: Path = ("systems", si, "datasets", di)
            for pi, purpose in enumerate(dataset.purposes):
                if purpose not in purposes:
                    yield Problem((*path, "purposes", pi), _one_of(purpose, purposes, "purpose"))
            if system.kind == "sql":
                yield from _sql_dataset(dataset, path)
            elif system.kind == "rt":
                yield from _rt_dataset(dataset, path)
            else:
                yield from _s3_dataset(dataset, path)
            if dataset.rt is not None and system.kind != "rt":
                yield Problem((*path, "rt"), "`rt` describes the datasets of an rt system")
            yield from _categories(dataset, path)


def _sql_dataset(dataset, path: Path, kind: str = "sql") -> Iterator[Problem]:
    if (
        dataset.key_template
        or dataset.categories
        or dataset.text_objects
        or dataset.archive
        or dataset.documents
    ):
        yield Problem(
            path,
            "`key_template`, `archive`, `categories`, `text_objects` and `documents` are for s3 "
            f"datasets; a {kind} dataset declares `fields` (free text: `free_text: true` on the "
            "field)",
        )
    if not dataset.fields:
        what = "every column of the table" if kind == "sql" else "the record fields it holds"
        yield Problem(path, f"a {kind} dataset must declare its `fields` ({what})")
        return
    if not dataset.primary_key:
        yield Problem(path, f"a {kind} dataset needs a `primary_key` (list of fields)")
    fields = set(dataset.fields)
    for ki, key in enumerate(dataset.primary_key):
        if key not in fields:
            yield Problem((*path, "primary_key", ki), _one_of(key, fields, "field"))
    for identity, column in dataset.identity.items():
        if column not in fields:
            yield Problem((*path, "identity", identity), _one_of(column, fields, "field"))
    if dataset.restriction_flag and dataset.restriction_flag not in fields:
        yield Problem(
            (*path, "restriction_flag"), _one_of(dataset.restriction_flag, fields, "field")
        )
    for ri, reference in enumerate(dataset.references):
        for local in reference.fields:
            if local not in fields:
                yield Problem(
                    (*path, "references", ri, "fields", local), _one_of(local, fields, "field")
                )
    if dataset.consent:
        for key, column in dataset.consent.field_names().items():
            if column not in fields:
                yield Problem((*path, "consent", key), _one_of(column, fields, "field"))
    yield from _rectifiable(dataset, path)


def _rt_dataset(dataset, path: Path) -> Iterator[Problem]:
    """A Request Tracker dataset: the records it holds, fields as RT's REST 2 API names them,
    keyed by ``id``, and an erasure the API can carry out (it never deletes a ticket or a
    user: it marks the ticket deleted and disables the user, who both stay in the database)."""
    if dataset.rt is None:
        yield Problem(
            path,
            "an rt dataset says which records it holds: `rt: {records: ticket}` "
            "(or correspondence, attachment, user)",
        )
        return
    yield from _sql_dataset(dataset, path, kind="rt")
    records = dataset.rt.records
    if dataset.consent:
        yield Problem((*path, "consent"), "`consent` names fields of a sql dataset")
    if dataset.rt.query and records != "ticket":
        yield Problem((*path, "rt", "query"), "`query` (TicketSQL) narrows ticket records only")
    if dataset.primary_key and dataset.primary_key != ["id"]:
        yield Problem((*path, "primary_key"), "RT records are keyed by their `id`: [id]")
    known = RT_FIELDS[records]
    for name in dataset.fields:
        custom = records == "ticket" and name.startswith(RT_CUSTOM_FIELD)
        if name not in known and not custom:
            hint = " or CF.<custom field name>" if records == "ticket" else ""
            yield Problem(
                (*path, "fields", name), _one_of(name, known, f"field of RT {records}{hint}")
            )
    for name, spec in dataset.fields.items():
        custom = records == "ticket" and name.startswith(RT_CUSTOM_FIELD)
        if spec.rectifiable and name not in RT_WRITABLE[records] and not custom:
            yield Problem(
                (*path, "fields", name, "rectifiable"),
                f"RT's REST 2 API cannot change {name!r} of a {records}: it cannot be "
                f"`rectifiable` (writable: {', '.join(sorted(RT_WRITABLE[records])) or 'none'}"
                f"{', CF.<name>' if records == 'ticket' else ''})",
            )
    if dataset.erasure == "delete" and records in ("ticket", "user"):
        yield Problem(
            (*path, "erasure"),
            f"RT's REST 2 API cannot delete a {records} (it marks a ticket deleted and disables "
            "a user, and both stay in its database): give `erasure: anonymise`, which empties "
            "the fields declared with an erasure strategy, or `keep`",
        )


def _rectifiable(dataset, path: Path) -> Iterator[Problem]:
    """A key, an identity or a link is not corrected by a form: changing it re-identifies or
    detaches records (identities change through their own request, keys never)."""
    structural = (
        set(dataset.primary_key)
        | set(dataset.identity.values())
        | {local for reference in dataset.references for local in reference.fields}
    )
    for name in sorted(structural):
        spec = dataset.fields.get(name)
        if spec is not None and spec.rectifiable:
            yield Problem(
                (*path, "fields", name, "rectifiable"),
                f"{name!r} is a key, identity or reference field: it cannot be `rectifiable`",
            )


def _s3_dataset(dataset, path: Path) -> Iterator[Problem]:
    if dataset.fields or dataset.primary_key:
        yield Problem(
            path, "s3 datasets have no `fields` or `primary_key`: the object key is the key"
        )
    if dataset.consent:
        yield Problem((*path, "consent"), "`consent` names fields of a sql dataset")
    if dataset.identity:
        yield Problem(
            (*path, "identity"),
            "s3 objects cannot be searched by identity; link them with `references`",
        )
    if not dataset.key_template:
        yield Problem(
            path,
            "an s3 dataset needs a `key_template`, e.g. 'scans/{account_id}/{document_id}.pdf'",
        )
        return
    template = KeyTemplate(dataset.key_template)
    try:
        placeholders = template.placeholders
    except TemplateError as exc:
        yield Problem((*path, "key_template"), str(exc))
        return
    yield from _wildcards(template, path)
    if dataset.documents is not None and dataset.documents.segment:
        yield from _kind_segment(dataset, template, path)
    if dataset.archive is not None:
        yield from _archive(dataset, placeholders, path)
        return
    bound = {local for reference in dataset.references for local in reference.fields}
    for name in placeholders:
        if name not in bound:
            yield Problem(
                (*path, "key_template"),
                f"placeholder {{{name}}} is not bound by any reference; "
                f"bound fields: {', '.join(sorted(bound)) or '(none)'}",
            )
    for ri, reference in enumerate(dataset.references):
        for local in reference.fields:
            if local not in placeholders:
                yield Problem(
                    (*path, "references", ri, "fields", local),
                    f"{local!r} is not a placeholder of key_template {dataset.key_template!r}",
                )
    if not dataset.categories:
        yield Problem(path, "an s3 dataset needs `categories` for what its objects contain")


OBJECT_FIELDS = frozenset({"key", "member", "versions", "size", "deleted"})


def _wildcards(template: KeyTemplate, path: Path) -> Iterator[Problem]:
    """Free segments come after a placeholder the parent binds, apart from other fields, and a
    named one does not take a name the rows already carry."""
    for why in template.misplaced_wildcards():
        yield Problem(
            (*path, "key_template"),
            f"wildcard in the wrong place: {why}; a free segment ({{*}} or {{*name}}) goes after "
            "a placeholder bound by a reference, with literal text such as '/' or '.' around it, "
            "e.g. 'claims/{claim_id}/photos/{*}.jpg'",
        )
    names = template.wildcards
    for name in sorted({n for n in names if names.count(n) > 1 or n in template.placeholders}):
        yield Problem((*path, "key_template"), f"{{*{name}}} is named twice in the template")
    for name in sorted(set(names) & OBJECT_FIELDS):
        yield Problem(
            (*path, "key_template"),
            f"{{*{name}}} is a reserved name (rows carry an object's {name}); call it something else",
        )


def _kind_segment(dataset, template: KeyTemplate, path: Path) -> Iterator[Problem]:
    """A file's kind read from its key: a field the key template names."""
    if dataset.archive is not None:
        yield Problem(
            (*path, "documents"),
            "the kinds of an archive's members are not read from the archive's key; declare "
            "`documents` on a dataset of plain objects",
        )
        return
    named = (*template.placeholders, *template.wildcards)
    segment = dataset.documents.segment
    if segment not in named:
        yield Problem(
            (*path, "documents", "segment"),
            f"{segment!r} is not a field of key_template {dataset.key_template!r}; name a "
            f"placeholder or a named free segment ({{*{segment}}}): "
            f"{', '.join(named) or '(none)'}",
        )


def _archive(dataset, placeholders: tuple[str, ...], path: Path) -> Iterator[Problem]:
    """Archives: the references bind placeholders of the key or member template; the others
    match any value (a monthly archive's month), since every archive under the bound prefix is
    opened and its members' names are read."""
    try:
        members = KeyTemplate(dataset.archive.members).placeholders
    except TemplateError as exc:
        yield Problem((*path, "archive", "members"), str(exc))
        return
    for name in sorted({*placeholders, *members} & {"key", "member"}):
        yield Problem(
            (*path, "archive", "members"),
            f"placeholder {{{name}}} is a reserved name (the archive's key and the member's "
            "name); call it something else",
        )
    for name in sorted(set(placeholders) & set(members)):
        yield Problem(
            (*path, "archive", "members"),
            f"placeholder {{{name}}} is in both the key template and the member template",
        )
    known = (*placeholders, *members)
    for ri, reference in enumerate(dataset.references):
        for local in reference.fields:
            if local not in known:
                yield Problem(
                    (*path, "references", ri, "fields", local),
                    f"{local!r} is not a placeholder of key_template {dataset.key_template!r} "
                    f"or of the archive's members {dataset.archive.members!r}",
                )
    if not dataset.references:
        yield Problem(path, "an archive dataset needs `references` binding its placeholders")
    if not dataset.categories:
        yield Problem(path, "an s3 dataset needs `categories` for what its objects contain")


def _categories(dataset, path: Path) -> Iterator[Problem]:
    located: list[tuple[Path, str]] = [
        ((*path, "categories", i), c) for i, c in enumerate(dataset.categories)
    ]
    for name, spec in dataset.fields.items():
        located += [
            ((*path, "fields", name, "categories", i), c) for i, c in enumerate(spec.categories)
        ]
    for where, key in located:
        if not categories.is_known(key):
            close = categories.suggest(key)
            hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
            yield Problem(
                where,
                f"unknown data category {key!r}.{hint} Categories are fideslang keys such as "
                "'user.contact.email' or 'system.operations' (see docs/datamap.md)",
            )


def _references(datamap: DataMap) -> Iterator[Problem]:
    known = {ref.id: ref for ref in datamap.iter_datasets()}
    for ref in known.values():
        path = _dataset_path(datamap, ref.id)
        for ri, reference in enumerate(ref.dataset.references):
            target = known.get(reference.dataset)
            if target is None:
                yield Problem(
                    (*path, "references", ri, "dataset"),
                    _one_of(reference.dataset, known, "dataset"),
                )
                continue
            if target.kind == "s3":
                yield Problem(
                    (*path, "references", ri, "dataset"), "references must point to sql datasets"
                )
                continue
            if reference.match and ref.kind == "s3":
                yield Problem(
                    (*path, "references", ri, "match"),
                    "`match` compares a field of a table by its normalised value; an object's "
                    "key placeholders take the parent's values as stored",
                )
            for local, remote in reference.fields.items():
                if remote not in target.dataset.fields:
                    yield Problem(
                        (*path, "references", ri, "fields", local),
                        _one_of(remote, target.dataset.fields, f"field of {target.id}"),
                    )
    cycle = ReferenceGraph.of(datamap).find_cycle()
    if cycle:
        yield Problem(
            (*_dataset_path(datamap, cycle[0]), "references"),
            f"reference cycle: {' -> '.join(cycle)}; references must go from child to parent records",
        )


def _parties(datamap: DataMap) -> Iterator[Problem]:
    """Records shared by several parties: roles on two or more references of a table, each
    owning fields of the dataset that no other role owns and that are not its key."""
    for ref in datamap.iter_datasets():
        path = _dataset_path(datamap, ref.id)
        dataset = ref.dataset
        named = [(ri, r) for ri, r in enumerate(dataset.references) if r.role is not None]
        if not named:
            continue
        if len(named) < 2:
            ri, _ = named[0]
            yield Problem(
                (*path, "references", ri, "role"),
                "a role says which party of a shared record a reference points to: a dataset "
                "needs at least two references with a role to be shared by several parties",
            )
            continue
        if ref.kind != "sql":
            yield Problem(
                (*path, "references", named[0][0], "role"),
                "only a table's records can be shared by parties (their fields are emptied "
                "one party at a time)",
            )
            continue
        seen: dict[str, str] = {}
        roles: set[str] = set()
        for ri, reference in named:
            role = reference.role or ""
            if role in roles:
                yield Problem(
                    (*path, "references", ri, "role"), f"role {role!r} is named twice in {ref.id}"
                )
            roles.add(role)
            for fi, name in enumerate(reference.owns):
                where = (*path, "references", ri, "owns", fi)
                if name not in dataset.fields:
                    yield Problem(where, _one_of(name, dataset.fields, "field"))
                elif name in dataset.primary_key:
                    yield Problem(where, f"{name} is part of the primary key: no party owns it")
                elif seen.get(name, role) != role:
                    yield Problem(
                        where, f"{name} is owned by role {seen[name]!r} already: one party owns it"
                    )
                seen.setdefault(name, role)
        for ri, reference in named:
            for local in reference.fields:
                owner = seen.get(local)
                if owner is not None and owner != reference.role:
                    yield Problem(
                        (*path, "references", ri, "fields", local),
                        f"{local} links role {reference.role!r} and is owned by role {owner!r}",
                    )


def _identities(datamap: DataMap) -> Iterator[Problem]:
    declared = {i.name for i in datamap.identities}
    used: set[str] = set()
    for ref in datamap.iter_datasets():
        path = _dataset_path(datamap, ref.id)
        for name in ref.dataset.identity:
            if name not in declared:
                yield Problem((*path, "identity", name), _one_of(name, declared, "identity"))
            used.add(name)
    for ii, identity in enumerate(datamap.identities):
        if identity.name not in used:
            yield Problem(
                ("identities", ii),
                f"identity {identity.name!r} reaches no dataset: add `identity: {{{identity.name}: <field>}}` "
                "to the dataset that holds it, or remove it",
            )


def _reachability(datamap: DataMap) -> Iterator[Problem]:
    roots = {ref.id for ref in datamap.iter_datasets() if ref.dataset.identity}
    reached = ReferenceGraph.of(datamap).reachable_from(roots)
    for ref in datamap.iter_datasets():
        if ref.id not in reached:
            yield Problem(
                _dataset_path(datamap, ref.id),
                f"dataset {ref.id} cannot be reached from any identity: give it an `identity` or a "
                "`references` entry to a dataset that can, or a subject's records there would be missed",
            )


def _retention(datamap: DataMap) -> Iterator[Problem]:
    known = {ref.id: ref for ref in datamap.iter_datasets()}
    for ri, rule in enumerate(datamap.retention):
        path: Path = ("retention", ri)
        yield from _period(rule.period, (*path, "period"))
        target = known.get(rule.dataset)
        if target is None:
            yield Problem((*path, "dataset"), _one_of(rule.dataset, known, "dataset"))
            continue
        start = rule.start
        if start.column and start.column not in target.dataset.fields:
            yield Problem(
                (*path, "start", "column"),
                _one_of(start.column, target.dataset.fields, f"field of {target.id}"),
            )
        if start.object_modified and target.kind != "s3":
            yield Problem(
                (*path, "start"), "`object_modified` applies to s3 datasets; use `column` for sql"
            )
        if (start.column or start.sql) and target.kind == "s3":
            yield Problem(
                (*path, "start"),
                "s3 datasets expire by `object_modified: true`, by `parent` (a field of the "
                "record an object hangs under) or with their parent rows",
            )
        if start.parent is not None:
            yield from _parent_start(datamap, target, start.parent, (*path, "start", "parent"))
        if target.kind == "s3" and rule.action == "anonymise":
            yield Problem((*path, "action"), "objects cannot be anonymised in place; use `delete`")
        if target.kind == "rt":
            yield from _rt_rule(rule, target, path)
        yield from _declarative_rule(datamap, rule, target, path)
        for ki, kept in enumerate(rule.keep):
            if kept not in known:
                yield Problem((*path, "keep", ki), _one_of(kept, known, "dataset"))
        if rule.fields and rule.action != "anonymise":
            yield Problem((*path, "fields"), "`fields` applies to `action: anonymise` only")
        for fi, name in enumerate(rule.fields):
            if name not in target.dataset.fields:
                yield Problem(
                    (*path, "fields", fi),
                    _one_of(name, target.dataset.fields, f"field of {target.id}"),
                )


def _rt_rule(rule, target, path: Path) -> Iterator[Problem]:
    """An rt dataset's records expire by one of their date fields (a TicketSQL search), and the
    API can anonymise ticket and user records but not delete them."""
    if not rule.start.column:
        yield Problem(
            (*path, "start"),
            "rt datasets expire by a date field of their records (`column`, e.g. Resolved)",
        )
    if rule.where:
        yield Problem(
            (*path, "where"),
            "an rt dataset's population is its `rt.query` (TicketSQL); `where` applies to sql",
        )
    records = target.dataset.rt.records if target.dataset.rt else None
    if rule.action == "delete" and records in ("ticket", "user"):
        yield Problem(
            (*path, "action"), f"RT's REST 2 API cannot delete a {records}: use `anonymise`"
        )


def _parent_start(datamap: DataMap, target, parent, path: Path) -> Iterator[Problem]:
    """`start.parent`: objects (s3) counted from a field of a record their references bind."""
    if target.kind != "s3":
        yield Problem(
            path,
            "`parent` applies to s3 datasets; a sql dataset counts from a related "
            "dataset with `max` / `min`",
        )
        return
    parents = [r.dataset for r in target.dataset.references]
    if parent.dataset not in parents:
        yield Problem(
            (*path, "dataset"),
            f"{parent.dataset} is not a dataset the objects of {target.id} hang under: "
            f"their references point to {', '.join(parents) or '(none)'}",
        )
        return
    known = {ref.id: ref for ref in datamap.iter_datasets()}
    if parent.dataset in known:  # an unknown one is reported with the reference
        yield from _field_of(known[parent.dataset], parent.column, (*path, "column"))


def _kept_datasets(datamap: DataMap) -> Iterator[Problem]:
    graph = ReferenceGraph.of(datamap)
    for ri, rule in enumerate(datamap.retention):
        descendants = graph.descendants(rule.dataset)
        for ki, kept in enumerate(rule.keep):
            if kept not in descendants:
                yield Problem(
                    ("retention", ri, "keep", ki),
                    f"{kept} does not reference {rule.dataset}; `keep` lists datasets whose records "
                    f"belong to the expired ones. Datasets that do: {', '.join(sorted(descendants)) or '(none)'}",
                )


_ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")


def _period(text: str, path: Path) -> Iterator[Problem]:
    valid = "an ISO 8601 duration such as P3Y (3 years), P13M (13 months), P6M or P30D"
    if not _ISO_DURATION.match(text):
        yield Problem(path, f"malformed period {text!r}: expected {valid}")
        return
    duration = isodate.parse_duration(text)
    if isinstance(duration, timedelta) and duration <= timedelta(0):
        yield Problem(path, f"period {text!r} must be longer than zero")


def _sql_files(datamap: DataMap, sql_dir: FsPath) -> Iterator[Problem]:
    for ri, rule in enumerate(datamap.retention):
        name = rule.start.sql
        if not name:
            continue
        path: Path = ("retention", ri, "start", "sql")
        file = (sql_dir / name).resolve()
        if sql_dir.resolve() not in file.parents:
            yield Problem(path, f"{name!r} must be a file inside {sql_dir}")
            continue
        if not file.is_file():
            available = sorted(p.name for p in sql_dir.glob("*.sql")) if sql_dir.is_dir() else []
            yield Problem(path, _one_of(name, available, "SQL file") + f" (looked in {sql_dir})")
            continue
        text = _code(file.read_text(encoding="utf-8"))
        if ":cutoff" not in text:
            yield Problem(
                path,
                f"{name} must use the bind parameter :cutoff (the date before which records expire)",
            )
        if _statements(text) != 1:
            yield Problem(path, f"{name} must hold exactly one SQL statement")


def _code(text: str) -> str:
    """The SQL without its comment lines (a comment may mention :cutoff without binding it)."""
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))


def _statements(code: str) -> int:
    return len([s for s in code.split(";") if s.strip()])


def _intake(datamap: DataMap) -> Iterator[Problem]:
    """The intake rule names a dataset of records (sql, or rt ticket records), its fields, and a
    declared identity."""
    intake = datamap.intake
    if intake is None:
        return
    yield from _sql_fields(
        datamap,
        intake.dataset,
        ("intake",),
        {
            "type_field": intake.type_field,
            "identity_field": intake.identity_field,
            "received_field": intake.received_field,
            "reference_field": intake.reference_field,
            **({"status_field": intake.status_field} if intake.status_field else {}),
            **({"closed_field": intake.closed_field} if intake.closed_field else {}),
        },
    )
    identities = {i.name: i for i in datamap.identities}
    if intake.identity not in identities:
        yield Problem(("intake", "identity"), _one_of(intake.identity, identities, "identity"))
    elif identities[intake.identity].kind != "email":
        yield Problem(
            ("intake", "identity"),
            f"identity {intake.identity!r} is a {identities[intake.identity].kind}: the ledger records "
            "requests by e-mail address, so intake needs an identity of kind email",
        )
    reply = intake.reply
    if reply is not None:
        named = {"reference_field": reply.reference_field, "text_field": reply.text_field}
        if reply.time_field:
            named["time_field"] = reply.time_field
        named |= {f"values.{name}": name for name in reply.values}
        yield from _sql_fields(datamap, reply.dataset, ("intake", "reply"), named)


def _sql_fields(
    datamap: DataMap, dataset_id: str, path: Path, fields: dict[str, str]
) -> Iterator[Problem]:
    datasets = {ref.id: ref for ref in datamap.iter_datasets()}
    ref = datasets.get(dataset_id)
    if ref is None:
        yield Problem((*path, "dataset"), _one_of(dataset_id, datasets, "dataset"))
        return
    if ref.kind == "s3":
        yield Problem(
            (*path, "dataset"), f"{dataset_id} is an s3 dataset; a sql or rt one is needed"
        )
        return
    for key, name in fields.items():
        if name not in ref.dataset.fields:
            yield Problem(
                (*path, *key.split(".")),
                _one_of(name, ref.dataset.fields, f"field of {dataset_id}"),
            )


def _alerts(datamap: DataMap) -> Iterator[Problem]:
    alerts = datamap.alerts
    for name in ("days_before", "breach_hours_before"):
        values = getattr(alerts, name)
        for index, value in enumerate(values):
            if value < 0:
                yield Problem(
                    ("alerts", name, index),
                    f"{value} is negative: thresholds count before the deadline (0 = the deadline itself)",
                )
    for name in ("recipients", "escalation_recipients"):
        for index, address in enumerate(getattr(alerts, name)):
            if "@" not in address:
                yield Problem(("alerts", name, index), f"{address!r} is not an e-mail address")


# -- declarative retention rules: start aggregates and `where` conditions ----------------------
def _declarative_rule(datamap: DataMap, rule, target, path: Path) -> Iterator[Problem]:
    """Aggregates and conditions name fields of their datasets and datasets related to the
    rule's by a reference, in the same sql system (the selection is one SELECT)."""
    start = rule.start
    aggregate = start.aggregate
    if target.kind != "sql":
        if aggregate or rule.where:
            yield Problem(
                (*path, "start" if aggregate else "where"),
                "`max`, `min` and `where` apply to sql datasets",
            )
        return
    if aggregate:
        kind, spec = aggregate
        related = yield from _related(
            datamap, target, spec.dataset, (*path, "start", kind, "dataset")
        )
        if related is not None:
            yield from _field_of(related, spec.column, (*path, "start", kind, "column"))
            yield from _conditions(datamap, related, spec.where, (*path, "start", kind, "where"))
    if start.otherwise:
        yield from _field_of(target, start.otherwise, (*path, "start", "otherwise"))
    yield from _conditions(datamap, target, rule.where, (*path, "where"))


def _related(datamap: DataMap, target, related_id: str, path: Path):
    """The related dataset, or None after a problem saying why it cannot be used."""
    known = {ref.id: ref for ref in datamap.iter_datasets()}
    related = known.get(related_id)
    if related is None:
        yield Problem(path, _one_of(related_id, known, "dataset"))
        return None
    if related.system.name != target.system.name:
        yield Problem(
            path,
            f"{related_id} is in system {related.system.name}, not {target.system.name}: a rule's "
            "selection is one query in one database",
        )
        return None
    if link(datamap, target.id, related_id) is None:
        linked = sorted(
            ref.id
            for ref in known.values()
            if ref.system.name == target.system.name
            and ref.id != target.id
            and link(datamap, target.id, ref.id) is not None
        )
        yield Problem(
            path,
            f"{related_id} is not related to {target.id}: no reference links them. "
            f"Related datasets: {', '.join(linked) or '(none)'}",
        )
        return None
    return related


def _field_of(ref, name: str, path: Path) -> Iterator[Problem]:
    if name not in ref.dataset.fields:
        yield Problem(path, _one_of(name, ref.dataset.fields, f"field of {ref.id}"))


def _conditions(datamap: DataMap, ref, conditions, path: Path) -> Iterator[Problem]:
    for ci, condition in enumerate(conditions):
        at: Path = (*path, ci)
        if condition.field:
            yield from _field_of(ref, condition.field, (*at, "field"))
            continue
        key = "exists" if condition.exists else "not_exists"
        related = yield from _related(
            datamap, ref, condition.exists or condition.not_exists or "", (*at, key)
        )
        if related is None:
            continue
        yield from _conditions(datamap, related, condition.where, (*at, "where"))


def _hold_rules(datamap: DataMap) -> Iterator[Problem]:
    """A declared hold names a sql dataset, and its conditions fields and related datasets of
    it, as a retention rule's `where` does."""
    known = {ref.id: ref for ref in datamap.iter_datasets()}
    yield from _duplicates([r.id for r in datamap.holds.rules], ("holds", "rules"), "hold rule id")
    for hi, rule in enumerate(datamap.holds.rules):
        path: Path = ("holds", "rules", hi)
        target = known.get(rule.dataset)
        if target is None:
            yield Problem((*path, "dataset"), _one_of(rule.dataset, known, "dataset"))
        elif target.kind != "sql":
            yield Problem(
                (*path, "dataset"),
                f"{rule.dataset} is a {target.kind} dataset: a hold's conditions are on a table "
                "(objects are held with the record they hang under)",
            )
        else:
            yield from _conditions(datamap, target, rule.where, (*path, "where"))
