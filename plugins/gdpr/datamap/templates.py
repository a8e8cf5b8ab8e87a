"""S3 key templates such as ``scans/{account_id}/{document_id}.pdf``.

A template says where a subject's objects live once the placeholders are bound from the
records they belong to. Listing is done by the longest literal prefix we can build, so a
lookup costs one paginated LIST per parent record rather than a scan of the bucket.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property


class TemplateError(ValueError):
    pass


@dataclass(frozen=True)
class KeyTemplate:
    text: str

    @cached_property
    def _parts(self) -> list[tuple[str, str | None]]:
        try:
            parsed = list(string.Formatter().parse(self.text))
        except ValueError as exc:
            raise TemplateError(f"malformed key template {self.text!r}: {exc}") from exc
        parts = []
        for literal, name, spec, conversion in parsed:
            if name is not None and (not name or spec or conversion or not name.isidentifier()):
                raise TemplateError(
                    f"placeholder {{{name}}} in {self.text!r} must be a plain {{field}} name"
                )
            parts.append((literal, name))
        return parts

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(name for _, name in self._parts if name is not None)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        body = "".join(
            re.escape(literal) + (f"(?P<{name}>[^/]+)" if name else "")
            for literal, name in self._parts
        )
        return re.compile(f"^{body}$")

    def prefix(self, bindings: Mapping[str, object]) -> str:
        """The literal key prefix up to the first placeholder that ``bindings`` does not bind."""
        out = []
        for literal, name in self._parts:
            out.append(literal)
            if name is None:
                continue
            if name not in bindings:
                break
            out.append(_segment(name, bindings[name]))
        return "".join(out)

    def parse(self, key: str) -> dict[str, str] | None:
        match = self.pattern.match(key)
        return match.groupdict() if match else None


def _segment(name: str, value: object) -> str:
    # the key codec's text (a UUID, an integral decimal...); imported here because the
    # connectors package imports this module
    from gdpr.connectors.keys import key_text

    text = key_text(value)
    if "/" in text or not text:
        raise TemplateError(f"value bound to {{{name}}} cannot be empty or contain '/'")
    return text
