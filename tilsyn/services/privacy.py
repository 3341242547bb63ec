"""Privacy: export everything about one resident; delete or anonymise after the retention period."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from ..domain import cpr as cprmod
from ..domain.errors import DomainError, NotFound, ValidationError
from ..domain.roles import Action
from ..domain.signing import require_reason
from ..reports.resident_export import ResidentExportData, render_resident_export
from ..store import audit as store_audit
from ..store.models_force import ForceForm
from ..store.models_supervision import SampleMember
from .context import COPENHAGEN, AppContext
from .residents import ResidentService

DEFAULT_RETENTION_YEARS = 5
ANONYMOUS_NAME = "Anonymiseret beboer"
ACTION_LABELS = {"create": "Oprettet", "update": "Ændret", "delete": "Slettet", "sign": "Underskrevet",
                 "void": "Underskrift annulleret", "export": "Udlæst"}


@dataclass(frozen=True)
class ResidentExport:
    json_text: str
    pdf: bytes
    filename_stem: str


@dataclass(frozen=True)
class RetentionCandidate:
    id: str
    name: str
    cpr_masked: str
    care_home: str
    move_out: dt.date


@dataclass(frozen=True)
class RetentionResult:
    mode: str
    residents: int
    audit_entries_redacted: int


class PrivacyService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    # -- right of access --------------------------------------------------------------------
    def export_resident(self, resident_id: str) -> ResidentExport:
        """All stored about one resident as JSON and a readable PDF; the export itself is audited."""
        self.ctx.require(Action.PRIVACY_EXPORT)
        detail = ResidentService(self.ctx).get(resident_id)
        with self.ctx.uow_factory() as uow:
            episodes = uow.episodes.for_resident(detail.id)
            forms = sorted({e.form_id for e in episodes}, key=str)
            episode_rows = [
                {"id": str(e.id), "form_id": str(e.form_id), "force_type": e.force_type, "situation": e.situation,
                 "started_at": e.started_at.isoformat(), "ended_at": e.ended_at.isoformat() if e.ended_at else None,
                 "location": e.location, "purpose": e.purpose, "description": e.description,
                 "avoidance": e.avoidance, "least_intrusive": e.least_intrusive, "narrative": e.narrative,
                 "registered_at": e.registered_at.isoformat(), "late": e.late, "late_reason": e.late_reason,
                 "staff": [{"name": s.name, "workplace": s.workplace, "position": s.position,
                            "writer": s.is_writer} for s in e.staff]}
                for e in episodes
            ]
            ids = [detail.id, *(r.id for r in detail.relatives), *(p.id for p in detail.permits),
                   *(x["id"] for x in episode_rows), *(str(f) for f in forms)]
            history = [
                {"seq": e.seq, "at": e.at.isoformat(), "actor": e.actor_name, "action": e.action,
                 "entity_type": e.entity_type, "entity_id": e.entity_id,
                 "changes": None if e.changes is None else json.loads(e.changes), "reason": e.reason}
                for e in uow.audit.for_entities(ids)
            ]
            uow.record("export", "resident", detail.id, {"format": ["json", "pdf"]})
            uow.commit()
        now = self.ctx.now()
        payload = {
            "generated_at": now.isoformat(),
            "resident": {k: v for k, v in _plain(detail).items() if k not in ("relatives", "permits")},
            "relatives": [_plain(r) for r in detail.relatives],
            "permits": [_plain(p) for p in detail.permits],
            "episodes": episode_rows,
            "audit_history": history,
        }
        text = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True)
        pdf = render_resident_export(_export_data(detail, history, now, episode_rows))
        return ResidentExport(text, pdf, f"beboer-{detail.cpr_masked[:6]}-{detail.id[:8]}")

    # -- retention ----------------------------------------------------------------------------
    def retention_years(self) -> int:
        with self.ctx.uow_factory() as uow:
            return int(uow.settings.get("retention_years", str(DEFAULT_RETENTION_YEARS)))

    def set_retention_years(self, years: int) -> None:
        self.ctx.require(Action.SETTINGS_MANAGE)
        if not 1 <= int(years) <= 30:
            raise ValidationError([DomainError("retention_years", field="retention_years")])
        with self.ctx.uow_factory() as uow:
            uow.settings.set("retention_years", str(int(years)))
            uow.commit()

    def retention_candidates(self) -> list[RetentionCandidate]:
        """Residents who moved out more than the retention period ago."""
        self.ctx.require(Action.PRIVACY_RETENTION)
        cutoff = self.ctx.today() - relativedelta(years=self.retention_years())
        with self.ctx.uow_factory() as uow:
            return [
                RetentionCandidate(str(r.id), r.name, cprmod.mask(r.cpr), r.care_home.name, r.move_out)
                for r in uow.residents.moved_out_before(cutoff)
                if r.name != ANONYMOUS_NAME
            ]

    def apply_retention(self, resident_ids: list[str], mode: str, reason: str) -> RetentionResult:
        """Delete or anonymise residents past retention. The audit log keeps that it happened and
        why, but not the data: earlier entries about them lose their payload (their digest stays)."""
        self.ctx.require(Action.PRIVACY_RETENTION)
        reason = require_reason(reason)
        if mode not in ("delete", "anonymise"):
            raise DomainError("retention_mode", mode=mode)
        allowed_ids = {c.id for c in self.retention_candidates()}
        not_due = [i for i in resident_ids if i not in allowed_ids]
        if not_due:
            raise DomainError("retention_not_due", count=len(not_due))
        redacted = 0
        with self.ctx.uow_factory() as uow:
            # Every change is still logged field by field, so the log keeps folding to the data,
            # but without an old value: the log must not keep what retention removes.
            uow.session.info["audit_forget"] = True
            for rid in resident_ids:
                r = uow.residents.get_full(rid)
                episodes = uow.episodes.for_resident(r.id)
                forms = list(uow.session.scalars(select(ForceForm).where(ForceForm.resident_id == r.id)))
                form_ids = sorted({str(f.id) for f in forms} | {str(e.form_id) for e in episodes})
                ids = [str(r.id), *(str(x.id) for x in r.relatives), *(str(p.id) for p in r.permits),
                       *(str(e.id) for e in episodes), *(str(s.id) for e in episodes for s in e.staff), *form_ids]
                # Signatures keep a copy of what was signed (narratives): they go with the record.
                sig_ids = [str(sig.id) for fid in form_ids
                           for sig in uow.signatures.for_entity("force_form", fid, include_voided=True)]
                redacted += store_audit.redact(uow.session, ids, sig_ids, reason, {"resident": str(r.id)})
                uow.session.expire_all()
                r = uow.residents.get_full(rid)
                episodes = uow.episodes.for_resident(r.id)
                if mode == "delete":
                    # Through the ORM, not the database's cascades, so each deletion is logged.
                    for member in uow.session.scalars(select(SampleMember).where(SampleMember.resident_id == r.id)):
                        member.resident_id = None
                    for e in episodes:
                        uow.session.delete(e)
                    uow.flush()
                    for f in uow.session.scalars(select(ForceForm).where(ForceForm.resident_id == r.id)):
                        uow.session.delete(f)
                    uow.flush()
                    uow.residents.delete(r)
                else:
                    _anonymise(r)
                    for e in episodes:
                        _anonymise_episode(e)
                    for f in uow.session.scalars(select(ForceForm).where(ForceForm.resident_id == r.id)):
                        _anonymise_form(f)
                uow.flush()
                uow.record(f"retention_{mode}", "resident", str(r.id), {}, reason=reason)
            uow.commit()
        return RetentionResult(mode, len(resident_ids), redacted)


def _anonymise(r) -> None:
    r.name = ANONYMOUS_NAME
    r.cpr = "A" + uuid.uuid4().hex[:9]
    r.address = r.postal_code = r.city = r.room = r.contact_person = ""
    r.relatives[:] = []
    for p in r.permits:
        p.prerequisites = ""
        p.decision_reference = ""


EPISODE_TEXTS = ("location", "purpose", "description", "avoidance", "least_intrusive", "narrative", "late_reason")
FORM_TEXTS = ("necessity", "reflection", "action_plan_updated", "discussed_when", "discussion_plans", "other",
              "followup_remarks", "return_comment")


def _anonymise_episode(e) -> None:
    """Keep type, time and lateness for statistics; drop every free text about the resident."""
    for f in EPISODE_TEXTS:
        setattr(e, f, "")
    _anonymise_form(e.form)


def _anonymise_form(form) -> None:
    for f in FORM_TEXTS:
        setattr(form, f, "")


def _plain(obj: Any) -> Any:
    if hasattr(obj, "__dataclass_fields__"):
        return {k: _plain(getattr(obj, k)) for k in obj.__dataclass_fields__}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    return obj


def _d(day: dt.date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def _export_data(detail, history: list[dict], now: dt.datetime, episodes: list[dict] = ()) -> ResidentExportData:
    facts = [
        ("CPR-nummer", detail.cpr), ("Navn", detail.name), ("Adresse", detail.address),
        ("Postnr. og by", f"{detail.postal_code} {detail.city}".strip()), ("Plejecenter", detail.care_home),
        ("Afdeling", detail.unit), ("Bolig", detail.room), ("Indflytning", _d(detail.move_in)),
        ("Fraflytning", _d(detail.move_out)), ("Handlekommune", detail.acting_municipality),
        ("Opholdskommune", detail.residence_municipality), ("Kontaktperson", detail.contact_person),
    ]
    rows = []
    for e in history:
        when = dt.datetime.fromisoformat(e["at"]).astimezone(COPENHAGEN).strftime("%d-%m-%Y %H:%M")
        changes = e["changes"]
        if changes is None:
            text = "(slettet efter opbevaringsperioden)"
        else:
            text = "; ".join(
                f"{k}: {'' if v[0] is None else v[0]} → {'' if v[1] is None else v[1]}"
                if isinstance(v, list) and len(v) == 2 else f"{k}: {v}"
                for k, v in sorted(changes.items())
                if k not in ("id", "created_at", "updated_at")
            )
        rows.append((when, e["actor"], ACTION_LABELS.get(e["action"], e["action"]), text))
    return ResidentExportData(
        title=f"Oplysninger om {detail.name}",
        generated="Udtrukket " + now.astimezone(COPENHAGEN).strftime("%d-%m-%Y kl. %H:%M"),
        facts=facts,
        relatives=[(r.name, r.relation, r.phone) for r in detail.relatives],
        permits=[("; ".join(p.force_type_labels), f"{_d(p.valid_from)} – {_d(p.valid_to)}", p.prerequisites,
                  p.decision_reference) for p in detail.permits],
        history=rows,
        episodes=[(dt.datetime.fromisoformat(e["started_at"]).astimezone(COPENHAGEN).strftime("%d-%m-%Y %H:%M"),
                   _type_label(e["force_type"]), e["description"]) for e in episodes],
    )


def _type_label(code: str) -> str:
    from ..domain.catalogue import current_catalogue

    try:
        return current_catalogue().get(code).display
    except DomainError:
        return code
