"""What a package may contain: every field for access (Art. 15), the provided ones for portability (Art. 20).

Art. 20 covers only data the subject provided, processed by consent or contract: a field is in
scope when the data map marks it ``provided`` and one of its dataset's purposes rests on
Art. 6(1)(a) or (b). In a table where the subject and staff both write rows (a conversation), the
dataset's ``provided_when`` keeps only the subject's rows. Fields marked ``about_others`` (a
staff member's name on a record about the subject) are withheld from both kinds: the copy must not adversely affect the rights of
others (Art. 15(4), Art. 20(4)). Objects go into a portability package only when their dataset
is marked ``provided``. In a record shared by several parties (references with a ``role``), the
other parties' links and owned fields are withheld row by row, by the roles the subject reached
the record through (``gdpr.access.export``), in both kinds of package.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gdpr.datamap.models import DataMap, DatasetRef

Kind = Literal["access", "portability"]
KINDS: tuple[str, ...] = ("access", "portability")
PORTABLE_BASES = frozenset({"consent", "contract"})  # Art. 20(1)(a)


@dataclass(frozen=True)
class Withheld:
    """A field left out of a package, with the reason the schema and the cover give."""

    dataset: str
    field: str
    reason: Literal["about_others", "not_provided", "legal_basis", "other_party"]


@dataclass(frozen=True)
class Scope:
    datamap: DataMap
    kind: Kind

    def columns(self, ref: DatasetRef) -> list[str]:
        """The fields exported for a table dataset, in data-map order (empty: none)."""
        return [name for name, spec in ref.dataset.fields.items() if self._keeps(ref, name, spec)]

    def withheld(self, ref: DatasetRef) -> list[Withheld]:
        out = []
        for name, spec in ref.dataset.fields.items():
            if spec.about_others:
                out.append(Withheld(ref.id, name, "about_others"))
            elif self.kind == "portability" and not spec.provided:
                out.append(Withheld(ref.id, name, "not_provided"))
            elif self.kind == "portability" and not self.portable(ref):
                out.append(Withheld(ref.id, name, "legal_basis"))
        return out

    def row_filter(self, ref: DatasetRef) -> dict[str, object]:
        """Field values a row must have to be exported: the rows the subject provided (Art. 20)."""
        return dict(ref.dataset.provided_when) if self.kind == "portability" else {}

    def includes_objects(self, ref: DatasetRef) -> bool:
        if self.kind == "access":
            return True
        return ref.dataset.provided and self.portable(ref)

    def portable(self, ref: DatasetRef) -> bool:
        """Whether a purpose of the dataset rests on consent or contract."""
        return any(
            self.datamap.purpose(p).legal_basis in PORTABLE_BASES for p in ref.dataset.purposes
        )

    def _keeps(self, ref: DatasetRef, name: str, spec) -> bool:
        if spec.about_others:
            return False
        if self.kind == "access":
            return True
        return spec.provided and self.portable(ref)
