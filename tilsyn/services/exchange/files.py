"""Exchange files: pack what this site owes a peer, open a file from a peer, apply it.

- ``pack`` numbers the next file to the peer, fills it with the registered kinds' content since
  the last file the peer acknowledged (or with the payload given), adds the receipt this site owes
  the peer (the last file it loaded from it), signs it and encrypts it to the peer.
- ``open_file`` checks everything before anything is written: format, schema revision, recipient,
  sender (known, not revoked), signature, decryption, hash, sequence number.
- ``apply`` runs the handler, records the received number and the receipt, and takes note of the
  peer's receipt for this site's own files, all in one transaction: all or nothing.

Each takes an optional ``progress`` (progress.Progress: a ``(done, total, stage)`` report, an
``is_cancelled()`` check asked between stages, kinds, tables and rows, and a ``committing()`` hook at
the point of no return). A cancel before the commit writes nothing: the transaction rolls back and
a pack removes its file, so the same pack or the same file can simply be run again.

Resending: a file's content is everything since the last *acknowledged* file, so whatever did
not arrive is in the next file again; appliers are idempotent, so the overlap is harmless. A file
that was lost for good is replaced with ``pack(..., restart=True)``: it takes the lost number.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select

from ...domain.errors import DomainError
from ...domain.exchange import (
    FORMAT_VERSION,
    ExchangeRefused,
    Header,
    PeerView,
    Verdict,
    acknowledged,
    check_route,
    check_schema,
    decide_sequence,
    next_file,
)
from ...store import audit
from ...store.migrate import alembic_config, head_revision
from ...store.models_exchange import ExchangeReceipt, ExchangeSent, ExchangeState, PeerSite, SiteSecret, ThisSite
from ..context import AppContext
from . import crypto, registry
from .progress import Progress, Span, call, course
from .sites import PeerInfo, find_peer, peer_info, read_file, this_site, write_private_file


@dataclass(frozen=True)
class Since:
    """Where a file's content starts: after the peer's last acknowledged file ``seq`` (0: from
    the beginning), which was packed when this site's audit chain stood at ``audit_seq``."""

    seq: int
    audit_seq: int


@dataclass(frozen=True)
class Summary:
    """What a handler applied: counts by name, and the head of the sender's audit chain as now
    applied here (None until the records carry audit entries)."""

    counts: dict[str, int] = field(default_factory=dict)
    sender_head: tuple[int, str] | None = None


@dataclass(frozen=True)
class Packed:
    data: bytes
    header: Header
    peer: PeerInfo
    kinds: dict[str, int]  # kind -> number of items (len of the part, 1 for a scalar)
    restart: bool


@dataclass(frozen=True)
class Incoming:
    """A verified, decrypted file: nothing written yet."""

    header: Header
    sender: PeerInfo
    payload: dict[str, Any]
    receipt: dict | None  # the sender's receipt for this site's own last file to it
    sha256: str
    verdict: Verdict

    @property
    def already_loaded(self) -> bool:
        return self.verdict is Verdict.ALREADY


@dataclass(frozen=True)
class Applied:
    sender: PeerInfo
    seq: int
    already_loaded: bool
    summary: Summary
    acknowledged_seq: int  # this site's files the sender has now acknowledged


def _known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    return [r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()]


def _require_exchange(ctx: AppContext) -> None:
    """Exchanging needs a logged-in user (any role) or the built-in first-unpack actor."""
    if ctx.user is None:
        from ...domain.roles import NotLoggedIn

        raise NotLoggedIn()


def _size(part: Any) -> int:
    return len(part) if isinstance(part, (list, dict)) else 1


def _owed_receipt(session, peer_id) -> dict | None:
    row = session.scalars(
        select(ExchangeReceipt).where(ExchangeReceipt.peer_site_id == peer_id).order_by(ExchangeReceipt.seq.desc())
    ).first()
    if row is None:
        return None
    return {"seq": row.seq, "payload_sha256": row.payload_sha256, "file_id": str(row.file_id),
            "received_at": row.received_at.isoformat(),
            "sender_head": [row.sender_head_seq, row.sender_head_hash] if row.sender_head_seq is not None else None}


def pack(ctx: AppContext, peer_site_id: str, payload: dict | None = None, *, restart: bool = False,
         out: str | os.PathLike | None = None, progress: Progress | None = None) -> bytes:
    """The bytes of the next file to ``peer_site_id`` (a peer's id or name). Returns the bytes;
    with ``out`` also writes them (0600, never overwriting) before the commit."""
    return pack_file(ctx, peer_site_id, payload, restart=restart, out=out, progress=progress).data


def _weight(part: Any) -> int:
    """How much of the work a kind's part is (its rows; an audit part: its entries)."""
    if isinstance(part, list):
        return max(1, len(part))
    if isinstance(part, dict):
        return 1 + sum(len(v) for v in part.values() if isinstance(v, list))
    return 1


def pack_file(ctx: AppContext, peer_site_id: str | None, payload: dict | None = None, *, restart: bool = False,
              out: str | os.PathLike | None = None, progress: Progress | None = None) -> Packed:
    """As ``pack``, with what was packed. ``peer_site_id`` None: the only peer (at a care home
    or a laptop, the hub). ``payload`` None: collect every registered kind. Cancelled (see
    ``progress``) before the commit: no file, no number used, nothing changed."""
    steps = course(progress, "exchange_pack_cancelled")
    steps.step("Forbereder udvekslingsfilen …")
    _require_exchange(ctx)
    with ctx.uow_factory() as uow:
        s = uow.session
        site = this_site(s)
        if site is None:
            raise ExchangeRefused("site_none")
        peer = _the_peer(s, site, peer_site_id)
        if peer.revoked_at is not None:
            raise ExchangeRefused("site_revoked_pack", name=peer.name)
        state = s.scalars(select(ExchangeState).where(ExchangeState.peer_site_id == peer.id).with_for_update()).first()
        if state is None:
            state = ExchangeState(peer_site_id=peer.id, last_sent_seq=0, last_acked_seq=0, last_received_seq=0)
            s.add(state)
        nf = next_file(state.last_sent_seq, state.last_acked_seq, restart=restart)
        base_row = s.scalars(select(ExchangeSent).where(
            ExchangeSent.peer_site_id == peer.id, ExchangeSent.seq == nf.base,
            ExchangeSent.acknowledged_at.is_not(None))).first() if nf.base else None
        since = Since(nf.base, base_row.audit_seq if base_row is not None else 0)
        audit_seq = audit.head(s)[0]
        info = peer_info(peer, state)
        if payload is None:
            payload = {}
            kinds = list(registry.KINDS)
            collecting = steps.sub(2, 75)
            for i, k in enumerate(kinds):
                span = collecting.part(i, len(kinds))
                span.step(f"Samler {k.label} …")
                part = registry.collect_kind(k, uow, info, since, span)
                span.step(None, 1)
                if part is not None and part != {} and part != []:
                    payload[k.name] = part
        if not isinstance(payload, dict):
            raise TypeError("payload must be a dict of kind -> part")
        now = ctx.now()
        file_id = str(uuid.uuid4())
        body = {"file_id": file_id, "seq": nf.seq, "payload": payload, "receipt": _owed_receipt(s, peer.id)}
        secret = s.get(SiteSecret, site.id)
        steps.step("Krypterer og underskriver filen …", 75, 100)
        data, header = crypto.seal(
            {"format": FORMAT_VERSION, "schema": head_revision(), "sender": str(site.id), "recipient": str(peer.id),
             "seq": nf.seq, "prev": nf.prev, "base": nf.base, "created_at": now.isoformat(), "file_id": file_id},
            body, recipient_box_public=peer.box_public, sender_sign_secret=secret.sign_secret,
        )
        if restart:
            for old in s.scalars(select(ExchangeSent).where(
                    ExchangeSent.peer_site_id == peer.id, ExchangeSent.seq >= nf.seq,
                    ExchangeSent.acknowledged_at.is_(None), ExchangeSent.superseded_at.is_(None))):
                old.superseded_at = now
        s.add(ExchangeSent(peer_site_id=peer.id, seq=nf.seq, base_seq=nf.base, payload_sha256=header.payload_sha256,
                           audit_seq=audit_seq, created_at=now))
        state.last_sent_seq = nf.seq
        state.last_sent_at = now
        kinds = {name: _size(part) for name, part in payload.items()}
        uow.record("exchange.pack", "peer_site", str(peer.id),
                   {"seq": nf.seq, "base": nf.base, "sha256": header.payload_sha256, "kinds": kinds,
                    "restart": restart})
        uow.flush()
        info = peer_info(peer, state)
        if out is not None:
            steps.step("Skriver filen …", 88, 100)
        path = write_private_file(out, data) if out is not None else None
        try:
            steps.commit()  # a cancel up to here: the file is removed and nothing is committed
            uow.commit()
        except BaseException:
            if path is not None:
                path.unlink(missing_ok=True)
            raise
    steps.finish("Udvekslingsfilen er gemt.")
    return Packed(data, header, info, kinds, restart)


def _the_peer(session, site: ThisSite, name_or_id: str | None) -> PeerSite:
    if name_or_id:
        peer = find_peer(session, name_or_id)
        if peer is None:
            raise ExchangeRefused("site_peer_unknown", name=name_or_id)
        return peer
    peers = list(session.scalars(select(PeerSite).where(PeerSite.revoked_at.is_(None))))
    if len(peers) == 1:
        return peers[0]
    if not peers:
        raise ExchangeRefused("site_no_peers")
    raise ExchangeRefused("site_peer_needed", names=", ".join(sorted(p.name for p in peers)))


def open_file(ctx: AppContext, data: bytes, *, progress: Progress | Span | None = None) -> Incoming:
    """Check and decrypt a file from a peer; nothing is written. Refusals are ExchangeRefused
    with a Danish text (messages); the same file again opens with ``verdict`` ALREADY."""
    steps = course(progress, "exchange_unpack_cancelled")
    _require_exchange(ctx)
    steps.step("Kontrollerer filen …")
    parsed = crypto.parse(data)
    header = parsed.header
    check_schema(header.schema, _known_revisions())
    with ctx.uow_factory() as uow:
        s = uow.session
        site = this_site(s)
        peer = s.get(PeerSite, uuid.UUID(header.sender)) if site is not None else None
        view = PeerView(str(peer.id), peer.name, peer.revoked_at is not None, peer.revoke_reason or "") if peer else None
        if site is not None and header.recipient != str(site.id) and header.sender == str(site.id):
            raise ExchangeRefused("exchange_own_file")
        check_route(header, str(site.id) if site is not None else None, view)
        steps.step("Kontrollerer underskriften …", 20, 100)
        crypto.verify(parsed, peer.sign_public)
        steps.step("Dekrypterer filen …", 45, 100)
        body, sha = crypto.unseal(parsed, s.get(SiteSecret, site.id).box_secret)
        steps.step("Kontrollerer filens nummer og kvittering …", 90, 100)
        state = s.get(ExchangeState, peer.id)
        verdict = decide_sequence(header.seq, sha, state.last_received_seq if state else 0,
                                  state.last_received_sha256 if state else None, site=peer.name)
        receipt = body.get("receipt")
        if receipt is not None and not _valid_receipt(receipt):
            raise ExchangeRefused("exchange_damaged")
        unknown = [k for k in body["payload"] if registry.kind(k) is None]
        info = peer_info(peer, state)
    steps.finish("Filen er kontrolleret.")
    return Incoming(header, info, body["payload"], receipt, sha, verdict) if not unknown or verdict is Verdict.ALREADY \
        else _unknown_kinds(unknown)


def _unknown_kinds(kinds: list[str]):
    raise ExchangeRefused("exchange_kind_unknown", kinds=", ".join(sorted(kinds)))


def _valid_receipt(r: Any) -> bool:
    return (isinstance(r, dict) and type(r.get("seq")) is int and r["seq"] >= 1  # noqa: E721
            and isinstance(r.get("payload_sha256"), str) and len(r["payload_sha256"]) == 64)


Handler = Callable[[Any, PeerInfo, dict], Summary]


def apply_registered(uow, sender: PeerInfo, payload: dict, progress: Span | None = None) -> Summary:
    """The default handler: each kind's applier, in the order the kinds were registered, each
    over its share of ``progress`` (by size)."""
    steps = progress or course(None, "exchange_unpack_cancelled")
    counts: dict[str, int] = {}
    present = [k for k in registry.KINDS if k.name in payload]
    weights = [_weight(payload[k.name]) for k in present]
    total, before = sum(weights) or 1, 0
    for k, w in zip(present, weights):
        span = steps.sub(before, before + w, total)
        before += w
        span.step(f"Indlæser {k.label} …")
        for key, n in (registry.apply_kind(k, uow, sender, payload[k.name], span) or {}).items():
            counts[key] = counts.get(key, 0) + int(n)
        span.step(None, 1)
    # The audit kind's applier leaves the head of the sender's chain as now held here: the receipt
    # carries it back, so the sender knows which of its entries the hub has acknowledged.
    return Summary(counts, uow.session.info.pop("exchange_sender_head", None))


def apply(ctx: AppContext, incoming: Incoming, handler: Handler | None = None, *,
          progress: Progress | Span | None = None) -> Applied:
    """Apply an opened file in one unit of work: the handler's changes, the received number, the
    receipt and the peer's receipt for this site's files commit together or not at all. A handler
    that takes a ``progress`` keyword gets its share of the course. Cancelled before the commit:
    rolled back, nothing applied; the same file loads fully later."""
    steps = course(progress, "exchange_unpack_cancelled")
    _require_exchange(ctx)
    handler = handler or apply_registered
    if incoming.already_loaded:
        steps.finish("Filen var allerede indlæst.")
        return Applied(incoming.sender, incoming.header.seq, True, Summary(), incoming.sender.last_acked_seq)
    steps.step("Forbereder indlæsningen …")
    with ctx.uow_factory() as uow:
        s = uow.session
        peer_id = uuid.UUID(incoming.sender.id)
        peer = s.get(PeerSite, peer_id)
        if peer is None or peer.revoked_at is not None:
            raise ExchangeRefused("exchange_sender_revoked", site=incoming.sender.name,
                                  reason=(peer.revoke_reason if peer else "") or "")
        state = s.scalars(select(ExchangeState).where(ExchangeState.peer_site_id == peer_id).with_for_update()).first()
        if state is None:
            state = ExchangeState(peer_site_id=peer_id, last_sent_seq=0, last_acked_seq=0, last_received_seq=0)
            s.add(state)
            s.flush()
        # Decided again under the lock: another unpack of the same file may have won meanwhile.
        verdict = decide_sequence(incoming.header.seq, incoming.sha256, state.last_received_seq,
                                  state.last_received_sha256, site=peer.name)
        if verdict is Verdict.ALREADY:
            steps.finish("Filen var allerede indlæst.")
            return Applied(peer_info(peer, state), incoming.header.seq, True, Summary(), state.last_acked_seq)
        now = ctx.now()
        uow.reason = f"udvekslingsfil nr. {incoming.header.seq} fra {peer.name}"
        summary = call(handler, uow, peer_info(peer, state), incoming.payload, progress=steps.sub(2, 94)) or Summary()
        steps.step("Registrerer kvitteringen …", 94, 100)
        if incoming.receipt is not None:
            _take_receipt(s, state, incoming.receipt, now)
        state.last_received_seq = incoming.header.seq
        state.last_received_sha256 = incoming.sha256
        state.last_received_at = now
        head = summary.sender_head
        s.add(ExchangeReceipt(peer_site_id=peer_id, seq=incoming.header.seq, payload_sha256=incoming.sha256,
                              file_id=uuid.UUID(incoming.header.file_id), received_at=now,
                              sender_head_seq=head[0] if head else None, sender_head_hash=head[1] if head else None,
                              summary=json.dumps(summary.counts, sort_keys=True)))
        uow.record("exchange.unpack", "peer_site", str(peer_id),
                   {"seq": incoming.header.seq, "sha256": incoming.sha256, "counts": summary.counts,
                    "acknowledged": state.last_acked_seq})
        uow.flush()
        result = Applied(peer_info(peer, state), incoming.header.seq, False, summary, state.last_acked_seq)
        steps.commit()
        uow.commit()
    steps.finish("Udvekslingsfilen er indlæst.")
    return result


def _take_receipt(s, state: ExchangeState, receipt: dict, now: dt.datetime) -> None:
    """The peer says it has loaded this site's file ``seq``: mark it (and every earlier one)."""
    seq = receipt["seq"]
    sent = s.scalars(select(ExchangeSent).where(
        ExchangeSent.peer_site_id == state.peer_site_id, ExchangeSent.seq == seq,
        ExchangeSent.payload_sha256 == receipt["payload_sha256"])).first()
    if sent is None:
        raise ExchangeRefused("exchange_receipt_unknown", seq=seq)
    highest = max(state.last_sent_seq, seq)
    new = acknowledged(seq, highest, state.last_acked_seq)
    if new != state.last_acked_seq or sent.acknowledged_at is None:
        state.last_acked_seq = new
        state.last_acked_at = now
        state.last_sent_seq = highest
        if sent.acknowledged_at is None:
            sent.acknowledged_at = now
        for row in s.scalars(select(ExchangeSent).where(
                ExchangeSent.peer_site_id == state.peer_site_id, ExchangeSent.seq < seq,
                ExchangeSent.acknowledged_at.is_(None), ExchangeSent.superseded_at.is_(None))):
            row.superseded_at = now  # the acknowledged file contained everything they did


def unpack_file(ctx: AppContext, path: str | os.PathLike, handler: Handler | None = None, *,
                progress: Progress | None = None) -> Applied:
    """Read, open and apply the file at ``path`` (one course of ``progress`` over all three)."""
    steps = course(progress, "exchange_unpack_cancelled")
    steps.step("Læser filen …")
    data = read_file(path)
    incoming = open_file(ctx, data, progress=steps.sub(2, 15))
    return apply(ctx, incoming, handler, progress=steps.sub(15, 100))


def first_unpack_allowed(ctx: AppContext) -> bool:
    """True for a site with no users yet (just joined): the first file from the hub, which
    brings the users, is loaded without a login. Its authority is the hub's signature."""
    from sqlalchemy import func

    from ...store.models import User

    with ctx.uow_factory() as uow:
        site = this_site(uow.session)
        return site is not None and not uow.session.scalar(select(func.count()).select_from(User))


def resolve_path(path: str | os.PathLike) -> Path:
    return Path(path).expanduser()
