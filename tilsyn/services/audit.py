"""Reading and verifying the audit chain and every signature."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Callable

from ..domain.chain import ChainFault, verify_chain
from ..domain.roles import Action
from ..store import audit as store_audit
from .context import AppContext
from .signatures import signature_faults


@dataclass(frozen=True)
class AuditEntryDTO:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str | None
    changes: dict[str, Any] | None
    reason: str
    redacted: bool


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    signatures: int
    head_seq: int
    head_hash: str
    chain_faults: tuple[ChainFault, ...]
    signature_faults: tuple[tuple[str, str], ...]  # (signature id, problem)

    @property
    def ok(self) -> bool:
        return not self.chain_faults and not self.signature_faults

    @property
    def first_broken(self) -> ChainFault | None:
        return self.chain_faults[0] if self.chain_faults else None


def _dto(row) -> AuditEntryDTO:
    return AuditEntryDTO(
        row.seq, row.at, row.actor_name, row.action, row.entity_type, row.entity_id,
        None if row.changes is None else json.loads(row.changes), row.reason, row.redacted,
    )


class AuditService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def history(self, entity_id: str, entity_type: str | None = None) -> list[AuditEntryDTO]:
        """Every entry about one record, oldest first (admin and caseworker)."""
        self.ctx.require(Action.AUDIT_VIEW)
        with self.ctx.uow_factory() as uow:
            return [_dto(r) for r in uow.audit.for_entity(entity_type, str(entity_id))]

    def latest(self, limit: int = 200) -> list[AuditEntryDTO]:
        self.ctx.require(Action.AUDIT_VIEW)
        with self.ctx.uow_factory() as uow:
            return [_dto(r) for r in uow.audit.latest(limit)]

    def head(self) -> tuple[int, str]:
        """The chain head (sequence number, hash), printed on exported PDFs as an anchor."""
        with self.ctx.uow_factory() as uow:
            return store_audit.head(uow.session)

    def verify(self, progress: Callable[[int], None] | None = None) -> VerifyReport:
        """Recompute every link of the chain and every signature hash."""
        self.ctx.require(Action.AUDIT_VERIFY)
        with self.ctx.uow_factory() as uow:
            count = 0

            def rows():
                nonlocal count
                for row in uow.audit.all_in_order():
                    count += 1
                    if progress and count % 1000 == 0:
                        progress(count)
                    changes = None if row.changes is None else json.loads(row.changes)
                    yield store_audit.record_of(row), row.hash, changes, row.redacted

            faults = verify_chain(rows())
            head_seq, head_hash = store_audit.head(uow.session)
            if head_seq != count:
                faults.append(ChainFault(head_seq, "head"))
            sigs = uow.signatures.all()
            sig_faults = [(str(s.id), problem) for s in sigs for problem in signature_faults(s)]
            return VerifyReport(count, len(sigs), head_seq, head_hash, tuple(faults), tuple(sig_faults))
