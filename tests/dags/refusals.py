"""What a refused task leaves in a run: its one sentence in the log, no traceback, one try."""

from __future__ import annotations

from tests.dags.conftest import task_states


class RunLog:
    """What the run's tasks log from now on (dag.test() logs to the test's output and loggers).
    Made before the run: what the fixtures printed while setting up is left out."""

    def __init__(self, capfd, caplog) -> None:
        self.capfd, self.caplog = capfd, caplog
        capfd.readouterr()
        caplog.clear()

    def text(self) -> str:
        captured = self.capfd.readouterr()
        return captured.out + captured.err + self.caplog.text


def assert_refused(dag_run, task_id: str, logs: str, sentence: str) -> None:
    """``task_id`` failed on its first try, saying ``sentence`` after "refused: ", and no task
    of the run printed a traceback."""
    assert task_states(dag_run)[(task_id, -1)] == "failed", task_states(dag_run)
    tries = {ti.task_id: ti.try_number for ti in dag_run.get_task_instances()}
    assert tries[task_id] == 1, "a refusal is not retried"
    assert f"refused: {sentence}" in logs, "the refusal's sentence is in the task log"
    assert "Traceback" not in logs, "a refusal prints no traceback"
    assert "Task failed with exception" not in logs, "a refusal is one line"
