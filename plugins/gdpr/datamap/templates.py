"""S3 key templates such as ``scans/{account_id}/{document_id}.pdf``.

A template says where a subject's objects live once the placeholders are bound from the
records they belong to. Listing is done by the longest literal prefix we can build, so a
lookup costs one paginated LIST per parent record rather than a scan of the bucket.

Free segments stand for the parts of a key no record lists (a claim's photos
``claims/{claim_id}/photos/{*}.jpg``): ``{*}`` matches any text within one segment, and a
named one, ``{*kind}``, also hands its text to the rows as the field ``kind``. They come after
the placeholders, so the prefix the parent's values bind still narrows every listing
(``misplaced_wildcards`` names those that do not).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property


class TemplateError(ValueError):
    pass


WILDCARD = "*"


@dataclass(frozen=True)
class KeyTemplate:
    text: str

    @cached_property
    def _parts(self) -> list[tuple[str, str | None]]:
        """(literal text, the field after it: a name, ``*`` or ``*name`` for a free segment)."""
        try:
            parsed = list(string.Formatter().parse(self.text))
        except ValueError as exc:
            raise TemplateError(f"malformed key template {self.text!r}: {exc}") from exc
        parts = []
        for literal, name, spec, conversion in parsed:
            bare = name.removeprefix(WILDCARD) if name else name
            if name is not None and (
                not name or spec or conversion or not (bare == "" or bare.isidentifier())
            ):
                raise TemplateError(
                    f"placeholder {{{name}}} in {self.text!r} must be a plain {{field}} name, "
                    "or a free segment {*} / {*name}"
                )
            parts.append((literal, name))
        return parts

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The fields the records an object belongs to bind (free segments left out)."""
        return tuple(n for _, n in self._parts if n is not None and not n.startswith(WILDCARD))

    @property
    def wildcards(self) -> tuple[str, ...]:
        """The named free segments (``{*kind}`` gives ``kind``), fields of the rows found."""
        return tuple(
            n[1:] for _, n in self._parts if n is not None and n.startswith(WILDCARD) and n[1:]
        )

    @property
    def has_wildcards(self) -> bool:
        return any(n is not None and n.startswith(WILDCARD) for _, n in self._parts)

    def misplaced_wildcards(self) -> list[str]:
        """Free segments in the wrong place, each with why: before the first placeholder (the
        parent's values would not narrow the listing: every object would be every record's),
        or touching another field with no literal text between (where one ends is unknown)."""
        wrong: list[str] = []
        previous: str | None = None
        for index, (literal, name) in enumerate(self._parts):
            if name is None:
                continue
            if name.startswith(WILDCARD):
                if not any(n and not n.startswith(WILDCARD) for _, n in self._parts[:index]):
                    wrong.append(f"{{{name}}} comes before every placeholder")
                elif previous is not None and not literal:
                    wrong.append(f"{{{name}}} directly follows {{{previous}}}")
            elif previous is not None and previous.startswith(WILDCARD) and not literal:
                wrong.append(f"{{{previous}}} is directly followed by {{{name}}}")
            previous = name
        return wrong

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(
            f"^{''.join(re.escape(lit) + _group(name) for lit, name in self._parts)}$"
        )

    def prefix(self, bindings: Mapping[str, object]) -> str:
        """The literal key prefix up to the first placeholder that ``bindings`` does not bind
        (a free segment is never bound)."""
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


def _group(name: str | None) -> str:
    """The regular expression of one field: a named group, or an unnamed one for ``{*}``."""
    if name is None:
        return ""
    bare = name.removeprefix(WILDCARD)
    return f"(?P<{bare}>[^/]+)" if bare else "[^/]+"


def _segment(name: str, value: object) -> str:
    # the key codec's text (a UUID, an integral decimal...); imported here because the
    # connectors package imports this module
    from gdpr.connectors.keys import key_text

    text = key_text(value)
    if "/" in text or not text:
        raise TemplateError(f"value bound to {{{name}}} cannot be empty or contain '/'")
    return text
