"""Art. 19: tell every recipient of the affected purposes that data was erased or rectified,
and tell the subject who those recipients are.

Recipients come from the data map (each purpose's recipients with a `notify` address); the
affected purposes are those of the datasets where something changed. The ledger's once-only
claim makes a rerun send nothing twice, and records who was told and when: that record is what
the subject's answer lists (Art. 19, last sentence), whatever workflow sent the notice, as
long as its topic starts with ``ART19_TOPIC``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from gdpr.datamap.models import DataMap
from gdpr.ledger import Ledger
from gdpr.ledger.clock import as_utc

CHANNEL = "email"
ART19_TOPIC = "art19_"  # the topics of Art. 19 notices: art19_erasure, art19_rectification...
CHANGE_WORDS = {
    "erasure": {"en": "erasure", "fr": "effacement"},
    "rectification": {"en": "rectification", "fr": "rectification"},
    "restriction": {"en": "restriction", "fr": "limitation du traitement"},
}


@dataclass(frozen=True)
class Notice:
    recipient: str  # the address to notify
    name: str
    purposes: tuple[str, ...]  # purpose names, shown in the message


def recipients_for(datamap: DataMap, datasets: Iterable[str]) -> list[Notice]:
    """One notice per address, for the purposes of ``datasets`` (sorted by address)."""
    purposes: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for dataset_id in datasets:
        for purpose_id in datamap.dataset(dataset_id).dataset.purposes:
            purpose = datamap.purpose(purpose_id)
            for recipient in purpose.recipients:
                if recipient.notify:
                    purposes.setdefault(recipient.notify, set()).add(purpose.name)
                    names.setdefault(recipient.notify, recipient.name)
    return [Notice(a, names[a], tuple(sorted(p))) for a, p in sorted(purposes.items())]


def notify_once(
    ledger: Ledger,
    notices: list[Notice],
    *,
    topic: str,
    target: str,
    occasion: str,
    send: Callable[[Notice], None],
) -> dict[str, int]:
    """Send each notice unless already sent; a failed send is released for the next run."""
    sent = skipped = 0
    for notice in notices:
        claim = {
            "topic": topic,
            "target": target,
            "occasion": occasion,
            "channel": CHANNEL,
            "recipient": notice.recipient,
        }
        if not ledger.claim_notification(**claim, detail={"name": notice.name}):
            skipped += 1
            continue
        try:
            send(notice)
        except Exception:
            ledger.release_notification(**claim)
            raise
        ledger.mark_notification_sent(**claim)
        sent += 1
    return {"recipients": len(notices), "sent": sent, "already_sent": skipped}


@dataclass(frozen=True)
class NotifiedRecipient:
    """A recipient told of a change to the subject's data, as the subject's answer names it."""

    name: str
    address: str
    country: str | None  # from the data map; None when the map no longer lists the address
    changes: tuple[str, ...]  # what they were told of: erasure, rectification...
    last_notified: datetime  # in the organisation's time zone

    def changes_in(self, lang: str) -> list[str]:
        """What they were told of, in the letter's language (the topic's own word otherwise)."""
        return [CHANGE_WORDS.get(c, {}).get(lang, c) for c in self.changes]


def notified_recipients(
    ledger: Ledger, datamap: DataMap, subject_email: str | None
) -> list[NotifiedRecipient]:
    """Art. 19, last sentence: every recipient the ledger shows was sent an Art. 19 notice for
    one of the subject's requests, by name (sorted), with what it was told of and when last."""
    if not subject_email:
        return []
    known = {r.notify: r for p in datamap.purposes for r in p.recipients if r.notify}
    zone = ZoneInfo(datamap.organisation.timezone)
    found: dict[str, tuple[set[str], datetime, str]] = {}
    for request in ledger.requests_of_subject(subject_email):
        for note in ledger.notifications(target=request.request_id):
            if note.status != "sent" or not note.topic.startswith(ART19_TOPIC):
                continue
            at = as_utc(note.sent_at or note.claimed_at)
            changes, last, name = found.get(note.recipient, (set(), at, ""))
            changes.add(note.topic.removeprefix(ART19_TOPIC))
            name = name or (note.detail or {}).get("name") or ""
            found[note.recipient] = (changes, max(last, at), name)
    out = []
    for address, (changes, last, name) in found.items():
        declared = known.get(address)
        out.append(
            NotifiedRecipient(
                name=declared.name if declared else name or address,
                address=address,
                country=declared.country if declared else None,
                changes=tuple(sorted(changes)),
                last_notified=last.astimezone(zone),
            )
        )
    return sorted(out, key=lambda r: (r.name.lower(), r.address))
