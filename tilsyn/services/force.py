"""Use of force: register episodes, build monthly forms, sign, send, process, overview.

DESIGN.md section 2. Rules live in tilsyn.domain.force; this module applies them inside a unit
of work, checks permissions and returns frozen DTOs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, replace

from ..domain import cpr as cprmod
from ..domain.catalogue import current_catalogue, load_catalogue
from ..domain.errors import DomainError, NotFound, ValidationError
from ..domain.force import (
    COPENHAGEN,
    SECTION_AUTHORITY,
    SECTION_EPISODES,
    SECTION_LEADER,
    SIGNED_SECTIONS,
    AuthorityInput,
    EpisodeInput,
    EpisodeNotCovered,
    FormKind,
    FormStatus,
    LeaderInput,
    Month,
    check_form_coverage,
    due_date,
    is_late,
    local_date,
    month_closed_for_staff,
    validate_authority_section,
    validate_episode,
    validate_leader_section,
)
from ..domain.form_workflow import (
    AT_AUTHORITY,
    FormAction,
    Mark,
    RequestState,
    WorkflowFacts,
    WorkflowState,
    allowed_actions,
    check_change,
    check_decision,
    form_marks,
    month_over,
    workflow_state,
)
from ..domain.permits import PermitTerms
from ..domain.roles import Action, allowed
from ..domain.chain import canonical_json
from ..domain.sync import monthly_form_id
from ..domain.signing import (
    SIGNATURE_ITSELF,
    SIGNED_MISMATCH,
    SIGNED_VALID,
    UNSIGNED,
    Binding,
    check_signed_still_match,
    optional_reason,
    require_reason,
    section1_differences,
)
from ..store.models_force import Episode, EpisodeStaff, ForceForm, FormVersion, ReopenRequest
from ..store.repositories import as_uuid
from ..store.repositories_force import (ReopenRequestRepository, form_versions, residents_with_permits_in,
                                        sections_of)
from ..store.uow import retrying
from .context import AppContext
from .exchange.guard import Part, require_owner
from .force_dto import (
    AuthorityDTO,
    BindingFault,
    CoverageCheck,
    DashboardDTO,
    EpisodeDTO,
    FormDTO,
    FormSummary,
    LateEpisodeDTO,
    LeaderDTO,
    MonthOverviewRow,
    FormVersionDTO,
    PermitEndingDTO,
    RegistrationResult,
    ReopenRequestDTO,
    ReopenRequestResult,
    ResidentForceOverview,
    Section1DTO,
    SectionState,
    StaffDTO,
    TypeChoice,
)
from .dto import PermitDTO
from .residents import _permit_dto
from .signatures import SignatureService, binding_of, content_version, expected_earlier, logged_sign_hashes

TEMPLATE_MONTHLY = "vejle-2011"
TEMPLATE_ACUTE = "skema1-2010"
ENTITY = "force_form"
AUTO_VOID_REASON = "Ny magtanvendelse registreret efter underskrift"
LEADER_FIELDS = tuple(LeaderInput.__dataclass_fields__)
AUTHORITY_FIELDS = tuple(AuthorityInput.__dataclass_fields__)


def _terms(p) -> PermitTerms:
    return PermitTerms(frozenset(p.type_codes), p.valid_from, p.valid_to, p.catalogue_version)


class ForceService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.signatures = SignatureService(ctx)

    # -- settings -----------------------------------------------------------------------------
    def due_day(self) -> int:
        with self.ctx.uow_factory() as uow:
            return int(uow.settings.get("form_due_day", "5"))

    def set_due_day(self, day: int) -> None:
        self.ctx.require(Action.SETTINGS_MANAGE)
        if not 1 <= int(day) <= 28:
            raise ValidationError([DomainError("due_day", field="due_day")])
        with self.ctx.uow_factory() as uow:
            uow.settings.set("form_due_day", str(int(day)))
            uow.commit()

    # -- registration -------------------------------------------------------------------------
    def now_local(self) -> dt.datetime:
        """Now in Danish time from the injected clock: what the registration screen starts at."""
        return self.ctx.now().astimezone(COPENHAGEN)

    def permitted_types(self, resident_id: str, on: dt.date | None = None) -> list[TypeChoice]:
        """The types the resident's active permits allow on ``on`` (default today), with the
        § 126 a situations: what the registration screen offers first."""
        on = on or self.ctx.today()
        with self.ctx.uow_factory() as uow:
            r = uow.residents.get_full(resident_id)
            if r is None:
                raise NotFound(what="Beboeren")
            self.ctx.require(Action.EPISODE_REGISTER, str(r.care_home_id))
            out: dict[str, TypeChoice] = {}
            for p in r.permits:
                if not _terms(p).is_active_on(on):
                    continue
                cat = load_catalogue(p.catalogue_version)
                for code in p.type_codes:
                    t = cat.get(code)
                    out.setdefault(code, TypeChoice(code, t.display, tuple((s.code, s.label) for s in t.situations),
                                                    cat.version))
            order = {t.code: i for i, t in enumerate(current_catalogue().types)}
            return sorted(out.values(), key=lambda c: order.get(c.code, 99))

    def all_types(self, on: dt.date | None = None) -> list[TypeChoice]:
        """Every type of the catalogue in force: for registering an unpermitted (acute) episode."""
        cat = current_catalogue(on or self.ctx.today())
        return [TypeChoice(t.code, t.display, tuple((s.code, s.label) for s in t.situations), cat.version)
                for t in cat.types]

    def check_coverage(self, resident_id: str, force_type: str, started_at: dt.datetime) -> CoverageCheck:
        """Would this episode go on the monthly form? Lets the screen offer the acute record early."""
        with self.ctx.uow_factory() as uow:
            r = uow.residents.get_full(resident_id)
            if r is None:
                raise NotFound(what="Beboeren")
            self.ctx.require(Action.EPISODE_REGISTER, str(r.care_home_id))
            month = Month.of(local_date(started_at))
            form = uow.forms.monthly(r.id, month.year, month.month)
            closed = bool(form) and month_closed_for_staff(self._signed(uow, form))
            try:
                check_form_coverage(force_type, started_at, month, [_terms(p) for p in r.permits])
            except EpisodeNotCovered as exc:
                return CoverageCheck(False, exc.params["reason"], None, closed)
            return CoverageCheck(True, "", str(form.id) if form else None, closed)

    @retrying
    def register_episode(self, data: EpisodeInput, *, as_acute: bool = False, reason: str = "",
                         reopen_reason: str = "") -> RegistrationResult:
        """Register one episode. It goes on the resident's monthly form for its month when a
        permit covers it; otherwise EpisodeNotCovered is raised, and the caller may register it
        again with ``as_acute=True`` as an acute / unpermitted record, so nothing is lost.

        On a form the municipality has (sent or processed) the registration reopens the form and
        is refused with ``form_reopen_needs_reason`` (naming the sections to sign again) unless
        ``reopen_reason`` is given. Staff on a month the leader has signed get ``month_closed``
        and may keep the episode in a request to the leader (``request_reopen``)."""
        with self.ctx.uow_factory() as uow:
            result = self._register(uow, data, as_acute=as_acute, reason=reason, reopen_reason=reopen_reason)
            uow.commit()
            return result

    def _register(self, uow, data: EpisodeInput, *, as_acute: bool = False, reason: str = "",
                  reopen_reason: str = "", registered: tuple | None = None) -> RegistrationResult:
        """``register_episode`` inside the caller's unit of work. ``registered``: (moment, user id)
        of a registration made earlier and kept in a request (judged late by that moment)."""
        now = registered[0] if registered else self.ctx.now()
        r = uow.residents.get_full(data.resident_id)
        if r is None:
            raise NotFound(what="Beboeren")
        self.ctx.require(Action.EPISODE_REGISTER, str(r.care_home_id))
        require_owner(uow, Part.ACUTE if as_acute else Part.EPISODE, care_home_id=r.care_home_id)
        started = data.started_at
        cat_version = current_catalogue(local_date(started) if started else None).version
        if not as_acute and started is not None:
            month = Month.of(local_date(started))
            try:
                permit = check_form_coverage(data.force_type, started, month, [_terms(p) for p in r.permits])
                cat_version = permit.catalogue_version
            except EpisodeNotCovered:
                validate_episode(data, load_catalogue(cat_version), now)  # report input faults first
                raise
        clean = validate_episode(data, load_catalogue(cat_version), now)
        month = Month.of(local_date(clean.started_at))
        voided: list[int] = []
        reopened = False
        if as_acute:
            form = ForceForm(
                kind=FormKind.ACUTE.value, resident_id=r.id, care_home_id=r.care_home_id, year=month.year,
                month=month.month, template_version=TEMPLATE_ACUTE, catalogue_version=cat_version,
                not_covered_reason=self._not_covered_reason(r, clean),
            )
            uow.forms.add(form)
        else:
            form = uow.forms.monthly(r.id, month.year, month.month)
            created = False
            if form is None:
                # Another process may be creating this month's form right now: the insert
                # runs in a savepoint and, if it loses the race, the winner's form is used.
                form, created = uow.add_unique(
                    ForceForm(
                        id=monthly_form_id(str(r.id), month.year, month.month),
                        kind=FormKind.MONTHLY.value, resident_id=r.id, care_home_id=r.care_home_id,
                        year=month.year, month=month.month, template_version=TEMPLATE_MONTHLY,
                        catalogue_version=cat_version,
                    ),
                    lambda: uow.forms.monthly(r.id, month.year, month.month),
                )
            if not created:
                reopened = form.sent_at is not None
                voided = self._before_section2_change(uow, form, reason or AUTO_VOID_REASON, adding=True,
                                                      reopen_reason=reopen_reason)
        by = registered[1] if registered else (
            as_uuid(self.ctx.user.id) if self.ctx.user and self.ctx.user.id else None)
        ep = Episode(form=form, resident_id=r.id, catalogue_version=cat_version, registered_at=now,
                     registered_by=by, late=is_late(clean.started_at, now))
        _apply_episode(ep, clean)
        uow.episodes.add(ep)
        uow.flush()
        may_sign = FormAction.SIGN_EPISODES in self._allowed(uow, form)
        return RegistrationResult(str(ep.id), str(form.id), form.kind, ep.late, tuple(voided), may_sign, reopened)

    def update_episode(self, episode_id: str, data: EpisodeInput, reason: str = "",
                       reopen_reason: str = "") -> EpisodeDTO:
        """Correct an episode. If its section is signed, a reason is required and the signatures
        from section 2 on are voided."""
        with self.ctx.uow_factory() as uow:
            ep = uow.episodes.get_full(episode_id)
            if ep is None:
                raise NotFound(what="Magtanvendelsen")
            form = ep.form
            self.ctx.require(Action.EPISODE_REGISTER, str(form.care_home_id))
            require_owner(uow, Part.EPISODE, care_home_id=form.care_home_id)
            clean = self._validate_update(ep, data)
            if form.kind == FormKind.MONTHLY.value:
                month = Month(form.year, form.month)
                r = uow.residents.get_full(form.resident_id)
                check_form_coverage(clean.force_type, clean.started_at, month, [_terms(p) for p in r.permits])
            self._before_section2_change(uow, form, reason or reopen_reason, adding=False,
                                         reopen_reason=reopen_reason)
            _apply_episode(ep, clean)
            uow.commit()
            return _episode_dto(ep)

    def _validate_update(self, ep: Episode, data: EpisodeInput) -> EpisodeInput:
        # Lateness was judged when the episode was registered; a correction does not re-judge it.
        judged_at = ep.registered_at
        now = self.ctx.now()
        clean = validate_episode(
            EpisodeInput(data.resident_id or str(ep.resident_id), data.force_type, data.started_at, data.ended_at,
                         data.situation, data.location, data.purpose, data.description, data.avoidance,
                         data.least_intrusive, data.narrative, data.staff, data.late_reason or ep.late_reason or "-"),
            load_catalogue(ep.catalogue_version), now,
        )
        if clean.started_at and is_late(clean.started_at, judged_at) and not (data.late_reason or ep.late_reason):
            raise ValidationError([DomainError("late_reason_required", field="late_reason")])
        return EpisodeInput(**{**asdict(clean), "staff": clean.staff,
                               "late_reason": clean.late_reason if data.late_reason else ep.late_reason})

    def _before_section2_change(self, uow, form: ForceForm, reason: str, *, adding: bool,
                                reopen_reason: str = "") -> list[int]:
        signed = self._signed(uow, form)
        if month_closed_for_staff(signed) and not allowed(self.ctx.user, Action.FORM_SIGN_LEADER,
                                                          str(form.care_home_id)):
            raise DomainError("month_closed", month=Month(form.year, form.month).key(), form=str(form.id),
                              can_request=adding)
        plan = check_change(self._workflow_facts(uow, form, signed), SECTION_EPISODES, reopen_reason)
        if plan.reopens:
            return self._reopen(uow, form, plan, reopen_reason)
        if form.sent_at is not None and not form.returned_at:
            form.sent_at = None
        if SECTION_EPISODES in signed:
            why = reason if adding else require_reason(reason)
            return [s.section for s in self.signatures.void_from(uow, ENTITY, str(form.id), SECTION_EPISODES, why)]
        return []

    def _not_covered_reason(self, r, clean: EpisodeInput) -> str:
        try:
            check_form_coverage(clean.force_type, clean.started_at, Month.of(local_date(clean.started_at)),
                                [_terms(p) for p in r.permits])
        except EpisodeNotCovered as exc:
            return exc.params["reason"]
        return "chosen_acute"

    # -- drafts (autosave) --------------------------------------------------------------------
    def _user_key(self) -> str:
        if self.ctx.user is None:
            raise DomainError("not_logged_in")
        return self.ctx.user.id or self.ctx.user.username

    def save_draft(self, kind: str, payload: dict) -> None:
        """Store what is being typed; called on every change so a crash loses at most one field."""
        key = self._user_key()
        with self.ctx.uow_factory() as uow:
            uow.session.info["audit_off"] = True  # drafts are scratch input, not records
            uow.drafts.put(key, kind, json.dumps(payload, ensure_ascii=False, sort_keys=True), self.ctx.now())
            uow.commit()

    def load_draft(self, kind: str) -> dict | None:
        key = self._user_key()
        with self.ctx.uow_factory() as uow:
            d = uow.drafts.get(key, kind)
            return json.loads(d.payload) if d else None

    def discard_draft(self, kind: str) -> None:
        key = self._user_key()
        with self.ctx.uow_factory() as uow:
            uow.session.info["audit_off"] = True
            uow.drafts.delete(key, kind)
            uow.commit()

    def recent_colleagues(self) -> list[StaffDTO]:
        """Colleagues this user registered with lately, for one-key picking on the next shift."""
        if self.ctx.user is None or self.ctx.user.id is None:
            return []
        with self.ctx.uow_factory() as uow:
            return [StaffDTO(n, w, p, False) for n, w, p in uow.episodes.recent_colleagues(self.ctx.user.id)]

    # -- reading a form -------------------------------------------------------------------------
    def get_form(self, form_id: str) -> FormDTO:
        with self.ctx.uow_factory() as uow:
            form = uow.forms.get_full(form_id)
            if form is None:
                raise NotFound(what="Skemaet")
            self.ctx.require(Action.EPISODE_READ_NARRATIVE, str(form.care_home_id))
            return self._form_dto(uow, form)

    def monthly_form_for(self, resident_id: str, year: int, month: int) -> FormDTO | None:
        with self.ctx.uow_factory() as uow:
            form = uow.forms.monthly(resident_id, year, month)
            fid = str(form.id) if form else None
        return self.get_form(fid) if fid else None

    # -- section 3 and 4 ------------------------------------------------------------------------
    def save_leader_section(self, form_id: str, data: LeaderInput, reason: str = "") -> FormDTO:
        with self.ctx.uow_factory() as uow:
            form = self._form(uow, form_id)
            self.ctx.require(Action.FORM_SIGN_LEADER, str(form.care_home_id))
            require_owner(uow, Part.LEADER, care_home_id=form.care_home_id)
            data = validate_leader_section(data, for_signing=False)
            reason = optional_reason(reason)
            signed = self._signed(uow, form)
            changed = any(getattr(form, f) != getattr(data, f) for f in LEADER_FIELDS)
            if changed and form.sent_at is not None:
                plan = check_change(self._workflow_facts(uow, form, signed), SECTION_LEADER, reason)
                self._reopen(uow, form, plan, require_reason(reason))
                signed = self._signed(uow, form)
            if changed and SECTION_LEADER in signed:
                self.signatures.void_from(uow, ENTITY, str(form.id), SECTION_LEADER, require_reason(reason))
                form.sent_at = None
            if changed:
                uow.reason = reason.strip()
                for f in LEADER_FIELDS:
                    setattr(form, f, getattr(data, f))
            uow.commit()
            return self._form_dto(uow, form)

    def save_authority_section(self, form_id: str, data: AuthorityInput, reason: str = "") -> FormDTO:
        with self.ctx.uow_factory() as uow:
            form = self._form(uow, form_id)
            self.ctx.require(Action.FORM_PROCESS, str(form.care_home_id))
            require_owner(uow, Part.SECTION4, care_home_id=form.care_home_id)
            data = validate_authority_section(data, for_signing=False)
            reason = optional_reason(reason)
            signed = self._signed(uow, form)
            changed = any(getattr(form, f) != getattr(data, f) for f in AUTHORITY_FIELDS)
            if changed and SECTION_AUTHORITY in signed:
                # The processed version stays printable as the municipality processed it.
                self._freeze(uow, form, WorkflowState.PROCESSED, require_reason(reason), (SECTION_AUTHORITY,))
                self.signatures.void_from(uow, ENTITY, str(form.id), SECTION_AUTHORITY, require_reason(reason))
                form.processed_at = None
            if changed:
                uow.reason = reason.strip()
                for f in AUTHORITY_FIELDS:
                    setattr(form, f, getattr(data, f))
            uow.commit()
            return self._form_dto(uow, form)

    def sign_section(self, form_id: str, section: int, password: str) -> FormDTO:
        """Sign section 2 (staff), 3 (leader) or 4 (authority), in that order, with the password."""
        self.signatures.reauthenticate(password)
        with self.ctx.uow_factory() as uow:
            form = self._form(uow, form_id)
            home = str(form.care_home_id)
            require_owner(uow, {SECTION_EPISODES: Part.EPISODE, SECTION_LEADER: Part.LEADER}.get(section, Part.SECTION4),
                          care_home_id=home)
            if section == SECTION_EPISODES:
                self.ctx.require(Action.EPISODE_REGISTER, home)
                if not form.episodes:
                    raise DomainError("form_no_episodes")
                if month_closed_for_staff(self._signed(uow, form)):
                    raise DomainError("month_closed", month=Month(form.year, form.month).key())
            elif section == SECTION_LEADER:
                self.ctx.require(Action.FORM_SIGN_LEADER, home)
                validate_leader_section(_leader_input(form), for_signing=True)
            elif section == SECTION_AUTHORITY:
                self.ctx.require(Action.FORM_PROCESS, home)
                if form.sent_at is None:
                    raise DomainError("form_not_sent")
                validate_authority_section(_authority_input(form), for_signing=True)
            else:
                raise DomainError("unknown_section", section=section)
            check_signed_still_match(section_bindings(uow, form), section)
            self.signatures.sign(uow, ENTITY, str(form.id), SIGNED_SECTIONS, section,
                                 section_content(form, section), None, form.template_version)
            if section == SECTION_AUTHORITY:
                form.processed_at = self.ctx.now()
            uow.commit()
            return self._form_dto(uow, form)

    def send_to_authority(self, form_id: str) -> FormDTO:
        """The leader sends a form whose sections 2 and 3 are signed."""
        with self.ctx.uow_factory() as uow:
            form = self._form(uow, form_id)
            self.ctx.require(Action.FORM_SIGN_LEADER, str(form.care_home_id))
            require_owner(uow, Part.LEADER, care_home_id=form.care_home_id)
            signed = self._signed(uow, form)
            if not {SECTION_EPISODES, SECTION_LEADER} <= signed:
                raise DomainError("form_not_signed")
            if form.sent_at is not None:
                raise DomainError("form_already_sent")
            check_signed_still_match(section_bindings(uow, form))
            form.sent_at = self.ctx.now()
            form.returned_at = None
            uow.record("send", ENTITY, str(form.id), {"to": "authority"})
            uow.commit()
            return self._form_dto(uow, form)

    def send_back(self, form_id: str, comment: str) -> FormDTO:
        """The caseworker returns a sent form to the leader with a comment; the leader's and any
        later signature are voided."""
        comment = (comment or "").strip()
        if not comment:
            raise ValidationError([DomainError("comment_required", field="comment")])
        comment = optional_reason(comment, "comment")
        with self.ctx.uow_factory() as uow:
            form = self._form(uow, form_id)
            self.ctx.require(Action.FORM_PROCESS, str(form.care_home_id))
            require_owner(uow, Part.SEND_BACK, care_home_id=form.care_home_id)
            if form.sent_at is None:
                raise DomainError("form_not_sent")
            if SECTION_AUTHORITY in self._signed(uow, form):
                raise DomainError("form_already_processed")
            self.signatures.void_from(uow, ENTITY, str(form.id), SECTION_LEADER, comment)
            form.sent_at = None
            form.processed_at = None
            form.returned_at = self.ctx.now()
            form.return_comment = comment
            uow.commit()
            return self._form_dto(uow, form)

    # -- reopening (issue 12, points 1 and 2) ----------------------------------------------------
    def reopen_form(self, form_id: str, reason: str, section: int = SECTION_LEADER) -> FormDTO:
        """The leader takes a sent or processed form back to change section ``section`` (default
        3): the signatures from that section on are voided, the version the municipality had is
        kept printable, and the municipality sees the form as reopened with ``reason``."""
        with self.ctx.uow_factory() as uow:
            form = self._form(uow, form_id)
            self.ctx.require(Action.FORM_SIGN_LEADER, str(form.care_home_id))
            signed = self._signed(uow, form)
            facts = self._workflow_facts(uow, form, signed)
            if workflow_state(facts) not in AT_AUTHORITY:
                raise DomainError("form_not_at_authority")
            plan = check_change(facts, section, reason)
            self._reopen(uow, form, plan, reason)
            uow.commit()
            return self._form_dto(uow, form)

    def _reopen(self, uow, form: ForceForm, plan, reason: str) -> list[int]:
        """Apply a change plan that reopens a form: keep the version the municipality had, void
        the plan's signatures, take the form back from the municipality, record why."""
        reason = require_reason(reason)
        self._freeze(uow, form, plan.from_state, reason, plan.voids)
        voided: list[int] = []
        if plan.voids:
            voided = [s.section for s in self.signatures.void_from(uow, ENTITY, str(form.id), plan.voids[0], reason)]
        now = self.ctx.now()
        form.sent_at = None
        form.processed_at = None
        form.reopened_at = now
        form.reopen_reason = reason
        uow.record("reopen", ENTITY, str(form.id), {"from": plan.from_state.value, "sections": list(plan.voids)},
                   reason=reason)
        return voided

    def _freeze(self, uow, form: ForceForm, state, reason: str, voids) -> None:
        """Keep the form as the municipality has it now (its report data, in its own template) in
        a FormVersion, before a change takes it away: printable as it was (``version_report``)."""
        from .exports import form_anchor_in, form_report_data, report_data_json

        dto = self._form_dto(uow, form)
        data = form_report_data(dto, head=form_anchor_in(uow.session, dto))
        uow.session.add(FormVersion(
            form_id=form.id, state=WorkflowState(state).value, sent_at=form.sent_at, processed_at=form.processed_at,
            reopened_at=self.ctx.now(), reopened_by=self.ctx.user.label if self.ctx.user else "", reason=reason,
            voided_sections=",".join(str(s) for s in voids), report=report_data_json(data)))
        uow.flush()

    def version_report(self, version_id: str):
        """The report data of a kept version (FormReportData), exactly as it was frozen."""
        from .exports import report_data_from_json

        with self.ctx.uow_factory() as uow:
            try:
                v = uow.session.get(FormVersion, as_uuid(version_id))
            except (TypeError, ValueError):
                v = None
            if v is None:
                raise NotFound(what="Udgaven")
            form = self._form(uow, v.form_id)
            self.ctx.require(Action.EPISODE_READ_NARRATIVE, str(form.care_home_id))
            return report_data_from_json(v.report), _version_dto(v)

    def request_reopen(self, data: EpisodeInput, reason: str) -> ReopenRequestResult:
        """Staff found an episode on a month the leader has signed: the episode (validated as a
        registration) and the reason are kept in a request to the leader, who reopens the form
        (the episode is then added) or refuses with a reason. Nothing is lost."""
        reason = require_reason(reason)
        now = self.ctx.now()
        with self.ctx.uow_factory() as uow:
            r = uow.residents.get_full(data.resident_id)
            if r is None:
                raise NotFound(what="Beboeren")
            self.ctx.require(Action.EPISODE_REGISTER, str(r.care_home_id))
            if data.started_at is None:
                raise ValidationError([DomainError("required", field="started_at")])
            month = Month.of(local_date(data.started_at))
            try:
                permit = check_form_coverage(data.force_type, data.started_at, month, [_terms(p) for p in r.permits])
            except EpisodeNotCovered:
                validate_episode(data, load_catalogue(current_catalogue(local_date(data.started_at)).version), now)
                raise
            clean = validate_episode(data, load_catalogue(permit.catalogue_version), now)
            form = uow.forms.monthly(r.id, month.year, month.month)
            if form is None or not month_closed_for_staff(self._signed(uow, form)):
                raise DomainError("reopen_not_needed")
            user = self.ctx.user
            req = ReopenRequest(
                form_id=form.id, care_home_id=form.care_home_id, state=RequestState.PENDING.value, requested_at=now,
                requested_by=as_uuid(user.id) if user and user.id else None,
                requested_by_name=user.full_name if user else "", reason=reason, episode=_episode_json(clean))
            ReopenRequestRepository(uow.session).add(req)
            uow.reason = reason
            uow.commit()
            return ReopenRequestResult(str(req.id), str(form.id))

    def accept_reopen_request(self, request_id: str, note: str = "") -> RegistrationResult:
        """The leader accepts a staff request: the form is reopened (as any change, point 1) and
        the kept episode is added, registered by the staff member at the request's time."""
        note = optional_reason(note)
        with self.ctx.uow_factory() as uow:
            req, form = self._request(uow, request_id)
            check_decision(req.state)
            why = f"Anmodning fra {req.requested_by_name}: {req.reason}" + (f" – {note}" if note else "")
            result = self._register(uow, _episode_from_json(req.episode, str(form.resident_id)), reason=why,
                                    reopen_reason=why, registered=(req.requested_at, req.requested_by))
            req.state = RequestState.ACCEPTED.value
            req.decided_at = self.ctx.now()
            req.decided_by_name = self.ctx.user.full_name if self.ctx.user else ""
            req.decision_reason = note
            req.episode_id = as_uuid(result.episode_id)
            uow.reason = why
            uow.commit()
            return result

    def refuse_reopen_request(self, request_id: str, reason: str) -> ReopenRequestDTO:
        """The leader refuses a staff request with a reason; the request and its episode stay."""
        reason = require_reason(reason)
        with self.ctx.uow_factory() as uow:
            req, form = self._request(uow, request_id)
            check_decision(req.state)
            req.state = RequestState.REFUSED.value
            req.decided_at = self.ctx.now()
            req.decided_by_name = self.ctx.user.full_name if self.ctx.user else ""
            req.decision_reason = reason
            uow.reason = reason
            uow.commit()
            return _request_dto(req)

    def _request(self, uow, request_id: str):
        req = ReopenRequestRepository(uow.session).get(request_id)
        if req is None:
            raise NotFound(what="Anmodningen")
        form = self._form(uow, req.form_id)
        self.ctx.require(Action.FORM_SIGN_LEADER, str(form.care_home_id))
        return req, form

    # -- lists and overviews ----------------------------------------------------------------------
    def inbox(self, include_processed: bool = False) -> list[FormSummary]:
        """The caseworker's inbox: sent forms and acute records across care homes, and the forms
        reopened since they were sent (with the reason), until they are sent again."""
        self.ctx.require(Action.FORM_PROCESS)
        with self.ctx.uow_factory() as uow:
            rows = uow.forms.summary_rows(sent=True, processed=None if include_processed else False,
                                          or_reopened=True)
            return self._summaries(uow, rows)

    def leader_queue(self) -> list[FormSummary]:
        """Forms in the leader's homes waiting for section 3 or for sending."""
        self.ctx.require(Action.FORM_SIGN_LEADER)
        with self.ctx.uow_factory() as uow:
            rows = uow.forms.summary_rows(home_ids=self.ctx.home_scope(), sent=False)
            return [s for s in self._summaries(uow, rows) if s.status != FormStatus.PROCESSED.value]

    def month_overview(self, care_home_id: str, year: int, month: int) -> list[MonthOverviewRow]:
        """Residents x status for one care home and month, including residents with an active
        permit but no episodes ("ingen magtanvendelse")."""
        self.ctx.require(Action.PERMIT_VIEW, care_home_id)
        m = Month(year, month)
        today = self.ctx.today()
        due = self.due_day()
        with self.ctx.uow_factory() as uow:
            forms = uow.forms.for_home_month(care_home_id, year, month)
            signed = self._signed_many(uow, [f.id for f in forms])
            both = uow.forms.episode_and_late_counts([f.id for f in forms])
            counts = {fid: n for fid, (n, _) in both.items()}
            late = {fid: k for fid, (_, k) in both.items()}
            pending = _pending_counts(uow, [f.id for f in forms])
            by_resident: dict = {}
            for f in forms:
                by_resident.setdefault(f.resident_id, []).append(f)
            rows = []
            permitted = {rid: (name, cpr, room)
                         for rid, name, cpr, room in residents_with_permits_in(uow.session, care_home_id,
                                                                                m.first_day, m.last_day)}
            for rid, rforms in by_resident.items():
                if rid not in permitted:
                    r = uow.residents.get(rid)
                    permitted[rid] = (r.name, r.cpr, r.room)
            for rid, (name, cpr, room) in sorted(permitted.items(), key=lambda kv: kv[1][0]):
                rforms = by_resident.get(rid, [])
                monthly = next((f for f in rforms if f.kind == FormKind.MONTHLY.value), None)
                acute = [f for f in rforms if f.kind == FormKind.ACUTE.value]
                marks: frozenset[str] = frozenset()
                if monthly is None:
                    status = FormStatus.NONE.value
                else:
                    facts = _facts_of(signed.get(monthly.id, frozenset()), counts.get(monthly.id, 0), monthly.kind,
                                      monthly.year, monthly.month, monthly.sent_at, monthly.returned_at,
                                      monthly.reopened_at, pending.get(monthly.id, 0), due, today)
                    status = workflow_state(facts).value
                    marks = frozenset(m.value for m in form_marks(facts))
                rows.append(MonthOverviewRow(
                    str(rid), name, cprmod.mask(cpr), room, status, str(monthly.id) if monthly else None,
                    sum(counts.get(f.id, 0) for f in rforms), sum(late.get(f.id, 0) for f in rforms), len(acute),
                    marks,
                ))
            return rows

    def dashboard(self) -> DashboardDTO:
        """Overblik: what needs doing now, in the user's care homes."""
        self.ctx.require(Action.PERMIT_VIEW)
        scope = self.ctx.home_scope()
        today = self.ctx.today()
        current = Month.of(today)
        with self.ctx.uow_factory() as uow:
            since = self.ctx.now() - dt.timedelta(days=60)
            late = tuple(LateEpisodeDTO(*row) for row in uow.episodes.late_rows(since, scope))
            late_by_form: dict[str, int] = {}
            for e in late:
                late_by_form[e.form_id] = late_by_form.get(e.form_id, 0) + 1
            # The lines carry their form's late registrations (the overdue list does not). The
            # running month's forms never sent back nor reopened are on no list (_dashboard_lists),
            # so they are not read: the lists cost what is due, not this month's registrations.
            summaries = self._summaries(uow, uow.forms.summary_rows(
                home_ids=scope, sent=False, drafts_from=(current.year, current.month)), late_by_form)
            returned, awaiting_staff, leader_pending, overdue = _dashboard_lists(summaries, current)
            taken = {s.id for s in (*returned, *awaiting_staff, *leader_pending)}
            late = tuple(e for e in late if e.form_id not in taken)
            requests = tuple(
                _request_dto(q, name, home, year, month, kind)
                for q, name, home, year, month, kind in ReopenRequestRepository(uow.session).open_or_recent(
                    scope, since))
            ending = [
                PermitEndingDTO(_permit_dto(p, today), name, home)
                for p, name, home in uow.permits.ending_rows(today, today + dt.timedelta(days=30), scope)
            ]
            return DashboardDTO(late, leader_pending, overdue, tuple(ending), (), awaiting_staff, returned, requests)

    def resident_overview(self, resident_id: str) -> ResidentForceOverview:
        """All force used on one resident over time, by month and type (counts only)."""
        with self.ctx.uow_factory() as uow:
            r = uow.residents.get(resident_id)
            if r is None:
                raise NotFound(what="Beboeren")
            self.ctx.require(Action.PERMIT_VIEW, str(r.care_home_id))
            counts: dict = {}
            totals: dict = {}
            labels: dict = {}
            months: set[str] = set()
            for version, code, started in uow.episodes.type_counts_by_month(r.id):
                key = Month.of(local_date(started)).key()
                months.add(key)
                counts[(key, code)] = counts.get((key, code), 0) + 1
                totals[code] = totals.get(code, 0) + 1
                if code not in labels:
                    try:
                        labels[code] = load_catalogue(version).get(code).display
                    except DomainError:
                        labels[code] = code
            order = {t.code: i for i, t in enumerate(current_catalogue().types)}
            types = tuple(sorted(labels.items(), key=lambda kv: order.get(kv[0], 99)))
            return ResidentForceOverview(str(r.id), r.name, tuple(sorted(months)), types, counts, totals)

    def residents_with_force(self, home_ids, start: dt.date, end: dt.date) -> set[str]:
        """Only the fact that force was registered (for the relatives' sample): no episodes."""
        self.ctx.require(Action.FORCE_EXISTS_VIEW)
        with self.ctx.uow_factory() as uow:
            return {str(x) for x in uow.episodes.resident_ids_with_episodes(home_ids, start, end)}

    # -- helpers ------------------------------------------------------------------------------------
    def _form(self, uow, form_id) -> ForceForm:
        form = uow.forms.get_full(form_id)
        if form is None:
            raise NotFound(what="Skemaet")
        return form

    def _signed(self, uow, form: ForceForm) -> frozenset[int]:
        return frozenset(s.section for s in uow.signatures.for_entity(ENTITY, str(form.id)))

    def _signed_many(self, uow, form_ids) -> dict:
        by_str = uow.signatures.valid_sections(ENTITY, [str(f) for f in form_ids])
        return {fid: by_str.get(str(fid), frozenset()) for fid in form_ids}

    def _summaries(self, uow, rows, late: dict | None = None) -> list[FormSummary]:
        """FormSummary lines of ``summary_rows`` rows; ``late``: form id -> late episodes to put on
        each line (the dashboard's lists)."""
        rules = _ListRules(self.due_day_in(uow), self.ctx.today())
        late = late or {}
        out = []
        for (fid, kind, rid, name, cpr, home, year, month, sent_at, returned_at, episodes, reopened_at,
             reopen_reason, return_comment, pending, signed) in rows:
            status, marks, due = rules.of(signed, episodes, kind, year, month, sent_at, returned_at, reopened_at,
                                          pending)
            out.append(FormSummary(
                fid, kind, rid, name, cprmod.mask(cpr), home, year, month, status, episodes, due, sent_at,
                marks, reopen_reason or "", return_comment or "", reopened_at, late.get(fid, 0),
            ))
        return out

    def _workflow_facts(self, uow, form: ForceForm, signed: frozenset[int] | None = None) -> WorkflowFacts:
        """The workflow facts of a stored form (what state, marks and actions are computed from)."""
        signed = self._signed(uow, form) if signed is None else signed
        pending = _pending_counts(uow, [form.id]).get(form.id, 0)
        return _facts_of(signed, len(form.episodes), form.kind, form.year, form.month, form.sent_at,
                         form.returned_at, form.reopened_at, pending, self.due_day_in(uow), self.ctx.today())

    def _allowed(self, uow, form: ForceForm, facts: WorkflowFacts | None = None) -> frozenset[str]:
        """The FormAction codes the logged-in user may use on the form now (domain rule)."""
        user = self.ctx.user
        if user is None or user.only is not None:
            return frozenset()
        in_scope = not user.scoped or str(form.care_home_id) in user.care_home_ids
        facts = facts or self._workflow_facts(uow, form)
        return frozenset(a.value for a in allowed_actions(facts, user.role, in_scope))

    def due_day_in(self, uow) -> int:
        return int(uow.settings.get("form_due_day", "5"))

    def _form_dto(self, uow, form: ForceForm) -> FormDTO:
        today = self.ctx.today()
        due = self.due_day_in(uow)
        signed = self._signed(uow, form)
        r = form.resident
        month = Month(form.year, form.month)
        permits = tuple(
            _permit_dto(p, today) for p in r.permits
            if p.valid_from <= month.last_day and p.valid_to >= month.first_day
        )
        section1 = Section1DTO(
            cprmod.format_full(r.cpr), r.name, r.address, r.postal_code, r.city, r.care_home.name,
            r.unit.name if r.unit else "", r.acting_municipality, r.residence_municipality, r.contact_person, permits,
        )
        bindings = section_bindings(uow, form)
        facts = replace(self._workflow_facts(uow, form, signed), mismatched=frozenset(
            n for n, b in bindings.items() if b.status == SIGNED_MISMATCH))
        requests = tuple(_request_dto(q) for q in ReopenRequestRepository(uow.session).for_form(form.id))
        as_signed = bindings[1].status != UNSIGNED and stored_section1(form) is not None
        if as_signed:
            section1 = _section1_as_signed(stored_section1(form), str(r.id), today)
        return FormDTO(
            id=str(form.id), kind=form.kind, resident_id=str(r.id), resident_name=r.name,
            cpr_masked=cprmod.mask(r.cpr), care_home_id=str(form.care_home_id), care_home=r.care_home.name,
            year=form.year, month=form.month, template_version=form.template_version,
            catalogue_version=form.catalogue_version, not_covered_reason=form.not_covered_reason,
            status=workflow_state(facts).value,
            due_date=due_date(month, due) if form.kind == FormKind.MONTHLY.value else None,
            closed_for_staff=month_closed_for_staff(signed), section1=section1,
            episodes=tuple(_episode_dto(e) for e in sorted(form.episodes, key=lambda e: e.started_at)),
            leader=LeaderDTO(**{f: getattr(form, f) for f in LEADER_FIELDS}),
            authority=AuthorityDTO(**{f: getattr(form, f) for f in AUTHORITY_FIELDS}),
            signatures=tuple(self.signatures.signatures(uow, ENTITY, str(form.id))),
            must_sign_again=tuple(self.signatures.must_sign_again(uow, ENTITY, str(form.id))),
            sent_at=form.sent_at, returned_at=form.returned_at, return_comment=form.return_comment,
            processed_at=form.processed_at,
            section_states=tuple(SectionState(n, b.status, b.fields) for n, b in sorted(bindings.items())),
            section1_as_signed=as_signed,
            marks=frozenset(m.value for m in form_marks(facts)),
            allowed=self._allowed(uow, form, facts),
            reopened_at=form.reopened_at, reopen_reason=form.reopen_reason or "",
            reopen_requests=requests,
            versions=tuple(_version_dto(v) for v in form_versions(uow.session, form.id)),
        )


def _facts_of(signed, episodes: int, kind: str, year: int, month: int, sent_at, returned_at, reopened_at,
              pending: int, due: int, today: dt.date) -> WorkflowFacts:
    """WorkflowFacts from a form's stored columns (one rule for the form, the lists and the overview)."""
    m = Month(year, month)
    return WorkflowFacts(
        frozenset(signed), int(episodes or 0), sent_at is not None, returned_at is not None,
        month_over(year, month, today), kind == FormKind.MONTHLY.value, today > due_date(m, due),
        reopened_at is not None and sent_at is None, bool(pending))


def _dashboard_lists(summaries: list[FormSummary], current: Month) -> tuple[tuple[FormSummary, ...], ...]:
    """The dashboard's form lists from the unsent forms: (returned, awaiting staff, leader pending,
    overdue). One form is one line: each open form goes to the one list of its state, its marks
    (for sent, genåbnet, sendt tilbage) and late registrations are on that line; the overdue list
    has the forms past their due date, without the late counts.

    A monthly form of ``current`` or later that was never sent back nor reopened is on none of
    them: its state is a draft or waits for the month to end (the leader's list takes the running
    month only when reopened), and no due date of it has passed; the dashboard does not read them."""
    returned_state, returned_mark = WorkflowState.RETURNED.value, Mark.RETURNED.value
    staff, leader, ready = (WorkflowState.AWAITING_STAFF.value, WorkflowState.AWAITING_LEADER.value,
                            WorkflowState.READY_TO_SEND.value)
    reopened, overdue_mark, monthly = Mark.REOPENED.value, Mark.OVERDUE.value, FormKind.MONTHLY.value
    now = (current.year, current.month)
    returned = [s for s in summaries if s.status == returned_state or returned_mark in s.marks]
    taken = {s.id for s in returned}
    awaiting_staff = [s for s in summaries if s.status == staff and s.id not in taken]
    taken |= {s.id for s in awaiting_staff}
    leader_pending = [s for s in summaries if s.id not in taken and s.status in (leader, ready) and (
        (s.year, s.month) < now or s.kind != monthly or reopened in s.marks)]
    overdue = tuple(replace(s, late_episodes=0) if s.late_episodes else s
                    for s in summaries if overdue_mark in s.marks)
    return tuple(returned), tuple(awaiting_staff), tuple(leader_pending), overdue


class _ListRules:
    """The workflow rules (state, marks, due date) over a list of forms, one call of them per
    distinct input: a list of thousands of forms spans a few months and a few dozen distinct sets
    of facts, and the dates of a month and the rules' answers were most of its cost. Lives for one
    list, so nothing outlives the data it was computed from."""

    def __init__(self, due: int, today: dt.date) -> None:
        self.due, self.today = due, today
        self._answers: dict = {}
        self._due_dates: dict = {}

    def of(self, signed: int, episodes, kind: str, year: int, month: int, sent_at, returned_at,
           reopened_at, pending) -> tuple[str, frozenset[str], dt.date | None]:
        """(workflow state, marks, due date or None) of one form from its stored columns (``signed``:
        the bit mask of ``summary_rows``), as ``_facts_of`` and the domain rules give them."""
        key = (signed, episodes, kind, year, month, sent_at is None, returned_at is None, reopened_at is None,
               bool(pending))
        answer = self._answers.get(key)
        if answer is None:
            facts = _facts_of(sections_of(signed), episodes, kind, year, month, sent_at, returned_at, reopened_at,
                              pending, self.due, self.today)
            answer = self._answers[key] = (workflow_state(facts).value,
                                           frozenset(m.value for m in form_marks(facts)))
        if kind != FormKind.MONTHLY.value:
            return answer[0], answer[1], None
        due = self._due_dates.get((year, month))
        if due is None:
            due = self._due_dates[(year, month)] = due_date(Month(year, month), self.due)
        return answer[0], answer[1], due


def _pending_counts(uow, form_ids) -> dict:
    from sqlalchemy import func, select

    out: dict = {}
    ids = list(form_ids)
    for start in range(0, len(ids), 500):
        for fid, n in uow.session.execute(
            select(ReopenRequest.form_id, func.count()).where(
                ReopenRequest.form_id.in_(ids[start:start + 500]), ReopenRequest.state == RequestState.PENDING.value)
            .group_by(ReopenRequest.form_id)
        ):
            out[fid] = n
    return out


def _episode_json(clean: EpisodeInput) -> str:
    """A validated episode as kept in a reopen request (canonical JSON, moments in UTC)."""
    d = asdict(clean)
    d["staff"] = [asdict(x) for x in clean.staff]
    return canonical_json(d)


def _episode_from_json(text: str, resident_id: str) -> EpisodeInput:
    from ..domain.force import StaffInput

    d = json.loads(text)
    moments = {k: dt.datetime.fromisoformat(d[k]) if d.get(k) else None for k in ("started_at", "ended_at")}
    staff = tuple(StaffInput(**x) for x in d.get("staff") or ())
    fields = {k: v for k, v in d.items() if k not in ("started_at", "ended_at", "staff", "resident_id")}
    return EpisodeInput(resident_id=resident_id, **fields, **moments, staff=staff)


def _request_dto(q: ReopenRequest, resident_name: str = "", care_home: str = "", year: int = 0, month: int = 0,
                 kind: str = "monthly") -> ReopenRequestDTO:
    try:
        d = json.loads(q.episode)
        started = dt.datetime.fromisoformat(d["started_at"]) if d.get("started_at") else None
        code, version, description = d.get("force_type", ""), "", d.get("description", "")
    except (ValueError, TypeError, KeyError):
        started, code, description = None, "", ""
    try:
        label = current_catalogue().get(code).display if code else ""
    except DomainError:
        label = code
    return ReopenRequestDTO(
        str(q.id), str(q.form_id), q.state, q.requested_at, q.requested_by_name, q.reason, started, label,
        description, q.decided_at, q.decided_by_name, q.decision_reason, str(q.episode_id) if q.episode_id else None,
        resident_name, care_home, year, month, kind)


def _version_dto(v: FormVersion) -> FormVersionDTO:
    return FormVersionDTO(str(v.id), v.state, v.sent_at, v.processed_at, v.reopened_at, v.reopened_by, v.reason,
                          tuple(int(x) for x in v.voided_sections.split(",") if x.strip().isdigit()))


def _section1_as_signed(snap: dict, resident_id: str, today: dt.date) -> Section1DTO:
    """Section 1 from the data stored when section 2 was signed (see ``section1_snapshot``)."""
    def text(key: str) -> str:
        value = snap.get(key)
        return value if isinstance(value, str) else ""

    permits = []
    for p in snap.get("permits") or ():
        try:
            codes = tuple(str(c) for c in p.get("force_types") or ())
            valid_from, valid_to = dt.date.fromisoformat(p["valid_from"]), dt.date.fromisoformat(p["valid_to"])
            version = str(p.get("catalogue_version", ""))
        except (AttributeError, KeyError, TypeError, ValueError):
            continue  # a damaged snapshot shows what it can; verify names the fault
        try:
            cat = load_catalogue(version)
            labels = []
            for code in codes:
                try:
                    labels.append(cat.get(code).display)
                except DomainError:
                    labels.append(code)
        except DomainError:
            labels = list(codes)
        terms = PermitTerms(frozenset(codes), valid_from, valid_to, version)
        active, soon = terms.is_active_on(today), terms.ends_within(today)
        status = "ends_soon" if soon else "active" if active else "expired" if valid_to < today else "future"
        permits.append(PermitDTO(str(p.get("id", "")), resident_id, codes, tuple(labels),
                                 str(p.get("prerequisites", "")), valid_from, valid_to,
                                 str(p.get("decision_reference", "")), version, active, soon, status))
    return Section1DTO(
        cprmod.format_full(text("cpr")), text("name"), text("address"), text("postal_code"), text("city"),
        text("care_home"), text("unit"), text("acting_municipality"), text("residence_municipality"),
        text("contact_person"), tuple(permits),
    )


def _home_name(uow, home_id) -> str:
    home = uow.care_homes.get(home_id)
    return home.name if home else ""


def _apply_episode(ep: Episode, clean: EpisodeInput) -> None:
    ep.force_type, ep.situation = clean.force_type, clean.situation
    ep.started_at, ep.ended_at = clean.started_at, clean.ended_at
    ep.location, ep.purpose, ep.description = clean.location, clean.purpose, clean.description
    ep.avoidance, ep.least_intrusive, ep.narrative = clean.avoidance, clean.least_intrusive, clean.narrative
    ep.late_reason = clean.late_reason
    ep.staff[:] = [EpisodeStaff(position_no=i, name=s.name, workplace=s.workplace, position=s.position,
                                is_writer=s.is_writer) for i, s in enumerate(clean.staff)]


def _episode_dto(e: Episode) -> EpisodeDTO:
    cat = load_catalogue(e.catalogue_version)
    t = cat.get(e.force_type)
    situation_label = t.situation(e.situation).label if e.situation else ""
    return EpisodeDTO(
        str(e.id), str(e.form_id), str(e.resident_id), e.catalogue_version, e.force_type, t.label, t.paragraph,
        e.situation, situation_label, e.started_at, e.ended_at, e.location, e.purpose, e.description, e.avoidance,
        e.least_intrusive, e.narrative, tuple(StaffDTO(s.name, s.workplace, s.position, s.is_writer) for s in e.staff),
        e.registered_at, e.late, e.late_reason,
    )


def _leader_input(form: ForceForm) -> LeaderInput:
    return LeaderInput(**{f: getattr(form, f) for f in LEADER_FIELDS})


def _authority_input(form: ForceForm) -> AuthorityInput:
    return AuthorityInput(**{f: getattr(form, f) for f in AUTHORITY_FIELDS})


#: The rule by which a section's signed content is made. 1: the section's own fields (before
#: migration 0008). 2: section 2 also covers section 1 as stored with the form, every section
#: carries its version. Each signature is checked by the rule it was made by.
CONTENT_VERSION = 2


def section1_snapshot(form: ForceForm) -> dict:
    """Section 1 now: the resident and the permits in force in the form's month (plain JSON)."""
    r = form.resident
    month = Month(form.year, form.month)
    permits = sorted((p for p in r.permits if p.valid_from <= month.last_day and p.valid_to >= month.first_day),
                     key=lambda p: (p.valid_from, str(p.id)))
    return json.loads(canonical_json({
        "cpr": r.cpr, "name": r.name, "address": r.address, "postal_code": r.postal_code, "city": r.city,
        "care_home": r.care_home.name if r.care_home else "", "unit": r.unit.name if r.unit else "",
        "acting_municipality": r.acting_municipality, "residence_municipality": r.residence_municipality,
        "contact_person": r.contact_person,
        "permits": [{"id": str(p.id), "force_types": sorted(p.type_codes), "prerequisites": p.prerequisites,
                     "valid_from": p.valid_from, "valid_to": p.valid_to, "decision_reference": p.decision_reference,
                     "catalogue_version": p.catalogue_version} for p in permits],
    }))


def stored_section1(form) -> dict | None:
    """The section 1 stored with the form when section 2 was signed (None: none, or unreadable)."""
    try:
        value = json.loads(form.section1_snapshot) if form.section1_snapshot else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def section_content(form: ForceForm, section: int) -> dict:
    """The canonical content a signature of ``section`` made now covers. Signing section 2 stores
    section 1 as it is now with the form (it is part of what section 2 signs)."""
    if section == SECTION_EPISODES:
        snapshot = canonical_json(section1_snapshot(form))
        if form.section1_snapshot != snapshot:
            form.section1_snapshot = snapshot
    return signed_content(form, section, CONTENT_VERSION)


def signed_content(form, section: int, version: int) -> dict:
    """A section's canonical content recomputed from the stored rows by content ``version``: what
    ``verify`` and every display compare with the signature. Reads attributes only (an ORM form
    or anything shaped like one) and changes nothing."""
    if section == SECTION_EPISODES:
        content = {"form": str(form.id), "episodes": [
            {"id": str(e.id), "type": e.force_type, "situation": e.situation, "started_at": e.started_at,
             "ended_at": e.ended_at, "location": e.location, "purpose": e.purpose, "description": e.description,
             "avoidance": e.avoidance, "least_intrusive": e.least_intrusive, "narrative": e.narrative,
             "late_reason": e.late_reason,
             # Version 2 reads an unset writer flag (an object not yet flushed) as the stored False.
             "staff": [[s.name, s.workplace, s.position, bool(s.is_writer) if version >= 2 else s.is_writer]
                       for s in e.staff]}
            for e in sorted(form.episodes, key=lambda e: (e.started_at, str(e.id)))]}
        if version >= 2:
            content["section1"] = stored_section1(form) if form.section1_snapshot else None
            if form.section1_snapshot and content["section1"] is None:
                content["section1"] = form.section1_snapshot  # unreadable: compared as it is stored
    elif section == SECTION_LEADER:
        content = {f: getattr(form, f) for f in LEADER_FIELDS}
    else:
        content = {f: getattr(form, f) for f in AUTHORITY_FIELDS}
    if version >= 2:
        content["content_version"] = version
    return content


def section_bindings(uow, form: ForceForm) -> dict[int, Binding]:
    """Per section (1-4) whether it is unsigned, signed and still matching its live content, or
    signed over other content (naming the fields). Section 1 is signed with section 2 (content
    version 2 on)."""
    sigs = list(uow.signatures.for_entity(ENTITY, str(form.id)))
    logged = logged_sign_hashes(uow.session, ENTITY, [str(form.id)])
    return bindings_for(form, sigs, logged)


def bindings_for(form, sigs, logged) -> dict[int, Binding]:
    """``section_bindings`` over already loaded valid signatures and logged sign hashes."""
    out = {n: Binding(UNSIGNED) for n in (1, *SIGNED_SECTIONS)}
    for sig in sigs:
        version = content_version(sig)
        binding = binding_of(sig, signed_content(form, sig.section, version), expected_earlier(sig, sigs),
                             logged.of(str(form.id), sig.section))
        out[sig.section] = binding
        if sig.section == SECTION_EPISODES and version >= 2:
            in_one = section1_differences(binding) + tuple(f for f in binding.fields if f == SIGNATURE_ITSELF)
            out[1] = Binding(SIGNED_MISMATCH, in_one) if in_one else Binding(SIGNED_VALID)
    return out


# -- verify: every valid signature against the live rows --------------------------------------------

#: Resident and permit columns that section 1 shows, by their key in the stored section 1.
SECTION1_RESIDENT_FIELDS = {
    "cpr": "cpr", "name": "name", "address": "address", "postal_code": "postal_code", "city": "city",
    "care_home_id": "care_home", "unit_id": "unit", "acting_municipality": "acting_municipality",
    "residence_municipality": "residence_municipality", "contact_person": "contact_person",
}
SECTION1_PERMIT_FIELDS = ("prerequisites", "valid_from", "valid_to", "decision_reference", "catalogue_version")


def verify_bindings(uow, data_faults=(), chunk: int = 200) -> list[BindingFault]:
    """Every valid signature of a monthly form or acute record recomputed from the live rows by
    its own content version (``bindings_for``), 200 forms at a time; plus, for the fold's faults in
    a resident or permit row (``data_faults``), the forms whose signed section 1 shows that row."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from ..store.models import Signature

    session = uow.session
    by_form: dict[str, list] = {}
    for sig in session.scalars(select(Signature).where(Signature.entity_type == ENTITY,
                                                       Signature.voided_at.is_(None))):
        by_form.setdefault(sig.entity_id, []).append(sig)
    faults: list[BindingFault] = []
    signed_one: dict[str, list[tuple[str, str, str, set[str]]]] = {}  # resident -> forms showing it as signed
    ids = sorted(by_form)
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        keys = []
        for i in part:
            try:
                keys.append(as_uuid(i))
            except (TypeError, ValueError):
                continue
        forms = {str(f.id): f for f in session.scalars(
            select(ForceForm).where(ForceForm.id.in_(keys))
            .options(selectinload(ForceForm.episodes).selectinload(Episode.staff),
                     selectinload(ForceForm.resident)))}
        logged = logged_sign_hashes(session, ENTITY, part)
        for form_id in part:
            sigs = by_form[form_id]
            form = forms.get(form_id)
            if form is None:
                faults += [BindingFault(form_id, "", cprmod.mask(""), s.section, "form", "missing") for s in sigs]
                continue
            snap = stored_section1(form)
            cpr = _signed_cpr(sigs) or form.resident.cpr
            for section, binding in sorted(bindings_for(form, sigs, logged).items()):
                if section == 1:
                    continue  # named with section 2, whose signature it is
                for field in binding.fields:
                    faults.append(BindingFault(form_id, form.kind, cprmod.mask(cpr),
                                               1 if field.startswith("section1") else section, field, "mismatch"))
            if snap is not None and any(s.section == SECTION_EPISODES and content_version(s) >= 2 for s in sigs):
                permit_ids = {str(p.get("id")) for p in snap.get("permits") or () if isinstance(p, dict)}
                signed_one.setdefault(str(form.resident_id), []).append(
                    (form_id, form.kind, cprmod.mask(cpr), permit_ids))
        session.expunge_all()  # memory stays flat on any number of forms
    faults += _section1_rows_changed(session, data_faults, signed_one)
    return faults


def _signed_cpr(sigs) -> str | None:
    """The resident's CPR number as section 2's signature covers it (names the resident even when
    the live or the stored one has been changed since)."""
    for sig in sigs:
        if sig.section == SECTION_EPISODES:
            try:
                one = json.loads(sig.content).get("section1")
            except (ValueError, AttributeError):
                return None
            return one.get("cpr") if isinstance(one, dict) and isinstance(one.get("cpr"), str) else None
    return None


def _section1_rows_changed(session, data_faults, signed_one) -> list[BindingFault]:
    """Fold faults in the rows section 1 is made from, named by the signed forms that show them."""
    from sqlalchemy import select

    from ..store.models import Permit

    wanted: list[tuple[str | None, str | None, str]] = []  # (resident id, permit id, section 1 field)
    permits: set[str] = set()
    for f in data_faults:
        if f.table == "resident" and (f.field is None or f.field in SECTION1_RESIDENT_FIELDS):
            key = SECTION1_RESIDENT_FIELDS.get(f.field or "", "")
            wanted.append((f.record, None, f"section1.{key}" if key else "section1"))
        elif f.table == "permit" and (f.field is None or f.field in SECTION1_PERMIT_FIELDS):
            permits.add(f.record)
            wanted.append((None, f.record, f"section1.permits.{f.record}" + (f".{f.field}" if f.field else "")))
        elif f.table == "permit_force_type":
            pid = f.record.split("/")[0]
            permits.add(pid)
            wanted.append((None, pid, f"section1.permits.{pid}.force_types"))
    if not wanted:
        return []
    owner: dict[str, str] = {}
    keys = []
    for p in permits:
        try:
            keys.append(as_uuid(p))
        except (TypeError, ValueError):
            continue
    for start in range(0, len(keys), 500):
        for pid, rid in session.execute(select(Permit.id, Permit.resident_id).where(Permit.id.in_(keys[start:start + 500]))):
            owner[str(pid)] = str(rid)
    out: list[BindingFault] = []
    for resident_id, permit_id, field in wanted:
        rid = resident_id or owner.get(permit_id or "")
        for form_id, kind, cpr, permit_ids in signed_one.get(rid or "", ()):
            if permit_id is None or permit_id in permit_ids:
                out.append(BindingFault(form_id, kind, cpr, 1, field, "unlogged"))
    return out
