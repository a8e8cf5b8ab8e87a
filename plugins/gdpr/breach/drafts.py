"""Drafts the DPO completes and sends: the Art. 33(3) notification to the supervisory authority
and, when the risk is high, the Art. 34 communication to the subjects in plain French and English.

Both are built from the ledger's record of the breach, the counts of the scope, and the data
map (controller, DPO, authority, category names). Neither holds an identity: the communication is
a letter template; the list of people to send it to is the encrypted file in the delivery bucket.

An Art. 34(3) exemption on the record changes what is drafted (``communication``): under (a) or
(b) no communication at all, under (c) a public notice instead of the letter; the notification
to the authority states the exemption and its justification either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from gdpr.breach.exemptions import exemption
from gdpr.datamap.models import DataMap
from gdpr.deadlines.calendar import breach_due_at
from gdpr.ledger.clock import as_utc
from gdpr.ledger.records import BreachRecord
from gdpr.reports.render import render_template

LETTER = "letter"  # Art. 34(1): to each person concerned
PUBLIC = "public"  # Art. 34(3)(c): a public communication instead


def communication(breach: BreachRecord) -> str | None:
    """How the subjects are to be told: ``LETTER``, ``PUBLIC``, or None (the risk is not high,
    or an Art. 34(3)(a)/(b) exemption lifts the communication)."""
    if not breach.high_risk:
        return None
    exempt = exemption(breach.communication_exemption)
    if exempt is None:
        return LETTER
    return PUBLIC if exempt.public_notice else None


def _common(datamap: DataMap, breach: BreachRecord, scope: Mapping[str, Any]) -> dict[str, Any]:
    zone = ZoneInfo(datamap.organisation.timezone)

    def local(instant: datetime | None) -> str:
        return as_utc(instant).astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") if instant else ""

    return {
        "org": datamap.organisation,
        "breach": breach,
        "scope": scope,
        "aware_at": local(breach.aware_at),
        "due_at": local(breach_due_at(breach.aware_at)),
        "exemption": exemption(breach.communication_exemption),
        "communication": communication(breach),
        "datasets": [
            {
                "id": dataset_id,
                "records": scope.get("records_by_dataset", {}).get(dataset_id, 0),
                "subjects": scope.get("subjects_by_dataset", {}).get(dataset_id, 0),
                "description": datamap.dataset(dataset_id).dataset.description
                or datamap.dataset(dataset_id).system.description
                or "",
            }
            for dataset_id in breach.datasets
        ],
    }


def notification_draft(
    datamap: DataMap,
    breach: BreachRecord,
    scope: Mapping[str, Any],
    *,
    consequences: str,
    measures: str,
    generated_at: datetime,
) -> str:
    """The Art. 33(3) items (a) to (d), in French for the CNIL's online form, with the delay rule."""
    return render_template(
        "breach_notification.html.j2",
        **_common(datamap, breach, scope),
        consequences=consequences,
        measures=measures,
        late=as_utc(generated_at) > breach_due_at(breach.aware_at),
        generated_at=local_time(generated_at, datamap.organisation.timezone),
    )


def communication_draft(
    datamap: DataMap,
    breach: BreachRecord,
    scope: Mapping[str, Any],
    *,
    consequences: str,
    measures: str,
) -> str:
    """The Art. 34(2) letter: plain words, what happened, the likely consequences, what was done
    and what the person can do, and who to contact; French then English. Under Art. 34(3)(c)
    the same words addressed to the public, to publish instead of writing to each person."""
    return render_template(
        "breach_communication.html.j2",
        **_common(datamap, breach, scope),
        consequences=consequences,
        measures=measures,
    )


def local_time(instant: datetime, timezone: str) -> str:
    return as_utc(instant).astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M %Z")
