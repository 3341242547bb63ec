"""Every field a user types has a maximum length, applied by the real services (issue 9, point 1).

One parametrised test walks every field: a text of exactly the maximum (starting with an "Å"
typed decomposed, so it is one code point longer than the maximum until NFC) is accepted and
stored composed; one character more is refused with ``text_too_long`` naming the field, and what
was stored stays. On PostgreSQL this also proves each maximum fits its column.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

import pytest
from sqlalchemy import select

from tilsyn.domain.errors import DomainError, ValidationError
from tilsyn.domain.force import AuthorityInput, EpisodeInput, LeaderInput, StaffInput
from tilsyn.domain.limits import FIELD_MAX, text_length
from tilsyn.domain.people import CareHomeInput, RelativeInput, ResidentInput
from tilsyn.messages import text_for
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.force import ForceService
from tilsyn.services.residents import PermitInput, ResidentService
from tilsyn.services.users import UserInput
from tilsyn.store.models import AuditEntry, Municipality, Signature
from tilsyn.store.models_supervision import Interview

from supervision_support import CPH, CPRS, NAMES, PW, build

D = dt.date
A_RING = "A\u030a"  # "Å" written decomposed


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def text(n: int, *, spaces: bool = True) -> str:
    """``n`` characters after NFC: a decomposed Å, then Danish-looking words."""
    body = ("se Ærø Bøgelund " if spaces else "seærøbøgelund") * (n // 10 + 1)
    out = A_RING + body[: n - 1]
    return out[:-1] + "x" if out.endswith(" ") else out


@dataclass
class Case:
    id: str
    field: str  # the field the refusal names
    setup: Callable[[Any], dict]  # world -> state
    write: Callable[[Any, dict, str], Any]  # world, state, text
    read: Callable[[Any, dict], str]  # what is stored
    limit: str = ""  # FIELD_MAX key, when not ``field``
    accepted: str | None = None  # a valid text at the maximum, when the field has a format
    refused: str | None = None
    expect: Callable[[str], str] = nfc  # what the accepted text is stored as

    @property
    def maximum(self) -> int:
        return FIELD_MAX[self.limit or self.field]


# -- worlds --------------------------------------------------------------------------------------


def as_admin(w) -> dict:
    w.at(D(2026, 3, 20), 13)
    w.login("admin")
    return {}


def resident_input(w, **kw) -> ResidentInput:
    return ResidentInput(**{"cpr": CPRS[0], "name": NAMES[0], "care_home_id": w.homes[0], **kw})


WHEN = dt.datetime(2026, 3, 20, 10, 0, tzinfo=CPH)


def episode(w, when=WHEN, **kw) -> EpisodeInput:
    base = dict(location="Gangen", purpose="Tryghed", description="Ville gå ud", avoidance="Talte roligt",
                least_intrusive="Kort støtte", narrative="Faldt til ro",
                staff=(StaffInput("Pia Jensen", "Bakkegården", "SSA", True),))
    base.update(kw)
    return EpisodeInput(w.jens, "127_retention", when, when + dt.timedelta(minutes=10), **base)


def as_staff(w) -> dict:
    w.at(D(2026, 3, 20), 13)
    w.login("pia")
    return {}


def the_form(w):
    return ForceService(w.ctx).monthly_form_for(w.jens, 2026, 3)


def with_form(who: str, sign_episodes: bool = False):
    def setup(w) -> dict:
        as_staff(w)
        force = ForceService(w.ctx)
        reg = force.register_episode(episode(w))
        if sign_episodes:
            force.sign_section(reg.form_id, 2, PW)
        w.login(who)
        return {"form": reg.form_id, "episode": reg.episode_id}
    return setup


def sent_form(w) -> dict:
    state = with_form("pia", sign_episodes=True)(w)
    force = ForceService(w.ctx)
    w.login("lene")
    force.save_leader_section(state["form"], LeaderInput(
        necessity="Fare for at gå ud i frost.", reflection="Personalemøde.", discussed_in_staff_group=False,
        action_plan_exists=True, leader_name="Lene Leder", assessed_on=D(2026, 3, 20)))
    force.sign_section(state["form"], 3, PW)
    force.send_to_authority(state["form"])
    w.login("sofie")
    return state


def void_with_reason(w, s, value):
    force = ForceService(w.ctx)
    if 2 not in {x.section for x in force.get_form(s["form"]).signatures}:
        force.sign_section(s["form"], 2, PW)
    force.update_episode(s["episode"], episode(w), reason=value)


def void_reasons(w, s) -> str:
    with w.ctx.uow_factory() as uow:
        [reason] = uow.session.scalars(select(Signature.void_reason).where(Signature.voided_at.is_not(None)))
        return reason


def visit_setup(*, draw: bool = False, interview: bool = False, consent: bool = False, conducted: bool = False,
                consultation: bool = False, who: str = "karl"):
    def setup(w) -> dict:
        svc = w.svc
        w.login("karl")
        w.at(D(2026, 3, 2))
        p = svc.create_programme(2026, theme_id="mindst-indgribende", sample_total=5, sample_min=2,
                                 sample_max=3, relatives_per_home=2)
        v = svc.plan_visit(p.id, w.homes[0], D(2026, 3, 10), consultant_ids=[w.consultants["karl"]])
        state = {"programme": p.id, "visit": v.id}
        if draw or interview:
            d = svc.draw_sample(v.id, 2011, size=3)
            state["draw"] = d.id
            state["members"] = [m.id for m in d.members]
        if interview:
            i = svc.start_interview(v.id, member_id=state["members"][0])
            state["interview"] = i.id
            if consent:
                svc.record_consent(i.id, True)
        if conducted or consultation:
            w.at(D(2026, 3, 11))
            svc.mark_conducted(v.id, D(2026, 3, 10))
        if consultation:
            svc.set_conclusions(v.id, ["Beboerne oplever respekt."])
            svc.start_report(v.id)
            svc.send_for_consultation(v.id, D(2026, 3, 25))
        w.login(who)
        return state
    return setup


def two_visits(w) -> dict:
    state = visit_setup()(w)
    other = w.svc.plan_visit(state["programme"], w.homes[1], D(2026, 3, 12), consultant_ids=[w.consultants["karl"]])
    # Jens lives at Bakkegården, Lis Lund (resident 10) at Solgården.
    state["queue"] = [(state["visit"], w.residents[0]), (other.id, w.residents[10])]
    return state


def exclude_with_note(w, s, value):
    visit_id, resident_id = s["queue"].pop(0)
    w.svc.draw_sample(visit_id, 2011, size=1, exclusions={resident_id: ("other", value)})


def refuse_next(w, s, value):
    w.svc.refuse_member(s["members"].pop(0), "other", value, replace=False)


def redraw_current(w, s, value):
    current = w.svc.draws(s["visit"])[0]
    w.svc.redraw(current.id, 2012, value)


def _new_programme(w, s, value):
    s["year"] = s.get("year", 2030) + 1
    w.svc.create_programme(s["year"], title=value)


def _new_municipality(w, s) -> str:
    with w.ctx.uow_factory() as uow:
        return uow.session.scalars(select(Municipality.name).where(Municipality.name != "Vejle Kommune")).one()


def _consent_note(w, s) -> str:
    with w.ctx.uow_factory() as uow:
        return uow.session.get(Interview, _uuid(s["interview"])).consent_note


def _reply(w, s) -> str:
    w.login("karl")
    try:
        return w.svc.visit(s["visit"]).consultation.reply_text  # the newest reply
    finally:
        w.login("lene")


def _uuid(value):
    import uuid

    return uuid.UUID(str(value))


def last_audit_reason(w, s) -> str:
    with w.ctx.uow_factory() as uow:
        return uow.session.scalars(select(AuditEntry.reason).where(AuditEntry.reason != "")
                                   .order_by(AuditEntry.seq.desc())).first()


# -- every field ------------------------------------------------------------------------------------

RESIDENT_FIELDS = ["name", "address", "postal_code", "city", "room", "acting_municipality",
                   "residence_municipality", "contact_person"]
EPISODE_FIELDS = ["location", "purpose", "description", "avoidance", "least_intrusive", "narrative"]
LEADER_FIELDS = ["necessity", "reflection", "action_plan_updated", "discussed_when", "discussion_plans", "other",
                 "leader_name"]
AUTHORITY_FIELDS = ["followup_remarks", "processed_by_name", "processed_by_position", "processed_by_municipality"]
FORMATS = {"postal_code": ("7100", "71000")}


def _resident_case(f: str) -> Case:
    return Case(
        f"resident-{f}", f, as_admin,
        lambda w, s, v: ResidentService(w.ctx).save(w.jens, resident_input(w, **{f: v})),
        lambda w, s: getattr(ResidentService(w.ctx).get(w.jens), f),
        accepted=FORMATS.get(f, (None, None))[0], refused=FORMATS.get(f, (None, None))[1],
    )


def _add_unit_then_save(w, s, value):
    if text_length(value) <= FIELD_MAX["units"]:
        CareHomeService(w.ctx).update_care_home(w.homes[0], CareHomeInput("Bakkegården", units=("Afsnit Øst", value)))
    ResidentService(w.ctx).save(w.jens, resident_input(w, unit=value))


def _care_home_case(f: str) -> Case:
    return Case(
        f"care_home-{f}", f, as_admin,
        lambda w, s, v: CareHomeService(w.ctx).update_care_home(w.homes[1], CareHomeInput(**{"name": "Solgården",
                                                                                             f: v})),
        lambda w, s: getattr(CareHomeService(w.ctx).get_care_home(w.homes[1]), f),
        accepted=FORMATS.get(f, (None, None))[0], refused=FORMATS.get(f, (None, None))[1],
    )


def _relative_case(f: str) -> Case:
    return Case(
        f"relative-{f}", f"relatives.0.{f}", as_admin,
        lambda w, s, v: ResidentService(w.ctx).save(w.jens, resident_input(w), relatives=[
            RelativeInput(**{"name": "Ulla Hansen", f: v})]),
        lambda w, s: getattr(ResidentService(w.ctx).get(w.jens).relatives[0], f),
        limit=f,
        # A phone number has its own shape (8-15 digits, + and spaces): the longest valid one.
        accepted="+45 20 30 40 506" if f == "phone" else None, refused="2" * 21 if f == "phone" else None,
    )


def _permit_case(f: str) -> Case:
    def write(w, s, v):
        res = ResidentService(w.ctx)
        permit = res.get(w.jens).permits[0]
        values = {"prerequisites": "Om natten", f: v}
        res.save_permit(w.jens, permit.id, PermitInput(("127_retention",), D(2026, 1, 1), D(2026, 12, 31), **values))
    return Case(f"permit-{f}", f, as_admin, write, lambda w, s: getattr(ResidentService(w.ctx).get(w.jens).permits[0], f))


def _user_case(f: str) -> Case:
    def write(w, s, v):
        values = {"username": "pia", "full_name": "Pia Jensen", "role": "staff", "position": "SSA",
                  "care_home_ids": (w.homes[0],), f: v}
        w.users.update_user(w.user_ids["pia"], UserInput(**values))

    def read(w, s):
        return getattr(next(u for u in w.users.list_users() if u.id == w.user_ids["pia"]), f)
    return Case(f"user-{f}", f, as_admin, write, read,
                accepted=text(FIELD_MAX[f], spaces=False) if f == "username" else None,
                expect=(lambda t: nfc(t).lower()) if f == "username" else nfc)


def _episode_case(f: str) -> Case:
    return Case(f"episode-{f}", f, as_staff,
                lambda w, s, v: ForceService(w.ctx).register_episode(episode(w, **{f: v})),
                lambda w, s: getattr(the_form(w).episodes[0], f))


def _staff_case(f: str) -> Case:
    def write(w, s, v):
        staff = StaffInput(**{"name": "Pia Jensen", "workplace": "Bakkegården", "position": "SSA", "is_writer": True,
                              f: v})
        ForceService(w.ctx).register_episode(episode(w, staff=(staff,)))
    return Case(f"staff-{f}", f"staff.0.{f}", as_staff, write,
                lambda w, s: getattr(the_form(w).episodes[0].staff[0], f), limit=f)


def _leader_case(f: str) -> Case:
    return Case(f"leader-{f}", f, with_form("lene"),
                lambda w, s, v: ForceService(w.ctx).save_leader_section(s["form"], LeaderInput(**{f: v})),
                lambda w, s: getattr(ForceService(w.ctx).get_form(s["form"]).leader, f))


def _authority_case(f: str) -> Case:
    return Case(f"authority-{f}", f, with_form("sofie"),
                lambda w, s, v: ForceService(w.ctx).save_authority_section(s["form"], AuthorityInput(**{f: v})),
                lambda w, s: getattr(ForceService(w.ctx).get_form(s["form"]).authority, f))


def _findings(w, s):
    return w.svc.findings(s["visit"])


CASES = [
    Case("municipality", "municipality", as_admin,
         lambda w, s, v: CareHomeService(w.ctx).set_up_municipality(v, [CareHomeInput("Nyt Hjem")]),
         _new_municipality),
    *[_care_home_case(f) for f in ("name", "address", "postal_code", "city")],
    Case("care_home-units", "units", as_admin,
         lambda w, s, v: CareHomeService(w.ctx).update_care_home(w.homes[1], CareHomeInput("Solgården", units=(v,))),
         lambda w, s: CareHomeService(w.ctx).get_care_home(w.homes[1]).units[0].name),
    *[_resident_case(f) for f in RESIDENT_FIELDS],
    Case("resident-unit", "unit", as_admin, _add_unit_then_save, lambda w, s: ResidentService(w.ctx).get(w.jens).unit),
    *[_relative_case(f) for f in ("name", "relation", "phone")],
    *[_permit_case(f) for f in ("prerequisites", "decision_reference")],
    *[_user_case(f) for f in ("username", "full_name", "position")],
    *[_episode_case(f) for f in EPISODE_FIELDS],
    Case("episode-late_reason", "late_reason", as_staff,
         lambda w, s, v: ForceService(w.ctx).register_episode(
             episode(w, when=dt.datetime(2026, 3, 16, 10, 0, tzinfo=CPH), late_reason=v)),
         lambda w, s: the_form(w).episodes[0].late_reason),
    *[_staff_case(f) for f in ("name", "workplace", "position")],
    *[_leader_case(f) for f in LEADER_FIELDS],
    *[_authority_case(f) for f in AUTHORITY_FIELDS],
    Case("send_back-comment", "comment", sent_form,
         lambda w, s, v: ForceService(w.ctx).send_back(s["form"], v),
         lambda w, s: ForceService(w.ctx).get_form(s["form"]).return_comment),
    Case("void-reason", "reason", with_form("pia"), void_with_reason, void_reasons),
    Case("programme-title", "title", visit_setup(),
         _new_programme, lambda w, s: w.svc.programme_for_year(2031).title),
    Case("refusal-note", "note", visit_setup(draw=True), refuse_next,
         lambda w, s: next(m.reason_note for m in w.svc.draw(s["draw"]).members if m.status == "refused")),
    Case("exclusion-note", "note", two_visits, exclude_with_note,
         lambda w, s: w.svc.draws(s["visit"])[0].exclusions[0].note),
    Case("redraw-reason", "reason", visit_setup(draw=True), redraw_current,
         lambda w, s: next(d.redraw_reason for d in w.svc.draws(s["visit"], include_superseded=True)
                           if not d.current)),
    Case("interview-consent_note", "consent_note", visit_setup(interview=True),
         lambda w, s, v: w.svc.record_consent(s["interview"], True, v),
         _consent_note),
    Case("interview-free_text", "free_text", visit_setup(interview=True, consent=True),
         lambda w, s, v: w.svc.save_answer(s["interview"], "tilfredshed", "tilfreds", v, item_id="personlige"),
         lambda w, s: w.svc.interview(s["interview"]).answer("tilfredshed", "personlige").free_text),
    Case("goal-summary", "summary", visit_setup(conducted=True),
         lambda w, s, v: w.svc.save_goal_finding(s["visit"], "hjaelp", v, "tilfredsstillende"),
         lambda w, s: next(g.summary for g in _findings(w, s).goal_notes if g.goal_id == "hjaelp")),
    Case("visit-result_summary", "result_summary", visit_setup(conducted=True),
         lambda w, s, v: w.svc.set_result(s["visit"], "tilfredsstillende", v),
         lambda w, s: _findings(w, s).result_summary),
    Case("conclusions", "conclusions.1", visit_setup(conducted=True),
         lambda w, s, v: w.svc.set_conclusions(s["visit"], ["Kort konklusion.", v]),
         lambda w, s: _findings(w, s).conclusions[1].text, limit="conclusions"),
    Case("development_areas", "development_areas.1", visit_setup(conducted=True),
         lambda w, s, v: w.svc.set_development_areas(s["visit"], ["Daglig træning", v]),
         lambda w, s: _findings(w, s).development_areas[1].text, limit="development_areas"),
    Case("action_item-action", "action", visit_setup(conducted=True),
         lambda w, s, v: w.svc.add_action_item(s["visit"], v, "Afdelingsleder"),
         lambda w, s: _findings(w, s).action_items[0].action),
    Case("action_item-responsible", "responsible", visit_setup(conducted=True),
         lambda w, s, v: w.svc.add_action_item(s["visit"], "Gåture tre gange om ugen", v),
         lambda w, s: _findings(w, s).action_items[0].responsible),
    Case("consultation-reply_text", "reply_text", visit_setup(consultation=True, who="lene"),
         lambda w, s, v: w.svc.reply_to_consultation(s["visit"], v),
         _reply),
    Case("return_to_draft-reason", "reason", visit_setup(consultation=True),
         lambda w, s, v: w.svc.return_to_draft(s["visit"], v), last_audit_reason),
]


def _too_long(exc: DomainError) -> list[DomainError]:
    errors = exc.errors if isinstance(exc, ValidationError) else [exc]
    return [e for e in errors if e.code == "text_too_long"]


def test_every_field_is_covered():
    covered = {c.limit or c.field for c in CASES}
    # The seed has its own rule and message (seed_format); the rest of FIELD_MAX is typed somewhere.
    assert set(FIELD_MAX) - covered == {"seed"}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_text_at_the_maximum_is_stored_and_one_character_more_is_refused(ctx, case):
    w = build(ctx)
    state = case.setup(w)
    accepted = case.accepted if case.accepted is not None else text(case.maximum)
    refused = case.refused if case.refused is not None else "x" * (case.maximum + 1)
    case.write(w, state, accepted)
    assert case.read(w, state) == case.expect(accepted)
    with pytest.raises(DomainError) as exc:
        case.write(w, state, refused)
    [err] = _too_long(exc.value)
    assert (err.field, err.params["maximum"], err.params["length"]) == (case.field, case.maximum,
                                                                         text_length(refused))
    assert case.read(w, state) == case.expect(accepted)  # nothing written


def test_a_long_episode_description_is_refused_in_danish_and_the_maximum_is_stored(ctx):
    w = build(ctx)
    as_staff(w)
    force = ForceService(w.ctx)
    with pytest.raises(ValidationError) as exc:
        force.register_episode(episode(w, description="Beboeren ville gå ud. " * 454 + "x" * 13))
    assert text_for(exc.value) == "Beskriv magtanvendelsen kort må højst være 10.000 tegn (der står 10.001)."
    assert the_form(w) is None  # no form, no episode
    description = ("Beboeren ville gå ud. " * 455)[:10_000]
    force.register_episode(episode(w, description=description))
    assert the_form(w).episodes[0].description == description.strip()


def test_a_resident_name_of_201_characters_is_refused_in_danish(ctx):
    w = build(ctx)
    as_admin(w)
    residents = ResidentService(w.ctx)
    before = residents.count()
    with pytest.raises(ValidationError) as exc:
        residents.save(None, ResidentInput("161130-1234", "Ærø " * 50 + "x", w.homes[0]))
    assert text_for(exc.value) == "Navn må højst være 200 tegn (der står 201)."
    assert residents.count() == before


def test_a_user_with_the_longest_name_can_void_a_signature(ctx):
    """The label "Fulde navn (brugernavn)" is stored as who voided a signature (String(200)) and
    on every audit entry (String(260)): the longest full name and username must fit both."""
    w = build(ctx)
    as_admin(w)
    username, full_name = "p" * FIELD_MAX["username"], "Pia " + "J" * (FIELD_MAX["full_name"] - 4)
    w.users.update_user(w.user_ids["pia"], UserInput(username, full_name, "staff", "SSA", (w.homes[0],)))
    w.users.login(username, PW)
    force = ForceService(w.ctx)
    w.at(D(2026, 3, 20), 13)
    reg = force.register_episode(episode(w))
    force.sign_section(reg.form_id, 2, PW)
    force.update_episode(reg.episode_id, episode(w), reason="Rettet stavefejl")
    with w.ctx.uow_factory() as uow:
        voided_by = uow.session.scalars(select(Signature.voided_by).where(Signature.voided_at.is_not(None))).one()
    assert voided_by == f"{full_name} ({username})"
