"""The subject's public key: checked, kept without its comment, and what only it opens."""

from __future__ import annotations

import pyrage
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from gdpr.access.recipient import RecipientInputError, encrypt_to, parse_recipient


def ssh_public_key(comment: str) -> str:
    key = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    )
    return f"{key.decode()} {comment}\n"


def test_an_ssh_key_is_kept_without_its_comment_which_is_often_an_address():
    given = ssh_public_key("camille.durand@laptop")
    kept = parse_recipient(given)
    assert kept.startswith("ssh-ed25519 AAAA")
    assert "camille" not in kept


@pytest.mark.parametrize(
    "text",
    ["", "camille.durand@example.fr", "age1notakey", "ssh-ed25519 bm90LWEta2V5"],
    ids=["empty", "an-address", "bad-age", "bad-ssh"],
)
def test_anything_else_is_refused_in_one_sentence_that_does_not_repeat_it(text):
    with pytest.raises(RecipientInputError) as refused:
        parse_recipient(text)
    assert "\n" not in str(refused.value)
    assert not text or text not in str(refused.value)


def test_only_the_private_key_opens_the_package(tmp_path):
    subject, stranger = pyrage.x25519.Identity.generate(), pyrage.x25519.Identity.generate()
    package = tmp_path / "package.zip"
    package.write_bytes(b"PK\x03\x04 the subject's records")
    sealed = encrypt_to(package, parse_recipient(str(subject.to_public())))
    assert sealed.name == "package.zip.age"
    body = sealed.read_bytes()
    assert b"the subject's records" not in body
    assert pyrage.decrypt(body, [subject]) == package.read_bytes()
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(body, [stranger])
