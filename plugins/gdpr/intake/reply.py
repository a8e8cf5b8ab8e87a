"""The acknowledgement written back on the incoming record: the request reference and due date.

Art. 12(3) obliges the controller to act within a month; telling the person when that month ends
is the cheapest way to avoid a complaint. The text carries no personal data, only the ledger
reference, the kind of right and the date, in French and English.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from gdpr.ledger.clock import as_utc

_KIND_FR = {
    "access": "d'accès (article 15)",
    "portability": "de portabilité (article 20)",
    "erasure": "d'effacement (article 17)",
    "rectification": "de rectification (article 16)",
    "objection": "d'opposition (article 21)",
    "restriction": "de limitation (article 18)",
}
_KIND_EN = {
    "access": "access (Article 15)",
    "portability": "portability (Article 20)",
    "erasure": "erasure (Article 17)",
    "rectification": "rectification (Article 16)",
    "objection": "objection (Article 21)",
    "restriction": "restriction (Article 18)",
}


def acknowledgement(request_id: str, kind: str, due_at: datetime, timezone: str) -> str:
    local = as_utc(due_at).astimezone(ZoneInfo(timezone))
    return (
        f"Bonjour, votre demande {_KIND_FR[kind]} au titre du RGPD est enregistrée sous la "
        f"référence {request_id}. Nous y répondrons au plus tard le {local:%d/%m/%Y} (un mois, article 12(3)). "
        f"/ Hello, your GDPR {_KIND_EN[kind]} request is recorded under reference {request_id}. "
        f"We will answer by {local:%Y-%m-%d} at the latest (one month, Article 12(3))."
    )
