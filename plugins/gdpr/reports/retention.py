"""The retention run report: the day it cut as of; per rule, the rule in words, what expired,
what was kept and why (a hold names its rule), what changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from gdpr.datamap.models import DataMap
from gdpr.reports.render import render_template
from gdpr.retention.describe import describe_rule


def render_retention_report(
    datamap: DataMap,
    outcomes: Sequence[dict],
    failed: Sequence[str],
    *,
    dry_run: bool,
    generated_at: datetime,
    run_id: str,
) -> str:
    rules = {rule.id: rule for rule in datamap.retention}
    return render_template(
        "retention.html.j2",
        org=datamap.organisation,
        outcomes=outcomes,
        rules=rules,
        words={rule.id: describe_rule(datamap, rule) for rule in datamap.retention},
        # the day the run cut as of (a preview's chosen date): one, unless rules disagree
        as_of=sorted({o["as_of"] for o in outcomes if o.get("as_of")}),
        failed=failed,
        dry_run=dry_run,
        generated_at=generated_at,
        run_id=run_id,
        total=sum(
            d["count"]
            for o in outcomes
            for d in [*o["datasets"].values(), *o.get("shared", {}).values()]
        ),
    )
