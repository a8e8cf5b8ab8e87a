"""Errors a data engineer can act on: which file, where, what is wrong, what would be valid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    line: int | None = None
    column: int | None = None

    def located(self, line: int | None, column: int | None) -> Problem:
        return Problem(self.path, self.message, line, column)

    def render(self, source: str) -> str:
        where = source
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {format_path(self.path) or '(document)'}: {self.message}"


class DataMapError(ValueError):
    """The data map is not valid; ``problems`` lists every problem found, in document order."""

    def __init__(self, source: str, problems: Sequence[Problem]):
        self.source = source
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
        count = len(self.problems)
        lines = [p.render(source) for p in self.problems]
        super().__init__(
            f"{source}: {count} problem{'s' * (count != 1)} in the data map\n" + "\n".join(lines)
        )


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
