"""Art. 19: tell every recipient of the affected purposes that data was erased or rectified.

Recipients come from the data map (each purpose's recipients with a `notify` address); the
affected purposes are those of the datasets where something changed. The ledger's once-only
claim makes a rerun send nothing twice, and records who was told and when.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gdpr.datamap.models import DataMap
from gdpr.ledger import Ledger

CHANNEL = "email"


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
