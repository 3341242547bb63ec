"""Signing sections in order, and what an edit of a signed section voids."""

from __future__ import annotations

from dataclasses import dataclass

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
