"""The email form shared by requests, holds and subject look-ups."""

from __future__ import annotations

import pytest

from gdpr.ledger.identity import normalise_email


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("jean.dupont@example.fr", "jean.dupont@example.fr"),
        ("  Jean.Dupont@Example.FR \n", "jean.dupont@example.fr"),
        ("\u00a0marie@example.com\u00a0", "marie@example.com"),  # pasted non-breaking spaces
        ("first.last+orders@mail.example.co.uk", "first.last+orders@mail.example.co.uk"),
        ("o'neil@example.ie", "o'neil@example.ie"),
        ("x_y-z@sub-domain.example.org", "x_y-z@sub-domain.example.org"),
        ("Zoé@Example.fr", "zoé@example.fr"),
        ("zoe\u0301@example.fr", "zoé@example.fr"),  # decomposed accent, same person
        ("contact@café.fr", "contact@café.fr"),
        ("1234@example.travel", "1234@example.travel"),
        ("иван@пример.рф", "иван@пример.рф"),  # one alphabet per part: a real address
    ],
)
def test_valid_addresses_are_stored_in_one_form(raw: str, stored: str) -> None:
    assert normalise_email(raw) == stored


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("jean dupont@example.fr", "space"),
        ("jean.dupont.example.fr", "exactly one @"),
        ("jean@dupont@example.fr", "exactly one @"),
        ("@example.fr", "nothing before the @"),
        ("jean@example", "domain with a dot"),
        ("jean@", "domain with a dot"),
        ("jean@example.", "not valid"),
        ("jean@.example.fr", "not valid"),
        ("jean@example..fr", "not valid"),
        ("jean@-example.fr", "not valid"),
        ("jean@example-.fr", "not valid"),
        ("jean@example_corp.fr", "not valid"),
        ("jean@example.f", "not valid"),
        ("jean@example.123", "not valid"),
        ("Jean Dupont <jean@example.fr>", "space"),
        ("<jean@example.fr>", "not valid"),
        ("jean@example.fr;marie@example.fr", "exactly one @"),
        ("a" * 65 + "@example.fr", "too long"),
        ("jean@" + "a" * 250 + ".fr", "too long"),
        ("camille.dur\u0430nd@example.fr", "different alphabets"),  # Cyrillic "а" among Latin
        ("camille.durand@ex\u0430mple.fr", "different alphabets"),  # in the domain
        ("jean@exampl\u03b5.fr", "different alphabets"),  # Greek epsilon
    ],
)
def test_malformed_addresses_are_refused_with_a_plain_reason(raw: str, says: str) -> None:
    with pytest.raises(ValueError, match=says) as caught:
        normalise_email(raw)
    # The message ends up in logs and UI banners: it must not repeat the address.
    if raw.strip():
        assert raw.strip() not in str(caught.value)


def test_non_text_is_refused_as_a_value_error() -> None:
    with pytest.raises(ValueError, match="must be text"):
        normalise_email(None)  # type: ignore[arg-type]
