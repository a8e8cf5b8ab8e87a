"""The demo's approver: answers a waiting human-in-the-loop task through Airflow's own HITL code.

`make demo` starts this in the background next to `airflow dags test gdpr_subject_erasure`. It
waits until the run's approval task waits for input (state ``awaiting_input``, a HITL detail
row without a response), then responds with the function the HITL REST API route (and so the
UI's Required actions page) calls, as a named user. Nothing is approved that was not waiting
after this helper started, so an older waiting run of an earlier demo is left alone.

    python scripts/demo_approve.py gdpr_subject_erasure approve Approve --timeout 600

A form's fields are given with ``--param name=value``; ``--first "command"`` runs a command
once the task waits and before answering (the demo runs the deadline watch while a breach
waits for its notification), and fails the approver if the command fails.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from datetime import UTC, datetime


class DemoApprover:
    """The logged-in user the HITL route expects (what the auth manager would hand it)."""

    def get_id(self) -> str:
        return "dpo"  # one of GDPR_APPROVERS in the embedded default

    def get_name(self) -> str:
        return "Demo DPO (make demo)"


def waiting_run(dag_id: str, task_id: str, since: datetime) -> tuple[str, list[str]] | None:
    """The run id of the newest approval of ``task_id`` waiting for an answer since ``since``,
    and the names of its form's fields."""
    import sqlalchemy as sa
    from airflow.models.hitl import HITLDetail
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session
    from airflow.utils.state import TaskInstanceState

    with create_session() as session:
        row = session.execute(
            sa.select(TaskInstance.run_id, HITLDetail.params)
            .join(HITLDetail, HITLDetail.ti_id == TaskInstance.id)
            .where(
                TaskInstance.dag_id == dag_id,
                TaskInstance.task_id == task_id,
                TaskInstance.state == TaskInstanceState.AWAITING_INPUT,
                HITLDetail.responded_at.is_(None),
                HITLDetail.created_at >= since,
            )
            .order_by(HITLDetail.created_at.desc())
        ).first()
    return (row[0], list(row[1] or {})) if row else None


def respond(
    dag_id: str, run_id: str, task_id: str, option: str, params: dict | None = None
) -> None:
    from airflow.api_fastapi.app import create_auth_manager
    from airflow.api_fastapi.core_api.datamodels.hitl import UpdateHITLDetailPayload
    from airflow.api_fastapi.core_api.routes.public.hitl import update_hitl_detail
    from airflow.utils.session import create_session

    create_auth_manager()  # checks the answering user is one the approval is assigned to
    with create_session() as session:
        update_hitl_detail(
            dag_id=dag_id,
            dag_run_id=run_id,
            task_id=task_id,
            update_hitl_detail_payload=UpdateHITLDetailPayload(
                chosen_options=[option], params_input=params or {}
            ),
            user=DemoApprover(),
            session=session,
            map_index=-1,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dag_id")
    parser.add_argument("task_id")
    parser.add_argument("option", help="the option to choose, e.g. Approve or Reject")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait")
    parser.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="a form field"
    )
    parser.add_argument("--first", help="a shell command to run before answering")
    args = parser.parse_args(argv)
    params = dict(item.split("=", 1) for item in args.param)
    since = datetime.now(UTC)
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        waiting = waiting_run(args.dag_id, args.task_id, since)
        if waiting:
            run_id, fields = waiting
            # Airflow wants all the form's fields or none: those not given are left empty.
            answers = {name: params.get(name) for name in fields} if params else {}
            if args.first and subprocess.run(args.first, shell=True, check=False).returncode:
                print(f"{args.first!r} failed; {args.task_id} left unanswered", file=sys.stderr)
                return 1
            respond(args.dag_id, run_id, args.task_id, args.option, answers)
            print(f"{args.dag_id} {run_id}: {args.task_id} answered {args.option!r} as demo-dpo")
            return 0
        time.sleep(1.0)
    print(f"{args.dag_id}: no {args.task_id} task waited for input", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
