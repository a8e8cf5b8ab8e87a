"""The ledger checked against what sits outside it, one way for every place that shows it.

``gdpr ledger verify``, the register run and the DPO desk's evidence page all say whether the
chain is intact; a chain rewritten together with its head row verifies on its own, so each of
them also checks it against the heads published to the anchor bucket (``gdpr.ledger.anchor``)
and says whether the ledger's head is, or follows from, the last one published. The command
also reads every stored certificate (each a copy a subject got); the register and the desk,
which run often, read only the published heads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gdpr.ledger.anchor import Secret, anchor_for, identity_key, published_heads
from gdpr.ledger.chain import verify_chain
from gdpr.ledger.records import HeadClaim, VerifyReport

if TYPE_CHECKING:
    import sqlalchemy as sa

    from gdpr.datamap.models import DataMap

__all__ = ["Audit", "audit_ledger"]


@dataclass(frozen=True)
class Audit:
    """What verify found: the chain's own report, the claims it was checked against, and
    every problem (the chain's, then the published heads' own: unsigned, unlocked, hidden)."""

    report: VerifyReport
    claims: list[HeadClaim]
    problems: list[str]
    anchored: bool  # the data map names an anchor bucket

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def published(self) -> int:
        return sum(claim.published for claim in self.claims)

    @property
    def last_published(self) -> HeadClaim | None:
        heads = [claim for claim in self.claims if claim.published]
        return max(heads, key=lambda claim: claim.count) if heads else None

    def head_line(self) -> str:
        """One sentence: does the ledger's head match the last published head?"""
        last = self.last_published
        if not self.anchored:
            return (
                "the chain head is not published (no ledger.anchor in the data map): nothing "
                "outside the ledger vouches for it"
            )
        if last is None:
            return "no chain head has been published yet"
        if self.problems:
            return (
                f"the evidence chain is BROKEN ({len(self.problems)} problems), its head cannot "
                f"be trusted: {self.problems[0]}"
            )
        head = f"the ledger head (#{self.report.rows}, {(self.report.head or '')[:16]}…)"
        if last.count == self.report.rows:
            return f"{head} matches the last published head, {last.source}"
        return (
            f"{head} follows from the last published head #{last.count} "
            f"({self.report.rows - last.count} rows appended since, published when their task "
            f"ends), {last.source}"
        )


def audit_ledger(
    engine: sa.Engine,
    datamap: DataMap,
    s3: Callable[[str], Any],
    secret: Secret,
    *,
    certificates: bool = False,
    claims: Sequence[HeadClaim] = (),
) -> Audit:
    """Verify the chain against the heads published to the map's anchor bucket (and, with
    ``certificates``, every certificate in the reports location), with the map's identity key
    so a swapped subject is named too. ``s3(conn_id)`` gives an S3 client; ``secret(conn_id)``
    a connection's password (Airflow's connection in a task, ``AIRFLOW_CONN_*`` on the command
    line). ``claims``: more heads to check (certificate files given on the command line)."""
    found, problems = list(claims), []
    store = anchor_for(datamap, s3, secret)
    if store is not None:
        published = published_heads(store)
        found.extend(published.claims)
        problems.extend(published.problems)
        if certificates:
            from gdpr.erasure.certificate import stored_certificate_claims
            from gdpr.reports.store import ReportStore

            reports = ReportStore(s3(datamap.reports.conn_id), datamap.reports)
            found.extend(stored_certificate_claims(reports))
    report = verify_chain(engine, claims=found, identity_key=identity_key(datamap, secret))
    return Audit(
        report=report,
        claims=found,
        problems=report.problems + problems,
        anchored=store is not None,
    )
