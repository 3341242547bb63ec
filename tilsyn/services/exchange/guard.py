"""The ownership guard the services call before a change (issue 11 point 2).

``require_owner(uow, part, care_home_id=..., visit_id=...)`` refuses, with a Danish message, a
change of a record this site does not own (tilsyn.domain.ownership). A database that is no site
passes everything. The exchange's own appliers do not call it: they apply what the owner sent.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select

from ...domain.exchange import SiteKind
from ...domain.ownership import Part, check_change
from ...store.models_exchange import PeerSite, ThisSite

_CACHE = "ownership_site"


def _site(session) -> tuple[SiteKind | None, frozenset[str]]:
    """(this site's kind, the care home ids it serves / at the hub: homes served by a site)."""
    cached = session.info.get(_CACHE)
    if cached is not None:
        return cached
    site = session.scalars(select(ThisSite)).first()
    if site is None:
        out: tuple[SiteKind | None, frozenset[str]] = (None, frozenset())
    else:
        kind = SiteKind(site.kind)
        homes: set[str] = set()
        for peer in session.scalars(select(PeerSite)):
            if kind is SiteKind.HUB and (peer.kind != SiteKind.CARE_HOME.value or peer.revoked_at is not None):
                continue
            homes.update(str(h) for h in json.loads(peer.care_home_ids or "[]"))
        out = (kind, frozenset(homes))
    session.info[_CACHE] = out
    return out


def site_kind(session) -> SiteKind | None:
    return _site(session)[0]


def visit_on_laptop(session, visit_id) -> bool:
    """At the hub: the visit was handed to a laptop (sent to one that is not revoked)."""
    from ...store.models_sync import SyncKnown

    rows = session.execute(
        select(SyncKnown.peer_site_id).join(PeerSite, PeerSite.id == SyncKnown.peer_site_id).where(
            SyncKnown.record_type == "supervision_visit", SyncKnown.record_id == str(visit_id),
            PeerSite.kind == SiteKind.LAPTOP.value, PeerSite.revoked_at.is_(None))).first()
    return rows is not None


def require_owner(uow, part: Part, *, care_home_id=None, visit_id=None) -> None:
    """Refuse a change of ``part`` (of the record in ``care_home_id`` / ``visit_id``) here."""
    session = uow.session
    kind, homes = _site(session)
    if kind is None:
        return
    home = str(care_home_id) if care_home_id is not None else None
    if kind is SiteKind.HUB:
        if part is Part.VISIT_CONDUCT:
            delegated = visit_id is not None and visit_on_laptop(session, uuid.UUID(str(visit_id)))
        else:
            delegated = home is not None and home in homes
        check_change(kind, part, delegated=delegated)
    elif kind is SiteKind.CARE_HOME:
        check_change(kind, part, served=home is None or home in homes)
    else:
        check_change(kind, part)


__all__ = ["Part", "require_owner", "site_kind", "visit_on_laptop"]


def require_visit_owner(uow, part: Part, *, visit_id=None, member_id=None, interview_id=None, draw_id=None,
                        care_home_id=None) -> None:
    """``require_owner`` for a supervision change named by any of its ids (the visit is looked up
    only where it matters: at the hub, whether the visit is on a laptop)."""
    session = uow.session
    kind, _homes = _site(session)
    if kind is None:
        return
    if kind is SiteKind.HUB and part is Part.VISIT_CONDUCT and visit_id is None:
        from ...store.models_supervision import Interview, SampleDraw, SampleMember

        if interview_id is not None:
            row = session.get(Interview, uuid.UUID(str(interview_id)))
            visit_id = row.visit_id if row is not None else None
        elif member_id is not None or draw_id is not None:
            if member_id is not None:
                member = session.get(SampleMember, uuid.UUID(str(member_id)))
                draw_id = member.draw_id if member is not None else None
            draw = session.get(SampleDraw, draw_id) if draw_id is not None else None
            visit_id = draw.visit_id if draw is not None else None
    if kind is SiteKind.CARE_HOME and care_home_id is None and visit_id is not None:
        from ...store.models_supervision import Visit

        v = session.get(Visit, uuid.UUID(str(visit_id)))
        care_home_id = v.care_home_id if v is not None else None
    require_owner(uow, part, care_home_id=care_home_id, visit_id=visit_id)
