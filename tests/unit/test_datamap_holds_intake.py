"""The validator on the declared holds and the intake status mapping (the telecom organisation's
map has both): each mistake is refused with the file, the line and what would be valid."""

from __future__ import annotations

import pytest

from examples.telecom import DATAMAP
from gdpr.datamap import DataMapError, parse_datamap

TEXT = DATAMAP.read_text(encoding="utf-8")
HOLD_WHERE = '{field: motif, op: "=", value: litige}'


def refusal(old: str, new: str, at: str) -> str:
    assert TEXT.count(old) == 1, old
    text = TEXT.replace(old, new)
    with pytest.raises(DataMapError) as refused:
        parse_datamap(text, source="telecom.yaml")
    line = text[: text.index(at)].count("\n") + 1
    message = str(refused.value)
    assert f"telecom.yaml:{line}:" in message, message
    return message


def test_the_shipped_map_declares_a_hold_and_a_status_mapping():
    datamap = parse_datamap(TEXT, source="telecom.yaml")
    (rule,) = datamap.holds.rules
    assert rule.dataset == "service_client.reclamations"
    assert datamap.intake.statuses.meaning("cloturee") == "closed"
    assert datamap.intake.statuses.meaning("archivee") is None


@pytest.mark.parametrize(
    ("old", "new", "at", "expected"),
    [
        (
            HOLD_WHERE,
            '{field: motiv, op: "=", value: litige}',
            "{field: motiv",
            "unknown field of service_client.reclamations 'motiv'. Did you mean 'motif'?",
        ),
        (
            HOLD_WHERE,
            '{field: motif, op: ">", value: true}',
            "value: true}",
            "type mismatch: `>` cannot compare with a boolean",
        ),
        (
            "      dataset: service_client.reclamations\n      where:",
            "      dataset: documents_contrats.pieces\n      where:",
            "documents_contrats.pieces\n      where:",
            "documents_contrats.pieces is a s3 dataset",
        ),
        (
            "  status_field: statut\n",
            "  status_field: etat\n",
            "etat",
            "unknown field of service_client.reclamations 'etat'",
        ),
        (
            "    refused: [rejetee]\n",
            "    refused: [rejetee, cloturee]\n",
            "    open: [ouverte",
            "state 'cloturee' is listed twice",
        ),
        (
            "  closed: history\n",
            "  closed: archive\n",
            "archive",
            "'history' or 'skip'",
        ),
    ],
    ids=[
        "hold-unknown-field",
        "hold-type-mismatch",
        "hold-on-objects",
        "status-field",
        "state-twice",
        "closed-setting",
    ],
)
def test_mistakes_are_refused_with_their_line(old, new, at, expected):
    assert expected in refusal(old, new, at)


def test_a_status_field_needs_its_statuses():
    text = TEXT.replace("  statuses:\n    open: [ouverte, en_cours]\n    closed: [cloturee]\n"
                        "    refused: [rejetee]\n", "")  # fmt: skip
    with pytest.raises(DataMapError, match="`status_field` and `statuses` go together"):
        parse_datamap(text, source="telecom.yaml")
