"""The subject's public key: their package encrypted to it instead of with a passphrase.

A subject who has a key pair gives its public half (an age recipient, ``age1...``, or an SSH
public key, ``ssh-ed25519 ...`` / ``ssh-rsa ...``); the DPO records it with the request
(``gdpr access key``) and the delivery encrypts the zip to it with age (X25519, ChaCha20-
Poly1305; https://age-encryption.org), streamed from disk. Only the holder of the private key
opens the package, and there is no passphrase to pass on. The key is recorded as a request
event: a public key is no secret, but the comment of an SSH key often is an address, so only
its type and key material are kept.
"""

from __future__ import annotations

from pathlib import Path

from gdpr.ledger import Ledger

EVENT = "public_key_given"
SSH_TYPES = ("ssh-ed25519", "ssh-rsa")


class RecipientInputError(ValueError):
    """A key that cannot be encrypted to; the message never repeats it."""


def parse_recipient(text: str) -> str:
    """The key as kept: an age recipient, or an SSH key's type and material (no comment)."""
    import pyrage

    words = (text or "").split()
    if len(words) == 1 and words[0].startswith("age1"):
        key, parse = words[0], pyrage.x25519.Recipient.from_str
    elif len(words) >= 2 and words[0] in SSH_TYPES:
        key, parse = f"{words[0]} {words[1]}", pyrage.ssh.Recipient.from_str
    else:
        raise RecipientInputError(
            "give an age public key (age1...) or an SSH public key (ssh-ed25519 or ssh-rsa)"
        )
    try:
        parse(key)
    except pyrage.RecipientError:
        raise RecipientInputError("that public key is damaged: ask the subject again") from None
    return key


def record_recipient(ledger: Ledger, request_id: str, text: str, *, actor: str) -> str:
    key = parse_recipient(text)
    ledger.add_request_event(request_id, EVENT, actor, {"recipient": key})
    return key


def recipient_of(ledger: Ledger, request_id: str) -> str | None:
    """The public key last given for the request, if any."""
    given = [e for e in ledger.request_events(request_id) if e.kind == EVENT]
    return given[-1].detail["recipient"] if given else None


def encrypt_to(path: Path, recipient: str) -> Path:
    """``path`` encrypted to ``recipient`` (streamed), as ``<path>.age`` beside it."""
    import pyrage

    parse = pyrage.x25519 if recipient.startswith("age1") else pyrage.ssh
    out = path.with_name(path.name + ".age")
    pyrage.encrypt_file(str(path), str(out), [parse.Recipient.from_str(recipient)])
    return out
