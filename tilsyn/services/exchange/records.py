"""The records that travel between sites (issue 11 points 2, 3, 5 and 6).

Two payload kinds are registered with the exchange container (tilsyn.services.exchange.files):

- ``records``: rows, each ``{"t": table, "id": key, "v": version, "b": base, "d": content}``
  (``d`` absent and ``v`` = "deleted" when the recipient may no longer hold the row). Which rows
  a peer gets is decided here and only here (``visible``): data minimisation. The hub gives a
  care home PC its own homes' register, permits, users (with their Argon2id password hashes, so
  staff can log in without a connection), forms with episodes and signatures, and the draft
  reports sent to it for consultation; a laptop gets programmes, visits, draws, the residents of
  the frames as name / unit / room (never a CPR number or address), the relatives to phone, the
  consultants; never an episode or a form. A care home PC and a laptop send the hub only the
  tables they own (tilsyn.domain.ownership.SENDABLE); the hub refuses anything else.
- ``audit``: the sender's own audit entries since the last acknowledged file, with the head. The
  hub keeps them per origin (foreign_audit_entry) and ``tilsyn verify`` verifies each chain.

Conflicts (tilsyn.domain.sync.decide) are stored in ``sync_conflict`` with both versions and
resolved by a person (``ConflictService``); nothing is sent on for a record in conflict.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import Date, inspect, select
from sqlalchemy import Uuid as SaUuid

from ...domain.chain import canonical_json
from ...domain.errors import DomainError
from ...domain.exchange import ExchangeRefused, SiteKind
from ...domain.ownership import check_send
from ...domain.sync import DELETED, MERGE_BASE, Choice, Outcome, changed_fields, check_resolution, decide, version_of
from ...domain.roles import Action
from ...store import audit as store_audit
from ...store.models import (
    AuditEntry,
    Base,
    CareHome,
    Municipality,
    Permit,
    PermitForceType,
    Relative,
    Resident,
    Signature,
    Unit,
    User,
    UserCareHome,
)
from ...store.models_exchange import ExchangeState, PeerSite
from ...store.models_force import Episode, EpisodeStaff, ForceForm
from ...store.models_supervision import (
    ActionItem,
    ActionItemComment,
    Consultation,
    ConsultationReply,
    GoalFinding,
    InstalledDefinition,
    Interview,
    InterviewAnswer,
    SampleDraw,
    SampleMember,
    SupervisionProgramme,
    Visit,
    VisitConsultant,
    VisitStatement,
)
from ...store.models_sync import ForeignAuditEntry, SyncConflict, SyncKnown
from ...store.types import UtcDateTime
from . import registry
from .progress import quiet, table_words
from .sites import PeerInfo, this_site

MODELS = {m.__tablename__: m for m in (
    Municipality, CareHome, Unit, User, UserCareHome, Resident, Relative, Permit, PermitForceType,
    ForceForm, Episode, EpisodeStaff, Signature,
    InstalledDefinition, SupervisionProgramme, Visit, VisitConsultant, SampleDraw, SampleMember, Interview,
    InterviewAnswer, GoalFinding, VisitStatement, ActionItem, ActionItemComment, Consultation, ConsultationReply,
)}
ORDER = list(MODELS)  # parents before children
RANK = {t: i for i, t in enumerate(ORDER)}

# Never exchanged: per-machine login counters (a login on a care home PC is no change of the user).
LOCAL_COLUMNS = {"user_account": frozenset({"failed_attempts", "last_failed_at", "last_login_at"})}
# Columns pointing into the same table: set in a second pass so rows may arrive in any order.
SELF_REFS = {"sample_draw": ("superseded_by_id",), "sample_member": ("replaces_id",)}
NO_LOGIN = "!"  # the password hash of a user a site may see but who cannot log in there
PSEUDO_PREFIX = "X"  # a laptop's resident rows carry "X" + 9 hex digits instead of a CPR number


# -- rows as plain content ------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _attrs(model) -> list[tuple[str, Any]]:
    mapper = inspect(model)
    skip = LOCAL_COLUMNS.get(model.__tablename__, frozenset())
    return [(a.key, a.columns[0]) for a in mapper.column_attrs if a.key not in skip]


def content_of(obj) -> dict[str, Any]:
    """A row's exchanged content: every column (but per-machine counters) as JSON values."""
    return {key: _plain(getattr(obj, key)) for key, _ in _attrs(type(obj))}


def key_of(obj) -> str:
    mapper = inspect(type(obj))
    return "|".join(str(getattr(obj, c.key)) for c in mapper.primary_key)


def _python(column, value: Any) -> Any:
    if value is None:
        return None
    try:
        if isinstance(column.type, SaUuid):
            return uuid.UUID(str(value))
        if isinstance(column.type, UtcDateTime):
            parsed = dt.datetime.fromisoformat(str(value))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
        if isinstance(column.type, Date):
            return dt.date.fromisoformat(str(value))
    except (ValueError, TypeError):
        raise ExchangeRefused("exchange_record_damaged", table=column.table.name) from None
    return value


def _get(session, table: str, key: str):
    model = MODELS[table]
    parts = key.split("|")
    pk = inspect(model).primary_key
    if len(parts) != len(pk):
        raise ExchangeRefused("exchange_record_damaged", table=table)
    values = tuple(_python(c, p) if not isinstance(c.type, SaUuid) else _python(c, p) for c, p in zip(pk, parts))
    return session.get(model, values if len(values) > 1 else values[0])


# -- what a peer may see (data minimisation) ------------------------------------------------------


def _for_laptop(table: str, content: dict) -> dict:
    """A row as a laptop holds it: residents without CPR number, address or municipalities."""
    if table == "resident":
        rid = str(content["id"]).replace("-", "")
        return dict(content, cpr=PSEUDO_PREFIX + rid[:9], address="", postal_code="", city="",
                    acting_municipality="", residence_municipality="", contact_person="")
    if table == "user_account" and content.get("role") != "consultant":
        return dict(content, password_hash=NO_LOGIN)
    return content


def _for_care_home(table: str, content: dict, home_users: set[str]) -> dict:
    if table == "user_account" and content["id"] not in home_users:
        return dict(content, password_hash=NO_LOGIN)
    return content


def _all(session, model, *where) -> list:
    return list(session.scalars(select(model).where(*where))) if where else list(session.scalars(select(model)))


def _ids(rows) -> list:
    return [r.id for r in rows]


def visible(session, here: SiteKind, peer: PeerInfo) -> Iterable[tuple[str, str, dict]]:
    """Every (table, key, content) this site owes ``peer``: what the peer may see of it."""
    peer_kind = SiteKind(peer.kind)
    if here is not SiteKind.HUB:
        for table in ORDER:
            if table in _sendable(here):
                for row in _all(session, MODELS[table]):
                    yield table, key_of(row), content_of(row)
        return
    if peer_kind is SiteKind.CARE_HOME:
        yield from _to_care_home(session, peer)
    elif peer_kind is SiteKind.LAPTOP:
        yield from _to_laptop(session)


def _sendable(kind: SiteKind) -> frozenset[str]:
    from ...domain.ownership import SENDABLE

    return SENDABLE.get(kind, frozenset())


def _to_care_home(session, peer: PeerInfo):
    homes = [uuid.UUID(h) for h in peer.care_home_ids]
    home_rows = _all(session, CareHome, CareHome.id.in_(homes))
    links = _all(session, UserCareHome, UserCareHome.care_home_id.in_(homes))
    home_users = {str(link.user_id) for link in links}
    residents = _all(session, Resident, Resident.care_home_id.in_(homes))
    rids = _ids(residents)
    permits = _all(session, Permit, Permit.resident_id.in_(rids))
    forms = _all(session, ForceForm, ForceForm.care_home_id.in_(homes))
    fids = _ids(forms)
    episodes = _all(session, Episode, Episode.form_id.in_(fids))
    sigs = _all(session, Signature, Signature.entity_type == "force_form",
                Signature.entity_id.in_([str(f) for f in fids]))
    # Draft reports sent to the home for consultation (and what the reply thread needs).
    consultations = _all(session, Consultation, Consultation.visit_id.in_(
        select(Visit.id).where(Visit.care_home_id.in_(homes))))
    vids = sorted({c.visit_id for c in consultations})
    visits = _all(session, Visit, Visit.id.in_(vids))
    referenced = set(home_users)
    referenced |= {str(s.user_id) for s in sigs if s.user_id}
    referenced |= {str(e.registered_by) for e in episodes if e.registered_by}
    vcons = _all(session, VisitConsultant, VisitConsultant.visit_id.in_(vids))
    referenced |= {str(v.user_id) for v in vcons}
    replies = _all(session, ConsultationReply, ConsultationReply.consultation_id.in_(_ids(consultations)))
    referenced |= {str(r.replied_by_user_id) for r in replies if r.replied_by_user_id}
    items = _all(session, ActionItem, ActionItem.visit_id.in_(vids))
    comments = _all(session, ActionItemComment, ActionItemComment.action_item_id.in_(_ids(items)))
    referenced |= {str(c.written_by_user_id) for c in comments if c.written_by_user_id}
    users = _all(session, User, User.id.in_([uuid.UUID(u) for u in referenced]))
    muni = _all(session, Municipality, Municipality.id.in_({h.municipality_id for h in home_rows}))
    groups: dict[str, list] = {
        "municipality": muni, "care_home": home_rows, "unit": _all(session, Unit, Unit.care_home_id.in_(homes)),
        "user_account": users, "user_care_home": links, "resident": residents,
        "permit": permits, "permit_force_type": _all(session, PermitForceType, PermitForceType.permit_id.in_(_ids(permits))),
        "force_form": forms, "episode": episodes,
        "episode_staff": _all(session, EpisodeStaff, EpisodeStaff.episode_id.in_(_ids(episodes))),
        "signature": sigs,
        "supervision_programme": _all(session, SupervisionProgramme, SupervisionProgramme.id.in_(
            {v.programme_id for v in visits})),
        "supervision_visit": visits, "visit_consultant": vcons,
        "goal_finding": _all(session, GoalFinding, GoalFinding.visit_id.in_(vids)),
        "visit_statement": _all(session, VisitStatement, VisitStatement.visit_id.in_(vids)),
        "action_item": items, "action_item_comment": comments,
        "consultation": consultations, "consultation_reply": replies,
    }
    for table in ORDER:
        for row in groups.get(table, ()):
            yield table, key_of(row), _for_care_home(table, content_of(row), home_users)


def _to_laptop(session):
    draws = _all(session, SampleDraw)
    members = _all(session, SampleMember)
    frame_ids: set[str] = set()
    for d in draws:
        try:
            frame_ids.update(str(x) for x in json.loads(d.frame_snapshot or "[]"))
        except ValueError:
            pass
    frame_ids |= {str(m.resident_id) for m in members if m.resident_id}
    residents = _all(session, Resident, Resident.id.in_([uuid.UUID(r) for r in frame_ids]))
    relative_residents = [m.resident_id for m in members
                          if m.resident_id and any(d.id == m.draw_id and d.kind == "relative" for d in draws)]
    relatives = _all(session, Relative, Relative.resident_id.in_(relative_residents))
    relative_ids = {r.id for r in relatives} | {m.relative_id for m in members if m.relative_id}
    relatives = _all(session, Relative, Relative.id.in_(relative_ids))
    vcons = _all(session, VisitConsultant)
    interviews = _all(session, Interview)
    items = _all(session, ActionItem)
    comments = _all(session, ActionItemComment)
    user_ids = {v.user_id for v in vcons} | {c.written_by_user_id for c in comments if c.written_by_user_id}
    users = _all(session, User, (User.role == "consultant") | User.id.in_(user_ids))
    groups = {
        "municipality": _all(session, Municipality), "care_home": _all(session, CareHome), "unit": _all(session, Unit),
        "user_account": users, "resident": residents, "relative": relatives,
        "installed_definition": _all(session, InstalledDefinition),
        "supervision_programme": _all(session, SupervisionProgramme), "supervision_visit": _all(session, Visit),
        "visit_consultant": vcons, "sample_draw": draws, "sample_member": members, "interview": interviews,
        "interview_answer": _all(session, InterviewAnswer), "goal_finding": _all(session, GoalFinding),
        "visit_statement": _all(session, VisitStatement), "action_item": items, "action_item_comment": comments,
    }
    for table in ORDER:
        for row in groups.get(table, ()):
            yield table, key_of(row), _for_laptop(table, content_of(row))


# -- collect ---------------------------------------------------------------------------------------


def _open_conflicts(session) -> set[tuple[str, str]]:
    return {(c.record_type, c.record_id) for c in session.scalars(
        select(SyncConflict).where(SyncConflict.resolved_at.is_(None)))}


def collect_records(uow, peer: PeerInfo, since, progress=None) -> list[dict] | None:
    """Every row the peer may see whose version it is not known to hold (or which was sent in a
    file not yet acknowledged), and a deletion for every row it holds but may no longer see."""
    session = uow.session
    site = this_site(session)
    if site is None:
        return None
    here = SiteKind(site.kind)
    peer_id = uuid.UUID(peer.id)
    state = session.get(ExchangeState, peer_id)
    seq = (state.last_sent_seq if state else 0) + 1
    known = {(k.record_type, k.record_id): k for k in session.scalars(
        select(SyncKnown).where(SyncKnown.peer_site_id == peer_id))}
    for k in known.values():  # files up to ``since.seq`` arrived: what they carried is held there
        if k.pending_seq is not None and k.pending_seq <= since.seq:
            k.version, k.pending_version, k.pending_seq = k.pending_version, None, None
    blocked = _open_conflicts(session)
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    steps = progress or quiet()  # per table (in ORDER), cancel checked on every row
    for table, key, content in visible(session, here, peer):
        steps.step(f"Samler {table_words(table)} …", RANK[table], len(ORDER) + 1)
        seen.add((table, key))
        if (table, key) in blocked:
            continue
        version = version_of(content)
        row = known.get((table, key))
        if row is not None and row.version == version and row.pending_seq is None:
            continue
        out.append({"t": table, "id": key, "v": version, "b": row.version if row else None, "d": content})
        if row is None:
            row = SyncKnown(peer_site_id=peer_id, record_type=table, record_id=key, version=None)
            session.add(row)
            known[(table, key)] = row
        row.pending_version, row.pending_seq = version, seq
    mine = None if here is SiteKind.HUB else _sendable(here)
    steps.step("Samler sletninger …", len(ORDER), len(ORDER) + 1)
    for (table, key), row in known.items():
        if (table, key) in seen or (table, key) in blocked or (mine is not None and table not in mine):
            continue
        if row.version == DELETED and row.pending_seq is None:
            continue
        if row.version is None and row.pending_version in (None, DELETED):
            continue
        out.append({"t": table, "id": key, "v": DELETED, "b": row.version})
        row.pending_version, row.pending_seq = DELETED, seq
    session.flush()
    return out


# -- apply -----------------------------------------------------------------------------------------


def _valid_item(item: Any) -> bool:
    return (isinstance(item, dict) and item.get("t") in MODELS and isinstance(item.get("id"), str)
            and isinstance(item.get("v"), str) and (item.get("b") is None or isinstance(item.get("b"), str))
            and (item["v"] == DELETED or isinstance(item.get("d"), dict)))


def apply_records(uow, sender: PeerInfo, part: Any, progress=None) -> dict[str, int]:
    """Apply the rows from ``sender`` (inside the unpack's unit of work)."""
    if not isinstance(part, list) or not all(_valid_item(i) for i in part):
        raise ExchangeRefused("exchange_record_damaged", table="?")
    session = uow.session
    site = this_site(session)
    here = SiteKind(site.kind)
    sender_kind = SiteKind(sender.kind)
    steps = progress or quiet()  # cancel checked on every row; a cancel rolls the unpack back
    checking, applying = steps.sub(0, 15), steps.sub(15, 92)
    for n, item in enumerate(part):
        checking.step("Kontrollerer posterne …", n, len(part))
        check_send(sender_kind, item["t"])
        if item["v"] != DELETED and version_of(item["d"]) != item["v"]:
            raise ExchangeRefused("exchange_record_damaged", table=item["t"])
    peer_id = uuid.UUID(sender.id)
    known = {(k.record_type, k.record_id): k for k in session.scalars(
        select(SyncKnown).where(SyncKnown.peer_site_id == peer_id))}
    counts = {"indsat": 0, "opdateret": 0, "uændret": 0, "slettet": 0, "konflikter": 0}
    live = [i for i in part if i["v"] != DELETED]
    gone = [i for i in part if i["v"] == DELETED]
    live.sort(key=lambda i: RANK[i["t"]])
    gone.sort(key=lambda i: -RANK[i["t"]])
    later_refs: list[tuple[Any, str, Any]] = []
    new_episodes: list[Episode] = []
    new_sigs: list[Signature] = []
    for n, item in enumerate(live + gone):
        table, key = item["t"], item["id"]
        applying.step(f"{'Sletter' if item['v'] == DELETED else 'Indlæser'} {table_words(table)} …", n, len(part))
        obj = _get(session, table, key)
        local_content = content_of(obj) if obj is not None else None
        local_v = version_of(local_content) if obj is not None else None
        krow = known.get((table, key))
        if krow is None:
            krow = SyncKnown(peer_site_id=peer_id, record_type=table, record_id=key, version=None)
            session.add(krow)
            known[(table, key)] = krow
        if table == "signature" and obj is not None and item["v"] != DELETED:
            outcome = _merge_signature(uow, obj, item["d"])
        else:
            outcome = decide(local_v, item["v"], item.get("b"), krow.version,
                             mergeable=table == "force_form" and item["d"].get("kind") == "monthly",
                             at_hub=here is SiteKind.HUB)
        if outcome is Outcome.CONFLICT:
            _keep_conflict(session, peer_id, table, key, local_v, local_content, item)
            counts["konflikter"] += 1
            continue
        if outcome is Outcome.MERGE:
            krow.version = MERGE_BASE
            counts["uændret"] += 1
            continue
        _close_conflicts(uow, table, key)
        if outcome is Outcome.SAME:
            counts["uændret"] += 1
        elif outcome is Outcome.DELETE:
            session.delete(obj)
            counts["slettet"] += 1
        elif outcome is Outcome.INSERT:
            obj = MODELS[table]()
            later_refs += _write(obj, item["d"], insert=True)
            session.add(obj)
            counts["indsat"] += 1
            if table == "episode":
                new_episodes.append(obj)
            if table == "signature":
                new_sigs.append(obj)
        elif outcome is Outcome.APPLY:
            later_refs += _write(obj, item["d"], insert=False)
            counts["opdateret"] += 1
        # The sender holds what it sent, whatever this site sent it before.
        krow.version, krow.pending_version, krow.pending_seq = item["v"], None, None
        session.flush()
    for obj, key, value in later_refs:
        setattr(obj, key, value)
    session.flush()
    steps.step("Kontrollerer underskrifterne …", 92, 100)
    _reopen_for_late_episodes(uow, new_episodes, sender, {s.id for s in new_sigs})
    _record_signatures(uow, new_sigs, sender)
    return {k: v for k, v in counts.items() if v}


def _write(obj, content: dict, *, insert: bool) -> list[tuple[Any, str, Any]]:
    table = obj.__table__.name
    later = []
    for key, column in _attrs(type(obj)):
        if key not in content:
            continue
        value = _python(column, content[key])
        if insert and key in SELF_REFS.get(table, ()) and value is not None:
            later.append((obj, key, value))
            value = None
        if insert or getattr(obj, key) != value:
            setattr(obj, key, value)
    return later


def _merge_signature(uow, local: Signature, incoming: dict) -> Outcome:
    """Signatures only ever get voided: a void from either side is taken, never a conflict."""
    if local.voided_at is not None or not incoming.get("voided_at"):
        return Outcome.SAME
    return Outcome.APPLY


def _reopen_for_late_episodes(uow, episodes: list[Episode], sender: PeerInfo, arrived: set) -> None:
    """An episode from another PC on a form signed here reopens it, as a late registration on one
    machine does: section 2 on is voided and a sent form comes back to the leader."""
    from ..force import AUTO_VOID_REASON, ENTITY
    from ...domain.force import SECTION_EPISODES

    session = uow.session
    for form_id in sorted({e.form_id for e in episodes}, key=str):
        sigs = [s for s in session.scalars(select(Signature).where(
            Signature.entity_type == ENTITY, Signature.entity_id == str(form_id), Signature.voided_at.is_(None))) if s.id not in arrived]
        incoming_ids = {str(e.id) for e in episodes if e.form_id == form_id}
        if not any(s.section >= SECTION_EPISODES and not _covers(s, incoming_ids) for s in sigs):
            continue
        now = uow.session.info["audit_clock"]()
        voided = []
        for s in sigs:
            if s.section >= SECTION_EPISODES and not _covers(s, incoming_ids):
                s.voided_at, s.voided_by = now, f"Udveksling ({sender.name})"
                s.void_reason = AUTO_VOID_REASON
                voided.append(s.section)
        form = session.get(ForceForm, form_id)
        if form is not None and form.sent_at is not None:
            form.sent_at = None
        session.flush()
        uow.record("void", ENTITY, str(form_id), {"sections": sorted(voided)}, reason=AUTO_VOID_REASON)


def _covers(sig: Signature, episode_ids: set[str]) -> bool:
    """Whether a signature's content names these episodes (signed with them, on their PC)."""
    return all(e in (sig.content or "") for e in episode_ids)


def _record_signatures(uow, sigs: list[Signature], sender: PeerInfo) -> None:
    """A signature made at another site: logged here as signed there (verify checks the log
    recorded its hash); one over content that no longer matches the merged form here is kept
    voided, with the reason."""
    from ..force import signed_content
    from ..signatures import binding_of, content_version
    from ...domain.signing import SIGNED_VALID

    session = uow.session
    for sig in sigs:
        uow.record("sign", sig.entity_type, sig.entity_id,
                   {"section": sig.section, "hash": sig.hash, "template_version": sig.template_version,
                    "site": sender.name})
        if sig.voided_at is not None or sig.entity_type != "force_form":
            continue
        form = session.get(ForceForm, uuid.UUID(sig.entity_id))
        if form is None:
            continue
        binding = binding_of(sig, signed_content(form, sig.section, content_version(sig)), None, None)
        if binding.status != SIGNED_VALID:
            sig.voided_at = session.info["audit_clock"]()
            sig.voided_by = f"Udveksling ({sender.name})"
            sig.void_reason = "Skemaet er samlet med registreringer fra en anden computer"
            session.flush()
            uow.record("void", sig.entity_type, sig.entity_id, {"sections": [sig.section]}, reason=sig.void_reason)


def _keep_conflict(session, peer_id, table, key, local_v, local_content, item) -> None:
    open_ = session.scalars(select(SyncConflict).where(
        SyncConflict.record_type == table, SyncConflict.record_id == key, SyncConflict.peer_site_id == peer_id,
        SyncConflict.resolved_at.is_(None))).first()
    incoming = canonical_json(item.get("d"))
    if open_ is not None:
        if open_.incoming_version != item["v"]:
            open_.incoming_version, open_.incoming_content = item["v"], incoming
        return
    session.add(SyncConflict(
        peer_site_id=peer_id, record_type=table, record_id=key, local_version=local_v or DELETED,
        incoming_version=item["v"], base_version=item.get("b"), local_content=canonical_json(local_content),
        incoming_content=incoming, detected_at=session.info["audit_clock"](), resolved_by="", choice="", reason=""))


def _close_conflicts(uow, table: str, key: str) -> None:
    """The other side settled the record (an identical version, or one built on ours)."""
    for c in uow.session.scalars(select(SyncConflict).where(
            SyncConflict.record_type == table, SyncConflict.record_id == key, SyncConflict.resolved_at.is_(None))):
        c.resolved_at = uow.session.info["audit_clock"]()
        c.resolved_by = "Udveksling"
        c.choice = Choice.INCOMING.value
        c.reason = "Løst på den anden computer"


# -- the audit chain -------------------------------------------------------------------------------

AUDIT_COLUMNS = ("seq", "at", "actor_id", "actor_name", "action", "entity_type", "entity_id", "changes",
                 "changes_digest", "redacted", "reason", "prev_hash", "hash")


def collect_audit(uow, peer: PeerInfo, since) -> dict | None:
    """A care home PC's or laptop's own chain since the last acknowledged file (the hub keeps
    every site's chain; it sends its own nowhere)."""
    session = uow.session
    site = this_site(session)
    if site is None or site.kind == SiteKind.HUB.value:
        return None
    rows = session.execute(select(*[getattr(AuditEntry, c) for c in AUDIT_COLUMNS]).where(
        AuditEntry.seq > since.audit_seq).order_by(AuditEntry.seq)).all()
    entries = [{c: _plain(getattr(r, c)) for c in AUDIT_COLUMNS} for r in rows]
    head = store_audit.head(session)
    return {"origin": str(site.id), "entries": entries, "head": [head[0], head[1]]}


def apply_audit(uow, sender: PeerInfo, part: Any) -> dict[str, int]:
    """Keep the sender's entries with their origin; a gap or a rewritten entry refuses the file."""
    if not isinstance(part, dict) or part.get("origin") != sender.id or not isinstance(part.get("entries"), list):
        raise ExchangeRefused("exchange_record_damaged", table="audit")
    session = uow.session
    origin = uuid.UUID(sender.id)
    last = session.execute(select(ForeignAuditEntry.seq, ForeignAuditEntry.hash).where(
        ForeignAuditEntry.origin_site_id == origin).order_by(ForeignAuditEntry.seq.desc()).limit(1)).first()
    have = last[0] if last else 0
    added = 0
    for e in part["entries"]:
        if not isinstance(e, dict) or type(e.get("seq")) is not int:  # noqa: E721
            raise ExchangeRefused("exchange_record_damaged", table="audit")
        if e["seq"] <= have:
            stored = session.get(ForeignAuditEntry, (origin, e["seq"]))
            if stored is None or stored.hash != e.get("hash"):
                raise ExchangeRefused("exchange_chain_forked", seq=e["seq"])
            continue
        if e["seq"] != have + 1:
            raise ExchangeRefused("exchange_chain_gap", seq=e["seq"], have=have)
        try:
            row = ForeignAuditEntry(
                origin_site_id=origin, seq=e["seq"], at=_python(ForeignAuditEntry.__table__.c.at, e["at"]),
                actor_id=e.get("actor_id"), actor_name=str(e["actor_name"]), action=str(e["action"]),
                entity_type=str(e["entity_type"]), entity_id=e.get("entity_id"), changes=e.get("changes"),
                changes_digest=str(e["changes_digest"]), redacted=bool(e.get("redacted")),
                reason=str(e.get("reason") or ""), prev_hash=str(e["prev_hash"]), hash=str(e["hash"]),
                received_at=session.info["audit_clock"]())
        except (KeyError, TypeError):
            raise ExchangeRefused("exchange_record_damaged", table="audit") from None
        session.add(row)
        have = e["seq"]
        added += 1
    session.flush()
    session.info["exchange_sender_head"] = (have, _foreign_head_hash(session, origin, have))
    return {"revisionsposter": added} if added else {}


def _foreign_head_hash(session, origin, seq: int) -> str:
    row = session.get(ForeignAuditEntry, (origin, seq)) if seq else None
    return row.hash if row is not None else "0" * 64


def handler(uow, sender: PeerInfo, payload: dict, progress=None):
    """The unpack handler: every registered kind, and the head of the sender's chain as now held
    here (the receipt carries it back to the sender)."""
    from .files import Summary, apply_registered

    summary = apply_registered(uow, sender, payload, progress)
    head = uow.session.info.pop("exchange_sender_head", None)
    return Summary(summary.counts, head)


registry.register("records", collect_records, apply_records, label="poster")
registry.register("audit", collect_audit, apply_audit, label="historikken")


# -- conflicts: shown to a person, resolved with a reason --------------------------------------------


@dataclass(frozen=True)
class ConflictDTO:
    id: str
    peer: str
    record_type: str
    record_id: str
    detected_at: dt.datetime
    local: dict
    incoming: dict
    fields: tuple[str, ...]
    resolved_at: dt.datetime | None
    resolved_by: str
    choice: str
    reason: str


RECORD_LABELS = {
    "force_form": "Månedsskema", "episode": "Magtanvendelse", "signature": "Underskrift",
    "supervision_visit": "Tilsynsbesøg", "sample_member": "Stikprøve", "interview": "Interview",
    "goal_finding": "Fund", "visit_statement": "Konklusion", "action_item": "Handleplan",
    "consultation_reply": "Høringssvar", "resident": "Beboer", "permit": "Tilladelse",
}


def _conflict_dto(c: SyncConflict, peers: dict) -> ConflictDTO:
    local = json.loads(c.local_content) if c.local_content else None
    incoming = json.loads(c.incoming_content) if c.incoming_content else None
    return ConflictDTO(str(c.id), peers.get(c.peer_site_id, "?"), c.record_type, c.record_id, c.detected_at,
                       local or {}, incoming or {}, tuple(changed_fields(local, incoming)), c.resolved_at,
                       c.resolved_by, c.choice, c.reason)


class ConflictService:
    """Conflicts between this site and its peers: list them, resolve one (audited)."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def conflicts(self, include_resolved: bool = False) -> list[ConflictDTO]:
        self.ctx.require(Action.CARE_HOME_VIEW)
        with self.ctx.uow_factory() as uow:
            peers = {p.id: p.name for p in uow.session.scalars(select(PeerSite))}
            q = select(SyncConflict).order_by(SyncConflict.detected_at)
            if not include_resolved:
                q = q.where(SyncConflict.resolved_at.is_(None))
            return [_conflict_dto(c, peers) for c in uow.session.scalars(q)]

    def resolve(self, conflict_id: str, choice: str, reason: str) -> ConflictDTO:
        """Keep this site's version or take the other one; the reason is audited. The result goes
        to the other site with the next file (built on its version, so it is taken there)."""
        self.ctx.require(Action.CARE_HOME_VIEW)
        picked, reason = check_resolution(choice, reason)
        with self.ctx.uow_factory() as uow:
            s = uow.session
            try:
                c = s.get(SyncConflict, uuid.UUID(str(conflict_id)))
            except ValueError:
                c = None
            if c is None:
                raise DomainError("conflict_unknown")
            if c.resolved_at is not None:
                raise DomainError("conflict_resolved_already")
            uow.reason = reason
            obj = _get(s, c.record_type, c.record_id)
            incoming = json.loads(c.incoming_content) if c.incoming_content else None
            if picked is Choice.INCOMING:
                if incoming is None and obj is not None:
                    s.delete(obj)
                elif incoming is not None:
                    if obj is None:
                        obj = MODELS[c.record_type]()
                        refs = _write(obj, incoming, insert=True)
                        s.add(obj)
                    else:
                        refs = _write(obj, incoming, insert=False)
                    s.flush()
                    for o, k, v in refs:
                        setattr(o, k, v)
            krow = s.get(SyncKnown, (c.peer_site_id, c.record_type, c.record_id))
            if krow is None:
                krow = SyncKnown(peer_site_id=c.peer_site_id, record_type=c.record_type, record_id=c.record_id)
                s.add(krow)
            # The peer holds its version; ours (if kept) goes to it built on that. If we took
            # theirs, send it once more so the peer can close its side of the conflict.
            krow.version = c.incoming_version if picked is Choice.LOCAL else None
            krow.pending_version, krow.pending_seq = None, None
            c.resolved_at = self.ctx.now()
            c.resolved_by = self.ctx.user.label if self.ctx.user else ""
            c.choice, c.reason = picked.value, reason
            s.flush()
            uow.record("sync.resolve", c.record_type, c.record_id[:36],
                       {"conflict": str(c.id), "choice": picked.value, "local_version": c.local_version,
                        "incoming_version": c.incoming_version}, reason=reason)
            peers = {p.id: p.name for p in s.scalars(select(PeerSite))}
            dto = _conflict_dto(c, peers)
            uow.commit()
            return dto


__all__ = ["ConflictDTO", "ConflictService", "apply_audit", "apply_records", "collect_audit", "collect_records",
           "content_of", "handler", "visible"]

_ = Base  # the models above are all mapped on Base
