"""A seeded generator of random organisations, with ground truth.

``generate(seed)`` draws an organisation the developers never hand-tuned: random table, column,
bucket and identity names (words of several languages, never the demo's), a subject dataset
and a reference chain of depth 2 to 4 under it in one SQL system, a second SQL system linked to
the first only by a normalised e-mail identity (stored with mixed case and surrounding spaces),
and one versioned bucket whose objects are keyed by a template on a dataset's key (some with
several versions, some whose latest version is a delete marker). Primary keys are integers,
bigints, UUIDs (native ``uuid`` on PostgreSQL, CHAR(36) on MariaDB), text natural keys or
composite two-column keys, drawn per dataset. Which of the two SQL systems is on PostgreSQL
and which on MariaDB is drawn too.

A retention rule on the subject dataset (a DATE or DATETIME start column, an ISO 8601 period)
makes some subjects expired; some of those are under a legal hold (on the person, or on one of
their records, or a hold since lifted), some have a request in the ledger (open, or closed).

Shapes real organisations have, drawn too:

* couples: two people of the subject dataset (``one_per_subject``) sharing one e-mail address.
  Access and erasure refuse the shared identity (a second identifier narrows it); the purge
  judges each person's expiry on their own, while a hold or request naming the address
  protects everyone who has it;
* a reference the map declares from a record to its parent while the database's foreign key
  points the other way (the parent row names its current child: ``current``);
* a kept dataset (the rule's ``keep``): the chain's leaf, whose rows of purged subjects stay
  with their reference emptied and their note nulled, unless its reference column is NOT NULL,
  when the rule is refused before anything changes (``refused``);
* zip archives in the bucket whose members are records (``archive: {members: ...}``): several
  people's members per archive, some archives overwritten (a member left out of the new
  version), some under a delete marker. Taking a subject's members out takes them out of every
  version and keeps everyone else's in each (``Archives.state``);
* records shared by two parties (references with a ``role`` and the fields each ``owns``): a
  purge empties an expired party's part while the other remains and deletes the record with
  its last party; a record shared with someone held or under an open request is kept whole, and
  with it the other party and everything of theirs (``Subject.shielded``), as a held record
  keeps everything above it.

The ground truth says, for each subject, which rows (dataset -> canonical keys) and which
object versions are theirs, whether they are expired, held, under an open request, and so
what a retention purge must delete, anonymise and keep.

Everything is a pure function of the seed: nothing here touches a database (``tests.orgs
.fixtures`` loads an organisation into real ones).
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

import isodate
import yaml

from tests.clock import TEST_NOW

KEY_KINDS = ("int", "bigint", "uuid", "text", "composite")
PERIODS = ("P6M", "P13M", "P18M", "P1Y", "P2Y", "P3Y", "P400D")
TIMEZONES = ("Europe/Paris", "Europe/Helsinki", "Europe/Warsaw", "Europe/Madrid", "Europe/Berlin")


def _words(text: str) -> list[str]:
    return text.split()


# Words for names: French, German, Finnish, Spanish, Italian, Polish, Swedish... (ASCII, as data
# map names must be), none an SQL reserved word. The demo's own names are removed below.
_WORDS = _words("""
kunde vertrag zahlung beleg rechnung schaden anfrage mitglied bestellung nachricht
sopimus asiakas lasku tilaus henkilo vakuutus viesti kuitti hakemus jasen tili
pedido factura cliente poliza siniestro recibo consulta socio cuenta mensaje carta
polizza sinistro fattura ordine ricevuta richiesta socio conto messaggio lettera
dossier sinistre contrat adherent facture courrier piece echeance quittance avenant
zamowienie faktura umowa klient osoba wniosek skarga pismo konto paragon
avtal kvitto arende brev bestallning medlem kontrakt handling faktura
apolice recibo pedido cliente sinistro contrato
""")
_STEMS = _words("numero nummer tunnus koodi codigo kod nro ident luku clave chiave")
_PAYLOAD = _words("bemerkung huomautus commentaire nota uwagi anteckning notiz kommentti")
_NAMES = _words("nimi nom name nombre nome nazwa namn")
_EMAIL_COLUMNS = _words("courriel sahkoposti correo posta mail epost adresse_mail emailadresse")
_IDENTITIES = _words("courriel sahkoposti correo_e epost posta_e mailadresse")
_START = _words("fin_relation suhde_paattyi cierre_en ende_am ultimo_contatto zakonczenie")
_FIRST = _words("jeanne matti lucia jakub ingrid pierre aino carmen giulia tomasz sven elodie")
_LAST = _words("martin virtanen garcia nowak lindqvist rossi dubois korhonen lopez kowalski")
_DOMAINS = _words("exemple.example beispiel.example esimerkki.example ejemplo.example")
# text natural keys: words with accents too (MariaDB compares them accent-insensitively, so each
# key also carries a unique number)
_TEXT_KEYS = _words("elan café zürich ñandu åker łódź sauna été kiosk mörkö")
_RESERVED_PLACEHOLDERS = {"key", "versions", "size", "deleted", "last_modified"}


def _demo_names() -> frozenset[str]:
    """Every system, dataset, column and bucket name of the demo: the generator uses none."""
    path = Path(__file__).resolve().parents[2] / "include" / "datamap.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for system in data.get("systems", []):
        names.add(system["name"])
        if system.get("bucket"):
            names.add(system["bucket"])
        for dataset in system.get("datasets", []):
            names.add(dataset["name"])
            names.update(dataset.get("fields", {}))
    return frozenset(names)


DEMO_NAMES = _demo_names()


def canon(value: Any) -> int | str:
    """A key value as ground truth compares it: integers stay integers, everything else text."""
    if isinstance(value, bool):
        raise TypeError("a boolean is no key")
    if isinstance(value, int):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"unexpected key value {value!r}")


def key_part(value: Any) -> str:
    """A key value as it appears in an object key."""
    return str(canon(value))


@dataclass
class Table:
    system: str
    name: str
    level: int  # 0: the subject dataset of the primary system (and the second system's root)
    pk: list[str]
    types: dict[
        str, str
    ]  # column -> int | bigint | uuid | text | seq | email | date | datetime | note
    categories: dict[str, str]
    parent: Table | None = None
    ref: dict[str, str] = field(default_factory=dict)  # local field -> parent field
    identity: str | None = None  # the e-mail column
    start: str | None = None  # the retention start column
    real_fk: bool = False  # a FOREIGN KEY constraint in the database, not only in the map
    # the database's own foreign key the other way round: local column -> the child's key
    # column, naming one of the row's children (the map does not declare it)
    current: dict[str, str] = field(default_factory=dict)
    child: Table | None = None  # the table ``current`` points at
    not_null_ref: bool = False  # the reference columns are NOT NULL in the database
    # a record shared by several subjects: role -> its reference (local column -> parent field)
    # and the note only that party owns; ``parties`` says, per row, which subject has each role
    roles: dict[str, dict[str, str]] = field(default_factory=dict)
    owns: dict[str, str] = field(default_factory=dict)
    parties: list[dict[str, int]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)  # subject index of each row

    @property
    def id(self) -> str:
        return f"{self.system}.{self.name}"

    def key(self, row: dict[str, Any]) -> tuple:
        return tuple(canon(row[c]) for c in self.pk)

    def part(self, role: str) -> list[str]:
        """The columns a party of a shared record owns: its reference and its note."""
        return [*self.roles[role], self.owns[role]]


@dataclass
class StoredObject:
    key: str
    owner: int
    versions: list[bytes | None]  # in write order; None is a delete marker
    version_ids: list[str] = field(default_factory=list)  # filled when written

    @property
    def latest_is_marker(self) -> bool:
        return self.versions[-1] is None

    def data(self) -> list[bytes]:
        return [v for v in self.versions if v is not None]


@dataclass
class Objects:
    system: str
    name: str
    template: str
    parent: Table
    ref: dict[str, str]  # placeholder -> parent field
    objects: list[StoredObject] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.system}.{self.name}"

    @property
    def prefix(self) -> str:
        return self.template.split("{", 1)[0]


@dataclass
class Archive:
    """One zip archive: its versions in write order, each a member name -> (owner, body) map,
    or None for a delete marker. Every data version also holds a ``README`` of nobody's."""

    key: str
    versions: list[dict[str, tuple[int, bytes]] | None]


@dataclass
class Archives:
    """Zip archives whose members are the records (``archive: {members: ...}``), keyed on
    ``parent``'s key through ``ref`` (member placeholder -> parent field)."""

    system: str
    name: str
    template: str  # the archives' keys, e.g. ``releves/{periode}.zip``
    members: str  # the member names, e.g. ``{numero}/releve.txt``
    parent: Table
    ref: dict[str, str]
    archives: list[Archive] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.system}.{self.name}"

    @property
    def prefix(self) -> str:
        return self.template.split("{", 1)[0]

    def records(self, owners: set[int]) -> set[tuple]:
        """(archive key, member) of every member of these subjects, in any version."""
        return {
            (a.key, name)
            for a in self.archives
            for version in a.versions
            if version
            for name, (owner, _) in version.items()
            if owner in owners
        }

    def bodies(self, index: int) -> Counter:
        """The subject's member bodies, one per archive version holding the member."""
        return Counter(
            body
            for a in self.archives
            for version in a.versions
            if version
            for owner, body in version.values()
            if owner == index
        )

    def owner(self, key: tuple) -> int:
        """Whose member (archive key, member name) is."""
        archive = next(a for a in self.archives if a.key == key[0])
        return next(v[key[1]][0] for v in archive.versions if v and key[1] in v)

    def state(self, without: set[int] = frozenset()) -> dict[tuple, frozenset]:
        """(archive key, member) -> the member's bodies over the archive's data versions, once
        the members of ``without`` are taken out of every version (the others stay in each)."""
        out: dict[tuple, set[bytes]] = {}
        for archive in self.archives:
            for version in filter(None, archive.versions):
                for name, (owner, body) in version.items():
                    if owner not in without:
                        out.setdefault((archive.key, name), set()).add(body)
        return {k: frozenset(v) for k, v in out.items()}


@dataclass
class Subject:
    index: int
    email: str  # normalised
    in_primary: bool
    start: date | datetime | None = None
    expired: bool = False
    hold: str | None = None  # "subject", "record", "lifted" (a hold placed then lifted)
    hold_record: tuple[str, dict[str, Any]] | None = None  # (dataset id, key) of a record hold
    hold_until: date | None = None
    request: str | None = None  # "open", "extended", "completed"
    typed_email: str = ""  # how the DPO typed it (case, spaces): the ledger normalises
    # the other people with the same e-mail address (a couple), never merged with this one
    partners: list[Subject] = field(default_factory=list, repr=False, compare=False)
    # the other parties of the subject's shared records
    co_parties: list[Subject] = field(default_factory=list, repr=False, compare=False)

    @property
    def held(self) -> bool:
        return self.hold in ("subject", "record")

    @property
    def open_request(self) -> bool:
        return self.request in ("open", "extended")

    @property
    def shared(self) -> bool:
        return bool(self.partners)

    @property
    def exempt(self) -> bool:
        """Held or under an open request, or one of their partners is: a hold or request names
        people by address (a record hold, by its owner's), and protects everyone who has it."""
        return any(s.held or s.open_request for s in (self, *self.partners))

    @property
    def shielded(self) -> bool:
        """A record they share with someone held or under an open request is kept whole, their
        reference in it too: so is the record it refers to, and the subject with it."""
        return any(other.exempt for other in self.co_parties)

    @property
    def purged(self) -> bool:
        return self.expired and not self.exempt and not self.shielded


@dataclass
class Organisation:
    seed: int
    name: str
    timezone: str
    identity: str
    dialects: dict[str, str]  # sql system -> postgresql | mysql
    conn_ids: dict[str, str]  # system -> conn_id
    bucket: str
    bucket_system: str
    reports_bucket: str
    delivery_bucket: str
    tables: list[Table]
    buckets: list[Objects]
    archives: list[Archives]
    subjects: list[Subject]
    rule_id: str
    period: str
    start_type: str  # date | datetime
    cutoff: datetime  # naive UTC
    purposes: list[str]
    subjects_word: str
    keep: Table | None = None  # the rule keeps this dataset's rows, anonymised

    @property
    def refused(self) -> bool:
        """The rule would have to empty a NOT NULL reference: refused before anything changes."""
        return self.keep is not None and self.keep.not_null_ref

    # -- the map --------------------------------------------------------------------------------
    @cached_property
    def yaml(self) -> str:
        return yaml.safe_dump(self._document(), sort_keys=False, allow_unicode=True, width=100)

    def _document(self) -> dict[str, Any]:
        systems: list[dict[str, Any]] = []
        for system in self.dialects:
            datasets = [self._sql_dataset(t) for t in self.tables if t.system == system]
            systems.append(
                {
                    "name": system,
                    "kind": "sql",
                    "conn_id": self.conn_ids[system],
                    "description": f"generated ({self.dialects[system]})",
                    "datasets": datasets,
                }
            )
        systems.append(
            {
                "name": self.bucket_system,
                "kind": "s3",
                "conn_id": self.conn_ids[self.bucket_system],
                "bucket": self.bucket,
                "datasets": [
                    {
                        "name": o.name,
                        "key_template": o.template,
                        "references": [{"dataset": o.parent.id, "fields": dict(o.ref)}],
                        "subjects": self.subjects_word,
                        "purposes": [self.purposes[0]],
                        "categories": ["user.content.private"],
                    }
                    for o in self.buckets
                ]
                + [
                    {
                        "name": a.name,
                        "key_template": a.template,
                        "archive": {"members": a.members},
                        "references": [{"dataset": a.parent.id, "fields": dict(a.ref)}],
                        "subjects": self.subjects_word,
                        "purposes": [self.purposes[0]],
                        "categories": ["user.financial"],
                    }
                    for a in self.archives
                ],
            }
        )
        s3 = self.conn_ids[self.bucket_system]
        return {
            "version": 1,
            "organisation": {
                "name": self.name,
                "address": f"{self.seed} Generated Street, Nowhere",
                "timezone": self.timezone,
                "dpo": {"name": "Generated DPO", "email": f"dpo{self.seed}@generated.example"},
                "supervisory_authority": {"name": "Generated Authority"},
            },
            "identities": [{"name": self.identity, "kind": "email"}],
            "reports": {"conn_id": s3, "bucket": self.reports_bucket},
            "delivery": {"conn_id": s3, "bucket": self.delivery_bucket},
            "purposes": [
                {
                    "id": p,
                    "name": p.capitalize(),
                    "description": f"Generated purpose {p}",
                    "legal_basis": basis,
                    "data_subjects": [self.subjects_word],
                }
                for p, basis in zip(self.purposes, ("contract", "legal_obligation"), strict=False)
            ],
            "systems": systems,
            "retention": [
                {
                    "id": self.rule_id,
                    "dataset": self.subject_table.id,
                    "start": {"column": self.subject_table.start},
                    "period": self.period,
                    "action": "delete",
                    "citation": f"Generated rule {self.seed}",
                    **({"keep": [self.keep.id]} if self.keep else {}),
                }
            ],
        }

    def _sql_dataset(self, table: Table) -> dict[str, Any]:
        out: dict[str, Any] = {"name": table.name, "primary_key": list(table.pk)}
        if table.identity:
            out["identity"] = {self.identity: table.identity}
        if table.parent is not None:
            out["references"] = [{"dataset": table.parent.id, "fields": dict(table.ref)}]
        if table.roles:
            out["references"] = [
                {
                    "dataset": self.subject_table.id,
                    "fields": dict(fields),
                    "role": role,
                    "owns": [table.owns[role]],
                }
                for role, fields in table.roles.items()
            ]
        if table is self.subject_table:
            out["one_per_subject"] = True  # each row a person: a shared address is ambiguous
        out["subjects"] = self.subjects_word
        out["purposes"] = list(self.purposes)
        out["fields"] = {c: {"categories": [table.categories[c]]} for c in table.types}
        if table is self.keep:
            out["fields"][self.kept_note]["erasure"] = "null"
        return out

    # -- shape ----------------------------------------------------------------------------------
    @property
    def primary(self) -> str:
        return next(iter(self.dialects))

    @property
    def secondary(self) -> str:
        return list(self.dialects)[1]

    @property
    def subject_table(self) -> Table:
        return self.tables[0]

    @property
    def chain(self) -> list[Table]:
        """The subject dataset and the datasets under it, in the primary system (the shared
        records' dataset too)."""
        return [t for t in self.tables if t.system == self.primary]

    @property
    def joint(self) -> Table:
        """The dataset of records shared by several subjects."""
        return next(t for t in self.tables if t.roles)

    def dataset_ids(self) -> list[str]:
        return (
            [t.id for t in self.tables]
            + [o.id for o in self.buckets]
            + [a.id for a in self.archives]
        )

    def plan_datasets(self) -> list[str]:
        """What the retention rule reaches: the chain and the objects keyed on it (not on the
        kept dataset: its rows stay, so do their objects)."""
        deleted = {t.id for t in self.chain if t is not self.keep}
        return (
            [t.id for t in self.chain]
            + [o.id for o in self.buckets if o.parent.id in deleted]
            + [a.id for a in self.archives if a.parent.id in deleted]
        )

    @property
    def kept_note(self) -> str:
        """The field of the kept dataset the rule anonymises (its note)."""
        assert self.keep is not None
        return next(c for c, kind in self.keep.types.items() if kind == "note")

    def summary(self) -> str:
        """One line saying what was drawn (for a failing test's message)."""
        kinds = {t.id: "+".join(t.types[c] for c in t.pk) for t in self.tables}
        shapes = {
            "couples": sum(s.index < p.index for s in self.subjects for p in s.partners),
            "reversed": [t.id for t in self.tables if t.current],
            "keep": self.keep and f"{self.keep.id}{' NOT NULL' if self.refused else ''}",
        }
        return (
            f"seed {self.seed}: {self.dialects}, keys {kinds}, shapes {shapes}, "
            f"chain depth {sum(not t.roles for t in self.chain) - 1}, "
            f"objects {[(o.id, o.template) for o in self.buckets]}, rule {self.period} on "
            f"{self.start_type}, subjects {len(self.subjects)}: expired "
            f"{sum(s.expired for s in self.subjects)}, held {sum(s.held for s in self.subjects)}, "
            f"open request {sum(s.open_request for s in self.subjects)}, purged "
            f"{sum(s.purged for s in self.subjects)}"
        )

    # -- ground truth ---------------------------------------------------------------------------
    def records_of(self, index: int) -> dict[str, set[tuple]]:
        """Every record of one subject, by dataset id (S3: one-tuples of object keys)."""
        out: dict[str, set[tuple]] = {d: set() for d in self.dataset_ids()}
        for table in self.tables:
            for n, (row, owner) in enumerate(zip(table.rows, table.owners, strict=True)):
                if owner == index or (table.roles and index in table.parties[n].values()):
                    out[table.id].add(table.key(row))
        for objects in self.buckets:
            for obj in objects.objects:
                if obj.owner == index:
                    out[objects.id].add((obj.key,))
        for archives in self.archives:
            out[archives.id] = archives.records({index})
        return out

    def versions_of(self, index: int) -> dict[str, Counter]:
        """The bodies of every data version (not delete markers) of one subject's objects."""
        out = {
            o.id: Counter(b for obj in o.objects if obj.owner == index for b in obj.data())
            for o in self.buckets
        }
        out.update({a.id: a.bodies(index) for a in self.archives})
        return out

    def records_narrowed(self, index: int) -> dict[str, set[tuple]]:
        """What resolving one of a couple finds once the key of their person record tells them
        apart: their own records in the primary system, and in the other system (linked by the
        address alone, so nothing there tells the partners apart) every record of the address."""
        out = self.records_of(index)
        own = {t.id for t in self.chain} | {
            o.id for o in [*self.buckets, *self.archives] if o.parent.system == self.primary
        }
        for partner in self.subject(index).partners:
            for dataset, keys in self.records_of(partner.index).items():
                if dataset not in own:
                    out[dataset] |= keys
        return out

    def _purged(self) -> dict[str, set[tuple]]:
        plan = self.plan_datasets()
        out: dict[str, set[tuple]] = {d: set() for d in plan}
        for subject in self.subjects:
            if subject.purged:
                for dataset, keys in self.records_of(subject.index).items():
                    if dataset in plan:
                        out[dataset] |= keys
        return out

    def purged_records(self) -> dict[str, set[tuple]]:
        """What a retention run must delete, by dataset of its plan (a shared record: once
        every party of it is purged)."""
        out = self._purged()
        if self.keep is not None:
            out[self.keep.id] = set()
        joint = self.joint
        out[joint.id] = {
            joint.key(row)
            for row, parties in zip(joint.rows, joint.parties, strict=True)
            if all(self.subject(p).purged for p in parties.values())
        }
        return out

    def emptied_parts(self) -> dict[tuple, list[str]]:
        """Shared records a purge keeps for a remaining party: key -> the roles emptied."""
        joint, out = self.joint, {}
        for row, parties in zip(joint.rows, joint.parties, strict=True):
            gone = [r for r, p in parties.items() if self.subject(p).purged]
            if gone and len(gone) < len(parties):
                out[joint.key(row)] = gone
        return out

    def anonymised_records(self) -> dict[str, set[tuple]]:
        """What a retention run must keep anonymised: the kept dataset's rows of the purged."""
        if self.keep is None:
            return {}
        return {self.keep.id: self._purged()[self.keep.id]}

    def anonymised_columns(self) -> list[str]:
        """The columns of a kept row the rule empties: its reference and its note."""
        assert self.keep is not None
        return [*self.keep.ref, self.kept_note]

    def subject(self, index: int) -> Subject:
        return self.subjects[index]


# -- drawing ------------------------------------------------------------------------------------


class _Names:
    """Unique random words for one organisation, none of the demo's."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set(DEMO_NAMES)

    def pick(self, words: list[str], suffix: str = "") -> str:
        choices = [w + suffix for w in dict.fromkeys(words) if w + suffix not in self.used]
        if choices:
            name = self.rng.choice(choices)
        else:
            name = f"{self.rng.choice(words)}{self.rng.randint(2, 99)}{suffix}"
            while name in self.used:
                name = f"{self.rng.choice(words)}{self.rng.randint(2, 999)}{suffix}"
        self.used.add(name)
        return name


class _Columns:
    """Unique column names within one table."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def pick(self, stems: list[str], suffix: str = "") -> str:
        for _ in range(50):
            name = f"{self.rng.choice(stems)}{suffix}"
            if name not in self.used and name not in DEMO_NAMES and len(name) <= 60:
                self.used.add(name)
                return name
        name = f"{self.rng.choice(stems)}_{len(self.used)}{suffix}"
        self.used.add(name)
        return name


class _KeyValues:
    """Fresh key values of one logical type, distinct within a dataset."""

    def __init__(self, rng: random.Random, kind: str):
        self.rng, self.kind = rng, kind
        self.next = (
            {"int": rng.randint(1, 500), "bigint": 2**40 + rng.randint(0, 10**9)}[kind]
            if kind in ("int", "bigint")
            else 0
        )
        self.seen: set[Any] = set()

    def draw(self) -> Any:
        while True:
            value = self._draw()
            if value not in self.seen:
                self.seen.add(value)
                return value

    def _draw(self) -> Any:
        if self.kind in ("int", "bigint"):
            self.next += self.rng.randint(1, 7)
            return self.next
        if self.kind == "uuid":
            return uuid.UUID(int=self.rng.getrandbits(128), version=4)
        if self.kind == "text":
            self.next += 1
            return f"{self.rng.choice(_TEXT_KEYS)}-{self.next:05d}"
        raise ValueError(self.kind)


def _pk(rng: random.Random, columns: _Columns, kind: str) -> tuple[list[str], dict[str, str]]:
    if kind != "composite":
        return [columns.pick(_STEMS, "_id")], {}
    first = rng.choice(("int", "text", "uuid"))
    a, b = columns.pick(_STEMS, "_ref"), columns.pick(_STEMS, "_nr")
    return [a, b], {a: first, b: "seq"}


def _table(
    rng: random.Random,
    names: _Names,
    system: str,
    level: int,
    parent: Table | None,
    *,
    identity: bool = False,
    start: str | None = None,
) -> Table:
    name = names.pick(_WORDS)
    columns = _Columns(rng)
    kind = rng.choice(KEY_KINDS)
    pk, composite = _pk(rng, columns, kind)
    types: dict[str, str] = {c: composite.get(c, kind) for c in pk}
    categories = {c: "system.operations" for c in pk}
    table = Table(system, name, level, pk, types, categories)
    if parent is not None:
        for parent_field in parent.pk:
            local = columns.pick([parent.name], f"_{rng.choice(('ref', 'fk', 'id', 'nr'))}")
            table.ref[local] = parent_field
            kind_of_parent = parent.types[parent_field]
            types[local] = "int" if kind_of_parent == "seq" else kind_of_parent
            categories[local] = "user.unique_id"
        table.parent = parent
        table.real_fk = rng.random() < 0.5
    if identity:
        table.identity = columns.pick(_EMAIL_COLUMNS)
        types[table.identity] = "email"
        categories[table.identity] = "user.contact.email"
        label = columns.pick(_NAMES)
        types[label] = "note"
        categories[label] = "user.name"
    if start:
        table.start = columns.pick(_START)
        types[table.start] = start
        categories[table.start] = "system.operations"
    note = columns.pick(_PAYLOAD)
    types[note] = "note"
    categories[note] = "user.content.private"
    return table


class _RowMaker:
    """Rows of one table: key values of its types, references to a parent row."""

    def __init__(self, rng: random.Random, table: Table):
        self.rng, self.table = rng, table
        self.values = {
            c: _KeyValues(rng, table.types[c])
            for c in table.pk
            if table.types[c] in ("int", "bigint", "uuid", "text")
        }
        self.group: Any = None
        self.seq = 0
        self.used: set[tuple] = set()

    def key(self) -> dict[str, Any]:
        pk = self.table.pk
        if len(pk) == 1:
            return {pk[0]: self.values[pk[0]].draw()}
        first, second = pk
        if self.group is None or self.rng.random() < 0.6:
            self.group, self.seq = self.values[first].draw(), 0
        self.seq += 1
        return {first: self.group, second: self.seq}

    def row(self, owner: int, parent_row: dict[str, Any] | None, **values: Any) -> dict[str, Any]:
        row = self.key()
        if parent_row is not None:
            for local, parent_field in self.table.ref.items():
                row[local] = parent_row[parent_field]
        for column, kind in self.table.types.items():
            if column in row or column in values:
                continue
            if kind == "note":
                row[column] = f"{self.rng.choice(_PAYLOAD)} {self.rng.randint(0, 10**6)}"
        row.update(values)
        self.table.rows.append(row)
        self.table.owners.append(owner)
        return row


def _mixed_case(rng: random.Random, text: str) -> str:
    return "".join(c.upper() if rng.random() < 0.4 else c for c in text)


def _template(rng: random.Random, names: _Names, parent: Table) -> tuple[str, dict[str, str]]:
    """A key template on ``parent``'s key, e.g. ``belege/{vertrag_ref}/{numero_id}.pdf``."""
    fields = list(parent.pk)
    if parent.ref and len(parent.ref) == 1 and rng.random() < 0.5:
        fields = list(parent.ref) + fields  # the owner first, as in invoices/{customer}/{invoice}
    placeholders: dict[str, str] = {}
    for f in fields:
        name = f if rng.random() < 0.5 else f"{rng.choice(_STEMS)}_{len(placeholders)}"
        while name in placeholders or name in _RESERVED_PLACEHOLDERS:
            name = f"{name}_x"
        placeholders[name] = f
    prefix = names.pick(_WORDS)
    ext = rng.choice((".pdf", ".txt", ".ogg", ""))
    parts = [f"{{{p}}}" for p in placeholders]
    return f"{prefix}/" + "/".join(parts) + ext, placeholders


_VERSION_PATTERNS = (
    (True,),
    (True,),
    (True, True),
    (True, True, False),  # latest version is a delete marker
    (True, False),
    (True, False, True),  # deleted, then written again
    (True, True, True),
)


def _objects(rng: random.Random, seed: int, objects: Objects) -> None:
    """Objects for many parent rows (every row of the rich subjects 0-2), each with its
    versions; at least one object's latest version is a delete marker."""
    parent = objects.parent
    rate = min(0.75, 30 / max(1, len(parent.rows)))  # tens of objects, not hundreds
    for row, owner in zip(parent.rows, parent.owners, strict=True):
        if owner >= 3 and rng.random() > rate:
            continue
        key = objects.template.format(**{p: key_part(row[f]) for p, f in objects.ref.items()})
        pattern = rng.choice(_VERSION_PATTERNS)
        versions: list[bytes | None] = [
            f"{seed}|{objects.id}|{key}|v{n}|subject {owner}".encode() if data else None
            for n, data in enumerate(pattern, start=1)
        ]
        objects.objects.append(StoredObject(key, owner, versions))
    if objects.objects and not any(o.latest_is_marker for o in objects.objects):
        objects.objects[0].versions.append(None)


def _archives_on(rng: random.Random, names: _Names, system: str, parent: Table) -> Archives:
    """Monthly zip archives with one member per record of ``parent`` (``{numero}/beleg.txt``)."""
    free = rng.choice(("periode", "kuukausi", "monat", "mes", "miesiac"))
    placeholders = {f"{rng.choice(_STEMS)}_{i}": f for i, f in enumerate(parent.pk)}
    members = "/".join(f"{{{p}}}" for p in placeholders)
    members += "/" + rng.choice(("releve.txt", "lasku.txt", "beleg.txt", "wyciag.txt"))
    prefix = names.pick(_WORDS)
    return Archives(
        system, names.pick(_WORDS), f"{prefix}/{{{free}}}.zip", members, parent, placeholders
    )


def _archive_members(rng: random.Random, seed: int, zipped: Archives) -> None:
    """A few archives, each with a few people's members; some overwritten, some under a delete
    marker. The first holds one of the purgeable subject 0's members and up to two others', and
    is deleted (its one version under a delete marker)."""
    parent = zipped.parent
    rows = list(zip(parent.rows, parent.owners, strict=True))
    mine = [r for r in rows if r[1] == 0]
    others = [r for r in rows if r[1] != 0]
    pool = mine + rng.sample(others, min(len(others), 10))
    if not pool:
        return

    def name(row: dict[str, Any]) -> str:
        return zipped.members.format(**{p: key_part(row[f]) for p, f in zipped.ref.items()})

    for n in range(rng.randint(3, 5)):
        key = f"{zipped.prefix}2025-{n + 1:02d}.zip"  # the template's one free placeholder
        chosen = rng.sample(pool, min(len(pool), rng.randint(1, 4)))
        if n == 0 and mine:
            owners = {r[1]: r for r in others}
            chosen = [mine[0], *rng.sample(list(owners.values()), min(2, len(owners)))]

        def version(rows: list, edition: int, key: str = key) -> dict[str, tuple[int, bytes]]:
            return {
                name(row): (owner, f"{seed}|{key}|{name(row)}|v{edition}|subject {owner}".encode())
                for row, owner in rows
            }

        versions: list[dict[str, tuple[int, bytes]] | None] = [version(chosen, 1)]
        shape = rng.choice(("one", "overwritten", "overwritten", "deleted"))
        if n == 0 and mine:
            shape = "deleted"
        if shape == "overwritten":  # corrected: someone left out, someone added
            changed = chosen[1:] if len(chosen) > 1 and rng.random() < 0.5 else list(chosen)
            extra = rng.choice(pool)
            if extra not in changed:
                changed.append(extra)
            versions.append(version(changed, 2))
        elif shape == "deleted":
            versions.append(None)
        zipped.archives.append(Archive(key, versions))


def generate(seed: int) -> Organisation:
    """The organisation of one seed (the same one every time)."""
    rng = random.Random(seed)
    names = _Names(rng)
    first = rng.choice(("postgresql", "mysql"))
    second = "mysql" if first == "postgresql" else "postgresql"
    sys_a, sys_b, sys_c = names.pick(_WORDS), names.pick(_WORDS), names.pick(_WORDS)
    conn_ids = {
        s: f"{s}_{rng.choice(('db', 'conn', 'yhteys', 'verbindung'))}" for s in (sys_a, sys_b)
    }
    conn_ids[sys_c] = f"{sys_c}_s3"
    start_type = rng.choice(("date", "datetime"))
    period = rng.choice(PERIODS)
    cutoff = (TEST_NOW - isodate.parse_duration(period)).astimezone(UTC).replace(tzinfo=None)

    subject_table = _table(rng, names, sys_a, 0, None, identity=True, start=start_type)
    chain = [subject_table]
    for level in range(1, rng.randint(2, 4) + 1):
        chain.append(_table(rng, names, sys_a, level, chain[-1]))
    b_root = _table(rng, names, sys_b, 0, None, identity=True)
    b_child = _table(rng, names, sys_b, 1, b_root)
    joint = _joint(rng, names, sys_a, subject_table)
    tables = [*chain, joint, b_root, b_child]

    bucket_word = names.pick(_WORDS)
    o_chain_parent = rng.choice(chain)
    template, ref = _template(rng, names, o_chain_parent)
    buckets = [Objects(sys_c, names.pick(_WORDS), template, o_chain_parent, ref)]
    o_b_parent = rng.choice((b_root, b_child))
    template, ref = _template(rng, names, o_b_parent)
    buckets.append(Objects(sys_c, names.pick(_WORDS), template, o_b_parent, ref))
    if rng.random() < 0.5:
        _reverse(rng, chain)
    keep = None
    if rng.random() < 0.5 and o_chain_parent is not chain[-1]:  # objects stay in the plan
        keep = chain[-1]
        keep.not_null_ref = rng.random() < 0.4
    archives = [_archives_on(rng, names, sys_c, rng.choice([t for t in chain if t is not keep]))]

    # -- subjects and their rows --------------------------------------------------------------
    makers = {t.id: _RowMaker(rng, t) for t in tables}
    subjects: list[Subject] = []
    emails: set[str] = set()
    count = rng.randint(16, 26)
    for index in range(count):
        # a couple: someone with the address of an earlier person (never one of the rich three)
        singles = [s for s in subjects[3:] if s.in_primary and not s.partners]
        couples = any(s.partners for s in subjects)
        couple = singles and (rng.random() < 0.12 or (index == count - 1 and not couples))
        partner = rng.choice(singles) if couple else None
        while partner is None:
            local = f"{rng.choice(_FIRST)}.{rng.choice(_LAST)}{rng.randint(1, 999)}"
            email = f"{local}@{rng.choice(_DOMAINS)}"
            if email not in emails:
                emails.add(email)
                break
        if partner is not None:
            email = partner.email
        in_primary = rng.random() < 0.85 or partner is not None
        in_secondary = partner is None and (rng.random() < 0.6 or not in_primary)
        subject = Subject(index, email, in_primary, typed_email=email)
        if partner is not None:
            subject.partners, partner.partners = [partner], [subject]
        subjects.append(subject)
        # the first subjects are "rich": a record at every level of the chain, objects too
        rich = index < 3
        if in_primary or rich:
            subject.in_primary = True
            draw = rng.random()
            if rich or draw < 0.5 or (index < 9 and draw < 0.9):  # a few expired at least
                subject.expired = True
                subject.start = _instant(cutoff, -rng.randint(2, 900), start_type, rng)
            elif draw < 0.6:
                subject.start = None
            else:
                subject.start = _instant(cutoff, rng.randint(2, 300), start_type, rng)
            stored = _mixed_case(rng, email) if rng.random() < 0.5 else email
            parent_rows = [
                makers[subject_table.id].row(
                    index,
                    None,
                    **{subject_table.identity: stored, subject_table.start: subject.start},
                )
            ]
            for table in chain[1:]:
                rows = []
                for parent_row in parent_rows:
                    n = rng.choice((1, 1, 2) if rich else (0, 1, 1, 2, 3))
                    rows += [makers[table.id].row(index, parent_row) for _ in range(n)]
                parent_rows = rows
        if in_secondary:
            for _ in range(rng.choice((1, 1, 2))):
                spaced = " " * rng.randint(0, 3) + _mixed_case(rng, email) + " " * rng.randint(1, 3)
                b_row = makers[b_root.id].row(index, None, **{b_root.identity: spaced})
                for _ in range(rng.choice((0, 1, 2))):
                    makers[b_child.id].row(index, b_row)
    _shared_rows(rng, _RowMaker(rng, joint), subject_table, subjects)
    for objects in buckets:
        _objects(rng, seed, objects)
    for zipped in archives:
        _archive_members(rng, seed, zipped)
    for table in chain:
        _current_children(rng, table)

    org = Organisation(
        seed=seed,
        name=f"{names.pick(_WORDS).capitalize()} {rng.choice(('Oy', 'GmbH', 'SAS', 'S.L.', 'AB'))}",
        timezone=rng.choice(TIMEZONES),
        identity=rng.choice(_IDENTITIES),
        dialects={sys_a: first, sys_b: second},
        conn_ids=conn_ids,
        bucket=f"{bucket_word.replace('_', '-')}-{seed}-objets",
        bucket_system=sys_c,
        reports_bucket=f"gen-{seed}-reports",
        delivery_bucket=f"gen-{seed}-delivery",
        tables=tables,
        buckets=buckets,
        archives=archives,
        subjects=subjects,
        rule_id=f"{subject_table.name.replace('_', '-')}-{period.lower()}",
        period=period,
        start_type=start_type,
        cutoff=cutoff,
        purposes=[names.pick(_WORDS), names.pick(_WORDS)],
        subjects_word=rng.choice(("asiakkaat", "clients", "kunden", "clientes", "klienci")),
        keep=keep,
    )
    _exemptions(rng, org)
    return org


_ROLES = (
    ("titulaire", "cotitulaire"),
    ("haltija", "kanssahaltija"),
    ("inhaber", "mitinhaber"),
    ("titular", "avalista"),
    ("najemca", "poreczyciel"),
)


def _joint(rng: random.Random, names: _Names, system: str, person: Table) -> Table:
    """Records shared by two parties, each a subject of ``person`` through a reference with a
    `role`, owning their reference and a note of their own (``owns``); the rest is common."""
    table = _table(rng, names, system, 1, None)
    table.real_fk = rng.random() < 0.5
    for role in rng.choice(_ROLES):
        fields = {f"{role}_{c}": c for c in person.pk}
        table.roles[role] = fields
        for local, column in fields.items():
            table.types[local] = "int" if person.types[column] == "seq" else person.types[column]
            table.categories[local] = "user.unique_id"
        table.owns[role] = f"{role}_{rng.choice(_PAYLOAD)}"
        table.types[table.owns[role]] = "note"
        table.categories[table.owns[role]] = "user.financial"
    return table


def _shared_rows(
    rng: random.Random, maker: _RowMaker, person: Table, subjects: list[Subject]
) -> None:
    """Shared records of about half the people (every rich one): some with a second party
    (never their partner, whom nothing in the record tells apart), some with them alone."""
    table = maker.table
    first, second = table.roles
    rows = dict(zip(person.owners, person.rows, strict=True))
    for owner in rows:
        if owner >= 3 and rng.random() < 0.5:
            continue
        partners = {p.index for p in subjects[owner].partners}
        others = [o for o in rows if o != owner and o not in partners]
        other = rng.choice(others) if others and rng.random() < 0.7 else None
        parties = {first: owner}
        if other is not None:  # in either role
            parties = {first: owner, second: other}
            if rng.random() < 0.3:
                parties = {first: other, second: owner}
        values: dict[str, Any] = {}
        for role in table.roles:
            holder = rows.get(parties[role]) if role in parties else None
            for local, column in table.roles[role].items():
                values[local] = holder[column] if holder else None
            values[table.owns[role]] = (
                f"{role} {rng.randint(0, 10**6)} of subject {parties[role]}" if holder else None
            )
        maker.row(owner, None, **values)
        table.parties.append(parties)
        if other is not None:
            subjects[owner].co_parties.append(subjects[other])
            subjects[other].co_parties.append(subjects[owner])


def _reverse(rng: random.Random, chain: list[Table]) -> None:
    """A parent of the chain names its current child through a foreign key of the database (the
    map declares only the child's reference to the parent, the direction that finds the subject):
    deletions must follow the database, parent first. The child's own reference to the parent
    is then no foreign key, or the two would form a cycle."""
    level = rng.randrange(len(chain) - 1)
    parent, child = chain[level], chain[level + 1]
    child.real_fk = False
    parent.child = child
    for column in child.pk:
        local = f"{child.name}_{column}_courant"[:60]
        parent.current[local] = column
        parent.types[local] = "int" if child.types[column] == "seq" else child.types[column]
        parent.categories[local] = "system.operations"


def _current_children(rng: random.Random, table: Table) -> None:
    """Point each row of a table with ``current`` at one of its children, or at none."""
    child = table.child
    if child is None:
        return
    children: dict[tuple, list[dict[str, Any]]] = {}
    for row in child.rows:
        children.setdefault(tuple(canon(row[c]) for c in child.ref), []).append(row)
    for row in table.rows:
        mine = children.get(tuple(canon(row[child.ref[c]]) for c in child.ref), [])
        chosen = rng.choice(mine) if mine and rng.random() < 0.8 else None
        for local, column in table.current.items():
            row[local] = chosen[column] if chosen else None


def _instant(cutoff: datetime, days: int, kind: str, rng: random.Random) -> date | datetime:
    at = cutoff + timedelta(days=days, seconds=rng.randint(0, 86_399))
    return at.date() if kind == "date" else at.replace(microsecond=0)


def _exemptions(rng: random.Random, org: Organisation) -> None:
    """Holds and requests: on expired subjects (what the purge must spare) and a few others."""
    # subject 0..2 are rich and expired: keep one of them purgeable, with its objects, and so
    # the other parties of their shared records unprotected (a protected one would keep them)
    purgeable = next(s for s in org.subjects if s.index < 3)
    spared = {purgeable.index}
    for party in purgeable.co_parties:
        spared |= {party.index, *(s.index for s in party.partners)}  # a hold names the address
    expired = [s for s in org.subjects if s.expired and s.index not in spared]
    others = [s for s in org.subjects if not s.expired and s.index not in spared]
    rng.shuffle(expired)
    candidates = expired
    for position, subject in enumerate(candidates):
        draw = rng.random()
        if position == 0 or draw < 0.2:
            subject.hold = "subject"
        elif position == 1 or draw < 0.4:
            subject.hold = "record"
            subject.hold_record = _record_to_hold(rng, org, subject)
        elif position == 2 or draw < 0.5:
            subject.hold = "lifted"
        if position == 3 or rng.random() < 0.25:
            subject.request = "open" if rng.random() < 0.7 else "extended"
        elif rng.random() < 0.15:
            subject.request = "completed"
        if subject.hold and rng.random() < 0.4:
            subject.hold_until = (TEST_NOW + timedelta(days=rng.randint(1, 400))).date()
    # at least three purgeable subjects, so an interrupted run leaves work for the next one
    for subject in reversed(candidates[4:]):
        if sum(s.purged for s in org.subjects) >= 3:
            break
        if subject.exempt:
            subject.hold = subject.hold_record = subject.hold_until = subject.request = None
    for subject in rng.sample(others, min(2, len(others))):
        subject.hold = "subject"
    for subject in rng.sample(others, min(2, len(others))):
        subject.request = "open"
    for subject in org.subjects:
        if subject.hold or subject.request:
            subject.typed_email = (
                " " * rng.randint(0, 2) + _mixed_case(rng, subject.email) + " " * rng.randint(0, 2)
            )


def _record_to_hold(
    rng: random.Random, org: Organisation, subject: Subject
) -> tuple[str, dict[str, Any]]:
    """One of the subject's rows in the rule's reach, keyed the way `gdpr hold place --record`
    types it: whole numbers as integers, everything else (UUIDs too) as text.

    Rows only: holds on an object key have a test of their own
    (``test_retention_spares_a_subject_held_through_one_of_their_objects``).
    """
    choices: list[tuple[str, dict[str, Any]]] = []
    for table in org.chain:
        for row, owner in zip(table.rows, table.owners, strict=True):
            if owner == subject.index and not table.roles:
                choices.append((table.id, {c: _typed(row[c]) for c in table.pk}))
    return rng.choice(choices)


def _typed(value: Any) -> int | str:
    return value if isinstance(value, int) else str(value)


def organisations():
    """A hypothesis strategy of organisations (hypothesis is optional: imported on use)."""
    from hypothesis import strategies as st

    return st.integers(min_value=0, max_value=2**31 - 1).map(generate)
