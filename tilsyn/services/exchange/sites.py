"""Sites: make a database the hub, enrol a care home's PC or a laptop, join, revoke, show.

A database without a ``this_site`` row is no site and works as before. The hub creates each new
site's key pairs, keeps only their public halves and writes the private ones, with its own public
keys, into a start file encrypted with a passphrase; the new machine creates its database from it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from ...domain.errors import DomainError
from ...domain.exchange import ExchangeRefused, SiteKind, check_enrolment, check_revoke_reason, check_site_name
from ...domain.roles import Action, Actor, Role
from ...store.migrate import head_revision
from ...store.models import CareHome, Municipality, Resident, User
from ...store.models_exchange import ExchangeState, PeerSite, SiteSecret, ThisSite
from ..context import AppContext
from . import crypto

# ``tilsyn site join`` writes the new site's identity into an empty database, which has nobody to
# log in as; it may do nothing else (no action in the permission table).
SITE_JOINER = Actor(None, "site", "Tilmelding (tilsyn site join)", Role.ADMIN, only=frozenset())


@dataclass(frozen=True)
class PeerInfo:
    id: str
    name: str
    kind: str
    care_home_ids: tuple[str, ...]
    enrolled_at: dt.datetime
    revoked_at: dt.datetime | None
    revoke_reason: str
    last_sent_seq: int = 0
    last_sent_at: dt.datetime | None = None
    last_acked_seq: int = 0
    last_acked_at: dt.datetime | None = None
    last_received_seq: int = 0
    last_received_at: dt.datetime | None = None


@dataclass(frozen=True)
class SiteInfo:
    id: str
    name: str
    kind: str
    joined_at: dt.datetime


@dataclass(frozen=True)
class SiteOverview:
    site: SiteInfo | None  # None: this database is no site
    peers: tuple[PeerInfo, ...]


@dataclass(frozen=True)
class Enrolled:
    peer: PeerInfo
    start_file: Path


@dataclass(frozen=True)
class Joined:
    site: SiteInfo
    hub: PeerInfo
    file: Path | None


def peer_info(peer: PeerSite, state: ExchangeState | None = None) -> PeerInfo:
    s = state
    return PeerInfo(
        id=str(peer.id), name=peer.name, kind=peer.kind, care_home_ids=tuple(json.loads(peer.care_home_ids or "[]")),
        enrolled_at=peer.enrolled_at, revoked_at=peer.revoked_at, revoke_reason=peer.revoke_reason or "",
        last_sent_seq=s.last_sent_seq if s else 0, last_sent_at=s.last_sent_at if s else None,
        last_acked_seq=s.last_acked_seq if s else 0, last_acked_at=s.last_acked_at if s else None,
        last_received_seq=s.last_received_seq if s else 0, last_received_at=s.last_received_at if s else None,
    )


def _site_info(site: ThisSite) -> SiteInfo:
    return SiteInfo(str(site.id), site.name, site.kind, site.joined_at)


def this_site(session) -> ThisSite | None:
    return session.scalars(select(ThisSite)).first()


def find_peer(session, name_or_id: str) -> PeerSite | None:
    """A peer by name (case and spacing ignored) or by id."""
    from ...domain.names import name_key

    try:
        peer = session.get(PeerSite, uuid.UUID(str(name_or_id)))
        if peer is not None:
            return peer
    except ValueError:
        pass
    key = name_key(name_or_id or "")
    return next((p for p in session.scalars(select(PeerSite)) if name_key(p.name) == key), None)


def write_private_file(path: str | os.PathLike, data: bytes) -> Path:
    """Create ``path`` readable by its owner only (0600); never overwrite."""
    target = Path(path).expanduser()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise DomainError("file_exists", file=str(target)) from None
    except OSError as exc:
        raise DomainError("file_unwritable", path=str(target), reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise DomainError("file_unwritable", path=str(target), reason=exc.strerror or str(exc)) from None
    return target


def read_file(path: str | os.PathLike, code: str = "exchange_unreadable") -> bytes:
    try:
        return Path(path).expanduser().read_bytes()
    except FileNotFoundError:
        raise DomainError(code, path=str(path), reason="filen findes ikke") from None
    except IsADirectoryError:
        raise DomainError(code, path=str(path), reason="det er en mappe") from None
    except PermissionError:
        raise DomainError(code, path=str(path), reason="der er ikke adgang til filen") from None
    except OSError:
        raise DomainError(code, path=str(path), reason="filen kan ikke læses") from None


class SiteService:
    """Use cases on sites. Every change is audited (field by field, plus one event each)."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def init_hub(self, name: str) -> SiteInfo:
        """Make this database the hub (the municipality's); refused if it is a site already."""
        self.ctx.require(Action.SETTINGS_MANAGE)
        name = check_site_name(name)
        keys = crypto.new_key_pairs()
        with self.ctx.uow_factory() as uow:
            if this_site(uow.session) is not None:
                raise ExchangeRefused("site_exists", name=this_site(uow.session).name)
            site = ThisSite(id=uuid.uuid4(), name=name, kind=SiteKind.HUB.value, sign_public=keys.sign_public,
                            box_public=keys.box_public, joined_at=self.ctx.now())
            uow.session.add(site)
            uow.session.flush()
            uow.session.add(SiteSecret(site_id=site.id, sign_secret=keys.sign_secret, box_secret=keys.box_secret))
            uow.record("site.init", "this_site", str(site.id), {"name": name, "kind": site.kind})
            info = _site_info(site)
            uow.commit()
        return info

    def enrol(self, name: str, kind: SiteKind, homes: list[str] | tuple[str, ...], passphrase: str,
              out: str | os.PathLike) -> Enrolled:
        """At the hub: enrol a care home's PC or a laptop and write its start file (0600)."""
        from ..encryption import validate_new_passphrase

        self.ctx.require(Action.SETTINGS_MANAGE)
        name = check_site_name(name)
        validate_new_passphrase(passphrase, field="start_passphrase")
        keys = crypto.new_key_pairs()
        with self.ctx.uow_factory() as uow:
            hub = this_site(uow.session)
            check_enrolment(hub.kind if hub else None, kind, len(homes))
            if find_peer(uow.session, name) is not None or name.casefold() == hub.name.casefold():
                raise ExchangeRefused("site_name_taken", name=name)
            from ...domain.names import name_key

            # By name_key in Python: SQL lower() leaves Æ, Ø and Å as they are on SQLite.
            by_key = {name_key(h.name): h for h in uow.care_homes.list_all()}
            home_ids: list[str] = []
            for home_name in homes:
                home = by_key.get(name_key(home_name))
                if home is None:
                    raise ExchangeRefused("site_home_unknown", home=home_name)
                if str(home.id) not in home_ids:
                    home_ids.append(str(home.id))
            now = self.ctx.now()
            peer = PeerSite(id=uuid.uuid4(), name=name, kind=kind.value, sign_public=keys.sign_public,
                            box_public=keys.box_public, care_home_ids=json.dumps(home_ids), enrolled_at=now)
            uow.session.add(peer)
            uow.session.flush()
            state = ExchangeState(peer_site_id=peer.id, last_sent_seq=0, last_acked_seq=0, last_received_seq=0)
            uow.session.add(state)
            uow.record("site.enrol", "peer_site", str(peer.id), {"name": name, "kind": kind.value,
                                                                 "care_home_ids": home_ids})
            content = {
                "format": 1, "schema": head_revision(), "created_at": now.isoformat(),
                "site": {"id": str(peer.id), "name": name, "kind": kind.value, "care_home_ids": home_ids,
                         "sign_secret": keys.sign_secret, "sign_public": keys.sign_public,
                         "box_secret": keys.box_secret, "box_public": keys.box_public},
                "hub": {"id": str(hub.id), "name": hub.name, "kind": hub.kind, "sign_public": hub.sign_public,
                        "box_public": hub.box_public},
            }
            uow.flush()
            info = peer_info(peer, state)
            # Written before the commit: a start file that cannot be written enrols nobody; a
            # commit that fails removes the file again.
            path = write_private_file(out, crypto.seal_start(content, passphrase))
            try:
                uow.commit()
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        return Enrolled(info, path)

    def revoke(self, name: str, reason: str) -> PeerInfo:
        """At the hub: a lost or retired site; every later file from it is refused."""
        self.ctx.require(Action.SETTINGS_MANAGE)
        reason = check_revoke_reason(reason)
        with self.ctx.uow_factory() as uow:
            hub = this_site(uow.session)
            if hub is None:
                raise ExchangeRefused("site_none")
            if hub.kind != SiteKind.HUB.value:
                raise ExchangeRefused("site_not_hub")
            peer = find_peer(uow.session, name)
            if peer is None:
                raise ExchangeRefused("site_peer_unknown", name=name)
            if peer.revoked_at is not None:
                raise ExchangeRefused("site_already_revoked", name=peer.name)
            peer.revoked_at = self.ctx.now()
            peer.revoke_reason = reason
            uow.record("site.revoke", "peer_site", str(peer.id), {"name": peer.name}, reason=reason)
            uow.flush()
            info = peer_info(peer, uow.session.get(ExchangeState, peer.id))
            uow.commit()
        return info

    def overview(self) -> SiteOverview:
        """Which site this is, its peers and when it last exchanged with each."""
        self.ctx.require(Action.CARE_HOME_VIEW)
        with self.ctx.uow_factory() as uow:
            site = this_site(uow.session)
            peers = tuple(
                peer_info(p, uow.session.get(ExchangeState, p.id))
                for p in uow.session.scalars(select(PeerSite).order_by(PeerSite.name))
            )
            return SiteOverview(_site_info(site) if site else None, peers)


# -- join: on the new machine -----------------------------------------------------------------


def read_start_file(path: str | os.PathLike, passphrase: str) -> dict:
    """The start file's content, checked; refused in Danish if unreadable or the passphrase is wrong."""
    content = crypto.open_start(read_file(path, "start_unreadable"), passphrase)
    try:
        site, hub = content["site"], content["hub"]
        for part in (site, hub):
            uuid.UUID(part["id"])
            check_site_name(part["name"])
            for key in ("sign_public", "box_public"):
                crypto.unb64(part[key])
        crypto.unb64(site["sign_secret"])
        crypto.unb64(site["box_secret"])
        SiteKind(site["kind"])
    except (KeyError, TypeError, ValueError, DomainError):
        raise DomainError("start_damaged") from None
    return content


def _is_empty(session) -> bool:
    for model in (ThisSite, User, Municipality, CareHome, Resident, PeerSite):
        if session.scalar(select(func.count()).select_from(model)):
            return False
    return True


def join(content: dict, db: str | None, db_passphrase: str | None) -> Joined:
    """Create this machine's database as the site in ``content`` (a read start file).

    Refused for a database that exists and is not empty; a laptop's database is created
    encrypted (SQLCipher) with ``db_passphrase``, which it then needs.
    """
    from ...store.db import database_exists, resolve_url, sqlite_path
    from ..app import close_app, open_app
    from ..encryption import validate_new_passphrase

    site, hub = content["site"], content["hub"]
    kind = SiteKind(site["kind"])
    url = resolve_url(db)
    file = sqlite_path(url)
    if file is not None and file.exists() and file.stat().st_size > 0:
        raise DomainError("site_join_not_empty", file=str(file))
    if kind == SiteKind.LAPTOP:
        if file is None:
            raise DomainError("site_join_laptop_file")
        validate_new_passphrase(db_passphrase, field="passphrase")
    if file is None and not database_exists(url):
        raise DomainError("database_missing", file=db or url)
    opened = open_app(db, passphrase=db_passphrase if kind == SiteKind.LAPTOP or db_passphrase else None,
                      actor=SITE_JOINER)
    try:
        ctx = opened.context
        with ctx.uow_factory() as uow:
            if not _is_empty(uow.session):
                raise DomainError("site_join_not_empty", file=str(opened.file or opened.url))
            now = ctx.now()
            this = ThisSite(id=uuid.UUID(site["id"]), name=site["name"], kind=kind.value,
                            sign_public=site["sign_public"], box_public=site["box_public"], joined_at=now)
            uow.session.add(this)
            uow.session.flush()
            uow.session.add(SiteSecret(site_id=this.id, sign_secret=site["sign_secret"], box_secret=site["box_secret"]))
            peer = PeerSite(id=uuid.UUID(hub["id"]), name=hub["name"], kind=SiteKind.HUB.value,
                            sign_public=hub["sign_public"], box_public=hub["box_public"],
                            care_home_ids=json.dumps(list(site.get("care_home_ids") or [])), enrolled_at=now)
            uow.session.add(peer)
            uow.session.flush()
            state = ExchangeState(peer_site_id=peer.id, last_sent_seq=0, last_acked_seq=0, last_received_seq=0)
            uow.session.add(state)
            uow.record("site.join", "this_site", str(this.id), {"name": this.name, "kind": this.kind,
                                                                "hub": str(peer.id)})
            uow.flush()
            result = Joined(_site_info(this), peer_info(peer, state), opened.file)
            uow.commit()
    finally:
        close_app(opened.context)
    return result
