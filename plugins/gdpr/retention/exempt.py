"""Records a purge must not touch, with the reason a report can show.

Legal holds in the ledger name either a record (dataset + key) or a person (an e-mail, resolved
to their records everywhere); holds the data map declares (`holds.rules`, an open claim) name
records by a condition, reported under the rule's name (``gdpr.retention.held``); subjects with an open request are kept until it is answered, so an
access package is never missing what the purge took overnight. Restriction flags (Art. 18) are
read from the rows themselves while the purge walks them; records restricted in the ledger
(a dataset without a flag, ``ledger.restrictions``) are collected here under the same reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from gdpr.connectors.base import Lock, LockNature
from gdpr.connectors.keys import key_texts
from gdpr.ledger import Ledger
from gdpr.retention.plan import RulePlan
from gdpr.subject.resolve import SubjectLocation

LEGAL_HOLD = "legal hold"
OPEN_REQUEST = "open request"
RESTRICTED = "restriction of processing (Art. 18)"
RETAINED_BY_SYSTEM = "retention the system enforces"  # a legal or contractual retention
CANNOT_ERASE = "kept: the system cannot erase it"  # a technical limit, not an exemption


def lock_text(lock: Lock) -> str:
    """A system's lock as a purge report's reason: its nature, then the system's sentence."""
    label = CANNOT_ERASE if lock.nature == LockNature.TECHNICAL else RETAINED_BY_SYSTEM
    return f"{label}: {lock.reason}"


SubjectResolver = Callable[[str, set[str]], SubjectLocation]
RecordResolver = Callable[[str, dict, set[str]], SubjectLocation]
OwnerFinder = Callable[[str, dict], set[str]]  # a record's owners, as the ledger names people
# what the map's declared holds keep within some datasets: (reason naming the rule, records)
DeclaredHolds = Callable[[set[str]], Iterable[tuple[str, SubjectLocation]]]


@dataclass
class Exemptions:
    """Exempt keys by dataset, each with its reason (keys normalised to strings for matching)."""

    rows: dict[str, dict[tuple, str]] = field(default_factory=lambda: defaultdict(dict))

    def reason(self, dataset: str, key: tuple) -> str | None:
        return self.rows.get(dataset, {}).get(_norm(key))

    def add(self, dataset: str, key: tuple, reason: str) -> None:
        self.rows[dataset].setdefault(_norm(key), reason)

    def count(self) -> int:
        return sum(len(keys) for keys in self.rows.values())


def collect(
    plan: RulePlan,
    ledger: Ledger,
    resolve_subject: SubjectResolver,
    resolve_record: RecordResolver,
    owners_of: OwnerFinder | None = None,
    declared: DeclaredHolds | None = None,
) -> Exemptions:
    """Legal holds and open requests that concern the datasets of this rule's plan.

    A hold on a record covers the records that depend on it (a held account's purchases and
    documents) and, in `subject` scope (``owners_of`` given: the map's ``holds.scope``),
    everything of the people the record belongs to; a hold on a person, and an open request,
    cover everything found for them. ``declared``: the data map's holds, honoured with the
    ledger's (a rule's `exemptions.legal_hold`).
    """
    exemptions = Exemptions()
    wanted = set(plan.datasets)
    rule = plan.rule
    subjects: dict[str, str] = {}
    if rule.exemptions.legal_hold:
        for hold in ledger.active_legal_holds():
            if hold.subject_email:
                subjects.setdefault(hold.subject_email, LEGAL_HOLD)
            elif hold.dataset and hold.record_key:
                location = resolve_record(hold.dataset, hold.record_key, wanted)
                _add_subject(exemptions, location, wanted, LEGAL_HOLD)
                for owner in owners_of(hold.dataset, hold.record_key) if owners_of else ():
                    subjects.setdefault(owner, LEGAL_HOLD)
        for reason, location in declared(wanted) if declared else ():
            _add_subject(exemptions, location, wanted, reason)
    if rule.exemptions.restriction:
        for restriction in ledger.restrictions():
            if restriction.dataset in wanted:
                exemptions.add(restriction.dataset, restriction.record_key, RESTRICTED)
    if rule.exemptions.open_request:
        for request in ledger.open_requests():
            subjects.setdefault(request.subject_email, OPEN_REQUEST)
    for email, reason in subjects.items():
        _add_subject(exemptions, resolve_subject(email, wanted), wanted, reason)
    return exemptions


def _add_subject(
    exemptions: Exemptions, location: SubjectLocation, wanted: set[str], reason: str
) -> None:
    for dataset, hits in location.hits.items():
        if dataset in wanted:
            for key in hits.rows:
                exemptions.add(dataset, key, reason)


def _norm(key: tuple) -> tuple:
    return key_texts(key)
