"""The grounds for erasure of Art. 17(1) GDPR, light enough to build a trigger form at parse time."""

# Art. 17(1) grounds: the value stored in the ledger, and how a person reads it.
GROUNDS: dict[str, str] = {
    "a": "(a) no longer necessary for the purposes they were collected for",
    "b": "(b) consent withdrawn and no other legal ground",
    "c": "(c) objection (Art. 21) and no overriding legitimate grounds",
    "d": "(d) unlawfully processed",
    "e": "(e) erasure required by a legal obligation",
    "f": "(f) collected for information society services offered to a child (Art. 8(1))",
}
