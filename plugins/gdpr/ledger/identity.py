"""The one way the product writes a data subject's identity: an e-mail address, a phone
number, a customer number.

Requests, legal holds and subject look-ups across systems must agree on a single form of the
address, otherwise ``Jean.Dupont@Example.fr`` and ``jean.dupont@example.fr`` become two people
and an erasure or a hold silently misses one of them. The address is therefore stripped,
NFC-normalised (so an accented letter typed two ways compares equal) and lower-cased. Lower-casing
the local part is stricter than RFC 5321 allows, but every mainstream mailbox provider treats it
case-insensitively and a missed match is the worse failure for a data-protection tool.

A phone number is kept in E.164 (``+33612345678``) through the phonenumbers library, so
"06 12 34 56 78", "+33 6 12 34 56 78" and "0033612345678" are one person; a number written
without its country code is read in the organisation's country (``region_of``). A customer
number or another identifier is compared as written, without surrounding spaces.

Error messages never repeat the value: they end up in task logs and the trigger form's error
banner, and the design forbids personal data in logs. The DPO still sees what they typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gdpr.datamap.models import DataMap

__all__ = [
    "IDENTITY_KINDS",
    "identity_kind",
    "normalise_email",
    "normalise_for",
    "normalise_identifier",
    "normalise_identity",
    "normalise_phone",
    "phone_tail",
    "region_of",
    "request_identity",
    "stored_phone_matches",
]

# RFC 5321 limits: 64 characters before the @, 254 for the whole path.
_MAX_LOCAL = 64
_MAX_TOTAL = 254

# One deliberately plain pattern: a local part without spaces or the characters that betray a
# pasted "Name <address>" or a list; a domain of dot-separated labels (letters or digits,
# hyphens only inside) ending in an alphabetic top-level label of two letters or more.
_EMAIL = re.compile(
    r"""
    [^\s@<>()\[\],;:"]+                 # local part
    @
    (?:[^\W_](?:[^\W_]|-)*(?<!-)\.)+     # domain labels (letters, digits, inner hyphens)
    [^\W\d_]{2,}                        # top-level domain
    """,
    re.VERBOSE,
)

_EXAMPLE = "for example name@example.com"


def normalise_email(value: str) -> str:
    """Return the stored form of an email address, or raise ``ValueError`` saying what is wrong."""
    if not isinstance(value, str):
        raise ValueError(f"the email address must be text ({_EXAMPLE})")
    address = unicodedata.normalize("NFC", value.strip()).lower()
    if not address:
        raise ValueError("the email address is empty")
    if any(ch.isspace() for ch in address):
        raise ValueError(f"the email address contains a space ({_EXAMPLE})")
    if address.count("@") != 1:
        raise ValueError(f"the email address must contain exactly one @ ({_EXAMPLE})")
    local, domain = address.split("@")
    if not local:
        raise ValueError(f"the email address has nothing before the @ ({_EXAMPLE})")
    if "." not in domain:
        raise ValueError(
            f"the part after the @ must be a domain with a dot, such as example.com ({_EXAMPLE})"
        )
    if len(local) > _MAX_LOCAL or len(address) > _MAX_TOTAL:
        raise ValueError(
            f"the email address is too long: at most {_MAX_LOCAL} characters before the @ "
            f"and {_MAX_TOTAL} in total"
        )
    if not _EMAIL.fullmatch(address):
        raise ValueError(f"the email address is not valid ({_EXAMPLE})")
    if not address.isascii() and any(len(_scripts(p)) > 1 for p in (local, *domain.split("."))):
        raise ValueError(
            "the email address mixes letters of different alphabets (such as a Cyrillic or Greek "
            f"letter that looks like a Latin one); type it again in one alphabet ({_EXAMPLE})"
        )
    return address


def _scripts(text: str) -> set[str]:
    """The writing systems of the letters of ``text`` (LATIN, CYRILLIC, GREEK...), from their
    Unicode names: a part of an address mixing two is how look-alike (homoglyph) addresses are
    made, e.g. a Cyrillic "\u0430" among Latin letters."""
    found = set()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            found.add(name.split(" ", 1)[0] if name else "UNKNOWN")
    return found


# -- every kind of identity ---------------------------------------------------------------------
#
# The data map declares each identity with a kind; this is the one place that says what a value
# of each kind looks like once normalised. Resolution, the SQL connector's comparison, intake,
# request registration, legal holds, ``gdpr locate`` and breach scoping all call it, so a value
# typed by the DPO and a value stored in any system meet in the same form.

IDENTITY_KINDS = ("email", "phone", "customer_number", "other")

_PHONE_EXAMPLE = "for example +33 6 12 34 56 78"

# Digits of the stored value a database is asked to end with, before the exact comparison: the
# subscriber part of a national number, whatever prefix (0, +33, 0033) and separators it has.
PHONE_TAIL_DIGITS = 9
# Characters people put between the digits of a phone number; a database strips them before
# comparing the tail (``replace`` exists in PostgreSQL, MariaDB and SQLite alike).
PHONE_SEPARATORS = (" ", ".", "-", "(", ")", "/", "\u00a0")


def normalise_phone(value: str, region: str | None = None) -> str:
    """The E.164 form of a phone number (``+33612345678``), or ``ValueError`` saying what is wrong.

    A number written without its country code ("06 12 34 56 78") is read in ``region`` (ISO
    3166-1 alpha-2, the organisation's country); "+33 6..." and "0033 6..." need none.
    """
    import phonenumbers

    if not isinstance(value, str):
        raise ValueError(f"the phone number must be text ({_PHONE_EXAMPLE})")
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise ValueError("the phone number is empty")
    if any(ch.isalpha() for ch in text):
        raise ValueError(f"the phone number contains letters ({_PHONE_EXAMPLE})")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            raise ValueError(
                "the phone number has no country code and the organisation's default region is "
                f"not known: write it with its country code ({_PHONE_EXAMPLE})"
            ) from None
        raise ValueError(f"the phone number is not valid ({_PHONE_EXAMPLE})") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(
            f"the phone number is not a valid number"
            f"{' in ' + region if region and not text.startswith('+') else ''} ({_PHONE_EXAMPLE})"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_tail(e164: str) -> str:
    """The last digits of a normalised number a stored spelling must end with (see
    ``PHONE_TAIL_DIGITS``): at most the national number, so a country code is never required."""
    import phonenumbers

    national = str(phonenumbers.parse(e164, None).national_number)
    return national[-PHONE_TAIL_DIGITS:]


def stored_phone_matches(stored: object, e164: str) -> bool:
    """Whether a phone number as a system stores it is the normalised ``e164``.

    A stored number without country code is read in the searched number's country; a stored
    value that is not a phone number at all matches nothing (it never raises: systems hold
    whatever was typed).
    """
    import phonenumbers

    if stored is None:
        return False
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
        number = phonenumbers.parse(unicodedata.normalize("NFKC", str(stored)).strip(), region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == e164


def normalise_identifier(value: str) -> str:
    """A customer number or any other identifier: compared as written, without surrounding spaces."""
    if not isinstance(value, str):
        raise ValueError("the identifier must be text")
    text = value.strip()
    if not text:
        raise ValueError("the identifier is empty")
    return text


def normalise_identity(kind: str, value: str, region: str | None = None) -> str:
    """The normalised form of an identity value of ``kind`` (an identity kind of the data map).

    ``region`` is the organisation's country, for phone numbers written without country code
    (``region_of(datamap)``). Errors are one sentence that never repeats the value.
    """
    if kind == "email":
        return normalise_email(value)
    if kind == "phone":
        return normalise_phone(value, region)
    if kind in IDENTITY_KINDS:
        return normalise_identifier(value)
    raise ValueError(f"unknown identity kind {kind!r}: expected one of {', '.join(IDENTITY_KINDS)}")


def region_of(datamap: DataMap) -> str | None:
    """The organisation's country (ISO 3166-1 alpha-2) phone numbers without country code are
    read in: ``organisation.default_region`` if the map gives it, else the country of the
    organisation's time zone (Europe/Paris: FR), else none."""
    organisation = datamap.organisation
    declared = getattr(organisation, "default_region", None)
    if declared:
        return declared.upper()
    return _timezone_countries().get(getattr(organisation, "timezone", "") or "")


def identity_kind(datamap: DataMap, identity: str) -> str:
    """The kind of the map's identity ``identity``, or ``ValueError`` naming the declared ones."""
    kinds = {i.name: i.kind for i in datamap.identities}
    if identity not in kinds:
        raise ValueError(
            f"unknown identity {identity!r}; the data map declares {', '.join(sorted(kinds))}"
        )
    return kinds[identity]


def normalise_for(datamap: DataMap, identity: str, value: str) -> str:
    """``value`` normalised as the map's identity ``identity`` (its kind, the map's region)."""
    return normalise_identity(identity_kind(datamap, identity), value, region_of(datamap))


def request_identity(datamap: DataMap) -> str:
    """The map's identity that ledger requests and holds are recorded by: its first identity of
    kind email (the ledger keeps the subject's e-mail address), whatever the map names it."""
    for identity in datamap.identities:
        if identity.kind == "email":
            return identity.name
    raise ValueError(
        "the data map declares no identity of kind email: requests are recorded by e-mail address"
    )


@functools.cache
def _timezone_countries() -> dict[str, str]:
    """IANA time zone -> country code, from the tz database's zone.tab (tzdata, else the system)."""
    text = ""
    try:
        from importlib.resources import files

        text = (files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        for path in ("/usr/share/zoneinfo/zone.tab", "/usr/lib/zoneinfo/zone.tab"):
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                break
            except OSError:
                continue
    countries: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 3:
                countries[parts[2].strip()] = parts[0].strip()
    return countries
