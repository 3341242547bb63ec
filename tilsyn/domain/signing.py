"""Signing sections in order, and what an edit of a signed section voids."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Collection

from .chain import canonical_json, signature_hash
from .errors import DomainError
from .limits import check_length


@dataclass(frozen=True)
class SectionSignature:
    section: int
    signer: str
    role: str
    hash: str


class SigningOrderError(DomainError):
    code = "signing_order"


def check_can_sign(section: int, sections: tuple[int, ...], signed: dict[int, SectionSignature]) -> None:
    """Sections are signed in order: every earlier section must hold a valid signature first."""
    if section not in sections:
        raise DomainError("unknown_section", section=section)
    if section in signed:
        raise DomainError("already_signed", section=section)
    for earlier in sections:
        if earlier >= section:
            break
        if earlier not in signed:
            raise SigningOrderError(section=section, missing=earlier)


def voided_by_edit(section: int, signed: dict[int, SectionSignature]) -> list[int]:
    """Editing ``section`` voids its own signature and every later one."""
    return sorted(s for s in signed if s >= section)


def must_sign_again(voided: list[SectionSignature], signed: dict[int, SectionSignature]) -> list[SectionSignature]:
    """The voided signatures whose section has not been signed again since, in section order."""
    return sorted((v for v in voided if v.section not in signed), key=lambda v: v.section)


def optional_reason(reason: str | None, field: str = "reason") -> str:
    """A reason that may be empty: trimmed, in NFC, refused over REASON_MAX characters."""
    return check_length((reason or "").strip(), field=field)


def require_reason(reason: str | None, field: str = "reason") -> str:
    """A reason that must be given (trimmed, NFC, at most REASON_MAX characters)."""
    text = optional_reason(reason, field)
    if not text:
        raise DomainError("reason_required", field=field)
    return text


# -- binding: does a signature still cover the live content? ---------------------------------------

UNSIGNED = "unsigned"
SIGNED_VALID = "signed_valid"
SIGNED_MISMATCH = "signed_mismatch"
#: A fault in the signature row itself (its hash, its earlier signatures, or a hash the audit log
#: never recorded for this section), not in the content it covers.
SIGNATURE_ITSELF = "signature"


@dataclass(frozen=True)
class Binding:
    """A section's state: unsigned, signed and still matching, or signed over other content.
    ``fields`` are dotted paths into the canonical content (``episodes.<id>.description``,
    ``section1.name``) or ``signature`` for the signature row itself."""

    status: str
    fields: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return self.status == SIGNED_VALID


def _plain(value: Any) -> Any:
    """``value`` as its canonical JSON reads back (dates as ISO text, tuples as lists)."""
    return json.loads(canonical_json(value))


def content_differences(signed: Any, live: Any, path: str = "") -> list[str]:
    """Dotted paths where two canonical contents differ. Objects are compared key by key, lists of
    objects with an ``id`` by id (a record added or removed is named by its id); any other value
    (a staff row, a list of codes) as a whole."""
    if isinstance(signed, dict) and isinstance(live, dict):
        out: list[str] = []
        for key in sorted(set(signed) | set(live)):
            sub = f"{path}.{key}" if path else str(key)
            if key not in signed or key not in live:
                out.append(sub)
            else:
                out += content_differences(signed[key], live[key], sub)
        return out
    if _records(signed) and _records(live):
        a = {str(x["id"]): x for x in signed}
        b = {str(x["id"]): x for x in live}
        out = []
        for key in [*a, *(k for k in b if k not in a)]:
            sub = f"{path}.{key}" if path else key
            out += [sub] if key not in a or key not in b else content_differences(a[key], b[key], sub)
        return out
    return [] if signed == live else [path or SIGNATURE_ITSELF]


def _records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(x, dict) and "id" in x for x in value)


def bind(
    live_content: Any, stored_content: str, stored_hash: str, earlier: list[str], meta: dict[str, Any], *,
    expected_earlier: list[str] | None = None, logged_hashes: Collection[str] | None = None,
) -> Binding:
    """Whether a stored signature still covers ``live_content`` (the section recomputed from the
    live rows by the signature's own content version).

    Valid when the signature hash over the live content (with the signature's own earlier hashes
    and metadata) is the stored hash, the earlier hashes are those of the valid earlier signatures
    (``expected_earlier``), and the audit log recorded this hash when the section was signed
    (``logged_hashes``; None: not known, e.g. after retention). Otherwise a mismatch naming the
    content fields that differ, or ``signature`` when the row itself is not the one signed."""
    faults: list[str] = []
    if signature_hash(live_content, earlier, meta) != stored_hash:
        try:
            signed = json.loads(stored_content)
        except ValueError:
            signed = None
        diffs = content_differences(signed, _plain(live_content)) if signed is not None else []
        # The same content under another hash: the hash or the metadata was changed.
        faults += diffs or [SIGNATURE_ITSELF]
    if expected_earlier is not None and list(earlier) != list(expected_earlier):
        faults.append(SIGNATURE_ITSELF)
    if logged_hashes is not None and stored_hash not in logged_hashes:
        faults.append(SIGNATURE_ITSELF)
    if not faults:
        return Binding(SIGNED_VALID)
    return Binding(SIGNED_MISMATCH, tuple(dict.fromkeys(faults)))


def section1_differences(binding: Binding) -> tuple[str, ...]:
    """The faulty fields of a section 2 binding that lie in section 1 (signed with section 2)."""
    return tuple(f for f in binding.fields if f == "section1" or f.startswith("section1."))


class SignedSectionChanged(DomainError):
    code = "signed_section_changed"


def check_signed_still_match(bindings: dict[int, Binding], before: int | None = None) -> None:
    """A section may be signed (``before`` = that section) or a form sent (``before`` None) only
    while every earlier signed section still matches its signature; the first that does not is
    named (``section``; ``target`` the section to be signed; code ``..._send`` when sending)."""
    for section in sorted(bindings):
        if before is not None and section >= before:
            break
        if bindings[section].status == SIGNED_MISMATCH:
            if before is None:
                raise SignedSectionChanged("signed_section_changed_send", section=section)
            raise SignedSectionChanged(section=section, target=before)
