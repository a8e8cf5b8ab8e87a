"""A breach in the ledger: its declaration, and the notification to the authority.

Every breach is documented, notified or not (Art. 33(5)); declaring it starts the 72-hour clock
of Art. 33(1), counted from the awareness time the DPO gives. Recording the notification stops
the clock. A notification recorded after the 72 hours is refused unless the reasons for the
delay are given, because the article requires them with a late notification. Notifications may
come in phases (Art. 33(4)): the first phase stops the clock, later ones add their references.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from gdpr.breach.exemptions import Exemption, exemption
from gdpr.datamap.models import DataMap
from gdpr.deadlines.calendar import breach_due_at
from gdpr.ledger import Ledger, RecordNotFoundError
from gdpr.ledger.clock import as_utc
from gdpr.ledger.records import BreachRecord

CLOCK_SKEW = timedelta(minutes=5)  # an awareness time "now" typed on a slow laptop is not future


class BreachInputError(ValueError):
    """A declaration or submission the ledger must not record; the message says what to fix."""


def declare_breach(
    ledger: Ledger,
    datamap: DataMap,
    *,
    title: str,
    aware_at: datetime,
    datasets: Sequence[str],
    categories: Sequence[str],
    description: str,
    high_risk: bool,
    now: datetime,
    communication_exemption: str | None = None,
    exemption_reason: str | None = None,
) -> BreachRecord:
    title, description = (title or "").strip(), (description or "").strip()
    exempt = _exemption(high_risk, communication_exemption, exemption_reason)
    if not title:
        raise BreachInputError("give the breach a title")
    if not description:
        raise BreachInputError("describe what happened (Art. 33(3)(a): the nature of the breach)")
    known = datamap.dataset_ids()
    unknown = sorted(set(datasets) - set(known))
    if unknown:
        raise BreachInputError(
            f"unknown dataset(s) {', '.join(unknown)}; the data map has {', '.join(known)}"
        )
    if not datasets:
        raise BreachInputError("name at least one affected dataset")
    aware_at = as_utc(aware_at)
    if aware_at > as_utc(now) + CLOCK_SKEW:
        raise BreachInputError(f"the awareness time {aware_at:%Y-%m-%d %H:%M} UTC is in the future")
    systems = list(dict.fromkeys(d.split(".", 1)[0] for d in datasets))
    return ledger.create_breach(
        title=title,
        aware_at=aware_at,
        description=description,
        systems=systems,
        datasets=list(dict.fromkeys(datasets)),
        categories=[c.strip() for c in categories if c and c.strip()],
        high_risk=bool(high_risk),
        communication_exemption=exempt.name if exempt else None,
        exemption_reason=(exemption_reason or "").strip() or None,
    )


def _exemption(high_risk: bool, name: str | None, reason: str | None) -> Exemption | None:
    """The Art. 34(3) exemption the DPO claims, checked: it only lifts the communication a high
    risk calls for, and it needs its justification (the record must say why)."""
    try:
        exempt = exemption((name or "").strip() or None)
    except ValueError as exc:
        raise BreachInputError(str(exc)) from None
    if exempt is None:
        if (reason or "").strip():
            raise BreachInputError(
                "a justification was given without an Art. 34(3) exemption: choose the exemption "
                "it justifies, or leave both empty"
            )
        return None
    if not high_risk:
        raise BreachInputError(
            f"the {exempt.citation} exemption only lifts the communication a high risk calls for "
            "(Art. 34(1)); tick high risk, or leave the exemption empty"
        )
    if not (reason or "").strip():
        raise BreachInputError(
            f"justify the {exempt.citation} exemption ({exempt.name}): the record must say why "
            "the subjects are not written to"
        )
    return exempt


def record_submission(
    ledger: Ledger,
    breach_id: str,
    *,
    reference: str,
    submitted_at: datetime,
    delay_reason: str | None,
    final: bool,
    now: datetime,
    subjects_notified_at: datetime | None = None,
) -> BreachRecord:
    breach = ledger.get_breach(breach_id)
    if breach is None:
        raise RecordNotFoundError(f"breach {breach_id} is not in the ledger")
    reference = (reference or "").strip()
    if not reference:
        raise BreachInputError("give the reference the authority returned for the notification")
    submitted_at = as_utc(submitted_at)
    if submitted_at > as_utc(now) + CLOCK_SKEW:
        raise BreachInputError(
            f"the submission time {submitted_at:%Y-%m-%d %H:%M} UTC is in the future"
        )
    if submitted_at < as_utc(breach.aware_at):
        raise BreachInputError("the submission time is before the breach was known")
    first = breach.authority_notified_at or submitted_at
    reason = (delay_reason or "").strip() or breach.delay_reason
    due = breach_due_at(breach.aware_at)
    if first > due and not reason:
        raise BreachInputError(
            f"the authority was notified after the 72 hours ended ({due:%Y-%m-%d %H:%M} UTC): "
            "Art. 33(1) requires the reasons for the delay; give them and record again"
        )
    references = [r for r in (breach.authority_reference or "").split("; ") if r]
    changes: dict = {
        "authority_notified_at": first,
        "authority_reference": "; ".join(dict.fromkeys([*references, reference])),
        "delay_reason": reason,
    }
    if subjects_notified_at is not None:
        changes["subjects_notified_at"] = as_utc(subjects_notified_at)
    if final:
        changes |= {
            "status": "closed",
            "closed_at": as_utc(now),
            "close_reason": f"notified to the supervisory authority ({reference})",
        }
    return ledger.update_breach(breach_id, **changes)
