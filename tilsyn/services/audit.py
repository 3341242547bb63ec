"""Reading and verifying the audit chain and every signature."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Callable

from ..domain.chain import (
    FORMAT_ACTION,
    GENESIS,
    ChainFault,
    head_matches,
    redaction_named,
    verify_chain,
    version_start,
)
from ..domain.ledger import DataFault, OrderBroken, compare_table
from ..domain.roles import Action
from ..store import audit as store_audit
from .context import AppContext
from .force import verify_bindings
from .force_dto import BindingFault
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


FOLD_FAULTS_KEPT = 200  # the first faults are named; the rest are counted


@dataclass(frozen=True)
class AnchorCheck:
    """``--expect-head``: the head printed on a PDF or receipt, and whether the chain holds it."""

    seq: int
    hash: str
    found: bool


@dataclass(frozen=True)
class SiteChainCheck:
    """One other site's audit chain as the hub holds it (foreign_audit_entry)."""

    site_id: str
    site_name: str
    entries: int
    head_seq: int
    head_hash: str
    faults: tuple[ChainFault, ...]


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    signatures: int
    head_seq: int
    head_hash: str
    chain_faults: tuple[ChainFault, ...]
    signature_faults: tuple[tuple[str, str], ...]  # (signature id, problem)
    data_faults: tuple[DataFault, ...] = ()  # the fold: rows that differ from their history
    data_fault_count: int = 0
    anchor: AnchorCheck | None = None
    # Signed sections whose live content no longer matches the signature (form, section, field).
    binding_faults: tuple[BindingFault, ...] = ()
    # At the hub: every other site's chain as received (issue 11): (site name, entries, faults).
    site_chains: tuple[SiteChainCheck, ...] = ()

    @property
    def ok(self) -> bool:
        return (not self.chain_faults and not self.signature_faults and not self.data_fault_count
                and not self.binding_faults and (self.anchor is None or self.anchor.found)
                and not any(c.faults for c in self.site_chains))

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
        with self.ctx.uow_factory(read_only=True) as uow:
            return [_dto(r) for r in uow.audit.for_entity(entity_type, str(entity_id))]

    def latest(self, limit: int = 200) -> list[AuditEntryDTO]:
        self.ctx.require(Action.AUDIT_VIEW)
        with self.ctx.uow_factory(read_only=True) as uow:
            return [_dto(r) for r in uow.audit.latest(limit)]

    def head(self) -> tuple[int, str]:
        """The chain head (sequence number, hash), printed on exported PDFs as an anchor."""
        with self.ctx.uow_factory(read_only=True) as uow:
            return store_audit.head(uow.session)

    def verify(self, progress: Callable[[int], None] | None = None,
               expect_head: tuple[int, str] | None = None) -> VerifyReport:
        """Recompute every link of the chain and every signature hash, fold the log's field-level
        changes against the live rows, and (``expect_head``) check that the chain still holds a head
        printed earlier on an export, so truncation and rewrites are found with that copy in hand."""
        self.ctx.require(Action.AUDIT_VERIFY)
        with self.ctx.uow_factory(read_only=True) as uow:
            count = 0
            last_hash = GENESIS
            anchor_hash: str | None = None
            marks = list(store_audit.markers(uow.session))
            v2_from = version_start((seq, changes) for seq, action, changes in marks if action == FORMAT_ACTION)
            redactions: dict[int, int] = {}
            for seq, action, changes in marks:
                for named in redaction_named(action, seq, changes):
                    redactions.setdefault(named, seq)

            def rows():
                nonlocal count, last_hash, anchor_hash
                for row in store_audit.entries_in_order(uow.session):
                    count += 1
                    if progress and count % 1000 == 0:
                        progress(count)
                    if expect_head is not None and row.seq == expect_head[0]:
                        anchor_hash = row.hash
                    last_hash = row.hash
                    yield store_audit.record_of(row, v2_from), row.hash, row.changes, row.redacted

            faults = verify_chain(rows(), redactions)
            head_seq, head_hash = store_audit.head(uow.session)
            if head_seq != count or head_hash != last_hash:
                faults.append(ChainFault(head_seq, "head"))
            anchor = None
            if expect_head is not None:
                found = anchor_hash is not None and head_matches(expect_head, anchor_hash) and not any(
                    f.seq <= expect_head[0] for f in faults)
                anchor = AnchorCheck(expect_head[0], expect_head[1], found)
            sigs = uow.signatures.all()
            sig_faults = [(str(s.id), problem) for s in sigs for problem in signature_faults(s)]
            kept, total = self._fold(uow.session)
            bindings = verify_bindings(uow, kept)
            return VerifyReport(count, len(sigs), head_seq, head_hash, tuple(faults), tuple(sig_faults),
                                tuple(kept), total, anchor, tuple(bindings), site_chains(uow.session))

    @staticmethod
    def _fold(session) -> tuple[list[DataFault], int]:
        """Every audited table's folded history against its live rows (streamed, sorted by id)."""
        kept: list[DataFault] = []
        total = 0
        for table, pk, skip in store_audit.folded_tables():
            try:
                table_kept, table_total = _count(compare_table(
                    table.name, pk, store_audit.histories(session, table.name),
                    store_audit.live_rows(session, table, pk), skip), FOLD_FAULTS_KEPT - len(kept))
            except OrderBroken:
                # The database sorted ids differently from Python: sort in memory instead.
                table_kept, table_total = _count(compare_table(
                    table.name, pk, sorted(store_audit.histories(session, table.name), key=lambda h: h[0]),
                    sorted(store_audit.live_rows(session, table, pk), key=lambda r: r[0]), skip),
                    FOLD_FAULTS_KEPT - len(kept))
            kept.extend(table_kept)
            total += table_total
        return kept, total


def _count(faults, keep: int) -> tuple[list[DataFault], int]:
    kept, total = [], 0
    for fault in faults:
        total += 1
        if len(kept) < keep:
            kept.append(fault)
    return kept, total


def site_chains(session) -> tuple[SiteChainCheck, ...]:
    """Every other site's chain held here, verified link by link as that site wrote it."""
    from sqlalchemy import select

    from ..store.models_exchange import PeerSite
    from ..store.models_sync import ForeignAuditEntry

    origins = [o for (o,) in session.execute(select(ForeignAuditEntry.origin_site_id).distinct())]
    names = {p.id: p.name for p in session.scalars(select(PeerSite))}
    out = []
    for origin in sorted(origins, key=str):
        rows = list(session.scalars(select(ForeignAuditEntry).where(
            ForeignAuditEntry.origin_site_id == origin).order_by(ForeignAuditEntry.seq)))
        v2_from = version_start((r.seq, json.loads(r.changes) if r.changes else None)
                                for r in rows if r.action == FORMAT_ACTION)
        redactions: dict[int, int] = {}
        for r in rows:
            for named in redaction_named(r.action, r.seq, json.loads(r.changes) if r.changes else None):
                redactions.setdefault(named, r.seq)
        faults = verify_chain(((store_audit.record_of(r, v2_from), r.hash, r.changes, r.redacted) for r in rows),
                              redactions)
        last = rows[-1] if rows else None
        out.append(SiteChainCheck(str(origin), names.get(origin, str(origin)), len(rows),
                                  last.seq if last else 0, last.hash if last else GENESIS, tuple(faults)))
    return tuple(out)
