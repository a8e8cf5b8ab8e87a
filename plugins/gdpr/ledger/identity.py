"""The one way the product writes a data subject's email address.

Requests, legal holds and subject look-ups across systems must agree on a single form of the
address, otherwise ``Jean.Dupont@Example.fr`` and ``jean.dupont@example.fr`` become two people
and an erasure or a hold silently misses one of them. The address is therefore stripped,
NFC-normalised (so an accented letter typed two ways compares equal) and lower-cased. Lower-casing
the local part is stricter than RFC 5321 allows, but every mainstream mailbox provider treats it
case-insensitively and a missed match is the worse failure for a data-protection tool.

Error messages never repeat the address: they end up in task logs and the trigger form's error
banner, and the design forbids personal data in logs. The DPO still sees what they typed.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_email"]

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
    return address
