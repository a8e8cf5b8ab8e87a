"""What a refused task leaves in a run: its one sentence in the log, no traceback, one try."""

from __future__ import annotations

import logging
import sys

from tests.dags.conftest import task_states


class RunLog:
    """What the run's tasks log from now on (dag.test() logs to the test's output and loggers).
    Made before the run: what the fixtures printed while setting up is left out."""

    def __init__(self, capfd, caplog) -> None:
        self.capfd, self.caplog = capfd, caplog
        _reopen_stale_handlers()
        capfd.readouterr()
        caplog.clear()

    def text(self) -> str:
        captured = self.capfd.readouterr()
        return captured.out + captured.err + self.caplog.text


def _reopen_stale_handlers() -> None:
    """Point log handlers left on a closed stream at the current one. A handler an earlier
    test's run set up on the stream pytest captured then fails on every record, and logging
    prints that failure with a traceback ("--- Logging error ---"): a traceback of the test
    harness, not of the refusal, that would otherwise depend on which tests ran before."""
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        for handler in getattr(logger, "handlers", ()):
            stream = getattr(handler, "stream", None)
            if isinstance(handler, logging.StreamHandler) and getattr(stream, "closed", False):
                handler.stream = sys.stderr  # not setStream(): it flushes the closed one


def assert_refused(dag_run, task_id: str, logs: str, sentence: str) -> None:
    """``task_id`` failed on its first try, saying ``sentence`` after "refused: ", and no task
    of the run printed a traceback."""
    assert task_states(dag_run)[(task_id, -1)] == "failed", task_states(dag_run)
    tries = {ti.task_id: ti.try_number for ti in dag_run.get_task_instances()}
    assert tries[task_id] == 1, "a refusal is not retried"
    assert f"refused: {sentence}" in logs, "the refusal's sentence is in the task log"
    assert "Traceback" not in logs, "a refusal prints no traceback"
    assert "Task failed with exception" not in logs, "a refusal is one line"
