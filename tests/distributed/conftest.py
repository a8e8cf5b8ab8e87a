"""Fixtures of the distributed tests: the approver of a ``dag.test()`` run's approval."""

from tests.dags.hitl import approver  # noqa: F401  (the fixture)
