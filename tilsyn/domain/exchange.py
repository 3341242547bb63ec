"""Sites and exchange files: the pure rules (no cryptography, no SQL).

Every database is a site (the hub, a care home's PC, a consultant's laptop). Sites exchange
files; each file from a sender to a recipient has a sequence number in that direction. The
cryptography lives in tilsyn.services.exchange; this module decides, from plain values, whether a
file is accepted, already loaded, or refused, and which number the next file gets.

Sequence rules (one direction, sender -> recipient):

- The recipient accepts only the file after the last one it loaded (``seq == last_received + 1``).
- The same file again (same number, same payload hash) is a no-op that says so.
- A lower number, or the same number with another hash, is an old (replayed) file: refused.
- A higher number names the first missing one: refused until that one is loaded.
- Every file carries everything the sender owes since the last file the recipient acknowledged
  (its ``base``), so a file that was lost is replaced by packing again from that point
  (``restart``): the lost number is reused, and the lost file, if it turns up, is refused as old.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .errors import DomainError

MAGIC = b"TILSYN-UDVEKSLING 1\n"
FORMAT_VERSION = 1
START_MAGIC = b"TILSYN-START 1\n"
START_FORMAT_VERSION = 1
SIGNATURE_BYTES = 64
MAX_HEADER_BYTES = 4096
NAME_MAX = 100
REASON_MIN = 5


class SiteKind(StrEnum):
    HUB = "hub"
    CARE_HOME = "care_home"
    LAPTOP = "laptop"


# The words typed on the command line (Danish) and the codes stored.
KIND_WORDS = {"kommune": SiteKind.HUB, "plejecenter": SiteKind.CARE_HOME, "bærbar": SiteKind.LAPTOP}
ENROLLABLE = (SiteKind.CARE_HOME, SiteKind.LAPTOP)


class ExchangeRefused(DomainError):
    """A file or a site operation refused; ``code`` names why, the Danish text is in messages."""

    code = "exchange_refused"


def parse_kind(word: str) -> SiteKind:
    """'plejecenter' / 'bærbar' (or the stored code) -> SiteKind; refused otherwise."""
    text = (word or "").strip().casefold()
    if text in KIND_WORDS:
        return KIND_WORDS[text]
    for kind in SiteKind:
        if text == kind.value:
            return kind
    raise ExchangeRefused("site_kind_unknown", field="kind", kind=word)


def check_site_name(name: str) -> str:
    """A site's name: trimmed, 1..NAME_MAX characters, no control characters."""
    text = " ".join((name or "").split())
    if not text:
        raise ExchangeRefused("site_name_missing", field="name")
    if len(text) > NAME_MAX or re.search(r"[\x00-\x1f\x7f]", text):
        raise ExchangeRefused("site_name_invalid", field="name", max=NAME_MAX)
    return text


def check_revoke_reason(reason: str) -> str:
    text = " ".join((reason or "").split())
    if len(text) < REASON_MIN:
        raise ExchangeRefused("site_reason_short", field="reason", min=REASON_MIN)
    return text


def check_enrolment(hub_kind: str | None, kind: SiteKind, homes: int) -> None:
    """Only the hub enrols sites; a care home's PC serves at least one care home."""
    if hub_kind is None:
        raise ExchangeRefused("site_none")
    if hub_kind != SiteKind.HUB:
        raise ExchangeRefused("site_not_hub")
    if kind not in ENROLLABLE:
        raise ExchangeRefused("site_kind_not_enrollable", kind=kind.value)
    if kind == SiteKind.CARE_HOME and homes == 0:
        raise ExchangeRefused("site_home_missing")


# -- the header of an exchange file ------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """The clear part of an exchange file: nothing personal, only routing and integrity."""

    format: int
    schema: str
    sender: str
    recipient: str
    seq: int
    prev: int
    base: int
    created_at: str
    file_id: str
    compression: str
    ciphertext_bytes: int
    payload_sha256: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format, "schema": self.schema, "sender": self.sender, "recipient": self.recipient,
            "seq": self.seq, "prev": self.prev, "base": self.base, "created_at": self.created_at,
            "file_id": self.file_id, "compression": self.compression,
            "ciphertext_bytes": self.ciphertext_bytes, "payload_sha256": self.payload_sha256,
        }


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _uuid_text(value: Any) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        raise ExchangeRefused("exchange_damaged") from None


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:  # noqa: E721 - bool is not a number here
        raise ExchangeRefused("exchange_damaged")
    return value


def parse_header(data: Any) -> Header:
    """The header as read from a file (already JSON-decoded); refused as damaged if malformed,
    as newer when its format is a later one."""
    if not isinstance(data, dict):
        raise ExchangeRefused("exchange_damaged")
    fmt = data.get("format")
    if type(fmt) is int and fmt > FORMAT_VERSION:  # noqa: E721
        raise ExchangeRefused("exchange_format_newer", format=fmt)
    if fmt != FORMAT_VERSION:
        raise ExchangeRefused("exchange_damaged")
    schema, compression, sha = data.get("schema"), data.get("compression"), data.get("payload_sha256")
    created = data.get("created_at")
    if not isinstance(schema, str) or not re.fullmatch(r"[0-9A-Za-z_]{1,40}", schema):
        raise ExchangeRefused("exchange_damaged")
    if compression not in ("zlib", "none") or not isinstance(sha, str) or not _HEX64.fullmatch(sha):
        raise ExchangeRefused("exchange_damaged")
    if not isinstance(created, str) or len(created) > 40:
        raise ExchangeRefused("exchange_damaged")
    header = Header(
        format=fmt, schema=schema, sender=_uuid_text(data.get("sender")),
        recipient=_uuid_text(data.get("recipient")), seq=_count(data.get("seq")), prev=_count(data.get("prev")),
        base=_count(data.get("base")), created_at=created, file_id=_uuid_text(data.get("file_id")),
        compression=compression, ciphertext_bytes=_count(data.get("ciphertext_bytes")), payload_sha256=sha,
    )
    if header.seq < 1 or header.prev != header.seq - 1 or header.base > header.prev:
        raise ExchangeRefused("exchange_damaged")
    return header


def check_schema(revision: str, known: list[str] | tuple[str, ...]) -> None:
    """A file made by an app whose schema this app does not know is from a newer version."""
    if revision not in known:
        raise ExchangeRefused("exchange_schema_newer", revision=revision)


@dataclass(frozen=True)
class PeerView:
    """What the rules need to know of a peer site."""

    id: str
    name: str
    revoked: bool
    revoke_reason: str = ""


def check_route(header: Header, this_site_id: str | None, sender: PeerView | None) -> None:
    """The file is for this site and from a known, enrolled, not revoked site."""
    if this_site_id is None:
        raise ExchangeRefused("site_none")
    if header.recipient != this_site_id:
        raise ExchangeRefused("exchange_wrong_recipient", recipient=header.recipient)
    if sender is None:
        raise ExchangeRefused("exchange_unknown_sender", sender=header.sender)
    if sender.revoked:
        raise ExchangeRefused("exchange_sender_revoked", site=sender.name, reason=sender.revoke_reason)


class Verdict(StrEnum):
    APPLY = "apply"
    ALREADY = "already"


def decide_sequence(seq: int, sha256: str, last_received: int, last_sha256: str | None, site: str = "") -> Verdict:
    """Apply the next file, say 'already loaded' for the last one again, refuse every other."""
    if seq == last_received + 1:
        return Verdict.APPLY
    if seq == last_received and last_sha256 is not None and sha256 == last_sha256:
        return Verdict.ALREADY
    if seq <= last_received:
        raise ExchangeRefused("exchange_replayed", seq=seq, last=last_received, site=site)
    raise ExchangeRefused("exchange_missing", seq=seq, missing=last_received + 1, site=site)


@dataclass(frozen=True)
class NextFile:
    seq: int
    prev: int
    base: int


def next_file(last_sent: int, last_acked: int, *, restart: bool = False) -> NextFile:
    """The number of the next file to a peer and the acknowledged file its content starts after.

    ``restart``: a file was lost; number the next one right after the last acknowledged one."""
    if last_acked > last_sent:
        raise ExchangeRefused("exchange_ack_ahead", acked=last_acked, sent=last_sent)
    seq = (last_acked if restart else last_sent) + 1
    return NextFile(seq=seq, prev=seq - 1, base=last_acked)


def acknowledged(receipt_seq: int, last_sent: int, last_acked: int) -> int:
    """The new 'last acknowledged' after a receipt for ``receipt_seq``: never backwards, never
    beyond what was sent (a receipt for a file never sent is a damaged or forged file)."""
    if receipt_seq > last_sent:
        raise ExchangeRefused("exchange_ack_ahead", acked=receipt_seq, sent=last_sent)
    return max(last_acked, receipt_seq)
