"""Play the approver of a DAG's human-in-the-loop task, through Airflow's own HITL code.

Once the approval task waits for input, ``respond`` answers it with the function the REST API
(and so the Required actions UI) calls; ``let_it_time_out`` waits for its timeout and runs the
scheduler's own timeout sweep.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

APPROVAL_TASK = "approve"


class Approver:
    """What the API hands the HITL route as the logged-in user (by default the DPO)."""

    def __init__(self, user_id: str = "dpo", name: str = "Claire (DPO)") -> None:
        self.user_id, self.name = user_id, name

    def get_id(self) -> str:
        return self.user_id

    def get_name(self) -> str:
        return self.name


def awaiting_approval(dag_id: str, deadline: float):
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session
    from airflow.utils.state import TaskInstanceState

    # The task reads as awaiting input a moment before the worker's park has committed: on the
    # tests' SQLite metadata database (no row locks) a response in between is recorded, then its
    # resume is overwritten by the park and the run waits forever. So the same task must read as
    # awaiting on two polls in a row.
    seen = None
    while time.monotonic() < deadline:
        with create_session() as session:
            ti = session.scalars(
                sa.select(TaskInstance).where(
                    TaskInstance.dag_id == dag_id,
                    TaskInstance.task_id == APPROVAL_TASK,
                    TaskInstance.state == TaskInstanceState.AWAITING_INPUT,
                )
            ).first()
            if ti is not None and ti.id == seen:
                return ti.run_id, ti.trigger_timeout
            seen = None if ti is None else ti.id
        time.sleep(0.5)
    raise TimeoutError("the approval task never waited for input")


def respond(dag_id: str, option: str, user: Approver | None = None) -> None:
    """Answer as ``user`` (the DPO by default), as the REST API would for that user."""
    from airflow.api_fastapi.core_api.datamodels.hitl import UpdateHITLDetailPayload
    from airflow.api_fastapi.core_api.routes.public.hitl import update_hitl_detail
    from airflow.utils.session import create_session

    run_id, _ = awaiting_approval(dag_id, time.monotonic() + 300)
    with create_session() as session:
        update_hitl_detail(
            dag_id=dag_id,
            dag_run_id=run_id,
            task_id=APPROVAL_TASK,
            update_hitl_detail_payload=UpdateHITLDetailPayload(
                chosen_options=[option], params_input={}
            ),
            user=user or Approver(),
            session=session,
            map_index=-1,
        )


def let_it_time_out(dag_id: str) -> None:
    from airflow.jobs.scheduler_job_runner import SchedulerJobRunner
    from airflow.utils.session import create_session

    _, timeout_at = awaiting_approval(dag_id, time.monotonic() + 300)
    while datetime.now(UTC) <= timeout_at:
        time.sleep(0.5)

    class Sweeper:  # the scheduler's sweep only needs a logger from its runner
        log = logging.getLogger("sweep")

    with create_session() as session:
        SchedulerJobRunner.check_awaiting_input_timeouts(Sweeper(), session=session)


@pytest.fixture
def approver():
    """``approver(dag_id, option)`` answers the next approval from a thread: Approve, Reject, or
    None to let it time out."""
    threads = []

    def start(dag_id: str, option: str | None):
        target = (
            (lambda: let_it_time_out(dag_id))
            if option is None
            else (lambda: respond(dag_id, option))
        )
        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        threads.append(thread)

    yield start
    for thread in threads:
        thread.join(timeout=60)
