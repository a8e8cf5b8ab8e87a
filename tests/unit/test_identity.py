"""The one identity normaliser: e-mail addresses, phone numbers, customer numbers."""

from __future__ import annotations

import pytest

from gdpr.datamap import parse_datamap
from gdpr.ledger.identity import (
    normalise_for,
    normalise_identity,
    normalise_phone,
    phone_tail,
    region_of,
    request_identity,
    stored_phone_matches,
)

FRENCH_MOBILE = "+33612345678"


def _map(organisation_extra: str = "", identities: str = "") -> object:
    return parse_datamap(
        f"""
version: 1
organisation:
  name: Mutuelle Exemple
  address: 1 place de la Bourse, Lyon
  dpo: {{name: D. P. O., email: dpo@mutuelle.example}}
  supervisory_authority: {{name: CNIL}}
{organisation_extra}
identities:
{
            identities
            or '''  - {name: courriel, kind: email}
  - {name: portable, kind: phone}'''
        }
reports: {{conn_id: s3, bucket: m-reports}}
delivery: {{conn_id: s3, bucket: m-delivery}}
purposes:
  - {{id: gestion, name: Gestion, description: Contrats, legal_basis: contract, data_subjects: [adherents]}}
systems:
  - name: mutuelle
    kind: sql
    conn_id: mutuelle_db
    datasets:
      - name: adherents
        primary_key: [adherent_id]
        identity: {{courriel: courriel, portable: portable}}
        subjects: adherents
        purposes: [gestion]
        fields:
          adherent_id: {{categories: [user.unique_id]}}
          courriel: {{categories: [user.contact.email]}}
          portable: {{categories: [user.contact.phone_number]}}
""",
        source="mutuelle.yaml",
    )


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("  Camille.Martin@Exemple.FR ", "camille.martin@exemple.fr"),
        ("zoe\u0301@example.fr", "zoé@example.fr"),
    ],
)
def test_emails_are_trimmed_and_lower_cased_as_before(raw, stored):
    assert normalise_identity("email", raw) == stored


@pytest.mark.parametrize(
    "raw",
    [
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "0033 6 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33 (0)6 12 34 56 78",
        "\u00a006 12 34 56 78 ",
    ],
)
def test_french_phones_in_every_spelling_are_one_number(raw):
    assert normalise_identity("phone", raw, "FR") == FRENCH_MOBILE
    assert stored_phone_matches(raw, FRENCH_MOBILE)


def test_an_international_number_needs_no_region():
    assert normalise_phone("+33 6 12 34 56 78") == FRENCH_MOBILE
    assert normalise_phone("+44 7911 123456", "FR") == "+447911123456"


@pytest.mark.parametrize(
    ("raw", "region", "says"),
    [
        ("", "FR", "the phone number is empty"),
        ("   ", "FR", "the phone number is empty"),
        ("06 12 34 56 7x", "FR", "the phone number contains letters"),
        ("06 12", "FR", "the phone number is not a valid number in FR"),
        ("+33 1", None, "the phone number is not valid"),
        ("06 12 34 56 78", None, "has no country code and the organisation's default region"),
    ],
)
def test_invalid_phones_are_refused_with_a_sentence_that_does_not_repeat_them(raw, region, says):
    with pytest.raises(ValueError, match=r"^the phone number") as caught:
        normalise_phone(raw, region)
    message = str(caught.value)
    assert says in message
    assert "\n" not in message
    if raw.strip():
        assert raw.strip() not in message


def test_stored_values_that_are_not_the_number_do_not_match():
    assert not stored_phone_matches("+34 612 34 56 78", FRENCH_MOBILE)  # same last nine digits
    assert not stored_phone_matches("06 12 34 56 79", FRENCH_MOBILE)
    assert not stored_phone_matches("n/a", FRENCH_MOBILE)
    assert not stored_phone_matches(None, FRENCH_MOBILE)
    assert phone_tail(FRENCH_MOBILE) == "612345678"
    assert phone_tail("+4512345678") == "12345678"  # a short national number: all of it


def test_customer_numbers_and_other_identifiers_are_trimmed():
    assert normalise_identity("customer_number", "  C-000042 ") == "C-000042"
    assert normalise_identity("other", "\tabc") == "abc"
    with pytest.raises(ValueError, match="the identifier is empty"):
        normalise_identity("customer_number", "  ")
    with pytest.raises(ValueError, match="unknown identity kind"):
        normalise_identity("fax", "1")


def test_the_region_comes_from_the_map():
    assert region_of(_map()) == "FR"  # the default time zone, Europe/Paris
    assert region_of(_map("  timezone: Europe/Brussels")) == "BE"
    assert region_of(_map("  timezone: Europe/Paris\n  default_region: be")) == "BE"
    assert region_of(_map("  timezone: UTC")) is None
    belgian = _map("  timezone: Europe/Brussels")
    assert normalise_for(belgian, "portable", "0470 12 34 56") == "+32470123456"


def test_identities_are_named_by_the_map():
    datamap = _map()
    assert normalise_for(datamap, "portable", "06 12 34 56 78") == FRENCH_MOBILE
    assert normalise_for(datamap, "courriel", " A@B.fr") == "a@b.fr"
    assert request_identity(datamap) == "courriel"
    with pytest.raises(ValueError, match="unknown identity 'email'; the data map declares"):
        normalise_for(datamap, "email", "a@b.fr")
    phones_only = _map(
        identities="  - {name: portable, kind: phone}\n  - {name: courriel, kind: other}"
    )
    with pytest.raises(ValueError, match="no identity of kind email"):
        request_identity(phones_only)


def test_a_bad_default_region_is_refused_by_the_map():
    from gdpr.datamap.errors import DataMapError

    with pytest.raises(DataMapError, match="default_region"):
        _map("  default_region: France")
