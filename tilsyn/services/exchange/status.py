"""What is waiting to go out: per peer, how many records no exchange file has carried yet.

Read only: the rule of ``records.collect_records`` (every row the peer may see whose version it
is not known to hold), counted without marking anything; a row already in a file written for the
peer counts as sent (pack repeats it until the peer acknowledges it). Rows in conflict and audit
entries are not counted (every change makes an audit entry).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select

from ...domain.exchange import SiteKind
from ...domain.roles import Action
from ...domain.sync import version_of
from ...store.models_exchange import ExchangeState, PeerSite
from ...store.models_sync import SyncKnown
from ..context import AppContext
from . import records
from .files import Applied, Packed, pack_file, unpack_file
from .progress import Progress
from .sites import SiteOverview, SiteService, peer_info, this_site


@dataclass(frozen=True)
class Waiting:
    """What the next file to ``peer`` would carry: table -> number of records."""

    peer: str
    peer_kind: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# Singular and plural of what a table's rows are called (the rest: "post" / "poster").
WAITING_LABELS = {
    "force_form": ("månedsskema", "månedsskemaer"),
    "episode": ("magtanvendelse", "magtanvendelser"),
    "signature": ("underskrift", "underskrifter"),
    "consultation_reply": ("høringssvar", "høringssvar"),
    "consultation": ("høring", "høringer"),
    "action_item": ("handleplanspunkt", "handleplanspunkter"),
    "action_item_comment": ("kommentar til handleplanen", "kommentarer til handleplanen"),
    "supervision_visit": ("tilsynsbesøg", "tilsynsbesøg"),
    "sample_member": ("udtrukket i stikprøven", "udtrukne i stikprøven"),
    "interview": ("interview", "interview"),
    "interview_answer": ("interviewsvar", "interviewsvar"),
    "goal_finding": ("fund", "fund"),
    "visit_statement": ("konklusion", "konklusioner"),
    "resident": ("beboer", "beboere"),
    "permit": ("tilladelse", "tilladelser"),
    "user_account": ("bruger", "brugere"),
}


def _label(table: str, n: int) -> str:
    one, many = WAITING_LABELS.get(table, ("post", "poster"))
    return f"{n} {one if n == 1 else many}"


def _to(w: Waiting) -> str:
    return "kommunen" if w.peer_kind == SiteKind.HUB.value else w.peer


# Rows that belong to another row the text already names (an episode's staff, a user's homes).
CHILD_TABLES = frozenset({"episode_staff", "user_care_home", "permit_force_type", "visit_consultant"})


def waiting_text(w: Waiting) -> str:
    """'3 månedsskemaer er ikke sendt til kommunen endnu' (or 'Alt er sendt til kommunen')."""
    if not w.total:
        return f"Alt er sendt til {_to(w)}."
    # Sorted by the exchange's table order, so the forms come before their episodes.
    shown = sorted(((t, n) for t, n in w.counts.items() if t not in CHILD_TABLES),
                   key=lambda kv: records.RANK.get(kv[0], 999))
    parts = [_label(t, n) for t, n in shown] or [_label("", w.total)]
    what = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " og " + parts[-1]
    return f"{what} er ikke sendt til {_to(w)} endnu."


def waiting_summary(items: list[Waiting] | tuple[Waiting, ...]) -> str:
    """One line for the status bar: the first peer with something waiting, or empty."""
    pending = [w for w in items if w.total]
    if not pending:
        return ""
    text = waiting_text(pending[0])
    if len(pending) > 1:
        text += f" (og til {len(pending) - 1} andre)"
    return text


class ExchangeService:
    """The exchange as the Udveksling page uses it: this site and its peers, what is waiting to
    go out (read only), packing a file for a peer and loading one from a peer."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def overview(self) -> SiteOverview:
        return SiteService(self.ctx).overview()

    def pack(self, peer: str | None, out: str | os.PathLike, *, progress: Progress | None = None) -> Packed:
        """The next file to ``peer`` (None: the only peer) written to ``out`` (never overwritten);
        ``progress``: stages, cancel and the point of no return (see progress.Progress)."""
        return pack_file(self.ctx, peer, out=out, progress=progress)

    def unpack(self, path: str | os.PathLike, *, progress: Progress | None = None) -> Applied:
        """Read, check and apply the file at ``path``; the same file again is 'already loaded'."""
        return unpack_file(self.ctx, path, records.handler, progress=progress)

    def is_site(self) -> bool:
        with self.ctx.uow_factory() as uow:
            return this_site(uow.session) is not None

    def waiting(self) -> list[Waiting]:
        self.ctx.require(Action.CARE_HOME_VIEW)
        with self.ctx.uow_factory() as uow:
            s = uow.session
            site = this_site(s)
            if site is None:
                return []
            here = SiteKind(site.kind)
            blocked = records._open_conflicts(s)
            out: list[Waiting] = []
            for peer in s.scalars(select(PeerSite).where(PeerSite.revoked_at.is_(None)).order_by(PeerSite.name)):
                state = s.get(ExchangeState, peer.id)
                info = peer_info(peer, state)
                known = {(k.record_type, k.record_id): k for k in s.scalars(
                    select(SyncKnown).where(SyncKnown.peer_site_id == uuid.UUID(info.id)))}
                counts: dict[str, int] = {}
                for table, key, content in records.visible(s, here, info):
                    if (table, key) in blocked:
                        continue
                    row = known.get((table, key))
                    version = version_of(content)
                    # Held there, or in a file already written for it (sent, perhaps not yet
                    # acknowledged: pack repeats it until it is, but it is not "not sent").
                    if row is not None and version in (row.version if row.pending_seq is None else None,
                                                       row.pending_version):
                        continue
                    counts[table] = counts.get(table, 0) + 1
                out.append(Waiting(peer.name, peer.kind, counts))
            return out


__all__ = ["ExchangeService", "WAITING_LABELS", "Waiting", "waiting_summary", "waiting_text"]
