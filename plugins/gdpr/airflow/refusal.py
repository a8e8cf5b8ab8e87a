"""A refusal: a task stops on something it must not act on, with one sentence, no traceback.

Airflow logs an exception a task raises with its traceback ("Task failed with exception"),
twice when one exception wraps another, and a traceback is where a value typed in a form or
read from a system ends up. SystemExit is the one exception it logs as a single line ("Task
exited"). A refusal is therefore a SystemExit carrying its sentence: ``refuse`` logs the
sentence once, as an error, and the DAGs' retry policy (``gdpr.airflow.defaults``) fails the
task at once, since the same input would be refused again.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class Refusal(SystemExit):
    """What to correct, in one sentence that never repeats an identity."""

    def __init__(self, message: str) -> None:
        super().__init__(1)
        self.message = message

    def __str__(self) -> str:
        return self.message


def refuse(message: str) -> Refusal:
    """Log ``message`` as the task's one error line and return the exception to raise."""
    log.error("refused: %s", message)
    return Refusal(message)
