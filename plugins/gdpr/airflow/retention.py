"""Task bodies of ``gdpr_retention_purge``: choose the rules, split them into parts, purge each
part, report."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from gdpr.airflow.hooks import airflow_clients, ledger_for
from gdpr.airflow.refusal import refuse
from gdpr.connectors.factory import connectors_for
from gdpr.datamap import load_datamap
from gdpr.ledger import EvidenceInput
from gdpr.ledger.clock import utc_now
from gdpr.reports.retention import render_retention_report
from gdpr.reports.store import ReportStore
from gdpr.retention.anonymise import NotNullError
from gdpr.retention.pace import TRANSACTION_SECONDS
from gdpr.retention.partition import Part, deferred, merge_outcomes
from gdpr.retention.purge import SelectionError
from gdpr.retention.run import run_rule, split_rule

log = logging.getLogger(__name__)
ASSET_ALIAS = "gdpr_retention_purged"


def select_rules(requested: Sequence[str] | None) -> list[str]:
    """The rules to run: all of the map's, or the ones the form names (unknown ids are refused)."""
    datamap = load_datamap()
    known = [rule.id for rule in datamap.retention]
    wanted = [r.strip() for r in requested or [] if r and r.strip()]
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise refuse(
            f"unknown retention rule(s) {', '.join(unknown)}; the data map has: {', '.join(known)}"
        )
    chosen = [rule for rule in known if not wanted or rule in wanted]
    log.info("%d retention rules to run: %s", len(chosen), ", ".join(chosen))
    return chosen


def organisation_timezone() -> str:
    return load_datamap().organisation.timezone


def run_as_of(context: Mapping[str, Any]) -> datetime:
    """When a run cuts: its logical date (the end of its data interval), so a rerun or a
    backfill cuts where the scheduled run did; a manual run without one, its trigger time."""
    for moment in (
        context.get("data_interval_end"),
        getattr(context.get("dag_run"), "run_after", None),
    ):
        if moment is not None:
            return moment
    return utc_now()


def as_of(
    context: Mapping[str, Any], requested: str | None, *, dry_run: bool, timezone: str
) -> datetime:
    """The run's as-of instant, or noon of the ``requested`` date (``YYYY-MM-DD``, in the
    organisation's calendar) for a preview: "what will be purged on 1 January". A real purge
    never cuts at a date of the form's choosing."""
    if not requested:
        return run_as_of(context)
    if not dry_run:
        raise refuse(
            f"as_of {requested} is for previews: tick Dry run, or leave it empty to purge as of "
            "the run's logical date"
        )
    try:
        day = date.fromisoformat(str(requested))
    except ValueError:
        raise refuse(f"as_of {requested!r} is not a date (YYYY-MM-DD)") from None
    return datetime.combine(day, time(12), tzinfo=ZoneInfo(timezone))


def params_as_of(context: Mapping[str, Any], params: Mapping[str, Any]) -> datetime:
    """``as_of`` for the trigger form's ``as_of`` and ``dry_run``."""
    return as_of(
        context, params.get("as_of"), dry_run=params["dry_run"], timezone=organisation_timezone()
    )


def split_rules(
    rules: Sequence[str],
    parts: int,
    *,
    dry_run: bool,
    dag_id: str,
    run_id: str,
    now: datetime,
) -> list[dict[str, Any]]:
    """The tasks of the purge: each rule in ``parts`` parts where it can be split
    (``gdpr.retention.run.split_rule``, which settles an interrupted run's batches first), else
    whole. A rule that cannot be prepared (a system down) runs whole: its task reports why. A
    dry run previews each rule whole: its parts would each count what their final pass counts
    again, since nothing is changed between them."""
    if parts == 1 or dry_run:
        return [work(rule, Part()) for rule in rules]
    datamap = load_datamap()
    clients = airflow_clients()
    tasks: list[dict[str, Any]] = []
    try:
        ledger = ledger_for(datamap)
        run_pk = ledger.start_run(dag_id, run_id, kind="retention")
        connectors = connectors_for(datamap, clients)
        for rule in rules:
            try:
                count = split_rule(
                    datamap,
                    rule,
                    connectors,
                    ledger,
                    now=now,
                    parts=parts,
                    dry_run=dry_run,
                    run_pk=run_pk,
                )
            except Exception as exc:  # the rule's own task fails, saying why
                log.warning(
                    "rule %s runs whole: it could not be split (%s)", rule, type(exc).__name__
                )
                count = 1
            tasks += [work(rule, Part(index, count)) for index in range(count)]
    finally:
        clients.dispose()
    return tasks


def work(rule: str, part: Part) -> dict[str, Any]:
    """One task of the purge, as XCom carries it to ``purge_rule``: no key, no record."""
    return {"rule_id": rule, "part": part.index, "parts": part.count}


def final_passes(
    tasks: Sequence[dict] | None,
    outcomes: Sequence[dict] | None,
    *,
    dag_id: str,
    run_id: str,
    batch_size: int,
    transaction_seconds: float,
    now: datetime,
) -> list[dict]:
    """The final pass of each split rule whose parts all succeeded and left records to it
    (``gdpr.retention.partition.deferred``): the rule run whole, deciding what the parts left
    as one task would. A rule with a failed part gets none: the rule failed, and the next run
    settles and purges what is left."""
    by_rule = _by_rule(outcomes)
    wanted = [
        rule
        for rule, count in {t["rule_id"]: t["parts"] for t in tasks or []}.items()
        if count > 1
        and len(by_rule.get(rule, ())) == count
        and any(deferred(o) for o in by_rule[rule])
    ]
    for rule in wanted:
        log.info("rule %s: final pass over what its parts left", rule)
    return [
        {
            **purge_rule(
                rule,
                dry_run=False,
                dag_id=dag_id,
                run_id=run_id,
                batch_size=batch_size,
                transaction_seconds=transaction_seconds,
                now=now,
            ),
            "final": True,
        }
        for rule in wanted
    ]


def emit_purged(outcome: Mapping[str, Any], outlet_events: Any) -> None:
    """An asset event (``gdpr://<system>/<dataset>``) through the alias for each dataset the
    outcome changed records of."""
    from airflow.sdk import Asset, AssetAlias

    for dataset, tally in outcome["datasets"].items():
        if tally["count"] and not outcome["dry_run"]:
            system, name = dataset.split(".", 1)
            outlet_events[AssetAlias(ASSET_ALIAS)].add(
                Asset(name=f"gdpr_{system}_{name}", uri=f"gdpr://{system}/{name}")
            )


def task_label(rule: str, part: int, parts: int) -> str:
    """The task's name in the grid: the rule, and its part when split."""
    return rule if parts == 1 else f"{rule} {Part(part, parts).label}"


def purge_rule(
    rule_id: str,
    *,
    dry_run: bool,
    dag_id: str,
    run_id: str,
    batch_size: int,
    transaction_seconds: float = TRANSACTION_SECONDS,
    now: datetime | None = None,
    part: Part | None = None,
) -> dict:
    """Apply one rule (or one ``part`` of it) as of ``now`` (the run's as-of instant; default:
    the product clock); returns counts only. Fails before any change if a system is
    unreachable."""
    datamap = load_datamap()
    clients = airflow_clients()
    try:
        ledger = ledger_for(datamap)
        run_pk = ledger.start_run(dag_id, run_id, kind="retention")
        outcome = run_rule(
            datamap,
            rule_id,
            connectors_for(datamap, clients),
            ledger,
            now=now or utc_now(),
            dry_run=dry_run,
            batch_size=batch_size,
            transaction_seconds=transaction_seconds,
            run_pk=run_pk,
            part=part,
        )
    except (SelectionError, NotNullError) as exc:  # the map or schema must change: no retry
        raise refuse(" ".join(str(exc).split())) from None
    finally:
        clients.dispose()
    return outcome.as_dict()


def report(
    tasks: Sequence[dict] | None,
    outcomes: Sequence[dict] | None,
    finals: Sequence[dict] | None,
    *,
    dry_run: bool,
    dag_id: str,
    run_id: str,
) -> dict:
    """The HTML report of the run (a preview in a dry run); fails the run if a rule failed.

    No tasks means select_rules refused the form (this task runs whatever happened before it):
    nothing ran and nothing is reported; the task fails (the run's outcome) in one line. A rule
    split into parts is reported once, with its final pass (``merge_outcomes``); if one of its
    parts failed, or the final pass it needed, the rule failed.
    """
    if tasks is None:
        raise refuse("nothing to report: no rule ran (select_rules refused the form, see its log)")
    rules = list(dict.fromkeys(t["rule_id"] for t in tasks))
    expected = {t["rule_id"]: t["parts"] for t in tasks}
    outcomes = list(outcomes or [])
    by_rule = _by_rule(outcomes)
    final = {o["rule"]: o for o in finals or []}
    done = {
        rule: parts[0] if len(parts) == 1 else merge_outcomes(parts, final.get(rule))
        for rule, parts in by_rule.items()
        if len(parts) == expected.get(rule)
        and (rule in final or not any(deferred(o) for o in parts))
    }
    failed = [r for r in rules if r not in done]
    datamap = load_datamap()
    ledger = ledger_for(datamap)
    run_pk = ledger.start_run(dag_id, run_id, kind="retention")
    html = render_retention_report(
        datamap,
        [done[r] for r in rules if r in done],
        failed,
        dry_run=dry_run,
        generated_at=utc_now(),
        run_id=run_id,
    )
    store = ReportStore(airflow_clients().s3(datamap.reports.conn_id), datamap.reports)
    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    stored = store.put(f"retention/{stamp}-{'preview' if dry_run else 'purge'}.html", html)
    ledger.record_evidence(
        EvidenceInput(
            action="retention.preview" if dry_run else "retention.report",
            count=len(done),
            keys_sha256=stored.sha256,
            detail={"report": stored.key, "failed_rules": failed},
            run_pk=run_pk,
        )
    )
    totals = {
        "rules": len(rules),
        "failed": len(failed),
        "records": sum(
            d["count"]
            for o in [*outcomes, *(finals or [])]
            for d in [*o["datasets"].values(), *o.get("shared", {}).values()]
        ),
    }
    ledger.finish_run(run_pk, "failed" if failed else "success", totals)
    log.info(
        "%s: %d rules, %d records %s; report %s",
        "preview" if dry_run else "purge",
        len(done),
        totals["records"],
        "would change" if dry_run else "changed",
        stored.uri,
    )
    log.info("open it (link valid 7 days): %s", store.link(stored))
    if failed:
        raise refuse(f"{len(failed)} rule(s) failed: {', '.join(failed)}; see their task logs")
    return {"report": stored.key, **totals}


def _by_rule(outcomes: Sequence[dict] | None) -> dict[str, list[dict]]:
    """The parts' outcomes of each rule (one for a rule run whole)."""
    by_rule: dict[str, list[dict]] = {}
    for outcome in outcomes or []:
        by_rule.setdefault(outcome["rule"], []).append(outcome)
    return by_rule
