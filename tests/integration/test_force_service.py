import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tilsyn.domain.errors import DomainError, ValidationError
from tilsyn.domain.force import AuthorityInput, EpisodeInput, EpisodeNotCovered, LeaderInput, StaffInput
from tilsyn.domain.people import CareHomeInput, ResidentInput
from tilsyn.domain.roles import PermissionDenied
from tilsyn.services.audit import AuditService
from tilsyn.services.care_homes import CareHomeService
from tilsyn.services.force import ForceService
from tilsyn.services.residents import PermitInput, ResidentService
from tilsyn.services.users import UserInput, UserService

CPH = ZoneInfo("Europe/Copenhagen")
D = dt.date
NOW = dt.datetime(2026, 3, 20, 12, 0, tzinfo=dt.timezone.utc)
PW = {"admin": "admin-kode", "pia": "pia-kodeord", "lene": "lene-kodeord", "sofie": "sofie-kodeord",
      "karl": "karl-kodeord"}


@pytest.fixture
def w(ctx):
    ctx.clock = lambda: NOW
    homes = CareHomeService(ctx).set_up_municipality(
        "Vejle Kommune", [CareHomeInput("Bakkegården"), CareHomeInput("Solgården")])
    res = ResidentService(ctx)
    jens = res.save(None, ResidentInput("010130-1234", "Jens Hansen", homes[0].id, room="12")).id
    anna = res.save(None, ResidentInput("020230-1234", "Anna Berg", homes[0].id, room="14")).id
    bo = res.save(None, ResidentInput("030330-1234", "Bo Ek", homes[0].id)).id
    res.save_permit(jens, None, PermitInput(("127_retention", "126a_hygiene"), D(2026, 1, 1), D(2026, 3, 25), "Om natten"))
    res.save_permit(anna, None, PermitInput(("125_alarm",), D(2026, 1, 1), D(2026, 12, 31), "Altid"))
    users = UserService(ctx)
    users.create_first_admin("admin", "Anne Admin", PW["admin"])
    users.login("admin", PW["admin"])
    users.create_user(UserInput("pia", "Pia Jensen", "staff", "SSA", (homes[0].id,)), PW["pia"])
    users.create_user(UserInput("lene", "Lene Leder", "leader", "Centerleder", (homes[0].id,)), PW["lene"])
    users.create_user(UserInput("sofie", "Sofie Sag", "caseworker", "Sagsbehandler"), PW["sofie"])
    users.create_user(UserInput("karl", "Karl Konsulent", "consultant"), PW["karl"])
    users.login("pia", PW["pia"])
    return dict(homes=homes, jens=jens, anna=anna, bo=bo, users=users, svc=ForceService(ctx))


def as_(w, who):
    w["users"].login(who, PW[who])
    return w["svc"]


def episode(w, resident="jens", when=dt.datetime(2026, 3, 19, 23, 10, tzinfo=CPH), **kw):
    base = dict(resident_id=w[resident], force_type="127_retention", started_at=when,
                ended_at=when + dt.timedelta(minutes=10), location="Gangen ved hoveddøren",
                purpose="Forhindre at Jens gik ud i kulden", description="Jens ville gå ud i nattøj",
                avoidance="Tilbød kaffe og en snak", least_intrusive="Fulgte ham roligt tilbage",
                narrative="Tryghed genoprettet med musik", staff=(StaffInput("Pia Jensen", "Bakkegården", "SSA", True),
                                                                  StaffInput("Ole Hansen", "Bakkegården", "SSH")))
    base.update(kw)
    return EpisodeInput(**base)


def fill_leader(svc, form_id):
    return svc.save_leader_section(form_id, LeaderInput(
        necessity="Jens var i fare for at gå ud i frostvejret.", reflection="Gennemgået på personalemøde.",
        action_plan_updated="15-03-2026", discussed_in_staff_group=True, discussed_when="16-03-2026",
        action_plan_exists=True, leader_name="Lene Leder", assessed_on=D(2026, 3, 20)))


def fill_authority(svc, form_id):
    return svc.save_authority_section(form_id, AuthorityInput(
        followup_remarks="Ingen bemærkninger.", residence_municipality_informed=True,
        acting_municipality_informed=True, processed_by_name="Sofie Sag", processed_by_position="Sagsbehandler",
        processed_by_municipality="Vejle Kommune", processed_on=D(2026, 3, 20)))


def test_episodes_of_a_month_make_one_form(w):
    svc = w["svc"]
    a = svc.register_episode(episode(w))
    b = svc.register_episode(episode(w, when=dt.datetime(2026, 3, 20, 6, 0, tzinfo=CPH)))
    assert a.form_id == b.form_id and a.kind == "monthly" and not a.late
    form = svc.get_form(a.form_id)
    assert [e.started_at for e in form.episodes] == sorted(e.started_at for e in form.episodes)
    assert form.section1.cpr == "010130-1234" and form.section1.permits[0].force_types == ("126a_hygiene", "127_retention")
    assert form.status == "draft" and form.due_date == D(2026, 4, 5) and form.template_version == "vejle-2011"


def test_outside_permit_is_offered_as_acute_and_nothing_is_lost(w):
    svc = w["svc"]
    with pytest.raises(EpisodeNotCovered) as exc:
        svc.register_episode(episode(w, force_type="128_belts"))
    assert exc.value.params["reason"] == "type_not_permitted"
    with pytest.raises(EpisodeNotCovered) as exc:
        svc.register_episode(episode(w, resident="bo"))
    assert exc.value.params["reason"] == "no_active_permit"
    acute = svc.register_episode(episode(w, resident="bo"), as_acute=True)
    form = svc.get_form(acute.form_id)
    assert form.kind == "acute" and form.not_covered_reason == "no_active_permit" and len(form.episodes) == 1
    assert form.template_version == "skema1-2010"
    assert svc.check_coverage(w["jens"], "128_belts", NOW).reason == "type_not_permitted"


def test_input_faults_come_before_the_acute_offer(w):
    with pytest.raises(ValidationError) as exc:
        w["svc"].register_episode(episode(w, resident="bo", staff=()))
    assert {e.code for e in exc.value.errors} == {"staff_required"}


def test_late_registration_is_kept_flagged_with_reason(w):
    svc = w["svc"]
    old = dt.datetime(2026, 3, 17, 21, 0, tzinfo=CPH)
    with pytest.raises(ValidationError) as exc:
        svc.register_episode(episode(w, when=old))
    assert exc.value.errors[0].code == "late_reason_required"
    r = svc.register_episode(episode(w, when=old, late_reason="Glemt ved vagtskifte"))
    assert r.late
    dash = as_(w, "lene").dashboard()
    assert [e.episode_id for e in dash.late_registrations] == [r.episode_id]


def test_only_permitted_types_are_offered(w):
    types = w["svc"].permitted_types(w["jens"])
    assert [t.code for t in types] == ["126a_hygiene", "127_retention"]
    assert types[0].situations[0] == ("tooth_brushing", "Tandbørstning")
    assert w["svc"].permitted_types(w["bo"]) == []


def test_full_cycle_signatures_in_order_send_and_process(w):
    svc = w["svc"]
    fid = svc.register_episode(episode(w)).form_id
    lene = as_(w, "lene")
    fill_leader(lene, fid)
    with pytest.raises(DomainError) as exc:
        lene.sign_section(fid, 3, PW["lene"])
    assert exc.value.code == "signing_order"
    pia = as_(w, "pia")
    with pytest.raises(PermissionDenied):
        pia.sign_section(fid, 3, PW["pia"])
    form = pia.sign_section(fid, 2, PW["pia"])
    assert form.status == "awaiting_leader" and form.signature(2).signer == "Pia Jensen"
    lene = as_(w, "lene")
    with pytest.raises(DomainError):
        lene.send_to_authority(fid)
    lene.sign_section(fid, 3, PW["lene"])
    form = lene.send_to_authority(fid)
    assert form.status == "sent" and form.closed_for_staff
    sofie = as_(w, "sofie")
    assert [f.id for f in sofie.inbox()] == [fid]
    fill_authority(sofie, fid)
    form = sofie.sign_section(fid, 4, PW["sofie"])
    assert form.status == "processed" and sofie.inbox() == []
    as_(w, "admin")
    assert AuditService(w["svc"].ctx).verify().ok


def test_month_closes_for_staff_when_the_leader_signs(w):
    pia = w["svc"]
    fid = pia.register_episode(episode(w)).form_id
    pia.sign_section(fid, 2, PW["pia"])
    lene = as_(w, "lene")
    fill_leader(lene, fid)
    lene.sign_section(fid, 3, PW["lene"])
    pia = as_(w, "pia")
    with pytest.raises(DomainError) as exc:
        pia.register_episode(episode(w, when=dt.datetime(2026, 3, 20, 7, 0, tzinfo=CPH)))
    assert exc.value.code == "month_closed"
    assert len(pia.get_form(fid).episodes) == 1


def test_new_episode_after_section2_signature_voids_it(w):
    pia = w["svc"]
    fid = pia.register_episode(episode(w)).form_id
    pia.sign_section(fid, 2, PW["pia"])
    r = pia.register_episode(episode(w, when=dt.datetime(2026, 3, 20, 7, 0, tzinfo=CPH)))
    assert r.voided_sections == (2,)
    form = pia.get_form(fid)
    assert form.signature(2) is None and [s.section for s in form.must_sign_again] == [2]


def test_editing_a_signed_section_needs_a_reason_and_voids_later_signatures(w):
    pia = w["svc"]
    r = pia.register_episode(episode(w))
    pia.sign_section(r.form_id, 2, PW["pia"])
    lene = as_(w, "lene")
    fill_leader(lene, r.form_id)
    lene.sign_section(r.form_id, 3, PW["lene"])
    with pytest.raises(DomainError) as exc:
        lene.update_episode(r.episode_id, episode(w, description="Rettet beskrivelse"))
    assert exc.value.code == "reason_required"
    lene.update_episode(r.episode_id, episode(w, description="Rettet beskrivelse"), reason="Stavefejl")
    form = lene.get_form(r.form_id)
    assert form.signatures == () and [(s.section, s.signer) for s in form.must_sign_again] == [
        (2, "Pia Jensen"), (3, "Lene Leder")]
    assert form.episodes[0].description == "Rettet beskrivelse"


def test_send_back_needs_a_comment_and_voids_the_leader(w):
    pia = w["svc"]
    fid = pia.register_episode(episode(w)).form_id
    pia.sign_section(fid, 2, PW["pia"])
    lene = as_(w, "lene")
    fill_leader(lene, fid)
    lene.sign_section(fid, 3, PW["lene"])
    lene.send_to_authority(fid)
    sofie = as_(w, "sofie")
    with pytest.raises(ValidationError):
        sofie.send_back(fid, "  ")
    form = sofie.send_back(fid, "Uddyb hvordan magten var mindst indgribende.")
    assert form.status == "returned" and form.signature(3) is None and form.signature(2) is not None
    assert form.return_comment.startswith("Uddyb")
    assert [s.section for s in form.must_sign_again] == [3]
    lene = as_(w, "lene")
    assert fid in [f.id for f in lene.leader_queue()]


def test_due_date_and_overdue(w, ctx):
    fid = w["svc"].register_episode(episode(w)).form_id
    ctx.clock = lambda: dt.datetime(2026, 4, 6, 8, 0, tzinfo=dt.timezone.utc)
    lene = as_(w, "lene")
    form = lene.get_form(fid)
    # Issue 12, point 6: the state is the workflow step; "for sent" is a mark beside it.
    assert form.status == "awaiting_staff" and form.marks == {"overdue"} and form.overdue
    dash = lene.dashboard()
    assert [f.id for f in dash.overdue] == [fid]
    # One form is one line: only in the list of its state, with its marks on that line.
    assert [f.id for f in dash.awaiting_staff] == [fid] and dash.awaiting_staff[0].marks == {"overdue"}
    assert dash.leader_pending == () and dash.unsent_used_months == () and dash.returned == ()


def test_month_overview_shows_every_permitted_resident(w):
    w["svc"].register_episode(episode(w))
    w["svc"].register_episode(episode(w, resident="bo"), as_acute=True)
    rows = as_(w, "lene").month_overview(w["homes"][0].id, 2026, 3)
    assert [(r.resident_name, r.status, r.episodes, r.acute_records) for r in rows] == [
        ("Anna Berg", "none", 0, 0), ("Bo Ek", "none", 1, 1), ("Jens Hansen", "draft", 1, 0)]
    assert rows[2].cpr_masked == "010130-xxxx"


def test_dashboard_permits_ending(w):
    dash = as_(w, "lene").dashboard()
    assert [(p.resident_name, p.permit.valid_to) for p in dash.permits_ending] == [("Jens Hansen", D(2026, 3, 25))]


def test_resident_overview_counts_by_month_and_type(w):
    svc = w["svc"]
    svc.register_episode(episode(w))
    svc.register_episode(episode(w, force_type="126a_hygiene", situation="shaving",
                                 when=dt.datetime(2026, 3, 20, 8, 0, tzinfo=CPH)))
    svc.register_episode(episode(w, when=dt.datetime(2026, 2, 10, 8, 0, tzinfo=CPH), late_reason="Sygdom"))
    ov = svc.resident_overview(w["jens"])
    assert ov.months == ("2026-02", "2026-03")
    assert ov.count("2026-03", "127_retention") == 1 and ov.count("2026-02", "127_retention") == 1
    assert ov.totals == {"127_retention": 2, "126a_hygiene": 1}
    assert ov.types[0] == ("126a_hygiene", "Fastholdelse i hygiejnesituationer (§ 126 a)")


def test_consultant_never_reads_narratives(w):
    fid = w["svc"].register_episode(episode(w)).form_id
    karl = as_(w, "karl")
    with pytest.raises(PermissionDenied):
        karl.get_form(fid)
    assert karl.residents_with_force(None, D(2025, 3, 20), D(2026, 3, 20)) == {w["jens"]}
    with pytest.raises(PermissionDenied):
        as_(w, "pia").residents_with_force(None, D(2025, 3, 20), D(2026, 3, 20))


def test_drafts_autosave_per_user(w):
    svc = w["svc"]
    assert svc.load_draft("episode") is None
    svc.save_draft("episode", {"resident_id": w["jens"], "description": "Jens ville"})
    svc.save_draft("episode", {"resident_id": w["jens"], "description": "Jens ville gå ud"})
    assert svc.load_draft("episode")["description"] == "Jens ville gå ud"
    lene = as_(w, "lene")
    assert lene.load_draft("episode") is None
    pia = as_(w, "pia")
    pia.discard_draft("episode")
    assert pia.load_draft("episode") is None


def test_colleagues_on_shift_are_remembered(w):
    w["svc"].register_episode(episode(w))
    assert sorted(c.name for c in w["svc"].recent_colleagues()) == ["Ole Hansen", "Pia Jensen"]
    assert as_(w, "lene").recent_colleagues() == []


def test_scoped_staff_cannot_register_in_another_home(w, ctx):
    other = ResidentService(ctx)
    as_(w, "admin")
    rid = other.save(None, ResidentInput("040430-1234", "Eva Sol", w["homes"][1].id)).id
    pia = as_(w, "pia")
    with pytest.raises(PermissionDenied):
        pia.register_episode(episode(w, resident="bo", resident_id=rid), as_acute=True)
