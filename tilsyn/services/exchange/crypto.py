"""The cryptography of sites, start files and exchange files (PyNaCl, i.e. libsodium).

PyNaCl (libsodium): files are signed with the sender's Ed25519 key and encrypted to the
recipient's X25519 key (a SealedBox). A start file is encrypted with a key derived from a
passphrase (Argon2id, nacl.pwhash) in a SecretBox.

Exchange file (format 1), byte for byte::

    TILSYN-UDVEKSLING 1\\n                 magic line
    {"base":..,"ciphertext_bytes":..,...}\\n header: canonical JSON on one line, in clear
    <ciphertext_bytes bytes>              SealedBox(recipient X25519 key, compressed body)
    <64 bytes>                            Ed25519 signature by the sender over everything above

The header holds no personal data: format, schema revision, sender and recipient site ids,
seq / prev / base, created_at, a random file id, the compression and the SHA-256 of the body
(the canonical JSON before compression; it contains the random file id, so the hash reveals
nothing about the content). The body is ``{"file_id", "seq", "payload": {kind: part},
"receipt": {...} | null}``.

Start file (format 1)::

    TILSYN-START 1\\n
    {"kdf":"argon2id","memlimit":..,"opslimit":..,"salt":"<base64>"}\\n
    SecretBox(argon2id(passphrase, salt), canonical JSON of the new site and the hub)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from dataclasses import dataclass

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.signing
import nacl.utils
from nacl.public import PrivateKey, PublicKey, SealedBox

from ...domain.chain import canonical_json
from ...domain.errors import DomainError
from ...domain.exchange import (
    MAGIC,
    MAX_HEADER_BYTES,
    SIGNATURE_BYTES,
    START_FORMAT_VERSION,
    START_MAGIC,
    ExchangeRefused,
    Header,
    parse_header,
)

# Argon2id for a start file: 3 passes over 128 MiB (the parameters are stored in the file).
START_OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_MODERATE
START_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE * 2
MAX_BODY_BYTES = 512 * 1024 * 1024  # a decompressed body larger than this is refused (zip bomb)


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError, AttributeError):
        raise ExchangeRefused("exchange_damaged") from None


@dataclass(frozen=True)
class KeyPairs:
    """A site's two key pairs, as base64 text."""

    sign_secret: str
    sign_public: str
    box_secret: str
    box_public: str


def new_key_pairs() -> KeyPairs:
    sign = nacl.signing.SigningKey.generate()
    box = PrivateKey.generate()
    return KeyPairs(b64(sign.encode()), b64(sign.verify_key.encode()), b64(box.encode()), b64(box.public_key.encode()))


def canonical_bytes(value) -> bytes:
    return canonical_json(value).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- exchange files ---------------------------------------------------------------------------


def seal(header_fields: dict, body: dict, *, recipient_box_public: str, sender_sign_secret: str,
         compression: str = "zlib") -> tuple[bytes, Header]:
    """The bytes of an exchange file; ``header_fields`` without the integrity fields."""
    plain = canonical_bytes(body)
    packed = zlib.compress(plain, 9) if compression == "zlib" else plain
    ciphertext = SealedBox(PublicKey(unb64(recipient_box_public))).encrypt(packed)
    fields = dict(header_fields, compression=compression, ciphertext_bytes=len(ciphertext),
                  payload_sha256=sha256_hex(plain))
    header = parse_header(fields)  # the writer holds itself to the reader's rules
    signed = MAGIC + canonical_bytes(header.as_dict()) + b"\n" + ciphertext
    signature = nacl.signing.SigningKey(unb64(sender_sign_secret)).sign(signed).signature
    return signed + signature, header


@dataclass(frozen=True)
class Parsed:
    header: Header
    signed: bytes  # everything the signature covers
    ciphertext: bytes
    signature: bytes


def parse(data: bytes) -> Parsed:
    """Split a file into header, ciphertext and signature; refused if it is no exchange file,
    damaged or cut short. Nothing is trusted yet: the signature is checked by ``verify``."""
    if not isinstance(data, (bytes, bytearray)):
        raise ExchangeRefused("exchange_not_a_file")
    data = bytes(data)
    if not data.startswith(MAGIC):
        if data.startswith(MAGIC.split(b" ")[0] + b" "):
            line = data[: data.find(b"\n")] if b"\n" in data[:64] else b""
            try:
                version = int(line.split(b" ")[1])
            except (ValueError, IndexError):
                version = 0
            if version > 1:
                raise ExchangeRefused("exchange_format_newer", format=version)
        if MAGIC.startswith(data) or data.startswith(START_MAGIC):
            raise ExchangeRefused("exchange_truncated" if data and MAGIC.startswith(data)
                                  else "exchange_start_file_given")
        raise ExchangeRefused("exchange_not_a_file")
    rest = data[len(MAGIC):]
    end = rest.find(b"\n", 0, MAX_HEADER_BYTES + 1)
    if end < 0:
        raise ExchangeRefused("exchange_truncated" if len(rest) < MAX_HEADER_BYTES else "exchange_damaged")
    try:
        fields = json.loads(rest[:end].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ExchangeRefused("exchange_damaged") from None
    header = parse_header(fields)
    header_bytes = canonical_bytes(header.as_dict())
    if header_bytes != rest[:end]:  # only the canonical form is ever written
        raise ExchangeRefused("exchange_damaged")
    body = rest[end + 1:]
    expected = header.ciphertext_bytes + SIGNATURE_BYTES
    if len(body) < expected:
        raise ExchangeRefused("exchange_truncated")
    if len(body) > expected:
        raise ExchangeRefused("exchange_damaged")
    cut = len(MAGIC) + end + 1 + header.ciphertext_bytes
    return Parsed(header, data[:cut], data[cut - header.ciphertext_bytes:cut], data[cut:])


def verify(parsed: Parsed, sender_sign_public: str) -> None:
    """The sender's signature over magic, header and ciphertext; refused if anything changed."""
    try:
        nacl.signing.VerifyKey(unb64(sender_sign_public)).verify(parsed.signed, parsed.signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, ValueError, TypeError):
        raise ExchangeRefused("exchange_bad_signature") from None


def unseal(parsed: Parsed, box_secret: str) -> tuple[dict, str]:
    """Decrypt and decompress the body (after ``verify``); returns it and its SHA-256."""
    try:
        packed = SealedBox(PrivateKey(unb64(box_secret))).decrypt(parsed.ciphertext)
    except (nacl.exceptions.CryptoError, ValueError, TypeError):
        # Signed by a known sender but not decryptable with our key: encrypted to another key.
        raise ExchangeRefused("exchange_not_decryptable") from None
    try:
        if parsed.header.compression == "zlib":
            d = zlib.decompressobj()
            plain = d.decompress(packed, MAX_BODY_BYTES)
            if d.unconsumed_tail or not d.eof:
                raise ExchangeRefused("exchange_damaged")
        else:
            plain = packed
        body = json.loads(plain.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        raise ExchangeRefused("exchange_damaged") from None
    digest = sha256_hex(plain)
    if digest != parsed.header.payload_sha256 or not isinstance(body, dict):
        raise ExchangeRefused("exchange_damaged")
    if body.get("file_id") != parsed.header.file_id or body.get("seq") != parsed.header.seq:
        raise ExchangeRefused("exchange_damaged")
    if not isinstance(body.get("payload"), dict):
        raise ExchangeRefused("exchange_damaged")
    return body, digest


# -- start files ------------------------------------------------------------------------------


def seal_start(content: dict, passphrase: str) -> bytes:
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    key = nacl.pwhash.argon2id.kdf(nacl.secret.SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt,
                                   opslimit=START_OPSLIMIT, memlimit=START_MEMLIMIT)
    header = {"format": START_FORMAT_VERSION, "kdf": "argon2id", "opslimit": START_OPSLIMIT,
              "memlimit": START_MEMLIMIT, "salt": b64(salt)}
    return START_MAGIC + canonical_bytes(header) + b"\n" + nacl.secret.SecretBox(key).encrypt(canonical_bytes(content))


def open_start(data: bytes, passphrase: str) -> dict:
    """The content of a start file; refused if it is none, damaged, or the passphrase is wrong."""
    if not data.startswith(START_MAGIC):
        raise DomainError("start_not_a_file")
    rest = data[len(START_MAGIC):]
    end = rest.find(b"\n", 0, MAX_HEADER_BYTES)
    try:
        header = json.loads(rest[:end].decode("utf-8")) if end > 0 else None
    except (UnicodeDecodeError, ValueError):
        header = None
    if not isinstance(header, dict) or header.get("kdf") != "argon2id":
        raise DomainError("start_damaged")
    if type(header.get("format")) is int and header["format"] > START_FORMAT_VERSION:  # noqa: E721
        raise DomainError("start_format_newer")
    try:
        ops, mem = int(header["opslimit"]), int(header["memlimit"])
        if not (1 <= ops <= 16 and 8192 <= mem <= 2 ** 31):
            raise ValueError
        salt = unb64(header["salt"])
        key = nacl.pwhash.argon2id.kdf(nacl.secret.SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt,
                                       opslimit=ops, memlimit=mem)
    except (KeyError, ValueError, TypeError, ExchangeRefused, nacl.exceptions.CryptoError):
        raise DomainError("start_damaged") from None
    try:
        plain = nacl.secret.SecretBox(key).decrypt(rest[end + 1:])
    except nacl.exceptions.CryptoError:
        raise DomainError("start_wrong_passphrase") from None
    try:
        content = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DomainError("start_damaged") from None
    if not isinstance(content, dict):
        raise DomainError("start_damaged")
    return content
