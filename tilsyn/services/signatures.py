"""Signing sections of a record in turn, and voiding signatures when signed content changes.

Used by the monthly form (sections 2, 3, 4) and the acute record. The content of each signed
section is kept with the signature so ``tilsyn verify`` can recompute every hash.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..domain.chain import canonical_json, signature_hash
from ..domain.roles import ROLE_LABELS, Role
from ..domain.signing import (
    Binding,
    SectionSignature,
    bind,
    check_can_sign,
    must_sign_again,
    require_reason,
    voided_by_edit,
)
from ..store.models import AuditEntry, Signature
from .context import AppContext
from .users import UserService


@dataclass(frozen=True)
class SignatureDTO:
    id: str
    section: int
    signer: str
    role: str
    role_label: str
    signed_at: dt.datetime
    template_version: str
    hash: str
    voided_at: dt.datetime | None
    void_reason: str

    @property
    def short_hash(self) -> str:
        return self.hash[:12]


def _dto(s: Signature) -> SignatureDTO:
    return SignatureDTO(
        str(s.id), s.section, s.signer_name, s.role, ROLE_LABELS.get(Role(s.role), s.role), s.signed_at,
        s.template_version, s.hash, s.voided_at, s.void_reason,
    )


def _meta(s: Signature) -> dict[str, Any]:
    return {
        "entity_type": s.entity_type, "entity_id": s.entity_id, "section": s.section,
        "user_id": str(s.user_id) if s.user_id else None, "signer": s.signer_name, "role": s.role,
        "signed_at": s.signed_at, "template_version": s.template_version,
    }


def signature_faults(s: Signature) -> list[str]:
    """Problems with one stored signature: its hash no longer matches its content and metadata."""
    try:
        content = json.loads(s.content)
        earlier = json.loads(s.earlier_hashes)
    except ValueError:
        return ["unreadable"]
    if signature_hash(content, earlier, _meta(s)) != s.hash:
        return ["hash"]
    return []


def content_version(s: Signature) -> int:
    """The rule a signature's content was made by: ``content_version`` inside the signed content
    (hashed with it), 1 for signatures made before the content was versioned."""
    try:
        content = json.loads(s.content)
    except ValueError:
        return 1
    version = content.get("content_version", 1) if isinstance(content, dict) else 1
    return version if isinstance(version, int) else 1


def binding_of(s: Signature, live_content: Any, expected_earlier: list[str] | None,
               logged_hashes: frozenset[str] | None) -> Binding:
    """Whether the stored signature ``s`` still covers ``live_content`` (see domain.signing.bind)."""
    try:
        earlier = json.loads(s.earlier_hashes)
    except ValueError:
        earlier = None
    if not isinstance(earlier, list):
        return bind(live_content, s.content, "", [], _meta(s), logged_hashes=logged_hashes)
    return bind(live_content, s.content, s.hash, earlier, _meta(s), expected_earlier=expected_earlier,
                logged_hashes=logged_hashes)


def expected_earlier(s: Signature, valid: list[Signature]) -> list[str]:
    """The hashes a valid signature must chain to: the valid signatures of earlier sections."""
    return [v.hash for v in sorted(valid, key=lambda v: v.section) if v.section < s.section]


@dataclass(frozen=True)
class LoggedHashes:
    """The signature hashes the audit log recorded per (record, section) when it was signed."""

    hashes: dict[tuple[str, int], frozenset[str]]
    unknown: frozenset[str]  # records with a redacted sign entry (retention): the log cannot tell

    def of(self, entity_id: str, section: int) -> frozenset[str] | None:
        if str(entity_id) in self.unknown:
            return None
        return self.hashes.get((str(entity_id), section), frozenset())


def logged_sign_hashes(session, entity_type: str, entity_ids) -> LoggedHashes:
    """The ``sign`` entries of these records (500 records per query)."""
    from sqlalchemy import select

    found: dict[tuple[str, int], set[str]] = {}
    unknown: set[str] = set()
    ids = [str(i) for i in entity_ids]
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(AuditEntry.entity_id, AuditEntry.changes, AuditEntry.redacted).where(
                AuditEntry.entity_type == entity_type, AuditEntry.entity_id.in_(ids[start:start + 500]),
                AuditEntry.action == "sign"))
        for entity_id, changes, redacted in rows:
            try:
                parsed = None if redacted or changes is None else json.loads(changes)
            except ValueError:
                parsed = None
            if not isinstance(parsed, dict) or not isinstance(parsed.get("section"), int):
                unknown.add(entity_id)
                continue
            found.setdefault((entity_id, parsed["section"]), set()).add(str(parsed.get("hash", "")))
    return LoggedHashes({k: frozenset(v) for k, v in found.items()}, frozenset(unknown))


class SignatureService:
    """Generic over the signed record: ``entity_type`` + ``entity_id`` + ordered ``sections``."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def sign(
        self, uow, entity_type: str, entity_id: str, sections: tuple[int, ...], section: int,
        content: Any, password: str | None, template_version: str,
    ) -> SignatureDTO:
        """Sign ``section`` inside the caller's unit of work (so the record and its signature commit
        together). Asks for the password again; earlier sections must be signed first.

        ``password=None`` means the caller re-authenticated with ``reauthenticate`` before opening
        its unit of work: a wrong password is counted and audited in a unit of work of its own,
        which must not wait for the caller's write transaction."""
        if password is not None:
            self.reauthenticate(password)
        user = self.ctx.user
        current = {s.section: s for s in uow.signatures.for_entity(entity_type, str(entity_id))}
        check_can_sign(section, sections, {k: SectionSignature(k, v.signer_name, v.role, v.hash)
                                           for k, v in current.items()})
        return record_signature(
            uow, entity_type, str(entity_id), section, content, template_version,
            signer_name=user.full_name, role=user.role.value, user_id=user.id,
            at=self.ctx.now().replace(microsecond=0),
        )

    def reauthenticate(self, password: str) -> None:
        """The password again before a signature, throttled like the login (LoginThrottled)."""
        UserService(self.ctx).verify_current_password(password)

    def void_from(self, uow, entity_type: str, entity_id: str, section: int, reason: str) -> list[SignatureDTO]:
        """An edit of ``section``: void its signature and every later one, with the reason."""
        reason = require_reason(reason)
        current = {s.section: s for s in uow.signatures.for_entity(entity_type, str(entity_id))}
        voided = []
        for k in voided_by_edit(section, {k: None for k in current}):
            s = current[k]
            s.voided_at = self.ctx.now()
            s.voided_by = self.ctx.user.label if self.ctx.user else ""
            s.void_reason = reason
            voided.append(s)
        if voided:
            uow.flush()
            uow.record("void", entity_type, str(entity_id),
                       {"sections": [s.section for s in voided]}, reason=reason)
        return [_dto(s) for s in voided]

    def signatures(self, uow, entity_type: str, entity_id: str, include_voided: bool = False) -> list[SignatureDTO]:
        return [_dto(s) for s in uow.signatures.for_entity(entity_type, str(entity_id), include_voided=include_voided)]

    def must_sign_again(self, uow, entity_type: str, entity_id: str) -> list[SignatureDTO]:
        """Voided signatures whose section has not been signed since: who must sign again."""
        all_sigs = uow.signatures.for_entity(entity_type, str(entity_id), include_voided=True)
        valid = {s.section: SectionSignature(s.section, s.signer_name, s.role, s.hash)
                 for s in all_sigs if s.voided_at is None}
        latest_voided: dict[int, Signature] = {}
        for s in all_sigs:
            if s.voided_at is not None:
                latest_voided[s.section] = s
        pending = must_sign_again(
            [SectionSignature(s.section, s.signer_name, s.role, s.hash) for s in latest_voided.values()], valid
        )
        return [_dto(latest_voided[p.section]) for p in pending]


def build_signature(
    entity_type: str, entity_id: str, section: int, content: Any, template_version: str, *,
    signer_name: str, role: str, user_id: str | None, at: dt.datetime, earlier: list[str],
) -> Signature:
    """A signature row over ``content`` chained to the ``earlier`` valid signature hashes."""
    sig = Signature(
        entity_type=entity_type, entity_id=str(entity_id), section=section, user_id=_uuid_or_none(user_id),
        signer_name=signer_name, role=role, signed_at=at, template_version=template_version,
        content=canonical_json(content), earlier_hashes=json.dumps(earlier),
    )
    sig.hash = signature_hash(content, earlier, _meta(sig))
    return sig


def record_signature(
    uow, entity_type: str, entity_id: str, section: int, content: Any, template_version: str, *,
    signer_name: str, role: str, user_id: str | None, at: dt.datetime,
) -> SignatureDTO:
    """Store one signature over ``content`` chained to the valid earlier ones, and audit it.
    Callers check who may sign and in which order (``SignatureService.sign``)."""
    current = {s.section: s for s in uow.signatures.for_entity(entity_type, str(entity_id))}
    earlier = [current[k].hash for k in sorted(current) if k < section]
    sig = build_signature(entity_type, str(entity_id), section, content, template_version, signer_name=signer_name,
                          role=role, user_id=user_id, at=at, earlier=earlier)
    uow.signatures.add(sig)
    uow.flush()
    uow.record("sign", entity_type, str(entity_id),
               {"section": section, "hash": sig.hash, "template_version": template_version})
    return _dto(sig)


def _uuid_or_none(value: str | None):
    import uuid

    return uuid.UUID(value) if value else None
