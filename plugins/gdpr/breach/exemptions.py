"""The Art. 34(3) exemptions from communicating a high-risk breach to each person concerned.

Art. 34(1) requires the letter to the subjects when the risk is high, unless (a) the data was
made unintelligible to anyone not authorised (encryption), (b) later measures mean the high risk
is no longer likely to materialise, or (c) reaching each person would take disproportionate
effort, in which case a public communication informs them as effectively instead. The DPO
chooses one with its justification; the record, the drafts and the evidence say which and why.

Only names and words live here (no I/O): the trigger form reads ``EXEMPTIONS`` at parse time.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Exemption:
    name: str
    citation: str
    label: str  # English, for the form, the logs and the evidence
    label_fr: str  # for the draft to the CNIL
    public_notice: bool  # (c): a public communication replaces the letters


NO_EXEMPTION = "none"  # the form's choice for "write to each person"

EXEMPTIONS: dict[str, Exemption] = {
    e.name: e
    for e in (
        Exemption(
            "unintelligible",
            "Art. 34(3)(a) GDPR",
            "data unintelligible to anyone not authorised (e.g. encrypted)",
            "données rendues incompréhensibles pour toute personne non autorisée (chiffrement)",
            public_notice=False,
        ),
        Exemption(
            "risk_no_longer_likely",
            "Art. 34(3)(b) GDPR",
            "later measures make the high risk no longer likely to materialise",
            "mesures ultérieures : le risque élevé n'est plus susceptible de se matérialiser",
            public_notice=False,
        ),
        Exemption(
            "disproportionate_effort",
            "Art. 34(3)(c) GDPR",
            "individual communication would take disproportionate effort: public communication "
            "instead",
            "communication individuelle exigeant des efforts disproportionnés : communication "
            "publique à la place",
            public_notice=True,
        ),
    )
}


def exemption(name: str | None) -> Exemption | None:
    """The exemption called ``name``; None for none. An unknown name is a ``ValueError``."""
    if not name or name == NO_EXEMPTION:
        return None
    try:
        return EXEMPTIONS[name]
    except KeyError:
        raise ValueError(
            f"unknown Art. 34(3) exemption {name!r}: choose one of {', '.join(EXEMPTIONS)}"
        ) from None
